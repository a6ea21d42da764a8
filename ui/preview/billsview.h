#pragma once

#include <QList>
#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QTabWidget;

namespace rs {

struct BillPreview;

// The right half of the preview: one tab per Kingdee bill (customer and amount, red when an
// issue keeps it back) and a button that copies the JSON of the bill in view. Past
// TabsAtMost bills the tabs become a list beside the JSON, so every bill stays in reach.
class BillsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BillsView)

public:
    explicit BillsView(QWidget *parent = nullptr);

    static constexpr int TabsAtMost = 6;

    // The tab of the bill with `keepKey` stays in view when it is still there. The bill with
    // `markedKey` (the one a log event names) is marked, and shown when no `keepKey` is given.
    void setBills(const QList<BillPreview> &bills, const QString &keepKey = {},
                  const QString &markedKey = {});
    void clear();
    // Null when there is no bill.
    const BillPreview *currentBill() const;
    // The bill shown marked, empty when none is.
    QString markedKey() const { return m_markedKey; }

Q_SIGNALS:
    // The source rows the bill in view is made of (BillDraft::rows).
    void currentRowsChanged(const QList<int> &rows);

public Q_SLOTS:
    // The current bill's Model object, exactly the JSON shown.
    void copyJson();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void announceCurrentRows();
    void showPage(int index);
    // "in Kingdee", "not in Kingdee" or the state between (sending, in doubt, reversed).
    static QString whereItIs(const BillPreview &bill);

    QLabel *m_heading = nullptr;
    QPushButton *m_copyButton = nullptr;
    QTabWidget *m_tabs = nullptr;
    QListWidget *m_list = nullptr; // instead of the tab bar, past TabsAtMost bills
    QLabel *m_noBills = nullptr;
    int m_billCount = 0;
    int m_inKingdee = 0;
    QString m_markedKey;
};

} // namespace rs
