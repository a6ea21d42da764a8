#include "app/mapping/expressionparser.h"

#include "app/mapping/expressionlexer.h"
#include "app/mapping/expressionnode.h"

#include <QCoreApplication>

namespace rs {
namespace {

using Node = ExpressionNode;
using NodePtr = std::unique_ptr<ExpressionNode>;
using Token = ExpressionToken;

struct FunctionInfo
{
    const char *name;
    Function function;
    int minArgs;
    int maxArgs;
};

const FunctionInfo kFunctions[] = {
    {"IF", Function::If, 3, 3},
    {"IFNULL", Function::IfNull, 2, 2},
    {"COALESCE", Function::Coalesce, 1, 99},
    {"CONCAT", Function::Concat, 1, 99},
    {"REPLACE", Function::Replace, 3, 3},
    {"SUBSTRING", Function::Substring, 2, 3},
    {"SUBSTR", Function::Substring, 2, 3},
    {"TRIM", Function::Trim, 1, 1},
    {"UPPER", Function::Upper, 1, 1},
    {"LOWER", Function::Lower, 1, 1},
    {"ROUND", Function::Round, 1, 2},
    {"ABS", Function::Abs, 1, 1},
    {"DATE_FORMAT", Function::DateFormat, 2, 2},
    {"NOW", Function::Now, 0, 0},
    {"CURDATE", Function::CurDate, 0, 0},
};

class Parser
{
public:
    Parser(QList<Token> tokens, ExpressionSyntaxError *error)
        : m_tokens(std::move(tokens))
        , m_error(error)
    { }

    NodePtr parseAll()
    {
        NodePtr root = parseOr();
        if (root && peek().kind != Token::Kind::End)
            return fail(QT_TRANSLATE_NOOP("rs::Mapping", "unexpected \"%1\" at position %2"));
        return root;
    }

private:
    const Token &peek() const { return m_tokens.at(m_pos); }
    const Token &next() { return m_tokens.at(m_pos++); }

    bool isSymbol(const char *symbol) const
    {
        return peek().kind == Token::Kind::Symbol && peek().text == QLatin1String(symbol);
    }
    bool isKeyword(const char *keyword) const
    {
        return peek().kind == Token::Kind::Identifier
            && peek().text.compare(QLatin1String(keyword), Qt::CaseInsensitive) == 0;
    }
    bool acceptSymbol(const char *symbol)
    {
        if (!isSymbol(symbol))
            return false;
        ++m_pos;
        return true;
    }
    bool acceptKeyword(const char *keyword)
    {
        if (!isKeyword(keyword))
            return false;
        ++m_pos;
        return true;
    }

    // The message gets the current token (or "end") and its 1-based position.
    NodePtr fail(const char *message)
    {
        const Token &token = peek();
        const QString shown = token.kind == Token::Kind::End
            ? QCoreApplication::translate("rs::Mapping", "the end")
            : token.text;
        setError(
            QCoreApplication::translate("rs::Mapping", message).arg(shown).arg(token.position + 1),
            token);
        return nullptr;
    }

    // Where the editor underlines: the token's own text (a string with its quotes).
    void setError(const QString &message, const Token &token)
    {
        qsizetype length = token.text.size();
        if (token.kind == Token::Kind::String)
            length += 2;
        setError(message, token.position, length);
    }
    void setError(const QString &message, qsizetype position, qsizetype length)
    {
        m_error->message = message;
        m_error->position = position;
        m_error->length = length;
    }

    NodePtr expectSymbol(NodePtr node, const char *symbol)
    {
        if (!node)
            return nullptr;
        if (!acceptSymbol(symbol)) {
            setError(QCoreApplication::translate("rs::Mapping",
                                                 "expected \"%1\" at position %2, found \"%3\"")
                         .arg(QLatin1String(symbol))
                         .arg(peek().position + 1)
                         .arg(peek().kind == Token::Kind::End
                                  ? QCoreApplication::translate("rs::Mapping", "the end")
                                  : peek().text),
                     peek());
            return nullptr;
        }
        return node;
    }

    static NodePtr make(Node::Kind kind, NodePtr left = nullptr, NodePtr right = nullptr)
    {
        auto node = std::make_unique<Node>();
        node->kind = kind;
        if (left)
            node->children.push_back(std::move(left));
        if (right)
            node->children.push_back(std::move(right));
        return node;
    }

    NodePtr parseOr()
    {
        NodePtr left = parseAnd();
        while (left && acceptKeyword("OR")) {
            NodePtr right = parseAnd();
            if (!right)
                return nullptr;
            left = make(Node::Kind::Or, std::move(left), std::move(right));
        }
        return left;
    }

    NodePtr parseAnd()
    {
        NodePtr left = parseNot();
        while (left && acceptKeyword("AND")) {
            NodePtr right = parseNot();
            if (!right)
                return nullptr;
            left = make(Node::Kind::And, std::move(left), std::move(right));
        }
        return left;
    }

