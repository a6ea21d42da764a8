#pragma once

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QStringList>

namespace rs {

// An application's flattened table rows (MAPPING.md's beatFlat), one row each, with a column
// for every key any row has (表格_客户编码, 表格_不含税金额 …). The rows of the bill the clerk
// is looking at are shown in bold.
class SourceRowsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourceRowsModel)

public:
    explicit SourceRowsModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setRows(const QList<QJsonObject> &rows);
    void clear();
    // Indexes into the rows, as BillDraft::rows gives them.
    void setHighlightedRows(const QList<int> &rows);
    QStringList columns() const { return m_columns; }

private:
    QList<QJsonObject> m_rows;
    QStringList m_columns;
    QSet<int> m_highlighted;
};

} // namespace rs
