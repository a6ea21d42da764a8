#include "models/csvexport.h"

#include <QAbstractItemModel>
#include <QCoreApplication>
#include <QIODevice>
#include <QRegularExpression>
#include <QString>

namespace rs {
namespace {

bool looksLikeFormula(const QString &text)
{
    if (text.isEmpty())
        return false;
    switch (text.front().unicode()) {
    case '=':
    case '+':
    case '@':
    case '\t':
    case '\r':
        return true;
    case '-': {
        static const QRegularExpression plainNumber(QStringLiteral("^-[0-9][0-9,]*(\\.[0-9]+)?$"));
        return !plainNumber.match(text).hasMatch();
    }
    default:
        return false;
    }
}

QString line(const QStringList &cells)
{
    QStringList quoted;
    quoted.reserve(cells.size());
    for (const QString &cell : cells)
        quoted.append(csvField(cell));
    return quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n");
}

bool put(QIODevice &device, const QByteArray &bytes, QString *error)
{
    if (device.write(bytes) == bytes.size())
        return true;
    if (error) {
        *error = QCoreApplication::translate("rs::CsvExport", "Could not write the file: %1")
                     .arg(device.errorString());
    }
    return false;
}

} // namespace

QString csvField(const QString &text)
{
    // A long digit string (审批编号 has 21) is a number to Excel, which keeps 15 digits and shows
    // 2.02607E+20: ="…" makes it a text cell that keeps every digit. Only digits, so no formula
    // can ride along.
    static const QRegularExpression longNumber(QStringLiteral("^[0-9]{12,}$"));
    const bool keepDigits = longNumber.match(text).hasMatch();
    const QString guarded = keepDigits ? QStringLiteral("=\"") + text + QLatin1Char('"')
        : looksLikeFormula(text)       ? QLatin1Char('\'') + text
                                       : text;
    if (!guarded.contains(QLatin1Char('"')) && !guarded.contains(QLatin1Char(','))
        && !guarded.contains(QLatin1Char('\n')) && !guarded.contains(QLatin1Char('\r')))
        return guarded;
    QString quoted = guarded;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

bool writeCsv(QIODevice &device, const QAbstractItemModel &model, QString *error)
{
    const int columns = model.columnCount();
    QStringList cells;
    for (int c = 0; c < columns; ++c)
        cells.append(model.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString());
    // The BOM is what tells Excel the file is UTF-8 rather than the system's GBK.
    if (!put(device, QByteArrayLiteral("\xEF\xBB\xBF") + line(cells).toUtf8(), error))
        return false;
    for (int r = 0; r < model.rowCount(); ++r) {
        cells.clear();
        for (int c = 0; c < columns; ++c)
            cells.append(model.index(r, c).data(Qt::DisplayRole).toString());
        if (!put(device, line(cells).toUtf8(), error))
            return false;
    }
    return true;
}

} // namespace rs
