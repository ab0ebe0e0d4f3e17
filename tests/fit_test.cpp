// Every screen fits: each visitor and staff screen rendered headless (real ImGui frames) in
// every language, at normal and large text, at 800x480, 1024x600, 1280x800 and 1920x1080,
// with the longest real content (every municipality and section, every campaign, the longest
// names a visitor can type). A screen fails on any text that was cut or ran out of its box,
// any glyph drawn past its clip rectangle or the display, any two texts that overlap, text
// lying on another control, or any touch target under 48 px or off the display.
#include "common/content/builtin_content.h"
#include "firmware/kiosk.h"
#include "firmware/staff/staff_pin.h"
#include "tests/test_support.h"
#include "ui/headless_driver.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <thread>
#include <map>
#include <sstream>

using namespace flytthit;
using namespace std::chrono_literals;
using flytthit::test::shared_font_cache_dir;
using flytthit::test::TempDir;

namespace {

const ImVec2 displays[] = {{800, 480}, {1024, 600}, {1280, 800}, {1920, 1080}};

std::string describe(ImVec2 display, Language language, bool large) {
    std::ostringstream out;
    out << static_cast<int>(display.x) << "x" << static_cast<int>(display.y) << " " << language_code(language)
        << (large ? " large" : " normal");
    return out.str();
}

std::string rect_text(ImVec2 min, ImVec2 max) {
    std::ostringstream out;
    out << "(" << static_cast<int>(min.x) << "," << static_cast<int>(min.y) << ")-(" << static_cast<int>(max.x) << ","
        << static_cast<int>(max.y) << ")";
    return out.str();
}

bool inside(ImVec2 min, ImVec2 max, ImVec4 clip, float slack) {
    return min.x >= clip.x - slack && min.y >= clip.y - slack && max.x <= clip.z + slack && max.y <= clip.w + slack;
}

// Glyphs in the frame's draw data that stick out of their clip rectangle or the display: the
// safety net under the text box's own reports (text that does not go through it, or a clip
// rectangle that cuts it). A glyph is a textured triangle; every other shape uses the atlas's
// white pixel (the test turns textured anti-aliased lines off).
std::vector<std::string> cut_glyphs(ImVec2 display, const std::vector<ui::ExemptRect>& exempt) {
    std::vector<std::string> found;
    const ImDrawData* data = ImGui::GetDrawData();
    if (data == nullptr) return found;
    const ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;
    const ImVec4 screen{0, 0, display.x, display.y};
    for (int list = 0; list < data->CmdListsCount; ++list) {
        const ImDrawList* draw = data->CmdLists[list];
        for (const ImDrawCmd& cmd : draw->CmdBuffer) {
            if (cmd.UserCallback != nullptr) continue;
            for (unsigned i = 0; i + 2 < cmd.ElemCount; i += 3) {
                const ImDrawVert* v[3];
                bool textured = false;
                for (int k = 0; k < 3; ++k) {
                    v[k] = &draw->VtxBuffer[static_cast<int>(cmd.VtxOffset + draw->IdxBuffer[static_cast<int>(cmd.IdxOffset + i) + k])];
                    if (v[k]->uv.x != white.x || v[k]->uv.y != white.y) textured = true;
                }
                if (!textured) continue;
                ImVec2 min{FLT_MAX, FLT_MAX}, max{-FLT_MAX, -FLT_MAX};
                for (const auto* vertex : v) {
                    min = {std::min(min.x, vertex->pos.x), std::min(min.y, vertex->pos.y)};
                    max = {std::max(max.x, vertex->pos.x), std::max(max.y, vertex->pos.y)};
                }
                bool exempted = false;
                for (const auto& rect : exempt) {
                    exempted = exempted || (min.x < rect.max.x && rect.min.x < max.x && min.y < rect.max.y && rect.min.y < max.y);
                }
                if (exempted) continue;
                if (!inside(min, max, cmd.ClipRect, 0.5f) || !inside(min, max, screen, 0.5f)) {
                    found.push_back("glyph at " + rect_text(min, max) + " outside its clip " +
                                    rect_text({cmd.ClipRect.x, cmd.ClipRect.y}, {cmd.ClipRect.z, cmd.ClipRect.w}));
                    if (found.size() >= 3) return found;  // enough to find it
                }
            }
        }
    }
    return found;
}

bool overlap(ImVec2 a_min, ImVec2 a_max, ImVec2 b_min, ImVec2 b_max, float slack) {
    return a_min.x < b_max.x - slack && b_min.x < a_max.x - slack && a_min.y < b_max.y - slack && b_min.y < a_max.y - slack;
}
bool contains(ImVec2 outer_min, ImVec2 outer_max, ImVec2 min, ImVec2 max) {
    return inside(min, max, {outer_min.x, outer_min.y, outer_max.x, outer_max.y}, 1.0f);
}

// Every problem of the frame just drawn, one line each.
std::vector<std::string> frame_problems(const ui::HeadlessDriver& driver, ImVec2 display) {
    std::vector<std::string> problems;
    const ui::TextAudit& audit = driver.text_audit();
    const ui::KioskUi& ui = driver.ui();
    for (const auto& report : audit.reports()) {
        problems.push_back(std::string(report.kind == ui::TextProblem::cut ? "cut" : "overflow") + " \"" + report.text + "\" in " +
                           rect_text(report.box.pos, {report.box.pos.x + report.box.size.x, report.box.pos.y + report.box.size.y}));
    }
    for (auto& glyph : cut_glyphs(display, audit.exempt())) problems.push_back(glyph);
    // Texts over each other, in the same layer (the still-there question lies over the screen on purpose).
    const auto& drawn = audit.drawn();
    for (std::size_t i = 0; i < drawn.size(); ++i) {
        for (std::size_t j = i + 1; j < drawn.size(); ++j) {
            if (drawn[i].layer != drawn[j].layer || drawn[i].id == drawn[j].id) continue;
            if (overlap(drawn[i].min, drawn[i].max, drawn[j].min, drawn[j].max, 1.0f)) {
                problems.push_back("overlap \"" + drawn[i].text + "\" " + rect_text(drawn[i].min, drawn[i].max) + " and \"" +
                                   drawn[j].text + "\" " + rect_text(drawn[j].min, drawn[j].max));
            }
        }
    }
    // Text (and the shapes screens mark as solid, such as jewels) on a control it does not
    // belong to. Screen-wide catch-alls (touch anywhere to start) are not controls.
    // Over a modal question the controls below do not count: the question answers every touch.
    bool layered = false;
    for (const auto& shape : drawn) layered = layered || shape.layer > 0;
    const auto& targets = ui.touch_targets().all();
    auto background = [&](const ui::TouchTarget& target) {
        return target.name == "staff_corner" || target.size().x * target.size().y > display.x * display.y * 0.3f;
    };
    for (const auto& shape : drawn) {
        if (shape.layer != 0 || layered) continue;
        for (const auto& target : targets) {
            if (background(target) || contains(target.min, target.max, shape.min, shape.max)) continue;
            if (overlap(shape.min, shape.max, target.min, target.max, 1.0f)) {
                problems.push_back("\"" + shape.text + "\" " + rect_text(shape.min, shape.max) + " on the control " + target.name +
                                   " " + rect_text(target.min, target.max));
            }
        }
    }
    // A map name must read as its own point's: nearer it than any other jewel, dot or arrow,
    // unless a leader line joins them.
    const auto distance = [](ImVec2 min, ImVec2 max, ImVec2 p) {
        return std::hypot(std::clamp(p.x, min.x, max.x) - p.x, std::clamp(p.y, min.y, max.y) - p.y);
    };
    for (const auto& name : audit.map_names()) {
        if (name.leader) continue;
        const auto own = std::find_if(audit.map_points().begin(), audit.map_points().end(), [&](const auto& p) { return p.id == name.id; });
        if (own == audit.map_points().end()) {
            problems.push_back("map name \"" + name.text + "\" has no point");
            continue;
        }
        const float own_distance = distance(name.min, name.max, own->at);
        for (const auto& other : audit.map_points()) {
            if (other.id != name.id && distance(name.min, name.max, other.at) < own_distance) {
                problems.push_back("map name \"" + name.text + "\" " + rect_text(name.min, name.max) + " lies nearer " + other.id +
                                   " than its own point");
            }
        }
    }
    for (const auto& target : targets) {
        if (target.size().x < ui::min_touch_px - 0.01f || target.size().y < ui::min_touch_px - 0.01f) {
            problems.push_back("touch target " + target.name + " is " + std::to_string(static_cast<int>(target.size().x)) + "x" +
                               std::to_string(static_cast<int>(target.size().y)) + " px, under 48");
        }
        if (!inside(target.min, target.max, {0, 0, display.x, display.y}, 0.5f)) {
            problems.push_back("touch target " + target.name + " " + rect_text(target.min, target.max) + " off the display");
        }
    }
    return problems;
}

}  // namespace

