//! The organisations room's UI text, in Swedish and English. Texts with
//! `{namn}` or `{sok}` get a person's name or the search text put in.

use crate::i18n::Lang;

pub struct OrgText {
    pub page_title: &'static str,
    pub page_lead: &'static str,
    pub register_title: &'static str,
    pub register_lead: &'static str,
    pub register_button: &'static str,
    pub unverified_refusal_heading: &'static str,
    pub unverified_refusal: &'static str,
    pub unverified_refusal_link: &'static str,
    pub org_number: &'static str,
    pub org_number_hint: &'static str,
    pub name: &'static str,
    pub kind: &'static str,
    pub choose_kind: &'static str,
    pub lan: &'static str,
    pub choose_lan: &'static str,
    pub kommun: &'static str,
    pub kommun_hint: &'static str,
    pub kommun_none: &'static str,
    pub website: &'static str,
    pub website_hint: &'static str,
    pub search_heading: &'static str,
    pub search_lead: &'static str,
    pub search_label: &'static str,
    pub search_hint: &'static str,
    pub search_button: &'static str,
    pub hits_heading: &'static str,
    pub no_hits: &'static str,
    pub more_hits: &'static str,
    pub ask_to_join: &'static str,
    pub hit_pending: &'static str,
    pub hit_member: &'static str,
    pub hit_refused: &'static str,
    pub verified: &'static str,
    pub not_verified: &'static str,
    pub not_verified_explain: &'static str,
    pub verified_done: &'static str,
    pub created: &'static str,
    pub join_requested: &'static str,
    pub join_requested_unverified: &'static str,
    pub already_member: &'static str,
    pub members_heading: &'static str,
    pub pending_heading: &'static str,
    pub pending_lead: &'static str,
    pub no_pending: &'static str,
    pub request_email: &'static str,
    pub request_title: &'static str,
    pub request_no_title: &'static str,
    pub request_asked: &'static str,
    pub approve: &'static str,
    pub refuse: &'static str,
    pub make_admin: &'static str,
    pub role_admin: &'static str,
    pub role_member: &'static str,
    pub status_pending: &'static str,
    pub verify_button: &'static str,
    pub my_organisations: &'static str,
    pub no_organisations: &'static str,
    pub register_link: &'static str,
    pub decided: &'static str,
    pub role_changed: &'static str,
    pub removed: &'static str,
    pub demote_admin: &'static str,
    pub remove_member: &'static str,
    pub remove_explain: &'static str,
    pub remove_confirm: &'static str,
    pub confirm_label: &'static str,
    pub claims_heading: &'static str,
    pub claims_lead: &'static str,
    pub claims_for_admins: &'static str,
    pub no_claims: &'static str,
    pub competing_claims: &'static str,
    pub kind_kommun: &'static str,
    pub kind_region: &'static str,
    pub kind_statlig_myndighet: &'static str,
    pub kind_kommunalt_bolag: &'static str,
    pub kind_annan_upphandlande: &'static str,
}

pub fn text(lang: Lang) -> &'static OrgText {
    match lang {
        Lang::Sv => &SV,
        Lang::En => &EN,
    }
}

