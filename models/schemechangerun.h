#pragma once

#include "app/store/storelocation.h"
#include "models/schemechangesummary.h"

#include <QFuture>

#include <memory>

namespace rs {

// "What changes" off the UI thread: SchemeChangeSummary over the stored approved applications,
// on a worker of the global thread pool with a connection of its own to the store (a connection
// belongs to the thread that opened it). The future reports progress — indeterminate while the
// store is read, then applications done of all — and stops soon after it is cancelled, with no
// result. Both schemes are shared, read-only, with the caller.
QFuture<SchemeChangeSummary> runSchemeChangeSummary(const StoreLocation &store,
                                                    std::shared_ptr<const Scheme> before,
                                                    std::shared_ptr<const Scheme> after);

} // namespace rs
