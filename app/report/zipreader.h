#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

namespace rs::report {

// The entries of a zip archive held in memory — what an .xlsx file is. Stored and deflated
// entries (zlib's raw inflate), each checked against its CRC-32. No ZIP64 and no encrypted
// entries: an .xlsx a clerk can import needs neither, and each is refused with its reason.
class ZipReader final
{
    Q_DECLARE_TR_FUNCTIONS(rs::report::ZipReader)

public:
    // An entry larger than this is refused rather than inflated (a value map is a few KB).
    static constexpr qint64 MaxEntrySize = 64 * 1024 * 1024;

    // False with the reason when `bytes` is not a zip archive this reader can read.
    bool open(const QByteArray &bytes, QString *error);
    QStringList names() const { return m_order; }
    bool contains(const QString &name) const { return m_entries.contains(name); }
    // The entry's uncompressed bytes; nothing, with the reason, when it is damaged.
    std::optional<QByteArray> read(const QString &name, QString *error) const;

private:
    struct Entry
    {
        quint16 flags = 0;
        quint16 method = 0;
        quint32 crc = 0;
        quint32 compressedSize = 0;
        quint32 size = 0;
        quint32 localOffset = 0;
    };

    QByteArray m_bytes;
    QHash<QString, Entry> m_entries;
    QStringList m_order;
};

} // namespace rs::report
