#include "app/dingtalk/tokencache.h"

#include <QMutexLocker>

#include <algorithm>

namespace rs::dingtalk {

TokenCache &TokenCache::instance()
{
    static TokenCache cache;
    return cache;
}

QString TokenCache::valid(const QString &appKey) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_entries.constFind(appKey);
    if (it == m_entries.constEnd() || it->refreshAt.hasExpired())
        return {};
    return it->token;
}

void TokenCache::store(const QString &appKey, const QString &token, qint64 expiresInS)
{
    const qint64 margin = std::min<qint64>(600, expiresInS / 10);
    QMutexLocker lock(&m_mutex);
    m_entries.insert(appKey, {token, QDeadlineTimer((expiresInS - margin) * 1000)});
}

void TokenCache::invalidate(const QString &appKey, const QString &token)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_entries.find(appKey);
    if (it != m_entries.end() && it->token == token)
        m_entries.erase(it);
}

} // namespace rs::dingtalk
