#pragma once

#include <QDialog>

class QTableWidget;

namespace rs {

struct SchemeChangeSummary;

// Before a changed scheme becomes what sync uses: how many pending bills change, which ones,
// and the sendable total before and after, exact to the cent. OK makes the change.
class ChangeSummaryDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChangeSummaryDialog)

public:
    explicit ChangeSummaryDialog(const SchemeChangeSummary &summary, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }

private:
    QTableWidget *m_table = nullptr;
};

} // namespace rs
