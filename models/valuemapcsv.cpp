#include "models/valuemapcsv.h"

#include "models/csvexport.h"

#include <QSet>

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
    const QList<QStringList> rows = parseCsv(QString::fromUtf8(bytes));
    QList<std::pair<QString, QString>> entries;
    QSet<QString> seen;
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const QStringList &row = rows.at(i);
        if (row.size() == 1 && row.constFirst().trimmed().isEmpty())
            continue; // a blank line
        if (row.size() != 2) {
            *error = tr("Row %1 has %2 cells; each row needs two: the source value and the "
                        "Kingdee value.")
                         .arg(i + 1)
                         .arg(row.size());
            return std::nullopt;
        }
        const QString from = undefused(row.at(0));
        if (from.isEmpty()) {
            *error = tr("Row %1 has no source value.").arg(i + 1);
            return std::nullopt;
        }
        if (seen.contains(from)) {
            *error = tr("Row %1: \"%2\" is listed twice.").arg(i + 1).arg(from);
            return std::nullopt;
        }
        seen.insert(from);
        entries.append({from, undefused(row.at(1))});
    }
    return entries;
}

} // namespace rs
