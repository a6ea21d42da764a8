#pragma once

#include "app/mapping/schemedocument.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace rs {

// The bill as a whole: how rows become bills (groupBy), the idempotency key and the Kingdee
// field it goes to, the amount field, and BatchSave's request options. Every change is reported
// as the whole new document; the window makes it an undoable step. Setting a document from
// outside (an edit elsewhere, undo) reports nothing.
class BillSettingsForm final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BillSettingsForm)

public:
    // Which box a change came from: typing in one box merges into one undo step.
    enum class Part { GroupBy = 1, Key, KeyField, Amount, Options };

    explicit BillSettingsForm(QWidget *parent = nullptr);

    void setDocument(const SchemeDocument &document);
    // The loader's message when it is about this part of the scheme (target.groupBy, …).
    void setProblem(const QString &problem);

    void addOption(const QString &field = {}, const QString &value = {});

Q_SIGNALS:
    void documentEdited(const rs::SchemeDocument &document, rs::BillSettingsForm::Part part);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void textEdited(Part part);
    void readOptions();
    void removeOptions();

    SchemeDocument m_document;
    bool m_loading = false;
    QLabel *m_heading = nullptr;
    QLineEdit *m_groupBy = nullptr;
    QLineEdit *m_key = nullptr;
    QLineEdit *m_keyField = nullptr;
    QLineEdit *m_amount = nullptr;
    QLabel *m_optionsHeading = nullptr;
    QTableWidget *m_options = nullptr;
    QPushButton *m_addOption = nullptr;
    QPushButton *m_removeOptions = nullptr;
    QLabel *m_problem = nullptr;
    QList<QLabel *> m_labels;
};

} // namespace rs
