//! How the room's actions read in the audit log and the record, in the
//! reader's language. The stores register each with `crate::audit_text!`
//! where they record it; the subject is what the entry stored.

use super::{
    edit::Change,
    text::{list, status_label},
    DialogueStatus,
};
use crate::i18n::Lang;

struct LogText {
    created: &'static str,
    status: &'static str,
    status_from: &'static str,
    status_to: &'static str,
    cohost_added: &'static str,
    as_cohost: &'static str,
    qa_published: &'static str,
    approved_minutes: &'static str,
    approved_summary: &'static str,
    approved_text: &'static str,
    edited: &'static str,
    changed: &'static str,
    added: &'static str,
    removed: &'static str,
    of_meeting: &'static str,
    meeting: &'static str,
    fields: [&'static str; 10],
    meeting_parts: [&'static str; 3],
}

const SV: LogText = LogText {
    created: "Planerade dialogen",
    status: "Ändrade status för",
    status_from: "från",
    status_to: "till",
    cohost_added: "Lade till",
    as_cohost: "som medvärd",
    qa_published: "Publicerade en fråga och ett svar",
    approved_minutes: "Godkände minnesanteckningarna",
    approved_summary: "Godkände sammanfattningen",
    approved_text: "Godkände en text i protokollet",
    edited: "Ändrade dialogen",
    changed: "Ändrade",
    added: "lade till",
    removed: "tog bort",
    of_meeting: "för tillfälle",
    meeting: "tillfälle",
    fields: [
        "rubriken",
        "syftet",
        "formen",
        "behoven",
        "frågorna",
        "CPV-koden",
        "länet",
        "det uppskattade värdet",
        "sista dag för svar",
        "antalet platser",
    ],
    meeting_parts: ["tid", "plats", "länk"],
};

const EN: LogText = LogText {
    created: "Planned the dialogue",
    status: "Changed the status of",
    status_from: "from",
    status_to: "to",
    cohost_added: "Added",
    as_cohost: "as a co-host",
    qa_published: "Published a question and its answer",
    approved_minutes: "Approved the minutes",
    approved_summary: "Approved the summary",
    approved_text: "Approved a text of the record",
    edited: "Changed the dialogue",
    changed: "Changed",
    added: "added",
    removed: "removed",
    of_meeting: "of session",
    meeting: "session",
    fields: [
        "the title",
        "the purpose",
        "the form",
        "the needs",
        "the questions",
        "the CPV code",
        "the county",
        "the estimated value",
        "the answer deadline",
        "the number of places",
    ],
    meeting_parts: ["time", "place", "link"],
};

fn text(lang: Lang) -> &'static LogText {
    match lang {
        Lang::Sv => &SV,
        Lang::En => &EN,
    }
}

fn quoted(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("”{name}”"),
        Lang::En => format!("“{name}”"),
    }
}

/// `dialogue_created`: the subject is the title.
pub fn created(subject: &str, lang: Lang) -> String {
    format!("{} {}", text(lang).created, quoted(subject, lang))
}

/// `dialogue_status`: "title: planned → announced".
pub fn status(subject: &str, lang: Lang) -> String {
    let t = text(lang);
    let parsed = subject.rsplit_once(": ").and_then(|(title, step)| {
        let (from, to) = step.split_once(" → ")?;
        Some((
            title,
            DialogueStatus::parse(from)?,
            DialogueStatus::parse(to)?,
        ))
    });
    match parsed {
        Some((title, from, to)) => format!(
            "{} {} {} {} {} {}",
            t.status,
            quoted(title, lang),
            t.status_from,
            status_label(from, lang),
            t.status_to,
            status_label(to, lang)
        ),
        None => format!("{} {}", t.status, quoted(subject, lang)),
    }
}

/// `cohost_added`: the subject is the organisation's name.
pub fn cohost_added(subject: &str, lang: Lang) -> String {
    let t = text(lang);
    format!("{} {subject} {}", t.cohost_added, t.as_cohost)
}

/// `qa_published`: nothing stored, so the asker is never named.
pub fn qa_published(_subject: &str, lang: Lang) -> String {
    text(lang).qa_published.to_string()
}

