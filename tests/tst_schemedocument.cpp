#include "app/mapping/mapper.h"
#include "app/mapping/previewjson.h"
#include "app/mapping/scheme.h"
#include "app/mapping/schemeresolver.h"
#include "app/mapping/schemetrial.h"
#include "app/store/applicationrepository.h"
#include "app/store/billrepository.h"
#include "app/store/database.h"
#include "models/schemechangerun.h"
#include "models/schemechangesummary.h"
#include "models/schemeeditsession.h"
#include "models/schemefieldsmodel.h"
#include "models/valuemapcsv.h"
#include "schemeeditortesting.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace rs;
using namespace rs::testdata;

namespace {

QJsonObject firstModel(const SchemeTrial &trial)
{
    return QJsonDocument::fromJson(trial.json)
        .object()
        .value(QLatin1String("data"))
        .toObject()
        .value(QLatin1String("Model"))
        .toArray()
        .at(0)
        .toObject();
}

QString firstEntryAmount(const SchemeTrial &trial)
{
    return firstModel(trial)
        .value(QLatin1String("FEntity"))
        .toArray()
        .at(0)
        .toObject()
        .value(QLatin1String("FNOTAXAMOUNTFOR"))
        .toString();
}

ApplicationRecord oneCustomer(const QString &amount)
{
    return rebateApplication({rebateRow(QStringLiteral("C1"), amount)});
}

} // namespace

