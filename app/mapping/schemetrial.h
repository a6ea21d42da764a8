#pragma once

#include "app/mapping/expression.h"
#include "app/mapping/mappingresult.h"
#include "app/mapping/schemedocument.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace rs {

struct ApplicationRecord;

// A scheme being edited, tried on one stored application: what the scheme editor shows after
// every change. The bill JSON is the bytes `rebatesync-cli preview --json` prints for the same
// scheme file and application.
struct SchemeTrial
{
    bool loaded = false; // the loader accepted the scheme
    QString schemeError; // the loader's message (key path and what is wrong), when not
    FieldPosition schemeErrorField; // the rule that message is about, when it names one
    QByteArray json; // preview JSON; empty without a scheme or an application
    MappingResult result;
    QList<FieldPosition> failingFields; // rules an issue of the result names

    bool fails(FieldPosition field) const
    {
        return (schemeErrorField.isValid() && schemeErrorField == field)
            || failingFields.contains(field);
    }
};

// Validates `document` exactly as loading its file would, then maps `application` (may be null:
// validation only).
SchemeTrial trySchemeOn(const SchemeDocument &document, const ApplicationRecord *application,
                        const Clock &clock = systemClock());

// The syntax error of an expression rule, with where it is; nothing for a rule that is not an
// expression or parses.
std::optional<ExpressionSyntaxError> expressionSyntaxError(const FieldRule &rule);

} // namespace rs
