#include "ui/fitwrappedtext.h"

#include <QLayout>
#include <QWidget>

namespace rs {

void growToFitWrappedText(QWidget &dialog)
{
    QLayout *layout = dialog.layout();
    if (!layout || !layout->hasHeightForWidth())
        return;
    const int needed = layout->totalHeightForWidth(dialog.width());
    if (needed > dialog.height())
        dialog.resize(dialog.width(), needed);
}

} // namespace rs