class TestSchemeDocument final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // What the editor writes back is a scheme the loader reads to the same bills, byte for byte.
    void builtin_roundTripsToTheSameBills()
    {
        const SchemeDocument document = builtinDocument();
        const ApplicationRecord application = oneCustomer(QStringLiteral("600"));
        const auto original = resolveScheme(kBuiltin, QString()).scheme;
        const MappingResult expected = mapApplication(application, *original);
        const SchemeTrial trial = trySchemeOn(document, &application);
        QVERIFY2(trial.loaded, qPrintable(trial.schemeError));
        QCOMPARE(trial.json, previewJsonText(expected, *original));
        QCOMPARE(firstEntryAmount(trial), QStringLiteral("-600.00"));
        // And again from its own bytes: nothing drifts on a second save.
        QString error;
        const auto reread =
            SchemeDocument::fromJson(document.toJson(), QStringLiteral("x"), &error);
        QVERIFY2(reread, qPrintable(error));
        QVERIFY(*reread == document);
    }

    void fromJson_refusesWhatTheLoaderRefuses()
    {
        QByteArray json = builtinDocument().toJson();
        json.replace("\"required\": true", "\"requried\": true");
        QString error;
        QVERIFY(!SchemeDocument::fromJson(json, QStringLiteral("ours.json"), &error));
        QVERIFY2(error.startsWith(QStringLiteral("ours.json: target.fields[")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("requried: unknown key")), qPrintable(error));
    }

    void editingTheAmountExpression_changesTheBill()
    {
        SchemeDocument document = builtinDocument();
        const FieldPosition amount = amountField(document);
        QVERIFY(amount.isValid());
        FieldRule rule = *document.field(amount);
        QCOMPARE(rule.source, FieldRule::Source::Expression);
        QCOMPARE(rule.text, QStringLiteral("-1*'{{list.表格_不含税金额}}'"));
        rule.text = QStringLiteral("-1*'{{list.表格_不含税金额}}' - 0.5");
        document.setField(amount, rule);
        const ApplicationRecord application = oneCustomer(QStringLiteral("600"));
        const SchemeTrial trial = trySchemeOn(document, &application);
        QVERIFY(trial.loaded);
        QCOMPARE(firstEntryAmount(trial), QStringLiteral("-600.50"));
        // The check that entries match the application now fails, and names the field.
        QVERIFY(trial.fails(amount));
    }

    void brokenExpression_isRefusedWithItsPlaceAndRule()
    {
        SchemeDocument document = builtinDocument();
        const FieldPosition amount = amountField(document);
        FieldRule rule = *document.field(amount);
        rule.text = QStringLiteral("-1*'{{list.表格_不含税金额}}' +");
        document.setField(amount, rule);
        const SchemeTrial trial = trySchemeOn(document, nullptr);
        QVERIFY(!trial.loaded);
        QCOMPARE(trial.schemeErrorField, amount);
        QVERIFY2(trial.schemeError.contains(QStringLiteral("expected a value")),
                 qPrintable(trial.schemeError));
        const std::optional<ExpressionSyntaxError> syntax = expressionSyntaxError(rule);
        QVERIFY(syntax);
        QCOMPARE(syntax->position, rule.text.size());
    }

    void issuesAndLoaderErrors_nameTheirRule()
    {
        const SchemeDocument document = builtinDocument();
        const FieldPosition amount = amountField(document);
        QCOMPARE(document.fieldOfIssue(QStringLiteral("FEntity[3].FNOTAXAMOUNTFOR")), amount);
        QCOMPARE(document.fieldOfLoaderError(QStringLiteral("target.fields[%1].fields[%2].value: x")
                                                 .arg(amount.top)
                                                 .arg(amount.entry)),
                 amount);
        QVERIFY(!document.fieldOfIssue(QStringLiteral("返利总额（元）")).isValid());
        QCOMPARE(document.fieldPath(amount), QStringLiteral("FEntity.FNOTAXAMOUNTFOR"));
    }

    void valueMap_changesTheOrganisationNumber()
    {
        SchemeDocument document = builtinDocument();
        const FieldPosition org = settleOrgField(document);
        FieldRule rule = *document.field(org);
        rule.map = QStringLiteral("orgs");
        document.setField(org, rule);
        document.setValueMaps({{QStringLiteral("orgs"), {}}});
        const ApplicationRecord application = oneCustomer(QStringLiteral("600"));
        SchemeTrial trial = trySchemeOn(document, &application);
        QVERIFY(trial.loaded);
        QVERIFY(trial.fails(org)); // "100" is not in the map
        document.setValueMaps(
            {{QStringLiteral("orgs"), {{QStringLiteral("100"), QStringLiteral("H01")}}}});
        trial = trySchemeOn(document, &application);
        QVERIFY(!trial.fails(org));
        QCOMPARE(firstModel(trial).value(QLatin1String("FSETTLEORGID")).toObject(),
                 QJsonObject({{QStringLiteral("FNumber"), QStringLiteral("H01")}}));
    }

    // A type change leaves no key the loader would refuse (scale on a date field).
    void typeChange_dropsKeysOfTheOldType()
    {
        SchemeDocument document = builtinDocument();
        const FieldPosition date = document.fieldOfIssue(QStringLiteral("FDATE"));
        FieldRule rule = *document.field(date);
        QCOMPARE(rule.format, QStringLiteral("%Y-%m-%d"));
        rule.type = QStringLiteral("string");
        document.setField(date, rule);
        QVERIFY(!document.toJson().contains("\"format\""));
        QVERIFY2(document.load(QStringLiteral("x")).scheme, qPrintable(document.load({}).error));
    }

    void undoRedo_restoreTheExactDocument()
    {
        SchemeEditSession session;
        const SchemeDocument original = builtinDocument();
        session.open(kBuiltin, original);
        SchemeDocument edited = original;
        FieldRule rule = *edited.field(amountField(edited));
        rule.text = QStringLiteral("-2*'{{list.表格_不含税金额}}'");
        edited.setField(amountField(edited), rule);
        session.change(edited, QStringLiteral("edit"), 7);
        rule.text += QStringLiteral(" + 1");
        edited.setField(amountField(edited), rule);
        session.change(edited, QStringLiteral("edit"), 7); // typing on: one step
        QCOMPARE(session.undoStack()->count(), 1);
        QVERIFY(session.isModified());
        session.undoStack()->undo();
        QCOMPARE(session.document().toJson(), original.toJson());
        QVERIFY(!session.isModified());
        session.undoStack()->redo();
        QCOMPARE(session.document().toJson(), edited.toJson());
    }

    void fieldsModel_isATreeThatPassesTheModelTester()
    {
        SchemeFieldsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const SchemeDocument document = builtinDocument();
        model.setFields(document.fields());
        const FieldPosition amount = amountField(document);
        const QModelIndex index = model.indexOf(amount);
        QCOMPARE(index.data().toString(), QStringLiteral("FNOTAXAMOUNTFOR"));
        QCOMPARE(index.parent().data().toString(), QStringLiteral("FEntity"));
        QCOMPARE(model.positionOf(index), amount);
        QCOMPARE(model.indexOf(amount, SchemeFieldsModel::SourceColumn).data().toString(),
                 QStringLiteral("_function -1*'{{list.表格_不含税金额}}'"));
        model.setFailing({amount});
        QVERIFY(index.data(SchemeFieldsModel::FailingRole).toBool());
        QVERIFY(index.data(Qt::ForegroundRole).isValid());
        SchemeDocument fewer = document;
        fewer.removeField({0, -1});
        model.setFields(fewer.fields());
        QCOMPARE(model.rowCount(), int(fewer.fields().size()));
    }

    void library_neverDeletesRenamesOrOverwritesTheBuiltin()
    {
        QTemporaryDir dir;
        SchemeLibrary library(dir.path());
        QString error;
        QVERIFY(!library.remove(kBuiltin, &error));
        QVERIFY(error.contains(QStringLiteral("cannot be deleted")));
        QVERIFY(!library.rename(kBuiltin, QStringLiteral("x.json"), &error));
        QVERIFY(!library.save(kBuiltin, builtinDocument(), &error));
        QVERIFY(library.names().contains(kBuiltin));
        QVERIFY(library.read(kBuiltin, &error));
    }

    void library_savesOnlyWhatLoads_andKeepsTheFileOtherwise()
    {
        QTemporaryDir dir;
        SchemeLibrary library(dir.path());
        QString error;
        SchemeDocument document = builtinDocument();
        QVERIFY2(library.create(QStringLiteral("ours.json"), document, &error), qPrintable(error));
        const QByteArray saved = document.toJson();
        FieldRule rule = *document.field(amountField(document));
        rule.text = QStringLiteral("-1*(");
        document.setField(amountField(document), rule);
        QVERIFY(!library.save(QStringLiteral("ours.json"), document, &error));
        QVERIFY2(error.contains(QStringLiteral("target.fields[")), qPrintable(error));
        QFile file(QDir(dir.path()).filePath(QStringLiteral("ours.json")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), saved);
        // The CLI's resolver reads the saved file.
        QVERIFY(resolveScheme(QStringLiteral("ours.json"), dir.path()).scheme);

        QVERIFY(!library.create(QStringLiteral("ours.json"), builtinDocument(), &error));
        QVERIFY(library.rename(QStringLiteral("ours.json"), QStringLiteral("theirs"), &error));
        QCOMPARE(library.names(), QStringList({kBuiltin, QStringLiteral("theirs.json")}));
        QVERIFY(SchemeLibrary::fileNameFor(QStringLiteral("../x.json"), &error).isEmpty());
        QVERIFY(library.remove(QStringLiteral("theirs.json"), &error));
        QCOMPARE(library.names(), QStringList({kBuiltin}));
    }

    void library_importsOnlyValidSchemes()
    {
        QTemporaryDir dir;
        QTemporaryDir outside;
        SchemeLibrary library(dir.path());
        const QString good = QDir(outside.path()).filePath(QStringLiteral("good.json"));
        const QString bad = QDir(outside.path()).filePath(QStringLiteral("bad.json"));
        QFile goodFile(good);
        QVERIFY(goodFile.open(QIODevice::WriteOnly));
        goodFile.write(builtinDocument().toJson());
        goodFile.close();
        QFile badFile(bad);
        QVERIFY(badFile.open(QIODevice::WriteOnly));
        badFile.write("{\"name\": 1");
        badFile.close();
        QString error;
        QCOMPARE(library.importFile(good, &error), QStringLiteral("good.json"));
        QCOMPARE(library.importFile(good, &error), QStringLiteral("good-2.json"));
        QVERIFY(library.importFile(bad, &error).isEmpty());
        QVERIFY2(error.contains(QStringLiteral("JSON syntax error")), qPrintable(error));
        QCOMPARE(library.names().size(), 3);
        const QString exported = QDir(outside.path()).filePath(QStringLiteral("out.json"));
        QVERIFY(library.exportTo(QStringLiteral("good.json"), exported, &error));
        QVERIFY(resolveScheme(QStringLiteral("out.json"), outside.path()).scheme);
    }

    // The bill's other parts read back into exactly the file they came from; a kind changed
    // leaves no key of the old kind for the loader to refuse.
    void billParts_roundTripAndChangeWhatTheLoaderReads()
    {
        const SchemeDocument builtin = builtinDocument();
        SchemeDocument document = builtin;
        QCOMPARE(document.checks().size(), 4);
        QCOMPARE(document.checks().at(2).kind, QStringLiteral("headerTotal"));
        QCOMPARE(document.options().size(), 2);
        QCOMPARE(document.groupBy(), QStringLiteral("{{表格_客户编码}}"));
        QCOMPARE(document.idempotencyField(), QStringLiteral("FAR_OtherRemarks"));
        document.setChecks(document.checks());
        document.setOptions(document.options());
        document.setGroupBy(document.groupBy());
        QCOMPARE(document.toJson(), builtin.toJson());

        QList<CheckRule> checks = document.checks();
        checks[0].kind = QStringLiteral("required");
        checks[0].fields = {QStringLiteral("FDATE")};
        document.setChecks(checks);
        document.setGroupBy(QString());
        document.setIdempotencyKey(QStringLiteral("{{business_id}}"));
        document.setIdempotencyField(QString());
        const SchemeLoadResult loaded = document.load(QStringLiteral("x"));
        QVERIFY2(loaded.scheme, qPrintable(loaded.error));
        QVERIFY(!loaded.scheme->groupBy);
        QCOMPARE(loaded.scheme->idempotencyField, QStringLiteral("FAR_OtherRemarks"));
        QCOMPARE(loaded.scheme->checks.at(0).kind, CheckSpec::Kind::Required);
        QVERIFY(!document.checks().at(0).toJson().contains(QLatin1String("op")));
        // One bill per application now, keyed by the business id alone.
        const MappingResult result = mapApplication(
            rebateApplication({rebateRow(QStringLiteral("C1"), QStringLiteral("600")),
                               rebateRow(QStringLiteral("C2"), QStringLiteral("1.50"))}),
            *loaded.scheme);
        QCOMPARE(result.bills.size(), 1);
        QCOMPARE(result.bills.at(0).key, QStringLiteral("202503031012000123456"));
    }

    void valueMapCsv_roundTripsWhatExcelWouldMangle()
    {
        const ValueMapTable table {QStringLiteral("orgs"),
                                   {{QStringLiteral("华东公司"), QStringLiteral("100")},
                                    {QStringLiteral("a,b \"c\""), QStringLiteral("=1+1")},
                                    {QStringLiteral("-负"), QStringLiteral("-600.00")}}};
        const QByteArray csv = ValueMapCsv::write(table);
        QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
        QVERIFY(csv.contains("'=1+1")); // a formula is never run by Excel
        QString error;
        const auto rows = ValueMapCsv::read(csv, &error);
        QVERIFY2(rows, qPrintable(error));
        QCOMPARE(*rows, table.rows);
    }

    void valueMapCsv_namesTheBadRow()
    {
        QString error;
        QVERIFY(!ValueMapCsv::read("from,to\r\na,1\r\nb\r\n", &error));
        QVERIFY2(error.contains(QStringLiteral("Row 3")), qPrintable(error));
        QVERIFY(!ValueMapCsv::read("from,to\na,1\na,2\n", &error));
        QVERIFY2(error.contains(QStringLiteral("\"a\" is listed twice")), qPrintable(error));
        // A header and nothing under it would empty the map: refused.
        QVERIFY(!ValueMapCsv::read("from,to\r\n\r\n", &error));
        QVERIFY2(error.contains(QStringLiteral("no row under the header")), qPrintable(error));
    }

    // The "what changes" summary over a store of 1,000 applications agrees with mapping each one
    // through both schemes, and leaves bills already handed to Kingdee out.
    void changeSummary_overAThousandApplications_matchesEachPreview()
    {
        QTemporaryDir dir;
        Database database(QDir(dir.path()).filePath(QStringLiteral("rebatesync.db")));
        QVERIFY(database.open().ok());
        QList<ApplicationRecord> applications;
        for (int i = 0; i < 1000; ++i)
            applications.append(generatedApplication(i));
        QVERIFY(ApplicationRepository(database).upsertAll(applications).ok());
        const auto before = resolveScheme(kBuiltin, QString()).scheme;
        // The new scheme rounds every amount to whole yuan: bills with cents change.
        SchemeDocument document = builtinDocument();
        FieldRule rule = *document.field(amountField(document));
        rule.text = QStringLiteral("ROUND(-1*'{{list.表格_不含税金额}}', 0)");
        document.setField(amountField(document), rule);
        const auto after = document.load(QStringLiteral("x")).scheme;
        QVERIFY(after);
        // Application 0's first bill is already in Kingdee: it keeps its payload.
        const MappingResult first = mapApplication(applications.at(0), *before);
        BillRecord synced;
        synced.key = first.bills.at(0).key;
        synced.applicationId = applications.at(0).id;
        synced.amount = first.bills.at(0).amount;
        synced.payloadJson = QJsonDocument(first.bills.at(0).model).toJson(QJsonDocument::Compact);
        const BillRepository bills(database);
        QVERIFY(bills.saveDraft(synced).ok());
        QVERIFY(bills.transition(synced.key, BillState::Pending, BillState::Queued, {}, {}).ok());

        const SchemeChangeSummary summary =
            SchemeChangeSummary::compute(database, before.get(), *after);
        QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));

        QStringList expectedKeys;
        Decimal totalBefore;
        Decimal totalAfter;
        int billCount = 0;
        for (const ApplicationRecord &application : std::as_const(applications)) {
            const MappingResult was = mapApplication(application, *before);
            const MappingResult will = mapApplication(application, *after);
            QCOMPARE(was.bills.size(), will.bills.size());
            for (int b = 0; b < was.bills.size(); ++b) {
                if (was.bills.at(b).key == synced.key)
                    continue;
                ++billCount;
                if (!was.bills.at(b).hasErrors)
                    totalBefore += *Decimal::parse(was.bills.at(b).amount);
                if (!will.bills.at(b).hasErrors)
                    totalAfter += *Decimal::parse(will.bills.at(b).amount);
                if (previewJsonText(was, *before) != previewJsonText(will, *after)
                    && (was.bills.at(b).model != will.bills.at(b).model
                        || was.bills.at(b).hasErrors != will.bills.at(b).hasErrors))
                    expectedKeys.append(was.bills.at(b).key);
            }
        }
        QStringList keys;
        for (const SchemeBillChange &change : summary.changes)
            keys.append(change.key);
        QCOMPARE(keys, expectedKeys);
        QVERIFY(keys.size() > 500); // most amounts have cents
        QVERIFY(!keys.contains(synced.key));
        QCOMPARE(summary.keptBills, 1);
        QCOMPARE(summary.billsAfter, billCount);
        QCOMPARE(summary.totalBefore.toString(2), totalBefore.toString(2));
        QCOMPARE(summary.totalAfter.toString(2), totalAfter.toString(2));
        // Application 0 had one bill, already in Kingdee: nothing of it is open.
        QCOMPARE(summary.applications, 999);

        // The same on a worker with its own connection to the store, as the editor runs it.
        QFuture<SchemeChangeSummary> run =
            runSchemeChangeSummary(database.location(), before, after);
        run.waitForFinished();
        QCOMPARE(run.resultCount(), 1);
        const SchemeChangeSummary onWorker = run.result();
        QVERIFY2(onWorker.error.isEmpty(), qPrintable(onWorker.error));
        QStringList workerKeys;
        for (const SchemeBillChange &change : onWorker.changes)
            workerKeys.append(change.key);
        QCOMPARE(workerKeys, expectedKeys);
        QCOMPARE(onWorker.keptBills, 1);
        QCOMPARE(onWorker.billsAfter, billCount);
        QCOMPARE(onWorker.totalBefore.toString(2), totalBefore.toString(2));
        QCOMPARE(onWorker.totalAfter.toString(2), totalAfter.toString(2));
        QCOMPARE(onWorker.applications, 999);
        QCOMPARE(run.progressMaximum(), 1000);
        QCOMPARE(run.progressValue(), 1000);

        // A run told to stop after ten applications says so, with no more than their bills.
        const QList<ApplicationRecord> stored =
            ApplicationRepository(database).listWithRows(ApprovalState::Approved);
        const SchemeChangeSummary stopped = SchemeChangeSummary::compute(
            stored, {}, before.get(), *after, [](int done, int) { return done < 10; });
        QVERIFY(stopped.cancelled);
        QVERIFY(stopped.billsAfter <= 30);
        QCOMPARE(stopped.applications, 10);
    }

    // A store the worker cannot open is an error in the result, not a crash or a hang.
    void changeSummaryRun_reportsAStoreItCannotOpen()
    {
        QTemporaryDir dir;
        const QString path = QDir(dir.path()).filePath(QStringLiteral("not-a-database.db"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("this is not SQLite");
        file.close();
        const auto scheme = resolveScheme(kBuiltin, QString()).scheme;
        QFuture<SchemeChangeSummary> run =
            runSchemeChangeSummary(StoreLocation::sqlite(path), scheme, scheme);
        run.waitForFinished();
        QCOMPARE(run.resultCount(), 1);
        QVERIFY(!run.result().error.isEmpty());
        QVERIFY(run.result().changes.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSchemeDocument)
#include "tst_schemedocument.moc"
