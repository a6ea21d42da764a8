#pragma once

class QString;
class QWidget;

namespace rs {

class MainWindow;

// `rebatesync --screenshot FILE --open NAME`: shows the window NAME names and returns what to
// picture, or nullptr for a name it does not know.
QWidget *openForScreenshot(MainWindow &window, const QString &name);

} // namespace rs
