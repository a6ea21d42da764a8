#pragma once

class QWidget;

namespace rs {

// Call from a dialog's event() on QEvent::LayoutRequest: a wrapped label (a server's error, a
// long answer) needs more height at the dialog's width than its minimum size says, and without
// this the rows below it would be squeezed or overlap.
void growToFitWrappedText(QWidget &dialog);

} // namespace rs
