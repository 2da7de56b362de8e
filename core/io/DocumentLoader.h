#pragma once

#include "ImportResult.h"
#include "OnnxReader.h"
#include "layout/LayeredLayout.h"

#include <QString>

namespace naqsh {

class LayerRegistry;

/// The file formats Naqsh opens, told apart by the file name's extension.
enum class DocumentFormat {
    Naqsh,    ///< .naqsh (and anything not listed below)
    Onnx,     ///< .onnx
    Prototxt, ///< .prototxt, .pbtxt (Caffe network description)
};

DocumentFormat documentFormat(const QString &path);

struct LoadOptions
{
    /// Lay imported models out (they carry no positions). Native documents keep theirs.
    bool layout = true;
    LayoutDirection direction = LayoutDirection::TopDown;
    /// ONNX only: reports reading progress; returning false cancels (the result says so).
    OnnxProgressCallback progress;
};

/**
 * Opens a document of any supported format: a .naqsh document as saved, or an ONNX or Caffe
 * model imported into an editable graph (see importOnnx, importPrototxt). The result carries
 * the importer's warnings and opaque operators; on error, only the message. Used by naqsh-cli
 * and the designer's File > Open.
 */
ImportResult loadDocument(const QString &path, const LayerRegistry &registry,
                          const LoadOptions &options = {});

} // namespace naqsh
