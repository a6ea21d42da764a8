#include "app/report/valuemapxlsx.h"
#include "app/report/xlsxreader.h"
#include "app/report/zipreader.h"
#include "xlsxtesting.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace rs;
using namespace rs::report;
using namespace rs::testdata;

namespace {

using Rows = QList<std::pair<QString, QString>>;

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

// The .xlsx reader behind value map import: files from the real writers (libxlsxwriter,
// openpyxl, Python's zipfile) read back exactly; every kind of bad file refused with its reason.
class TestXlsxReader final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { m_dir = std::make_unique<QTemporaryDir>(); }

    void libxlsxwriterFile_roundTrips()
    {
        const ValueMapTable table {QStringLiteral("组织/映射"),
                                   {{QStringLiteral("华东公司"), QStringLiteral("0001")},
                                    {QStringLiteral("=SUM(A1)"), QStringLiteral("-600.00")},
                                    {QStringLiteral("a,b \"c\" <d> & e"), QStringLiteral("100")}}};
        QString error;
        QVERIFY2(ValueMapXlsx::write(table, path("out.xlsx"), &error), qPrintable(error));
        const auto rows = ValueMapXlsx::read(path("out.xlsx"), &error);
        QVERIFY2(rows, qPrintable(error));
        QCOMPARE(*rows, table.rows);
    }

    void openpyxlFile_readsTheFirstSheet()
    {
        const QString failure =
            runXlsxScript(QStringLiteral("openpyxl-map.py"), {path("openpyxl.xlsx")});
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QString error;
        const auto rows = ValueMapXlsx::read(path("openpyxl.xlsx"), &error);
        QVERIFY2(rows, qPrintable(error));
        QCOMPARE(*rows,
                 Rows({{QStringLiteral("华东公司"), QStringLiteral("0001")},
                       {QStringLiteral("华南公司"), QStringLiteral("200")},
                       {QStringLiteral("  spaced "), QStringLiteral("x y")}}));
    }

    void handMadeFile_storedEntriesInlineAndRichStrings()
    {
        const QString failure =
            runXlsxScript(QStringLiteral("hand-made-map.py"), {path("hand.xlsx")});
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QString error;
        const auto sheet = XlsxReader::readFirstSheet(path("hand.xlsx"), &error);
        QVERIFY2(sheet, qPrintable(error));
        QCOMPARE(sheet->size(), 4);
        QCOMPARE(sheet->at(1).number, 3); // Excel's row numbers, gaps kept
        QCOMPARE(sheet->at(1).cells,
                 QStringList({QStringLiteral("东京 "), QStringLiteral("T-01")}));
        const auto rows = ValueMapXlsx::read(path("hand.xlsx"), &error);
        QVERIFY2(rows, qPrintable(error));
        QCOMPARE(*rows,
                 Rows({{QStringLiteral("东京 "), QStringLiteral("T-01")},
                       {QStringLiteral("a&b"), QStringLiteral("1.5")},
                       {QStringLiteral("xy"), QStringLiteral("TRUE")}}));
    }

