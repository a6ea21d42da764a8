#include "app/store/eventtext.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace rs::eventtext {
namespace {

// Never the start of a text a person wrote: what tells an encoded event from an old plain one.
const QString kMarker = QStringLiteral("rs-text:");

QString stored(const QJsonObject &object)
{
    return kMarker + QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// %1…%9 replaced in one pass, so an argument that itself contains "%1" is left alone.
QString fill(const QString &text, const QStringList &arguments)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('%') && i + 1 < text.size() && text.at(i + 1).isDigit()) {
            const int index = text.at(i + 1).digitValue() - 1;
            if (index >= 0 && index < arguments.size()) {
                out += arguments.at(index);
                ++i;
                continue;
            }
        }
        out += c;
    }
    return out;
}

QString renderObject(const QJsonObject &object)
{
    if (object.contains(QLatin1String("join"))) {
        QString out;
        for (const QJsonValue &part : object.value(QLatin1String("join")).toArray())
            out += render(part.toString());
        return out;
    }
    if (object.contains(QLatin1String("state"))) {
        const auto state = billStateFromWireName(object.value(QLatin1String("state")).toString());
        return state ? displayName(*state) : object.value(QLatin1String("state")).toString();
    }
    const QByteArray context = object.value(QLatin1String("c")).toString().toUtf8();
    const QByteArray source = object.value(QLatin1String("s")).toString().toUtf8();
    const int n = object.value(QLatin1String("n")).toInt(-1);
    QStringList arguments;
    for (const QJsonValue &argument : object.value(QLatin1String("a")).toArray())
        arguments.append(render(argument.toString()));
    return fill(QCoreApplication::translate(context.constData(), source.constData(), nullptr, n),
                arguments);
}

} // namespace

QString encode(const char *context, const char *source, const QStringList &arguments, int n)
{
    QJsonObject object {{QStringLiteral("c"), QString::fromUtf8(context)},
                        {QStringLiteral("s"), QString::fromUtf8(source)}};
    if (!arguments.isEmpty())
        object.insert(QStringLiteral("a"), QJsonArray::fromStringList(arguments));
    if (n >= 0)
        object.insert(QStringLiteral("n"), n);
    return stored(object);
}

QString state(BillState state)
{
    return stored({{QStringLiteral("state"), toWireName(state)}});
}

QString join(const QStringList &parts)
{
    return stored({{QStringLiteral("join"), QJsonArray::fromStringList(parts)}});
}

QString render(const QString &text)
{
    if (!text.startsWith(kMarker))
        return text; // plain: an argument, or an event an earlier version wrote
    const QJsonDocument document =
        QJsonDocument::fromJson(QStringView(text).mid(kMarker.size()).toUtf8());
    return document.isObject() ? renderObject(document.object()) : text;
}

} // namespace rs::eventtext
