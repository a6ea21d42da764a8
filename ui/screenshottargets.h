#pragma once

#include <QString>
#include <QStringList>

class QWidget;

namespace rs {

class MainWindow;

// `rebatesync --screenshot FILE --open NAME`: the window or dialog NAME names, opened over the main
// window as a clerk would open it, and what to picture; null for a name not known here. One `if`
// per name, so each screen's owner adds only their own.
QWidget *openForScreenshot(MainWindow &window, const QString &name);

// The names openForScreenshot knows, for the message about an unknown one.
QStringList screenshotTargetNames();

} // namespace rs
