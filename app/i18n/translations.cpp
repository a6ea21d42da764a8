#include "app/i18n/translations.h"

#include <QDir>
#include <QLibraryInfo>
#include <QLoggingCategory>
#include <QTranslator>

Q_LOGGING_CATEGORY(lcI18n, "rebatesync.i18n")

namespace rs {

QString toSettingValue(LanguageChoice choice)
{
    switch (choice) {
    case LanguageChoice::Chinese:
        return QStringLiteral("zh_CN");
    case LanguageChoice::English:
        return QStringLiteral("en");
    case LanguageChoice::System:
        break;
    }
    return QStringLiteral("system");
}

LanguageChoice languageChoiceFromSetting(const QString &value)
{
    if (value == QLatin1String("zh_CN"))
        return LanguageChoice::Chinese;
    if (value == QLatin1String("en"))
        return LanguageChoice::English;
    return LanguageChoice::System;
}

Translations::Translations() = default;

Translations::~Translations()
{
    removeInstalled();
}

QLocale Translations::localeFor(LanguageChoice choice)
{
    switch (choice) {
    case LanguageChoice::Chinese:
        return QLocale(QLocale::Chinese, QLocale::SimplifiedChineseScript, QLocale::China);
    case LanguageChoice::English:
        return QLocale(QLocale::English, QLocale::UnitedStates);
    case LanguageChoice::System:
        break;
    }
    return QLocale::system();
}

QLocale Translations::apply(LanguageChoice choice)
{
    return apply(localeFor(choice));
}

QLocale Translations::apply(const QLocale &wanted)
{
    removeInstalled();
    if (wanted.language() == QLocale::English || wanted.language() == QLocale::C) {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        return QLocale();
    }

    auto app = std::make_unique<QTranslator>();
    bool loaded = app->load(wanted, QStringLiteral("rebatesync"), QStringLiteral("_"),
                            QStringLiteral(":/i18n"));
    // Any Chinese locale (zh_TW, zh_HK, zh_SG) reads the Simplified Chinese text rather than
    // English, the language furthest from the clerk's.
    if (!loaded && wanted.language() == QLocale::Chinese)
        loaded = app->load(QStringLiteral(":/i18n/rebatesync_zh_CN.qm"));
    if (!loaded) {
        qCInfo(lcI18n) << "No RebateSync translation for" << wanted.name()
                       << "- falling back to English";
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        return QLocale();
    }

    // Qt's own strings: from Qt's installation, or beside the executable after windeployqt.
    auto qt = std::make_unique<QTranslator>();
    const QStringList qtDirs = {QLibraryInfo::path(QLibraryInfo::TranslationsPath),
                                QCoreApplication::applicationDirPath()
                                    + QStringLiteral("/translations")};
    bool qtLoaded = false;
    for (const QString &dir : qtDirs) {
        if (qt->load(wanted, QStringLiteral("qtbase"), QStringLiteral("_"), dir)
            || (wanted.language() == QLocale::Chinese
                && qt->load(QStringLiteral("qtbase_zh_CN"), dir))) {
            qtLoaded = true;
            break;
        }
    }
    if (qtLoaded) {
        QCoreApplication::installTranslator(qt.get());
        m_qt = std::move(qt);
    } else {
        qCInfo(lcI18n) << "Qt's own translation for" << wanted.name()
                       << "not found; standard buttons stay in English";
    }
    QCoreApplication::installTranslator(app.get());
    m_app = std::move(app);
    QLocale::setDefault(wanted);
    return wanted;
}

void Translations::removeInstalled()
{
    if (m_app)
        QCoreApplication::removeTranslator(m_app.get());
    if (m_qt)
        QCoreApplication::removeTranslator(m_qt.get());
    m_app.reset();
    m_qt.reset();
}

} // namespace rs
