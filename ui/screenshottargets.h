#pragma once

#include <QString>
#include <QStringList>

class QWidget;

namespace rs {

class MainWindow;

// `rebatesync --screenshot FILE --open NAME`: the window NAME names, opened over `window` as a
// user would open it, and what to picture; null for a name not known here.
QWidget *openForScreenshot(MainWindow &window, const QString &name);

// The names openForScreenshot knows, for the message about an unknown one.
QStringList screenshotTargetNames();

} // namespace rs
