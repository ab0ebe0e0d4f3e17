// The register's checks of received leads; see lead_checks.h.
#include "register/lead_checks.h"

#include "common/content/builtin_content.h"
#include "common/content/content_pack.h"

#include <algorithm>

namespace flytthit::reg {

namespace {

// Lower case for ASCII and the Norwegian letters, enough to match ids and names typed by hand.
std::string folded(std::string text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == 0xc3 && i + 1 < text.size()) {
            const unsigned char next = static_cast<unsigned char>(text[i + 1]);
            // Æ Ø Å (and the other Latin-1 capitals) are 0x80..0x9e after 0xc3; lower case is +0x20.
            out += static_cast<char>(c);
            out += static_cast<char>(next >= 0x80 && next <= 0x9e && next != 0x97 ? next + 0x20 : next);
            ++i;
            continue;
        }
        out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    return out;
}

std::string id_list(const std::vector<KnownMunicipality>& known) {
    std::string list;
    for (const auto& municipality : known) list += (list.empty() ? "" : ", ") + municipality.id;
    return list;
}

}  // namespace

Result<std::vector<KnownMunicipality>> known_municipalities(const std::filesystem::path& dir) {
    const auto published = dir / "content";
    const auto source = std::filesystem::exists(published / "manifest.json") ? published : builtin_content_dir();
    const ContentLoad load = load_content_pack(source, ImageProblems::leave_picture_out);
    if (!load.pack) {
        return make_error("the register's content pack " + source.string() +
                              (load.problems.empty() ? std::string(" cannot be read") : ": " + load.problems[0].to_string()),
                          ErrorKind::unavailable);
    }
    std::vector<KnownMunicipality> known;
    for (const auto& municipality : load.pack->municipalities) known.push_back({municipality.id, municipality.name});
    return known;
}

void reject_unknown_municipalities(std::vector<protocol::ReceivedItem>& items, const std::vector<KnownMunicipality>& known) {
    auto is_known = [&](const std::string& id) {
        return std::any_of(known.begin(), known.end(), [&](const KnownMunicipality& m) { return m.id == id; });
    };
    for (auto& item : items) {
        if (!item.lead) continue;
        std::string problem;
        for (const auto& id : item.lead->draft.municipalities) {
            if (!is_known(id)) {
                problem = "municipalities: \"" + id.substr(0, 40) + "\" is not a municipality of this register (" +
                          id_list(known) + ")";
                break;
            }
        }
        const std::string& follow_up = item.lead->staff.follow_up;
        if (problem.empty() && !follow_up.empty() && !is_known(follow_up)) {
            problem = "staff.follow_up: \"" + follow_up.substr(0, 40) + "\" is not a municipality of this register";
        }
        if (!problem.empty()) {
            item.lead.reset();
            item.problem = problem;
        }
    }
}

Result<std::string> resolve_municipality(const std::string& typed, const std::vector<KnownMunicipality>& known) {
    const std::string wanted = folded(typed);
    for (const auto& municipality : known) {
        if (folded(municipality.id) == wanted || folded(municipality.name) == wanted) return municipality.id;
    }
    return make_error("no municipality \"" + typed + "\"; known ids: " + id_list(known), ErrorKind::bad_input);
}

}  // namespace flytthit::reg