    void badFiles_areRefusedWithTheirReason_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("reason");
        QTest::newRow("text") << QStringLiteral("map.xlsx")
                              << QByteArray("来源值,金蝶值\r\n华东公司,100\r\n")
                              << QStringLiteral("map.xlsx is not an Excel workbook (.xlsx): it is "
                                                "not a zip archive.");
        QTest::newRow("empty") << QStringLiteral("empty.xlsx") << QByteArray()
                               << QStringLiteral("empty.xlsx is empty.");
        QTest::newRow("old xls") << QStringLiteral("old.xls")
                                 << QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)
                + QByteArray(504, '\0')
                                 << QStringLiteral("old.xls is an old Excel workbook (.xls) or one "
                                                   "protected by a password");
    }

    void badFiles_areRefusedWithTheirReason()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, reason);
        QVERIFY(writeAll(path(file), bytes));
        QString error;
        QVERIFY(!ValueMapXlsx::read(path(file), &error));
        QVERIFY2(error.startsWith(reason), qPrintable(error));
    }

    void zipWithoutWorkbookOrSheet_isRefused()
    {
        const QString script =
            QStringLiteral("import sys, zipfile\n"
                           "with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:\n"
                           "    z.writestr('word/document.xml', '<document/>')\n"
                           "with zipfile.ZipFile(sys.argv[2], 'w', zipfile.ZIP_DEFLATED) as z:\n"
                           "    z.writestr('xl/workbook.xml', '<workbook><sheets/></workbook>')\n");
        const QString failure = runPython(script, {path("doc.xlsx"), path("nosheet.xlsx")});
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QString error;
        QVERIFY(!ValueMapXlsx::read(path("doc.xlsx"), &error));
        QCOMPARE(
            error,
            QStringLiteral("doc.xlsx is not an Excel workbook (.xlsx): it holds no workbook."));
        QVERIFY(!ValueMapXlsx::read(path("nosheet.xlsx"), &error));
        QCOMPARE(error, QStringLiteral("nosheet.xlsx has no worksheet."));
    }

    void headerOnlyOrDuplicatedKeys_areRefused()
    {
        QString error;
        QVERIFY(ValueMapXlsx::write({QStringLiteral("m"), {}}, path("header.xlsx"), &error));
        QVERIFY(!ValueMapXlsx::read(path("header.xlsx"), &error));
        QVERIFY2(error.startsWith(QStringLiteral("header.xlsx: There is no row under the header")),
                 qPrintable(error));
        const ValueMapTable twice {QStringLiteral("m"),
                                   {{QStringLiteral("华东公司"), QStringLiteral("1")},
                                    {QStringLiteral("华南公司"), QStringLiteral("2")},
                                    {QStringLiteral("华东公司"), QStringLiteral("3")}}};
        QVERIFY(ValueMapXlsx::write(twice, path("twice.xlsx"), &error));
        QVERIFY(!ValueMapXlsx::read(path("twice.xlsx"), &error));
        QCOMPARE(
            error,
            QStringLiteral("twice.xlsx: Row 4: \"华东公司\" is listed twice (first in row 2)."));
        const ValueMapTable noValue {QStringLiteral("m"),
                                     {{QStringLiteral("华东公司"), QString()}}};
        QVERIFY(ValueMapXlsx::write(noValue, path("novalue.xlsx"), &error));
        QVERIFY(!ValueMapXlsx::read(path("novalue.xlsx"), &error));
        QVERIFY2(error.startsWith(QStringLiteral("novalue.xlsx: Row 2 has 1 cells")),
                 qPrintable(error));
    }

    // Cut short, a flipped byte in a compressed entry, an entry marked encrypted: never a
    // half-read map.
    void damagedOrEncryptedArchive_isRefused()
    {
        const ValueMapTable table {QStringLiteral("m"),
                                   {{QStringLiteral("华东公司"), QStringLiteral("100")}}};
        QString error;
        QVERIFY(ValueMapXlsx::write(table, path("good.xlsx"), &error));
        const QByteArray good = readAll(path("good.xlsx"));

        QVERIFY(writeAll(path("cut.xlsx"), good.left(good.size() / 2)));
        QVERIFY(!ValueMapXlsx::read(path("cut.xlsx"), &error));
        QVERIFY2(error.startsWith(QStringLiteral("cut.xlsx is not an Excel workbook")),
                 qPrintable(error));

        ZipReader zip;
        QVERIFY(zip.open(good, &error));
        QVERIFY(zip.contains(QStringLiteral("xl/worksheets/sheet1.xml")));
        // The first byte of the sheet's compressed data, flipped.
        const qsizetype name = good.indexOf("xl/worksheets/sheet1.xml"); // in its local header
        const int extra = uchar(good.at(name - 2)) | (uchar(good.at(name - 1)) << 8);
        QByteArray flipped = good;
        flipped[name + qsizetype(qstrlen("xl/worksheets/sheet1.xml")) + extra + 2] ^= char(0x5A);
        QVERIFY(writeAll(path("flipped.xlsx"), flipped));
        QVERIFY(!ValueMapXlsx::read(path("flipped.xlsx"), &error));
        QVERIFY2(error.contains(QStringLiteral("damaged")), qPrintable(error));

        QByteArray encrypted = good;
        for (qsizetype at = encrypted.indexOf("PK\x01\x02"); at >= 0;
             at = encrypted.indexOf("PK\x01\x02", at + 4))
            encrypted[at + 8] = char(encrypted.at(at + 8) | 0x1);
        QVERIFY(writeAll(path("locked.xlsx"), encrypted));
        QVERIFY(!ValueMapXlsx::read(path("locked.xlsx"), &error));
        QVERIFY2(error.contains(QStringLiteral("protected by a password")), qPrintable(error));
    }

private:
    QString path(const QString &name) const { return QDir(m_dir->path()).filePath(name); }
    QString path(const char *name) const { return path(QString::fromUtf8(name)); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TestXlsxReader)
#include "tst_xlsxreader.moc"
