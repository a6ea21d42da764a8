#include "models/schemefieldsmodel.h"

#include <QBrush>
#include <QColor>
#include <QJsonArray>
#include <QJsonDocument>

namespace rs {
namespace {

// internalId 0: a header field; n > 0: an entry field of header field n − 1.
constexpr quintptr kTopLevel = 0;

bool sameShape(const QList<FieldRule> &a, const QList<FieldRule> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a.at(i).fields.size() != b.at(i).fields.size())
            return false;
    }
    return true;
}

} // namespace

SchemeFieldsModel::SchemeFieldsModel(QObject *parent)
    : QAbstractItemModel(parent)
{ }

QModelIndex SchemeFieldsModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kTopLevel);
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex SchemeFieldsModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kTopLevel)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kTopLevel);
}

int SchemeFieldsModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_fields.size());
    if (parent.column() != 0 || parent.internalId() != kTopLevel)
        return 0;
    return int(m_fields.at(parent.row()).fields.size());
}

int SchemeFieldsModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

const FieldRule *SchemeFieldsModel::ruleAt(const QModelIndex &index) const
{
    const FieldPosition position = positionOf(index);
    if (!position.isValid())
        return nullptr;
    const FieldRule &top = m_fields.at(position.top);
    return position.entry < 0 ? &top : &top.fields.at(position.entry);
}

QVariant SchemeFieldsModel::data(const QModelIndex &index, int role) const
{
    const FieldRule *rule = ruleAt(index);
    if (!rule)
        return {};
    const bool failing = m_failing.contains(positionOf(index));
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case NameColumn:
            return rule->name;
        case LabelColumn:
            return rule->label;
        case SourceColumn:
            return sourceSummary(*rule);
        }
        return {};
    case Qt::ForegroundRole:
        if (failing)
            return QBrush(QColor(0xb0, 0x00, 0x20)); // the preview's problem colour
        return {};
    case FailingRole:
        return failing;
    }
    return {};
}

QVariant SchemeFieldsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Kingdee field");
    case LabelColumn:
        return tr("Label");
    case SourceColumn:
        return tr("Source");
    }
    return {};
}

void SchemeFieldsModel::setFields(const QList<FieldRule> &fields)
{
    if (!sameShape(fields, m_fields)) {
        beginResetModel();
        m_fields = fields;
        endResetModel();
        return;
    }
    m_fields = fields;
    if (m_fields.isEmpty())
        return;
    Q_EMIT dataChanged(index(0, 0), index(int(m_fields.size()) - 1, ColumnCount - 1),
                       {Qt::DisplayRole, Qt::ToolTipRole});
    for (int top = 0; top < m_fields.size(); ++top) {
        const int children = int(m_fields.at(top).fields.size());
        if (children > 0) {
            const QModelIndex parent = index(top, 0);
            Q_EMIT dataChanged(index(0, 0, parent), index(children - 1, ColumnCount - 1, parent),
                               {Qt::DisplayRole, Qt::ToolTipRole});
        }
    }
}

void SchemeFieldsModel::setFailing(const QList<FieldPosition> &failing)
{
    if (failing == m_failing)
        return;
    QList<FieldPosition> touched = m_failing + failing;
    m_failing = failing;
    for (const FieldPosition &position : std::as_const(touched)) {
        const QModelIndex first = indexOf(position, NameColumn);
        if (first.isValid())
            Q_EMIT dataChanged(first, indexOf(position, ColumnCount - 1),
                               {Qt::ForegroundRole, FailingRole});
    }
}

FieldPosition SchemeFieldsModel::positionOf(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return {};
    if (index.internalId() == kTopLevel)
        return {index.row(), -1};
    return {int(index.internalId() - 1), index.row()};
}

QModelIndex SchemeFieldsModel::indexOf(FieldPosition position, int column) const
{
    if (!position.isValid() || position.top >= m_fields.size())
        return {};
    if (position.entry < 0)
        return index(position.top, column);
    if (position.entry >= m_fields.at(position.top).fields.size())
        return {};
    return index(position.entry, column, index(position.top, 0));
}

QString SchemeFieldsModel::sourceSummary(const FieldRule &rule)
{
    switch (rule.source) {
    case FieldRule::Source::Fixed:
        if (rule.fixedValue.isString())
            return rule.fixedValue.toString();
        if (rule.fixedValue.isObject())
            return QString::fromUtf8(
                QJsonDocument(rule.fixedValue.toObject()).toJson(QJsonDocument::Compact));
        if (rule.fixedValue.isArray())
            return QString::fromUtf8(
                QJsonDocument(rule.fixedValue.toArray()).toJson(QJsonDocument::Compact));
        if (rule.fixedValue.isBool())
            return rule.fixedValue.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        return rule.fixedValue.toVariant().toString();
    case FieldRule::Source::Template:
        return rule.text;
    case FieldRule::Source::Expression:
        return QStringLiteral("_function ") + rule.text;
    case FieldRule::Source::Entries:
        return tr("%n field(s), one entry per row", nullptr, int(rule.fields.size()));
    }
    return {};
}

} // namespace rs
