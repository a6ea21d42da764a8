#include "filterexpression.h"

#include <QRegularExpression>

namespace rs::sandbox {
namespace {

struct Token
{
    enum Kind { Word, Literal, Symbol, End } kind = End;
    QString text;
};

QList<Token> tokenize(const QString &text, bool *ok)
{
    QList<Token> tokens;
    *ok = true;
    for (qsizetype i = 0; i < text.size();) {
        const QChar c = text.at(i);
        if (c.isSpace()) {
            ++i;
        } else if (c == QLatin1Char('\'')) {
            QString value;
            ++i;
            bool closed = false;
            while (i < text.size()) {
                if (text.at(i) == QLatin1Char('\'')) {
                    if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\'')) {
                        value += QLatin1Char('\'');
                        i += 2;
                        continue;
                    }
                    closed = true;
                    ++i;
                    break;
                }
                value += text.at(i++);
            }
            if (!closed)
                *ok = false;
            tokens.append(Token {Token::Literal, value});
        } else if (text.mid(i, 2) == QLatin1String("<>") || text.mid(i, 2) == QLatin1String(">=")
                   || text.mid(i, 2) == QLatin1String("<=")) {
            tokens.append(Token {Token::Symbol, text.mid(i, 2)});
            i += 2;
        } else if (QStringLiteral("=(),<>").contains(c)) {
            tokens.append(Token {Token::Symbol, QString(c)});
            ++i;
        } else {
            qsizetype j = i;
            while (j < text.size()
                   && (text.at(j).isLetterOrNumber() || text.at(j) == QLatin1Char('_')
                       || text.at(j) == QLatin1Char('.')))
                ++j;
            if (j == i) {
                *ok = false;
                return tokens;
            }
            tokens.append(Token {Token::Word, text.mid(i, j - i)});
            i = j;
        }
    }
    tokens.append(Token {Token::End, {}});
    return tokens;
}

class Parser
{
public:
    Parser(QList<Token> tokens, QStringList fields)
        : m_tokens(std::move(tokens))
        , m_fields(std::move(fields))
    { }

    std::optional<FilterExpression::Predicate> parseAll(QString *error)
    {
        auto result = orExpr();
        if (!m_error.isEmpty() || peek().kind != Token::End) {
            *error = m_error.isEmpty() ? QStringLiteral("过滤条件语法错误") : m_error;
            return std::nullopt;
        }
        return result;
    }

private:
    const Token &peek() const { return m_tokens.at(m_pos); }
    Token next() { return m_tokens.at(m_pos < m_tokens.size() - 1 ? m_pos++ : m_pos); }
    bool isWord(const char *word) const
    {
        return peek().kind == Token::Word
            && peek().text.compare(QLatin1String(word), Qt::CaseInsensitive) == 0;
    }
    bool isSymbol(const char *symbol) const
    {
        return peek().kind == Token::Symbol && peek().text == QLatin1String(symbol);
    }

    FilterExpression::Predicate fail(const QString &message)
    {
        if (m_error.isEmpty())
            m_error = message;
        return [](const FilterExpression::ValueOf &) {
            return false;
        };
    }

    FilterExpression::Predicate orExpr()
    {
        auto left = andExpr();
        while (isWord("OR")) {
            next();
            auto right = andExpr();
            left = [left, right](const FilterExpression::ValueOf &v) {
                return left(v) || right(v);
            };
        }
        return left;
    }

    FilterExpression::Predicate andExpr()
    {
        auto left = term();
        while (isWord("AND")) {
            next();
            auto right = term();
            left = [left, right](const FilterExpression::ValueOf &v) {
                return left(v) && right(v);
            };
        }
        return left;
    }

