// One table of leads for every export: the web app's XLSX and CSV and the CLI's `export`.
// The person's name first, names not ids, the follow-up state and last activity, times in
// Oslo time. XLSX gets typed cells (text phone numbers, real dates); CSV gets the same
// columns as text that spreadsheets cannot mistake for numbers or formulas.
#pragma once

#include "register/web/web_store.h"
#include "register/web/web_text.h"

#include <ostream>
#include <string>
#include <vector>

namespace flytthit::reg::web {

struct ExportCell {
    enum class Kind { text, datetime, number } kind = Kind::text;
    std::string text;  // for text; for datetime the UTC ISO 8601 moment; for number the digits
};

std::vector<std::string> export_header(WebLanguage language);
std::vector<ExportCell> export_row(const LeadView& lead, const Names& names, WebLanguage language);

// "+4791234567" / "912 34 567" -> "+47 912 34 567" (XLSX text cell).
std::string phone_display(const std::string& phone);
// For CSV: a Norwegian number as "912 34 567", others as "00<country> ...": never a leading
// + (a formula to Excel) and never bare digits (a number that loses its leading zeros).
std::string phone_for_csv(const std::string& phone);

// CSV: BOM, ';' between quoted fields, CRLF rows, formula triggers neutralised (csv_cell).
void write_csv(std::ostream& out, const std::vector<LeadView>& leads, const Names& names, WebLanguage language);
// XLSX with libxlsxwriter into path (a temporary file the caller removes).
Status write_xlsx(const std::string& path, const std::vector<LeadView>& leads, const Names& names,
                  WebLanguage language);

}  // namespace flytthit::reg::web
