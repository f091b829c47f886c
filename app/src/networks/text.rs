//! The networks room's UI text, in Swedish and English.

use super::{NetworkRole, NetworkStatus};
use crate::i18n::Lang;

pub struct NetText {
    pub new_title: &'static str,
    pub new_lead: &'static str,
    pub create: &'static str,
    pub name: &'static str,
    pub purpose: &'static str,
    pub purpose_hint: &'static str,
    pub organisation: &'static str,
    pub organisation_hint: &'static str,
    pub staircase: &'static str,
    pub regions: &'static str,
    pub regions_hint: &'static str,
    pub visibility: &'static str,
    pub listed: &'static str,
    pub hidden: &'static str,
    pub join_policy: &'static str,
    pub by_request: &'static str,
    pub by_invitation: &'static str,
    pub status: &'static str,
    pub members_heading: &'static str,
    pub needs_heading: &'static str,
    pub dialogues_heading: &'static str,
    pub members_only: &'static str,
    pub closed_notice: &'static str,
    pub dormant_notice: &'static str,
    pub feed: &'static str,
    pub feed_hint: &'static str,
    pub rotate_feed: &'static str,
    pub rotate_feed_hint: &'static str,
    pub feed_rotated: &'static str,
    pub change_status: &'static str,
    pub new_status: &'static str,
    pub reason: &'static str,
    pub audit_heading: &'static str,
    pub audit_when: &'static str,
    pub audit_who: &'static str,
    pub audit_what: &'static str,
    pub audit_why: &'static str,
    pub created: &'static str,
    pub status_changed: &'static str,
    pub no_verified_organisation: &'static str,
    pub request_heading: &'static str,
    pub request_button: &'static str,
    pub request_for: &'static str,
    pub motivation: &'static str,
    pub motivation_hint: &'static str,
    pub request_sent: &'static str,
    pub request_waiting: &'static str,
    pub request_refused: &'static str,
    pub requests_heading: &'static str,
    pub approve: &'static str,
    pub refuse: &'static str,
    pub refuse_reason: &'static str,
    pub decided: &'static str,
    pub leave_button: &'static str,
    pub left: &'static str,
    pub my_networks: &'static str,
    pub no_networks: &'static str,
    pub start_link: &'static str,
    pub download_csv: &'static str,
    pub themes: &'static str,
    pub themes_hint: &'static str,
    pub directory_title: &'static str,
    pub directory_lead: &'static str,
    pub filters_label: &'static str,
    pub search_label: &'static str,
    pub theme_filter: &'static str,
    pub lan_filter: &'static str,
    pub all_themes: &'static str,
    pub all_lan: &'static str,
    pub open_only: &'static str,
    pub search_button: &'static str,
    pub no_results: &'static str,
    pub next_page: &'static str,
    pub first_page: &'static str,
    pub pagination_label: &'static str,
    pub open_badge: &'static str,
    pub invite_heading: &'static str,
    pub org_number: &'static str,
    pub org_number_hint: &'static str,
    pub invite_role: &'static str,
    pub invite_button: &'static str,
    pub find_org_label: &'static str,
    pub find_button: &'static str,
    pub no_orgs_found: &'static str,
    pub invited_heading: &'static str,
    pub invited_notice: &'static str,
    pub invitations_heading: &'static str,
    pub invited_as: &'static str,
    pub accept: &'static str,
    pub decline: &'static str,
    pub welcome: &'static str,
    pub declined: &'static str,
    pub role_for: &'static str,
    pub change_role: &'static str,
    pub role_changed: &'static str,
    pub browse_link: &'static str,
    pub networks_nav: &'static str,
}

pub fn text(lang: Lang) -> &'static NetText {
    match lang {
        Lang::Sv => &SV,
        Lang::En => &EN,
    }
}

pub fn status_label(status: NetworkStatus, lang: Lang) -> &'static str {
    let sv = lang == Lang::Sv;
    match status {
        NetworkStatus::Forming => {
            if sv {
                "Under bildande"
            } else {
                "Forming"
            }
        }
        NetworkStatus::Active => {
            if sv {
                "Aktivt"
            } else {
                "Active"
            }
        }
        NetworkStatus::Dormant => {
            if sv {
                "Vilande"
            } else {
                "Dormant"
            }
        }
        NetworkStatus::Closed => {
            if sv {
                "Avslutat"
            } else {
                "Closed"
            }
        }
    }
}

pub fn role_label(role: NetworkRole, lang: Lang) -> &'static str {
    let sv = lang == Lang::Sv;
    match role {
        NetworkRole::Coordinator => {
            if sv {
                "samordnare"
            } else {
                "coordinator"
            }
        }
        NetworkRole::Member => {
            if sv {
                "medlem"
            } else {
                "member"
            }
        }
        NetworkRole::Observer => {
            if sv {
                "observatör"
            } else {
                "observer"
            }
        }
    }
}

