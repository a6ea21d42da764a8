#include "app/mapping/expression.h"
#include "app/mapping/flatrecord.h"
#include "app/mapping/value.h"

#include <QJsonArray>
#include <QTest>

using namespace rs;

namespace {

struct Outcome
{
    bool ok = false;
    bool isNull = false;
    QString text; // the value as MySQL would print it, or the error
};

const QDateTime kNow(QDate(2025, 3, 4), QTime(9, 30, 2));

QDateTime fixedNow()
{
    return kNow;
}

// Evaluates `expression` over a flat record whose row is `row` (so {{x}} and {{list.x}} both
// read it) and whose header holds 组织 = 100.
Outcome evaluate(const QString &expression, const QJsonObject &row = {})
{
    QString error;
    const std::optional<Expression> parsed = Expression::parse(expression, &error);
    if (!parsed)
        return {false, false, QStringLiteral("parse: ") + error};
    const SourceFields header(QJsonObject {{QStringLiteral("组织"), QStringLiteral("100")}});
    const SourceFields fields(row);
    const FlatRecord record(header, &fields, &fields);
    const std::optional<Value> value = parsed->evaluate(record, fixedNow, &error);
    if (!value)
        return {false, false, error};
    return {true, value->isNull(), value->toText()};
}

QJsonObject withX(const QString &x)
{
    return {{QStringLiteral("x"), x}};
}

} // namespace

