#pragma once

class QAbstractItemModel;
class QIODevice;
class QString;

namespace rs {

// Writes `model` as the clerk sees it (DisplayRole of every row and column, header titles first)
// in the CSV Excel opens without an import dialog on a Chinese Windows: UTF-8 with a BOM, CRLF
// line ends, RFC 4180 quoting. False with a translated `error` when the device refused the bytes.
bool writeCsv(QIODevice &device, const QAbstractItemModel &model, QString *error = nullptr);

// One cell, quoted when needed. A cell a spreadsheet would run as a formula (starting with
// = + @ tab or CR, or '-' unless the whole cell is a plain number such as -600.00 or -1,834.60)
// gets a leading apostrophe, so a message copied from an approval cannot execute in Excel. A cell
// of 12 or more digits only (审批编号) is written ="…", so Excel keeps all its digits as text.
QString csvField(const QString &text);

} // namespace rs
