#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace rs::cli {

struct Context;

// `secret set NAME`: stores a secret read from standard input in the OS keychain.
class SecretCommand final
{
    Q_DECLARE_TR_FUNCTIONS(rs::cli::SecretCommand)

public:
    static int run(const Context &context, const QStringList &arguments);
    static QString acceptedNames();
};

} // namespace rs::cli
