#pragma once

#include "TensorShape.h"

#include <QString>
#include <optional>

namespace naqsh {

/// Reads a student's typed answer: Latin or Persian/Arabic-Indic digits, with or without group
/// separators (, ٬ ' space), optionally with a K/M/G suffix ("12.4M"). Empty optional if it is
/// not a number.
std::optional<qint64> parseAnswerNumber(const QString &answer);
/// Reads a shape such as "1×16×28×28", "1x16x28x28", "16*28*28" or "۱۶×۲۸×۲۸".
std::optional<QVector<qint64>> parseAnswerShape(const QString &answer);

/// True if @p answer equals @p expected exactly, or, when the student used a K/M/G suffix, within
/// the precision they wrote (12.4M accepts 12,443,648).
bool checkNumberAnswer(const QString &answer, qint64 expected);
/// True if @p answer names @p expected, with or without the batch dimension.
bool checkShapeAnswer(const QString &answer, const TensorShape &expected);

} // namespace naqsh
