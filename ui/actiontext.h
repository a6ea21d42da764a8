#pragma once

class QAction;
class QString;

namespace rs {

// Sets an action's menu text and its toolbar text. Qt's toolbar text drops '&' only, which
// leaves "拉取审批(F)" for the Chinese "拉取审批(&F)"; here the bracketed mnemonic and a trailing
// ellipsis go too.
void setActionText(QAction *action, const QString &text);

} // namespace rs
