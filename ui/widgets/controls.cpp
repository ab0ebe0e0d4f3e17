// The kiosk's touch controls; see controls.h.
#include "ui/widgets/controls.h"

#include "ui/theme.h"
#include "ui/widgets/text_box.h"
#include "ui/widgets/on_screen_keyboard.h"
#include "ui/text/ui_text.h"

namespace flytthit::ui {

namespace {

// Registers an invisible ImGui item over the rect and reports (hovered-held, tapped).
struct Interaction {
    bool held = false;
    bool tapped = false;
};

Interaction interact(UiFrame& frame, const std::string& name, ImVec2 pos, ImVec2 size) {
    Interaction result;
    if (size.x < 1.0f || size.y < 1.0f) return result;  // ImGui asserts on an item of no size
    frame.targets.add(name, pos, {pos.x + size.x, pos.y + size.y});
    ImGui::SetCursorScreenPos(pos);
    result.tapped = ImGui::InvisibleButton(name.c_str(), size);
    result.held = ImGui::IsItemActive();
    return result;
}

}  // namespace

float draw_text(ImFont* font, std::string_view text, ImVec2 pos, ImU32 colour, bool centred, float wrap_width) {
    const char* begin = text.data();
    const char* end = text.data() + text.size();
    const ImVec2 extent = font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap_width, begin, end);
    if (centred) pos.x -= extent.x / 2;
    ImGui::GetWindowDrawList()->AddText(font, font->FontSize, pos, colour, begin, end, wrap_width);
    return extent.y;
}

float draw_text_centred_wrapped(ImFont* font, std::string_view text, float centre_x, float y, ImU32 colour,
                                float wrap_width) {
    const char* line = text.data();
    const char* end = text.data() + text.size();
    const float start_y = y;
    while (line < end) {
        const char* line_end = font->CalcWordWrapPositionA(1.0f, line, end, wrap_width);
        if (line_end == line) ++line_end;  // a word wider than the line still moves on
        const ImVec2 extent = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, line, line_end);
        ImGui::GetWindowDrawList()->AddText(font, font->FontSize, {centre_x - extent.x / 2, y}, colour, line, line_end);
        y += font->FontSize;
        line = line_end;
        while (line < end && (*line == ' ' || *line == '\n')) ++line;
    }
    return y - start_y;
}

bool touch_button(UiFrame& frame, const std::string& name, std::string_view label, ImVec2 pos, ImVec2 size,
                  ButtonStyle style, ImFont* font) {
    const Interaction touch = interact(frame, name, pos, size);
    const bool primary = style == ButtonStyle::primary;
    const ImU32 fill = primary ? (touch.held ? theme::gold_pressed : theme::gold)
                               : (touch.held ? theme::panel_pressed : theme::panel);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 max{pos.x + size.x, pos.y + size.y};
    draw->AddRectFilled(pos, max, fill, frame.px(14));
    if (!primary) draw->AddRect(pos, max, theme::gold, frame.px(14), 0, frame.px(2));
    // A long label in a narrow button (Dutch, large text, 800x480) wraps or steps down.
    const float pad = std::min(frame.px(12), size.x / 8);
    const ImVec2 inset{std::max(pad, 4.0f), std::max(frame.px(4), 2.0f)};
    text_box(frame, label, {{pos.x + inset.x, pos.y + inset.y}, {size.x - inset.x * 2, size.y - inset.y * 2}},
             {font ? font : frame.fonts.large, primary ? theme::on_gold : theme::text, Align::centre, true});
    return touch.tapped;
}

bool toggle_chip(UiFrame& frame, const std::string& name, std::string_view label, bool on, ImVec2 pos, ImVec2 size) {
    const Interaction touch = interact(frame, name, pos, size);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 max{pos.x + size.x, pos.y + size.y};
    draw->AddRectFilled(pos, max, touch.held ? theme::panel_pressed : theme::panel, frame.px(12));
    draw->AddRect(pos, max, on ? theme::gold : theme::text_muted, frame.px(12), 0, frame.px(on ? 3 : 1.5f));
    const float box = size.y * 0.5f;
    const ImVec2 box_min{pos.x + frame.px(14), pos.y + (size.y - box) / 2};
    const ImVec2 box_max{box_min.x + box, box_min.y + box};
    draw->AddRect(box_min, box_max, theme::text, frame.px(4), 0, frame.px(2));
    if (on) {
        draw->AddRectFilled(box_min, box_max, theme::gold, frame.px(4));
        // A tick, so the state reads without colour.
        const ImVec2 a{box_min.x + box * 0.2f, box_min.y + box * 0.55f};
        const ImVec2 b{box_min.x + box * 0.42f, box_min.y + box * 0.78f};
        const ImVec2 c{box_min.x + box * 0.82f, box_min.y + box * 0.25f};
        draw->AddLine(a, b, theme::on_gold, frame.px(3.5f));
        draw->AddLine(b, c, theme::on_gold, frame.px(3.5f));
    }
    const float text_x = box_max.x + frame.px(12);
    text_box(frame, label, {{text_x, pos.y + 2}, {max.x - frame.px(8) - text_x, size.y - 4}},
             {frame.fonts.body, theme::text, Align::left, true});
    return touch.tapped;
}

