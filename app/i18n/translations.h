#pragma once

#include <QCoreApplication>
#include <QLocale>
#include <QString>

#include <memory>

class QTranslator;

namespace rs {

// The clerk's choice in 设置 → 语言; stored as "system", "zh_CN" or "en".
enum class LanguageChoice { System, Chinese, English };

QString toSettingValue(LanguageChoice choice);
LanguageChoice languageChoiceFromSetting(const QString &value);

// Installs Qt's own translation (so standard buttons read 确定/取消) and RebateSync's, and swaps
// them when the language changes; widgets retranslate on QEvent::LanguageChange.
class Translations final
{
    Q_DECLARE_TR_FUNCTIONS(rs::Translations)

public:
    Translations();
    ~Translations();
    Q_DISABLE_COPY_MOVE(Translations)

    // Returns the locale now in effect; English when no translation exists for the wanted one.
    QLocale apply(LanguageChoice choice);
    QLocale apply(const QLocale &wanted);

    static QLocale localeFor(LanguageChoice choice);

private:
    void removeInstalled();

    std::unique_ptr<QTranslator> m_qt;
    std::unique_ptr<QTranslator> m_app;
};

} // namespace rs
