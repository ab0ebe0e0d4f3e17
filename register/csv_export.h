// The CSV cell encoder of every export (the web app's and the CLI's, both through
// register/web/export_rows.h): every field quoted; cells a spreadsheet would run as a
// formula neutralised.
#pragma once

#include <string>
#include <string_view>

namespace flytthit::reg {

// One CSV cell: quoted, inner quotes doubled, and a leading = + - @ tab CR or LF prefixed
// with ' so the spreadsheet shows it as text instead of evaluating it (OWASP).
std::string csv_cell(std::string_view text);

}  // namespace flytthit::reg
