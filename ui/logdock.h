#pragma once

#include <QDockWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;
class QTimer;

namespace rs {

class Database;
class EventLevelFilterModel;
class EventLogModel;

// The sync log at the bottom of the console: events as the jobs write them, filtered by level,
// exported to CSV for Excel. Clicking an event that names an application selects it.
// The main window calls refresh() when a job reports progress; a slow timer catches the rest.
class LogDock final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogDock)

public:
    explicit LogDock(const Database &database, QWidget *parent = nullptr);

    // Writes the events the view shows (the level filter applied) as CSV; what the export
    // button does after asking for a file name. False with a translated `error` on failure.
    bool exportTo(const QString &path, QString *error = nullptr) const;

    // The columns' widths and order, for the window to remember.
    QByteArray headerState() const;
    void restoreHeaderState(const QByteArray &state);

Q_SIGNALS:
    // The clerk clicked or activated an event naming this application (process instance id),
    // and the bill it names (its idempotency key; empty when it names none).
    void applicationActivated(const QString &applicationId, const QString &billKey);

public Q_SLOTS:
    // Reads the events written since the last refresh; cheap when there are none.
    void refresh();
    void exportCsv();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void retranslateUi();
    void chooseEvent(const QModelIndex &index);
    void followNewEvents();

    const Database &m_database;
    EventLogModel *m_model = nullptr;
    EventLevelFilterModel *m_filter = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_levelLabel = nullptr;
    QComboBox *m_levelBox = nullptr;
    QPushButton *m_exportButton = nullptr;
    QLabel *m_problem = nullptr;
    QTimer *m_safetyNet = nullptr;
    bool m_following = true; // scrolled to the newest event: keep it in view as more arrive
};

} // namespace rs