    NodePtr parseNot()
    {
        if (acceptKeyword("NOT")) {
            NodePtr operand = parseNot();
            return operand ? make(Node::Kind::Not, std::move(operand)) : nullptr;
        }
        return parseComparison();
    }

    NodePtr parseComparison()
    {
        static const struct
        {
            const char *symbol;
            BinaryOperator op;
        } comparisons[] = {{"=", BinaryOperator::Equal},          {"<>", BinaryOperator::NotEqual},
                           {"!=", BinaryOperator::NotEqual},      {"<", BinaryOperator::Less},
                           {"<=", BinaryOperator::LessOrEqual},   {">", BinaryOperator::Greater},
                           {">=", BinaryOperator::GreaterOrEqual}};
        NodePtr left = parseAdditive();
        while (left) {
            if (acceptKeyword("IS")) {
                const bool negated = acceptKeyword("NOT");
                if (!acceptKeyword("NULL"))
                    return fail(QT_TRANSLATE_NOOP("rs::Mapping",
                                                  "expected NULL after IS, found \"%1\" at "
                                                  "position %2"));
                left = make(Node::Kind::IsNull, std::move(left));
                left->negated = negated;
                continue;
            }
            bool matched = false;
            for (const auto &comparison : comparisons) {
                if (acceptSymbol(comparison.symbol)) {
                    NodePtr right = parseAdditive();
                    if (!right)
                        return nullptr;
                    left = make(Node::Kind::Binary, std::move(left), std::move(right));
                    left->op = comparison.op;
                    matched = true;
                    break;
                }
            }
            if (!matched)
                break;
        }
        return left;
    }

    NodePtr parseAdditive()
    {
        NodePtr left = parseMultiplicative();
        while (left && (isSymbol("+") || isSymbol("-"))) {
            const BinaryOperator op =
                next().text == QLatin1String("+") ? BinaryOperator::Add : BinaryOperator::Subtract;
            NodePtr right = parseMultiplicative();
            if (!right)
                return nullptr;
            left = make(Node::Kind::Binary, std::move(left), std::move(right));
            left->op = op;
        }
        return left;
    }

    NodePtr parseMultiplicative()
    {
        NodePtr left = parseUnary();
        while (left && (isSymbol("*") || isSymbol("/"))) {
            const BinaryOperator op = next().text == QLatin1String("*") ? BinaryOperator::Multiply
                                                                        : BinaryOperator::Divide;
            NodePtr right = parseUnary();
            if (!right)
                return nullptr;
            left = make(Node::Kind::Binary, std::move(left), std::move(right));
            left->op = op;
        }
        return left;
    }

    NodePtr parseUnary()
    {
        if (acceptSymbol("-")) {
            NodePtr operand = parseUnary();
            return operand ? make(Node::Kind::Negate, std::move(operand)) : nullptr;
        }
        if (acceptSymbol("+"))
            return parseUnary();
        return parsePrimary();
    }

    NodePtr parsePrimary()
    {
        const Token &token = peek();
        switch (token.kind) {
        case Token::Kind::Number: {
            const std::optional<Decimal> number = Decimal::parse(token.text);
            if (!number || token.text.contains(QLatin1Char(',')))
                return fail(
                    QT_TRANSLATE_NOOP("rs::Mapping", "\"%1\" at position %2 is not a number"));
            ++m_pos;
            auto node = make(Node::Kind::Literal);
            node->literal = Value::number(*number);
            return node;
        }
        case Token::Kind::String:
            return parseString();
        case Token::Kind::Placeholder: {
            ++m_pos;
            return placeholderNode(token.text, token.position);
        }
        case Token::Kind::Symbol:
            if (acceptSymbol("("))
                return expectSymbol(parseOr(), ")");
            return fail(QT_TRANSLATE_NOOP("rs::Mapping", "unexpected \"%1\" at position %2"));
        case Token::Kind::End:
            return fail(
                QT_TRANSLATE_NOOP("rs::Mapping", "expected a value, found %1 at position %2"));
        case Token::Kind::Identifier:
            break;
        }
        if (acceptKeyword("NULL"))
            return make(Node::Kind::Literal);
        if (isKeyword("TRUE") || isKeyword("FALSE")) {
            auto node = make(Node::Kind::Literal);
            node->literal = Value::boolean(
                next().text.compare(QLatin1String("TRUE"), Qt::CaseInsensitive) == 0);
            return node;
        }
        if (acceptKeyword("CASE"))
            return parseCase();
        return parseCall();
    }

    NodePtr placeholderNode(const QString &braced, qsizetype position)
    {
        QString error;
        const std::optional<Template> parsed = Template::parse(braced, &error);
        if (!parsed || !parsed->isSinglePlaceholder()) {
            setError(QCoreApplication::translate("rs::Mapping", "at position %1: %2")
                         .arg(position + 1)
                         .arg(error),
                     position, braced.size());
            return nullptr;
        }
        auto node = make(Node::Kind::Placeholder);
        node->placeholder = *parsed->pieces().constFirst().placeholder;
        return node;
    }

