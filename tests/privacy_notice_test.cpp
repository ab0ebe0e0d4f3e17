// The privacy notice's version goes with the consent: the kiosk stores the version of the
// notice the pack showed beside the consent text's version, it survives a reopen of the
// store, and it crosses to the register in the lead's JSON (an older lead without it reads
// as empty). The screen that shows the notice is rendered in tests/ui_flow_test.cpp and the
// screenshots; check-content's refusal of a pack without one is in content_images_test.cpp.
#include "common/content/builtin_content.h"
#include "common/lead/lead_json.h"
#include "firmware/kiosk.h"
#include "tests/test_support.h"

#include <doctest/doctest.h>

using namespace flytthit;
using flytthit::test::TempDir;

namespace {

void sign_up(Kiosk& kiosk, MonotonicClock::time_point now, bool tick_consent) {
    auto apply = [&](const Intent& intent) { kiosk.apply(intent, now); };
    apply(intent::Start{});
    apply(intent::ToggleMunicipality{"tolga"});
    apply(intent::OpenSignUp{});
    apply(intent::Next{});
    apply(intent::ChangeAdults{+1});
    apply(intent::Next{});
    apply(intent::Next{});
    REQUIRE(kiosk.screen() == ScreenId::sign_up_contact);
    apply(intent::TypeText{"Kari"});
    apply(intent::FocusField{VisitorField::phone});
    apply(intent::TypeText{"91234567"});
    apply(intent::Next{});
    REQUIRE(kiosk.screen() == ScreenId::sign_up_consent);
    if (tick_consent) apply(intent::ToggleConsent{});
    apply(intent::Submit{});
}

}  // namespace

TEST_CASE("the privacy notice's version is stored with the consent and sent to the register") {
    TempDir dir;
    const ContentPack content = *load_content_pack(builtin_content_dir()).pack;
    REQUIRE(content.privacy.present());
    {
        auto store = LeadStore::open(dir.path());
        REQUIRE(store);
        Kiosk kiosk(*store, content, KioskSettings{}, MonotonicClock::time_point{});
        sign_up(kiosk, MonotonicClock::time_point{}, false);
        CHECK(kiosk.screen() == ScreenId::sign_up_consent);  // no consent, nothing stored
        CHECK(*store->count() == 0);
        kiosk.apply(intent::ToggleConsent{}, MonotonicClock::time_point{});
        kiosk.apply(intent::Submit{}, MonotonicClock::time_point{});
        CHECK(kiosk.screen() == ScreenId::thank_you);
    }
    auto reopened = LeadStore::open(dir.path());  // read back from the file, not from memory
    REQUIRE(reopened);
    auto pending = reopened->pending_leads(10);
    REQUIRE(pending);
    REQUIRE(pending->size() == 1);
    const Lead& lead = pending->front();
    CHECK(lead.draft.consent.text_version == consent_text_version);
    CHECK(lead.draft.privacy_notice_version == content.privacy.version);

    const auto wire = lead_to_wire(lead);
    CHECK(wire["consent"]["privacy_notice_version"] == content.privacy.version);
    auto received = lead_from_wire(wire);
    REQUIRE(received);
    CHECK(received->draft.privacy_notice_version == content.privacy.version);

    auto older = wire;
    older["consent"].erase("privacy_notice_version");
    auto old_lead = lead_from_wire(older);
    REQUIRE(old_lead);
    CHECK(old_lead->draft.privacy_notice_version.empty());
}