namespace {

// The longest a visitor can type: the field limits, filled with real-looking names.
std::string longest(const std::string& pattern, std::size_t characters) {
    std::string text;
    std::size_t count = 0;
    for (std::size_t i = 0; count < characters; i = (i + 1) % pattern.size()) {
        const auto byte = static_cast<unsigned char>(pattern[i]);
        if ((byte & 0xC0) != 0x80) ++count;
        if (count > characters) break;
        text += pattern[i];
    }
    while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0xC0) text.pop_back();
    return text;
}
const std::string long_name =
    longest("Maximiliane Wilhelmina Ødegård-Brøndsted van den Oudenrijn-Håkonsdatter Wæhre Lindqvist Aasgaard ", max_name_length);
const std::string long_phone = "+31 6 1234 5678 9012";
const std::string long_email = "maximiliane.wilhelmina.odegard-brondsted@fjellregionen-kommune.example.no";
const std::string long_idea = longest("Gårdsbakeri med kafé, økologisk mel fra egen kvern og overnatting i stabburet for turgåere. ",
                                      max_business_idea_length);

std::string pin_hash() {
    static const std::string hash = *hash_pin("2468");  // Argon2id is slow on purpose: once per run
    return hash;
}

struct FitSession {
    FitSession(ImVec2 display, const std::string& campaign) : display(display), campaign_set(prepare(campaign)), driver(kiosk, display, start, shared_font_cache_dir(display)) {
        ImGui::GetStyle().AntiAliasedLinesUseTex = false;  // lines from the white pixel: textured triangles are glyphs
    }
    ImVec2 display;
    TempDir dir;
    LeadStore store = std::move(*LeadStore::open(dir.path()));
    ContentPack content = *load_content_pack(builtin_content_dir()).pack;
    bool campaign_set;
    MonotonicClock::time_point start{};
    Kiosk kiosk{store, content, settings(), start};
    ui::HeadlessDriver driver;

