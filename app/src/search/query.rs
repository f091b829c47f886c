//! What a person typed in the search box, parsed into terms the index can
//! match: words (stemmed, the last one also as a prefix, as while typing),
//! and phrases in double quotes. Everything else is a plain separator, so
//! operators, stray quotes and FTS or SQL syntax are never syntax here:
//! the expressions sent to the engines hold nothing but stems.

pub use super::QUERY_MAX;
use crate::{
    core::search::words::{stem, words},
    error::FieldProblem,
};

/// Words and phrases a query may have.
pub const TERMS_MAX: u32 = 12;
/// A last word shorter than this is no prefix (`b` would match half the
/// index).
const PREFIX_MIN: usize = 3;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Term {
    /// A word, found by its stem; `prefix` also finds the words the typed
    /// form begins (laddinfra → laddinfrastruktur).
    Word {
        stem: String,
        prefix: Option<String>,
    },
    /// Words that must stand together, in this order.
    Phrase(Vec<String>),
}

/// A query that can be searched for: at least one term, each only letters
/// and digits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query {
    terms: Vec<Term>,
}

/// Where a search looks: the scopes of the index rows it may meet (the
/// networks the reader reads, listed networks' own rows for the signed
/// in, and what everyone reads). Never empty: the public part is always in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scopes(Vec<String>);

impl Scopes {
    /// `networks`: the ids of the networks the reader reads (none when not
    /// signed in, or searching the public part only); `signed_in`: whether
    /// listed networks' own rows are theirs to find.
    pub fn of(networks: &[i64], signed_in: bool) -> Scopes {
        let mut scopes: Vec<String> = networks.iter().map(|id| format!("n{id}")).collect();
        if signed_in {
            scopes.push("listed".to_string());
        }
        scopes.push("public".to_string());
        Scopes(scopes)
    }
}

impl Query {
    pub fn parse(typed: &str) -> Result<Query, FieldProblem> {
        if typed.chars().count() > QUERY_MAX as usize {
            return Err(FieldProblem::TooLong { max: QUERY_MAX });
        }
        // An unmatched last quote opens no phrase: its words are words.
        let quotes = typed.matches('"').count();
        let unmatched = (quotes % 2 == 1).then(|| typed.rfind('"')).flatten();
        let mut terms = Vec::new();
        let mut in_phrase = false;
        let mut last_bare: Option<usize> = None;
        for part in split_at_quotes(typed, unmatched) {
            if in_phrase {
                let stems: Vec<String> = words(part).iter().map(|w| stem(&w.lower)).collect();
                match stems.len() {
                    0 => {}
                    1 => terms.push(Term::Word {
                        stem: stems.into_iter().next().unwrap_or_default(),
                        prefix: None,
                    }),
                    _ => terms.push(Term::Phrase(stems)),
                }
            } else {
                for word in words(part) {
                    let starred = part[word.end..].starts_with('*');
                    terms.push(Term::Word {
                        stem: stem(&word.lower),
                        prefix: starred.then(|| word.lower.clone()),
                    });
                    last_bare = Some(terms.len() - 1);
                }
            }
            in_phrase = !in_phrase;
        }
        if let Some(index) = last_bare {
            if let Term::Word { prefix, .. } = &mut terms[index] {
                if prefix.is_none() {
                    *prefix =
                        last_word_of(typed, unmatched).filter(|w| w.chars().count() >= PREFIX_MIN);
                }
            }
        }
        if terms.is_empty() {
            return Err(FieldProblem::Required);
        }
        if terms.len() > TERMS_MAX as usize {
            return Err(FieldProblem::TooMany { max: TERMS_MAX });
        }
        Ok(Query { terms })
    }

    pub fn terms(&self) -> &[Term] {
        &self.terms
    }

    /// The query as PostgreSQL's `to_tsquery('simple', …)` reads it: its
    /// words matched in titles and bodies only (weights A and D), in the
    /// rows whose scope (weight B) is one of `scopes`.
    pub fn tsquery(&self, scopes: &Scopes) -> String {
        let parts: Vec<String> = self
            .terms
            .iter()
            .map(|term| match term {
                Term::Word { stem, prefix: None } => format!("{stem}:AD"),
                Term::Word {
                    stem,
                    prefix: Some(p),
                } => format!("({stem}:AD | {p}:*AD)"),
                Term::Phrase(stems) => {
                    let weighted: Vec<String> = stems.iter().map(|s| format!("{s}:AD")).collect();
                    format!("({})", weighted.join(" <-> "))
                }
            })
            .collect();
        let within: Vec<String> = scopes.0.iter().map(|s| format!("{s}:B")).collect();
        format!("({}) & ({})", parts.join(" & "), within.join(" | "))
    }

