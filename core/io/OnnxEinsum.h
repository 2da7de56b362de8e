#pragma once

#include <QString>
#include <QVector>

namespace naqsh {

/**
 * How an ONNX Einsum maps onto Naqsh's layers: a batched matrix product (MatMul with Permute
 * before and after where the labels are not already in place), or a plain transpose (Permute).
 *
 * Two operands: every label appears at most once per operand; the labels in both operands and
 * in the output are batch dimensions, exactly one label is in both operands and not in the
 * output (the summed index k), exactly one is only in the first operand and the output (n) and
 * exactly one only in the second operand and the output (m). The product is then
 * A[batch…, n, k] · B[batch…, k, m] = [batch…, n, m], whose MACs (output values × k) are what
 * PyTorch's einsum executes as bmm. Attention's scores 'bhid,bhjd->bhij' and context
 * 'bhij,bhjd->bhid' are of this form (MaxViT exports both, with spaces between the labels).
 * One operand: the output is a permutation of the input's labels.
 */
struct EinsumPlan
{
    /// Empty when the equation is supported; otherwise why not (translated, for the opaque
    /// layer's message).
    QString problem;
    bool matmul = false; ///< two operands (a MatMul); otherwise one operand (a Permute)
    int rankA = 0;
    int rankB = 0;
    /// Permutations (torch.permute's meaning: output dimension i is input dimension perm[i]) of
    /// the first operand, the second operand and the product; empty when nothing moves.
    QVector<qint64> permA, permB, permOut;
};

/// Plans @p equation (ONNX's Einsum attribute; spaces ignored, implicit output allowed).
EinsumPlan planEinsum(const QString &equation);

} // namespace naqsh