    KioskSettings settings() const {
        KioskSettings settings;
        settings.data_dir = dir.path();
        return settings;
    }
    bool prepare(const std::string& campaign) {
        REQUIRE(store.set_setting("staff_pin_hash", pin_hash()).ok());
        if (campaign.empty()) return false;
        REQUIRE(make_current_event(store, Event{"fair-" + campaign, "Fjellregionen på Boligmessen i Lillestrøm", "Lillestrøm",
                                                "2026-11-24", campaign, {}}).ok());
        return true;
    }
    void apply(const Intent& intent) { kiosk.apply(intent, driver.now()); }
    // A new visitor in this language and text size, on the attract screen.
    void reset(Language language, bool large) {
        driver.advance(200s);
        if (kiosk.screen() != ScreenId::attract) apply(intent::LeaveStaff{});
        driver.advance(200s);
        REQUIRE(kiosk.screen() == ScreenId::attract);
        apply(intent::ChooseLanguage{language});
        if (large != kiosk.large_text()) apply(intent::ToggleLargeText{});
    }
    // Frames until staff mode's workers (the Argon2id PIN check, the health read) are done. Bounded.
    void settle() {
        const auto deadline = std::chrono::steady_clock::now() + test::scaled(60s);
        while (kiosk.staff().busy()) {
            REQUIRE(std::chrono::steady_clock::now() < deadline);
            std::this_thread::sleep_for(2ms);
            driver.frame();
        }
    }
    void type(VisitorField field, const std::string& text) {
        apply(intent::FocusField{field});
        apply(intent::TypeText{text});
    }
};

