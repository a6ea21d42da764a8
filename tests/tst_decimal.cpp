#include "app/mapping/decimal.h"
#include "app/mapping/wideuint.h"

#include <QElapsedTimer>
#include <QFile>
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

// One line of tests/fixtures/decimal-cases.tsv: op, a, b, arg, expected.
struct Case
{
    QByteArray op;
    QString a;
    QString b;
    int arg = 0;
    QString expected;
};

// The table's sections by their title line (`# edge cases`, `# random: …`).
QList<Case> casesIn(const char *section)
{
    QFile file(QStringLiteral(FIXTURES_DIR "/decimal-cases.tsv"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    QList<Case> cases;
    bool inSection = false;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().chopped(1);
        if (line.startsWith("# ")) {
            inSection = line.mid(2).startsWith(section);
            continue;
        }
        const QList<QByteArray> f = line.split('\t');
        if (!inSection || f.size() != 5)
            continue;
        cases.append({f[0], QString::fromLatin1(f[1]), QString::fromLatin1(f[2]), f[3].toInt(),
                      QString::fromLatin1(f[4])});
    }
    return cases;
}

// What rs::Decimal gives for a case, in the table's words.
QString evaluate(const Case &c)
{
    if (c.op == "parse") {
        const std::optional<Decimal> parsed = Decimal::parse(c.a);
        return parsed ? parsed->toString() : QStringLiteral("invalid");
    }
    const Decimal a = *Decimal::parse(c.a);
    const Decimal b = c.b.isEmpty() ? Decimal() : *Decimal::parse(c.b);
    try {
        if (c.op == "add")
            return (a + b).toString();
        if (c.op == "sub")
            return (a - b).toString();
        if (c.op == "mul")
            return (a * b).toString();
        if (c.op == "div") {
            const std::optional<Decimal> quotient = a.dividedBy(b, c.arg);
            return quotient ? quotient->toString() : QStringLiteral("null");
        }
        if (c.op == "round")
            return a.rounded(c.arg).toString();
        if (c.op == "format")
            return a.toString(c.arg);
        if (c.op == "cmp") {
            const auto order = a <=> b;
            return QString::number(order < 0 ? -1 : (order > 0 ? 1 : 0));
        }
    } catch (const DecimalOverflow &) {
        return QStringLiteral("overflow");
    }
    return QStringLiteral("unknown op");
}

detail::WideUInt wide(const QByteArray &hex)
{
    std::array<quint32, detail::WideUInt::Limbs> limbs {};
    const QByteArray digits = hex.rightJustified(8 * detail::WideUInt::Limbs, '0');
    for (int i = 0; i < detail::WideUInt::Limbs; ++i)
        limbs[i] = digits.mid(digits.size() - 8 * (i + 1), 8).toUInt(nullptr, 16);
    return detail::WideUInt::fromLimbs(limbs);
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

    // The table's hand-picked cases (tests/fixtures/decimal-cases.py), one row each: the edges
    // of 128 bits and of MaxScale, where an exact result has room only without its padding.
    void pythonDecimal_edgeCases_data()
    {
        QTest::addColumn<QByteArray>("op");
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<int>("arg");
        QTest::addColumn<QString>("expected");
        const QList<Case> cases = casesIn("edge cases");
        QVERIFY(cases.size() > 50);
        for (const Case &c : cases) {
            QTest::addRow("%s %s %s %d", c.op.constData(), qPrintable(c.a), qPrintable(c.b), c.arg)
                << c.op << c.a << c.b << c.arg << c.expected;
        }
    }
    void pythonDecimal_edgeCases()
    {
        QFETCH(QByteArray, op);
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(int, arg);
        QFETCH(QString, expected);
        QCOMPARE(evaluate({op, a, b, arg, expected}), expected);
    }

    // 20,000 random operations from a fixed seed, each against Python's answer: the same result
    // and the same scale, an overflow only where Python's exact result has no room in 128 bits.
    void pythonDecimal_randomOperationsAgree()
    {
        const QList<Case> cases = casesIn("random");
        QCOMPARE(cases.size(), 20000);
        QElapsedTimer timer;
        timer.start();
        QStringList wrong;
        int overflows = 0;
        for (const Case &c : cases) {
            const QString got = evaluate(c);
            overflows += got == QLatin1String("overflow") ? 1 : 0;
            if (got != c.expected && wrong.size() < 10) {
                wrong.append(QStringLiteral("%1 %2 %3 %4: %5, expected %6")
                                 .arg(QString::fromLatin1(c.op), c.a, c.b)
                                 .arg(c.arg)
                                 .arg(got, c.expected));
            }
        }
        qInfo("%lld operations in %lld ms, %d of them beyond 128 bits as Python says",
              qint64(cases.size()), timer.elapsed(), overflows);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1Char('\n'))));
    }

    void toString_neverThrowsForAValueThatFits()
    {
        QCOMPARE(d("99999999999.99").toString(30),
                 QStringLiteral("99999999999.99") + QString(28, QLatin1Char('0')));
        // The scale shrinks where 128 bits cannot hold the zeros; the value is the same.
        const Decimal widened = d("99999999999.99").rounded(30);
        QCOMPARE(widened.scale(), 27);
        QVERIFY(widened == d("99999999999.99"));
        QCOMPARE(widened.toString(30), d("99999999999.99").toString(30));
        QCOMPARE(*Decimal::parse(widened.toString(30)), widened); // the text reads back
    }

    // Knuth's division corrects a quotient estimate one too large by adding the divisor back; a
    // branch random operands reach about once in 2^31. These are its classic triggers.
    void wideDivision_addBackStep_data()
    {
        QTest::addColumn<QByteArray>("dividend");
        QTest::addColumn<QByteArray>("divisor");
        QTest::addColumn<QByteArray>("quotient");
        QTest::addColumn<QByteArray>("remainder");
        QTest::newRow("three limbs")
            << QByteArray("7fffffff800000000000000000000000")
            << QByteArray("800000000000000000000001") << QByteArray("fffffffe")
            << QByteArray("7fffffffffffffff00000002");
        QTest::newRow("quotient of three limbs")
            << QByteArray("7fffffff800000000000000000000000123456789abcdef0")
            << QByteArray("800000000000000000000001") << QByteArray("fffffffefffffffffffffffe")
            << QByteArray("1123456789abcdef2");
        QTest::newRow("five-limb divisor")
            << QByteArray("7fffffff80000000000000000000000000000000000000000000000000000005")
            << QByteArray("80000000000000000000000100000000ffffffff")
            << QByteArray("fffffffefffffffffffffffe") << QByteArray("2000000010000000200000003");
    }
    void wideDivision_addBackStep()
    {
        QFETCH(QByteArray, dividend);
        QFETCH(QByteArray, divisor);
        QFETCH(QByteArray, quotient);
        QFETCH(QByteArray, remainder);
        detail::WideUInt rest;
        const detail::WideUInt q = wide(dividend).dividedBy(wide(divisor), rest);
        QCOMPARE(q.compare(wide(quotient)), 0);
        QCOMPARE(rest.compare(wide(remainder)), 0);
    }

    void toInt64_givesTheIntegralPart()
    {
        QCOMPARE(d("-12.9").toInt64().value_or(0), qint64(-12));
        QVERIFY(!d("99999999999999999999").toInt64().has_value());
    }
};

QTEST_GUILESS_MAIN(TestDecimal)
#include "tst_decimal.moc"
