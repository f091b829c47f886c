//! Email verification's UI text, in Swedish and English.

use crate::i18n::Lang;

pub struct VerificationText {
    pub title: &'static str,
    pub lead: &'static str,
    pub button: &'static str,
    pub done: &'static str,
    pub reminder_before: &'static str,
    pub reminder_after: &'static str,
    pub resend_hint: &'static str,
    pub resend_button: &'static str,
    pub resent: &'static str,
    pub next_heading: &'static str,
    pub next_lead: &'static str,
    pub next_register: &'static str,
    pub next_join: &'static str,
    pub next_overview: &'static str,
    pub next_sign_in: &'static str,
}

pub fn text(lang: Lang) -> &'static VerificationText {
    match lang {
        Lang::Sv => &SV,
        Lang::En => &EN,
    }
}

const SV: VerificationText = VerificationText {
    title: "Bekräfta e-postadress",
    lead: "Bekräfta att e-postadressen är din genom att trycka på knappen.",
    button: "Bekräfta e-postadressen",
    done: "Din e-postadress är bekräftad.",
    reminder_before: "Din e-postadress är inte bekräftad än. Vi skickade en länk till ",
    reminder_after: ". Öppna den för att kunna registrera en organisation, gå med i nätverk \
        och skriva; tills dess kan du läsa.",
    resend_hint: "Hittar du inte mejlet? Titta i skräpposten, eller skicka en ny länk. \
        Länken gäller i 24 timmar.",
    resend_button: "Skicka länken igen",
    resent: "En ny länk är skickad. Öppna den inom 24 timmar.",
    next_heading: "Nästa steg",
    next_lead: "I Samråd agerar du för en organisation, till exempel din kommun eller region. \
        Finns den redan här ber du att få gå med; annars registrerar du den.",
    next_register: "Registrera din organisation",
    next_join: "Be att få gå med i en organisation som redan finns i Samråd",
    next_overview: "Gå till översikten",
    next_sign_in: "Logga in för att fortsätta",
};

const EN: VerificationText = VerificationText {
    title: "Verify email address",
    lead: "Confirm that the email address is yours by pressing the button.",
    button: "Verify the email address",
    done: "Your email address is verified.",
    reminder_before: "Your email address is not verified yet. We sent a link to ",
    reminder_after: ". Open it to register an organisation, join networks and write; until \
        then you can read.",
    resend_hint: "Cannot find the email? Look in the spam folder, or send a new link. The \
        link is valid for 24 hours.",
    resend_button: "Send the link again",
    resent: "A new link is sent. Open it within 24 hours.",
    next_heading: "Next step",
    next_lead: "In Samråd you act for an organisation, such as your municipality or region. \
        If it is already here, ask to join it; otherwise register it.",
    next_register: "Register your organisation",
    next_join: "Ask to join an organisation already in Samråd",
    next_overview: "Go to the overview",
    next_sign_in: "Sign in to continue",
};
