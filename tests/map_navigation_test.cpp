// The map screen's place in the kiosk's flow: reached from attract, the jewel box and a
// municipality page (which it highlights); Back returns where it came from; a jewel tapped on
// the map opens its page; not reachable from inside the sign-up.
#include "common/content/builtin_content.h"
#include "firmware/kiosk.h"
#include "tests/test_support.h"

#include <doctest/doctest.h>

using namespace flytthit;
using flytthit::test::TempDir;

namespace {

struct Stand {
    TempDir dir;
    LeadStore store = std::move(*LeadStore::open(dir.path()));
    ContentPack content = *load_content_pack(builtin_content_dir()).pack;
    Kiosk kiosk{store, content, KioskSettings{}, MonotonicClock::time_point{}};
    void apply(const Intent& intent) { kiosk.apply(intent, MonotonicClock::time_point{}); }
};

}  // namespace

TEST_CASE("the map opens from attract, the jewel box and a municipality page, and Back returns there") {
    Stand s;
    s.apply(intent::OpenMap{});
    CHECK(s.kiosk.screen() == ScreenId::map);
    CHECK(s.kiosk.map_highlight().empty());
    s.apply(intent::Back{});
    CHECK(s.kiosk.screen() == ScreenId::attract);

    s.apply(intent::Start{});
    s.apply(intent::OpenMap{});
    CHECK(s.kiosk.screen() == ScreenId::map);
    s.apply(intent::Back{});
    CHECK(s.kiosk.screen() == ScreenId::jewel_box);

    s.apply(intent::OpenMunicipality{"folldal"});
    s.apply(intent::OpenMap{});
    CHECK(s.kiosk.screen() == ScreenId::map);
    CHECK(s.kiosk.map_highlight() == "folldal");
    s.apply(intent::Back{});
    CHECK(s.kiosk.screen() == ScreenId::municipality);
    CHECK(s.kiosk.open_municipality()->id == "folldal");
}

TEST_CASE("a jewel tapped on the map opens its page, and the sign-up does not open the map") {
    Stand s;
    s.apply(intent::Start{});
    s.apply(intent::OpenMap{});
    s.apply(intent::OpenMunicipality{"holtalen"});
    CHECK(s.kiosk.screen() == ScreenId::municipality);
    CHECK(s.kiosk.open_municipality()->id == "holtalen");
    s.apply(intent::OpenSignUp{});
    REQUIRE(s.kiosk.screen() == ScreenId::sign_up_who);
    s.apply(intent::OpenMap{});
    CHECK(s.kiosk.screen() == ScreenId::sign_up_who);
}

TEST_CASE("a pack without a map opens no map - from attract, the jewel box or a municipality page") {
    TempDir dir;
    LeadStore store = std::move(*LeadStore::open(dir.path()));
    ContentPack content = *load_content_pack(builtin_content_dir()).pack;
    content.map = {};
    Kiosk kiosk{store, content, KioskSettings{}, MonotonicClock::time_point{}};
    const auto apply = [&](const Intent& intent) { kiosk.apply(intent, MonotonicClock::time_point{}); };
    CHECK_FALSE(kiosk.map_available());
    apply(intent::OpenMap{});
    CHECK(kiosk.screen() == ScreenId::attract);
    apply(intent::Start{});
    apply(intent::OpenMap{});
    CHECK(kiosk.screen() == ScreenId::jewel_box);
    apply(intent::OpenMunicipality{"folldal"});
    apply(intent::OpenMap{});
    CHECK(kiosk.screen() == ScreenId::municipality);
}
