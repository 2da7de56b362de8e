"""Writes the ResNet-50 and DenseNet-121 graphs with tiny widths as ONNX test models.

Usage: /usr/bin/python3 tests/tools/make_topology_models.py OUT_DIR

The layers and connections are torchvision's resnet50 and densenet121 (the same blocks, the same
skip and concatenation edges); only the channel counts are small, so that the files stay a few
hundred kilobytes. tst_EdgeRouting imports them to check that edges are routed around nodes.
"""
import sys

import torch
import torchvision


def main(out_dir):
    torch.manual_seed(0)
    resnet = torchvision.models.resnet50(weights=None)
    # Shrink every convolution to 4..8 channels while keeping the structure.
    resnet = _shrink_resnet(resnet)
    densenet = torchvision.models.DenseNet(growth_rate=4, block_config=(6, 12, 24, 16),
                                           num_init_features=8, bn_size=1, num_classes=10)
    for name, model in (("resnet50_topology", resnet), ("densenet121_topology", densenet)):
        model.eval()
        torch.onnx.export(model, torch.randn(1, 3, 32, 32), f"{out_dir}/{name}.onnx",
                          opset_version=13)
        print(name)


def _shrink_resnet(model):
    import torch.nn as nn

    def conv(c_in, c_out, k, stride=1):
        return nn.Conv2d(c_in, c_out, k, stride, k // 2, bias=False)

    c = 8
    model.conv1 = conv(3, c, 7, 2)
    model.bn1 = nn.BatchNorm2d(c)
    for stage in (model.layer1, model.layer2, model.layer3, model.layer4):
        for block in stage:
            stride = block.conv2.stride[0]
            block.conv1, block.bn1 = conv(c, 4, 1), nn.BatchNorm2d(4)
            block.conv2, block.bn2 = conv(4, 4, 3, stride), nn.BatchNorm2d(4)
            block.conv3, block.bn3 = conv(4, c, 1), nn.BatchNorm2d(c)
            if block.downsample is not None:
                block.downsample = nn.Sequential(conv(c, c, 1, stride), nn.BatchNorm2d(c))
    model.fc = nn.Linear(c, 10)
    return model


if __name__ == "__main__":
    main(sys.argv[1])
