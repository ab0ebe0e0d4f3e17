// The kiosk's touch controls, drawn with ImGui's draw list at sizes derived from the
// display. Each records its touch target and returns true when tapped; none holds state.
#pragma once

#include <cfloat>

#include "ui/widgets/text_field.h"

#include "firmware/kiosk.h"
#include "ui/ui_frame.h"

#include <functional>
#include <optional>
#include <string_view>

namespace flytthit::ui {

enum class ButtonStyle { primary, secondary };

// A large rounded button with its label centred; pressed feedback while held.
bool touch_button(UiFrame& frame, const std::string& name, std::string_view label, ImVec2 pos, ImVec2 size,
                  ButtonStyle style = ButtonStyle::secondary, ImFont* font = nullptr);

// A toggle drawn as a chip: a tick box and label; on state shown by fill and by a tick mark.
bool toggle_chip(UiFrame& frame, const std::string& name, std::string_view label, bool on, ImVec2 pos, ImVec2 size);

// Text drawn at pos, centred on pos.x when centred is true. Returns the height used.
float draw_text(ImFont* font, std::string_view text, ImVec2 pos, ImU32 colour, bool centred = false,
                float wrap_width = 0.0f);

// Text wrapped at wrap_width with every line centred on centre_x. Returns the height used.
float draw_text_centred_wrapped(ImFont* font, std::string_view text, float centre_x, float y, ImU32 colour,
                                float wrap_width);

// Toggle chips, one per municipality of the content, named <prefix><id>: in one row when
// every name fits its chip whole, else in as many rows as that takes. Returns the id tapped,
// if any, and the height the rows took.
struct ChipRows {
    std::optional<std::string> tapped;
    float height = 0;
};
ChipRows municipality_chip_rows(UiFrame& frame, const ContentPack& content, const std::string& prefix,
                                const std::function<bool(const std::string&)>& is_on, ImVec2 pos, float width);

// The widest of the languages' own names ("Nederlands") in font, for Fonts::widest_language_name.
float widest_language_name(ImFont* font);

// The language buttons and the large-text toggle at the top right of every visitor screen:
// switching keeps what was entered. Returns the bar's left edge, where a title must stop.
float language_bar(const Kiosk& kiosk, UiFrame& frame);

// Back (bottom left) and a forward action (bottom right) as every step of the flow has them.
// An empty forward_label draws no forward button. Returns true when forward was tapped.
bool bottom_bar(UiFrame& frame, std::string_view back_label, std::string_view forward_label,
                const std::string& forward_name);
// The height the bottom bar takes, margins included: content ends above it.
float bottom_bar_height(const UiFrame& frame);
// The room between the bottom bar's Back and forward buttons, for a third control or a message.
Rect bottom_bar_middle(const UiFrame& frame);
// A problem for the visitor, marked with "!", between the bottom bar's two buttons.
void bottom_message(UiFrame& frame, std::string_view message);

// A sign-up step's top: "Step 2 of 5" with one dot a step, the title and the language bar.
// Returns the y where the step's content starts, never below lowest: when the room is that
// short (a typing step's keyboard in large text at 800x480), the words "Step 2 of 5" give way
// to the dots alone and the title steps its font down to fit.
float step_header(const Kiosk& kiosk, UiFrame& frame, std::string_view title, float lowest = FLT_MAX);

// An exploring page's top (region, work for two): background, title, language bar, and an
// introduction wrapped across the page. Returns the y where the page's content starts.
float page_header(const Kiosk& kiosk, UiFrame& frame, std::string_view title, std::string_view intro);

// "−  value  +" with the value between two square buttons of side button. Targets are
// <name>:- and <name>:+. stepper_value_width is the room the value takes between them.
void stepper(UiFrame& frame, const std::string& name, const std::string& value, ImVec2 pos, float button,
             const Intent& minus, const Intent& plus);
float stepper_value_width(const UiFrame& frame);

// The hidden way into staff mode: a press held for three seconds in the top-left corner.
// Submit it before any larger item that covers the corner.
void staff_corner(UiFrame& frame);

// Staff home's column of task buttons is this wide (design pixels); its title stops before it.
inline constexpr float staff_home_button_width = 330;

// A staff screen's frame: background, title, and a Back button to staff home (unless this is
// home). Returns the y where content starts.
float staff_header(UiFrame& frame, Language language, std::string_view title, bool is_home = false);

// A staff form's Save button, at the bottom right. Returns true when it was tapped.
bool staff_save_button(UiFrame& frame, Language language, const std::string& save_name);

// A staff form while one of its fields is edited: that field across the screen from top with a
// Done button ("staff:done") beside it, and the on-screen keyboard over the whole width below,
// its keys at least min_touch_px. Returns true when Done was tapped.
bool staff_field_editor(UiFrame& frame, bool shift, Language language, const TextFieldView& field, float top);

}  // namespace flytthit::ui