const SV: NetText = NetText {
    new_title: "Starta ett beställarnätverk",
    new_lead: "Din organisation blir nätverkets samordnare. Nätverket är under bildande tills \
        samordnaren gör det aktivt.",
    create: "Starta nätverket",
    name: "Nätverkets namn",
    purpose: "Syfte",
    purpose_hint: "Vilka behov vill ni arbeta med tillsammans, och varför?",
    organisation: "För organisation",
    organisation_hint: "Organisationen måste vara verifierad.",
    staircase: "Fokus i innovationstrappan",
    regions: "Län",
    regions_hint: "Välj ett eller flera län där nätverket verkar.",
    visibility: "Synlighet",
    listed: "Listat: alla inloggade ser namn, syfte och medlemmar; bara medlemmar ser innehållet",
    hidden: "Dolt: bara medlemmar vet att nätverket finns",
    join_policy: "Hur organisationer går med",
    by_request: "Genom ansökan som samordnaren prövar",
    by_invitation: "Bara genom inbjudan",
    status: "Status",
    members_heading: "Medlemsorganisationer",
    needs_heading: "Behov",
    dialogues_heading: "Marknadsdialoger",
    members_only: "Innehållet visas bara för nätverkets medlemmar.",
    closed_notice: "Nätverket är stängt. Allt som finns här går att läsa och exportera, men inget kan ändras eller läggas till.",
    dormant_notice: "Nätverket är vilande. Ni kan läsa, kommentera och ändra som vanligt, men inga nya behov eller dialoger startas förrän samordnarna återaktiverar det.",
    feed: "Prenumerera på nätverkets kalender",
    feed_hint: "Adressen är hemlig och gäller för er organisation: den som har den ser nätverkets möten. Den slutar gälla om organisationen lämnar nätverket.",
    rotate_feed: "Byt ut alla kalenderadresser",
    rotate_feed_hint: "Om en adress har spridits: alla organisationers gamla adresser slutar gälla och var och en får en ny.",
    feed_rotated: "Kalenderadresserna är utbytta. Den nya adressen står här.",
    change_status: "Ändra status",
    new_status: "Ny status",
    reason: "Motivering",
    audit_heading: "Logg",
    audit_when: "När",
    audit_who: "Vem",
    audit_what: "Vad",
    audit_why: "Varför",
    created: "Nätverket är startat och din organisation är samordnare.",
    status_changed: "Statusen är ändrad.",
    no_verified_organisation:
        "Du behöver höra till en verifierad organisation för att starta ett nätverk.",
    request_heading: "Ansök om medlemskap",
    request_button: "Skicka ansökan",
    request_for: "För organisation",
    motivation: "Motivering",
    motivation_hint: "Varför vill organisationen vara med?",
    request_sent: "Ansökan är skickad till samordnarna.",
    request_waiting: "väntar på beslut",
    request_refused: "avslogs",
    requests_heading: "Ansökningar",
    approve: "Godkänn",
    refuse: "Avslå",
    refuse_reason: "Motivering (krävs för avslag)",
    decided: "Beslutet är sparat och loggat.",
    leave_button: "Lämna nätverket",
    left: "Organisationen har lämnat nätverket.",
    my_networks: "Mina nätverk",
    no_networks: "Dina organisationer är inte med i något nätverk än.",
    start_link: "Starta ett nytt beställarnätverk",
    download_csv: "Ladda ner loggen (CSV)",
    themes: "Teman (huvudgrupper i CPV)",
    themes_hint: "Välj de huvudgrupper i den gemensamma upphandlingsterminologin (CPV) som nätverkets behov hör till.",
    directory_title: "Beställarnätverk",
    directory_lead: "Hitta nätverk att gå med i. Dolda nätverk visas bara för sina medlemmar.",
    filters_label: "Sök och filtrera",
    search_label: "Namn innehåller",
    theme_filter: "Tema",
    lan_filter: "Län",
    all_themes: "Alla teman",
    all_lan: "Alla län",
    open_only: "Bara nätverk som tar emot ansökningar",
    search_button: "Sök",
    no_results: "Inga nätverk matchar sökningen.",
    next_page: "Nästa sida",
    first_page: "Första sidan",
    pagination_label: "Sidor",
    open_badge: "Tar emot ansökningar",
    invite_heading: "Bjud in en organisation",
    org_number: "Organisationsnummer",
    org_number_hint: "Tio siffror, till exempel 212000-0142.",
    invite_role: "Roll i nätverket",
    invite_button: "Bjud in",
    find_org_label: "Sök organisation på namn eller nummer",
    find_button: "Sök organisation",
    no_orgs_found: "Ingen organisation hittades.",
    invited_heading: "Inbjudna som inte svarat än",
    invited_notice: "Inbjudan är skickad och loggad.",
    invitations_heading: "Inbjudningar till dina organisationer",
    invited_as: "inbjuden som",
    accept: "Tacka ja",
    decline: "Tacka nej",
    welcome: "Organisationen är nu med i nätverket.",
    declined: "Inbjudan är avböjd.",
    role_for: "Roll för",
    change_role: "Ändra roll",
    role_changed: "Rollen är ändrad och loggad.",
    browse_link: "Hitta beställarnätverk",
    networks_nav: "Nätverk",
};

