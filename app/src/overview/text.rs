//! The overview's words, in Swedish and English.

use super::TextKind;
use crate::i18n::Lang;

pub struct OverviewStrings {
    pub title: &'static str,
    pub lead: &'static str,
    pub failed: &'static str,

    pub start_heading: &'static str,
    pub confirm_email: &'static str,
    pub account_link: &'static str,
    pub no_organisation: &'static str,
    pub organisation_link: &'static str,
    pub verified_next: &'static str,
    pub no_network: &'static str,
    pub directory_link: &'static str,
    pub new_network_link: &'static str,

    pub waiting_heading: &'static str,
    pub waiting_empty: &'static str,
    pub join_request_from: &'static str,
    pub requested: &'static str,
    pub invitation_to: &'static str,
    pub invited_for: &'static str,
    pub invited_as: &'static str,
    pub latest: &'static str,
    pub minutes_to_approve: &'static str,
    pub summary_to_approve: &'static str,
    pub meeting_of: &'static str,
    pub written: &'static str,
    pub asks_to_join: &'static str,
    pub asked: &'static str,
    pub claims_link: &'static str,

    pub upcoming_heading: &'static str,
    pub upcoming_lead: &'static str,
    pub upcoming_empty: &'static str,
    pub my_networks_link: &'static str,
    pub meeting: &'static str,
    pub deadline: &'static str,
    pub online: &'static str,
    pub registered: &'static str,

    pub drafts_heading: &'static str,
    pub drafts_empty: &'static str,
    pub edited: &'static str,

    pub news_heading: &'static str,
    pub news_since: &'static str,
    pub news_first_visit: &'static str,
    pub news_empty: &'static str,
    pub all_needs_link: &'static str,
    pub need_shared: &'static str,
    pub shared_by: &'static str,
    pub need_changed: &'static str,
    pub status_now: &'static str,
    pub dialogue_planned: &'static str,
    pub dialogue_moved: &'static str,
    pub minutes_approved: &'static str,
    pub summary_approved: &'static str,
    pub new_member: &'static str,

    /// What the sections say before the person is in a network.
    pub after_joining: &'static str,
}

pub fn text(lang: Lang) -> &'static OverviewStrings {
    match lang {
        Lang::Sv => &SV,
        Lang::En => &EN,
    }
}

const SV: OverviewStrings = OverviewStrings {
    title: "Översikt",
    lead: "Det som väntar på dig, det som kommer och det som har hänt i dina nätverk.",
    failed: "Översikten kunde inte hämtas just nu. Ladda om sidan om en stund.",

    start_heading: "Kom igång",
    confirm_email: "Bekräfta din e-postadress först: öppna länken i mejlet vi skickade när du \
        skapade kontot. Sedan kan du registrera din organisation eller gå med i en som redan \
        finns i Samråd.",
    account_link: "Mitt konto",
    no_organisation: "Du hör inte till någon organisation än. I Samråd arbetar du alltid för \
        en organisation: sök upp din och be att få gå med, \
        eller registrera den om den inte finns än.",
    organisation_link: "Gå med i eller registrera en organisation",
    verified_next: "En administratör på Samråd kontrollerar att organisationen finns och att \
        den som registrerade den företräder den. När organisationen är verifierad kan ni gå \
        med i nätverk, dela behov och delta i dialoger, och det som väntar på dig visas här.",
    no_network: "Din organisation är inte med i något nätverk än. Hitta ett nätverk att \
        ansöka till, eller starta ett eget och bjud in andra organisationer.",
    directory_link: "Hitta ett nätverk",
    new_network_link: "Starta ett nätverk",

    waiting_heading: "Väntar på dig",
    waiting_empty: "Inget väntar på dig just nu. Här visas ansökningar, inbjudningar, \
        kravförslag och protokoll som du kan besluta om.",
    join_request_from: "Ansökan om medlemskap från",
    requested: "ansökte",
    invitation_to: "Inbjudan till",
    invited_for: "för",
    invited_as: "som",
    latest: "senast",
    minutes_to_approve: "Protokoll att godkänna:",
    summary_to_approve: "Sammanfattning att godkänna:",
    meeting_of: "mötet",
    written: "skrivet",
    asks_to_join: "vill gå med i",
    asked: "frågade",
    claims_link: "Organisationer att verifiera",

    upcoming_heading: "Kommande",
    upcoming_lead: "Möten och svarsdatum de kommande sex veckorna.",
    upcoming_empty: "Inga möten eller svarsdatum de kommande sex veckorna. Dialogerna och \
        deras möten finns på nätverkens sidor.",
    my_networks_link: "Dina nätverk",
    meeting: "Möte",
    deadline: "Sista svarsdag",
    online: "digitalt",
    registered: "Ni är anmälda",

    drafts_heading: "Dina utkast",
    drafts_empty: "Du har inga utkast. Ett behov som sparas som utkast syns bara för din \
        organisation, och här, tills ni delar det med nätverket.",
    edited: "ändrat",

    news_heading: "Nytt sedan ditt förra besök",
    news_since: "Sedan",
    news_first_visit: "De senaste två veckorna.",
    news_empty: "Inget nytt i dina nätverk sedan dess.",
    all_needs_link: "Alla behov i dina nätverk",
    need_shared: "Nytt behov:",
    shared_by: "från",
    need_changed: "Ändrat behov:",
    status_now: "nu",
    dialogue_planned: "Ny dialog:",
    dialogue_moved: "Ny status för dialogen",
    minutes_approved: "Protokoll godkänt:",
    summary_approved: "Sammanfattning godkänd:",
    new_member: "Ny medlem i",

    after_joining: "Här visas det som händer i dina nätverk när din organisation är med i ett.",
};

