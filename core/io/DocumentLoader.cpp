#include "DocumentLoader.h"

#include "CaffeImporter.h"
#include "NaqshFile.h"
#include "OnnxImporter.h"
#include "layout/GraphLayout.h"

#include <QFileInfo>

namespace naqsh {

DocumentFormat documentFormat(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"onnx")
        return DocumentFormat::Onnx;
    if (suffix == u"prototxt" || suffix == u"pbtxt")
        return DocumentFormat::Prototxt;
    return DocumentFormat::Naqsh;
}

ImportResult loadDocument(const QString &path, const LayerRegistry &registry,
                          const LoadOptions &options)
{
    ImportResult result;
    switch (documentFormat(path)) {
    case DocumentFormat::Naqsh: {
        NaqshFile::ReadResult file = NaqshFile::read(path, registry);
        result.error = file.error;
        result.warnings = file.warnings;
        if (file.ok())
            result.graph = std::move(file.graph);
        return result;
    }
    case DocumentFormat::Onnx:
        result = importOnnxFile(path, registry, options.progress);
        break;
    case DocumentFormat::Prototxt:
        result = importPrototxtFile(path, registry);
        break;
    }
    if (result.ok() && options.layout)
        layoutGraph(result.graph, options.direction);
    return result;
}

} // namespace naqsh
