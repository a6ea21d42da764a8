#pragma once

#include "httpexchange.h"

namespace rs::sandbox {

class Sandbox;

// /sandbox/… : what tests and benchmarks read and change, never counted or faulted.
//   GET  /sandbox/bills          bills Kingdee holds, with their idempotency field
//   GET  /sandbox/counters       calls, errors and throttled answers per endpoint; quota used
//   GET  /sandbox/instances      every DingTalk instance with its status
//   GET  /sandbox/robot          robot messages accepted
//   POST /sandbox/complete       ?id=…&result=agree|refuse (no id: the oldest running one)
//   POST /sandbox/faults         JSON body with any FaultOptions field to change at run time
//   POST /sandbox/expire-tokens  every DingTalk token becomes invalid at once
class Inspection final
{
public:
    static HttpResponse answer(Sandbox &sandbox, const HttpRequest &request);
};

} // namespace rs::sandbox
