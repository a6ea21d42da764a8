#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

namespace rs::sync {

// How a fetch ended, for the CLI's exit code, the status bar and the run history.
struct FetchReport
{
    enum class Result { Ok, Partial, ConfigError };
    Result result = Result::Ok;
    qint64 fromMs = 0;
    qint64 toMs = 0;
    int listed = 0; // distinct ids DingTalk listed in the period
    int skippedFinal = 0; // listed, already stored in a final state: no detail call
    int requested = 0; // detail calls wanted
    int stored = 0;
    int malformed = 0; // kept with their raw text and shown to the clerk
    int failed = 0; // could not be fetched this time; the next fetch tries again
    int revoked = 0;
    int qualityIssues = 0; // approved applications the scheme cannot turn into bills as they are
    QStringList missingIds; // listed but not in the store at the end: reported, never silent
    QString stopReason; // quota or configuration: the run stopped early
    qint64 monthCalls = 0; // DingTalk calls this month, after the run
    int unsavedCalls = 0; // counted in memory, not yet in the store (it could not save)

    // One line for the clerk: counts and, if any, why it stopped.
    QString summary() const;
    // A run that could not start (settings, scheme, secret): ConfigError with the reason.
    static FetchReport refused(const QString &reason);
};

} // namespace rs::sync

Q_DECLARE_METATYPE(rs::sync::FetchReport)
