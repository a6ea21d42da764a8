#include "models/valuemapcsv.h"

#include "app/mapping/valuemapimport.h"
#include "models/csvexport.h"

namespace rs {
namespace {

// RFC 4180: fields split at commas, quoted fields may hold commas, quotes ("") and line breaks.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size()
                && text.at(i + 1) == QLatin1Char('"')) {
                field.append(c);
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field.append(c);
            }
            continue;
        }
        if (c == QLatin1Char('"') && field.isEmpty()) {
            quoted = true;
            fieldStarted = true;
        } else if (c == QLatin1Char(',')) {
            row.append(field);
            field.clear();
            fieldStarted = true;
        } else if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            if (c == QLatin1Char('\r') && i + 1 < text.size()
                && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            if (fieldStarted || !field.isEmpty() || !row.isEmpty()) {
                row.append(field);
                rows.append(row);
            }
            row.clear();
            field.clear();
            fieldStarted = false;
        } else {
            field.append(c);
            fieldStarted = true;
        }
    }
    if (fieldStarted || !field.isEmpty() || !row.isEmpty()) {
        row.append(field);
        rows.append(row);
    }
    return rows;
}

// csvField's apostrophe before a formula-looking cell is not part of the value.
QString undefused(const QString &cell)
{
    if (cell.size() > 1 && cell.at(0) == QLatin1Char('\'')
        && QStringLiteral("=+-@\t\r").contains(cell.at(1)))
        return cell.mid(1);
    return cell;
}

} // namespace

QByteArray ValueMapCsv::write(const ValueMapTable &table)
{
    QString text = csvField(tr("Source value")) + QLatin1Char(',') + csvField(tr("Kingdee value"))
        + QStringLiteral("\r\n");
    for (const auto &[from, to] : table.rows)
        text += csvField(from) + QLatin1Char(',') + csvField(to) + QStringLiteral("\r\n");
    return QByteArrayLiteral("\xEF\xBB\xBF") + text.toUtf8();
}

std::optional<QList<std::pair<QString, QString>>> ValueMapCsv::read(const QByteArray &csv,
                                                                    QString *error)
{
    QByteArray bytes = csv;
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    const QList<QStringList> parsed = parseCsv(QString::fromUtf8(bytes));
    QList<ValueMapImport::Row> rows;
    for (qsizetype i = 0; i < parsed.size(); ++i) {
        QStringList cells = parsed.at(i);
        for (QString &cell : cells)
            cell = undefused(cell);
        rows.append({int(i + 1), cells});
    }
    return ValueMapImport::rows(rows, error);
}

} // namespace rs
