#pragma once

#include "app/mapping/mappingresult.h"
#include "app/store/records.h"

#include <QStringList>

#include <optional>

namespace rs {

// One bill as the preview shows it: the JSON it is (or was) sent as, the issues that keep it
// back, and what the store knows of it.
struct BillPreview
{
    enum class Source {
        Mapping, // a fresh mapping: the bill is not stored, pending or failed (a retry re-maps it)
        HandedOver, // queued, sending, synced or in doubt: the stored payload is what is sent
        StoredOnly // stored, but the current mapping (or no scheme) makes no such bill
    };

    QString key; // idempotency key; empty when the mapping could not make one
    QString customer; // 名称（编码）, else the grouping value (the customer code) or the key
    QString amount; // exact decimal text, empty when unreadable
    QString json; // indented JSON of the bill's Model object: what is shown and copied
    QList<MappingIssue> issues;
    QList<int> rows; // indexes into the application's rows
    std::optional<BillRecord> stored;
    Source source = Source::Mapping;

    bool hasErrors() const { return !issues.isEmpty(); }
};

struct ApplicationPreview
{
    QList<BillPreview> bills;
    QList<MappingIssue> issues; // about the whole application
};

// Joins a mapping (null when the scheme could not be loaded) with the bills already stored for
// the application, matched by idempotency key. `customers` names the mapping's bills in order
// (名称（编码）, see customerLabel); a bill without one is named by its group.
ApplicationPreview buildApplicationPreview(const MappingResult *mapping,
                                           const QList<BillRecord> &stored,
                                           const QStringList &customers = {});

} // namespace rs