ChipRows municipality_chip_rows(UiFrame& frame, const ContentPack& content, const std::string& prefix,
                                const std::function<bool(const std::string&)>& is_on, ImVec2 pos, float width) {
    const auto& municipalities = content.municipalities;
    ChipRows result;
    if (municipalities.empty()) return result;
    const float gap = frame.px(8);
    const float height = frame.touch(56);
    // A chip's room around its label (see toggle_chip): the tick box and the margins.
    const float around = frame.px(14) + height * 0.5f + frame.px(12) + frame.px(8);
    float widest = 0;
    for (const auto& municipality : municipalities) {
        const std::string& name = municipality.name;
        widest = std::max(widest, frame.fonts.body->CalcTextSizeA(frame.fonts.body->FontSize, FLT_MAX, 0, name.data(),
                                                                   name.data() + name.size()).x);
    }
    const auto count = static_cast<int>(municipalities.size());
    int columns = count;
    while (columns > 1 && (width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns) < widest + around) --columns;
    const int rows = (count + columns - 1) / columns;
    const float chip_width = (width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    for (int i = 0; i < count; ++i) {
        const auto& municipality = municipalities[static_cast<std::size_t>(i)];
        const ImVec2 at{pos.x + static_cast<float>(i % columns) * (chip_width + gap), pos.y + static_cast<float>(i / columns) * (height + gap)};
        if (toggle_chip(frame, prefix + municipality.id, municipality.name, is_on(municipality.id), at, {chip_width, height})) {
            result.tapped = municipality.id;
        }
    }
    result.height = static_cast<float>(rows) * height + static_cast<float>(rows - 1) * gap;
    return result;
}

float widest_language_name(ImFont* font) {
    float widest = 0;
    for (Language language : all_languages) {
        const auto label = ui_text(language, "language." + std::string(language_code(language)));
        widest = std::max(widest, font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label.data(), label.data() + label.size()).x);
    }
    return widest;
}

float language_bar(const Kiosk& kiosk, UiFrame& frame) {
    // Body-font labels: in large text a long one ("Nederlands") is tight at 800x480.
    // As wide as the longest name needs ("Nederlands" in large text), with room to spare.
    const float widest = frame.fonts.widest_language_name;
    const ImVec2 size{std::max({frame.px(150), 112.0f, widest + std::max(frame.px(12), 4.0f) * 2 + frame.px(8)}), frame.touch(56)};
    const ImVec2 toggle{frame.touch(80), size.y};
    const float gap = frame.px(10);
    const float y = frame.px(16);
    float x = frame.size.x - frame.px(20) - size.x * 3 - gap * 3 - toggle.x;
    const float left = x;
    for (Language language : all_languages) {
        const std::string code(language_code(language));
        const auto label = ui_text(language, "language." + code);
        const auto style = kiosk.language() == language ? ButtonStyle::primary : ButtonStyle::secondary;
        if (touch_button(frame, "lang:" + code, label, {x, y}, size, style, frame.fonts.body)) {
            frame.emit(intent::ChooseLanguage{language});
        }
        x += size.x + gap;
    }
    // "A+" with its state shown by fill and by the word under it, not by colour alone.
    const auto style = kiosk.large_text() ? ButtonStyle::primary : ButtonStyle::secondary;
    if (touch_button(frame, "large_text", kiosk.large_text() ? "A−" : "A+", {x, y}, toggle, style)) {
        frame.emit(intent::ToggleLargeText{});
    }
    return left;
}

namespace {

// The bottom bar's geometry, in one place: two buttons at the edges, room between them.
ImVec2 bottom_button_size(const UiFrame& frame) { return {frame.px(300), frame.touch(76)}; }
float bottom_bar_margin(const UiFrame& frame) { return frame.px(16); }
float bottom_bar_edge(const UiFrame& frame) { return frame.px(24); }

}  // namespace

