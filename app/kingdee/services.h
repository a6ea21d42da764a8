#pragma once

#include <QString>
#include <QUrl>

namespace rs::kingdee {

// Kingdee's WebAPI service names: POST {base}/{Service}.common.kdsvc (KINGDEE.md "URLs").
namespace service {
inline constexpr char ValidateUser[] = "Kingdee.BOS.WebApi.ServicesStub.AuthService.ValidateUser";
inline constexpr char LoginByAppSecret[] =
    "Kingdee.BOS.WebApi.ServicesStub.AuthService.LoginByAppSecret";
inline constexpr char LoginBySign[] = "Kingdee.BOS.WebApi.ServicesStub.AuthService.LoginBySign";
inline constexpr char BatchSave[] = "Kingdee.BOS.WebApi.ServicesStub.DynamicFormService.BatchSave";
inline constexpr char ExecuteBillQuery[] =
    "Kingdee.BOS.WebApi.ServicesStub.DynamicFormService.ExecuteBillQuery";
inline constexpr char Submit[] = "Kingdee.BOS.WebApi.ServicesStub.DynamicFormService.Submit";
inline constexpr char Audit[] = "Kingdee.BOS.WebApi.ServicesStub.DynamicFormService.Audit";
inline constexpr char UnAudit[] = "Kingdee.BOS.WebApi.ServicesStub.DynamicFormService.UnAudit";
inline constexpr char Delete[] = "Kingdee.BOS.WebApi.ServicesStub.DynamicFormService.Delete";
} // namespace service

// The service's URL under the configured base, which may or may not end in '/'.
inline QUrl serviceUrl(const QUrl &base, const char *service)
{
    QUrl url = base;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QLatin1Char('/') + QLatin1String(service) + QLatin1String(".common.kdsvc"));
    return url;
}

} // namespace rs::kingdee
