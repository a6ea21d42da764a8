#include "app/kingdee/saveresult.h"

#include <QJsonArray>

#include <algorithm>

namespace rs::kingdee {
namespace {

using State = EntryResult::State;

// MsgCodes after which the same bill may pass later: database failure, network-control
// conflict, call limit. Validation and base-data errors need a change first.
bool retryMayHelp(int msgCode)
{
    return msgCode == 6 || msgCode == 13 || msgCode == 14;
}

// The Model position an entry of SuccessEntitys or Errors refers to; −1 when it has none.
// With one bill, an entry without a usable DIndex can only be about that bill.
int positionOf(const QJsonObject &item, int modelCount)
{
    const QJsonValue d = item.value(QLatin1String("DIndex"));
    bool ok = d.isDouble();
    int index = d.toInt(-1);
    if (d.isString())
        index = d.toString().toInt(&ok);
    if (ok && index >= 0 && index < modelCount)
        return index;
    return modelCount == 1 ? 0 : -1;
}

QString text(const QJsonValue &v)
{
    return v.isDouble() ? QString::number(v.toInteger()) : v.toString();
}

} // namespace

int SaveResult::count(EntryResult::State state) const
{
    return int(std::count_if(entries.cbegin(), entries.cend(),
                             [state](const EntryResult &e) { return e.state == state; }));
}

SaveResult SaveResult::withoutAnswer(const Failure &failure, int modelCount)
{
    SaveResult result;
    result.failure = failure;
    EntryResult entry;
    entry.state = failure.kind == Failure::Kind::OutcomeUnknown ? State::Unknown : State::NotSaved;
    entry.retryMayHelp = failure.kind != Failure::Kind::Authentication;
    result.entries.fill(entry, modelCount);
    return result;
}

SaveResult SaveResult::fromAnswer(const QJsonObject &answer, int modelCount)
{
    const QJsonObject status = answer.value(QLatin1String("Result"))
                                   .toObject()
                                   .value(QLatin1String("ResponseStatus"))
                                   .toObject();
    const Failure failure = FailureClassifier::status(status);
    if (failure.kind != Failure::Kind::None && failure.kind != Failure::Kind::Rejected)
        return withoutAnswer(failure, modelCount); // nothing saved: session, permission, limit

    SaveResult result;
    result.failure = failure;
    result.entries.resize(modelCount);
    int unplaced = 0; // successes Kingdee reported without a usable DIndex
    for (const QJsonValue &v : status.value(QLatin1String("SuccessEntitys")).toArray()) {
        const QJsonObject success = v.toObject();
        const int at = positionOf(success, modelCount);
        if (at < 0) {
            ++unplaced;
            continue;
        }
        EntryResult &entry = result.entries[at];
        entry.state = State::Saved;
        entry.id = text(success.value(QLatin1String("Id")));
        entry.number = text(success.value(QLatin1String("Number")));
    }
    const bool retry = retryMayHelp(failure.msgCode);
    for (const QJsonValue &v : status.value(QLatin1String("Errors")).toArray()) {
        const QJsonObject error = v.toObject();
        const EntryError entryError {error.value(QLatin1String("FieldName")).toString(),
                                     error.value(QLatin1String("Message")).toString()};
        // 业务对象不存在, 参数Model不能为空 …: about the request, so about every bill in it.
        const bool wholeBatch =
            entryError.field.compare(QLatin1String("FormId"), Qt::CaseInsensitive) == 0
            || entryError.field.compare(QLatin1String("Model"), Qt::CaseInsensitive) == 0;
        const int at = positionOf(error, modelCount);
        for (int i = 0; i < modelCount; ++i) {
            EntryResult &entry = result.entries[i];
            if ((i != at && !wholeBatch) || entry.state == State::Saved)
                continue;
            entry.state = State::Failed;
            entry.retryMayHelp = retry;
            entry.errors.append(entryError);
        }
    }
    // Bills neither listed as saved nor blamed. KINGDEE.md: not saved when Kingdee reports a
    // failure (an atomic batch). But when it claims success, or listed saves it could not place,
    // they may be in Kingdee after all: unknown, to be looked up, never resent blindly.
    const bool mayBeSaved = failure.ok() || unplaced > 0;
    for (EntryResult &entry : result.entries) {
        if (entry.state == State::NotSaved && mayBeSaved)
            entry.state = State::Unknown;
    }
    return result;
}

} // namespace rs::kingdee
