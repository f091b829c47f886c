//! Search (#19), in Swedish first: one box that finds every network, need,
//! requirement, dialogue, published answer, approved text and comment a
//! person may read, and nothing else. The language side lives here too:
//! what a typed query means ([`query`]) and a result's marked snippet
//! ([`snippet`]). The words themselves — split, lower-cased, stemmed — and
//! the index are the core's ([`crate::core::search`]), because the rooms
//! that write content keep the index with them.

pub mod api;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod query;
#[cfg(feature = "ssr")]
pub mod snippet;
#[cfg(feature = "ssr")]
pub mod store;
pub mod text;

use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

/// Characters a query may have; a search box needs no more.
pub const QUERY_MAX: u32 = 200;
/// Results on one page.
pub const PAGE_SIZE: i64 = 20;
/// The last page one can ask for: a search that needs more pages than this
/// needs more words.
pub const PAGES_MAX: i64 = 50;

/// What a result is. The codes in the address are Swedish, as the page is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Kind {
    Network,
    Need,
    Requirement,
    Dialogue,
    Answer,
    /// Approved minutes and summaries.
    Record,
    Comment,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::Network,
        Kind::Need,
        Kind::Requirement,
        Kind::Dialogue,
        Kind::Answer,
        Kind::Record,
        Kind::Comment,
    ];

    /// The `typ` value in the address.
    pub fn code(self) -> &'static str {
        match self {
            Kind::Network => "natverk",
            Kind::Need => "behov",
            Kind::Requirement => "krav",
            Kind::Dialogue => "dialog",
            Kind::Answer => "svar",
            Kind::Record => "protokoll",
            Kind::Comment => "kommentar",
        }
    }

    pub fn from_code(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The kind of an index row (`minutes` and `summary` are both records).
    pub fn of_row(kind: &str) -> Option<Kind> {
        Some(match kind {
            "network" => Kind::Network,
            "need" => Kind::Need,
            "requirement" => Kind::Requirement,
            "dialogue" => Kind::Dialogue,
            "answer" => Kind::Answer,
            "minutes" | "summary" => Kind::Record,
            "comment" => Kind::Comment,
            _ => return None,
        })
    }

    /// The index rows' kinds this kind covers.
    pub fn rows(self) -> &'static [&'static str] {
        match self {
            Kind::Network => &["network"],
            Kind::Need => &["need"],
            Kind::Requirement => &["requirement"],
            Kind::Dialogue => &["dialogue"],
            Kind::Answer => &["answer"],
            Kind::Record => &["minutes", "summary"],
            Kind::Comment => &["comment"],
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        let t = text::text(lang);
        match self {
            Kind::Network => t.kind_network,
            Kind::Need => t.kind_need,
            Kind::Requirement => t.kind_requirement,
            Kind::Dialogue => t.kind_dialogue,
            Kind::Answer => t.kind_answer,
            Kind::Record => t.kind_record,
            Kind::Comment => t.kind_comment,
        }
    }
}

/// Whether to show what is still going on, what is over, or both.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    Current,
    Closed,
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Status::Current => "aktuella",
            Status::Closed => "avslutade",
        }
    }
}

/// The search form as the address sends it: every field as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchQuery {
    #[serde(default)]
    pub q: String,
    #[serde(default)]
    pub typ: String,
    #[serde(default)]
    pub natverk: String,
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub fran: String,
    #[serde(default)]
    pub till: String,
    #[serde(default)]
    pub sida: String,
}

impl SearchQuery {
    /// The address of this search's page `page`.
    pub fn page_href(&self, base: &str, page: i64) -> String {
        let mut parts = Vec::new();
        for (name, value) in [
            ("q", &self.q),
            ("typ", &self.typ),
            ("natverk", &self.natverk),
            ("status", &self.status),
            ("fran", &self.fran),
            ("till", &self.till),
        ] {
            if !value.is_empty() {
                parts.push(format!("{name}={}", crate::ui::url_encode(value)));
            }
        }
        if page > 1 {
            parts.push(format!("sida={page}"));
        }
        format!("{base}?{}", parts.join("&"))
    }
}

/// A piece of a snippet or title: text, marked when it is a word the
/// query looked for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Part {
    pub text: String,
    pub marked: bool,
}

