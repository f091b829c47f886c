//! The organisations room's UI text, in Swedish and English.

use crate::i18n::Lang;

pub struct OrgText {
    pub register_title: &'static str,
    pub register_lead: &'static str,
    pub register_button: &'static str,
    pub org_number: &'static str,
    pub org_number_hint: &'static str,
    pub name: &'static str,
    pub kind: &'static str,
    pub lan: &'static str,
    pub kommun: &'static str,
    pub kommun_none: &'static str,
    pub website: &'static str,
    pub website_hint: &'static str,
    pub verified: &'static str,
    pub not_verified: &'static str,
    pub created: &'static str,
    pub join_requested: &'static str,
    pub already_member: &'static str,
    pub members_heading: &'static str,
    pub pending_heading: &'static str,
    pub no_pending: &'static str,
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
}

pub fn text(lang: Lang) -> &'static OrgText {
    match lang {
        Lang::Sv => &SV,
        Lang::En => &EN,
    }
}

const SV: OrgText = OrgText {
    register_title: "Registrera en organisation",
    register_lead: "Du agerar i Samråd för en organisation. Finns den redan här blir \
        registreringen en ansökan om att gå med, som organisationens administratörer prövar.",
    register_button: "Registrera",
    org_number: "Organisationsnummer",
    org_number_hint: "Tio siffror, till exempel 212000-0142.",
    name: "Organisationens namn",
    kind: "Typ av organisation",
    lan: "Län",
    kommun: "Kommun",
    kommun_none: "Ingen (hela länet eller riket)",
    website: "Webbplats",
    website_hint: "Till exempel https://www.kommun.se",
    verified: "Verifierad",
    not_verified: "Inte verifierad än",
    created: "Organisationen är registrerad och du är dess administratör. En \
        webbplatsadministratör verifierar den.",
    join_requested: "Organisationen finns redan. Din ansökan om att gå med är skickad \
        till dess administratörer.",
    already_member: "Du är redan med i organisationen, eller har ansökt.",
    members_heading: "Personer",
    pending_heading: "Ansökningar",
    no_pending: "Inga ansökningar väntar.",
    approve: "Godkänn",
    refuse: "Avslå",
    make_admin: "Gör till administratör",
    role_admin: "administratör",
    role_member: "medlem",
    status_pending: "väntar på beslut",
    verify_button: "Markera som verifierad",
    my_organisations: "Mina organisationer",
    no_organisations: "Du hör inte till någon organisation än.",
    register_link: "Registrera en organisation eller ansök om att gå med",
    decided: "Beslutet är sparat.",
};

const EN: OrgText = OrgText {
    register_title: "Register an organisation",
    register_lead: "In Samråd you act for an organisation. If it is already here, the \
        registration becomes a request to join, decided by its administrators.",
    register_button: "Register",
    org_number: "Organisation number",
    org_number_hint: "Ten digits, for example 212000-0142.",
    name: "Name of the organisation",
    kind: "Kind of organisation",
    lan: "County",
    kommun: "Municipality",
    kommun_none: "None (the whole county or country)",
    website: "Website",
    website_hint: "For example https://www.kommun.se",
    verified: "Verified",
    not_verified: "Not verified yet",
    created: "The organisation is registered and you are its administrator. A site \
        administrator will verify it.",
    join_requested: "The organisation already exists. Your request to join has been sent \
        to its administrators.",
    already_member: "You are already a member of the organisation, or have asked to join.",
    members_heading: "People",
    pending_heading: "Requests",
    no_pending: "No requests are waiting.",
    approve: "Approve",
    refuse: "Refuse",
    make_admin: "Make administrator",
    role_admin: "administrator",
    role_member: "member",
    status_pending: "awaiting a decision",
    verify_button: "Mark as verified",
    my_organisations: "My organisations",
    no_organisations: "You do not belong to any organisation yet.",
    register_link: "Register an organisation or ask to join one",
    decided: "The decision is saved.",
};