const EN: NetText = NetText {
    new_title: "Start a buyer network",
    new_lead: "Your organisation becomes the network's coordinator. The network is forming \
        until the coordinator makes it active.",
    create: "Start the network",
    name: "Name of the network",
    purpose: "Purpose",
    purpose_hint: "Which needs do you want to work on together, and why?",
    organisation: "For organisation",
    organisation_hint: "The organisation must be verified.",
    staircase: "Focus on the innovation staircase",
    regions: "Counties",
    regions_hint: "Choose one or more counties where the network works.",
    visibility: "Visibility",
    listed: "Listed: anyone signed in sees name, purpose and members; only members see the content",
    hidden: "Hidden: only members know the network exists",
    join_policy: "How organisations join",
    by_request: "By request, decided by the coordinator",
    by_invitation: "By invitation only",
    status: "Status",
    members_heading: "Member organisations",
    needs_heading: "Needs",
    dialogues_heading: "Market dialogues",
    members_only: "The content is shown only to the network's members.",
    closed_notice: "The network is closed. Everything here can be read and exported, but nothing can be changed or added.",
    dormant_notice: "The network is dormant. You can read, comment and edit as usual, but no new needs or dialogues start until the coordinators make it active again.",
    feed: "Subscribe to the network's calendar",
    feed_hint: "The address is secret and belongs to your organisation: whoever has it sees the network's meetings. It stops working if the organisation leaves the network.",
    rotate_feed: "Replace every calendar address",
    rotate_feed_hint: "If an address has spread: every organisation's old address stops working and each gets a new one.",
    feed_rotated: "The calendar addresses are replaced. The new address is shown here.",
    change_status: "Change status",
    new_status: "New status",
    reason: "Reason",
    audit_heading: "Log",
    audit_when: "When",
    audit_who: "Who",
    audit_what: "What",
    audit_why: "Why",
    created: "The network has started and your organisation is its coordinator.",
    status_changed: "The status is changed.",
    no_verified_organisation: "You need to belong to a verified organisation to start a network.",
    request_heading: "Ask to join",
    request_button: "Send the request",
    request_for: "For organisation",
    motivation: "Motivation",
    motivation_hint: "Why does the organisation want to join?",
    request_sent: "The request has been sent to the coordinators.",
    request_waiting: "awaiting a decision",
    request_refused: "was refused",
    requests_heading: "Requests",
    approve: "Approve",
    refuse: "Refuse",
    refuse_reason: "Reason (needed to refuse)",
    decided: "The decision is saved and logged.",
    leave_button: "Leave the network",
    left: "The organisation has left the network.",
    my_networks: "My networks",
    no_networks: "Your organisations are not in any network yet.",
    start_link: "Start a new buyer network",
    download_csv: "Download the log (CSV)",
    themes: "Themes (CPV divisions)",
    themes_hint: "Choose the divisions of the Common Procurement Vocabulary (CPV) that the network's needs belong to.",
    directory_title: "Buyer networks",
    directory_lead: "Find networks to join. Hidden networks are shown only to their members.",
    filters_label: "Search and filter",
    search_label: "Name contains",
    theme_filter: "Theme",
    lan_filter: "County",
    all_themes: "All themes",
    all_lan: "All counties",
    open_only: "Only networks that take requests",
    search_button: "Search",
    no_results: "No networks match the search.",
    next_page: "Next page",
    first_page: "First page",
    pagination_label: "Pages",
    open_badge: "Takes requests",
    invite_heading: "Invite an organisation",
    org_number: "Organisation number",
    org_number_hint: "Ten digits, for example 212000-0142.",
    invite_role: "Role in the network",
    invite_button: "Invite",
    find_org_label: "Find an organisation by name or number",
    find_button: "Find organisation",
    no_orgs_found: "No organisation was found.",
    invited_heading: "Invited, not yet answered",
    invited_notice: "The invitation has been sent and logged.",
    invitations_heading: "Invitations to your organisations",
    invited_as: "invited as",
    accept: "Accept",
    decline: "Decline",
    welcome: "The organisation is now in the network.",
    declined: "The invitation is declined.",
    role_for: "Role for",
    change_role: "Change role",
    role_changed: "The role is changed and logged.",
    browse_link: "Find buyer networks",
    networks_nav: "Networks",
};

/// "12 nätverk" / "1 network".
pub fn network_count(count: i64, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("{count} nätverk"),
        Lang::En if count == 1 => "1 network".to_string(),
        Lang::En => format!("{count} networks"),
    }
}

/// "3 medlemsorganisationer" / "1 member organisation".
pub fn member_count(count: i64, lang: Lang) -> String {
    match (lang, count) {
        (Lang::Sv, 1) => "1 medlemsorganisation".to_string(),
        (Lang::Sv, n) => format!("{n} medlemsorganisationer"),
        (Lang::En, 1) => "1 member organisation".to_string(),
        (Lang::En, n) => format!("{n} member organisations"),
    }
}
