//! How a dialogue's times read, in Stockholm: the Swedish way ("12 mars
//! 2027 kl. 14.00") and the English one ("12 March 2027, 14:00").

use super::text::pick;
use crate::i18n::Lang;

const MONTHS: [[&str; 2]; 12] = [
    ["januari", "January"],
    ["februari", "February"],
    ["mars", "March"],
    ["april", "April"],
    ["maj", "May"],
    ["juni", "June"],
    ["juli", "July"],
    ["augusti", "August"],
    ["september", "September"],
    ["oktober", "October"],
    ["november", "November"],
    ["december", "December"],
];

/// "12 mars 2027" / "12 March 2027", in Stockholm.
pub fn day(utc_ms: i64, lang: Lang) -> String {
    let (date, _) = crate::time::stockholm_parts(utc_ms);
    let mut parts = date.split('-');
    let (year, month, day) = (parts.next(), parts.next(), parts.next());
    let month = month
        .and_then(|m| m.parse::<usize>().ok())
        .and_then(|m| MONTHS.get(m.wrapping_sub(1)));
    match (year, month, day.and_then(|d| d.parse::<u32>().ok())) {
        (Some(year), Some(month), Some(day)) => format!("{day} {} {year}", pick(lang, *month)),
        _ => date,
    }
}

/// "14.00" (Swedish) / "14:00", in Stockholm.
pub fn clock(utc_ms: i64, lang: Lang) -> String {
    let (_, time) = crate::time::stockholm_parts(utc_ms);
    match lang {
        Lang::Sv => time.replace(':', "."),
        Lang::En => time,
    }
}

/// "12 mars 2027 kl. 14.00" / "12 March 2027, 14:00".
pub fn when(utc_ms: i64, lang: Lang) -> String {
    let at = pick(lang, [" kl. ", ", "]);
    format!("{}{at}{}", day(utc_ms, lang), clock(utc_ms, lang))
}

/// "12 mars 2027 kl. 14.00–16.00"; a meeting over midnight names both days.
pub fn span(starts_at: i64, ends_at: i64, lang: Lang) -> String {
    if day(starts_at, lang) == day(ends_at, lang) {
        format!("{}–{}", when(starts_at, lang), clock(ends_at, lang))
    } else {
        format!("{} – {}", when(starts_at, lang), when(ends_at, lang))
    }
}
