#pragma once

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>

namespace rs {

// An application's header fields as the mapping reads them (form fields by name, then the
// instance attributes such as business_id), one per row: the left half of the preview.
class SourceFieldsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourceFieldsModel)

public:
    enum Column { FieldColumn, ValueColumn, ColumnCount };

    explicit SourceFieldsModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setFields(const QJsonObject &fields);
    void clear();
    void retranslate();

    // A source value as a clerk reads it: text as is, a multi-select joined with commas, an
    // absent value empty.
    static QString valueText(const QJsonValue &value);

private:
    QList<std::pair<QString, QJsonValue>> m_fields;
};

} // namespace rs
