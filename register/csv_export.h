// Leads as CSV for the municipalities' hosts: UTF-8 with a BOM and ';' between fields, so it
// opens right in Norwegian Excel and LibreOffice; every field quoted; cells a spreadsheet
// would run as a formula neutralised.
#pragma once

#include "register/register_store.h"

#include <ostream>
#include <string>
#include <string_view>

namespace flytthit::reg {

// One CSV cell: quoted, inner quotes doubled, and a leading = + - @ tab CR or LF prefixed
// with ' so the spreadsheet shows it as text instead of evaluating it (OWASP).
std::string csv_cell(std::string_view text);

void write_csv_header(std::ostream& out);  // the BOM and the header row
void write_csv_row(std::ostream& out, const StoredLead& stored);

}  // namespace flytthit::reg
