#pragma once

#include "app/mapping/schemedocument.h"

#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace rs {

// The scheme's checks — the rules a finished bill must pass before it may be sent — as a list
// and the form of the chosen one; the form shows the keys its kind takes. Every change is
// reported as the whole new document; the window makes it an undoable step and re-maps.
class ChecksEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChecksEditor)

public:
    // Which box a change came from: typing in one box of one check merges into one undo step.
    enum class Part { Name = 1, Message, Field, Value, Column, Factor, Header, Fields, Other };

    explicit ChecksEditor(QWidget *parent = nullptr);

    void setDocument(const SchemeDocument &document);
    // The loader's message about check `index` (-1: none).
    void setProblem(int index, const QString &problem);
    // The checks (by name, or kind when unnamed) that the previewed application's bills fail:
    // marked in the list as the loader's problem is.
    void setFailingChecks(const QStringList &names);
    int currentCheck() const;
    void selectCheck(int index);
    void addCheck(const QString &kind);
    void removeCheck();

Q_SIGNALS:
    void documentEdited(const rs::SchemeDocument &document, int check, rs::ChecksEditor::Part part);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void refreshList();
    void showCurrent();
    void edited(Part part);
    void colourList();

    SchemeDocument m_document;
    QList<CheckRule> m_checks;
    bool m_loading = false;
    int m_problemIndex = -1;
    QString m_problemText;
    QStringList m_failing;
    QLabel *m_heading = nullptr;
    QListWidget *m_list = nullptr;
    QComboBox *m_addKind = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
    QFormLayout *m_form = nullptr;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_message = nullptr;
    QLineEdit *m_field = nullptr;
    QComboBox *m_op = nullptr;
    QLineEdit *m_value = nullptr;
    QLineEdit *m_column = nullptr;
    QLineEdit *m_factor = nullptr;
    QLineEdit *m_header = nullptr;
    QLineEdit *m_fields = nullptr;
    QLabel *m_problem = nullptr;
};

} // namespace rs
