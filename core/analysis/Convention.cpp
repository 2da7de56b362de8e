#include "Convention.h"

#include <QCoreApplication>

namespace naqsh {

QString conventionKey(FlopConvention c)
{
    switch (c) {
    case FlopConvention::Flops:
        return QStringLiteral("flops");
    case FlopConvention::TwoMacs:
        return QStringLiteral("2macs");
    case FlopConvention::MacsOnly:
        return QStringLiteral("macs");
    case FlopConvention::BiasAsMac:
        return QStringLiteral("torchinfo");
    }
    return {};
}

QStringList conventionKeys()
{
    return {QStringLiteral("flops"), QStringLiteral("2macs"), QStringLiteral("macs"),
            QStringLiteral("torchinfo")};
}

bool conventionFromKey(const QString &key, FlopConvention *out)
{
    for (FlopConvention c : {FlopConvention::Flops, FlopConvention::TwoMacs,
                             FlopConvention::MacsOnly, FlopConvention::BiasAsMac}) {
        if (conventionKey(c) == key.trimmed().toLower()) {
            *out = c;
            return true;
        }
    }
    return false;
}

QString conventionDisplayName(FlopConvention c)
{
    switch (c) {
    case FlopConvention::Flops:
        return QCoreApplication::translate("naqsh::Convention",
                                           "FLOPs = 2×MACs + other operations");
    case FlopConvention::TwoMacs:
        return QCoreApplication::translate("naqsh::Convention", "FLOPs = 2×MACs (as papers quote)");
    case FlopConvention::MacsOnly:
        return QCoreApplication::translate("naqsh::Convention", "MACs only (1 MAC = 1 operation)");
    case FlopConvention::BiasAsMac:
        return QCoreApplication::translate("naqsh::Convention",
                                           "MACs with bias as a MAC (torchinfo)");
    }
    return {};
}

QString dtypeKey(DType d)
{
    switch (d) {
    case DType::FP32:
        return QStringLiteral("fp32");
    case DType::FP16:
        return QStringLiteral("fp16");
    case DType::INT8:
        return QStringLiteral("int8");
    }
    return {};
}

bool dtypeFromKey(const QString &key, DType *out)
{
    for (DType d : {DType::FP32, DType::FP16, DType::INT8}) {
        if (dtypeKey(d) == key.trimmed().toLower()) {
            *out = d;
            return true;
        }
    }
    return false;
}

int bytesPerElement(DType d)
{
    switch (d) {
    case DType::FP32:
        return 4;
    case DType::FP16:
        return 2;
    case DType::INT8:
        return 1;
    }
    return 4;
}

CheckedInt flops(const Costs &c, FlopConvention conv)
{
    switch (conv) {
    case FlopConvention::Flops:
        return CheckedInt(2) * c.macs + c.biasAdds + c.otherOps();
    case FlopConvention::TwoMacs:
        return CheckedInt(2) * c.macs;
    case FlopConvention::MacsOnly:
        return c.macs;
    case FlopConvention::BiasAsMac:
        return c.macs + c.biasAdds;
    }
    return c.macs;
}

} // namespace naqsh
