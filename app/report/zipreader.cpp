#include "app/report/zipreader.h"

#include <zlib.h>

namespace rs::report {
namespace {

constexpr quint32 kEndOfDirectory = 0x06054b50;
constexpr quint32 kDirectoryEntry = 0x02014b50;
constexpr quint32 kLocalHeader = 0x04034b50;
constexpr int kEndOfDirectorySize = 22;
constexpr int kDirectoryEntrySize = 46;
constexpr int kLocalHeaderSize = 30;

// Little-endian fields at `offset`; the caller has checked the bounds.
quint16 u16(const QByteArray &bytes, qsizetype offset)
{
    const auto *p = reinterpret_cast<const uchar *>(bytes.constData() + offset);
    return quint16(p[0] | (p[1] << 8));
}

quint32 u32(const QByteArray &bytes, qsizetype offset)
{
    return quint32(u16(bytes, offset)) | (quint32(u16(bytes, offset + 2)) << 16);
}

std::optional<QByteArray> inflateRaw(const QByteArray &compressed, quint32 size)
{
    QByteArray out(qsizetype(size), Qt::Uninitialized);
    z_stream stream {};
    if (inflateInit2(&stream, -MAX_WBITS) != Z_OK)
        return std::nullopt;
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(compressed.constData()));
    stream.avail_in = uInt(compressed.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    const int result = inflate(&stream, Z_FINISH);
    const bool whole = result == Z_STREAM_END && stream.total_out == size;
    inflateEnd(&stream);
    if (!whole)
        return std::nullopt;
    return out;
}

} // namespace

bool ZipReader::open(const QByteArray &bytes, QString *error)
{
    m_bytes = bytes;
    m_entries.clear();
    m_order.clear();
    const QString notZip = tr("it is not a zip archive");
    // The end-of-directory record is the last thing in the file, before a comment of at most
    // 65,535 bytes.
    qsizetype end = -1;
    const qsizetype lowest = std::max<qsizetype>(0, bytes.size() - kEndOfDirectorySize - 0xFFFF);
    for (qsizetype at = bytes.size() - kEndOfDirectorySize; at >= lowest; --at) {
        if (u32(bytes, at) == kEndOfDirectory) {
            end = at;
            break;
        }
    }
    if (end < 0) {
        *error = notZip;
        return false;
    }
    const quint16 count = u16(bytes, end + 10);
    const quint32 directorySize = u32(bytes, end + 12);
    const quint32 directoryOffset = u32(bytes, end + 16);
    if (count == 0xFFFF || directoryOffset == 0xFFFFFFFF) {
        *error = tr("it is a ZIP64 archive, which no Excel workbook needs");
        return false;
    }
    if (qint64(directoryOffset) + directorySize > end) {
        *error = tr("the archive is cut short or damaged");
        return false;
    }
    qsizetype at = directoryOffset;
    for (int i = 0; i < count; ++i) {
        if (at + kDirectoryEntrySize > end || u32(bytes, at) != kDirectoryEntry) {
            *error = tr("the archive is cut short or damaged");
            return false;
        }
        Entry entry;
        entry.flags = u16(bytes, at + 8);
        entry.method = u16(bytes, at + 10);
        entry.crc = u32(bytes, at + 16);
        entry.compressedSize = u32(bytes, at + 20);
        entry.size = u32(bytes, at + 24);
        const quint16 nameLength = u16(bytes, at + 28);
        const quint16 extraLength = u16(bytes, at + 30);
        const quint16 commentLength = u16(bytes, at + 32);
        entry.localOffset = u32(bytes, at + 42);
        if (at + kDirectoryEntrySize + nameLength > end) {
            *error = tr("the archive is cut short or damaged");
            return false;
        }
        const QString name = QString::fromUtf8(bytes.mid(at + kDirectoryEntrySize, nameLength));
        m_entries.insert(name, entry);
        m_order.append(name);
        at += kDirectoryEntrySize + nameLength + extraLength + commentLength;
    }
    return true;
}

std::optional<QByteArray> ZipReader::read(const QString &name, QString *error) const
{
    const auto found = m_entries.constFind(name);
    if (found == m_entries.constEnd()) {
        *error = tr("it has no %1").arg(name);
        return std::nullopt;
    }
    const Entry &entry = *found;
    if (entry.flags & 0x1) {
        *error = tr("it is protected by a password");
        return std::nullopt;
    }
    if (entry.method != 0 && entry.method != 8) {
        *error = tr("%1 is compressed in a way this program cannot read (method %2)")
                     .arg(name)
                     .arg(entry.method);
        return std::nullopt;
    }
    if (entry.size > MaxEntrySize) {
        *error = tr("%1 is too large (%2 bytes)").arg(name).arg(entry.size);
        return std::nullopt;
    }
    const qint64 local = entry.localOffset;
    if (local + kLocalHeaderSize > m_bytes.size() || u32(m_bytes, local) != kLocalHeader) {
        *error = tr("the archive is cut short or damaged");
        return std::nullopt;
    }
    const qint64 data =
        local + kLocalHeaderSize + u16(m_bytes, local + 26) + u16(m_bytes, local + 28);
    if (data + entry.compressedSize > m_bytes.size()) {
        *error = tr("the archive is cut short or damaged");
        return std::nullopt;
    }
    const QByteArray stored = m_bytes.mid(data, entry.compressedSize);
    std::optional<QByteArray> content;
    if (entry.method == 0)
        content = stored.size() == qsizetype(entry.size) ? std::optional(stored) : std::nullopt;
    else
        content = inflateRaw(stored, entry.size);
    if (!content
        || crc32(0L, reinterpret_cast<const Bytef *>(content->constData()), uInt(content->size()))
            != entry.crc) {
        *error = tr("%1 is damaged").arg(name);
        return std::nullopt;
    }
    return content;
}

} // namespace rs::report