/// One result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hit {
    pub kind: Kind,
    /// The row's kind in the index (`minutes` or `summary` for a record).
    pub row_kind: String,
    pub title: Vec<Part>,
    /// The need or dialogue it belongs to ("" for none).
    pub parent: String,
    /// The network's name, where the reader reads the network.
    pub network: String,
    pub path: String,
    pub snippet: Vec<Part>,
    pub at: i64,
}

/// One page of results, with how many there are of each kind under the
/// same rules (and the same filters but the kind).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Results {
    pub hits: Vec<Hit>,
    pub counts: Vec<(Kind, i64)>,
    /// Results of the chosen kind (or all), over every page.
    pub total: i64,
    pub page: i64,
    /// A filter that could not be read is named, and left out.
    pub ignored: Vec<String>,
    /// The networks the reader reads, for the network filter: (public
    /// id, name).
    pub networks: Vec<(String, String)>,
}

impl Results {
    pub fn pages(&self) -> i64 {
        ((self.total + PAGE_SIZE - 1) / PAGE_SIZE).clamp(1, PAGES_MAX)
    }
}

/// A search that can be run: a parsed query and filters that were read.
#[cfg(feature = "ssr")]
#[derive(Clone, Debug)]
pub struct Search {
    pub query: query::Query,
    pub kind: Option<Kind>,
    /// A network's public id.
    pub network: Option<String>,
    pub status: Option<Status>,
    /// From the start of this day (Stockholm), in ms.
    pub from: Option<i64>,
    /// Up to the end of this day (Stockholm), in ms.
    pub to: Option<i64>,
    pub page: i64,
    /// Only what everyone may read (the public board's search).
    pub public_only: bool,
    pub ignored: Vec<&'static str>,
}

