#include "app/mapping/expressionlexer.h"

#include <QCoreApplication>

namespace rs {
namespace {

bool isIdentifierStart(QChar c)
{
    return c.isLetter() || c == QLatin1Char('_');
}

// The rest of the text from `position` is what the editor underlines: nothing after it closes.
ExpressionSyntaxError positionError(const char *message, const QString &text, qsizetype position)
{
    return {QCoreApplication::translate("rs::Mapping", message).arg(position + 1), position,
            text.size() - position};
}

} // namespace

std::optional<QList<ExpressionToken>> tokenizeExpression(const QString &text,
                                                         ExpressionSyntaxError *error)
{
    using Kind = ExpressionToken::Kind;
    QList<ExpressionToken> tokens;
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text[i];
        const qsizetype start = i;
        if (c.isSpace()) {
            ++i;
        } else if (text.mid(i, 2) == QLatin1String("{{")) {
            const qsizetype end = text.indexOf(QLatin1String("}}"), i + 2);
            if (end < 0) {
                *error = positionError(
                    QT_TRANSLATE_NOOP("rs::Mapping", "\"{{\" at position %1 is not closed"), text,
                    start);
                return std::nullopt;
            }
            tokens.append({Kind::Placeholder, text.mid(i, end + 2 - i), start});
            i = end + 2;
        } else if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            // SQL quoting: a doubled quote is one quote; a backslash escapes the next character.
            QString content;
            ++i;
            bool closed = false;
            while (i < text.size()) {
                if (text[i] == c) {
                    if (i + 1 < text.size() && text[i + 1] == c) {
                        content.append(c);
                        i += 2;
                        continue;
                    }
                    ++i;
                    closed = true;
                    break;
                }
                if (text[i] == QLatin1Char('\\') && i + 1 < text.size())
                    ++i;
                content.append(text[i++]);
            }
            if (!closed) {
                *error = positionError(
                    QT_TRANSLATE_NOOP("rs::Mapping", "the string at position %1 is not closed"),
                    text, start);
                return std::nullopt;
            }
            tokens.append({Kind::String, content, start});
        } else if (c.isDigit()
                   || (c == QLatin1Char('.') && i + 1 < text.size() && text[i + 1].isDigit())) {
            while (i < text.size() && (text[i].isDigit() || text[i] == QLatin1Char('.')))
                ++i;
            tokens.append({Kind::Number, text.mid(start, i - start), start});
        } else if (isIdentifierStart(c)) {
            while (i < text.size() && (isIdentifierStart(text[i]) || text[i].isDigit()))
                ++i;
            tokens.append({Kind::Identifier, text.mid(start, i - start), start});
        } else {
            const QString two = text.mid(i, 2);
            if (two == QLatin1String("<=") || two == QLatin1String(">=")
                || two == QLatin1String("<>") || two == QLatin1String("!=")) {
                tokens.append({Kind::Symbol, two, start});
                i += 2;
            } else if (QStringLiteral("+-*/=<>(),").contains(c)) {
                tokens.append({Kind::Symbol, QString(c), start});
                ++i;
            } else {
                *error = {QCoreApplication::translate("rs::Mapping",
                                                      "unexpected character \"%1\" at position %2")
                              .arg(c)
                              .arg(start + 1),
                          start, 1};
                return std::nullopt;
            }
        }
    }
    tokens.append({Kind::End, QString(), text.size()});
    return tokens;
}

} // namespace rs
