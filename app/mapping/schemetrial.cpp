#include "app/mapping/schemetrial.h"

#include "app/mapping/mapper.h"
#include "app/mapping/previewjson.h"
#include "app/mapping/scheme.h"

namespace rs {

SchemeTrial trySchemeOn(const SchemeDocument &document, const ApplicationRecord *application,
                        const Clock &clock)
{
    SchemeTrial trial;
    const QString origin = document.name();
    const SchemeLoadResult loaded = document.load(origin);
    if (!loaded.scheme) {
        trial.schemeError = loaded.error;
        const QString prefix = origin + QStringLiteral(": ");
        if (trial.schemeError.startsWith(prefix))
            trial.schemeError = trial.schemeError.mid(prefix.size());
        trial.schemeErrorField = document.fieldOfLoaderError(trial.schemeError);
        return trial;
    }
    trial.loaded = true;
    if (!application)
        return trial;
    trial.result = mapApplication(*application, *loaded.scheme, clock);
    trial.json = previewJsonText(trial.result, *loaded.scheme);
    for (const MappingIssue &issue : std::as_const(trial.result.issues)) {
        const FieldPosition field = document.fieldOfIssue(issue.field);
        if (field.isValid() && !trial.failingFields.contains(field))
            trial.failingFields.append(field);
    }
    return trial;
}

std::optional<ExpressionSyntaxError> expressionSyntaxError(const FieldRule &rule)
{
    if (rule.source != FieldRule::Source::Expression)
        return std::nullopt;
    ExpressionSyntaxError error;
    if (Expression::parse(rule.text, &error))
        return std::nullopt;
    return error;
}

} // namespace rs
