//! How joining's actions read in the network's log, in the reader's
//! language. The store records them (store.rs); the subjects it writes
//! are an organisation's name, "name (role)" for an invitation and
//! "name: role → role" for a role change, so the codes in them become the
//! room's own role labels here.

use super::text::text;
use crate::{
    i18n::Lang,
    networks::{text::role_label, NetworkRole},
};

/// A role code as the room names it; anything else stays as written.
fn role(code: &str, lang: Lang) -> String {
    NetworkRole::parse(code.trim())
        .map(|role| role_label(role, lang).to_string())
        .unwrap_or_else(|| code.trim().to_string())
}

/// "Region Uppsala (member)" → ("Region Uppsala", "member").
fn invited(subject: &str) -> Option<(&str, &str)> {
    subject.strip_suffix(')')?.rsplit_once(" (")
}

/// "Region Uppsala: member → coordinator" → (name, from, to).
fn role_change(subject: &str) -> Option<(&str, &str, &str)> {
    let (organisation, change) = subject.rsplit_once(": ")?;
    let (from, to) = change.split_once(" → ")?;
    Some((organisation, from, to))
}

crate::audit_text!("join_requested", |subject, lang| {
    text(lang).log_join_requested.replace("{org}", subject)
});

crate::audit_text!("join_approved", |subject, lang| {
    text(lang).log_join_approved.replace("{org}", subject)
});

crate::audit_text!("join_refused", |subject, lang| {
    text(lang).log_join_refused.replace("{org}", subject)
});

crate::audit_text!("left", |subject, lang| {
    text(lang).log_left.replace("{org}", subject)
});

crate::audit_text!("invited", |subject, lang| {
    let (organisation, code) = invited(subject).unwrap_or((subject, "member"));
    text(lang)
        .log_invited
        .replace("{org}", organisation)
        .replace("{role}", &role(code, lang))
});

crate::audit_text!("invitation_accepted", |subject, lang| {
    text(lang).log_invitation_accepted.replace("{org}", subject)
});

crate::audit_text!("invitation_declined", |subject, lang| {
    text(lang).log_invitation_declined.replace("{org}", subject)
});

crate::audit_text!("role_changed", |subject, lang| {
    let (organisation, from, to) = role_change(subject).unwrap_or((subject, "", ""));
    text(lang)
        .log_role_changed
        .replace("{org}", organisation)
        .replace("{from}", &role(from, lang))
        .replace("{to}", &role(to, lang))
});

#[cfg(test)]
mod tests {
    use crate::{core::audit::describe, i18n::Lang};

    #[test]
    fn joining_reads_as_words_with_the_rooms_role_labels() {
        assert_eq!(
            describe("invited", "Region Uppsala (observer)", Lang::Sv),
            "Bjöd in Region Uppsala som observatör"
        );
        assert_eq!(
            describe(
                "role_changed",
                "Kommun (Väst): member → coordinator",
                Lang::En
            ),
            "Changed the role of Kommun (Väst) from member to coordinator"
        );
        assert_eq!(
            describe(
                "role_changed",
                "Region Uppsala: member → coordinator",
                Lang::Sv
            ),
            "Ändrade rollen för Region Uppsala från medlem till samordnare"
        );
        assert_eq!(
            describe("join_refused", "Region Uppsala", Lang::Sv),
            "Avslog ansökan från Region Uppsala"
        );
        assert_eq!(
            describe("invitation_declined", "Region Uppsala", Lang::En),
            "Region Uppsala declined the invitation"
        );
    }
}
