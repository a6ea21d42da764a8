#pragma once

#include "app/store/states.h"

#include <QString>
#include <QStringList>

// A sync log event's words are stored as Qt's source text with its arguments and rendered when
// read, so a CLI run in Chinese and a console in English (or switched later) show the same event
// in the reader's language. Call sites mark their text with QT_TRANSLATE_NOOP so lupdate finds
// it. Events stored as plain text by earlier versions are shown as they are.
namespace rs::eventtext {

// `source` in `context`, its %1…%9 filled with `arguments` when rendered (each plain text or
// itself an encoded text); `n` fills %n and picks the plural form.
QString encode(const char *context, const char *source, const QStringList &arguments = {},
               int n = -1);
// A bill state's name, rendered in the reader's language.
QString state(BillState state);
// Parts rendered one after the other.
QString join(const QStringList &parts);
// The text in the language of the translators installed now.
QString render(const QString &stored);

} // namespace rs::eventtext
