#pragma once

#include "graph/LayerId.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace naqsh {

class Analyzer;
class GraphModel;

/// "Add path…": picks a branch by its first and last layer (both included) and names it. A
/// live preview lists the layers on the path, or says why there is none; OK is enabled only
/// for a real path. Also asks whether the new variant becomes A, B or neither.
class AddPathDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Role { None, A, B };

    /// @p from and @p to prefill the pickers (e.g. from a two-layer selection).
    AddPathDialog(GraphModel *model, Analyzer *analyzer, LayerId from, LayerId to,
                  QWidget *parent = nullptr);

    LayerId from() const;
    LayerId to() const;
    QString name() const;
    Role role() const;

    void setFrom(LayerId id);
    void setTo(LayerId id);
    /// The preview line (layers on the path, or the reason there is none).
    QString preview() const;
    /// True when the chosen layers make a path.
    bool isValidPath() const;

private:
    void updatePreview();
    QString defaultName() const;

    GraphModel *m_model;
    Analyzer *m_analyzer;
    QComboBox *m_from;
    QComboBox *m_to;
    QLineEdit *m_name;
    QComboBox *m_role;
    QLabel *m_preview;
    QDialogButtonBox *m_buttons;
    QString m_autoName; ///< the name last filled in automatically (replaced while unedited)
    bool m_valid = false;
};

} // namespace naqsh
