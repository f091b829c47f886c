//! A result's snippet: a window of its plain text around the first word
//! the query looks for, in parts that say which words to mark. The page
//! renders the parts as text and `<mark>` elements, so no typed character
//! is ever read as HTML.

use super::{query::Query, Part};
use crate::core::search::words::words;

/// Words a snippet shows.
pub const SNIPPET_WORDS: usize = 30;
/// Words shown before the first match, so it stands in its sentence.
const LEAD_WORDS: usize = 6;

/// The snippet of `text` for `query`: from a little before its first match
/// (or from the start), at most [`SNIPPET_WORDS`] words, with "…" where it
/// is cut.
pub fn snippet(text: &str, query: &Query) -> Vec<Part> {
    let all = words(text);
    if all.is_empty() {
        return Vec::new();
    }
    let first = all
        .iter()
        .position(|w| query.matches(&w.lower))
        .unwrap_or(0);
    let from = first.saturating_sub(LEAD_WORDS);
    let to = (from + SNIPPET_WORDS).min(all.len());
    let shown = &all[from..to];
    let start = if from == 0 { 0 } else { shown[0].start };
    let end = if to == all.len() {
        text.len()
    } else {
        shown[shown.len() - 1].end
    };
    let mut parts: Vec<Part> = Vec::new();
    let mut push = |text: &str, marked: bool| {
        if text.is_empty() {
            return;
        }
        match parts.last_mut() {
            Some(last) if last.marked == marked => last.text.push_str(text),
            _ => parts.push(Part {
                text: text.to_string(),
                marked,
            }),
        }
    };
    if from > 0 {
        push("… ", false);
    }
    let mut at = start;
    for word in shown {
        push(&collapse(&text[at..word.start]), false);
        push(&text[word.start..word.end], query.matches(&word.lower));
        at = word.end;
    }
    push(&collapse(&text[at..end]), false);
    if to < all.len() {
        push(" …", false);
    }
    parts
}

/// Line breaks and runs of spaces as one space: a snippet is one line.
fn collapse(between: &str) -> String {
    let mut out = String::with_capacity(between.len());
    let mut space = false;
    for ch in between.chars() {
        if ch.is_whitespace() || ch.is_control() {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(ch);
            space = false;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(parts: &[Part]) -> Vec<&str> {
        parts
            .iter()
            .filter(|p| p.marked)
            .map(|p| p.text.as_str())
            .collect()
    }

    fn shown(parts: &[Part]) -> String {
        parts.iter().map(|p| p.text.as_str()).collect()
    }

    #[test]
    fn every_inflected_form_of_the_searched_words_is_marked() {
        let query = Query::parse("cykel upphandling ").unwrap();
        let parts = snippet(
            "Upphandlingen av cyklar: två cyklarna och en cykel.",
            &query,
        );
        assert_eq!(
            marked(&parts),
            ["Upphandlingen", "cyklar", "cyklarna", "cykel"]
        );
        assert_eq!(
            shown(&parts),
            "Upphandlingen av cyklar: två cyklarna och en cykel."
        );
    }

    #[test]
    fn a_long_text_is_cut_around_its_first_match() {
        let mut text = "ord ".repeat(100);
        text.push_str("laddstolpar i kommunen ");
        text.push_str(&"slut ".repeat(100));
        let parts = snippet(&text, &Query::parse("laddstolpe ").unwrap());
        let line = shown(&parts);
        assert!(line.starts_with("… ord"), "{line}");
        assert!(line.ends_with(" …"), "{line}");
        assert_eq!(marked(&parts), ["laddstolpar"]);
        assert_eq!(
            line.split_whitespace().filter(|w| *w != "…").count(),
            SNIPPET_WORDS
        );
    }

    #[test]
    fn a_text_without_a_match_shows_its_beginning() {
        let parts = snippet("Inget här\nom det.", &Query::parse("cykel ").unwrap());
        assert_eq!(shown(&parts), "Inget här om det.");
        assert!(marked(&parts).is_empty());
    }

    #[test]
    fn markup_in_the_text_stays_text_in_the_parts() {
        let parts = snippet("<script>cykel</script>", &Query::parse("cykel ").unwrap());
        assert_eq!(shown(&parts), "<script>cykel</script>");
        assert_eq!(marked(&parts), ["cykel"]);
    }
}