const EN: OverviewStrings = OverviewStrings {
    title: "Overview",
    lead: "What waits for you, what is coming up and what has happened in your networks.",
    failed: "The overview could not be loaded just now. Reload the page in a while.",

    start_heading: "Get started",
    confirm_email: "Confirm your email address first: open the link in the email we sent \
        when you created your account. Then you can register your organisation or join one \
        that is already in Samråd.",
    account_link: "My account",
    no_organisation: "You do not belong to an organisation yet. In Samråd you always act for \
        an organisation: find yours and ask to join it, or \
        register it if it is not here yet.",
    organisation_link: "Join or register an organisation",
    verified_next: "A Samråd administrator checks that the organisation exists and that the \
        person who registered it represents it. Once it is verified you can join networks, \
        share needs and take part in dialogues, and what waits for you appears here.",
    no_network: "Your organisation is not in any network yet. Find a network to apply to, or \
        start your own and invite other organisations.",
    directory_link: "Find a network",
    new_network_link: "Start a network",

    waiting_heading: "Waiting for you",
    waiting_empty: "Nothing is waiting for you right now. Requests, invitations, proposed \
        requirements and minutes you can decide on appear here.",
    join_request_from: "Request to join from",
    requested: "sent",
    invitation_to: "Invitation to",
    invited_for: "for",
    invited_as: "as",
    latest: "latest",
    minutes_to_approve: "Minutes to approve:",
    summary_to_approve: "Summary to approve:",
    meeting_of: "meeting of",
    written: "written",
    asks_to_join: "asks to join",
    asked: "asked",
    claims_link: "Organisations to verify",

    upcoming_heading: "Coming up",
    upcoming_lead: "Meetings and answer deadlines in the next six weeks.",
    upcoming_empty: "No meetings or answer deadlines in the next six weeks. The dialogues and \
        their meetings are on the networks' pages.",
    my_networks_link: "Your networks",
    meeting: "Meeting",
    deadline: "Answer deadline",
    online: "online",
    registered: "You are registered",

    drafts_heading: "Your drafts",
    drafts_empty: "You have no drafts. A need saved as a draft is seen only by your \
        organisation, and here, until you share it with the network.",
    edited: "edited",

    news_heading: "New since your last visit",
    news_since: "Since",
    news_first_visit: "The last two weeks.",
    news_empty: "Nothing new in your networks since then.",
    all_needs_link: "All needs in your networks",
    need_shared: "New need:",
    shared_by: "from",
    need_changed: "Changed need:",
    status_now: "now",
    dialogue_planned: "New dialogue:",
    dialogue_moved: "New status for the dialogue",
    minutes_approved: "Minutes approved:",
    summary_approved: "Summary approved:",
    new_member: "New member of",

    after_joining: "What happens in your networks appears here once your organisation is in one.",
};

