#include "app/report/xlsxreader.h"

#include "app/report/zipreader.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QXmlStreamReader>

namespace rs::report {
namespace {

// Old .xls workbooks, and .xlsx workbooks protected by a password, are OLE compound files.
const QByteArray kCompoundFile = QByteArrayLiteral("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");

// The text of a string item (<si> or <is>): its <t>, or its runs' <t>, without the phonetic
// guide (<rPh>) Excel keeps for Japanese. The reader stands on the item's start.
QString stringItem(QXmlStreamReader &xml)
{
    QString text;
    const QString item = xml.name().toString();
    int phonetic = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("rPh"))
            ++phonetic;
        else if (xml.isEndElement() && xml.name() == QLatin1String("rPh"))
            --phonetic;
        else if (xml.isStartElement() && xml.name() == QLatin1String("t") && phonetic == 0)
            text += xml.readElementText();
        else if (xml.isEndElement() && xml.name() == item)
            break;
    }
    return text;
}

// "BC12" → column 54 (0-based 54), or -1 when it is no cell reference.
int columnOf(QStringView reference)
{
    int column = 0;
    int letters = 0;
    for (const QChar c : reference) {
        if (c < QLatin1Char('A') || c > QLatin1Char('Z'))
            break;
        column = column * 26 + (c.unicode() - 'A' + 1);
        ++letters;
        if (letters > 3)
            return -1;
    }
    return letters == 0 ? -1 : column - 1;
}

// Where a relationship's Target points, from xl/: "worksheets/sheet1.xml" or "/xl/…".
QString partPath(const QString &target)
{
    if (target.startsWith(QLatin1Char('/')))
        return target.mid(1);
    QString path = QStringLiteral("xl/") + target;
    path.replace(QStringLiteral("/./"), QStringLiteral("/"));
    return path;
}

class Workbook
{
    Q_DECLARE_TR_FUNCTIONS(rs::report::XlsxReader)

public:
    Workbook(const ZipReader &zip, const QString &name)
        : m_zip(zip)
        , m_name(name)
    { }

    std::optional<QList<SheetRow>> firstSheet(QString *error)
    {
        QString sheetPath;
        QString stringsPath = QStringLiteral("xl/sharedStrings.xml");
        if (!findParts(&sheetPath, &stringsPath, error))
            return std::nullopt;
        if (m_zip.contains(stringsPath) && !readSharedStrings(stringsPath, error))
            return std::nullopt;
        return readSheet(sheetPath, error);
    }

private:
    std::optional<QByteArray> part(const QString &path, QString *error) const
    {
        QString reason;
        std::optional<QByteArray> bytes = m_zip.read(path, &reason);
        if (!bytes)
            *error = tr("%1 cannot be read: %2.").arg(m_name, reason);
        return bytes;
    }

    bool damaged(const QXmlStreamReader &xml, const QString &path, QString *error) const
    {
        *error = tr("%1 is damaged: %2, line %3: %4.")
                     .arg(m_name, path)
                     .arg(xml.lineNumber())
                     .arg(xml.errorString());
        return false;
    }

    // The first sheet of xl/workbook.xml, through xl/_rels/workbook.xml.rels.
    bool findParts(QString *sheetPath, QString *stringsPath, QString *error) const
    {
        if (!m_zip.contains(QStringLiteral("xl/workbook.xml"))) {
            *error = tr("%1 is not an Excel workbook (.xlsx): it holds no workbook.").arg(m_name);
            return false;
        }
        const std::optional<QByteArray> workbook = part(QStringLiteral("xl/workbook.xml"), error);
        if (!workbook)
            return false;
        QString sheetId;
        bool anySheet = false;
        QXmlStreamReader xml(*workbook);
        while (!xml.atEnd() && !anySheet) {
            if (xml.readNext() == QXmlStreamReader::StartElement
                && xml.name() == QLatin1String("sheet")) {
                anySheet = true;
                for (const QXmlStreamAttribute &attribute : xml.attributes()) {
                    if (attribute.name() == QLatin1String("id") && !attribute.prefix().isEmpty())
                        sheetId = attribute.value().toString();
                }
            }
        }
        if (xml.hasError() && !anySheet)
            return damaged(xml, QStringLiteral("xl/workbook.xml"), error);
        if (!anySheet) {
            *error = tr("%1 has no worksheet.").arg(m_name);
            return false;
        }
        *sheetPath = QStringLiteral("xl/worksheets/sheet1.xml");
        const QString relsPath = QStringLiteral("xl/_rels/workbook.xml.rels");
        if (m_zip.contains(relsPath)) {
            const std::optional<QByteArray> rels = part(relsPath, error);
            if (!rels)
                return false;
            QXmlStreamReader relations(*rels);
            while (!relations.atEnd()) {
                if (relations.readNext() != QXmlStreamReader::StartElement
                    || relations.name() != QLatin1String("Relationship"))
                    continue;
                const QXmlStreamAttributes attributes = relations.attributes();
                const QString target = attributes.value(QLatin1String("Target")).toString();
                if (attributes.value(QLatin1String("Id")) == sheetId)
                    *sheetPath = partPath(target);
                if (attributes.value(QLatin1String("Type"))
                        .endsWith(QLatin1String("/sharedStrings")))
                    *stringsPath = partPath(target);
            }
            if (relations.hasError())
                return damaged(relations, relsPath, error);
        }
        if (!m_zip.contains(*sheetPath)) {
            *error = tr("%1 has no worksheet.").arg(m_name);
            return false;
        }
        return true;
    }

