#include "app/mapping/decimal.h"

#include <QTest>

using namespace rs;

namespace {

Decimal d(const char *text)
{
    const std::optional<Decimal> parsed = Decimal::parse(QString::fromLatin1(text));
    if (!parsed)
        qFatal("test value %s does not parse", text);
    return *parsed;
}

} // namespace

// Money arithmetic a clerk would check by hand: exact, never binary floating point.
class TestDecimal final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_acceptsMoneyAsDingTalkSendsIt_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("integer") << "600"
                                 << "600";
        QTest::newRow("cents") << "1234.50"
                               << "1234.50";
        QTest::newRow("thousands") << "1,234.50"
                                   << "1234.50";
        QTest::newRow("millions") << "12,345,678.9"
                                  << "12345678.9";
        QTest::newRow("largest money") << "99999999999.99"
                                       << "99999999999.99";
        QTest::newRow("negative") << "-0.10"
                                  << "-0.10";
        QTest::newRow("plus sign") << "+5"
                                   << "5";
        QTest::newRow("spaces around") << " 42 "
                                       << "42";
        QTest::newRow("negative zero") << "-0.00"
                                       << "0.00";
        QTest::newRow("38 digits") << "12345678901234567890123456789012345678"
                                   << "12345678901234567890123456789012345678";
    }
    void parse_acceptsMoneyAsDingTalkSendsIt()
    {
        QFETCH(QString, text);
        QFETCH(QString, canonical);
        const std::optional<Decimal> parsed = Decimal::parse(text);
        QVERIFY2(parsed.has_value(), qPrintable(text));
        QCOMPARE(parsed->toString(), canonical);
    }

    void parse_rejectsWhatIsNotANumber_data()
    {
        QTest::addColumn<QString>("text");
        for (const char *bad :
             {"abc", "", " ", "1.2.3", "1,23", "1,2345", "12345,678", ",123", "1,,234", "1.", ".5",
              "-", "1e5", "0x10", "1 000", "600元", "1,234.5,6", "--1", "NaN"}) {
            QTest::newRow(bad) << QString::fromUtf8(bad);
        }
        QTest::newRow("31 fraction digits") << QStringLiteral("0.") + QString(31, QLatin1Char('1'));
        QTest::newRow("beyond 128 bits") << QString(40, QLatin1Char('9'));
    }
    void parse_rejectsWhatIsNotANumber()
    {
        QFETCH(QString, text);
        QVERIFY2(!Decimal::parse(text).has_value(), qPrintable(text));
    }

    void addition_isExact()
    {
        QCOMPARE((d("0.10") + d("0.20")).toString(), QStringLiteral("0.30"));
        QVERIFY(d("0.1") + d("0.2") == d("0.3"));
        QCOMPARE((d("1834.60") - d("1834.6")).toString(), QStringLiteral("0.00"));
        QCOMPARE((d("-600") + d("0.10")).toString(2), QStringLiteral("-599.90"));
    }

    void sumOfManyLargestAmounts_isExact()
    {
        Decimal total;
        for (int i = 0; i < 100000; ++i)
            total += d("99999999999.99");
        QCOMPARE(total.toString(), QStringLiteral("9999999999999000.00"));
        QCOMPARE(total.toString(2), QStringLiteral("9999999999999000.00"));
    }

    void multiplication_keepsEveryDigit()
    {
        QCOMPARE((Decimal::fromInt(-1) * d("600")).toString(2), QStringLiteral("-600.00"));
        QCOMPARE((d("99999999999.99") * d("99999999999.99")).toString(),
                 QStringLiteral("9999999999998000000000.0001"));
        QCOMPARE((d("1.5") * d("0.5")).toString(), QStringLiteral("0.75"));
    }

    void division_roundsHalfUpToTheStatedScale()
    {
        QCOMPARE(d("1").dividedBy(d("3"), 4)->toString(), QStringLiteral("0.3333"));
        QCOMPARE(d("2").dividedBy(d("3"), 4)->toString(), QStringLiteral("0.6667"));
        QCOMPARE(d("-2").dividedBy(d("3"), 2)->toString(), QStringLiteral("-0.67"));
        QCOMPARE(d("100").dividedBy(d("8"), 2)->toString(), QStringLiteral("12.50"));
        QCOMPARE(d("0.05").dividedBy(d("0.1"), 1)->toString(), QStringLiteral("0.5"));
        QCOMPARE(d("99999999999.99").dividedBy(d("0.01"), 0)->toString(),
                 QStringLiteral("9999999999999"));
        QVERIFY(!d("1").dividedBy(d("0.00"), 2).has_value());
    }

    void rounding_isHalfUpAwayFromZero_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("digits");
        QTest::addColumn<QString>("expected");
        QTest::newRow("2.5") << "2.5" << 0 << "3";
        QTest::newRow("-2.5") << "-2.5" << 0 << "-3";
        QTest::newRow("2.4") << "2.4" << 0 << "2";
        QTest::newRow("1.005") << "1.005" << 2 << "1.01";
        QTest::newRow("-1.005") << "-1.005" << 2 << "-1.01";
        QTest::newRow("1.0049") << "1.0049" << 2 << "1.00";
        QTest::newRow("0.125") << "0.125" << 2 << "0.13";
        QTest::newRow("widen") << "7" << 2 << "7.00";
        QTest::newRow("tens") << "125" << -1 << "130";
        QTest::newRow("hundreds") << "-150" << -2 << "-200";
        QTest::newRow("all digits dropped") << "4" << -1 << "0";
        QTest::newRow("9.995") << "9.995" << 2 << "10.00";
    }
    void rounding_isHalfUpAwayFromZero()
    {
        QFETCH(QString, value);
        QFETCH(int, digits);
        QFETCH(QString, expected);
        QCOMPARE(Decimal::parse(value)->rounded(digits).toString(), expected);
    }

    void comparison_isNumeric()
    {
        QVERIFY(d("1.5") == d("1.50"));
        QVERIFY(d("-600.10") < d("-600.01"));
        QVERIFY(d("0.30") > d("0.2999999999"));
        QVERIFY(d("-0") == d("0.00"));
        QVERIFY(d("12345678901234567890123456789012345678") > d("1.5"));
        QVERIFY(d("0.000000000000000000000000000001") > Decimal());
    }

    void overflow_throwsInsteadOfWrapping()
    {
        const Decimal huge = d("300000000000000000000000000000000000000");
        QVERIFY_THROWS_EXCEPTION(DecimalOverflow, huge + huge);
        QVERIFY_THROWS_EXCEPTION(DecimalOverflow, huge * d("2"));
    }

    void toInt64_givesTheIntegralPart()
    {
        QCOMPARE(d("-12.9").toInt64().value_or(0), qint64(-12));
        QVERIFY(!d("99999999999999999999").toInt64().has_value());
    }
};

QTEST_GUILESS_MAIN(TestDecimal)
#include "tst_decimal.moc"
