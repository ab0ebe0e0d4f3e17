// UTF-8 checks; see utf8.h.
#include "common/base/utf8.h"

namespace flytthit {

bool is_valid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t extra = 0;
        char32_t code = 0;
        if (lead < 0x80) { ++i; continue; }
        if ((lead & 0xE0) == 0xC0) { extra = 1; code = lead & 0x1F; }
        else if ((lead & 0xF0) == 0xE0) { extra = 2; code = lead & 0x0F; }
        else if ((lead & 0xF8) == 0xF0) { extra = 3; code = lead & 0x07; }
        else return false;
        if (i + extra >= text.size()) return false;  // truncated sequence
        for (std::size_t k = 1; k <= extra; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0) != 0x80) return false;
            code = (code << 6) | (next & 0x3F);
        }
        static constexpr char32_t smallest[] = {0, 0x80, 0x800, 0x10000};
        if (code < smallest[extra]) return false;                // overlong
        if (code > 0x10FFFF) return false;                       // beyond Unicode
        if (code >= 0xD800 && code <= 0xDFFF) return false;      // surrogate halves
        i += extra + 1;
    }
    return true;
}

std::size_t utf8_length(std::string_view text) {
    std::size_t count = 0;
    for (char c : text) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
    }
    return count;
}

void utf8_pop_back(std::string& text) {
    while (!text.empty()) {
        const auto last = static_cast<unsigned char>(text.back());
        text.pop_back();
        if ((last & 0xC0) != 0x80) return;  // removed the lead byte: one whole code point gone
    }
}

std::string initials_of(std::string_view name) {
    std::string initials;
    bool at_word_start = true;
    for (std::size_t i = 0; i < name.size();) {
        const auto lead = static_cast<unsigned char>(name[i]);
        const std::size_t length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
        const std::string_view character = name.substr(i, length);
        if (character == " " || character == "-") {
            at_word_start = true;
        } else if (at_word_start) {
            at_word_start = false;
            if (character.size() == 1 && character[0] >= 'a' && character[0] <= 'z') {
                initials += static_cast<char>(character[0] - 'a' + 'A');
            } else if (character == "æ") initials += "Æ";
            else if (character == "ø") initials += "Ø";
            else if (character == "å") initials += "Å";
            else initials += character;
        }
        i += length;
    }
    return initials;
}

std::string trim(std::string_view text) {
    const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    return std::string(text);
}

}  // namespace flytthit
