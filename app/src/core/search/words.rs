//! Words as the search index and its queries see them: split at anything
//! that is not a letter or a digit, lower-cased (å, ä and ö stay the
//! letters they are), and stemmed by the Snowball Swedish stemmer. The same
//! function serves the writes and the queries on both engines, so a word
//! is found by the same forms whichever database holds the index.

use rust_stemmers::{Algorithm, Stemmer};
use std::sync::LazyLock;

/// Longer runs of letters are no words anyone searches for (a pasted hash
/// or address); they are cut so one cannot swell the index.
pub const WORD_MAX: usize = 40;

static SWEDISH: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::Swedish));

/// One word of a text: where it stands (bytes) and its lower-case form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    pub lower: String,
}

/// The words of a text, in order.
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start = None;
    for (at, ch) in text.char_indices().chain([(text.len(), ' ')]) {
        match (ch.is_alphanumeric(), start) {
            (true, None) => start = Some(at),
            (false, Some(from)) => {
                let lower: String = text[from..at]
                    .to_lowercase()
                    .chars()
                    .take(WORD_MAX)
                    .collect();
                out.push(Word {
                    start: from,
                    end: at,
                    lower,
                });
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// The stem a lower-case word is indexed and searched by.
///
/// Snowball leaves the nouns that drop an e when inflected apart (cykel and
/// cyklar become "cykel" and "cykl"; regel and regler, nyckel and nycklar,
/// åker and åkrar likewise), so after it a final consonant + e + l/n/r, or
/// consonant + e + ln, loses its e: every form of those words meets in one
/// stem.
pub fn stem(lower: &str) -> String {
    let stemmed = SWEDISH.stem(lower);
    let mut chars: Vec<char> = stemmed.chars().collect();
    let n = chars.len();
    let consonant = |c: char| c.is_alphabetic() && !"aeiouyåäö".contains(c);
    let has_vowel_before =
        |upto: usize, chars: &[char]| chars[..upto].iter().any(|c| !consonant(*c));
    if n >= 5
        && chars[n - 2] == 'l'
        && chars[n - 1] == 'n'
        && chars[n - 3] == 'e'
        && consonant(chars[n - 4])
        && has_vowel_before(n - 4, &chars)
    {
        chars.remove(n - 3);
        chars.pop();
    } else if n >= 4
        && matches!(chars[n - 1], 'l' | 'n' | 'r')
        && chars[n - 2] == 'e'
        && consonant(chars[n - 3])
        && has_vowel_before(n - 3, &chars)
    {
        chars.remove(n - 2);
    }
    chars.into_iter().collect()
}

/// A text as the index stores it: its words' stems, in order, separated by
/// spaces (positions are kept, so phrases match).
pub fn terms(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in words(text) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&stem(&word.lower));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same_stem(forms: &[&str]) {
        let stems: Vec<String> = forms.iter().map(|f| stem(f)).collect();
        assert!(
            stems.windows(2).all(|w| w[0] == w[1]),
            "{forms:?} gave {stems:?}"
        );
    }

    #[test]
    fn inflected_forms_of_one_word_share_a_stem() {
        same_stem(&[
            "upphandling",
            "upphandlingen",
            "upphandlingar",
            "upphandlingarna",
        ]);
        same_stem(&["cykel", "cykeln", "cyklar", "cyklarna", "cykelns"]);
        same_stem(&["laddstolpe", "laddstolpen", "laddstolpar", "laddstolparna"]);
        same_stem(&["regel", "regeln", "regler", "reglerna"]);
        same_stem(&["nyckel", "nycklar"]);
        same_stem(&["åker", "åkrar"]);
        same_stem(&["leverantör", "leverantören", "leverantörer"]);
    }

    #[test]
    fn different_words_keep_different_stems() {
        assert_ne!(stem("år"), stem("ar"));
        assert_ne!(stem("bil"), stem("bild"));
        assert_ne!(stem("cykel"), stem("cyklop"));
        assert_ne!(stem("kör"), stem("kor"));
    }

    #[test]
    fn words_are_split_at_anything_but_letters_and_digits_and_lower_cased() {
        let found: Vec<String> = words("Laddstolpar—för 2027: ÅTTA st. (e-handel)")
            .into_iter()
            .map(|w| w.lower)
            .collect();
        assert_eq!(
            found,
            ["laddstolpar", "för", "2027", "åtta", "st", "e", "handel"]
        );
    }

    #[test]
    fn a_word_keeps_where_it_stands_in_the_text() {
        let text = "Två cyklar";
        let found = words(text);
        assert_eq!(&text[found[1].start..found[1].end], "cyklar");
    }

    #[test]
    fn an_endless_run_of_letters_is_cut_to_the_longest_word() {
        let long = "a".repeat(500);
        assert_eq!(words(&long)[0].lower.chars().count(), WORD_MAX);
    }

    #[test]
    fn terms_are_the_stems_in_order() {
        assert_eq!(
            terms("Cyklar och cykeln"),
            format!("cykl {} cykl", stem("och"))
        );
    }
}
