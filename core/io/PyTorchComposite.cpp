// Composite blocks as the PyTorch modules they stand for: torchvision.ops.SqueezeExcitation,
// nn.MultiheadAttention, torchvision's Swin ShiftedWindowAttention and ViT's patch projection.
// Like the module table in PyTorchExport.cpp, a block not listed here is reported as having no
// equivalent, never guessed.
#include "PyTorchExportRules.h"

namespace naqsh {

namespace {

QString squeezeExcitation(const ModuleContext &c, bool *torchvision)
{
    const qint64 channels = c.inputs[0].c();
    qint64 squeeze = c.view.integer("squeeze_channels");
    if (squeeze <= 0)
        squeeze =
            std::max<qint64>(channels / std::max<qint64>(c.view.integer("reduction", 4), 1), 1);
    *torchvision = true;
    return QStringLiteral("torchvision.ops.SqueezeExcitation(%1, %2, activation=%3, "
                          "scale_activation=%4)")
        .arg(channels)
        .arg(squeeze)
        .arg(c.view.choice("activation") == QLatin1String("silu") ? QStringLiteral("nn.SiLU")
                                                                  : QStringLiteral("nn.ReLU"),
             c.view.choice("gate") == QLatin1String("hardsigmoid")
                 ? QStringLiteral("nn.Hardsigmoid")
                 : QStringLiteral("nn.Sigmoid"));
}

QString multiheadAttention(const ModuleContext &c)
{
    QString args = QStringLiteral("%1, %2, batch_first=True")
                       .arg(c.inputs[0].last())
                       .arg(c.view.integer("heads", 8));
    if (!c.view.flag("bias", true))
        args += QStringLiteral(", bias=False");
    return QStringLiteral("nn.MultiheadAttention(%1)").arg(args);
}

QString windowAttention(const ModuleContext &c, bool *torchvision)
{
    const qint64 window = c.view.integer("window", 7), shift = c.view.integer("shift", 0);
    *torchvision = true;
    QString args = QStringLiteral("%1, [%2, %2], [%3, %3], %4")
                       .arg(c.inputs[0].last())
                       .arg(window)
                       .arg(shift)
                       .arg(c.view.integer("heads", 3));
    if (!c.view.flag("bias", true))
        args += QStringLiteral(", qkv_bias=False, proj_bias=False");
    return QStringLiteral("torchvision.models.swin_transformer.ShiftedWindowAttention(%1)")
        .arg(args);
}

QString patchEmbedding(const ModuleContext &c)
{
    const qint64 p = c.view.integer("patch_size", 16);
    QString args = QStringLiteral("%1, %2, kernel_size=%3, stride=%3")
                       .arg(c.inputs[0].c())
                       .arg(c.view.integer("embed_dim", 768))
                       .arg(p);
    if (!c.view.flag("bias", true))
        args += QStringLiteral(", bias=False");
    return QStringLiteral("nn.Conv2d(%1)").arg(args);
}

} // namespace

ComposedModule pyTorchComposite(const ModuleContext &c)
{
    const QString &id = c.view.type.id;
    ComposedModule m;
    if (id == QLatin1String("squeeze_excitation")) {
        m.module = squeezeExcitation(c, &m.torchvision);
        m.call = QStringLiteral("%1(%2)");
    } else if (id == QLatin1String("multihead_attention")) {
        // Self-attention: the tokens are query, key and value; [0] drops the weights.
        m.module = multiheadAttention(c);
        m.call = QStringLiteral("%1(%2, %2, %2, need_weights=False)[0]");
        if (!c.view.flag("bias", true)) {
            // PyTorch 1.13's fused inference path fails without biases; the sequence-first
            // layout does not take it.
            m.module.replace(QStringLiteral(", batch_first=True"), QString());
            m.call = QStringLiteral("%1(%2.transpose(0, 1), %2.transpose(0, 1), %2.transpose(0, "
                                    "1), need_weights=False)[0].transpose(0, 1)");
        }
    } else if (id == QLatin1String("window_attention")) {
        m.module = windowAttention(c, &m.torchvision);
        m.call = QStringLiteral("%1(%2)");
    } else if (id == QLatin1String("patch_embedding")) {
        // ViT: conv_proj, then N×D×h×w → N×(h·w)×D tokens.
        m.module = patchEmbedding(c);
        m.call = QStringLiteral("%1(%2).flatten(2).transpose(1, 2)");
    }
    return m;
}

} // namespace naqsh