// The `_function` language: MySQL's meaning on exact decimals, errors where money is at stake.
class TestExpression final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void values_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("expected");
        // The seed's own expression and arithmetic.
        QTest::newRow("seed negation") << "-1*'600'"
                                       << "-600";
        QTest::newRow("exact sum") << "0.10 + 0.20"
                                   << "0.30";
        QTest::newRow("precedence") << "1 + 2 * 3 - 4 / 2"
                                    << "5.0000";
        QTest::newRow("parentheses") << "(1 + 2) * 3"
                                     << "9";
        QTest::newRow("unary minus twice") << "--5"
                                           << "5";
        QTest::newRow("text thousands") << "'1,234.50' * 1"
                                        << "1234.50";
        QTest::newRow("division scale like MySQL") << "1 / 3"
                                                   << "0.3333";
        QTest::newRow("division keeps dividend scale") << "1.00 / 3"
                                                       << "0.333333";
        // Comparisons and logic.
        QTest::newRow("text vs number") << "'600' = 600.00"
                                        << "1";
        QTest::newRow("not equal") << "1 <> 2"
                                   << "1";
        QTest::newRow("bang equal") << "1 != 1"
                                    << "0";
        QTest::newRow("less or equal") << "-600 <= 0"
                                       << "1";
        QTest::newRow("text order") << "'b' > 'a'"
                                    << "1";
        QTest::newRow("dates") << "'2025-03-03' < '2025-03-04'"
                               << "1";
        QTest::newRow("date vs now") << "CURDATE() > '2025-03-03'"
                                     << "1";
        QTest::newRow("and") << "1 = 1 AND 2 = 2"
                             << "1";
        QTest::newRow("or") << "1 = 2 OR 2 = 2"
                            << "1";
        QTest::newRow("not") << "NOT 1 = 2"
                             << "1";
        QTest::newRow("null and false") << "NULL AND FALSE"
                                        << "0";
        QTest::newRow("null or true") << "NULL OR TRUE"
                                      << "1";
        QTest::newRow("is null") << "NULL IS NULL"
                                 << "1";
        QTest::newRow("is not null") << "'' IS NOT NULL"
                                     << "1";
        // CASE, both forms.
        QTest::newRow("case searched")
            << "CASE WHEN 1 > 2 THEN 'a' WHEN 2 > 1 THEN 'b' ELSE 'c' END"
            << "b";
        QTest::newRow("case simple") << "CASE '100' WHEN '200' THEN 'x' WHEN '100' THEN 'y' END"
                                     << "y";
        QTest::newRow("case else") << "case 1 when 2 then 'x' else 'z' end"
                                   << "z";
        // Functions.
        QTest::newRow("if true") << "IF(1 < 2, 'yes', 'no')"
                                 << "yes";
        QTest::newRow("if null condition") << "IF(NULL, 'yes', 'no')"
                                           << "no";
        QTest::newRow("if skips the error branch") << "IF(1 = 1, 5, 1/0)"
                                                   << "5";
        QTest::newRow("ifnull") << "IFNULL(NULL, 'fallback')"
                                << "fallback";
        QTest::newRow("ifnull keeps empty text") << "IFNULL('', 'fallback')"
                                                 << "";
        QTest::newRow("coalesce") << "COALESCE(NULL, NULL, 3, 4)"
                                  << "3";
        QTest::newRow("concat") << "CONCAT('钉钉', '-', 42, '-', 1.50)"
                                << "钉钉-42-1.50";
        QTest::newRow("concat empty") << "CONCAT('', '')"
                                      << "";
        QTest::newRow("replace") << "REPLACE('2025-03-03', '-', '/')"
                                 << "2025/03/03";
        QTest::newRow("replace empty from") << "REPLACE('abc', '', 'x')"
                                            << "abc";
        QTest::newRow("substring") << "SUBSTRING('Quadratically', 5)"
                                   << "ratically";
        QTest::newRow("substring length") << "SUBSTRING('Quadratically', 5, 6)"
                                          << "ratica";
        QTest::newRow("substring negative") << "SUBSTRING('Sakila', -3)"
                                            << "ila";
        QTest::newRow("substring negative length") << "SUBSTRING('Sakila', -5, 3)"
                                                   << "aki";
        QTest::newRow("substring zero") << "SUBSTRING('Sakila', 0)"
                                        << "";
        QTest::newRow("substring beyond") << "SUBSTRING('Sakila', 7)"
                                          << "";
        QTest::newRow("substring too negative") << "SUBSTRING('Sakila', -7)"
                                                << "";
        QTest::newRow("substring zero length") << "SUBSTRING('Sakila', 2, 0)"
                                               << "";
        QTest::newRow("substr chinese") << "SUBSTR('返利发放申请', 3, 2)"
                                        << "发放";
        QTest::newRow("trim") << "TRIM('  C0001  ')"
                              << "C0001";
        QTest::newRow("trim empty") << "TRIM('')"
                                    << "";
        QTest::newRow("upper") << "UPPER('c0001')"
                               << "C0001";
        QTest::newRow("lower") << "lower('ABC')"
                               << "abc";
        QTest::newRow("round half up") << "ROUND(2.5)"
                                       << "3";
        QTest::newRow("round negative half") << "ROUND(-2.5)"
                                             << "-3";
        QTest::newRow("round cents") << "ROUND(1.005, 2)"
                                     << "1.01";
        QTest::newRow("round negative cents") << "ROUND(-1.005, 2)"
                                              << "-1.01";
        QTest::newRow("round below half") << "ROUND(1.0049, 2)"
                                          << "1.00";
        QTest::newRow("round tens") << "ROUND(125, -1)"
                                    << "130";
        QTest::newRow("round text") << "ROUND('1,234.565', 2)"
                                    << "1234.57";
        QTest::newRow("abs") << "ABS(-600.10)"
                             << "600.10";
        QTest::newRow("date format") << "DATE_FORMAT('2025-03-03', '%Y/%m/%d')"
                                     << "2025/03/03";
        QTest::newRow("date format hours") << "DATE_FORMAT('2025-03-03 14:05', '%Y/%m/%d %H:%i:%s')"
                                           << "2025/03/03 14:05:00";
        QTest::newRow("date format 12h") << "DATE_FORMAT('2025-03-03 14:05:09', '%h:%i %p, %T')"
                                         << "02:05 PM, 14:05:09";
        QTest::newRow("date format names") << "DATE_FORMAT('2025-03-03', '%W %M %e %b %a %j %y %c')"
                                           << "Monday March 3 Mar Mon 062 25 3";
        QTest::newRow("date format percent") << "DATE_FORMAT('2025-03-03', '100%% %Q')"
                                             << "100% Q";
        QTest::newRow("now") << "NOW()"
                             << "2025-03-04 09:30:02";
        QTest::newRow("curdate") << "CURDATE()"
                                 << "2025-03-04";
        QTest::newRow("format curdate") << "DATE_FORMAT(CURDATE(), '%Y%m%d')"
                                        << "20250304";
        QTest::newRow("quoted quote") << "CONCAT('it''s', \"-\\\"q\\\"\")"
                                      << "it's-\"q\"";
    }
    void values()
    {
        QFETCH(QString, expression);
        QFETCH(QString, expected);
        const Outcome outcome = evaluate(expression);
        QVERIFY2(outcome.ok, qPrintable(outcome.text));
        QVERIFY(!outcome.isNull);
        QCOMPARE(outcome.text, expected);
    }

    void nulls_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::newRow("arithmetic") << "1 + NULL";
        QTest::newRow("negate") << "-NULL";
        QTest::newRow("comparison") << "NULL = NULL";
        QTest::newRow("case without else") << "CASE WHEN 1 = 2 THEN 'x' END";
        QTest::newRow("simple case null operand") << "CASE NULL WHEN NULL THEN 'x' END";
        QTest::newRow("concat") << "CONCAT('a', NULL)";
        QTest::newRow("replace") << "REPLACE(NULL, 'a', 'b')";
        QTest::newRow("substring") << "SUBSTRING(NULL, 1)";
        QTest::newRow("trim") << "TRIM(NULL)";
        QTest::newRow("upper") << "UPPER(NULL)";
        QTest::newRow("round") << "ROUND(NULL, 2)";
        QTest::newRow("abs") << "ABS(NULL)";
        QTest::newRow("date format") << "DATE_FORMAT(NULL, '%Y')";
        QTest::newRow("coalesce all null") << "COALESCE(NULL, NULL)";
        QTest::newRow("null and true") << "NULL AND TRUE";
        QTest::newRow("absent placeholder") << "-1*'{{missing}}'";
        QTest::newRow("absent bare placeholder") << "{{list.missing}} * 2";
    }
    void nulls()
    {
        QFETCH(QString, expression);
        const Outcome outcome = evaluate(expression);
        QVERIFY2(outcome.ok, qPrintable(outcome.text));
        QVERIFY2(outcome.isNull, qPrintable(outcome.text));
    }

    void errors_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("text in arithmetic") << "-1*'abc'"
                                            << "\"abc\" is not a number";
        QTest::newRow("empty in arithmetic") << "-1*''"
                                             << "empty value";
        QTest::newRow("division by zero") << "10 / 0"
                                          << "division by zero";
        QTest::newRow("division by zero decimal") << "1 / 0.00"
                                                  << "division by zero";
        QTest::newRow("not a date") << "DATE_FORMAT('2025-02-30', '%Y')"
                                    << "not a date";
        QTest::newRow("text compared to number") << "'abc' < 1"
                                                 << "\"abc\" is not a number";
        QTest::newRow("text as condition") << "IF('yes', 1, 2)"
                                           << "\"yes\" is not a number";
        QTest::newRow("bad round digits") << "ROUND(1.5, 'x')"
                                          << "\"x\" is not a number";
    }
    void errors()
    {
        QFETCH(QString, expression);
        QFETCH(QString, mentions);
        const Outcome outcome = evaluate(expression);
        QVERIFY2(!outcome.ok, qPrintable(outcome.text));
        QVERIFY2(outcome.text.contains(mentions), qPrintable(outcome.text));
    }

    void syntaxErrors_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unknown function") << "SLEEP(5)"
                                          << "unknown name \"SLEEP\" at position 1";
        QTest::newRow("unclosed paren") << "(1 + 2"
                                        << "expected \")\" at position 7";
        QTest::newRow("unclosed string") << "'abc"
                                         << "not closed";
        QTest::newRow("trailing") << "1 2"
                                  << "unexpected \"2\" at position 3";
        QTest::newRow("arity") << "IF(1, 2)"
                               << "takes 3 arguments, not 2";
        QTest::newRow("case without end") << "CASE WHEN 1 THEN 2"
                                          << "expected END";
        QTest::newRow("empty") << ""
                               << "expected a value";
        QTest::newRow("semicolon") << "1; DROP TABLE x"
                                   << "unexpected character \";\"";
        QTest::newRow("unclosed placeholder") << "-1*{{x"
                                              << "not closed";
        QTest::newRow("bad number") << "1.2.3 + 1"
                                    << "is not a number";
    }
    void syntaxErrors()
    {
        QFETCH(QString, expression);
        QFETCH(QString, mentions);
        QString error;
        QVERIFY(!Expression::parse(expression, &error).has_value());
        QVERIFY2(error.contains(mentions), qPrintable(error));
    }

    // The scheme editor underlines what is wrong: the position and length point at it.
    void syntaxErrors_sayWhereTheyAre_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<int>("position");
        QTest::addColumn<int>("length");
        QTest::addColumn<QString>("underlined");
        QTest::newRow("unknown function") << "-1*SLEEP(5)" << 3 << 5 << "SLEEP";
        QTest::newRow("trailing") << "-1*'{{list.x}}' 2" << 16 << 1 << "2";
        QTest::newRow("unclosed paren at the end") << "(1 + 2" << 6 << 0 << "";
        QTest::newRow("unclosed string") << "CONCAT('abc" << 7 << 4 << "'abc";
        QTest::newRow("semicolon") << "1; DROP TABLE x" << 1 << 1 << ";";
        QTest::newRow("arity") << "1 + IF(1, 2)" << 4 << 2 << "IF";
        QTest::newRow("quoted text after a value") << "1 'a'" << 2 << 3 << "'a'";
    }
    void syntaxErrors_sayWhereTheyAre()
    {
        QFETCH(QString, expression);
        QFETCH(int, position);
        QFETCH(int, length);
        QFETCH(QString, underlined);
        ExpressionSyntaxError error;
        QVERIFY(!Expression::parse(expression, &error).has_value());
        QVERIFY(!error.message.isEmpty());
        QCOMPARE(error.position, position);
        QCOMPARE(error.length, length);
        QCOMPARE(expression.mid(error.position, error.length), underlined);
        // The message names the same place, 1-based, as it always did.
        QVERIFY2(error.message.contains(QString::number(position + 1)), qPrintable(error.message));
    }

    // A source value is only ever a value: quotes, parentheses, comments or SQL inside it cannot
    // change the expression. Either it is a number, or the result is an error naming it.
    void placeholders_areValuesNeverSplicedText_data()
    {
        QTest::addColumn<QString>("x");
        QTest::addColumn<bool>("isNumber");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << "600" << true << "-600";
        QTest::newRow("thousands") << "1,234.50" << true << "-1234.50";
        QTest::newRow("largest") << "99999999999.99" << true << "-99999999999.99";
        QTest::newRow("quote or") << "1' OR '1'='1" << false << "";
        QTest::newRow("paren comment") << "600) --" << false << "";
        QTest::newRow("drop table") << "'); DROP TABLE x; --" << false << "";
        QTest::newRow("expression text") << "1+1" << false << "";
        QTest::newRow("nested placeholder") << "{{组织}}" << false << "";
        QTest::newRow("abc") << "abc" << false << "";
        QTest::newRow("empty") << "" << false << "";
    }
    void placeholders_areValuesNeverSplicedText()
    {
        QFETCH(QString, x);
        QFETCH(bool, isNumber);
        QFETCH(QString, expected);
        for (const QString &expression :
             {QStringLiteral("-1*'{{list.x}}'"), QStringLiteral("-1*{{x}}"),
              QStringLiteral("-1*\"{{x}}\"")}) {
            const Outcome outcome = evaluate(expression, withX(x));
            QCOMPARE(outcome.ok, isNumber);
            if (isNumber) {
                QCOMPARE(outcome.text, expected);
            } else {
                QVERIFY2(outcome.text.contains(QLatin1Char('"') + x + QLatin1Char('"'))
                             || outcome.text.contains(QLatin1String("empty value")),
                         qPrintable(outcome.text));
            }
        }
        // As text, the value comes back exactly as it was given.
        QCOMPARE(evaluate(QStringLiteral("CONCAT('[', '{{x}}', ']')"), withX(x)).text,
                 QLatin1Char('[') + x + QLatin1Char(']'));
        QCOMPARE(evaluate(QStringLiteral("'id-{{x}}-{{组织}}'"), withX(x)).text,
                 QStringLiteral("id-") + x + QStringLiteral("-100"));
    }

    void multiSelect_isItsItemsJoinedWithCommas()
    {
        const QJsonObject row {
            {QStringLiteral("x"), QJsonArray {QStringLiteral("季度"), QStringLiteral("年度")}}};
        QCOMPARE(evaluate(QStringLiteral("CONCAT({{x}}, '!')"), row).text,
                 QStringLiteral("季度,年度!"));
    }

    void usesRows_tellsWhetherAnEntryRowIsRead()
    {
        QString error;
        QVERIFY(Expression::parse(QStringLiteral("-1*'{{list.a}}'"), &error)->usesRows());
        QVERIFY(Expression::parse(QStringLiteral("CONCAT('{{list.a}}-x')"), &error)->usesRows());
        QVERIFY(!Expression::parse(QStringLiteral("-1*'{{a}}'"), &error)->usesRows());
    }
};

QTEST_GUILESS_MAIN(TestExpression)
#include "tst_expression.moc"
