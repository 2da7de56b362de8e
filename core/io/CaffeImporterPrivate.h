#pragma once

// The Caffe importer's internals, shared by CaffeImporter.cpp (reading layers, phases, blob
// names), CaffeInputs.cpp (where the input size comes from) and CaffeLayers.cpp (one Naqsh
// layer per Caffe layer type). Private to core/io.

#include "ImportBuilder.h"
#include "ImportResult.h"
#include "PrototxtParser.h"

#include <QHash>
#include <QSet>
#include <QStringList>
#include <QVariant>

namespace naqsh::caffe {

inline constexpr int kNamesInWarning = 5;

/// The canonical (V2) name of a layer type as written in a file: V1 enum names (CONVOLUTION)
/// are mapped as Caffe's upgrade_proto does, and known type names match in any case ("data",
/// "relu", "innerproduct"). Unknown names are returned trimmed, unchanged.
QString canonicalType(const QString &written);
bool isDataType(const QString &type);
bool isTrainingOnlyType(const QString &type);
/// Caffe layer types Naqsh keeps as opaque layers whose output has the shape of their input.
bool isElementwise(const QString &type);

/// A field value with the place it was written, for messages.
struct Field
{
    QVariant value;
    bool present = false;
    int line = 0;
    int column = 0;
};

struct Blob
{
    LayerId layer;
    int rank = -1;        ///< -1 when unknown
    bool skipped = false; ///< produced by a skipped training-only layer
    QString skippedBy;
    QString writtenBy; ///< the layer that wrote it last (for messages)
    int port = 0;      ///< the output of @c layer (a Caffe Slice imported as one Split)
};

struct LayerInfo
{
    PrototxtMessage msg;
    QString name;
    QString type;
    QStringList bottoms;
    QVector<PrototxtValue> bottomValues; ///< positions of the bottom names
    QStringList tops;
    int line = 0;
    int column = 0;

    QString label() const { return QStringLiteral("'%1' (%2)").arg(name, type); }
};

class CaffeImporter
{
public:
    explicit CaffeImporter(const LayerRegistry &registry)
        : m_builder(registry)
    {
    }

    ImportResult run(QByteArrayView text);

private:
    bool failAt(int line, int column, const QString &message);
    bool failAt(const LayerInfo &l, const QString &message);
    bool failField();
    void warn(const QString &message) { m_warnings << message; }

    // Typed field reads; a value of the wrong kind is an error at its position.
    Field intField(const PrototxtMessage &m, QStringView name, qint64 def);
    Field realField(const PrototxtMessage &m, QStringView name, double def);
    Field boolField(const PrototxtMessage &m, QStringView name, bool def);
    QVector<Field> intFields(const PrototxtMessage &m, QStringView name);
    /// An enum field given as a name (MAX) or a number (0); @p names in enum order.
    Field enumField(const PrototxtMessage &m, QStringView name, const QStringList &names, int def);
    /// Caffe's h/w convention: `repeated` once (both axes) or twice (h, w), or the @p hName and
    /// @p wName fields, or the default.
    bool hw(const LayerInfo &l, const PrototxtMessage &p, QStringView repeated, QStringView hName,
            QStringView wName, qint64 def, Field *h, Field *w);
    void set(LayerDraft &d, QStringView key, const Field &f);
    /// Adds the drafted layer and binds its first top; false (with the error) when the draft
    /// was refused or a field had the wrong kind.
    bool finish(const LayerInfo &l, const LayerDraft &d, const QVector<LayerId> &inputs, int rank);

    // CaffeImporter.cpp
    bool importLayer(const PrototxtField &field, int index);
    bool readLayerInfo(const PrototxtField &field, int index, LayerInfo *l);
    /// False when the layer does not run in the TEST phase (include/exclude rules).
    bool inTestPhase(const LayerInfo &l);
    /// Picks, for every blob written by data layers, the one data layer that feeds it in a
    /// deploy (the TEST-phase one, or the first).
    void chooseDataLayers(const PrototxtMessage &root);
    QString unknownBottomMessage(const LayerInfo &l, int bottom) const;
    void skip(const LayerInfo &l, const QString &why);
    void bindTop(const QString &top, LayerId id, int rank, const QString &writer = {}, int port = 0)
    {
        m_blobs[top] = Blob{id, rank, false, {}, writer, port};
    }
    /// Adds a layer; inputs that are the current layer's bottoms (all of them or the first
    /// few, in order) keep the outputs they come from.
    LayerId addLayer(const LayerDraft &d, const QString &name, const QVector<LayerId> &inputs);
    int rankOf(const QString &blob) const { return m_blobs.value(blob).rank; }

    // CaffeInputs.cpp
    bool readNetInputs(const PrototxtMessage &root);
    bool addInput(const QString &name, const QVector<qint64> &dims, int line, int column,
                  const QString &origin);
    bool inputLayer(const LayerInfo &l);
    bool dataLayer(const LayerInfo &l);

    // CaffeLayers.cpp
    bool importKnownLayer(const LayerInfo &l, const QVector<LayerId> &in);
    bool convolution(const LayerInfo &l, const QVector<LayerId> &in, bool transposed,
                     bool depthwise);
    bool pooling(const LayerInfo &l, const QVector<LayerId> &in);
    bool innerProduct(const LayerInfo &l, const QVector<LayerId> &in);
    bool opaque(const LayerInfo &l, const QVector<LayerId> &in, const QString &reason = {});

    // CaffeDetection.cpp
    /// Crop, Normalize, PriorBox, DetectionOutput, ROIPooling, Power, ArgMax and Python layers;
    /// sets *handled to false (and returns false) when @p l is none of them.
    bool detectionLayer(const LayerInfo &l, const QVector<LayerId> &in, bool *handled);
    bool pythonLayer(const LayerInfo &l, const QVector<LayerId> &in);

    // CaffeTensors.cpp
    /// Concat, Flatten, Reshape, Permute and Slice on any axis, as Naqsh's tensor layers; sets
    /// *handled to false (and returns false) when @p l is none of them.
    bool tensorLayer(const LayerInfo &l, const QVector<LayerId> &in, bool *handled);
    bool reshape(const LayerInfo &l, const QVector<LayerId> &in);
    bool permute(const LayerInfo &l, const QVector<LayerId> &in);
    bool slice(const LayerInfo &l, const QVector<LayerId> &in);

    ImportBuilder m_builder;
    QHash<QString, Blob> m_blobs;
    QVector<LayerId> m_in;     ///< the bottoms of the layer being imported
    QVector<int> m_inPorts;    ///< and the outputs they come from
    QSet<QString> m_laterTops; ///< every top written anywhere in the file
    QSet<int> m_chosenData;    ///< indices of the data layers that become inputs
    QSet<LayerId> m_batchNormAwaitingScale;
    QStringList m_skipped;
    QStringList m_opaqueOrder;
    QHash<QString, QStringList> m_opaqueLayers;
    QStringList m_warnings;
    PrototxtError m_fieldError;
    int m_problemLine = 0;
    int m_problemColumn = 0;
    QString m_error;
};

} // namespace naqsh::caffe
