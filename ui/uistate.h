#pragma once

#include "app/i18n/translations.h"

#include <QByteArray>
#include <QString>

#include <memory>

class QSettings;

namespace rs {

// What the console remembers about itself between runs (language, window layout), in the
// profile's ui-state.ini: kept apart from settings.ini, whose keys are a fixed contract.
class UiState final
{
public:
    explicit UiState(const QString &path);
    ~UiState();
    Q_DISABLE_COPY_MOVE(UiState)

    LanguageChoice language() const;
    void setLanguage(LanguageChoice choice);

    QByteArray windowGeometry() const;
    QByteArray windowState() const;
    void setWindow(const QByteArray &geometry, const QByteArray &state);

    // A widget's saved layout (header columns, splitter), by the widget's object name.
    QByteArray layout(const QString &name) const;
    void setLayout(const QString &name, const QByteArray &state);

private:
    std::unique_ptr<QSettings> m_ini;
};

} // namespace rs
