#include "inspection.h"

#include "sandbox.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace rs::sandbox {
namespace {

HttpResponse json(const QJsonObject &object)
{
    return HttpResponse::json(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject bills(const Sandbox &sandbox)
{
    QJsonArray list;
    for (const SavedBill &bill : std::as_const(sandbox.kingdee().books().bills())) {
        list.append(QJsonObject {{QStringLiteral("id"), QString::number(bill.id)},
                                 {QStringLiteral("number"), bill.number},
                                 {QStringLiteral("remarks"), bill.remarks()},
                                 {QStringLiteral("status"), bill.documentStatus},
                                 {QStringLiteral("date"), bill.date()},
                                 {QStringLiteral("total"), bill.total()},
                                 {QStringLiteral("model"), bill.model}});
    }
    return {{QStringLiteral("count"), list.size()}, {QStringLiteral("bills"), list}};
}

QJsonObject counters(Sandbox &sandbox)
{
    QJsonObject apis;
    const auto &all = sandbox.counters();
    for (auto it = all.constBegin(); it != all.constEnd(); ++it) {
        apis.insert(it.key(),
                    QJsonObject {{QStringLiteral("calls"), it.value().calls},
                                 {QStringLiteral("errors"), it.value().errors},
                                 {QStringLiteral("throttled"), it.value().throttled}});
    }
    return {{QStringLiteral("apis"), apis},
            {QStringLiteral("dingtalk_quota_used"), sandbox.dingTalk().quotaUsed()}};
}

QJsonObject instances(Sandbox &sandbox)
{
    QJsonArray list;
    for (const SimInstance &i : sandbox.dingTalk().instances()) {
        list.append(QJsonObject {{QStringLiteral("id"), i.id},
                                 {QStringLiteral("business_id"), i.businessId},
                                 {QStringLiteral("status"), i.status},
                                 {QStringLiteral("result"), i.result},
                                 {QStringLiteral("biz_action"), i.bizAction},
                                 {QStringLiteral("create_ms"), i.createMs}});
    }
    return {{QStringLiteral("count"), list.size()}, {QStringLiteral("instances"), list}};
}

// Every comment posted through the API: {"count": n, "comments": {instance id: [{user, text}]}}.
QJsonObject comments(Sandbox &sandbox)
{
    QJsonObject byInstance;
    int count = 0;
    const auto &all = sandbox.dingTalk().allComments();
    for (auto it = all.constBegin(); it != all.constEnd(); ++it) {
        QJsonArray list;
        for (const DingTalkSim::Comment &c : it.value())
            list.append(
                QJsonObject {{QStringLiteral("user"), c.userId}, {QStringLiteral("text"), c.text}});
        count += int(list.size());
        byInstance.insert(it.key(), list);
    }
    return {{QStringLiteral("count"), count}, {QStringLiteral("comments"), byInstance}};
}

void applyFaults(FaultPlan &plan, const QJsonObject &changes)
{
    FaultOptions o = plan.options();
    o.latencyMs = changes.value(QLatin1String("latencyMs")).toInt(o.latencyMs);
    o.jitterMs = changes.value(QLatin1String("jitterMs")).toInt(o.jitterMs);
    o.http500Rate = changes.value(QLatin1String("http500Rate")).toDouble(o.http500Rate);
    o.dropAfterCommitRate =
        changes.value(QLatin1String("dropAfterCommitRate")).toDouble(o.dropAfterCommitRate);
    o.stallRate = changes.value(QLatin1String("stallRate")).toDouble(o.stallRate);
    o.malformedRate = changes.value(QLatin1String("malformedRate")).toDouble(o.malformedRate);
    plan.setOptions(o);
}

// POST /sandbox/stream/ACTION: steer the Stream gateway.
HttpResponse streamAction(StreamGateway &stream, const QString &action, const HttpRequest &request)
{
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    if (action == QLatin1String("ping")) {
        stream.pingAll();
    } else if (action == QLatin1String("disconnect")) {
        bool ok = false;
        const int grace = request.query.queryItemValue(QStringLiteral("grace_ms")).toInt(&ok);
        stream.disconnectAll(ok ? grace : stream.options().disconnectGraceMs);
    } else if (action == QLatin1String("drop")) {
        stream.dropAll();
    } else if (action == QLatin1String("expire-tickets")) {
        stream.expireTickets();
    } else if (action == QLatin1String("emit")) {
        // {"eventType": "...", "data": {...}}: any event, e.g. another process's or a task's.
        stream.publishRaw(body.value(QLatin1String("eventType")).toString(),
                          body.value(QLatin1String("data")).toObject());
    } else if (action == QLatin1String("faults")) {
        StreamOptions &o = stream.options();
        o.duplicateRate = body.value(QLatin1String("duplicateRate")).toDouble(o.duplicateRate);
        o.lostAckRate = body.value(QLatin1String("lostAckRate")).toDouble(o.lostAckRate);
        o.redeliverMs = body.value(QLatin1String("redeliverMs")).toInt(o.redeliverMs);
        o.monthlyPushes = body.value(QLatin1String("monthlyPushes")).toInt(o.monthlyPushes);
        o.ticketLifetimeS = body.value(QLatin1String("ticketLifetimeS")).toInt(o.ticketLifetimeS);
    } else {
        return HttpResponse::text("not found", 404);
    }
    return json({{QStringLiteral("ok"), true}});
}

} // namespace

HttpResponse Inspection::answer(Sandbox &sandbox, const HttpRequest &request)
{
    const QString what = request.path.mid(int(qstrlen("/sandbox/")));
    if (what == QLatin1String("bills"))
        return json(bills(sandbox));
    if (what == QLatin1String("counters"))
        return json(counters(sandbox));
    if (what == QLatin1String("instances"))
        return json(instances(sandbox));
    if (what == QLatin1String("stream"))
        return json(sandbox.stream().stats());
    if (what == QLatin1String("comments"))
        return json(comments(sandbox));
    if (what == QLatin1String("robot"))
        return json({{QStringLiteral("messages"), sandbox.robot().messages()}});
    if (request.method != "POST")
        return HttpResponse::text("not found", 404);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (what == QLatin1String("complete")) {
        const QString id = request.query.queryItemValue(QStringLiteral("id"));
        QString result = request.query.queryItemValue(QStringLiteral("result"));
        if (result.isEmpty())
            result = QStringLiteral("agree");
        const bool done = id.isEmpty() ? sandbox.dingTalk().completeOldestRunning(now)
                                       : sandbox.dingTalk().complete(id, result, now);
        return json({{QStringLiteral("completed"), done}});
    }
    if (what == QLatin1String("terminate")) {
        const bool done =
            sandbox.dingTalk().terminate(request.query.queryItemValue(QStringLiteral("id")), now);
        return json({{QStringLiteral("terminated"), done}});
    }
    if (what.startsWith(QLatin1String("stream/")))
        return streamAction(sandbox.stream(), what.mid(7), request);
    if (what == QLatin1String("faults")) {
        applyFaults(sandbox.faults(), QJsonDocument::fromJson(request.body).object());
        return json({{QStringLiteral("ok"), true}});
    }
    if (what == QLatin1String("revoke")) {
        const QString revokeId = sandbox.dingTalk().revokeByRequest(
            request.query.queryItemValue(QStringLiteral("id")), now);
        return json({{QStringLiteral("revoke_request"), revokeId}});
    }
    if (what == QLatin1String("corrupt")) {
        const bool done =
            sandbox.dingTalk().corruptTable(request.query.queryItemValue(QStringLiteral("id")));
        return json({{QStringLiteral("corrupted"), done}});
    }
    // "Someone else" in Kingdee: /sandbox/kingdee/delete|amend|duplicate?number=…[&total=…],
    // and /sandbox/kingdee/refuse-audit?key=…[&message=…].
    if (what.startsWith(QLatin1String("kingdee/"))) {
        KingdeeBooks &books = sandbox.kingdee().books();
        const QString number = request.query.queryItemValue(QStringLiteral("number"));
        const QString action = what.mid(int(qstrlen("kingdee/")));
        if (action == QLatin1String("delete"))
            return json({{QStringLiteral("deleted"), books.removeByOther(number)}});
        if (action == QLatin1String("amend")) {
            const QString total = request.query.queryItemValue(QStringLiteral("total"));
            return json({{QStringLiteral("amended"), books.amendByOther(number, total)}});
        }
        if (action == QLatin1String("duplicate")) {
            const SavedBill *copy = books.duplicateByOther(number);
            return json({{QStringLiteral("number"), copy ? copy->number : QString()}});
        }
        if (action == QLatin1String("close")) {
            books.setClosedBefore(QDate::fromString(
                request.query.queryItemValue(QStringLiteral("before")), Qt::ISODate));
            return json(
                {{QStringLiteral("closed_before"), books.closedBefore().toString(Qt::ISODate)}});
        }
        if (action == QLatin1String("refuse-audit")) {
            QString message =
                request.query.queryItemValue(QStringLiteral("message"), QUrl::FullyDecoded);
            if (message.isEmpty())
                message = QStringLiteral("审核失败：信用额度检查未通过");
            books.refuseAudit(
                request.query.queryItemValue(QStringLiteral("key"), QUrl::FullyDecoded), message);
            return json({{QStringLiteral("ok"), true}});
        }
    }
    if (what == QLatin1String("refuse-comments")) {
        const bool refuse =
            request.query.queryItemValue(QStringLiteral("on")) != QLatin1String("0");
        sandbox.dingTalk().setRefuseComments(refuse);
        return json({{QStringLiteral("refusing"), refuse}});
    }
    if (what == QLatin1String("expire-tokens")) {
        sandbox.dingTalk().expireAllTokens();
        return json({{QStringLiteral("ok"), true}});
    }
    return HttpResponse::text("not found", 404);
}

} // namespace rs::sandbox
