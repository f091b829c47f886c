//! The public board of announced market dialogues: its filters, read
//! from the query string so each filtered list has an address (and an Atom
//! feed) of its own, and keyset pages newest first. Anyone reads it.

pub mod api;
#[cfg(feature = "ssr")]
pub mod feed;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod store;

use crate::dialogues::{DialogueFormat, DialogueStatus};
use serde::{Deserialize, Serialize};

/// Dialogues on one page of the board.
pub const BOARD_PAGE: i64 = 20;

/// A dialogue on the public board.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardItem {
    pub public_id: String,
    pub title: String,
    pub purpose: String,
    pub form: DialogueFormat,
    pub cpv: String,
    pub lan: String,
    pub answer_deadline: i64,
    pub status: DialogueStatus,
    pub announced_at: i64,
    pub hosts: String,
}

/// The board's filters, as the query string sends them. `efter` is the
/// keyset cursor: the last item of the page before.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardQuery {
    #[serde(default)]
    pub avdelning: String,
    #[serde(default)]
    pub lan: String,
    #[serde(default)]
    pub form: String,
    #[serde(default)]
    pub oppen: String,
    #[serde(default)]
    pub svar_fran: String,
    #[serde(default)]
    pub efter: String,
}

/// One page of the board.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardPage {
    pub items: Vec<BoardItem>,
    /// The cursor of the next page, if there is one.
    pub next: Option<String>,
    /// A filter that could not be read is named, and left out.
    pub ignored: Vec<String>,
}

/// The board's filters, read: what is not understood is left out and
/// named, so the page can say so rather than show nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BoardFilter {
    /// A CPV division: the code's first two digits.
    pub division: Option<String>,
    pub lan: Option<String>,
    pub form: Option<DialogueFormat>,
    /// Only those that take registrations now.
    pub open: bool,
    /// Answer deadline on or after this instant.
    pub deadline_from: Option<i64>,
    /// (announced_at, public id) of the last item seen.
    pub after: Option<(i64, String)>,
    pub ignored: Vec<String>,
}

impl BoardFilter {
    pub fn parse(q: &BoardQuery) -> BoardFilter {
        let mut f = BoardFilter::default();
        let given = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        if let Some(d) = given(&q.avdelning) {
            if d.len() == 2 && d.bytes().all(|b| b.is_ascii_digit()) {
                f.division = Some(d);
            } else {
                f.ignored.push("avdelning".into());
            }
        }
        if let Some(lan) = given(&q.lan) {
            if crate::regions::LanCode::parse(&lan).is_some() {
                f.lan = Some(lan);
            } else {
                f.ignored.push("lan".into());
            }
        }
        if let Some(form) = given(&q.form) {
            match DialogueFormat::parse(&form) {
                Some(form) => f.form = Some(form),
                None => f.ignored.push("form".into()),
            }
        }
        f.open = q.oppen.trim() == "1";
        if let Some(date) = given(&q.svar_fran) {
            match crate::time::parse_stockholm(&date, "00:00") {
                Ok(at) => f.deadline_from = Some(at),
                Err(_) => f.ignored.push("svar_fran".into()),
            }
        }
        if let Some(cursor) = given(&q.efter) {
            f.after = cursor
                .split_once('.')
                .and_then(|(at, id)| Some((at.parse().ok()?, id.to_string())))
                .filter(|(_, id)| id.len() <= 32);
            if f.after.is_none() {
                f.ignored.push("efter".into());
            }
        }
        f
    }

    /// The query string of these filters (without the cursor), for the
    /// next page's link and the feed's address.
    pub fn query(q: &BoardQuery) -> String {
        let pairs = [
            ("avdelning", &q.avdelning),
            ("lan", &q.lan),
            ("form", &q.form),
            ("oppen", &q.oppen),
            ("svar_fran", &q.svar_fran),
        ];
        pairs
            .iter()
            .filter(|(_, v)| !v.trim().is_empty())
            .map(|(k, v)| format!("{k}={}", crate::ui::url_encode(v.trim())))
            .collect::<Vec<_>>()
            .join("&")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_board_reads_its_filters_and_names_what_it_cannot() {
        let f = BoardFilter::parse(&BoardQuery {
            avdelning: "34".into(),
            lan: "01".into(),
            form: "rfi".into(),
            oppen: "1".into(),
            svar_fran: "2027-01-15".into(),
            efter: "1700000000000.abc".into(),
        });
        assert_eq!(f.division.as_deref(), Some("34"));
        assert_eq!(f.lan.as_deref(), Some("01"));
        assert_eq!(f.form, Some(DialogueFormat::Rfi));
        assert!(f.open && f.deadline_from.is_some() && f.ignored.is_empty());
        assert_eq!(f.after, Some((1_700_000_000_000, "abc".into())));
        let bad = BoardFilter::parse(&BoardQuery {
            avdelning: "3".into(),
            lan: "99".into(),
            form: "auktion".into(),
            svar_fran: "i morgon".into(),
            efter: "x".into(),
            ..BoardQuery::default()
        });
        assert_eq!(
            bad,
            BoardFilter {
                ignored: vec![
                    "avdelning".into(),
                    "lan".into(),
                    "form".into(),
                    "svar_fran".into(),
                    "efter".into()
                ],
                ..BoardFilter::default()
            }
        );
    }
}
