#pragma once

#include "kingdeeauth.h"
#include "kingdeebooks.h"
#include "route.h"

#include <optional>

namespace rs::sandbox {

// Kingdee Cloud Galaxy's WebAPI under /k3cloud/: the login services and Logout, BatchSave / Save of
// AR_OtherRecAble, ExecuteBillQuery, View, Submit, Audit, UnAudit and Delete, in both body forms
// (formid + data, parameters).
class KingdeeSim final
{
public:
    KingdeeSim(KingdeeOptions options, int sessionExpiryEvery);

    std::optional<Route> route(const HttpRequest &request);
    const KingdeeBooks &books() const { return m_books; }
    KingdeeBooks &books() { return m_books; }

private:
    Answer login(KingdeeAuth::Mode mode, const HttpRequest &request);
    Answer save(const HttpRequest &request, bool batch);
    Answer query(const HttpRequest &request);
    Answer view(const HttpRequest &request);
    // Submit, Audit, UnAudit, Delete: by Numbers (an array) or Ids (comma-separated text).
    Answer operate(KingdeeBooks::Operation operation, const HttpRequest &request);
    // The session or signature check every service call passes; an answer when it fails.
    std::optional<Answer> admit(const HttpRequest &request, bool queryShape);

    KingdeeAuth m_auth;
    KingdeeBooks m_books;
    int m_sessionExpiryEvery;
    int m_sessionCalls = 0;
};

} // namespace rs::sandbox
