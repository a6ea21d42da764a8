#include "ui/schemeeditor/valuemapeditor.h"

#include "app/report/valuemapxlsx.h"
#include "models/valuemapcsv.h"

#include <QComboBox>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>

namespace rs {

ValueMapEditor::ValueMapEditor(QWidget *parent)
    : QWidget(parent)
    , m_heading(new QLabel(this))
    , m_mapBox(new QComboBox(this))
    , m_newMap(new QPushButton(this))
    , m_removeMap(new QPushButton(this))
    , m_table(new QTableWidget(0, 2, this))
    , m_addRow(new QPushButton(this))
    , m_removeRows(new QPushButton(this))
    , m_import(new QPushButton(this))
    , m_export(new QPushButton(this))
    , m_exportXlsx(new QPushButton(this))
{
    setObjectName(QStringLiteral("valueMapEditor"));
    m_mapBox->setObjectName(QStringLiteral("valueMapBox"));
    m_newMap->setObjectName(QStringLiteral("newValueMap"));
    m_removeMap->setObjectName(QStringLiteral("removeValueMap"));
    m_table->setObjectName(QStringLiteral("valueMapTable"));
    m_addRow->setObjectName(QStringLiteral("addValueMapRow"));
    m_removeRows->setObjectName(QStringLiteral("removeValueMapRows"));
    m_import->setObjectName(QStringLiteral("importValueMap"));
    m_export->setObjectName(QStringLiteral("exportValueMapCsv"));
    m_exportXlsx->setObjectName(QStringLiteral("exportValueMapXlsx"));
    m_heading->setWordWrap(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->verticalHeader()->hide();

    auto *mapRow = new QHBoxLayout;
    mapRow->addWidget(m_mapBox, 1);
    mapRow->addWidget(m_newMap);
    mapRow->addWidget(m_removeMap);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addRow);
    buttons->addWidget(m_removeRows);
    buttons->addStretch(1);
    buttons->addWidget(m_import);
    buttons->addWidget(m_export);
    buttons->addWidget(m_exportXlsx);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addLayout(mapRow);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);

    connect(m_mapBox, &QComboBox::currentIndexChanged, this, &ValueMapEditor::showCurrentMap);
    connect(m_table, &QTableWidget::itemChanged, this, &ValueMapEditor::readTable);
    connect(m_newMap, &QPushButton::clicked, this, &ValueMapEditor::askNewMap);
    connect(m_removeMap, &QPushButton::clicked, this, &ValueMapEditor::removeMap);
    connect(m_addRow, &QPushButton::clicked, this, [this] { addRow(); });
    connect(m_removeRows, &QPushButton::clicked, this, &ValueMapEditor::removeRows);
    connect(m_import, &QPushButton::clicked, this, &ValueMapEditor::askImport);
    connect(m_export, &QPushButton::clicked, this, &ValueMapEditor::askExport);
    connect(m_exportXlsx, &QPushButton::clicked, this, &ValueMapEditor::askExportXlsx);
    retranslateUi();
    showCurrentMap();
}

void ValueMapEditor::setMaps(const QList<ValueMapTable> &maps)
{
    if (maps == m_maps)
        return;
    const QString current = currentMap();
    m_maps = maps;
    {
        const QSignalBlocker blocker(m_mapBox);
        m_mapBox->clear();
        for (const ValueMapTable &table : maps)
            m_mapBox->addItem(table.name);
        const int index = m_mapBox->findText(current);
        m_mapBox->setCurrentIndex(index >= 0 ? index : (maps.isEmpty() ? -1 : 0));
    }
    showCurrentMap();
}

QString ValueMapEditor::currentMap() const
{
    return m_mapBox->currentText();
}

void ValueMapEditor::selectMap(const QString &name)
{
    m_mapBox->setCurrentIndex(m_mapBox->findText(name));
}

int ValueMapEditor::currentIndex() const
{
    const int index = m_mapBox->currentIndex();
    return index >= 0 && index < m_maps.size() ? index : -1;
}

void ValueMapEditor::showCurrentMap()
{
    m_loading = true;
    const int index = currentIndex();
    const QList<std::pair<QString, QString>> rows =
        index >= 0 ? m_maps.at(index).rows : QList<std::pair<QString, QString>>();
    m_table->setRowCount(int(rows.size()));
    for (int row = 0; row < rows.size(); ++row) {
        m_table->setItem(row, 0, new QTableWidgetItem(rows.at(row).first));
        m_table->setItem(row, 1, new QTableWidgetItem(rows.at(row).second));
    }
    for (QWidget *widget : std::initializer_list<QWidget *> {
             m_table, m_addRow, m_removeRows, m_removeMap, m_import, m_export, m_exportXlsx})
        widget->setEnabled(index >= 0);
    m_loading = false;
}

void ValueMapEditor::readTable()
{
    const int index = currentIndex();
    if (m_loading || index < 0)
        return;
    QList<std::pair<QString, QString>> rows;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QTableWidgetItem *from = m_table->item(row, 0);
        const QTableWidgetItem *to = m_table->item(row, 1);
        rows.append({from ? from->text() : QString(), to ? to->text() : QString()});
    }
    QList<ValueMapTable> maps = m_maps;
    maps[index].rows = rows;
    m_maps = maps;
    Q_EMIT mapsEdited(maps);
}

