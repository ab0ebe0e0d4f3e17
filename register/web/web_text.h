// What the web app shows people: its own text catalogue in Norwegian Bokmål and English, and
// the names of municipalities, campaigns, topics and events from the register's content pack
// (never their ids).
#pragma once

#include "common/content/content_pack.h"

#include <nlohmann/json.hpp>

#include <string>

namespace flytthit::reg::web {

enum class WebLanguage { nb, en };

// Every catalogue entry in language, for the templates: "app.title" is {{t.app_title}}.
nlohmann::json texts(WebLanguage language);
// One entry; the key itself when it is missing (a test checks none is).
std::string text(WebLanguage language, const std::string& key);
// Every key of the catalogue, for the test that each has both languages.
std::vector<std::string> text_keys();

// Names from the content pack; the id itself, marked, only when the pack does not know it.
class Names {
public:
    explicit Names(ContentPack pack) : pack_(std::move(pack)) {}
    std::string municipality(const std::string& id) const;
    std::string campaign(const std::string& id, WebLanguage language) const;  // "" -> "no campaign"
    std::string topic(const std::string& id, WebLanguage language) const;
    // Events have no names in the pack: "oslo-plaza-2026" -> "Oslo Plaza 2026".
    std::string event(const std::string& id, WebLanguage language) const;
    std::string state(const std::string& state, WebLanguage language) const;
    const ContentPack& pack() const { return pack_; }

private:
    ContentPack pack_;
};

}  // namespace flytthit::reg::web
