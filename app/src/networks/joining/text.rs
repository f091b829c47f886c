//! Joining's own text, in Swedish and English: the confirmations of what
//! cannot be undone, and how joining's actions read in the network's log.
//! `{org}`, `{role}`, `{from}` and `{to}` are filled in where used.

use crate::i18n::Lang;

pub struct JoinText {
    pub membership_heading: &'static str,
    pub leave_open: &'static str,
    pub leave_explain: &'static str,
    pub leave_confirm: &'static str,
    pub refuse_open: &'static str,
    pub refuse_explain: &'static str,
    pub refuse_confirm: &'static str,
    pub log_join_requested: &'static str,
    pub log_join_approved: &'static str,
    pub log_join_refused: &'static str,
    pub log_left: &'static str,
    pub log_invited: &'static str,
    pub log_invitation_accepted: &'static str,
    pub log_invitation_declined: &'static str,
    pub log_role_changed: &'static str,
}

pub fn text(lang: Lang) -> &'static JoinText {
    match lang {
        Lang::Sv => &SV,
        Lang::En => &EN,
    }
}

const SV: JoinText = JoinText {
    membership_heading: "Er organisations medlemskap",
    leave_open: "Lämna nätverket för {org}",
    leave_explain: "{org} lämnar nätverket. Organisationens personer ser inte längre nätverkets \
        innehåll, och organisationens kalenderadress slutar gälla. Det som organisationen har \
        skrivit står kvar. För att komma tillbaka behöver organisationen ansöka eller bjudas in igen.",
    leave_confirm: "Ja, lämna nätverket",
    refuse_open: "Avslå ansökan från {org}",
    refuse_explain: "Ansökan från {org} avslås och beslutet loggas. Organisationen ser motiveringen \
        och kan inte bli medlem genom den här ansökan, bara genom att ansöka igen.",
    refuse_confirm: "Ja, avslå ansökan",
    log_join_requested: "{org} ansökte om medlemskap",
    log_join_approved: "Godkände ansökan från {org}",
    log_join_refused: "Avslog ansökan från {org}",
    log_left: "{org} lämnade nätverket",
    log_invited: "Bjöd in {org} som {role}",
    log_invitation_accepted: "{org} tackade ja till inbjudan",
    log_invitation_declined: "{org} tackade nej till inbjudan",
    log_role_changed: "Ändrade rollen för {org} från {from} till {to}",
};

const EN: JoinText = JoinText {
    membership_heading: "Your organisation's membership",
    leave_open: "Leave the network for {org}",
    leave_explain: "{org} leaves the network. The organisation's people no longer see the \
        network's content, and the organisation's calendar address stops working. What the \
        organisation wrote stays. To come back, the organisation must ask to join or be invited again.",
    leave_confirm: "Yes, leave the network",
    refuse_open: "Refuse the request from {org}",
    refuse_explain: "The request from {org} is refused and the decision logged. The organisation \
        sees the reason and cannot become a member through this request, only by asking again.",
    refuse_confirm: "Yes, refuse the request",
    log_join_requested: "{org} asked to join",
    log_join_approved: "Approved the request from {org}",
    log_join_refused: "Refused the request from {org}",
    log_left: "{org} left the network",
    log_invited: "Invited {org} as {role}",
    log_invitation_accepted: "{org} accepted the invitation",
    log_invitation_declined: "{org} declined the invitation",
    log_role_changed: "Changed the role of {org} from {from} to {to}",
};