const SV: OrgText = OrgText {
    page_title: "Gå med i eller registrera en organisation",
    page_lead: "I Samråd agerar du för en organisation, till exempel din kommun eller region. \
        Finns den redan här ber du att få gå med; annars registrerar du den.",
    register_title: "Registrera en ny organisation",
    register_lead: "Finns organisationen inte i Samråd än, registrera den så blir du dess \
        administratör. Är numret redan registrerat blir registreringen en ansökan om att gå med.",
    register_button: "Registrera",
    unverified_refusal_heading: "Bekräfta din e-postadress först",
    unverified_refusal: "Organisationen är inte registrerad än, men det du skrev finns kvar \
        nedan. Öppna länken i mejlet vi skickade dig och skicka sedan formuläret igen. Har \
        mejlet inte kommit, välj Skicka länken igen under formuläret.",
    unverified_refusal_link: "Skicka länken igen",
    org_number: "Organisationsnummer",
    org_number_hint: "Tio siffror, till exempel 212000-0142.",
    name: "Organisationens namn",
    kind: "Typ av organisation",
    choose_kind: "Välj typ av organisation",
    lan: "Län",
    choose_lan: "Välj län",
    kommun: "Kommun",
    kommun_hint: "Obligatoriskt för en kommun.",
    kommun_none: "Ingen (hela länet eller riket)",
    website: "Webbplats",
    website_hint: "Till exempel www.kommun.se",
    search_heading: "Finns organisationen redan i Samråd?",
    search_lead: "Sök på en del av namnet eller på organisationsnumret. När du ber att få gå \
        med ser organisationens administratörer ditt namn, din e-postadress och din titel \
        (från Mitt konto).",
    search_label: "Sök organisation",
    search_hint: "En del av namnet, eller organisationsnumret.",
    search_button: "Sök",
    hits_heading: "Träffar för ”{sok}”",
    no_hits: "Ingen registrerad organisation matchar. Stämmer stavningen? Annars kan du \
        registrera organisationen nedan.",
    more_hits: "Fler organisationer matchar än de som visas. Skriv mer av namnet för att se färre.",
    ask_to_join: "Begär att gå med",
    hit_pending: "Du har bett att få gå med; beslutet väntar.",
    hit_member: "Du är med i organisationen.",
    hit_refused: "Din ansökan avslogs. Kontakta organisationen om det var fel.",
    verified: "Verifierad",
    not_verified: "Inte verifierad än.",
    not_verified_explain: "En av Samråds administratörer kontrollerar organisationen mot det \
        offentliga registret (organisationsnummer och namn) och vilka som gör anspråk på den. \
        Tills dess kan den inte vara med i nätverk, och bara Samråds administratörer beslutar om \
        vem som hör till den. Organisationens personer, och de som har bett att få gå med, får \
        ett mejl när den är verifierad.",
    verified_done: "Organisationen är verifierad. Dess personer har fått ett mejl om det.",
    created: "Organisationen är registrerad och du är dess administratör. En av Samråds \
        administratörer verifierar den; du får ett mejl när det är klart.",
    join_requested: "Din ansökan om att gå med är skickad till organisationens administratörer.",
    join_requested_unverified: "Din ansökan om att gå med är skickad. Organisationen är inte \
        verifierad än, så en av Samråds administratörer prövar ansökan när de kontrollerar \
        organisationen.",
    already_member: "Du är redan med i organisationen, eller har ansökt.",
    members_heading: "Personer",
    pending_heading: "Ansökningar",
    pending_lead: "Kontrollera att personen arbetar hos er innan du godkänner: namn, \
        e-postadress och titel är de som hen själv har angett.",
    no_pending: "Inga ansökningar väntar.",
    request_email: "E-postadress",
    request_title: "Titel",
    request_no_title: "Ingen titel angiven",
    request_asked: "Ansökte",
    approve: "Godkänn",
    refuse: "Avslå",
    make_admin: "Gör till administratör",
    role_admin: "administratör",
    role_member: "medlem",
    status_pending: "väntar på beslut",
    verify_button: "Markera som verifierad",
    my_organisations: "Mina organisationer",
    no_organisations: "Du hör inte till någon organisation än.",
    register_link: "Gå med i eller registrera en organisation",
    decided: "Beslutet är sparat.",
    role_changed: "Rollen är ändrad.",
    removed: "Personen är borttagen ur organisationen. Hens behörigheter via organisationen gäller inte längre.",
    demote_admin: "Gör till medlem",
    remove_member: "Ta bort {namn} ur organisationen",
    remove_explain: "{namn} tas bort ur organisationen och förlorar genast sina behörigheter \
        genom den, också i nätverken. Det går inte att ångra; vill hen tillbaka får hen ansöka igen.",
    remove_confirm: "Ja, ta bort {namn}",
    confirm_label: "Bekräftelse",
    claims_heading: "Organisationer som väntar på verifiering",
    claims_lead: "Här står varje registrerad organisation som inte är verifierad än, med alla som gör anspråk på den. Jämför organisationsnummer och namn med det offentliga registret, kontrollera vem som verkligen arbetar där, gör den personen till administratör, ta bort den som inte hör dit och verifiera sedan organisationen. Organisationens personer får då ett mejl.",
    claims_for_admins: "Sidan är till för Samråds administratörer.",
    no_claims: "Inga organisationer väntar på verifiering.",
    competing_claims: "Flera personer gör anspråk på samma organisationsnummer.",
    kind_kommun: "Kommun",
    kind_region: "Region",
    kind_statlig_myndighet: "Statlig myndighet",
    kind_kommunalt_bolag: "Kommunalt bolag",
    kind_annan_upphandlande: "Annan upphandlande organisation",
};