struct Findings {
    // Only the screens a case is about (the large-text typing steps have a case of their own).
    std::function<bool(const std::string&)> wanted = [](const std::string&) { return true; };
    int screens = 0;
    std::vector<std::string> lines;
    std::map<std::string, int> per_screen;

    void check(FitSession& s, const std::string& screen, Language language, bool large) {
        s.driver.frame();
        if (!wanted(screen)) return;
        ++screens;
        const auto problems = frame_problems(s.driver, s.display);
        if (problems.empty()) return;
        const std::string where = screen + " @ " + describe(s.display, language, large);
        int counted = 0;
        for (const auto& problem : problems) {
            if (counted++ < 4) lines.push_back(where + ": " + problem);
        }
        if (counted > 0) per_screen[screen] += counted;
    }
    void report() const {
        std::ostringstream out;
        out << screens << " screens rendered; problems per screen:";
        for (const auto& [screen, count] : per_screen) out << " " << screen << "=" << count;
        out << "\n";
        for (std::size_t i = 0; i < lines.size() && i < 300; ++i) out << lines[i] << "\n";
        if (lines.size() > 300) out << "... and " << lines.size() - 300 << " more\n";
        MESSAGE(out.str());
        CHECK(lines.empty());
    }
};

// The typing steps in large text at 800x480: the tightest a header gets (the keyboard's 48 px
// keys below it), with a case of its own.
bool typing_step_screen(const std::string& screen, ImVec2 display, bool large) {
    const bool typing = screen.rfind("contact", 0) == 0 || screen.rfind("tipper", 0) == 0 || screen.rfind("business_idea", 0) == 0;
    return typing && large && display.x < 900;
}

const char* const campaigns[] = {"forste-klasse", "start-her", "savner-du-noen", "hesteriket"};

// Through every sign-up step of the session's campaign with the longest entries, checking
// each step (the contact step with its problems shown too), consent and the thank-you.
void sign_up(FitSession& s, Findings& findings, Language language, bool large) {
    s.apply(intent::Start{});
    for (const auto& municipality : s.content.municipalities) s.apply(intent::ToggleMunicipality{municipality.id});
    s.apply(intent::OpenSignUp{});
    for (int guard = 0; guard < 12 && s.kiosk.screen() != ScreenId::sign_up_consent; ++guard) {
        const ScreenId step = s.kiosk.screen();
        const std::string name(step_name(step));
        switch (step) {
            case ScreenId::sign_up_who: s.apply(intent::ChooseProfile{"returning"}); break;
            case ScreenId::sign_up_household:
                for (int i = 0; i < 8; ++i) s.apply(intent::ChangeAdults{+1});
                findings.check(s, name + " (no children)", language, large);
                for (int i = 0; i < max_children; ++i) s.apply(intent::AddChild{});
                break;
            case ScreenId::sign_up_school_start: s.apply(intent::ChangeSchoolStart{+1}); break;
            case ScreenId::sign_up_business_idea:
                findings.check(s, name + " (empty)", language, large);
                s.type(VisitorField::business_idea, long_idea);
                break;
            case ScreenId::sign_up_tipper: s.type(VisitorField::tipper_name, long_name); break;
            case ScreenId::sign_up_interests:
                for (std::string_view topic : topic_ids) s.apply(intent::ToggleTopic{std::string(topic)});
                break;
            case ScreenId::sign_up_contact:
                s.type(VisitorField::name, long_name);
                s.type(VisitorField::phone, "1234");
                s.apply(intent::Next{});  // refused: the phone is wrong, and the problem shows
                findings.check(s, name + " (problem)", language, large);
                s.type(VisitorField::email, long_email);
                s.apply(intent::FocusField{VisitorField::phone});
                findings.check(s, name + " (phone keypad)", language, large);
                s.apply(intent::Backspace{});
                s.apply(intent::Backspace{});
                s.apply(intent::Backspace{});
                s.apply(intent::Backspace{});
                s.apply(intent::TypeText{long_phone});
                s.apply(intent::FocusField{VisitorField::name});
                break;
            default: break;
        }
        findings.check(s, name, language, large);
        s.apply(intent::Next{});
        if (s.kiosk.screen() == step) FAIL_CHECK("stuck on " << name << " @ " << describe(s.display, language, large));
        if (s.kiosk.screen() == step) return;
    }
    REQUIRE(s.kiosk.screen() == ScreenId::sign_up_consent);
    s.apply(intent::Submit{});  // without consent: the problem shows
    findings.check(s, "consent (problem)", language, large);
    s.apply(intent::ToggleConsent{});
    findings.check(s, "consent", language, large);
    s.apply(intent::Submit{});
    REQUIRE(s.kiosk.screen() == ScreenId::thank_you);
    findings.check(s, "thank_you", language, large);
}

