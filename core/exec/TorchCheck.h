#pragma once

#include <QString>

namespace naqsh {

class Executor;
class LayerRegistry;
struct AnalysisResult;

/**
 * Writes what PyTorch needs to reproduce an executor's last run into @p dir: the generated
 * module (model.py, from toPyTorch), every input and weight tensor and every layer's output as
 * raw little-endian float32 files, and manifest.json naming them by the module's attribute
 * names. tests/tools/torch_compare.py loads the weights into the module, runs it on the same
 * inputs and compares each layer's output (or times the module).
 */
bool writeTorchCheck(const Executor &executor, const LayerRegistry &registry,
                     const AnalysisResult &analysis, const QString &dir, QString *error);

} // namespace naqsh
