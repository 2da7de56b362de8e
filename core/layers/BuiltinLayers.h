#pragma once

namespace naqsh {

class LayerRegistry;

// One function per layer family (one .cpp each). registerBuiltinLayers calls them in order.
void registerIoLayers(LayerRegistry &registry);   // Input, Output, Identity
void registerConvLayers(LayerRegistry &registry); // Conv2d, ConvTranspose2d
void registerPoolingLayers(
    LayerRegistry &registry); // MaxPool2d, AvgPool2d, GlobalAvgPool, AdaptiveAvgPool2d
void registerNormalizationLayers(LayerRegistry &registry); // BatchNorm2d, LRN
void registerActivationLayers(
    LayerRegistry &registry); // ReLU, ReLU6, LeakyReLU, PReLU, Sigmoid, Tanh, GELU, Softmax
void registerLinearLayers(LayerRegistry &registry); // Linear
void registerMergeLayers(LayerRegistry &registry);  // Concat, Add
void registerShapeLayers(LayerRegistry &registry);  // Dropout, Flatten, Upsample, ZeroPad2d
void registerTensorLayers(LayerRegistry &registry); // Reshape, Permute, Squeeze, Unsqueeze, Slice,
                                                    // ChannelShuffle, PixelShuffle
void registerReduceLayers(LayerRegistry &registry); // ReduceMean, ReduceSum, ReduceMax, ReduceL2
void registerElementwiseLayers(LayerRegistry &registry); // Mul, Sub, Div
void registerConvNdLayers(LayerRegistry &registry);      // Conv1d, Conv3d, MatMul
void registerSplitLayers(LayerRegistry &registry);       // Split, Chunk (several outputs)
void registerImportedLayers(LayerRegistry &registry);    // Opaque (operators Naqsh does not model)
// Crop, Normalize, PriorBox, DetectionOutput, ROIPooling, Power, ArgMax (Caffe detection models)
void registerDetectionLayers(LayerRegistry &registry);
void registerCompositeLayers(LayerRegistry &registry); // SE, attention, patches
void registerTokenLayers(LayerRegistry &registry);     // Class token, position embedding (ViT)

} // namespace naqsh
