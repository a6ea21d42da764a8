#pragma once

#include "app/mapping/schemedocument.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace rs {

// The scheme's value maps (组织 name → Kingdee number, customer aliases) as editable tables.
// Every change is reported as the whole new set of maps; the window makes it an undoable step.
class ValueMapEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ValueMapEditor)

public:
    explicit ValueMapEditor(QWidget *parent = nullptr);

    void setMaps(const QList<ValueMapTable> &maps);
    QString currentMap() const;
    void selectMap(const QString &name);

    // The buttons' work without their dialogs, for the window and for tests.
    void addMap(const QString &name);
    void addRow(const QString &from = {}, const QString &to = {});
    // CSV or .xlsx, by what the file holds; a file that cannot be imported leaves the map as it
    // was.
    bool importFile(const QString &path, QString *error);
    bool importCsv(const QString &path, QString *error);
    bool importXlsx(const QString &path, QString *error);
    bool exportCsv(const QString &path, QString *error) const;
    bool exportXlsx(const QString &path, QString *error) const;

Q_SIGNALS:
    void mapsEdited(const QList<rs::ValueMapTable> &maps);
    // Something the clerk should read (an import refused, a map name taken).
    void notice(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void showCurrentMap();
    void readTable();
    void askNewMap();
    void removeMap();
    void removeRows();
    void askImport();
    void askExport();
    void askExportXlsx();
    int currentIndex() const;
    bool replaceRows(const std::optional<QList<std::pair<QString, QString>>> &rows);

    QList<ValueMapTable> m_maps;
    bool m_loading = false;
    QLabel *m_heading = nullptr;
    QComboBox *m_mapBox = nullptr;
    QPushButton *m_newMap = nullptr;
    QPushButton *m_removeMap = nullptr;
    QTableWidget *m_table = nullptr;
    QPushButton *m_addRow = nullptr;
    QPushButton *m_removeRows = nullptr;
    QPushButton *m_import = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_exportXlsx = nullptr;
};

} // namespace rs
