#pragma once

#include <QWidget>

class QLabel;
class QTableView;

namespace rs {

class Database;
class StateCountsModel;

// The first pane: how many applications and bills are in each state, read from the store.
class OverviewPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OverviewPane)

public:
    explicit OverviewPane(const Database &database, QWidget *parent = nullptr);

public Q_SLOTS:
    void refresh();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    const Database &m_database;
    StateCountsModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_heading = nullptr;
    QLabel *m_problem = nullptr;
};

} // namespace rs
