#pragma once

#include "httpexchange.h"

#include <functional>

namespace rs::sandbox {

// What a simulated endpoint answers, and what the sandbox should count about it.
struct Answer
{
    HttpResponse response;
    bool throttled = false;
    bool error = false;
    bool committedWrite = false; // Kingdee saved something: drop-after-commit may strike now
};

struct Route
{
    QString api; // counter name, as the console names the endpoint ("dingtalk.get", …)
    std::function<Answer(const HttpRequest &)> handle;
};

} // namespace rs::sandbox