float bottom_bar_height(const UiFrame& frame) { return bottom_button_size(frame).y + bottom_bar_margin(frame) * 2; }

Rect bottom_bar_middle(const UiFrame& frame) {
    const ImVec2 button = bottom_button_size(frame);
    const float left = bottom_bar_edge(frame) + button.x + frame.px(16);
    return {{left, frame.size.y - button.y - bottom_bar_margin(frame)}, {frame.size.x - left * 2, button.y}};
}

void bottom_message(UiFrame& frame, std::string_view message) {
    if (message.empty()) return;
    const std::string line = "! " + std::string(message);
    text_box(frame, line, bottom_bar_middle(frame), {frame.fonts.body, theme::error, Align::centre, true});
}

bool bottom_bar(UiFrame& frame, std::string_view back_label, std::string_view forward_label,
                const std::string& forward_name) {
    const ImVec2 size = bottom_button_size(frame);
    const float y = frame.size.y - size.y - bottom_bar_margin(frame);
    if (touch_button(frame, "back", back_label, {bottom_bar_edge(frame), y}, size)) frame.emit(intent::Back{});
    if (forward_label.empty()) return false;
    return touch_button(frame, forward_name, forward_label, {frame.size.x - size.x - bottom_bar_edge(frame), y}, size,
                        ButtonStyle::primary);
}

float step_header(const Kiosk& kiosk, UiFrame& frame, std::string_view title, float lowest) {
    const Language language = kiosk.language();
    const float bar_left = language_bar(kiosk, frame);
    const auto steps = kiosk.sign_up_steps();
    const std::size_t at = static_cast<std::size_t>(std::find(steps.begin(), steps.end(), kiosk.screen()) - steps.begin());
    const float margin_below = frame.px(14);
    const float band_bottom = frame.px(16) + frame.touch(56);  // the language bar's band
    const TextStyle title_style{frame.fonts.large, theme::gold};
    const float title_width = bar_left - frame.px(48);
    // The usual header: the progress line, then the title beside the language bar in the rest
    // of its band, two lines at least. When that ends below lowest: the dots alone in a thin
    // row, and the title, stepping its font down, in what remains.
    const float usual_top = frame.px(16) + (at < steps.size() ? frame.fonts.body->FontSize + frame.px(4) : 0.0f);
    const float usual_room = std::max(band_bottom - usual_top, frame.fonts.large->FontSize * 2);
    const float usual_height = measure_text(title, {title_width, usual_room}, title_style).size.y;
    const bool short_room = std::max(usual_top + usual_height, band_bottom) + margin_below > lowest;
    float y = short_room ? frame.px(8) : frame.px(16);
    if (at < steps.size()) {
        const float dot = short_room ? frame.px(5) : frame.px(7);
        float dots_left = frame.px(32);
        float row = dot * 2;
        if (!short_room) {
            const std::string progress = std::string(ui_text(language, "sign_up.step")) + " " + std::to_string(at + 1) + " " +
                                         std::string(ui_text(language, "sign_up.of")) + " " + std::to_string(steps.size());
            dots_left += text_box(frame, progress, {{frame.px(32), y}, {bar_left - frame.px(48), frame.fonts.body->FontSize}},
                                  {frame.fonts.body, theme::text_muted, Align::left, false, true}).size.x + frame.px(24) - dot;
            row = frame.fonts.body->FontSize;
        }
        // One dot a step: filled up to here, so progress reads at a glance.
        for (std::size_t i = 0; i < steps.size(); ++i) {
            const ImVec2 centre{dots_left + dot + static_cast<float>(i) * dot * 3.2f, y + row / 2};
            if (i <= at) ImGui::GetWindowDrawList()->AddCircleFilled(centre, dot, theme::gold);
            else ImGui::GetWindowDrawList()->AddCircle(centre, dot, theme::text_muted, 0, frame.px(2));
        }
        y += row + frame.px(4);
    }
    const float room = short_room ? std::max(lowest - margin_below - y, frame.fonts.large->FontSize * smallest_text_share) : usual_room;
    const float height = text_box(frame, title, {{frame.px(32), y}, {title_width, room}}, title_style).size.y;
    return std::min(std::max(y + height, band_bottom) + margin_below, lowest);
}