    /// The query as SQLite's FTS5 `MATCH` reads it: every stem quoted, so
    /// no word can be an operator, matched in titles and bodies only, in
    /// the rows whose scope is one of `scopes`.
    pub fn fts5(&self, scopes: &Scopes) -> String {
        let parts: Vec<String> = self
            .terms
            .iter()
            .map(|term| match term {
                Term::Word { stem, prefix: None } => format!("\"{stem}\""),
                Term::Word {
                    stem,
                    prefix: Some(p),
                } => format!("(\"{stem}\" OR \"{p}\"*)"),
                Term::Phrase(stems) => format!("\"{}\"", stems.join(" ")),
            })
            .collect();
        let within: Vec<String> = scopes.0.iter().map(|s| format!("\"{s}\"")).collect();
        format!(
            "{{title_terms body_terms}} : ({}) AND scope : ({})",
            parts.join(" AND "),
            within.join(" OR ")
        )
    }

    /// Whether a word of a text (lower case) is one the query looks for,
    /// for marking it in a snippet.
    pub fn matches(&self, lower: &str) -> bool {
        let stemmed = stem(lower);
        self.terms.iter().any(|term| match term {
            Term::Word { stem, prefix } => {
                *stem == stemmed
                    || prefix
                        .as_ref()
                        .is_some_and(|p| lower.starts_with(p.as_str()))
            }
            Term::Phrase(stems) => stems.contains(&stemmed),
        })
    }
}

/// The typed text cut at its matched quotes: outside, inside, outside, …
/// An unmatched quote (at byte `unmatched`) is a plain separator.
fn split_at_quotes(typed: &str, unmatched: Option<usize>) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut from = 0;
    for (at, _) in typed.match_indices('"') {
        if Some(at) == unmatched {
            continue;
        }
        parts.push(&typed[from..at]);
        from = at + 1;
    }
    parts.push(&typed[from..]);
    parts
}

