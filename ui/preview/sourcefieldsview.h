#pragma once

#include <QWidget>

class QLabel;
class QTableView;

namespace rs {

struct ApplicationRecord;
class SourceFieldsModel;
class SourceRowsModel;

// The left half of the preview: what the mapping reads from an application, its header fields
// as field/value pairs and its flattened table rows.
class SourceFieldsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourceFieldsView)

public:
    explicit SourceFieldsView(QWidget *parent = nullptr);

    void setApplication(const ApplicationRecord &application);
    void clear();
    // The rows of the bill being looked at, as BillDraft::rows gives them.
    void highlightRows(const QList<int> &rows);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    SourceFieldsModel *m_fieldsModel = nullptr;
    SourceRowsModel *m_rowsModel = nullptr;
    QLabel *m_heading = nullptr;
    QLabel *m_fieldsHeading = nullptr;
    QLabel *m_rowsHeading = nullptr;
    QTableView *m_fieldsView = nullptr;
    QTableView *m_rowsView = nullptr;
};

} // namespace rs
