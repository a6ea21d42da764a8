#include "app/i18n/translations.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace rs;

namespace {

struct Message
{
    QString context;
    QString source;
    QString comment; // the disambiguation
    QString translation;
    QString type; // "unfinished", "vanished", "obsolete" or empty when finished
    bool numerus = false;
};

QList<Message> readTs(const QString &path)
{
    QList<Message> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return messages;
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            current = Message {
                context, {},
                {},      {},
                {},      xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes")};
        } else if (name == QLatin1String("source")) {
            current.source = xml.readElementText();
        } else if (name == QLatin1String("comment")) {
            current.comment = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            current.type = xml.attributes().value(QLatin1String("type")).toString();
            current.translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            messages.append(current);
        }
    }
    return messages;
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("%L?\\d+"));
    QStringList found;
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        found.append(it.next().captured().remove(QLatin1Char('L')));
    found.sort();
    found.removeDuplicates();
    return found;
}

QStringList problemsIn(const QList<Message> &messages)
{
    QStringList problems;
    for (const Message &m : messages) {
        const QString where = m.context + QStringLiteral(": \"") + m.source + QLatin1Char('"');
        if (!m.type.isEmpty())
            problems.append(m.type + QStringLiteral(" — ") + where);
        else if (m.translation.trimmed().isEmpty())
            problems.append(QStringLiteral("empty — ") + where);
        else if (!m.numerus && placeholders(m.source) != placeholders(m.translation))
            problems.append(QStringLiteral("placeholders differ — ") + where);
    }
    return problems;
}

const QString kTsFile = QStringLiteral(SOURCE_ROOT "/translations/rebatesync_zh_CN.ts");

} // namespace

class TestTranslations final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void committedFile_hasEveryEntryFinished()
    {
        const QList<Message> messages = readTs(kTsFile);
        QVERIFY2(messages.size() > 50, "the .ts file looks empty");
        const QStringList problems = problemsIn(messages);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    // A clerk on Windows must never be told to apt install something or to set an environment
    // variable: such advice is for a Linux server's administrator, in a text compiled only
    // there (#ifndef Q_OS_WIN) and marked "Linux only".
    void adviceForLinuxAdministrators_isMarkedLinuxOnly()
    {
        static const QRegularExpression linuxAdvice(
            QStringLiteral("\\bapt(-get)?\\b|REBATESYNC_|environment variable|D-Bus|gnome-keyring"),
            QRegularExpression::CaseInsensitiveOption);
        QStringList unmarked;
        int marked = 0;
        for (const Message &m : readTs(kTsFile)) {
            if (!linuxAdvice.match(m.source).hasMatch())
                continue;
            if (m.comment.contains(QLatin1String("Linux only")))
                ++marked;
            else
                unmarked.append(m.context + QStringLiteral(": ") + m.source);
        }
        QVERIFY2(unmarked.isEmpty(), qPrintable(unmarked.join(QLatin1Char('\n'))));
        QVERIFY(marked > 0); // the keychain's advice on Linux is still there, marked
    }

    // One word per thing in Chinese (issue 17): the keychain, the in-doubt state, the mapping
    // scheme, the alerts dialog; no developer's jargon.
    void chinese_usesOneTermPerThing()
    {
        static const QRegularExpression variants(
            QStringLiteral("密钥环|集成方案|结果待确认|告警与定时任务|幂等键|错误码 [a-z]"));
        QStringList found;
        for (const Message &m : readTs(kTsFile)) {
            if (const auto match = variants.match(m.translation); match.hasMatch())
                found.append(match.captured() + QStringLiteral(" — ") + m.source);
        }
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    }

    // lupdate over today's sources adds any string the .ts does not have yet as unfinished and
    // marks strings no longer in the sources as vanished; either fails here with its text.
    void sourcesHaveNoStringMissingFromTheTranslation()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString copy = dir.filePath(QStringLiteral("rebatesync_zh_CN.ts"));
        QVERIFY(QFile::copy(kTsFile, copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);

        QProcess lupdate;
        lupdate.setWorkingDirectory(QStringLiteral(SOURCE_ROOT));
        lupdate.start(QStringLiteral(LUPDATE_EXECUTABLE),
                      {QStringLiteral("-I"), QStringLiteral("."), QStringLiteral("-locations"),
                       QStringLiteral("none"), QStringLiteral("app"), QStringLiteral("models"),
                       QStringLiteral("ui"), QStringLiteral("-ts"), copy});
        QVERIFY(lupdate.waitForFinished(120000));
        QVERIFY2(lupdate.exitCode() == 0, lupdate.readAllStandardError().constData());

        const QStringList problems = problemsIn(readTs(copy));
        QVERIFY2(problems.isEmpty(),
                 qPrintable(QStringLiteral("run `cmake --build --preset linux --target "
                                           "update_translations` and translate:\n")
                            + problems.join(QLatin1Char('\n'))));
    }

    void chinese_translatesOurStringsAndQtsStandardButtons()
    {
        Translations translations;
        const QLocale locale = translations.apply(LanguageChoice::Chinese);
        QCOMPARE(locale.language(), QLocale::Chinese);
        QCOMPARE(QCoreApplication::translate("rs::MainWindow", "RebateSync"),
                 QStringLiteral("返利同步台"));
        QCOMPARE(QCoreApplication::translate("rs::States", "Synced"), QStringLiteral("已同步"));
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("取消"));
    }

    void traditionalChineseLocale_readsTheSimplifiedText()
    {
        Translations translations;
        translations.apply(
            QLocale(QLocale::Chinese, QLocale::TraditionalChineseScript, QLocale::Taiwan));
        QCOMPARE(QCoreApplication::translate("rs::MainWindow", "RebateSync"),
                 QStringLiteral("返利同步台"));
    }

    void english_showsTheSourceStrings()
    {
        Translations translations;
        translations.apply(LanguageChoice::Chinese);
        translations.apply(LanguageChoice::English);
        QCOMPARE(QCoreApplication::translate("rs::MainWindow", "RebateSync"),
                 QStringLiteral("RebateSync"));
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Cancel"));
    }

    void unknownLanguage_fallsBackToEnglish()
    {
        Translations translations;
        const QLocale locale = translations.apply(QLocale(QLocale::Swahili));
        QCOMPARE(locale.language(), QLocale::English);
        QCOMPARE(QCoreApplication::translate("rs::MainWindow", "RebateSync"),
                 QStringLiteral("RebateSync"));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
