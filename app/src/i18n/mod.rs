//! Languages. Swedish is the default; English is chosen with the language
//! switch and kept in a cookie. Every UI string lives in a `Strings` table
//! per language, so a missing translation is a compile error.

mod en;
mod sv;

use serde::{Deserialize, Serialize};

pub use strings::Strings;

mod strings;

/// The cookie that keeps the chosen language.
pub const LANG_COOKIE: &str = "samrad_lang";

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Sv,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    /// The column of a [Swedish, English] text table.
    pub fn index(self) -> usize {
        match self {
            Lang::Sv => 0,
            Lang::En => 1,
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        match code.trim() {
            "sv" => Some(Lang::Sv),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// A whole number grouped by thousands as the language writes it:
    /// "8 000" (with a no-break space) and "8,000".
    pub fn number(self, value: i64) -> String {
        let digits = value.unsigned_abs().to_string();
        let separator = match self {
            Lang::Sv => '\u{a0}',
            Lang::En => ',',
        };
        let mut grouped = String::from(if value < 0 { "-" } else { "" });
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                grouped.push(separator);
            }
            grouped.push(c);
        }
        grouped
    }

    /// The other language, offered by the language switch.
    pub fn other(self) -> Lang {
        match self {
            Lang::Sv => Lang::En,
            Lang::En => Lang::Sv,
        }
    }

    pub fn t(self) -> &'static Strings {
        match self {
            Lang::Sv => &sv::STRINGS,
            Lang::En => &en::STRINGS,
        }
    }

    /// The language chosen in a `Cookie` header, Swedish when none is.
    pub fn from_cookie_header(header: &str) -> Lang {
        header
            .split(';')
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(name, _)| *name == LANG_COOKIE)
            .and_then(|(_, value)| Lang::parse(value))
            .unwrap_or_default()
    }
}

/// The language of the page being rendered: provided by the shell on the
/// server; islands get it as a prop instead.
pub fn use_lang() -> Lang {
    leptos::prelude::use_context::<Lang>().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_comes_from_its_cookie_and_defaults_to_swedish() {
        assert_eq!(Lang::from_cookie_header(""), Lang::Sv);
        assert_eq!(Lang::from_cookie_header("a=b; samrad_lang=en"), Lang::En);
        assert_eq!(Lang::from_cookie_header("samrad_lang=fr"), Lang::Sv);
        assert_eq!(Lang::from_cookie_header("xsamrad_lang=en"), Lang::Sv);
    }
}

pub mod api;
