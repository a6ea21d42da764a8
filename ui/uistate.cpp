#include "ui/uistate.h"

#include <QSettings>

namespace rs {
namespace {

const QString kLanguage = QStringLiteral("ui/language");
const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");

} // namespace

UiState::UiState(const QString &path)
    : m_ini(std::make_unique<QSettings>(path, QSettings::IniFormat))
{ }

UiState::~UiState() = default;

LanguageChoice UiState::language() const
{
    return languageChoiceFromSetting(m_ini->value(kLanguage).toString());
}

void UiState::setLanguage(LanguageChoice choice)
{
    m_ini->setValue(kLanguage, toSettingValue(choice));
    m_ini->sync();
}

QByteArray UiState::windowGeometry() const
{
    return m_ini->value(kGeometry).toByteArray();
}

QByteArray UiState::windowState() const
{
    return m_ini->value(kState).toByteArray();
}

void UiState::setWindow(const QByteArray &geometry, const QByteArray &state)
{
    m_ini->setValue(kGeometry, geometry);
    m_ini->setValue(kState, state);
    m_ini->sync();
}

QByteArray UiState::layout(const QString &name) const
{
    return m_ini->value(QStringLiteral("layout/") + name).toByteArray();
}

void UiState::setLayout(const QString &name, const QByteArray &state)
{
    m_ini->setValue(QStringLiteral("layout/") + name, state);
    m_ini->sync();
}

} // namespace rs