/// "Uppsala och Lund", "Uppsala, Lund och Umeå".
pub fn names(list: &[String], lang: Lang) -> String {
    let and = match lang {
        Lang::Sv => " och ",
        Lang::En => " and ",
    };
    match list {
        [] => String::new(),
        [one] => one.clone(),
        [first @ .., last] => format!("{}{and}{last}", first.join(", ")),
    }
}

/// Organisations not yet verified: "Lunds kommun är inte verifierad än."
pub fn not_verified(list: &[String], lang: Lang) -> String {
    let names = names(list, lang);
    match (lang, list.len()) {
        (Lang::Sv, 1) => format!("{names} är inte verifierad än."),
        (Lang::Sv, _) => format!("{names} är inte verifierade än."),
        (Lang::En, 1) => format!("{names} is not verified yet."),
        (Lang::En, _) => format!("{names} are not verified yet."),
    }
}

/// Requests to belong to organisations, waiting for their admins.
pub fn pending(list: &[String], lang: Lang) -> String {
    let names = names(list, lang);
    match lang {
        Lang::Sv => format!(
            "Du har bett att få gå med i {names}. Organisationens administratör godkänner dig; \
             sedan visas det som väntar på dig här."
        ),
        Lang::En => format!(
            "You have asked to join {names}. The organisation's admin approves you; then what \
             waits for you appears here."
        ),
    }
}

/// "3 kravförslag att besluta om:", "1 proposed requirement to decide on:".
pub fn requirements(count: i64, lang: Lang) -> String {
    let n = lang.number(count);
    match (lang, count) {
        (Lang::Sv, _) => format!("{n} kravförslag att besluta om:"),
        (Lang::En, 1) => format!("{n} proposed requirement to decide on:"),
        (Lang::En, _) => format!("{n} proposed requirements to decide on:"),
    }
}

/// Organisations waiting for a site admin.
pub fn verification(count: i64, lang: Lang) -> String {
    let n = lang.number(count);
    match (lang, count) {
        (Lang::Sv, 1) => format!("{n} organisation väntar på verifiering"),
        (Lang::Sv, _) => format!("{n} organisationer väntar på verifiering"),
        (Lang::En, 1) => format!("{n} organisation waits for verification"),
        (Lang::En, _) => format!("{n} organisations wait for verification"),
    }
}

/// "2 nya frågor och svar:".
pub fn answers(count: i64, lang: Lang) -> String {
    let n = lang.number(count);
    match (lang, count) {
        (Lang::Sv, 1) => format!("{n} ny fråga med svar:"),
        (Lang::Sv, _) => format!("{n} nya frågor med svar:"),
        (Lang::En, 1) => format!("{n} new question and answer:"),
        (Lang::En, _) => format!("{n} new questions and answers:"),
    }
}

/// "2 nya kommentarer om".
pub fn comments(count: i64, lang: Lang) -> String {
    let n = lang.number(count);
    match (lang, count) {
        (Lang::Sv, 1) => format!("{n} ny kommentar om"),
        (Lang::Sv, _) => format!("{n} nya kommentarer om"),
        (Lang::En, 1) => format!("{n} new comment on"),
        (Lang::En, _) => format!("{n} new comments on"),
    }
}

pub fn to_approve(kind: TextKind, lang: Lang) -> &'static str {
    match kind {
        TextKind::Minutes => text(lang).minutes_to_approve,
        TextKind::Summary => text(lang).summary_to_approve,
    }
}

pub fn approved(kind: TextKind, lang: Lang) -> &'static str {
    match kind {
        TextKind::Minutes => text(lang).minutes_approved,
        TextKind::Summary => text(lang).summary_approved,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_lists_read_as_sentences() {
        assert_eq!(
            requirements(1, Lang::En),
            "1 proposed requirement to decide on:"
        );
        assert_eq!(
            verification(1, Lang::Sv),
            "1 organisation väntar på verifiering"
        );
        assert_eq!(
            verification(2, Lang::Sv),
            "2 organisationer väntar på verifiering"
        );
        assert_eq!(comments(1, Lang::Sv), "1 ny kommentar om");
        let three = ["Uppsala".to_string(), "Lund".into(), "Umeå".into()];
        assert_eq!(names(&three, Lang::Sv), "Uppsala, Lund och Umeå");
        assert_eq!(
            not_verified(&three[..1], Lang::Sv),
            "Uppsala är inte verifierad än."
        );
    }
}