    // A quoted string: plain text, one placeholder (its value, as is) or text with placeholders.
    NodePtr parseString()
    {
        const Token &token = next();
        QString error;
        const std::optional<Template> parsed = Template::parse(token.text, &error);
        if (!parsed) {
            setError(QCoreApplication::translate("rs::Mapping", "at position %1: %2")
                         .arg(token.position + 1)
                         .arg(error),
                     token);
            return nullptr;
        }
        if (parsed->isSinglePlaceholder()) {
            auto node = make(Node::Kind::Placeholder);
            node->placeholder = *parsed->pieces().constFirst().placeholder;
            return node;
        }
        auto node = make(Node::Kind::Literal);
        if (parsed->pieces().size() > 1
            || (parsed->pieces().size() == 1 && parsed->pieces().constFirst().placeholder)) {
            node->kind = Node::Kind::Text;
            node->text = *parsed;
        } else {
            node->literal = Value::text(token.text);
        }
        return node;
    }

    NodePtr parseCase()
    {
        auto node = make(Node::Kind::Case);
        if (!isKeyword("WHEN")) {
            NodePtr operand = parseOr();
            if (!operand)
                return nullptr;
            node->hasOperand = true;
            node->children.push_back(std::move(operand));
        }
        if (!isKeyword("WHEN"))
            return fail(
                QT_TRANSLATE_NOOP("rs::Mapping", "expected WHEN, found \"%1\" at position %2"));
        while (acceptKeyword("WHEN")) {
            NodePtr condition = parseOr();
            if (!condition)
                return nullptr;
            if (!acceptKeyword("THEN"))
                return fail(
                    QT_TRANSLATE_NOOP("rs::Mapping", "expected THEN, found \"%1\" at position %2"));
            NodePtr result = parseOr();
            if (!result)
                return nullptr;
            node->children.push_back(std::move(condition));
            node->children.push_back(std::move(result));
        }
        if (acceptKeyword("ELSE")) {
            NodePtr otherwise = parseOr();
            if (!otherwise)
                return nullptr;
            node->hasElse = true;
            node->children.push_back(std::move(otherwise));
        }
        if (!acceptKeyword("END"))
            return fail(
                QT_TRANSLATE_NOOP("rs::Mapping", "expected END, found \"%1\" at position %2"));
        return node;
    }

    NodePtr parseCall()
    {
        const Token name = next();
        const FunctionInfo *info = nullptr;
        for (const FunctionInfo &candidate : kFunctions) {
            if (name.text.compare(QLatin1String(candidate.name), Qt::CaseInsensitive) == 0)
                info = &candidate;
        }
        if (!info || !isSymbol("(")) {
            setError(QCoreApplication::translate(
                         "rs::Mapping",
                         "unknown name \"%1\" at position %2 (functions: IF, IFNULL, "
                         "COALESCE, CONCAT, REPLACE, SUBSTRING, TRIM, UPPER, LOWER, ROUND, ABS, "
                         "DATE_FORMAT, NOW, CURDATE)")
                         .arg(name.text)
                         .arg(name.position + 1),
                     name);
            return nullptr;
        }
        ++m_pos;
        auto node = make(Node::Kind::Call);
        node->function = info->function;
        if (!isSymbol(")")) {
            do {
                NodePtr argument = parseOr();
                if (!argument)
                    return nullptr;
                node->children.push_back(std::move(argument));
            } while (acceptSymbol(","));
        }
        node = expectSymbol(std::move(node), ")");
        if (!node)
            return nullptr;
        const int count = int(node->children.size());
        if (count < info->minArgs || count > info->maxArgs) {
            setError(
                QCoreApplication::translate("rs::Mapping",
                                            "%1 at position %2 takes %3 arguments, not %4")
                    .arg(name.text.toUpper())
                    .arg(name.position + 1)
                    .arg(
                        info->minArgs == info->maxArgs
                            ? QString::number(info->minArgs)
                            : (info->maxArgs >= 99
                                   ? QStringLiteral("%1+").arg(info->minArgs)
                                   : QStringLiteral("%1–%2").arg(info->minArgs).arg(info->maxArgs)))
                    .arg(count),
                name);
            return nullptr;
        }
        return node;
    }

    QList<Token> m_tokens;
    qsizetype m_pos = 0;
    ExpressionSyntaxError *m_error;
};

} // namespace

std::unique_ptr<ExpressionNode> parseExpressionTree(const QString &text,
                                                    ExpressionSyntaxError *error)
{
    std::optional<QList<ExpressionToken>> tokens = tokenizeExpression(text, error);
    if (!tokens)
        return nullptr;
    return Parser(std::move(*tokens), error).parseAll();
}

} // namespace rs