#[cfg(feature = "ssr")]
impl Search {
    /// The query must be searchable (else the field's problem, with what
    /// was typed given back); a filter that cannot be read is left out and
    /// named, as on the board, so the page says so rather than show
    /// nothing.
    pub fn parse(sent: &SearchQuery, public_only: bool) -> Result<Search, crate::error::AppError> {
        let query = match query::Query::parse(&sent.q) {
            Ok(query) => query,
            Err(problem) => {
                let mut check = crate::error::Checker::new();
                check.refuse("q", problem);
                return Err(check
                    .finish(&[("q", &sent.q)])
                    .err()
                    .unwrap_or(crate::error::AppError::BadRequest));
            }
        };
        let mut ignored = Vec::new();
        let given = |value: &str| {
            let value = value.trim();
            (!value.is_empty()).then(|| value.to_string())
        };
        let kind = given(&sent.typ).and_then(|code| {
            Kind::from_code(&code).or_else(|| {
                ignored.push("typ");
                None
            })
        });
        let network = given(&sent.natverk).and_then(|id| {
            // Public ids are URL-safe base64.
            let url_safe = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
            if id.len() <= 40 && id.chars().all(url_safe) {
                Some(id)
            } else {
                ignored.push("natverk");
                None
            }
        });
        let status = match sent.status.trim() {
            "" => None,
            "aktuella" => Some(Status::Current),
            "avslutade" => Some(Status::Closed),
            _ => {
                ignored.push("status");
                None
            }
        };
        let day = |name: &'static str, value: &str, ignored: &mut Vec<&'static str>| {
            let value = value.trim();
            if value.is_empty() {
                return None;
            }
            let start = crate::time::parse_stockholm(value, "00.00").ok();
            if start.is_none() {
                ignored.push(name);
            }
            start
        };
        let from = day("fran", &sent.fran, &mut ignored);
        // The end of the day: the start of the next one (a day may be 23 or
        // 25 hours long, so the next day's date is parsed, not 24 h added).
        let to = day("till", &sent.till, &mut ignored).map(|start| {
            let (next, _) = crate::time::stockholm_parts(start + 26 * 3_600_000);
            crate::time::parse_stockholm(&next, "00.00").unwrap_or(start + 86_400_000)
        });
        let page = match sent.sida.trim() {
            "" => 1,
            page => match page.parse::<i64>() {
                Ok(page) if (1..=PAGES_MAX).contains(&page) => page,
                _ => {
                    ignored.push("sida");
                    1
                }
            },
        };
        Ok(Search {
            query,
            kind,
            network: if public_only { None } else { network },
            status,
            from,
            to,
            page,
            public_only,
            ignored,
        })
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::error::FieldProblem;

    fn sent(q: &str) -> SearchQuery {
        SearchQuery {
            q: q.to_string(),
            ..SearchQuery::default()
        }
    }

    #[test]
    fn an_empty_or_overlong_query_is_refused_with_what_was_typed() {
        for (typed, problem) in [
            ("", FieldProblem::Required),
            ("  \"  \" - * ", FieldProblem::Required),
            (&"a".repeat(10_000)[..], FieldProblem::TooLong { max: 200 }),
        ] {
            let err = Search::parse(&sent(typed), false).unwrap_err();
            assert_eq!(err.field_problem("q"), Some(problem), "{typed:?}");
            assert_eq!(err.sent_value("q"), Some(typed));
        }
    }

    #[test]
    fn filters_that_cannot_be_read_are_named_and_left_out() {
        let search = Search::parse(
            &SearchQuery {
                q: "cyklar".into(),
                typ: "allt".into(),
                natverk: "<script>".into(),
                status: "gamla".into(),
                fran: "2026-02-30".into(),
                till: "igår".into(),
                sida: "9999".into(),
            },
            false,
        )
        .unwrap();
        assert_eq!(
            search.ignored,
            vec!["typ", "natverk", "status", "fran", "till", "sida"]
        );
        assert_eq!(
            (
                search.kind,
                search.network,
                search.status,
                search.from,
                search.to,
                search.page
            ),
            (None, None, None, None, None, 1)
        );
    }

    #[test]
    fn a_day_filter_covers_the_whole_day_in_stockholm_even_when_summer_time_ends() {
        let search = Search::parse(
            &SearchQuery {
                q: "cyklar".into(),
                typ: "krav".into(),
                status: "avslutade".into(),
                fran: "2026-10-25".into(),
                till: "2026-10-25".into(),
                sida: "3".into(),
                ..SearchQuery::default()
            },
            false,
        )
        .unwrap();
        let (from, to) = (search.from.unwrap(), search.to.unwrap());
        // 25 October 2026 has 25 hours: summer time ends that night.
        assert_eq!(to - from, 25 * 3_600_000);
        assert_eq!(crate::time::stockholm_parts(from).1, "00:00");
        assert_eq!(
            (search.kind, search.status, search.page),
            (Some(Kind::Requirement), Some(Status::Closed), 3)
        );
    }

    #[test]
    fn a_network_filter_takes_every_public_id_and_nothing_else() {
        for (id, read) in [("a-b_C9", true), ("<script>", false), ("a b", false)] {
            let search = Search::parse(
                &SearchQuery {
                    q: "cyklar".into(),
                    natverk: id.into(),
                    ..SearchQuery::default()
                },
                false,
            )
            .unwrap();
            assert_eq!(search.network.is_some(), read, "{id}");
        }
    }

    #[test]
    fn the_public_search_takes_no_network_filter() {
        let search = Search::parse(
            &SearchQuery {
                q: "cyklar".into(),
                natverk: "abc123".into(),
                ..SearchQuery::default()
            },
            true,
        )
        .unwrap();
        assert_eq!(search.network, None);
    }

    #[test]
    fn every_kind_reads_back_from_its_code_and_its_rows() {
        for kind in Kind::ALL {
            assert_eq!(Kind::from_code(kind.code()), Some(kind));
            for row in kind.rows() {
                assert_eq!(Kind::of_row(row), Some(kind));
            }
        }
    }

    #[test]
    fn a_page_address_keeps_the_filters_and_encodes_what_was_typed() {
        let query = SearchQuery {
            q: "laddstolpar & \"el\"".into(),
            typ: "behov".into(),
            ..SearchQuery::default()
        };
        assert_eq!(
            query.page_href("/sok", 2),
            "/sok?q=laddstolpar%20%26%20%22el%22&typ=behov&sida=2"
        );
        assert_eq!(
            query.page_href("/sok", 1),
            "/sok?q=laddstolpar%20%26%20%22el%22&typ=behov"
        );
    }
}
