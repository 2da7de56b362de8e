#include "QuickAdd.h"

#include "InspectorParams.h"
#include "layers/LayerRegistry.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

namespace naqsh {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("naqsh::QuickAdd", text);
}

/// Persian and Arabic-Indic digits as Latin ones, "×" and "*" as "x".
QString normalized(const QString &word)
{
    QString out;
    for (const QChar c : word) {
        if (c.isDigit() && c.digitValue() >= 0)
            out += QChar(u'0' + c.digitValue());
        else if (c == QChar(0x00D7) || c == QLatin1Char('*') || c == QLatin1Char('X'))
            out += QLatin1Char('x');
        else if (c == QChar(0x066B)) // Arabic decimal separator
            out += QLatin1Char('.');
        else
            out += c;
    }
    return out;
}

bool sameWord(const QString &a, const char *b)
{
    return *b && (a.compare(QString::fromUtf8(b), Qt::CaseInsensitive) == 0 ||
                  a.compare(layerTr(b), Qt::CaseInsensitive) == 0);
}

const LayerType *findType(const LayerRegistry &registry, const QString &word,
                          const QStringList &candidates)
{
    for (const LayerType &t : registry.types())
        if (t.id.compare(word, Qt::CaseInsensitive) == 0 || sameWord(word, t.displayName))
            return &t;
    for (const LayerType &t : registry.types())
        if (sameWord(word, t.shortName))
            return &t;
    for (const QString &id : candidates)
        if (const LayerType *t = registry.find(id))
            return t;
    return nullptr;
}

} // namespace

QuickAdd QuickAdd::parse(const LayerRegistry &registry, const QString &text,
                         const QStringList &candidates)
{
    QuickAdd q;
    const QStringList words =
        text.split(QRegularExpression(QStringLiteral("[\\s,،]+")), Qt::SkipEmptyParts);
    if (words.isEmpty())
        return q;
    const LayerType *type = findType(registry, words.first(), candidates);
    if (!type) {
        q.error = tr("No layer type matches “%1”").arg(words.first());
        return q;
    }
    q.typeId = type->id;
    QVector<int> all;
    for (int i = 0; i < type->params.size(); ++i)
        all.append(i);
    const QVector<int> order = inspectorOrder(*type, all);
    QSet<int> taken;
    auto set = [&](int index, const QVariant &value, const QString &word) {
        QString why;
        const QVariant v = validateParam(type->params[index], value, &why);
        if (!v.isValid()) {
            q.error = tr("“%1”: %2").arg(word, why);
            return false;
        }
        q.params.insert(type->params[index].key, v);
        taken.insert(index);
        return true;
    };
    static const QRegularExpression numbers(QStringLiteral("^\\d+(\\.\\d+)?(x\\d+(\\.\\d+)?)*$"));
    for (int w = 1; w < words.size(); ++w) {
        const QString &word = words[w];
        const QString n = normalized(word);
        const auto notUnderstood = [&] {
            q.error = tr("“%1” is not a value of %2: write key=value, e.g. %3=…")
                          .arg(word, type->translatedName(),
                               type->params.isEmpty() ? QStringLiteral("…")
                                                      : type->params[order.first()].key);
        };
        if (const int eq = int(n.indexOf(QLatin1Char('='))); eq > 0) {
            const QString key = n.left(eq);
            const QString value = n.mid(eq + 1);
            const int index = type->paramIndex(key);
            if (index < 0) {
                q.error = tr("%1 has no parameter “%2”").arg(type->translatedName(), key);
                return q;
            }
            const ParamSpec &spec = type->params[index];
            QVariant v = value;
            if (spec.kind == ParamKind::Bool) {
                const QString l = value.toLower();
                v = l == QLatin1String("true") || l == QLatin1String("1") ||
                    l == QLatin1String("yes") || l == QLatin1String("on");
                if (!v.toBool() && l != QLatin1String("false") && l != QLatin1String("0") &&
                    l != QLatin1String("no") && l != QLatin1String("off")) {
                    notUnderstood();
                    return q;
                }
            } else if (spec.kind == ParamKind::Int || spec.kind == ParamKind::Real) {
                bool ok = false;
                const double d = value.toDouble(&ok);
                if (!ok) {
                    notUnderstood();
                    return q;
                }
                v = d;
            } else if (spec.kind == ParamKind::Choice) {
                for (int c = 0; c < spec.choiceLabels.size(); ++c)
                    if (sameWord(value, spec.choiceLabels[c]))
                        v = spec.choices.value(c);
            }
            if (!set(index, v, word))
                return q;
            continue;
        }
        const QRegularExpressionMatch m = numbers.match(n);
        if (m.hasMatch()) {
            QVector<double> values;
            for (const QString &part : n.split(QLatin1Char('x')))
                values.append(part.toDouble());
            bool done = false;
            if (values.size() == 1) {
                for (int i : order) {
                    const ParamSpec &s = type->params[i];
                    if (!taken.contains(i) && s.pairKey.isEmpty() &&
                        (s.kind == ParamKind::Int || s.kind == ParamKind::Real)) {
                        if (!set(i, values[0], word))
                            return q;
                        done = true;
                        break;
                    }
                }
            } else if (values.size() == 2) {
                for (int i : order) {
                    const ParamSpec &s = type->params[i];
                    const int partner = s.pairKey.isEmpty() ? -1 : type->paramIndex(s.pairKey);
                    if (partner >= 0 && !taken.contains(i) && !taken.contains(partner)) {
                        if (!set(i, values[0], word) || !set(partner, values[1], word))
                            return q;
                        done = true;
                        break;
                    }
                }
            } else if (values.size() == 3) {
                const int c = type->paramIndex(u"channels"), h = type->paramIndex(u"height"),
                          wi = type->paramIndex(u"width");
                if (c >= 0 && h >= 0 && wi >= 0) {
                    if (!set(c, values[0], word) || !set(h, values[1], word) ||
                        !set(wi, values[2], word))
                        return q;
                    done = true;
                }
            }
            if (!done) {
                notUnderstood();
                return q;
            }
            continue;
        }
        bool done = false;
        for (int i : order) {
            const ParamSpec &s = type->params[i];
            if (s.kind != ParamKind::Choice || taken.contains(i))
                continue;
            for (int c = 0; c < s.choices.size() && !done; ++c) {
                if (s.choices[c].compare(n, Qt::CaseInsensitive) == 0 ||
                    (c < s.choiceLabels.size() && sameWord(n, s.choiceLabels[c]))) {
                    if (!set(i, s.choices[c], word))
                        return q;
                    done = true;
                }
            }
            if (done)
                break;
        }
        if (!done) {
            notUnderstood();
            return q;
        }
    }
    return q;
}

} // namespace naqsh
