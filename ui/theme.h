// The kiosk's colours. Text on background and on buttons meets WCAG AA contrast (4.5:1);
// meaning is never carried by colour alone (errors also carry a "!" and a message).
#pragma once

#include <imgui.h>

namespace flytthit::ui::theme {

inline constexpr ImU32 rgb(unsigned r, unsigned g, unsigned b, unsigned a = 255) {
    return (a << 24) | (b << 16) | (g << 8) | r;
}

inline constexpr ImU32 background_top = rgb(0x12, 0x1f, 0x33);
inline constexpr ImU32 background_bottom = rgb(0x07, 0x0d, 0x18);
inline constexpr ImU32 panel = rgb(0x1d, 0x2d, 0x45);
inline constexpr ImU32 panel_pressed = rgb(0x2b, 0x40, 0x60);
inline constexpr ImU32 text = rgb(0xf5, 0xf1, 0xe8);          // 14:1 on background
inline constexpr ImU32 text_muted = rgb(0xc4, 0xcb, 0xd6);    // 9:1 on background
inline constexpr ImU32 gold = rgb(0xe0, 0xb6, 0x52);          // the box's lining, primary buttons
inline constexpr ImU32 gold_pressed = rgb(0xb8, 0x92, 0x3a);
inline constexpr ImU32 on_gold = rgb(0x14, 0x14, 0x14);       // 10:1 on gold
inline constexpr ImU32 error = rgb(0xff, 0xb4, 0xa8);         // 10:1 on background
inline constexpr ImU32 field = rgb(0xfa, 0xf8, 0xf3);
inline constexpr ImU32 on_field = rgb(0x14, 0x14, 0x14);
inline constexpr ImU32 focus = rgb(0xe0, 0xb6, 0x52);

}  // namespace flytthit::ui::theme