template <typename Visit>
void for_every_configuration(const std::string& campaign, Visit visit) {
    for (const ImVec2 display : displays) {
        FitSession s(display, campaign);
        for (Language language : all_languages) {
            for (bool large : {false, true}) visit(s, language, large);
        }
    }
}

}  // namespace

TEST_CASE("every exploring screen fits: attract, jewel box, every municipality page and section, work for two, region, map") {
    Findings findings;
    for_every_configuration("", [&](FitSession& s, Language language, bool large) {
        s.reset(language, large);
        findings.check(s, "attract", language, large);
        s.apply(intent::Start{});
        findings.check(s, "jewel_box", language, large);
        for (const auto& municipality : s.content.municipalities) s.apply(intent::ToggleMunicipality{municipality.id});
        findings.check(s, "jewel_box (all chosen)", language, large);
        s.apply(intent::OpenWorkForTwo{});
        for (const auto& municipality : s.content.municipalities) {
            s.apply(intent::ChooseHome{municipality.id});
            findings.check(s, "work_for_two " + municipality.id, language, large);
        }
        s.apply(intent::Back{});
        s.apply(intent::OpenRegion{});
        findings.check(s, "region", language, large);
        s.apply(intent::Back{});
        s.apply(intent::OpenMap{});
        REQUIRE(s.kiosk.screen() == ScreenId::map);
        findings.check(s, "map", language, large);
        s.apply(intent::Back{});
        for (const auto& municipality : s.content.municipalities) {  // the map ringing each page's own place
            s.apply(intent::OpenMunicipality{municipality.id});
            s.apply(intent::OpenMap{});
            REQUIRE(s.kiosk.map_highlight() == municipality.id);
            findings.check(s, "map from " + municipality.id, language, large);
            s.apply(intent::Back{});
            s.apply(intent::Back{});
        }
        REQUIRE(s.kiosk.screen() == ScreenId::jewel_box);
        s.driver.advance(76s);  // the still-there question over the jewel box
        findings.check(s, "still_there", language, large);
    });
    findings.report();
}

TEST_CASE("every municipality page fits, each section") {
    Findings findings;
    for_every_configuration("", [&](FitSession& s, Language language, bool large) {
        s.reset(language, large);
        s.apply(intent::Start{});
        for (const auto& municipality : s.content.municipalities) {
            s.apply(intent::OpenMunicipality{municipality.id});
            for (std::string_view section : municipality_sections) {
                s.apply(intent::OpenSection{std::string(section)});
                findings.check(s, "municipality " + municipality.id + " " + std::string(section), language, large);
            }
            s.apply(intent::Back{});
        }
    });
    findings.report();
}

TEST_CASE("the consent step fits with the longest entries and every municipality chosen") {
    Findings findings;
    findings.wanted = [](const std::string& screen) { return screen.rfind("consent", 0) == 0; };
    for_every_configuration("", [&](FitSession& s, Language language, bool large) {
        s.reset(language, large);
        sign_up(s, findings, language, large);
    });
    findings.report();
}

