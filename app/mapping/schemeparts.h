#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

namespace rs {

// One check of the scheme's `checks` as the editor edits it: the keys of its object in the file
// (docs/SCHEMES.md, "Checks"). Which keys apply depends on `kind`; toJson() writes only those,
// so a kind changed in the editor leaves no stray key for the loader to refuse.
struct CheckRule
{
    QString kind = QStringLiteral("compare"); // compare, sumEquals, headerTotal, required
    QString name;
    QString message; // empty: the standard, translated one
    QString field; // compare, sumEquals
    QString op = QStringLiteral("<"); // compare
    QString value = QStringLiteral("0"); // compare: a number, as text
    QString column; // sumEquals, headerTotal
    QString factor; // sumEquals; empty: 1
    QString header; // headerTotal
    QStringList fields; // required

    QJsonObject toJson() const;
    static CheckRule fromJson(const QJsonObject &object);
    friend bool operator==(const CheckRule &a, const CheckRule &b);
};

// One request option of `target.options`: {"field": "IsAutoSubmitAndAudit", "value": "false"}.
struct OptionRule
{
    QString field;
    QJsonValue value; // as written: the seed writes text ("false"), which the loader converts

    // The value as the editor shows it: text as it is, anything else as compact JSON.
    QString valueText() const;
    friend bool operator==(const OptionRule &a, const OptionRule &b)
    {
        return a.field == b.field && a.value == b.value;
    }
};

} // namespace rs