float page_header(const Kiosk& kiosk, UiFrame& frame, std::string_view title, std::string_view intro) {
    const float bar_left = language_bar(kiosk, frame);
    const float margin = frame.px(32);
    const float band = frame.px(16) + frame.touch(56);
    const float title_height = text_box(frame, title, {{margin, frame.px(12)}, {bar_left - margin - frame.px(16), band - frame.px(12)}},
                                        {frame.fonts.title, theme::gold, Align::left, true, true}).size.y;
    float y = std::max(frame.px(12) + title_height, band) + frame.px(10);
    // The introduction takes at most a seventh of the screen (stepping down if need be): the
    // page's content needs the rest.
    y += text_box(frame, intro, {{margin, y}, {frame.size.x - margin * 2, frame.size.y * 0.14f}}, {frame.fonts.body, theme::text}).size.y;
    return y + frame.px(14);
}

void stepper(UiFrame& frame, const std::string& name, const std::string& value, ImVec2 pos, float button,
             const Intent& minus, const Intent& plus) {
    if (touch_button(frame, name + ":-", "−", pos, {button, button})) frame.emit(minus);
    const float value_width = stepper_value_width(frame);
    text_box(frame, value, {{pos.x + button, pos.y}, {value_width, button}}, {frame.fonts.large, theme::text, Align::centre, true, true});
    if (touch_button(frame, name + ":+", "+", {pos.x + button + value_width, pos.y}, {button, button})) frame.emit(plus);
}

float stepper_value_width(const UiFrame& frame) {
    return frame.fonts.large->CalcTextSizeA(frame.fonts.large->FontSize, FLT_MAX, 0, "00000").x;
}

void staff_corner(UiFrame& frame) {
    const ImVec2 size{frame.px(90), frame.px(90)};
    if (size.x < 1.0f) return;
    frame.targets.add("staff_corner", {0, 0}, size);
    ImGui::SetCursorScreenPos({0, 0});
    ImGui::InvisibleButton("staff_corner", size);
    const ImGuiIO& io = ImGui::GetIO();
    constexpr float hold_seconds = 3.0f;
    if (ImGui::IsItemActive() && io.MouseDownDuration[0] >= hold_seconds && io.MouseDownDurationPrev[0] < hold_seconds) {
        frame.emit(intent::OpenStaffEntry{});
    }
}

float staff_header(UiFrame& frame, Language language, std::string_view title, bool is_home) {
    const float right = is_home ? frame.size.x - frame.px(staff_home_button_width) - frame.px(48) : frame.size.x - frame.px(220) - frame.px(48);
    text_box(frame, title, {{frame.px(32), frame.px(16)}, {right - frame.px(32), frame.px(100) - frame.px(24)}},
             {frame.fonts.title, theme::gold, Align::left, true, true});
    if (!is_home) {
        const ImVec2 size{frame.px(220), frame.touch(64)};
        if (touch_button(frame, "staff:home", ui_text(language, "staff.home_title"),
                         {frame.size.x - size.x - frame.px(24), frame.px(18)}, size)) {
            frame.emit(intent::StaffGo{ScreenId::staff_home});
        }
    }
    return frame.px(100);
}

bool staff_save_button(UiFrame& frame, Language language, const std::string& save_name) {
    const ImVec2 save{frame.px(300), frame.touch(76)};
    return touch_button(frame, save_name, ui_text(language, "staff.save"),
                        {frame.size.x - save.x - frame.px(24), frame.size.y - save.y - frame.px(20)}, save, ButtonStyle::primary);
}

bool staff_field_editor(UiFrame& frame, bool shift, Language language, const TextFieldView& field, float top) {
    const float margin = frame.px(32);
    const float gap = frame.px(20);
    const float width = frame.size.x - margin * 2;
    const ImVec2 done{frame.px(220), frame.touch(58)};
    draw_text_field(frame, field, {margin, top}, width - done.x - gap);
    // Level with the field's box, below its label.
    const float field_bottom = top + text_field_height(frame);
    const bool done_tapped = touch_button(frame, "staff:done", ui_text(language, "staff.keyboard_done"),
                                          {margin + width - done.x, field_bottom - done.y}, done, ButtonStyle::primary);
    const float keyboard_top = field_bottom + frame.px(14);
    const float keyboard_bottom = frame.size.y - frame.px(16);
    IM_ASSERT(keyboard_bottom - keyboard_top >= keyboard_min_height(frame) - 0.5f &&
              "the editor leaves the keyboard the height its 48 px keys need, on the smallest display");
    draw_keyboard(frame, KeyboardLayout::letters, shift, language, {margin, keyboard_top}, {width, keyboard_bottom - keyboard_top});
    return done_tapped;
}

}  // namespace flytthit::ui
