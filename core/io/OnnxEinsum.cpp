#include "OnnxEinsum.h"

#include <QCoreApplication>

#include <algorithm>

namespace naqsh {

namespace {

bool isIdentity(const QVector<qint64> &perm)
{
    for (int i = 0; i < perm.size(); ++i)
        if (perm[i] != i)
            return false;
    return true;
}

/// The positions in @p from of the labels of @p to (each label of @p to is in @p from).
QVector<qint64> permutation(const QString &from, const QString &to)
{
    QVector<qint64> perm;
    for (const QChar c : to)
        perm << from.indexOf(c);
    return isIdentity(perm) ? QVector<qint64>{} : perm;
}

EinsumPlan unsupported(const QString &equation, const QString &why)
{
    EinsumPlan p;
    p.problem = QCoreApplication::translate("naqsh::Import",
                                            "equation '%1' is not modelled (%2); Naqsh maps "
                                            "batched matrix products such as "
                                            "'bhid,bhjd->bhij' and transposes such as 'ij->ji'")
                    .arg(equation.left(80), why);
    return p;
}

} // namespace

EinsumPlan planEinsum(const QString &equation)
{
    QString eq = equation;
    eq.remove(QLatin1Char(' '));
    if (eq.contains(QLatin1Char('.')))
        return unsupported(equation, QCoreApplication::translate("naqsh::Import", "an ellipsis"));
    const qsizetype arrow = eq.indexOf(QStringLiteral("->"));
    const QStringList operands = eq.left(arrow < 0 ? eq.size() : arrow).split(QLatin1Char(','));
    QString out;
    if (arrow >= 0) {
        out = eq.mid(arrow + 2);
    } else { // implicit output: the labels that appear once, in alphabetical order
        const QString all = operands.join(QString());
        for (QChar c = u'A'; c <= u'z'; c = QChar(c.unicode() + 1))
            if (all.count(c) == 1)
                out += c;
    }
    for (const QString &s : operands + QStringList{out}) {
        for (qsizetype i = 0; i < s.size(); ++i) {
            if (!s[i].isLetter() || s[i].unicode() > 127)
                return unsupported(equation, QCoreApplication::translate(
                                                 "naqsh::Import", "a label that is not a letter"));
            if (s.indexOf(s[i], i + 1) >= 0)
                return unsupported(
                    equation, QCoreApplication::translate(
                                  "naqsh::Import", "a label repeated in one term (a diagonal)"));
        }
    }
    if (operands.size() < 1 || operands.size() > 2)
        return unsupported(equation, QCoreApplication::translate("naqsh::Import", "%n operand(s)",
                                                                 nullptr, int(operands.size())));
    const QString &a = operands[0];
    EinsumPlan p;
    p.rankA = int(a.size());
    if (operands.size() == 1) {
        if (out.size() != a.size() ||
            !std::all_of(out.cbegin(), out.cend(), [&](QChar c) { return a.contains(c); }))
            return unsupported(equation, QCoreApplication::translate(
                                             "naqsh::Import", "a sum over a label of one operand"));
        p.permA = permutation(a, out);
        return p;
    }
    const QString &b = operands[1];
    p.matmul = true;
    p.rankB = int(b.size());
    QString batch, n, k, m;
    for (const QChar c : a) {
        const bool inB = b.contains(c), inOut = out.contains(c);
        if (inB && inOut)
            batch += c;
        else if (inB)
            k += c;
        else if (inOut)
            n += c;
        else
            return unsupported(equation, QCoreApplication::translate(
                                             "naqsh::Import", "a sum over a label of one operand"));
    }
    for (const QChar c : b) {
        if (!a.contains(c) && out.contains(c))
            m += c;
        else if (!a.contains(c))
            return unsupported(equation, QCoreApplication::translate(
                                             "naqsh::Import", "a sum over a label of one operand"));
    }
    for (const QChar c : out)
        if (!a.contains(c) && !b.contains(c))
            return unsupported(equation, QCoreApplication::translate(
                                             "naqsh::Import", "an output label in no operand"));
    if (k.size() != 1 || n.size() != 1 || m.size() != 1)
        return unsupported(equation, QCoreApplication::translate(
                                         "naqsh::Import",
                                         "not one summed label, one row label and one column "
                                         "label"));
    p.permA = permutation(a, batch + n + k);
    p.permB = permutation(b, batch + k + m);
    p.permOut = permutation(batch + n + m, out);
    return p;
}

} // namespace naqsh
