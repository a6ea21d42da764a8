#pragma once

#include "app/mapping/mappingresult.h"
#include "app/store/billerror.h"

#include <QColor>
#include <QString>

// What the preview's parts share: one red for what stops a bill, one way to write an issue.
namespace rs::preview {

inline QColor errorColor()
{
    return QColor(0xb0, 0x00, 0x20); // the overview's problem colour
}

// The table's 已同步 green: a bill Kingdee holds.
inline QColor syncedColor()
{
    return QColor(0x1a, 0x7f, 0x37);
}

// The background of what a jump from the log points at (the table's notice has it too).
inline QColor markedColor()
{
    return QColor(0xff, 0xf4, 0xce);
}

inline QString errorStyle()
{
    return QStringLiteral("color: #b00020;");
}

// ""abc" is not a number (field FEntity[0].FNOTAXAMOUNTFOR)": the words first, the field once.
inline QString issueText(const MappingIssue &issue)
{
    return clerkErrorText(issue.message, issue.field);
}

} // namespace rs::preview