TEST_CASE("the typing steps fit in large text at 800x480") {
    Findings findings;
    findings.wanted = [](const std::string& screen) { return typing_step_screen(screen, {800, 480}, true); };
    for (const std::string& campaign : {std::string(), std::string("start-her"), std::string("savner-du-noen")}) {
        FitSession s({800, 480}, campaign);
        for (Language language : all_languages) {
            s.reset(language, true);
            sign_up(s, findings, language, true);
        }
    }
    findings.report();
}

TEST_CASE("every sign-up step fits with the longest entries, without a campaign and with each campaign") {
    Findings findings;
    findings.wanted = [](const std::string& screen) { return screen.rfind("consent", 0) != 0; };
    for (const std::string& campaign : {std::string(), std::string(campaigns[0]), std::string(campaigns[1]), std::string(campaigns[2]),
                                       std::string(campaigns[3])}) {
        for_every_configuration(campaign, [&](FitSession& s, Language language, bool large) {
            s.reset(language, large);
            if (!campaign.empty()) {
                findings.check(s, "attract " + campaign, language, large);
                s.apply(intent::Start{});
                findings.check(s, "jewel_box " + campaign, language, large);
                s.reset(language, large);
            }
            sign_up(s, findings, language, large);
        });
    }
    findings.report();
}

TEST_CASE("every staff screen fits, the PIN pad included") {
    Findings findings;
    // The sign-up steps on the way (for a lead in the list) are checked in their own cases.
    findings.wanted = [](const std::string& screen) { return screen.rfind("staff_", 0) == 0 || screen.rfind("pin_pad", 0) == 0; };
    for_every_configuration("", [&](FitSession& s, Language language, bool large) {
        s.reset(language, large);
        if (!s.kiosk.confirmed_lead_id()) sign_up(s, findings, language, large);
        s.reset(language, large);
        s.apply(intent::OpenStaffEntry{});
        findings.check(s, "pin_pad", language, large);
        for (char digit : std::string("1111")) s.apply(intent::PinDigit{digit});
        s.apply(intent::PinSubmit{});
        s.settle();
        findings.check(s, "pin_pad (wrong PIN)", language, large);
        for (char digit : std::string("2468")) s.apply(intent::PinDigit{digit});
        s.apply(intent::PinSubmit{});
        s.settle();
        REQUIRE(s.kiosk.screen() == ScreenId::staff_home);
        findings.check(s, "staff_home", language, large);
        s.apply(intent::AskExitKiosk{});  // the question before leaving the kiosk, in place of staff home
        REQUIRE(s.kiosk.staff().exit_asked());
        findings.check(s, "staff_home (leave the kiosk?)", language, large);
        s.apply(intent::CancelExitKiosk{});
        const std::pair<ScreenId, const char*> pages[] = {{ScreenId::staff_event, "staff_event"},
                                                          {ScreenId::staff_leads, "staff_leads"},
                                                          {ScreenId::staff_sync, "staff_sync"},
                                                          {ScreenId::staff_export, "staff_export"},
                                                          {ScreenId::staff_clock, "staff_clock"}};
        for (const auto& [screen, name] : pages) {
            s.apply(intent::StaffGo{screen});
            s.settle();
            findings.check(s, name, language, large);
        }
        // The event and lead forms while a field is edited: the field and the whole keyboard.
        s.apply(intent::StaffGo{ScreenId::staff_event});
        s.apply(intent::StaffFocus{StaffField::event_name});
        findings.check(s, "staff_event (editing)", language, large);
        s.apply(intent::StaffGo{ScreenId::staff_leads});
        if (!s.kiosk.staff().leads_rows().empty()) {
            s.apply(intent::OpenLead{s.kiosk.staff().leads_rows().front().id});
            findings.check(s, "staff_lead", language, large);
            s.apply(intent::StaffFocus{StaffField::lead_note});
            findings.check(s, "staff_lead (editing)", language, large);
        }
        s.apply(intent::LeaveStaff{});
    });
    findings.report();
}
