#pragma once

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace rs::testdata {

// Runs a Python script of tests/fixtures/xlsx (openpyxl, zipfile: the real writers a clerk's
// files come from) with `arguments`; its stderr when it fails, empty when it worked.
inline QString runXlsxScript(const QString &script, const QStringList &arguments)
{
    QProcess python;
    const QString program = QFile::exists(QStringLiteral("/usr/bin/python3"))
        ? QStringLiteral("/usr/bin/python3")
        : QStringLiteral("python3");
    const QString path = QDir(QStringLiteral(XLSX_FIXTURES_DIR)).filePath(script);
    python.start(program, QStringList {path} + arguments);
    if (!python.waitForFinished(60000))
        return QStringLiteral("python3 did not finish");
    if (python.exitStatus() != QProcess::NormalExit || python.exitCode() != 0)
        return QString::fromUtf8(python.readAllStandardError()) + QStringLiteral(" (exit ")
            + QString::number(python.exitCode()) + QLatin1Char(')');
    return {};
}

// An inline Python script, for the odd file a test makes (a zip that is no workbook).
inline QString runPython(const QString &code, const QStringList &arguments)
{
    QProcess python;
    python.start(QFile::exists(QStringLiteral("/usr/bin/python3"))
                     ? QStringLiteral("/usr/bin/python3")
                     : QStringLiteral("python3"),
                 QStringList {QStringLiteral("-c"), code} + arguments);
    if (!python.waitForFinished(60000))
        return QStringLiteral("python3 did not finish");
    return python.exitCode() == 0 ? QString() : QString::fromUtf8(python.readAllStandardError());
}

} // namespace rs::testdata