    bool readSharedStrings(const QString &path, QString *error)
    {
        const std::optional<QByteArray> bytes = part(path, error);
        if (!bytes)
            return false;
        QXmlStreamReader xml(*bytes);
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::StartElement
                && xml.name() == QLatin1String("si"))
                m_strings.append(stringItem(xml));
        }
        if (xml.hasError())
            return damaged(xml, path, error);
        return true;
    }

    std::optional<QList<SheetRow>> readSheet(const QString &path, QString *error)
    {
        const std::optional<QByteArray> bytes = part(path, error);
        if (!bytes)
            return std::nullopt;
        QList<SheetRow> rows;
        QXmlStreamReader xml(*bytes);
        int nextRow = 1;
        int nextColumn = 0;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (xml.name() == QLatin1String("row")) {
                const int number = xml.attributes().value(QLatin1String("r")).toInt();
                rows.append(SheetRow {number > 0 ? number : nextRow, {}});
                nextRow = rows.constLast().number + 1;
                nextColumn = 0;
            } else if (xml.name() == QLatin1String("c") && !rows.isEmpty()) {
                const QXmlStreamAttributes attributes = xml.attributes();
                const QString reference = attributes.value(QLatin1String("r")).toString();
                const int column = reference.isEmpty() ? nextColumn : columnOf(reference);
                if (column < 0) {
                    *error = tr("%1 is damaged: %2 is no cell reference.").arg(m_name, reference);
                    return std::nullopt;
                }
                std::optional<QString> value = cellValue(
                    xml, attributes.value(QLatin1String("t")).toString(), reference, error);
                if (!value)
                    return std::nullopt;
                QStringList &cells = rows.last().cells;
                while (cells.size() <= column)
                    cells.append(QString());
                cells[column] = *value;
                nextColumn = column + 1;
            }
        }
        if (xml.hasError()) {
            damaged(xml, path, error);
            return std::nullopt;
        }
        return rows;
    }

    // The value of the cell the reader stands on, read to its end.
    std::optional<QString> cellValue(QXmlStreamReader &xml, const QString &type,
                                     const QString &reference, QString *error) const
    {
        QString value;
        QString inlineText;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == QLatin1String("v"))
                value = xml.readElementText();
            else if (xml.isStartElement() && xml.name() == QLatin1String("is"))
                inlineText = stringItem(xml);
            else if (xml.isStartElement())
                xml.skipCurrentElement(); // a formula (<f>): its result is in <v>
            else if (xml.isEndElement() && xml.name() == QLatin1String("c"))
                break;
        }
        if (type == QLatin1String("inlineStr"))
            return inlineText;
        if (type == QLatin1String("s")) {
            bool ok = false;
            const int index = value.toInt(&ok);
            if (!ok || index < 0 || index >= m_strings.size()) {
                *error = tr("%1 is damaged: cell %2 names a text that is not in the workbook.")
                             .arg(m_name, reference);
                return std::nullopt;
            }
            return m_strings.at(index);
        }
        if (type == QLatin1String("b"))
            return value == QLatin1String("1") ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
        if (type == QLatin1String("e")) {
            *error = tr("%1: cell %2 shows the Excel error %3; correct it in Excel first.")
                         .arg(m_name, reference, value);
            return std::nullopt;
        }
        return value; // a number as stored, a formula's text (str), an ISO date (d)
    }

    const ZipReader &m_zip;
    QString m_name;
    QStringList m_strings;
};

} // namespace

std::optional<QList<SheetRow>> XlsxReader::readFirstSheet(const QString &path, QString *error)
{
    QFile file(path);
    const QString name = QFileInfo(path).fileName();
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    return firstSheet(file.readAll(), name, error);
}

std::optional<QList<SheetRow>> XlsxReader::firstSheet(const QByteArray &bytes, const QString &name,
                                                      QString *error)
{
    if (bytes.startsWith(kCompoundFile)) {
        *error = tr("%1 is an old Excel workbook (.xls) or one protected by a password: open it "
                    "in Excel and save it as an Excel workbook (.xlsx) without a password.")
                     .arg(name);
        return std::nullopt;
    }
    if (bytes.isEmpty()) {
        *error = tr("%1 is empty.").arg(name);
        return std::nullopt;
    }
    ZipReader zip;
    QString reason;
    if (!zip.open(bytes, &reason)) {
        *error = tr("%1 is not an Excel workbook (.xlsx): %2.").arg(name, reason);
        return std::nullopt;
    }
    return Workbook(zip, name).firstSheet(error);
}

} // namespace rs::report
