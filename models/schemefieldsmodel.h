#pragma once

#include "app/mapping/schemedocument.h"

#include <QAbstractItemModel>

namespace rs {

// The target fields of the scheme being edited as a tree: the bill's header fields, and under
// an entry (FEntity) its own fields. A rule that fails (the loader refuses it, or the preview's
// mapping names it in an issue) is red.
class SchemeFieldsModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SchemeFieldsModel)

public:
    enum Column { NameColumn, LabelColumn, SourceColumn, ColumnCount };
    // True for a rule that fails.
    static constexpr int FailingRole = Qt::UserRole + 1;

    explicit SchemeFieldsModel(QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Same shape: the cells change in place (the selection stays); else the tree is rebuilt.
    void setFields(const QList<FieldRule> &fields);
    void setFailing(const QList<FieldPosition> &failing);

    FieldPosition positionOf(const QModelIndex &index) const;
    QModelIndex indexOf(FieldPosition position, int column = NameColumn) const;

    // What a rule's value is, in one line: the fixed JSON, the template, `_function …`.
    static QString sourceSummary(const FieldRule &rule);

private:
    const FieldRule *ruleAt(const QModelIndex &index) const;

    QList<FieldRule> m_fields;
    QList<FieldPosition> m_failing;
};

} // namespace rs
