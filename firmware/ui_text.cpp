// The UI text catalogue in Norwegian Bokmål, English and Dutch; see ui_text.h.
#include "ui_text.h"

#include <array>

namespace flytthit {

namespace {

constexpr std::array catalogue{
    UiTextEntry{"attract.touch_to_start", "Trykk for å starte", "Touch to start", "Raak aan om te beginnen"},
    UiTextEntry{"attract.choose_language", "Språk", "Language", "Taal"},
    // Each language is named in itself, whatever language the screen is in.
    UiTextEntry{"language.nb", "Norsk", "Norsk", "Norsk"},
    UiTextEntry{"language.en", "English", "English", "English"},
    UiTextEntry{"language.nl", "Nederlands", "Nederlands", "Nederlands"},
    UiTextEntry{"jewel_box.title", "Smykkeskrinet", "The jewel box", "De juwelenkist"},
    UiTextEntry{"jewel_box.hint", "Trykk på smykkene som frister. Hver kommune har sin egen glans.",
                "Tap the jewels that tempt you. Every municipality has its own sparkle.",
                "Tik op de juwelen die u aanspreken. Elke gemeente heeft haar eigen glans."},
    UiTextEntry{"jewel_box.sign_up", "Meld interesse", "Register interest", "Interesse aanmelden"},
    UiTextEntry{"jewel_box.neighbour", "nabo", "neighbour", "buur"},
    UiTextEntry{"nav.back", "Tilbake", "Back", "Terug"},
    UiTextEntry{"nav.next", "Neste", "Next", "Volgende"},
    UiTextEntry{"nav.cancel", "Avbryt", "Cancel", "Annuleren"},
    UiTextEntry{"sign_up.household_title", "Om dere", "About you", "Over u"},
    UiTextEntry{"sign_up.adults", "Voksne", "Adults", "Volwassenen"},
    UiTextEntry{"sign_up.children", "Barn, fødselsår", "Children, year of birth", "Kinderen, geboortejaar"},
    UiTextEntry{"sign_up.add_child", "+ Barn", "+ Child", "+ Kind"},
    UiTextEntry{"sign_up.no_children", "Ingen barn lagt til", "No children added", "Geen kinderen toegevoegd"},
    UiTextEntry{"sign_up.chosen_places", "Kommuner dere er nysgjerrige på", "Places you are curious about",
                "Plaatsen waar u nieuwsgierig naar bent"},
    UiTextEntry{"sign_up.whole_region", "Hele Fjellregionen", "All of Fjellregionen", "Heel Fjellregionen"},
    UiTextEntry{"sign_up.topics", "Hva er viktig for dere?", "What matters to you?", "Wat is belangrijk voor u?"},
    UiTextEntry{"topic.work", "Arbeid", "Work", "Werk"},
    UiTextEntry{"topic.childhood", "Oppvekst", "Growing up", "Opgroeien"},
    UiTextEntry{"topic.housing", "Bolig", "Housing", "Wonen"},
    UiTextEntry{"topic.culture", "Kultur og friluftsliv", "Culture and outdoors", "Cultuur en natuur"},
    UiTextEntry{"topic.business", "Starte bedrift", "Starting a business", "Een bedrijf beginnen"},
    UiTextEntry{"sign_up.contact_title", "Hvordan når vi dere?", "How can we reach you?", "Hoe kunnen we u bereiken?"},
    UiTextEntry{"sign_up.name", "Navn", "Name", "Naam"},
    UiTextEntry{"sign_up.phone", "Telefon", "Phone", "Telefoon"},
    UiTextEntry{"sign_up.email", "E-post", "E-mail", "E-mail"},
    UiTextEntry{"sign_up.consent",
                "Ja, tilflyttervertene i kommunene jeg har valgt kan kontakte meg om å flytte hit.",
                "Yes, the hosts of the municipalities I chose may contact me about moving here.",
                "Ja, de gastheren van de gekozen gemeenten mogen contact met mij opnemen over verhuizen hierheen."},
    UiTextEntry{"sign_up.submit", "Send", "Send", "Versturen"},
    UiTextEntry{"sign_up.store_failed", "Vi fikk ikke lagret påmeldingen akkurat nå. Snakk gjerne med oss på standen.",
                "We could not save your sign-up just now. Please talk to us at the stand.",
                "We konden uw aanmelding nu niet opslaan. Spreek ons gerust aan bij de stand."},
    UiTextEntry{"thank_you.title", "Takk! Dere er registrert.", "Thank you! You are registered.",
                "Bedankt! U bent geregistreerd."},
    UiTextEntry{"thank_you.body", "Tilflyttervertene tar kontakt. Velkommen til Fjellregionen!",
                "The local hosts will be in touch. Welcome to Fjellregionen!",
                "De lokale gastheren nemen contact met u op. Welkom in Fjellregionen!"},
    UiTextEntry{"thank_you.done", "Ferdig", "Done", "Klaar"},
    UiTextEntry{"keyboard.space", "mellomrom", "space", "spatie"},
    UiTextEntry{"validation.name_missing", "Skriv navnet ditt.", "Please write your name.", "Vul uw naam in."},
    UiTextEntry{"validation.contact_missing", "Oppgi telefon eller e-post, så vi kan nå dere.",
                "Give a phone number or an e-mail address so we can reach you.",
                "Geef een telefoonnummer of e-mailadres zodat we u kunnen bereiken."},
    UiTextEntry{"validation.phone", "Bruk 8 siffer, eller + og landskode.", "Use 8 digits, or + and a country code.",
                "Gebruik 8 cijfers, of + en een landcode."},
    UiTextEntry{"validation.email", "E-postadressen ser ikke riktig ut.", "That e-mail address does not look right.",
                "Dat e-mailadres lijkt niet te kloppen."},
    UiTextEntry{"validation.consent_missing", "Kryss av for at vi kan kontakte deg.",
                "Please tick the box so we may contact you.", "Vink het vakje aan zodat we contact mogen opnemen."},
    UiTextEntry{"validation.adults", "Antall voksne må være mellom 1 og 10.", "The number of adults must be 1 to 10.",
                "Het aantal volwassenen moet tussen 1 en 10 liggen."},
    UiTextEntry{"validation.children", "Det er for mange barn på listen.", "There are too many children on the list.",
                "Er staan te veel kinderen op de lijst."},
    UiTextEntry{"validation.birth_year", "Et fødselsår ser ikke riktig ut.", "A year of birth does not look right.",
                "Een geboortejaar lijkt niet te kloppen."},
    UiTextEntry{"validation.unknown_municipality", "En ukjent kommune er valgt.", "An unknown municipality was chosen.",
                "Er is een onbekende gemeente gekozen."},
    UiTextEntry{"validation.unknown_topic", "Et ukjent tema er valgt.", "An unknown topic was chosen.",
                "Er is een onbekend onderwerp gekozen."},
    UiTextEntry{"validation.invalid_text", "Teksten inneholder tegn vi ikke kan lese.",
                "The text contains characters we cannot read.", "De tekst bevat tekens die we niet kunnen lezen."},
    UiTextEntry{"validation.too_long", "Teksten er for lang.", "The text is too long.", "De tekst is te lang."},
};

}  // namespace

std::string_view ui_text(Language language, std::string_view key) {
    for (const UiTextEntry& entry : catalogue) {
        if (entry.key != key) continue;
        switch (language) {
            case Language::nb: return entry.nb;
            case Language::en: return entry.en.empty() ? entry.nb : entry.en;
            case Language::nl: return entry.nl.empty() ? entry.nb : entry.nl;
        }
    }
    return key;
}

std::span<const UiTextEntry> ui_text_entries() { return catalogue; }

}  // namespace flytthit
