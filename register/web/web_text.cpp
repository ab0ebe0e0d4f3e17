// The web app's catalogue and names; see web_text.h.
#include "register/web/web_text.h"

#include <array>
#include <map>

namespace flytthit::reg::web {

namespace {

struct Entry {
    const char* key;
    const char* nb;
    const char* en;
};

constexpr std::array catalogue{
    Entry{"app.title", "Flytthit vertsregister", "Flytthit host register"},
    Entry{"nav.inbox", "Innboks", "Inbox"},
    Entry{"nav.results", "Resultater", "Results"},
    Entry{"nav.users", "Brukere", "Users"},
    Entry{"nav.audit", "Logg over innsyn", "Audit log"},
    Entry{"nav.password", "Bytt passord", "Change password"},
    Entry{"nav.logout", "Logg ut", "Log out"},
    Entry{"nav.language", "English", "Norsk"},
    Entry{"login.title", "Logg inn", "Log in"},
    Entry{"login.username", "Brukernavn", "User name"},
    Entry{"login.password", "Passord", "Password"},
    Entry{"login.submit", "Logg inn", "Log in"},
    Entry{"login.wrong", "Feil brukernavn eller passord.", "Wrong user name or password."},
    Entry{"login.locked", "For mange feil forsøk. Vent litt og prøv igjen.", "Too many failed attempts. Wait a while and try again."},
    Entry{"login.expired", "Økten er utløpt. Logg inn igjen.", "Your session has expired. Please log in again."},
    Entry{"login.intro", "For kommunenes tilflytterverter og regionens koordinator.", "For the municipalities' hosts and the region's coordinator."},
    Entry{"inbox.title", "Innboks", "Inbox"},
    Entry{"inbox.count", "leads", "leads"},
    Entry{"inbox.new", "Ny", "New"},
    Entry{"inbox.empty", "Ingen leads passer filteret.", "No leads match the filter."},
    Entry{"inbox.filter", "Filtrer", "Filter"},
    Entry{"inbox.clear", "Nullstill", "Clear"},
    Entry{"filter.event", "Arrangement", "Event"},
    Entry{"filter.campaign", "Kampanje", "Campaign"},
    Entry{"filter.state", "Status", "State"},
    Entry{"filter.from", "Fra dato", "From date"},
    Entry{"filter.to", "Til dato", "To date"},
    Entry{"filter.query", "Søk på navn", "Search by name"},
    Entry{"filter.any", "Alle", "All"},
    Entry{"export.xlsx", "Last ned Excel (XLSX)", "Download Excel (XLSX)"},
    Entry{"export.csv", "Last ned CSV", "Download CSV"},
    Entry{"col.name", "Navn", "Name"},
    Entry{"col.phone", "Telefon", "Phone"},
    Entry{"col.email", "E-post", "E-mail"},
    Entry{"col.municipalities", "Kommuner", "Municipalities"},
    Entry{"col.owner", "Følges opp av", "Followed up by"},
    Entry{"col.state", "Status", "State"},
    Entry{"col.last_activity", "Siste aktivitet", "Last activity"},
    Entry{"col.created", "Registrert", "Signed up"},
    Entry{"col.received", "Mottatt", "Received"},
    Entry{"col.event", "Arrangement", "Event"},
    Entry{"col.campaign", "Kampanje", "Campaign"},
    Entry{"col.adults", "Voksne", "Adults"},
    Entry{"col.children", "Barn (fødselsår)", "Children (birth years)"},
    Entry{"col.topics", "Interesser", "Interests"},
    Entry{"col.free_text", "Fritekst", "Free text"},
    Entry{"col.profile", "Hvem", "Who"},
    Entry{"col.school_start", "Skolestart", "School start"},
    Entry{"col.business_idea", "Forretningsidé", "Business idea"},
    Entry{"col.tipper", "Tipset av", "Tip from"},
    Entry{"col.consent", "Samtykketekst", "Consent text"},
    Entry{"col.consent_at", "Samtykke gitt", "Consent given"},
    Entry{"col.device", "Kiosk", "Kiosk"},
    Entry{"col.rating", "Vurdering fra standen", "Rating at the stand"},
    Entry{"col.staff_note", "Notat fra standen", "Note from the stand"},
    Entry{"col.assisted", "Hjelp fra standen", "Helped by staff"},
    Entry{"col.language", "Språk", "Language"},
    Entry{"col.time_status", "Tid", "Time"},
    Entry{"col.id", "Id", "Id"},
    Entry{"lead.contact", "Kontakt", "Contact"},
    Entry{"lead.household", "Husstand", "Household"},
    Entry{"lead.answers", "Svar i kampanjen", "Campaign answers"},
    Entry{"lead.stand", "Fra standen", "From the stand"},
    Entry{"lead.follow_up", "Oppfølging", "Follow-up"},
    Entry{"lead.others", "Kommunenes oppfølging", "Follow-up by each municipality"},
    Entry{"lead.owner", "Eier", "Owner"},
    Entry{"lead.set_owner", "Sett eier", "Set owner"},
    Entry{"lead.activity", "Aktivitetslogg", "Activity log"},
    Entry{"lead.no_activity", "Ingen aktivitet ennå.", "No activity yet."},
    Entry{"lead.record", "Registrer", "Record"},
    Entry{"lead.recorded", "Registrert", "Recorded"},
    Entry{"lead.municipality", "Kommune", "Municipality"},
    Entry{"lead.new_state", "Ny status", "New state"},
    Entry{"lead.comment_only", "Bare kommentar", "Comment only"},
    Entry{"lead.moved_on", "Flyttedato", "Moving date"},
    Entry{"lead.note", "Notat", "Note"},
    Entry{"lead.erase", "Slett personopplysninger", "Erase personal data"},
    Entry{"lead.erase_explain", "Sletter navn, kontakt, fritekst og notater for godt. Tellingene beholdes.", "Deletes name, contact, free text and notes for good. The counts are kept."},
    Entry{"lead.erase_confirm", "Ja, personen har bedt om sletting", "Yes, the person asked to be erased"},
    Entry{"lead.back", "Tilbake til innboksen", "Back to the inbox"},
    Entry{"lead.corrected", "korrigert", "corrected"},
    Entry{"lead.approximate", "omtrentlig", "approximate"},
    Entry{"lead.yes", "ja", "yes"},
    Entry{"lead.no", "nei", "no"},
    Entry{"state.new", "Ny", "New"},
    Entry{"state.contacted", "Kontaktet", "Contacted"},
    Entry{"state.visit", "Besøk/møte", "Visit/meeting"},
    Entry{"state.moved", "Flyttet", "Moved"},
    Entry{"state.not_moving", "Flytter ikke", "Not moving"},
    Entry{"state.on_hold", "På vent", "On hold"},
    Entry{"state.withdrawn", "Trukket", "Withdrawn"},
    Entry{"state.comment", "Kommentar", "Comment"},
    Entry{"results.title", "Resultater", "Results"},
    Entry{"results.summary_interested", "interesserte", "interested"},
    Entry{"results.summary_moved", "har flyttet", "moved"},
    Entry{"results.summary_on_the_way", "på vei", "on the way"},
    Entry{"results.interested", "Interessert", "Interested"},
    Entry{"results.contacted", "Kontaktet", "Contacted"},
    Entry{"results.visited", "Besøk/møte", "Visited"},
    Entry{"results.moved", "Flyttet", "Moved"},
    Entry{"results.on_the_way", "På vei", "On the way"},
    Entry{"results.by_campaign", "Per kampanje", "By campaign"},
    Entry{"results.by_event", "Per arrangement", "By event"},
    Entry{"results.by_municipality", "Per kommune", "By municipality"},
    Entry{"results.retention", "Sletting etter avsluttet oppfølging (måneder)", "Erase after the follow-up ended (months)"},
    Entry{"results.save", "Lagre", "Save"},
    Entry{"results.note", "Tellingene beholdes når personopplysninger slettes.", "Counts are kept when personal data is erased."},
    Entry{"campaign.none", "Uten kampanje", "No campaign"},
    Entry{"users.title", "Brukere", "Users"},
    Entry{"users.role", "Rolle", "Role"},
    Entry{"users.reset", "Nytt passord", "New password"},
    Entry{"users.reset_submit", "Sett passord", "Set password"},
    Entry{"users.add", "Legg til bruker", "Add user"},
    Entry{"users.saved", "Lagret", "Saved"},
    Entry{"users.municipalities_hint", "Kommune-id-er, kommaseparert (bare verter)", "Municipality ids, comma separated (hosts only)"},
    Entry{"role.coordinator", "Koordinator", "Coordinator"},
    Entry{"role.host", "Vert", "Host"},
    Entry{"role.viewer", "Leser", "Viewer"},
    Entry{"audit.title", "Logg over innsyn og eksport", "Audit log of views and exports"},
    Entry{"audit.at", "Tid", "Time"},
    Entry{"audit.who", "Hvem", "Who"},
    Entry{"audit.what", "Hva", "What"},
    Entry{"audit.leads", "Leads", "Leads"},
    Entry{"password.title", "Bytt passord", "Change password"},
    Entry{"password.current", "Nåværende passord", "Current password"},
    Entry{"password.new", "Nytt passord", "New password"},
    Entry{"password.saved", "Passordet er byttet. Logg inn igjen.", "Password changed. Please log in again."},
    Entry{"error.not_found", "Finnes ikke", "Not found"},
    Entry{"error.not_found_text", "Siden eller leaden finnes ikke, eller du har ikke tilgang til den.", "The page or lead does not exist, or you have no access to it."},
    Entry{"error.forbidden", "Ikke tilgang", "No access"},
    Entry{"error.csrf", "Skjemaet var utløpt. Gå tilbake, last siden på nytt og prøv igjen.", "The form had expired. Go back, reload the page and try again."},
    Entry{"error.bad_input", "Noe i skjemaet var ikke gyldig", "Something in the form was not valid"},
    Entry{"error.refused", "Forespørselen ble avvist", "The request was refused"},
    Entry{"error.refused_text", "Nettleseren sendte noe registeret ikke tar imot. Gå tilbake og prøv igjen.", "The browser sent something the register does not accept. Go back and try again."},
    Entry{"error.too_large_text", "Skjemaet var for stort. Kort ned teksten og prøv igjen.", "The form was too large. Shorten the text and try again."},
    Entry{"error.unsupported_text", "Skjemaet kom i en form registeret ikke tar imot. Bruk skjemaet på siden.", "The form came in a form the register does not accept. Use the form on the page."},
    Entry{"error.failed", "Registeret kunne ikke gjøre det nå. Prøv igjen.", "The register could not do that now. Try again."},
};

std::string title_case_words(const std::string& id) {
    std::string out;
    bool start = true;
    for (char c : id) {
        if (c == '-' || c == '_') {
            out += ' ';
            start = true;
        } else {
            out += start && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
            start = false;
        }
    }
    return out;
}

}  // namespace

nlohmann::json texts(WebLanguage language) {
    nlohmann::json out = nlohmann::json::object();
    for (const Entry& entry : catalogue) {
        std::string key = entry.key;  // "app.title" -> {{t.app_title}}: Mustache reads dots as nesting
        for (char& c : key) c = c == '.' ? '_' : c;
        out[key] = language == WebLanguage::en ? entry.en : entry.nb;
    }
    return out;
}

std::string text(WebLanguage language, const std::string& key) {
    for (const Entry& entry : catalogue) {
        if (key == entry.key) return language == WebLanguage::en ? entry.en : entry.nb;
    }
    return key;
}

std::vector<std::string> text_keys() {
    std::vector<std::string> keys;
    for (const Entry& entry : catalogue) keys.emplace_back(entry.key);
    return keys;
}

std::string Names::municipality(const std::string& id) const {
    if (const Municipality* found = pack_.find_municipality(id)) return found->name;
    return id;
}

std::string Names::campaign(const std::string& id, WebLanguage language) const {
    if (id.empty()) return text(language, "campaign.none");
    if (const Campaign* found = pack_.find_campaign(id)) return found->name;
    return title_case_words(id);
}

std::string Names::topic(const std::string& id, WebLanguage language) const {
    static const std::map<std::string, std::pair<const char*, const char*>> topics{
        {"work", {"Arbeid", "Work"}},
        {"childhood", {"Oppvekst", "Growing up"}},
        {"housing", {"Bolig", "Housing"}},
        {"culture", {"Kultur og friluftsliv", "Culture and outdoors"}},
        {"business", {"Starte bedrift", "Starting a business"}},
    };
    const std::string key = "topic." + id;
    const std::string from_pack = pack_.text(language == WebLanguage::en ? Language::en : Language::nb, key);
    if (from_pack != key) return from_pack;
    const auto found = topics.find(id);
    if (found == topics.end()) return id;
    return language == WebLanguage::en ? found->second.second : found->second.first;
}

std::string Names::event(const std::string& id, WebLanguage) const { return title_case_words(id); }

std::string Names::state(const std::string& state, WebLanguage language) const {
    return text(language, state.empty() ? "state.comment" : "state." + state);
}

}  // namespace flytthit::reg::web