/// The last word typed outside quotes, as typed (lower case), when the
/// text ends in it: that is the word being typed. A space after it says
/// the word is finished.
fn last_word_of(typed: &str, unmatched: Option<usize>) -> Option<String> {
    let trimmed = typed.trim_end_matches('*');
    if trimmed.ends_with('"') && unmatched != Some(trimmed.len() - 1) {
        return None;
    }
    let last = words(trimmed).pop()?;
    (last.end == trimmed.len()).then_some(last.lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(stem_of: &str, prefix: Option<&str>) -> Term {
        Term::Word {
            stem: stem(stem_of),
            prefix: prefix.map(str::to_string),
        }
    }

    #[test]
    fn the_last_word_is_also_a_prefix_as_while_typing() {
        let query = Query::parse("laddinfra").unwrap();
        assert_eq!(query.terms(), [word("laddinfra", Some("laddinfra"))]);
        assert!(query.matches("laddinfrastruktur"));
        assert!(query.matches("laddinfrastrukturen"));
    }

    #[test]
    fn earlier_words_match_by_stem_and_a_star_makes_any_word_a_prefix() {
        let query = Query::parse("cyklar elbil* stolpe").unwrap();
        assert_eq!(
            query.terms(),
            [
                word("cyklar", None),
                word("elbil", Some("elbil")),
                word("stolpe", Some("stolpe")),
            ]
        );
        assert!(query.matches("cykel"));
        assert!(query.matches("elbilsladdare"));
        assert!(!query.matches("cyklop"));
    }

    #[test]
    fn a_word_followed_by_a_space_is_finished_and_no_prefix() {
        let query = Query::parse("cykel ").unwrap();
        assert_eq!(query.terms(), [word("cykel", None)]);
    }

    #[test]
    fn a_search_looks_in_the_readers_networks_listed_rows_when_signed_in_and_the_public_part() {
        assert_eq!(
            Scopes::of(&[7, 9], true),
            Scopes(vec![
                "n7".into(),
                "n9".into(),
                "listed".into(),
                "public".into()
            ])
        );
        assert_eq!(Scopes::of(&[], false), Scopes(vec!["public".into()]));
    }

    #[test]
    fn short_last_words_are_no_prefix() {
        assert_eq!(Query::parse("el").unwrap().terms(), [word("el", None)]);
    }

    #[test]
    fn quoted_words_are_a_phrase_in_order() {
        let query = Query::parse("\"publika laddstolpar\" kommun").unwrap();
        assert_eq!(
            query.terms(),
            [
                Term::Phrase(vec![stem("publika"), stem("laddstolpar")]),
                word("kommun", Some("kommun")),
            ]
        );
        let scopes = Scopes::of(&[7], false);
        assert_eq!(
            query.tsquery(&scopes),
            format!(
                "(({p}:AD <-> laddstolp:AD) & (kommun:AD | kommun:*AD)) & (n7:B | public:B)",
                p = stem("publika")
            )
        );
        assert_eq!(
            query.fts5(&scopes),
            format!(
                "{{title_terms body_terms}} : (\"{p} laddstolp\" AND (\"kommun\" OR \"kommun\"*)) \
                 AND scope : (\"n7\" OR \"public\")",
                p = stem("publika")
            )
        );
    }

    #[test]
    fn an_unmatched_quote_is_a_plain_separator() {
        let query = Query::parse("\"laddstolpar kommun").unwrap();
        assert_eq!(
            query.terms(),
            [word("laddstolpar", None), word("kommun", Some("kommun"))]
        );
        let query = Query::parse("\"a b\" \"c").unwrap();
        assert_eq!(query.terms().len(), 2);
    }

    #[test]
    fn operators_and_query_syntax_are_plain_words_or_separators() {
        for hostile in [
            "NEAR(cykel",
            "cykel OR bil",
            "-cykel",
            "*",
            "cykel*)",
            "'; DROP TABLE networks; --",
            "title:cykel",
            "a & b | !c <-> d:*",
            "\u{0}cykel\u{7}\u{1b}[",
            "^cykel + {x}",
        ] {
            match Query::parse(hostile) {
                Ok(query) => {
                    let scopes = Scopes::of(&[7], true);
                    // What the query itself adds: FTS5's column filter.
                    let fts5 = query.fts5(&scopes).replace("{title_terms body_terms}", "");
                    for expression in [query.tsquery(&scopes), fts5] {
                        assert!(
                            expression
                                .chars()
                                .all(|c| c.is_alphanumeric() || " \"()*|&<->:".contains(c)),
                            "{hostile:?} gave {expression:?}"
                        );
                    }
                    for term in query.terms() {
                        let stems = match term {
                            Term::Word { stem, prefix } => {
                                let mut all = vec![stem.clone()];
                                all.extend(prefix.clone());
                                all
                            }
                            Term::Phrase(stems) => stems.clone(),
                        };
                        assert!(stems
                            .iter()
                            .all(|s| !s.is_empty() && s.chars().all(char::is_alphanumeric)));
                    }
                }
                Err(problem) => assert_eq!(problem, FieldProblem::Required, "{hostile:?}"),
            }
        }
    }

    #[test]
    fn nothing_but_separators_is_an_empty_query() {
        for empty in ["", "   ", "\"\"", "* - ()", "\u{0}\u{1}"] {
            assert_eq!(
                Query::parse(empty),
                Err(FieldProblem::Required),
                "{empty:?}"
            );
        }
    }

    #[test]
    fn an_enormous_query_is_refused_with_its_limit() {
        assert_eq!(
            Query::parse(&"cykel ".repeat(2_000)),
            Err(FieldProblem::TooLong { max: QUERY_MAX })
        );
        assert_eq!(
            Query::parse(&"ord ".repeat(13)),
            Err(FieldProblem::TooMany { max: TERMS_MAX })
        );
        assert!(Query::parse(&"ord ".repeat(12)).is_ok());
    }

    #[test]
    fn swedish_letters_are_letters_of_their_own() {
        let query = Query::parse("år ").unwrap();
        assert!(query.matches("år"));
        assert!(!query.matches("ar"));
        assert!(query.fts5(&Scopes::of(&[], false)).contains("\"år\""));
    }
}
