#include "models/sourcefieldsmodel.h"

#include "models/modelroles.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace rs {
namespace {

// DingTalk's instance attributes (business_id, create_time …) are lower-case ASCII; the form's
// own fields, which the clerk filled in, come first.
bool isAttribute(const QString &name)
{
    return !name.isEmpty() && name.front() >= QLatin1Char('a') && name.front() <= QLatin1Char('z');
}

} // namespace

SourceFieldsModel::SourceFieldsModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

int SourceFieldsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_fields.size());
}

int SourceFieldsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SourceFieldsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &[name, value] = m_fields.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        return index.column() == FieldColumn ? name : valueText(value);
    }
    if (role == UnderlyingDataRole)
        return index.column() == FieldColumn ? QVariant(name) : value.toVariant();
    return {};
}

QVariant SourceFieldsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case FieldColumn:
        return tr("Field");
    case ValueColumn:
        return tr("Value");
    default:
        return {};
    }
}

void SourceFieldsModel::setFields(const QJsonObject &fields)
{
    beginResetModel();
    m_fields.clear();
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it)
        m_fields.append({it.key(), it.value()});
    std::stable_partition(m_fields.begin(), m_fields.end(),
                          [](const auto &field) { return !isAttribute(field.first); });
    endResetModel();
}

void SourceFieldsModel::clear()
{
    if (m_fields.isEmpty())
        return;
    beginResetModel();
    m_fields.clear();
    endResetModel();
}

void SourceFieldsModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

QString SourceFieldsModel::valueText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Array: {
        QStringList items;
        const QJsonArray array = value.toArray();
        for (const QJsonValue &item : array)
            items.append(valueText(item));
        return items.join(QStringLiteral(", "));
    }
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return {};
    case QJsonValue::Bool:
    case QJsonValue::Double:
        break;
    }
    return value.toVariant().toString();
}

} // namespace rs
