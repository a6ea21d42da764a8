#include "kingdeesim.h"

#include "basedata.h"
#include "kingdeevalues.h"

#include <QJsonDocument>

namespace rs::sandbox {
namespace {

const QLatin1String kServicePrefix("/k3cloud/Kingdee.BOS.WebApi.ServicesStub.");

QJsonValue parseBody(const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    return doc.isObject() ? QJsonValue(doc.object()) : QJsonValue();
}

// The data object of either body form: {"formid","data"} or {"parameters":[formid, data]};
// data may be an object or a JSON string. For ExecuteBillQuery, parameters[0] is the data.
// Keys in any case: "formid", "FormId", "Data", …
QJsonObject dataOf(const QJsonObject &body, QString *formId, int dataPosition)
{
    QJsonValue data;
    const QJsonValue parameters = kingdee::valueOf(body, QLatin1String("parameters"));
    if (parameters.isArray()) {
        if (dataPosition == 1)
            *formId = parameters.toArray().at(0).toString();
        data = parameters.toArray().at(dataPosition);
    } else {
        *formId = kingdee::valueOf(body, QLatin1String("formid")).toString();
        data = kingdee::valueOf(body, QLatin1String("data"));
    }
    if (data.isString())
        return QJsonDocument::fromJson(data.toString().toUtf8()).object();
    return data.toObject();
}

QJsonObject responseStatus(const QJsonArray &errors, const QJsonArray &successes, int msgCode)
{
    const bool ok = errors.isEmpty();
    return {{QStringLiteral("ErrorCode"), ok ? QJsonValue(QString()) : QJsonValue(500)},
            {QStringLiteral("IsSuccess"), ok},
            {QStringLiteral("Errors"), errors},
            {QStringLiteral("SuccessEntitys"), successes},
            {QStringLiteral("SuccessMessages"), QJsonArray()},
            {QStringLiteral("MsgCode"), ok ? 0 : msgCode}};
}

QJsonObject error(const QString &field, const QString &message, int index)
{
    return {{QStringLiteral("FieldName"), field.isEmpty() ? QJsonValue() : QJsonValue(field)},
            {QStringLiteral("Message"), message},
            {QStringLiteral("DIndex"), index}};
}

// `saved` is for Save: Kingdee puts the bill's Id (a number) and Number beside ResponseStatus,
// empty strings when nothing was saved. BatchSave answers only SuccessEntitys.
Answer statusAnswer(const QJsonObject &status, bool queryShape,
                    const QJsonArray &needReturn = {QJsonObject()},
                    std::optional<std::pair<QJsonValue, QString>> saved = std::nullopt)
{
    QJsonObject result {{QStringLiteral("ResponseStatus"), status}};
    if (!queryShape)
        result.insert(QStringLiteral("NeedReturnData"), needReturn);
    if (saved) {
        result.insert(QStringLiteral("Id"), saved->first);
        result.insert(QStringLiteral("Number"), saved->second);
    }
    const QJsonObject wrapped {{QStringLiteral("Result"), result}};
    // ExecuteBillQuery answers errors as [[{"Result": …}]].
    const QByteArray body = queryShape
        ? QJsonDocument(QJsonArray {QJsonArray {wrapped}}).toJson(QJsonDocument::Compact)
        : QJsonDocument(wrapped).toJson(QJsonDocument::Compact);
    Answer answer {HttpResponse::json(body)};
    answer.error = !status.value(QLatin1String("IsSuccess")).toBool();
    return answer;
}

Answer failure(const QString &field, const QString &message, int msgCode, bool queryShape)
{
    return statusAnswer(responseStatus({error(field, message, 0)}, {}, msgCode), queryShape);
}

} // namespace

KingdeeSim::KingdeeSim(KingdeeOptions options, int sessionExpiryEvery)
    : m_auth(std::move(options))
    , m_sessionExpiryEvery(sessionExpiryEvery)
{
    m_books.setClosedBefore(m_auth.options().closedBefore);
}

std::optional<Route> KingdeeSim::route(const HttpRequest &request)
{
    if (!request.path.startsWith(kServicePrefix, Qt::CaseInsensitive))
        return std::nullopt;
    const QString service =
        request.path.mid(kServicePrefix.size()).section(QLatin1String(".common.kdsvc"), 0, 0);
    const auto is = [&service](const char *name) {
        return service.compare(QLatin1String(name), Qt::CaseInsensitive) == 0;
    };
    const auto loginRoute = [this](KingdeeAuth::Mode mode) {
        return Route {QStringLiteral("kingdee.login"), [this, mode](const HttpRequest &r) {
                          return login(mode, r);
                      }};
    };
    if (is("AuthService.ValidateUser"))
        return loginRoute(KingdeeAuth::Mode::ValidateUser);
    if (is("AuthService.LoginByAppSecret"))
        return loginRoute(KingdeeAuth::Mode::AppSecret);
    if (is("AuthService.LoginBySign"))
        return loginRoute(KingdeeAuth::Mode::Sign);
    if (is("AuthService.Logout"))
        return Route {QStringLiteral("kingdee.logout"), [this](const HttpRequest &r) {
                          m_auth.logout(r);
                          return Answer {HttpResponse::json("true")};
                      }};
    if (is("DynamicFormService.BatchSave"))
        return Route {QStringLiteral("kingdee.batchSave"), [this](const HttpRequest &r) {
                          return save(r, true);
                      }};
    if (is("DynamicFormService.Save"))
        return Route {QStringLiteral("kingdee.save"), [this](const HttpRequest &r) {
                          return save(r, false);
                      }};
    if (is("DynamicFormService.ExecuteBillQuery"))
        return Route {QStringLiteral("kingdee.executeBillQuery"), [this](const HttpRequest &r) {
                          return query(r);
                      }};
    if (is("DynamicFormService.View"))
        return Route {QStringLiteral("kingdee.view"), [this](const HttpRequest &r) {
                          return view(r);
                      }};
    using Op = KingdeeBooks::Operation;
    for (const auto &[name, api, operation] :
         {std::tuple("DynamicFormService.Submit", "kingdee.submit", Op::Submit),
          std::tuple("DynamicFormService.Audit", "kingdee.audit", Op::Audit),
          std::tuple("DynamicFormService.UnAudit", "kingdee.unAudit", Op::UnAudit),
          std::tuple("DynamicFormService.Delete", "kingdee.delete", Op::Delete)}) {
        if (is(name))
            return Route {QLatin1String(api), [this, op = operation](const HttpRequest &r) {
                              return operate(op, r);
                          }};
    }
    return Route {QStringLiteral("kingdee.unknown"), [](const HttpRequest &) {
                      Answer a {HttpResponse::text("Service not found", 404)};
                      a.error = true;
                      return a;
                  }};
}

Answer KingdeeSim::login(KingdeeAuth::Mode mode, const HttpRequest &request)
{
    bool loggedIn = false;
    Answer answer {m_auth.login(mode, parseBody(request.body), &loggedIn)};
    answer.error = !loggedIn;
    return answer;
}

std::optional<Answer> KingdeeSim::admit(const HttpRequest &request, bool queryShape)
{
    // Every K-th call that arrives with a live session finds it expired instead.
    const bool expireNow = m_sessionExpiryEvery > 0 && m_auth.hasLiveSession(request)
        && ++m_sessionCalls % m_sessionExpiryEvery == 0;
    switch (m_auth.authorise(request, expireNow)) {
    case KingdeeAuth::Access::Granted:
        return std::nullopt;
    case KingdeeAuth::Access::SessionLost:
        return failure({}, QStringLiteral("会话信息已丢失，请重新登录"), 1, queryShape);
    case KingdeeAuth::Access::BadSignature:
        return failure({}, QStringLiteral("授权密钥校验失败，请获取最新密钥加密"), 2, queryShape);
    }
    return std::nullopt;
}

Answer KingdeeSim::save(const HttpRequest &request, bool batch)
{
    if (auto refused = admit(request, false))
        return *refused;
    QString formId;
    const QJsonObject data = dataOf(parseBody(request.body).toObject(), &formId, 1);
    if (formId.isEmpty())
        return failure(QStringLiteral("FormId"), QStringLiteral("表单Id不能为空"), 5, false);
    if (!kingdee::isFormId(formId, QLatin1String("AR_OtherRecAble")))
        return failure(QStringLiteral("FormId"), QStringLiteral("业务对象不存在"), 4, false);
    const QJsonValue model = kingdee::valueOf(data, QLatin1String("Model"));
    const QJsonArray models = batch ? model.toArray() : QJsonArray {model.toObject()};
    if (models.isEmpty() || (!batch && !model.isObject()))
        return failure(QStringLiteral("Model"), QStringLiteral("参数Model不能为空"), 8, false);

    // Flags come as true or "true" (the API explorer sends strings).
    const auto results = m_books.save(
        models, kingdee::flagOf(kingdee::valueOf(data, QLatin1String("IsAutoSubmitAndAudit"))),
        m_auth.options().atomicBatches,
        kingdee::flagOf(kingdee::valueOf(data, QLatin1String("ValidateRepeatJson"))));
    QJsonArray errors;
    QJsonArray successes;
    QJsonArray needReturn;
    int msgCode = 0;
    bool anySaved = false;
    for (const KingdeeBooks::RowResult &row : results) {
        if (row.error) {
            errors.append(error(row.error->field, row.error->message, row.index));
            msgCode = row.error->msgCode;
            needReturn.append(QJsonObject());
        } else if (row.bill) {
            anySaved = true;
            successes.append(QJsonObject {{QStringLiteral("Id"), QString::number(row.bill->id)},
                                          {QStringLiteral("Number"), row.bill->number},
                                          {QStringLiteral("DIndex"), row.index}});
            needReturn.append(QJsonObject {{QStringLiteral("FBillNo"), row.bill->number}});
        } else {
            needReturn.append(QJsonObject());
        }
    }
    std::optional<std::pair<QJsonValue, QString>> saved;
    if (!batch) {
        const SavedBill *bill = results.value(0).bill;
        saved = bill ? std::pair(QJsonValue(bill->id), bill->number)
                     : std::pair(QJsonValue(QString()), QString());
    }
    Answer answer =
        statusAnswer(responseStatus(errors, successes, msgCode), false, needReturn, saved);
    answer.committedWrite = anySaved;
    return answer;
}

Answer KingdeeSim::query(const HttpRequest &request)
{
    if (auto refused = admit(request, true))
        return *refused;
    QString ignored;
    const QJsonObject body = parseBody(request.body).toObject();
    // {"data": {...}}, {"parameters": ["<json>"]}, or the parameters object itself.
    QJsonObject parameters = dataOf(body, &ignored, 0);
    if (parameters.isEmpty() && !kingdee::valueOf(body, QLatin1String("FormId")).isUndefined())
        parameters = body;
    std::optional<KingdeeBooks::QueryResult> baseData = BaseData::query(parameters);
    if (baseData && !m_auth.options().baseDataReadable)
        return failure({}, QStringLiteral("您没有该功能的操作权限"), 2, true);
    const KingdeeBooks::QueryResult result =
        baseData ? std::move(*baseData) : m_books.query(parameters);
    if (result.error)
        return failure(result.error->field, result.error->message, result.error->msgCode, true);
    return {HttpResponse::json(QJsonDocument(result.rows).toJson(QJsonDocument::Compact))};
}

Answer KingdeeSim::view(const HttpRequest &request)
{
    if (auto refused = admit(request, false))
        return *refused;
    QString formId;
    const QJsonObject data = dataOf(parseBody(request.body).toObject(), &formId, 1);
    if (!kingdee::isFormId(formId, QLatin1String("AR_OtherRecAble")))
        return failure(QStringLiteral("FormId"), QStringLiteral("业务对象不存在"), 4, false);
    const SavedBill *bill =
        m_books.find(kingdee::textOf(kingdee::valueOf(data, QLatin1String("Id"))).toLongLong(),
                     kingdee::valueOf(data, QLatin1String("Number")).toString());
    if (!bill)
        return failure({}, QStringLiteral("单据不存在或已被删除"), 10, false);
    QJsonObject shown = bill->model;
    shown.insert(QStringLiteral("Id"), bill->id);
    shown.insert(QStringLiteral("BillNo"), bill->number);
    shown.insert(QStringLiteral("DocumentStatus"), bill->documentStatus);
    const QJsonObject result {{QStringLiteral("ResponseStatus"), responseStatus({}, {}, 0)},
                              {QStringLiteral("Result"), shown}};
    return {HttpResponse::json(QJsonDocument(QJsonObject {{QStringLiteral("Result"), result}})
                                   .toJson(QJsonDocument::Compact))};
}

Answer KingdeeSim::operate(KingdeeBooks::Operation operation, const HttpRequest &request)
{
    if (auto refused = admit(request, false))
        return *refused;
    QString formId;
    const QJsonObject data = dataOf(parseBody(request.body).toObject(), &formId, 1);
    if (formId.isEmpty())
        return failure(QStringLiteral("FormId"), QStringLiteral("表单Id不能为空"), 5, false);
    if (!kingdee::isFormId(formId, QLatin1String("AR_OtherRecAble")))
        return failure(QStringLiteral("FormId"), QStringLiteral("业务对象不存在"), 4, false);
    QStringList numbers;
    for (const QJsonValue &n : kingdee::valueOf(data, QLatin1String("Numbers")).toArray())
        numbers.append(kingdee::textOf(n));
    QList<qint64> ids;
    for (const QString &id : kingdee::textOf(kingdee::valueOf(data, QLatin1String("Ids")))
                                 .split(QLatin1Char(','), Qt::SkipEmptyParts))
        ids.append(id.trimmed().toLongLong());
    if (numbers.isEmpty() && ids.isEmpty())
        return failure(QStringLiteral("Numbers"), QStringLiteral("请传入单据编码或内码"), 8, false);
    QJsonArray errors;
    QJsonArray successes;
    int msgCode = 0;
    bool changed = false;
    for (const KingdeeBooks::OperationResult &row : m_books.operate(operation, numbers, ids)) {
        if (row.error) {
            errors.append(error(row.error->field, row.error->message, row.index));
            msgCode = row.error->msgCode;
        } else {
            changed = true;
            successes.append(QJsonObject {{QStringLiteral("Id"), QString::number(row.id)},
                                          {QStringLiteral("Number"), row.number},
                                          {QStringLiteral("DIndex"), row.index}});
        }
    }
    Answer answer = statusAnswer(responseStatus(errors, successes, msgCode), false, {});
    answer.committedWrite = changed;
    return answer;
}

} // namespace rs::sandbox
