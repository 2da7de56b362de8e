#pragma once

#include "ImportResult.h"

#include <QByteArrayView>
#include <QString>

namespace naqsh {

class LayerRegistry;

/**
 * Turns a Caffe network description (deploy or train_val .prototxt, the files Netscope reads)
 * into a Naqsh graph.
 *
 * Inputs come from `input` with `input_shape` or `input_dim`, from Input layers, or from the
 * data layers of a train_val file (which are replaced by Input layers with a warning). Layers
 * are read in file order, so in-place layers (top == bottom) chain as Caffe runs them. Pooling
 * rounds up, as Caffe does (ceil_mode). BatchNorm followed by Scale becomes one affine
 * BatchNorm2d; InnerProduct on a 4-D blob gets a Flatten in front. Training-only layers (data,
 * Accuracy, losses, TRAIN-phase layers) are skipped and listed in a warning; layer types Naqsh
 * does not model become opaque layers. Errors start with "line L, column C".
 */
ImportResult importPrototxt(QByteArrayView text, const LayerRegistry &registry);

/// Reads and imports a .prototxt file. The graph is named after the net, or the file.
ImportResult importPrototxtFile(const QString &path, const LayerRegistry &registry);

} // namespace naqsh
