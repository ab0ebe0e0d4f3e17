// The export table, as CSV and XLSX; see export_rows.h.
#include "register/web/export_rows.h"

#include "register/csv_export.h"
#include "register/web/oslo_time.h"

#include <xlsxwriter.h>

namespace flytthit::reg::web {

namespace {

using nlohmann::json;

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
    return out;
}

std::string digits_of(const std::string& phone) {
    std::string out;
    for (char c : phone) {
        if ((c >= '0' && c <= '9') || (c == '+' && out.empty())) out += c;
    }
    return out;
}

std::string grouped_norwegian(const std::string& eight) {
    return eight.substr(0, 3) + " " + eight.substr(3, 2) + " " + eight.substr(5, 3);
}

std::string str(const json& object, const char* key) {
    if (!object.is_object() || !object.contains(key) || !object[key].is_string()) return "";
    return object[key].get<std::string>();
}

}  // namespace

std::string phone_display(const std::string& phone) {
    const std::string d = digits_of(phone);
    if (d.size() == 11 && d.rfind("+47", 0) == 0) return "+47 " + grouped_norwegian(d.substr(3));
    if (d.size() == 8 && d[0] != '+') return grouped_norwegian(d);
    return phone;
}

std::string phone_for_csv(const std::string& phone) {
    const std::string d = digits_of(phone);
    if (d.size() == 11 && d.rfind("+47", 0) == 0) return grouped_norwegian(d.substr(3));
    if (d.size() == 8 && d[0] != '+') return grouped_norwegian(d);
    if (!d.empty() && d[0] == '+') return "00" + d.substr(1, 2) + " " + d.substr(3);
    return phone;
}

std::vector<std::string> export_header(WebLanguage language) {
    std::vector<std::string> out;
    for (const char* key : {"col.name", "col.phone", "col.email", "col.municipalities", "col.owner", "col.state",
                            "col.last_activity", "col.created", "col.time_status", "col.received", "col.event",
                            "col.campaign", "col.adults", "col.children", "col.topics", "col.free_text", "col.profile",
                            "col.school_start", "col.business_idea", "col.tipper", "col.consent", "col.consent_at",
                            "col.device", "col.rating", "col.staff_note", "col.assisted", "col.language", "col.id"}) {
        out.push_back(text(language, key));
    }
    return out;
}

std::vector<ExportCell> export_row(const LeadView& lead, const Names& names, WebLanguage language) {
    using Kind = ExportCell::Kind;
    const json& l = lead.lead;
    std::vector<std::string> places, topics, children, states;
    for (const auto& m : lead.municipalities) {
        places.push_back(names.municipality(m));
        states.push_back(names.municipality(m) + ": " + names.state(lead.states.at(m), language));
    }
    if (l.contains("topics") && l["topics"].is_array()) {
        for (const auto& t : l["topics"]) {
            if (t.is_string()) topics.push_back(names.topic(t.get<std::string>(), language));
        }
    }
    const json household = l.value("household", json::object());
    if (household.contains("children_birth_years") && household["children_birth_years"].is_array()) {
        for (const auto& y : household["children_birth_years"]) {
            if (y.is_number_integer()) children.push_back(std::to_string(y.get<int>()));
        }
    }
    const json contact = l.value("contact", json::object());
    const json answers = l.value("answers", json::object());
    const json consent = l.value("consent", json::object());
    const int school_start = answers.is_object() && answers.contains("school_start_year") &&
                                     answers["school_start_year"].is_number_integer()
                                 ? answers["school_start_year"].get<int>()
                                 : 0;
    const int adults = household.is_object() && household.contains("adults") && household["adults"].is_number_integer()
                           ? household["adults"].get<int>()
                           : 0;
    const std::string profile = str(answers, "profile");
    return {
        {Kind::text, str(contact, "name")},
        {Kind::text, phone_display(str(contact, "phone"))},
        {Kind::text, str(contact, "email")},
        {Kind::text, joined(places)},
        {Kind::text, lead.owner.empty() ? "" : names.municipality(lead.owner)},
        {Kind::text, joined(states)},
        {lead.last_activity.empty() ? Kind::text : Kind::datetime, lead.last_activity},
        {Kind::datetime, lead.created_utc},
        {Kind::text, text(language, lead.time_status == "corrected" ? "lead.corrected" : "lead.approximate")},
        {Kind::datetime, lead.received_at},
        {Kind::text, names.event(str(l, "event_id"), language)},
        {Kind::text, names.campaign(str(l, "campaign_id"), language)},
        {Kind::number, std::to_string(adults)},
        {Kind::text, joined(children)},
        {Kind::text, joined(topics)},
        {Kind::text, str(l, "free_text")},
        {Kind::text, profile},
        {school_start ? Kind::number : Kind::text, school_start ? std::to_string(school_start) : ""},
        {Kind::text, str(answers, "business_idea")},
        {Kind::text, str(answers, "tipper_name")},
        {Kind::text, str(consent, "text_version")},
        {str(consent, "given_at").empty() ? Kind::text : Kind::datetime, str(consent, "given_at")},
        {Kind::text, lead.device},
        {Kind::text, lead.rating},
        {Kind::text, lead.staff_note},
        {Kind::text, text(language, l.value("staff_assisted", false) ? "lead.yes" : "lead.no")},
        {Kind::text, str(l, "language")},
        {Kind::text, lead.id},
    };
}

