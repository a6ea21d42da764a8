#pragma once

#include "app/mapping/decimal.h"
#include "app/mapping/expression.h"
#include "app/mapping/template.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace rs {

// One Kingdee field of the target bill, prepared once per scheme. Its value goes through:
// value → default (when empty) → required → value map → type → parser.
struct FieldSpec
{
    enum class Source { Constant, Template, Expression, Entries };
    enum class Type { Any, String, Decimal, Integer, Date, Boolean };
    enum class Parser { None, ConvertObject, ArrayToString, StringToArray };

    QString name; // Kingdee key, e.g. FNOTAXAMOUNTFOR
    QString path; // for messages: FEntity.FNOTAXAMOUNTFOR
    Source source = Source::Constant;
    QJsonValue constant; // a fixed value, such as {"FNumber":"QTYSD01_SYS"}
    Template valueTemplate;
    std::optional<Expression> expression;
    Type type = Type::Any;
    int scale = 2; // decimal
    QString dateFormat; // date: DATE_FORMAT codes
    std::optional<QString> defaultValue;
    bool required = false;
    QString valueMap;
    Parser parser = Parser::None;
    QString parserParam; // ConvertObjectParser: the key; the others: the separator
    QList<FieldSpec> entryFields; // Source::Entries: one object per row of the bill
    // Header field whose value can differ between the bills of one application (it reads a
    // table column); the others are mapped once per application.
    bool perBill = false;
    // Every entry key with a null value. Each entry starts as a copy: replacing a value is
    // cheaper than inserting a key into a QJsonObject.
    QJsonObject blankEntry;
};

// A rule on a finished bill; a failed one marks the bill as not sendable.
struct CheckSpec
{
    enum class Kind {
        Compare, // every value of `field` compared with `operand`
        SumEquals, // sum of `field` == factor × sum of the rows' `column`
        Required, // every path in `fields` has a value
        HeaderTotal // the application's `header` field == the sum of all its rows' `column`
    };

    Kind kind = Kind::Compare;
    QString name;
    QString message; // the scheme's own text; empty: a standard, translated one
    QString field; // FNOTAXAMOUNTFOR or FEntity.FNOTAXAMOUNTFOR
    QString op; // = <> < <= > >=
    Decimal operand;
    QString column;
    QString header; // HeaderTotal: a header form field of the application, e.g. 返利总额（元）
    Decimal factor = Decimal::fromInt(1);
    QStringList fields;
};

// A loaded and validated scheme (docs/SCHEMES.md). Templates and expressions are parsed once
// here and reused for every application.
struct Scheme
{
    QString name;
    QString title;
    QJsonObject source; // DingTalk side, kept as written (api, id, number, idCheck, beatFlat …)
    QStringList flattenedTables; // beatFlat
    QString formId; // AR_OtherRecAble
    QString operation; // BatchSave
    QJsonObject dataOptions; // other request options, e.g. IsAutoSubmitAndAudit: false
    std::optional<Template> groupBy; // none: one bill per application
    Template idempotencyKey;
    QString idempotencyField = QStringLiteral("FAR_OtherRemarks");
    QString amountField; // path whose values sum to the bill's amount
    QList<FieldSpec> fields;
    QHash<QString, QHash<QString, QString>> valueMaps;
    QList<CheckSpec> checks;
    // Every source name a template, expression or check reads: the only ones mapping converts.
    QSet<QString> sourceNames;
};

} // namespace rs