void ValueMapEditor::addMap(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return;
    for (const ValueMapTable &table : std::as_const(m_maps)) {
        if (table.name == trimmed) {
            Q_EMIT notice(tr("There is already a value map \"%1\".").arg(trimmed));
            return;
        }
    }
    QList<ValueMapTable> maps = m_maps;
    maps.append({trimmed, {}});
    setMaps(maps);
    selectMap(trimmed);
    Q_EMIT mapsEdited(maps);
}

void ValueMapEditor::addRow(const QString &from, const QString &to)
{
    const int index = currentIndex();
    if (index < 0)
        return;
    m_loading = true;
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, 0, new QTableWidgetItem(from));
    m_table->setItem(row, 1, new QTableWidgetItem(to));
    m_loading = false;
    m_table->setCurrentCell(row, 0);
    readTable();
}

void ValueMapEditor::removeRows()
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedIndexes()) {
        if (!rows.contains(index.row()))
            rows.append(index.row());
    }
    std::sort(rows.begin(), rows.end(), std::greater<>());
    m_loading = true;
    for (int row : std::as_const(rows))
        m_table->removeRow(row);
    m_loading = false;
    readTable();
}

void ValueMapEditor::askNewMap()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("New value map"),
                                               tr("Name of the map (fields name it in \"map\"):"),
                                               QLineEdit::Normal, QStringLiteral("orgs"), &ok);
    if (ok)
        addMap(name);
}

void ValueMapEditor::removeMap()
{
    const int index = currentIndex();
    if (index < 0)
        return;
    QList<ValueMapTable> maps = m_maps;
    maps.removeAt(index);
    setMaps(maps);
    Q_EMIT mapsEdited(maps);
}

bool ValueMapEditor::importFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    // A workbook by its first bytes (zip, or the OLE file of an old .xls) or by its name, so an
    // .xls or a broken .xlsx gets the workbook's reason rather than a CSV one.
    const QByteArray start = file.read(8);
    const QString suffix = QFileInfo(path).suffix().toLower();
    const bool workbook = start.startsWith("PK") || start.startsWith("\xD0\xCF\x11\xE0")
        || suffix == QLatin1String("xlsx") || suffix == QLatin1String("xls");
    return workbook ? importXlsx(path, error) : importCsv(path, error);
}

bool ValueMapEditor::importCsv(const QString &path, QString *error)
{
    if (currentIndex() < 0) {
        *error = tr("Choose or add a value map first.");
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    QString reason;
    const auto rows = ValueMapCsv::read(file.readAll(), &reason);
    if (!rows)
        *error = tr("%1: %2").arg(QFileInfo(path).fileName(), reason);
    return replaceRows(rows);
}

bool ValueMapEditor::importXlsx(const QString &path, QString *error)
{
    if (currentIndex() < 0) {
        *error = tr("Choose or add a value map first.");
        return false;
    }
    return replaceRows(report::ValueMapXlsx::read(path, error));
}

bool ValueMapEditor::replaceRows(const std::optional<QList<std::pair<QString, QString>>> &rows)
{
    const int index = currentIndex();
    if (!rows || index < 0)
        return false;
    QList<ValueMapTable> maps = m_maps;
    maps[index].rows = *rows;
    setMaps(maps);
    Q_EMIT mapsEdited(maps);
    return true;
}

bool ValueMapEditor::exportCsv(const QString &path, QString *error) const
{
    const int index = currentIndex();
    if (index < 0) {
        *error = tr("Choose or add a value map first.");
        return false;
    }
    const QByteArray csv = ValueMapCsv::write(m_maps.at(index));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size() || !file.commit()) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool ValueMapEditor::exportXlsx(const QString &path, QString *error) const
{
    const int index = currentIndex();
    if (index < 0) {
        *error = tr("Choose or add a value map first.");
        return false;
    }
    return report::ValueMapXlsx::write(m_maps.at(index), path, error);
}

void ValueMapEditor::askExportXlsx()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the value map"),
                                                      currentMap() + QStringLiteral(".xlsx"),
                                                      tr("Excel workbooks (*.xlsx)"));
    QString error;
    if (!path.isEmpty() && !exportXlsx(path, &error))
        Q_EMIT notice(error);
}

void ValueMapEditor::askImport()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import a value map"), QString(),
        tr("CSV files and Excel workbooks (*.csv *.xlsx);;All files (*)"));
    QString error;
    if (!path.isEmpty() && !importFile(path, &error))
        Q_EMIT notice(error);
}

void ValueMapEditor::askExport()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the value map"),
                                                      currentMap() + QStringLiteral(".csv"),
                                                      tr("CSV files (*.csv)"));
    QString error;
    if (!path.isEmpty() && !exportCsv(path, &error))
        Q_EMIT notice(error);
}

void ValueMapEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ValueMapEditor::retranslateUi()
{
    m_heading->setText(tr("A field with a value map sends the Kingdee value of its source value; "
                          "a value not in the map is an issue on the bill."));
    m_newMap->setText(tr("New map…"));
    m_removeMap->setText(tr("Delete map"));
    m_table->setHorizontalHeaderLabels({tr("Source value"), tr("Kingdee value")});
    m_addRow->setText(tr("Add row"));
    m_removeRows->setText(tr("Remove rows"));
    m_import->setText(tr("Import CSV / .xlsx…"));
    m_export->setText(tr("Export CSV…"));
    m_exportXlsx->setText(tr("Export .xlsx…"));
}

} // namespace rs
