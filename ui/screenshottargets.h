#pragma once

#include <QString>
#include <QStringList>

class QWidget;

namespace rs {

class MainWindow;

// `rebatesync --screenshot FILE --open NAME`: opens the window or dialog NAME names over the main
// window, laid out as a clerk sees it, and returns it (the caller takes its picture). Null for a
// name it does not know. One `if` per name, so each screen's owner adds only their own.
QWidget *openForScreenshot(MainWindow &window, const QString &name);

// The names openForScreenshot() knows, for the message an unknown one gets.
QStringList screenshotTargets();

} // namespace rs