    FilterExpression::Predicate term()
    {
        if (isSymbol("(")) {
            next();
            auto inner = orExpr();
            if (!isSymbol(")"))
                return fail(QStringLiteral("过滤条件语法错误：缺少右括号"));
            next();
            return inner;
        }
        const Token field = next();
        if (field.kind != Token::Word)
            return fail(QStringLiteral("过滤条件语法错误"));
        const auto known =
            std::find_if(m_fields.cbegin(), m_fields.cend(), [&field](const QString &f) {
                return f.compare(field.text, Qt::CaseInsensitive) == 0;
            });
        if (known == m_fields.cend())
            return fail(QStringLiteral("过滤条件中的字段%1不存在").arg(field.text));
        const QString name = *known;
        if (isSymbol("=") || isSymbol("<>")) {
            const bool equal = next().text == QLatin1String("=");
            const Token value = next();
            if (value.kind != Token::Literal)
                return fail(QStringLiteral("过滤条件语法错误：值须用单引号括起"));
            return [name, equal, literal = value.text](const FilterExpression::ValueOf &v) {
                return (v(name) == literal) == equal;
            };
        }
        if (isSymbol(">=") || isSymbol("<=") || isSymbol(">") || isSymbol("<")) {
            // Compared as text: dates are ISO (yyyy-MM-dd sorts as it reads).
            const QString op = next().text;
            const Token value = next();
            if (value.kind != Token::Literal)
                return fail(QStringLiteral("过滤条件语法错误：值须用单引号括起"));
            return [name, op, literal = value.text](const FilterExpression::ValueOf &v) {
                const int c = v(name).left(literal.size()).compare(literal);
                if (op == QLatin1String(">="))
                    return c >= 0;
                if (op == QLatin1String("<="))
                    return c <= 0;
                return op == QLatin1String(">") ? c > 0 : c < 0;
            };
        }
        if (isWord("IN")) {
            next();
            if (!isSymbol("("))
                return fail(QStringLiteral("过滤条件语法错误：IN 后须为括号"));
            next();
            QStringList values;
            while (peek().kind == Token::Literal) {
                values.append(next().text);
                if (isSymbol(","))
                    next();
            }
            if (!isSymbol(")"))
                return fail(QStringLiteral("过滤条件语法错误：缺少右括号"));
            next();
            return [name, values](const FilterExpression::ValueOf &v) {
                return values.contains(v(name));
            };
        }
        if (isWord("LIKE")) {
            next();
            const Token value = next();
            if (value.kind != Token::Literal)
                return fail(QStringLiteral("过滤条件语法错误：值须用单引号括起"));
            // SQL's wildcards: % any run of characters, _ one character; the rest is literal.
            QString pattern;
            for (const QChar c : value.text) {
                if (c == QLatin1Char('%'))
                    pattern += QLatin1String(".*");
                else if (c == QLatin1Char('_'))
                    pattern += QLatin1Char('.');
                else
                    pattern += QRegularExpression::escape(QString(c));
            }
            const QRegularExpression re(QRegularExpression::anchoredPattern(pattern),
                                        QRegularExpression::DotMatchesEverythingOption);
            return [name, re](const FilterExpression::ValueOf &v) {
                return re.match(v(name)).hasMatch();
            };
        }
        return fail(QStringLiteral("过滤条件语法错误：不支持的运算符"));
    }

    QList<Token> m_tokens;
    QStringList m_fields;
    qsizetype m_pos = 0;
    QString m_error;
};

} // namespace

FilterExpression::FilterExpression(Predicate predicate)
    : m_predicate(std::move(predicate))
{ }

std::optional<FilterExpression> FilterExpression::parse(const QString &text,
                                                        const QStringList &fields, QString *error)
{
    if (text.trimmed().isEmpty())
        return FilterExpression([](const ValueOf &) { return true; });
    bool ok = false;
    QList<Token> tokens = tokenize(text, &ok);
    if (!ok) {
        *error = QStringLiteral("过滤条件语法错误：引号不匹配");
        return std::nullopt;
    }
    Parser parser(std::move(tokens), fields);
    auto predicate = parser.parseAll(error);
    if (!predicate)
        return std::nullopt;
    return FilterExpression(*predicate);
}

} // namespace rs::sandbox