/// `text_approved`: "minutes <id>" or "summary <id>"; entries written
/// before the kind was stored hold the text's public id alone.
pub fn text_approved(subject: &str, lang: Lang) -> String {
    let t = text(lang);
    match subject.split_once(' ').map(|(kind, _)| kind) {
        Some("minutes") => t.approved_minutes,
        Some("summary") => t.approved_summary,
        _ => t.approved_text,
    }
    .to_string()
}

/// What a `text_approved` entry stores.
pub fn approved_subject(summary: bool, text_public_id: &str) -> String {
    let kind = if summary { "summary" } else { "minutes" };
    format!("{kind} {text_public_id}")
}

/// `dialogue_edited`: "title: title session_1_time session_1_place".
pub fn edited(subject: &str, lang: Lang) -> String {
    let t = text(lang);
    let changes: Option<Vec<Change>> = subject
        .rsplit_once(": ")
        .map(|(_, codes)| codes.split(' ').map(Change::parse).collect())
        .filter(|c: &Option<Vec<Change>>| c.as_ref().is_some_and(|c| !c.is_empty()))
        .flatten();
    let Some(changes) = changes else {
        return t.edited.to_string();
    };
    let mut changed: Vec<String> = Vec::new();
    let mut sentences: Vec<String> = Vec::new();
    let mut meetings: Vec<(usize, Vec<String>)> = Vec::new();
    for change in &changes {
        match *change {
            Change::Field(i) => changed.push(t.fields[i].to_string()),
            Change::Meeting(n, part) => {
                let part = t.meeting_parts[part as usize].to_string();
                match meetings.iter_mut().find(|(m, _)| *m == n) {
                    Some((_, parts)) => parts.push(part),
                    None => meetings.push((n, vec![part])),
                }
            }
            Change::Added(n) => sentences.push(format!("{} {} {n}", t.added, t.meeting)),
            Change::Removed(n) => sentences.push(format!("{} {} {n}", t.removed, t.meeting)),
        }
    }
    for (n, parts) in meetings {
        changed.push(format!("{} {} {n}", list(&parts, lang), t.of_meeting));
    }
    if !changed.is_empty() {
        sentences.insert(0, format!("{} {}", t.changed, list(&changed, lang)));
    }
    let joined = sentences.join("; ");
    let mut chars = joined.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => t.edited.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_steps_read_as_labels_and_odd_subjects_still_read() {
        let sv = status("Dialog: om bussar: planned → announced", Lang::Sv);
        assert_eq!(
            sv,
            "Ändrade status för ”Dialog: om bussar” från Planerad till Annonserad"
        );
        let en = status("Buses: open → closed", Lang::En);
        assert_eq!(en, "Changed the status of “Buses” from Open to Closed");
        assert!(!status("Konstigt", Lang::Sv).contains('→'));
    }

    #[test]
    fn approvals_say_which_text_and_old_entries_read_sensibly() {
        assert_eq!(
            text_approved(&approved_subject(false, "Rg0d"), Lang::Sv),
            "Godkände minnesanteckningarna"
        );
        assert_eq!(
            text_approved(&approved_subject(true, "Rg0d"), Lang::En),
            "Approved the summary"
        );
        assert_eq!(
            text_approved("Rg0dkb0fWjvnC1U3", Lang::Sv),
            "Godkände en text i protokollet"
        );
    }

    #[test]
    fn an_edit_says_what_changed() {
        let subject = "Dialog: session_1_time session_1_place";
        assert_eq!(
            edited(subject, Lang::Sv),
            "Ändrade tid och plats för tillfälle 1"
        );
        let subject = "Dialog: title deadline session_2_link session_3_added";
        assert_eq!(
            edited(subject, Lang::Sv),
            "Ändrade rubriken, sista dag för svar och länk för tillfälle 2; lade till tillfälle 3"
        );
        assert_eq!(
            edited("Dialog: session_1_removed", Lang::En),
            "Removed session 1"
        );
        assert_eq!(edited("Dialog: okänt", Lang::Sv), "Ändrade dialogen");
    }
}
