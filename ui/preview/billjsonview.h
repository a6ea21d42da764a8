#pragma once

#include "ui/preview/billpreview.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPlainTextEdit;

namespace rs {

// One tab of the preview: where the bill stands in the store, its issues in red, and its JSON.
class BillJsonView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BillJsonView)

public:
    explicit BillJsonView(BillPreview bill, QWidget *parent = nullptr);

    const BillPreview &bill() const { return m_bill; }
    // Exactly the JSON shown, for the clipboard.
    QString jsonText() const { return m_bill.json; }

private:
    QString stateText() const;
    QString sourceText() const;
    QString kingdeeErrorText() const;

    BillPreview m_bill;
    QLabel *m_state = nullptr;
    QLabel *m_source = nullptr;
    QLabel *m_kingdeeError = nullptr;
    QListWidget *m_issues = nullptr;
    QPlainTextEdit *m_json = nullptr;
};

} // namespace rs