const EN: OrgText = OrgText {
    page_title: "Join or register an organisation",
    page_lead: "In Samråd you act for an organisation, such as your municipality or region. \
        If it is already here, ask to join it; otherwise register it.",
    register_title: "Register a new organisation",
    register_lead: "If the organisation is not in Samråd yet, register it and you become its \
        administrator. If the number is registered already, the registration becomes a request \
        to join.",
    register_button: "Register",
    unverified_refusal_heading: "Verify your email address first",
    unverified_refusal: "The organisation is not registered yet, but what you wrote is still \
        here below. Open the link in the email we sent you, then send the form again. If the \
        email has not arrived, choose Send the link again below the form.",
    unverified_refusal_link: "Send the link again",
    org_number: "Organisation number",
    org_number_hint: "Ten digits, for example 212000-0142.",
    name: "Name of the organisation",
    kind: "Kind of organisation",
    choose_kind: "Choose the kind of organisation",
    lan: "County",
    choose_lan: "Choose a county",
    kommun: "Municipality",
    kommun_hint: "Required of a municipality.",
    kommun_none: "None (the whole county or country)",
    website: "Website",
    website_hint: "For example www.kommun.se",
    search_heading: "Is the organisation in Samråd already?",
    search_lead: "Search for part of the name or for the organisation number. When you ask to \
        join, the organisation's administrators see your name, your email address and your \
        title (from My account).",
    search_label: "Find an organisation",
    search_hint: "Part of the name, or the organisation number.",
    search_button: "Search",
    hits_heading: "Results for “{sok}”",
    no_hits: "No registered organisation matches. Is the spelling right? Otherwise you can \
        register the organisation below.",
    more_hits: "More organisations match than are shown. Type more of the name to see fewer.",
    ask_to_join: "Ask to join",
    hit_pending: "You have asked to join; the decision is pending.",
    hit_member: "You are a member of the organisation.",
    hit_refused: "Your request was refused. Contact the organisation if that was a mistake.",
    verified: "Verified",
    not_verified: "Not verified yet.",
    not_verified_explain: "One of Samråd's administrators checks the organisation against the \
        public register (organisation number and name) and who claims it. Until then it cannot \
        take part in networks, and only Samråd's administrators decide who belongs to it. Its \
        people, and those who have asked to join, get an email once it is verified.",
    verified_done: "The organisation is verified. Its people have been sent an email about it.",
    created: "The organisation is registered and you are its administrator. One of Samråd's \
        administrators will verify it; you get an email when that is done.",
    join_requested: "Your request to join has been sent to the organisation's administrators.",
    join_requested_unverified: "Your request to join has been sent. The organisation is not \
        verified yet, so one of Samråd's administrators decides on it when they check the \
        organisation.",
    already_member: "You are already a member of the organisation, or have asked to join.",
    members_heading: "People",
    pending_heading: "Requests",
    pending_lead: "Check that the person works for you before approving: name, email address \
        and title are what they entered themselves.",
    no_pending: "No requests are waiting.",
    request_email: "Email address",
    request_title: "Title",
    request_no_title: "No title given",
    request_asked: "Asked",
    approve: "Approve",
    refuse: "Refuse",
    make_admin: "Make administrator",
    role_admin: "administrator",
    role_member: "member",
    status_pending: "awaiting a decision",
    verify_button: "Mark as verified",
    my_organisations: "My organisations",
    no_organisations: "You do not belong to any organisation yet.",
    register_link: "Join or register an organisation",
    decided: "The decision is saved.",
    role_changed: "The role is changed.",
    removed: "The person is removed from the organisation. Their rights through the organisation no longer apply.",
    demote_admin: "Make a member",
    remove_member: "Remove {namn} from the organisation",
    remove_explain: "{namn} is removed from the organisation and loses every right through it at \
        once, in the networks too. This cannot be undone; to come back they must ask to join again.",
    remove_confirm: "Yes, remove {namn}",
    confirm_label: "Confirmation",
    claims_heading: "Organisations awaiting verification",
    claims_lead: "Every registered organisation not yet verified, with everyone who claims it. Compare the organisation number and name with the public register, check who really works there, make that person an admin, remove anyone who does not belong, then verify the organisation. Its people then get an email.",
    claims_for_admins: "This page is for Samråd's administrators.",
    no_claims: "No organisations are awaiting verification.",
    competing_claims: "Several people claim the same organisation number.",
    kind_kommun: "Municipality",
    kind_region: "Region",
    kind_statlig_myndighet: "Government agency",
    kind_kommunalt_bolag: "Municipal company",
    kind_annan_upphandlande: "Other contracting organisation",
};

/// The mail that tells an organisation's people it is verified.
#[cfg(feature = "ssr")]
pub struct VerifiedMail {
    pub subject: &'static str,
    pub body: fn(name: &str, page: &str) -> String,
}

#[cfg(feature = "ssr")]
pub fn verified_mail(lang: Lang) -> &'static VerifiedMail {
    match lang {
        Lang::Sv => &VERIFIED_SV,
        Lang::En => &VERIFIED_EN,
    }
}

#[cfg(feature = "ssr")]
const VERIFIED_SV: VerifiedMail = VerifiedMail {
    subject: "Er organisation är verifierad i Samråd",
    body: |name, page| {
        format!(
            "Hej!\n\n{name} är nu verifierad i Samråd och kan vara med i beställarnätverk. \
             Har du bett att få gå med prövar organisationens administratörer nu din ansökan.\n\n{page}\n"
        )
    },
};

#[cfg(feature = "ssr")]
const VERIFIED_EN: VerifiedMail = VerifiedMail {
    subject: "Your organisation is verified in Samråd",
    body: |name, page| {
        format!(
            "Hello!\n\n{name} is now verified in Samråd and can take part in buyer networks. \
             If you asked to join it, its administrators now decide on your request.\n\n{page}\n"
        )
    },
};
