#pragma once

#include <QString>

namespace rs::cli {

// Whether standard input is a terminal (someone typing) rather than a pipe or file.
bool stdinIsInteractive();

// Reads one line from standard input without echoing it when a person types it; the trailing
// line break (\n or \r\n) is removed. A null string means end of input before any character.
QString readSecretLine();

} // namespace rs::cli
