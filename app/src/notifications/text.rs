//! The notifications room's UI text, in Swedish and English.

use super::{About, Kind, Notification};
use crate::i18n::Lang;

pub struct NotificationText {
    pub title: &'static str,
    pub lead: &'static str,
    pub none: &'static str,
    pub failed: &'static str,
    pub new_badge: &'static str,
    /// Holds `{n}`.
    pub unread_many: &'static str,
    pub unread_one: &'static str,
    pub unread_none: &'static str,
    /// After the count in the header, for screen readers.
    pub unread_suffix: &'static str,
    pub mark_read: &'static str,
    pub mark_all_read: &'static str,
    pub marked_read: &'static str,
    pub all_marked_read: &'static str,
    pub in_network: &'static str,
    pub history: &'static str,
}

pub fn text(lang: Lang) -> &'static NotificationText {
    match lang {
        Lang::Sv => &SV,
        Lang::En => &EN,
    }
}

/// What happened, in the reader's language, and what it is about, as
/// people wrote it: ("Bo Ek (Lunds kommun) svarade på din kommentar om",
/// "Elbussar"), ("Lunds kommun vill gå med i nätverket", "Elbussar").
pub fn line(n: &Notification, lang: Lang) -> (String, String) {
    let sv = lang == Lang::Sv;
    match &n.about {
        About::Comment {
            title,
            author,
            organisation,
            ..
        } => {
            let verb = match (n.kind, sv) {
                (Kind::Reply, true) => "svarade på din kommentar om",
                (Kind::Reply, false) => "replied to your comment on",
                (_, true) => "skrev i diskussionen om",
                (_, false) => "wrote in the discussion on",
            };
            (format!("{author} ({organisation}) {verb}"), title.clone())
        }
        About::Joining { organisation, .. } => {
            let what = match (n.kind, sv) {
                (Kind::JoinRequest, true) => "vill gå med i nätverket",
                (Kind::JoinRequest, false) => "asks to join the network",
                (Kind::JoinApproved, true) => "är nu medlem i nätverket",
                (Kind::JoinApproved, false) => "is now a member of the network",
                (_, true) => "fick nej till att gå med i nätverket",
                (_, false) => "was refused joining the network",
            };
            (format!("{organisation} {what}"), n.network.clone())
        }
    }
}

/// The unread count in words.
pub fn unread(n: i64, lang: Lang) -> String {
    let t = text(lang);
    match n {
        0 => t.unread_none.to_string(),
        1 => t.unread_one.to_string(),
        n => t.unread_many.replace("{n}", &n.to_string()),
    }
}

const SV: NotificationText = NotificationText {
    title: "Aviseringar",
    lead: "Här ser du svar på dina kommentarer, nya kommentarer i diskussioner du följer \
        och ansökningar till nätverk du samordnar. Du följer en diskussion när du skriver i den \
        eller väljer att följa den.",
    none: "Du har inga aviseringar än.",
    failed: "Aviseringarna kunde inte hämtas. Försök igen om en stund.",
    new_badge: "Ny",
    unread_many: "Du har {n} olästa aviseringar.",
    unread_one: "Du har 1 oläst avisering.",
    unread_none: "Du har inga olästa aviseringar.",
    unread_suffix: " olästa",
    mark_read: "Markera som läst",
    mark_all_read: "Markera alla som lästa",
    marked_read: "Aviseringen är markerad som läst.",
    all_marked_read: "Alla aviseringar är markerade som lästa.",
    in_network: "I nätverket",
    history: "De senaste aviseringarna",
};

const EN: NotificationText = NotificationText {
    title: "Notifications",
    lead: "Here you see replies to your comments, new comments in discussions you follow and \
        requests to join networks you coordinate. You follow a discussion when you write in it \
        or choose to follow it.",
    none: "You have no notifications yet.",
    failed: "The notifications could not be fetched. Try again in a while.",
    new_badge: "New",
    unread_many: "You have {n} unread notifications.",
    unread_one: "You have 1 unread notification.",
    unread_none: "You have no unread notifications.",
    unread_suffix: " unread",
    mark_read: "Mark as read",
    mark_all_read: "Mark all as read",
    marked_read: "The notification is marked as read.",
    all_marked_read: "All notifications are marked as read.",
    in_network: "In the network",
    history: "The latest notifications",
};
