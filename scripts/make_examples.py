#!/usr/bin/env python3
"""Writes resources/examples/*.naqsh. Run again after changing the examples' definitions."""
import json, os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'resources', 'examples')


class Doc:
    def __init__(self, name):
        self.name, self.layers, self.conns, self.variants = name, [], [], []

    def add(self, type_, name, x, y, **params):
        lid = len(self.layers) + 1
        self.layers.append({'id': lid, 'type': type_, 'name': name, 'params': params, 'position': [x, y]})
        return lid

    def link(self, a, b):
        self.conns.append({'from': a, 'to': b})

    def chain(self, *ids):
        for a, b in zip(ids, ids[1:]):
            self.link(a, b)

    def path(self, name, a, b):
        self.variants.append({'name': name, 'kind': 'path', 'from': a, 'to': b})

    def write(self, filename):
        doc = {'format': 'naqsh', 'version': 1, 'name': self.name, 'layers': self.layers,
               'connections': self.conns, 'comparisons': self.variants}
        with open(os.path.join(OUT, filename), 'w', encoding='utf-8') as f:
            json.dump(doc, f, ensure_ascii=False, indent=2)
            f.write('\n')


def conv(d, name, x, y, out, k, bias=True, **kw):
    return d.add('conv2d', name, x, y, out_channels=out, kernel_h=k, kernel_w=k,
                 padding='same' if k > 1 else 'explicit', bias=bias, **kw)


# The lesson: 28x28x192, plain 5x5x32 beside 1x1x16 -> 5x5x32. No bias, as the course counts.
d = Doc('5×5 vs 1×1 → 5×5 (lesson)')
i = d.add('input', 'input', 260, 0, channels=192, height=28, width=28)
plain = conv(d, 'conv5x5', 60, 200, 32, 5, bias=False)
red = conv(d, 'reduce1x1', 460, 140, 16, 1, bias=False)
red5 = conv(d, 'conv5x5_after_1x1', 460, 280, 32, 5, bias=False)
cat = d.add('concat', 'concat', 260, 420)
out = d.add('output', 'output', 260, 540)
d.chain(i, plain, cat)
d.chain(i, red, red5, cat)
d.link(cat, out)
d.path('Plain 5×5', plain, plain)
d.path('1×1 then 5×5', red, red5)
d.write('lesson.naqsh')

# GoogLeNet Inception (3a): 163,696 params, 128,049,152 MACs, output 1x256x28x28.
d = Doc('GoogLeNet Inception (3a)')
i = d.add('input', 'input', 460, 0, channels=192, height=28, width=28)
xs = [0, 240, 480, 720]
b1 = conv(d, '1x1', xs[0], 140, 64, 1); b1r = d.add('relu', 'relu_1x1', xs[0], 260)
b2 = conv(d, '3x3_reduce', xs[1], 140, 96, 1); b2r = d.add('relu', 'relu_3x3_reduce', xs[1], 260)
b2b = conv(d, '3x3', xs[1], 380, 128, 3); b2br = d.add('relu', 'relu_3x3', xs[1], 500)
b3 = conv(d, '5x5_reduce', xs[2], 140, 16, 1); b3r = d.add('relu', 'relu_5x5_reduce', xs[2], 260)
b3b = conv(d, '5x5', xs[2], 380, 32, 5); b3br = d.add('relu', 'relu_5x5', xs[2], 500)
b4 = d.add('maxpool2d', 'pool', xs[3], 140, kernel_h=3, kernel_w=3, stride_h=1, stride_w=1, pad_h=1, pad_w=1)
b4b = conv(d, 'pool_proj', xs[3], 260, 32, 1); b4br = d.add('relu', 'relu_pool_proj', xs[3], 380)
cat = d.add('concat', 'output_concat', 460, 640)
out = d.add('output', 'output', 460, 760)
d.chain(i, b1, b1r, cat)
d.chain(i, b2, b2r, b2b, b2br, cat)
d.chain(i, b3, b3r, b3b, b3br, cat)
d.chain(i, b4, b4b, b4br, cat)
d.link(cat, out)
d.path('3×3 branch (1×1 reduce)', b2, b2br)
d.path('5×5 branch (1×1 reduce)', b3, b3br)
d.write('inception_3a.naqsh')

