#pragma once

#include <QMetaType>
#include <QString>

namespace rs::alerts {

// One thing the clerk (and the group) should know about now.
struct Alert
{
    enum class Kind { RunFailures, ConfigError, Quota, InDoubt, Test, DuplicateInKingdee };
    Kind kind = Kind::RunFailures;
    QString title; // one line, translated
    QString text; // the details, translated
    qint64 atMs = 0;

    // "title: text" on one line, for digests and the tray.
    QString line() const;
};

} // namespace rs::alerts

Q_DECLARE_METATYPE(rs::alerts::Alert)
