// The kiosk's languages. Norwegian Bokmål is the source language every text falls back to.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace flytthit {

enum class Language { nb, en, nl };

inline constexpr std::array<Language, 3> all_languages{Language::nb, Language::en, Language::nl};

constexpr std::string_view language_code(Language language) {
    switch (language) {
        case Language::nb: return "nb";
        case Language::en: return "en";
        case Language::nl: return "nl";
    }
    return "nb";
}

constexpr std::optional<Language> language_from_code(std::string_view code) {
    for (Language language : all_languages) {
        if (language_code(language) == code) return language;
    }
    return std::nullopt;
}

}  // namespace flytthit
