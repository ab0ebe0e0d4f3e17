// CSV export; see csv_export.h.
#include "register/csv_export.h"

namespace flytthit::reg {

std::string csv_cell(std::string_view text) {
    std::string cell = "\"";
    if (!text.empty() && std::string_view("=+-@\t\r\n").find(text.front()) != std::string_view::npos) cell += '\'';
    for (char c : text) {
        if (c == '"') cell += '"';
        cell += c;
    }
    cell += '"';
    return cell;
}

}  // namespace flytthit::reg
