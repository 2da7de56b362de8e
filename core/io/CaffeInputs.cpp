// Where a Caffe file puts the input size: net-level input/input_shape/input_dim, Input layers,
// and the data layers of train_val files (input_param, dummy_data_param, memory_data_param,
// transform_param.crop_size, new_height/new_width, resize_param, batch_size).
#include "CaffeImporterPrivate.h"

#include <QCoreApplication>

namespace naqsh::caffe {

bool CaffeImporter::addInput(const QString &name, const QVector<qint64> &dims, int line, int column,
                             const QString &origin)
{
    LayerDraft d;
    int rank = int(dims.size());
    if (rank == 4) {
        d = m_builder.draft("input");
        d.set(u"layout", QStringLiteral("image"));
        d.set(u"batch", dims[0]);
        d.set(u"channels", dims[1]);
        d.set(u"height", dims[2]);
        d.set(u"width", dims[3]);
    } else if (rank == 2) {
        d = m_builder.draft("input");
        d.set(u"layout", QStringLiteral("features"));
        d.set(u"batch", dims[0]);
        d.set(u"features", dims[1]);
    } else if (rank == 1 || rank == 3) {
        d = m_builder.draft("opaque");
        d.set(u"op_type", QStringLiteral("Input"));
        d.set(u"shape", QStringLiteral("given"));
        d.set(u"rank", qint64(rank));
        d.set(u"batch_from_input", false);
        for (int i = 0; i < rank; ++i)
            d.set(QStringLiteral("dim%1").arg(i), dims[i]);
    } else {
        return failAt(line, column,
                      QCoreApplication::translate("naqsh::Import",
                                                  "input '%1' has %2 dimensions; Naqsh supports "
                                                  "N×C×H×W or N×F inputs")
                          .arg(name)
                          .arg(rank));
    }
    if (!d.ok())
        return failAt(
            line, column,
            QCoreApplication::translate("naqsh::Import", "input '%1': %2").arg(name, d.problem()));
    if (rank != 2 && rank != 4) {
        warn(QCoreApplication::translate("naqsh::Import",
                                         "input '%1' has %2 dimensions, but Naqsh's Input layer "
                                         "takes N×C×H×W or N×F; it is imported as an opaque "
                                         "source")
                 .arg(name)
                 .arg(rank));
    }
    if (dims[0] > 1) {
        warn(QCoreApplication::translate("naqsh::Import",
                                         "input '%1' has batch size %2, as written %3; MACs and "
                                         "activations are for the whole batch (set the batch to 1 "
                                         "for per-image figures)")
                 .arg(name)
                 .arg(dims[0])
                 .arg(origin));
    }
    bindTop(name, m_builder.add(d, name, {}), rank);
    return true;
}

bool CaffeImporter::readNetInputs(const PrototxtMessage &root)
{
    QVector<PrototxtValue> names;
    for (const PrototxtField &f : root.fields) {
        if (f.name == u"input")
            names << f.value;
    }
    const QVector<PrototxtMessage> shapes = root.messages(u"input_shape");
    const QVector<Field> flatDims = intFields(root, u"input_dim");
    if (!m_fieldError.isEmpty())
        return failAt(m_fieldError.line, m_fieldError.column, m_fieldError.message);
    for (int i = 0; i < names.size(); ++i) {
        const PrototxtValue &v = names[i];
        const QString name = v.toString(&m_fieldError).value_or(QString());
        if (!m_fieldError.isEmpty())
            return failAt(m_fieldError.line, m_fieldError.column, m_fieldError.message);
        QVector<qint64> dims;
        QString origin;
        if (i < shapes.size()) {
            for (const Field &f : intFields(shapes[i], u"dim"))
                dims << f.value.toLongLong();
            origin = QCoreApplication::translate("naqsh::Import", "in input_shape");
        } else if (flatDims.size() >= 4 * (i + 1)) {
            for (int k = 0; k < 4; ++k)
                dims << flatDims[4 * i + k].value.toLongLong();
            origin = QCoreApplication::translate("naqsh::Import", "in input_dim");
        } else {
            return failAt(v.line, v.column,
                          QCoreApplication::translate("naqsh::Import",
                                                      "input '%1' has no shape: give it an "
                                                      "input_shape { dim: ... } or four "
                                                      "input_dim values")
                              .arg(name));
        }
        if (!m_fieldError.isEmpty())
            return failAt(m_fieldError.line, m_fieldError.column, m_fieldError.message);
        if (!addInput(name, dims, v.line, v.column, origin))
            return false;
    }
    return true;
}

bool CaffeImporter::inputLayer(const LayerInfo &l)
{
    const QVector<PrototxtMessage> shapes = l.msg.message(u"input_param").messages(u"shape");
    if (shapes.isEmpty())
        return failAt(l, QCoreApplication::translate("naqsh::Import",
                                                     "input_param has no shape { dim: ... }"));
    for (int i = 0; i < l.tops.size(); ++i) {
        QVector<qint64> dims;
        for (const Field &f : intFields(shapes[std::min<qsizetype>(i, shapes.size() - 1)], u"dim"))
            dims << f.value.toLongLong();
        if (!m_fieldError.isEmpty())
            return failField();
        if (!addInput(l.tops[i], dims, l.line, l.column,
                      QCoreApplication::translate("naqsh::Import", "in input_param")))
            return false;
    }
    return true;
}

namespace {

/// A size read from a data layer, with the field it came from ("crop_size").
struct Size
{
    qint64 value = 0;
    QString from;
    bool known() const { return value > 0; }
};

} // namespace

bool CaffeImporter::dataLayer(const LayerInfo &l)
{
    if (l.tops.isEmpty() || m_blobs.contains(l.tops[0])) {
        skip(l, {});
        return true;
    }
    auto markOtherTops = [&](int from) {
        for (int i = from; i < l.tops.size(); ++i) {
            if (!m_blobs.contains(l.tops[i]))
                m_blobs.insert(l.tops[i], Blob{{}, -1, true, l.label(), l.name, 0});
        }
    };
    // Files written for web analysers give the shape as an Input layer would.
    if (const qsizetype shapes = l.msg.message(u"input_param").messages(u"shape").size()) {
        LayerInfo given = l;
        given.tops = l.tops.mid(0, shapes);
        if (!inputLayer(given))
            return false;
        markOtherTops(int(given.tops.size()));
        return true;
    }

    if (l.type == u"DummyData") {
        const PrototxtMessage p = l.msg.message(u"dummy_data_param");
        const QVector<PrototxtMessage> shapes = p.messages(u"shape");
        const QVector<Field> num = intFields(p, u"num"), ch = intFields(p, u"channels"),
                             hs = intFields(p, u"height"), ws = intFields(p, u"width");
        if (!m_fieldError.isEmpty())
            return failField();
        if (!shapes.isEmpty() || !num.isEmpty()) {
            for (int i = 0; i < l.tops.size(); ++i) {
                QVector<qint64> dims;
                if (!shapes.isEmpty()) {
                    for (const Field &f :
                         intFields(shapes[std::min<qsizetype>(i, shapes.size() - 1)], u"dim"))
                        dims << f.value.toLongLong();
                } else {
                    // The legacy form: num, channels, height, width, one value per top or one
                    // for all of them.
                    for (const QVector<Field> *v : {&num, &ch, &hs, &ws}) {
                        if (!v->isEmpty())
                            dims << v->value(std::min<qsizetype>(i, v->size() - 1))
                                        .value.toLongLong();
                    }
                }
                if (!m_fieldError.isEmpty())
                    return failField();
                if (!addInput(l.tops[i], dims, l.line, l.column,
                              QCoreApplication::translate("naqsh::Import", "in dummy_data_param")))
                    return false;
            }
            return true;
        }
    }

    // The other data layers: batch size, channels and image size from their parameters.
    Size n, c, h, w;
    auto take = [&](Size *s, const PrototxtMessage &m, QStringView field, const QString &from) {
        if (s->known() || !m.has(field))
            return;
        const Field f = intField(m, field, 0);
        if (f.value.toLongLong() > 0)
            *s = Size{f.value.toLongLong(), from};
    };
    const PrototxtMessage transform = l.msg.message(u"transform_param");
    const PrototxtMessage memory = l.msg.message(u"memory_data_param");
    const PrototxtMessage image = l.msg.message(u"image_data_param");
    const PrototxtMessage window = l.msg.message(u"window_data_param");
    for (const char *param : {"data_param", "image_data_param", "window_data_param",
                              "hdf5_data_param", "memory_data_param", "video_data_param"}) {
        const QString name = QString::fromLatin1(param);
        take(&n, l.msg.message(name), u"batch_size", name + QStringLiteral(".batch_size"));
    }
    // The crop is taken last by Caffe's DataTransformer, so it decides the size.
    take(&h, transform, u"crop_size", QStringLiteral("transform_param.crop_size"));
    take(&w, transform, u"crop_size", QStringLiteral("transform_param.crop_size"));
    take(&h, window, u"crop_size", QStringLiteral("window_data_param.crop_size"));
    take(&w, window, u"crop_size", QStringLiteral("window_data_param.crop_size"));
    take(&h, memory, u"height", QStringLiteral("memory_data_param.height"));
    take(&w, memory, u"width", QStringLiteral("memory_data_param.width"));
    if (image.has(u"new_height") && image.has(u"new_width")) {
        take(&h, image, u"new_height", QStringLiteral("image_data_param.new_height"));
        take(&w, image, u"new_width", QStringLiteral("image_data_param.new_width"));
    }
    const PrototxtMessage resize = transform.message(u"resize_param"); // SSD's AnnotatedData
    take(&h, resize, u"height", QStringLiteral("transform_param.resize_param.height"));
    take(&w, resize, u"width", QStringLiteral("transform_param.resize_param.width"));
    take(&c, memory, u"channels", QStringLiteral("memory_data_param.channels"));
    if (!c.known() &&
        ((image.has(u"is_color") && !boolField(image, u"is_color", true).value.toBool()) ||
         boolField(transform, u"force_gray", false).value.toBool()))
        c = Size{1, QStringLiteral("force_gray")};
    if (!m_fieldError.isEmpty())
        return failField();

    const bool sizeKnown = h.known() && w.known();
    const qint64 batch = n.known() ? n.value : 1;
    const qint64 channels = c.known() ? c.value : 3;
    const qint64 height = h.known() ? h.value : (w.known() ? w.value : 224);
    const qint64 width = w.known() ? w.value : height;
    if (!addInput(l.tops[0], {batch, channels, height, width}, l.line, l.column,
                  QCoreApplication::translate("naqsh::Import", "in %1").arg(n.from)))
        return false;
    if (!sizeKnown) {
        warn(QCoreApplication::translate("naqsh::Import",
                                         "data layer %1 does not give the image size (no "
                                         "crop_size, new_height and new_width, resize_param or "
                                         "input_param shape): the Input layer '%2' assumes "
                                         "%3×%4×%5×%6; set the real size on that layer")
                 .arg(l.label(), l.tops[0])
                 .arg(batch)
                 .arg(channels)
                 .arg(height)
                 .arg(width));
    }
    markOtherTops(1);
    return true;
}

} // namespace naqsh::caffe
