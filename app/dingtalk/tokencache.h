#pragma once

#include <QDeadlineTimer>
#include <QHash>
#include <QMutex>
#include <QString>

namespace rs::dingtalk {

// Access tokens per app key (and host), shared by every client in the process (the console's fetch
// and its connection test use one token). A token is handed out until shortly before it expires:
// ten minutes, or a tenth of its life when DingTalk grants less than an hour and a half.
class TokenCache final
{
public:
    static TokenCache &instance();

    QString valid(const QString &appKey) const;
    void store(const QString &appKey, const QString &token, qint64 expiresInS);
    // Drops `token` if it is still the cached one (another call may have replaced it already).
    void invalidate(const QString &appKey, const QString &token);

private:
    struct Entry
    {
        QString token;
        QDeadlineTimer refreshAt;
    };
    mutable QMutex m_mutex;
    QHash<QString, Entry> m_entries;
};

} // namespace rs::dingtalk