# ResNet-50 bottleneck (layer1, block 0, with projection shortcut): 75,008 params.
d = Doc('ResNet-50 bottleneck block')
i = d.add('input', 'input', 200, 0, channels=64, height=56, width=56)
c1 = d.add('conv2d', 'conv1_1x1', 60, 130, out_channels=64, kernel_h=1, kernel_w=1, bias=False)
n1 = d.add('batchnorm2d', 'bn1', 60, 240); r1 = d.add('relu', 'relu1', 60, 350)
c2 = d.add('conv2d', 'conv2_3x3', 60, 460, out_channels=64, kernel_h=3, kernel_w=3, pad_top=1, pad_bottom=1, pad_left=1, pad_right=1, bias=False)
n2 = d.add('batchnorm2d', 'bn2', 60, 570); r2 = d.add('relu', 'relu2', 60, 680)
c3 = d.add('conv2d', 'conv3_1x1', 60, 790, out_channels=256, kernel_h=1, kernel_w=1, bias=False)
n3 = d.add('batchnorm2d', 'bn3', 60, 900)
sc = d.add('conv2d', 'shortcut_1x1', 400, 460, out_channels=256, kernel_h=1, kernel_w=1, bias=False)
sn = d.add('batchnorm2d', 'shortcut_bn', 400, 570)
add = d.add('add', 'add', 200, 1010); r3 = d.add('relu', 'relu_out', 200, 1120)
out = d.add('output', 'output', 200, 1230)
d.chain(i, c1, n1, r1, c2, n2, r2, c3, n3, add)
d.chain(i, sc, sn, add)
d.chain(add, r3, out)
d.path('Residual branch', c1, n3)
d.path('Projection shortcut', sc, sn)
d.write('resnet50_bottleneck.naqsh')

# MobileNet v1 depthwise-separable block (32 -> 64 channels at 112x112) beside a standard 3x3.
d = Doc('MobileNet depthwise-separable block')
i = d.add('input', 'input', 260, 0, channels=32, height=112, width=112)
dw = d.add('conv2d', 'depthwise_3x3', 60, 130, out_channels=32, kernel_h=3, kernel_w=3, groups=32, pad_top=1, pad_bottom=1, pad_left=1, pad_right=1, bias=False)
n1 = d.add('batchnorm2d', 'bn_dw', 60, 240); r1 = d.add('relu', 'relu_dw', 60, 350)
pw = d.add('conv2d', 'pointwise_1x1', 60, 460, out_channels=64, kernel_h=1, kernel_w=1, bias=False)
n2 = d.add('batchnorm2d', 'bn_pw', 60, 570); r2 = d.add('relu', 'relu_pw', 60, 680)
st = d.add('conv2d', 'standard_3x3', 460, 130, out_channels=64, kernel_h=3, kernel_w=3, pad_top=1, pad_bottom=1, pad_left=1, pad_right=1, bias=False)
n3 = d.add('batchnorm2d', 'bn_std', 460, 240); r3 = d.add('relu', 'relu_std', 460, 350)
o1 = d.add('output', 'separable_out', 60, 790)
o2 = d.add('output', 'standard_out', 460, 460)
d.chain(i, dw, n1, r1, pw, n2, r2, o1)
d.chain(i, st, n3, r3, o2)
d.path('Standard 3×3 conv', st, r3)
d.path('Depthwise-separable', dw, r2)
d.write('mobilenet_separable.naqsh')

# The block lessons (issue 14) are written by hand with their parameters (tests/core/
# tst_BlockExamples.cpp checks them against torchvision); only their places are set here: one
# row per ROW scene pixels and one column per COL, for cards 176 x 80 (ui/canvas/CanvasStyle.h),
# so that no two cards overlap (tests/ui/tst_MainWindow.cpp, examplesOpenWithoutOverlap).
ROW, COL = 100, 200
BLOCK_LESSONS = {
    'se_block.naqsh': ['input', 'expand_1x1', 'expand_bn', 'expand_relu', 'depthwise_5x5',
                       'depthwise_bn', 'depthwise_relu', 'se', 'project_1x1', 'project_bn',
                       'residual', 'output'],
    'shufflenet_v2_unit.naqsh': ['input', 'split_halves', '+pw_1x1', '+pw_bn', '+pw_relu',
                                 '+dw_3x3', '+dw_bn', '+pw2_1x1', '+pw2_bn', '+pw2_relu', 'concat',
                                 'channel_shuffle', 'output'],
    'convnext_block.naqsh': ['input', 'dw_7x7', 'channels_last', 'norm', 'pw_expand', 'gelu',
                             'pw_project', 'channels_first', 'layer_scale', 'residual', 'output'],
    'vit_encoder_block.naqsh': ['tokens', 'ln_1', 'self_attention', 'residual_1', 'ln_2',
                                'mlp_fc1', 'mlp_gelu', 'mlp_fc2', 'residual_2', 'output'],
}
for filename, rows in BLOCK_LESSONS.items():
    path = os.path.join(OUT, filename)
    with open(path, encoding='utf-8') as f:
        doc = json.load(f)
    place = {}
    for row, name in enumerate(rows):  # '+': the branch, one column to the right
        place[name.lstrip('+')] = [260 + COL * name.startswith('+'), ROW * row]
    for layer in doc['layers']:
        layer['position'] = place[layer['name']]
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)
        f.write('\n')
print('ok')