void write_csv(std::ostream& out, const std::vector<LeadView>& leads, const Names& names, WebLanguage language) {
    auto write_row = [&out](const std::vector<std::string>& cells) {
        for (std::size_t i = 0; i < cells.size(); ++i) out << (i ? ";" : "") << csv_cell(cells[i]);
        out << "\r\n";
    };
    out << "\xEF\xBB\xBF";
    write_row(export_header(language));
    for (const auto& lead : leads) {
        std::vector<std::string> cells;
        const auto row = export_row(lead, names, language);
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i == 1) {
                cells.push_back(phone_for_csv(str(lead.lead.value("contact", json::object()), "phone")));
            } else if (row[i].kind == ExportCell::Kind::datetime) {
                // "2026-12-01 22:15" in Oslo time: read as a date and time by Excel and LibreOffice.
                const std::string shown = oslo_display(row[i].text);
                cells.push_back(shown.empty() ? row[i].text
                                              : shown.substr(6, 4) + "-" + shown.substr(3, 2) + "-" + shown.substr(0, 2) +
                                                    shown.substr(10));
            } else {
                cells.push_back(row[i].text);
            }
        }
        write_row(cells);
    }
}

Status write_xlsx(const std::string& path, const std::vector<LeadView>& leads, const Names& names,
                  WebLanguage language) {
    lxw_workbook* workbook = workbook_new(path.c_str());
    if (workbook == nullptr) return make_error("cannot create the spreadsheet " + path, ErrorKind::failed);
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, "Leads");
    lxw_format* bold = workbook_add_format(workbook);
    format_set_bold(bold);
    lxw_format* when = workbook_add_format(workbook);
    format_set_num_format(when, "dd.mm.yyyy hh:mm");
    lxw_format* textual = workbook_add_format(workbook);
    format_set_num_format(textual, "@");
    const auto header = export_header(language);
    for (std::size_t c = 0; c < header.size(); ++c) {
        worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), header[c].c_str(), bold);
    }
    worksheet_set_column(sheet, 0, 0, 24, nullptr);
    worksheet_set_column(sheet, 1, 1, 16, textual);
    worksheet_set_column(sheet, 2, 2, 26, nullptr);
    worksheet_set_column(sheet, 3, 9, 18, nullptr);
    lxw_row_t r = 1;
    for (const auto& lead : leads) {
        const auto row = export_row(lead, names, language);
        for (std::size_t c = 0; c < row.size(); ++c) {
            const auto column = static_cast<lxw_col_t>(c);
            const ExportCell& cell = row[c];
            if (cell.kind == ExportCell::Kind::datetime) {
                const auto t = unix_from_utc(cell.text);
                if (t) {
                    const OsloTime o = oslo_from_unix(*t);
                    lxw_datetime moment{o.year, o.month, o.day, o.hour, o.minute, static_cast<double>(o.second)};
                    worksheet_write_datetime(sheet, r, column, &moment, when);
                    continue;
                }
            }
            if (cell.kind == ExportCell::Kind::number && !cell.text.empty()) {
                worksheet_write_number(sheet, r, column, std::stod(cell.text), nullptr);
            } else if (!cell.text.empty()) {
                worksheet_write_string(sheet, r, column, cell.text.c_str(), c == 1 ? textual : nullptr);
            }
        }
        ++r;
    }
    worksheet_freeze_panes(sheet, 1, 1);
    if (const lxw_error closed = workbook_close(workbook); closed != LXW_NO_ERROR) {
        return make_error("writing the spreadsheet " + path + ": " + lxw_strerror(closed), ErrorKind::failed);
    }
    return ok_status();
}

}  // namespace flytthit::reg::web
