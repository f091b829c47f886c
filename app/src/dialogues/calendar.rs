//! iCalendar (RFC 5545) for dialogues: one file per dialogue and a feed per
//! network. Times are written in UTC ("Z"), which every calendar program
//! shows in its own zone, so they stay right across summer-time changes.

/// One event in a calendar.
pub struct Event<'a> {
    /// Stable across exports, so a subscribed calendar updates the event.
    pub uid: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub summary: &'a str,
    pub description: &'a str,
    pub location: &'a str,
    pub url: &'a str,
}

/// A whole calendar, CRLF line ends, long lines folded.
pub fn calendar(name: &str, stamp: i64, events: &[Event]) -> String {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//Samråd//Marknadsdialoger//SV".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
        format!("X-WR-CALNAME:{}", escape(name)),
    ];
    for e in events {
        lines.push("BEGIN:VEVENT".into());
        lines.push(format!("UID:{}", e.uid));
        lines.push(format!("DTSTAMP:{}", utc_stamp(stamp)));
        lines.push(format!("DTSTART:{}", utc_stamp(e.starts_at)));
        lines.push(format!("DTEND:{}", utc_stamp(e.ends_at)));
        lines.push(format!("SUMMARY:{}", escape(e.summary)));
        if !e.description.is_empty() {
            lines.push(format!("DESCRIPTION:{}", escape(e.description)));
        }
        if !e.location.is_empty() {
            lines.push(format!("LOCATION:{}", escape(e.location)));
        }
        if !e.url.is_empty() {
            lines.push(format!("URL:{}", e.url));
        }
        lines.push("END:VEVENT".into());
    }
    lines.push("END:VCALENDAR".into());
    lines.iter().map(|l| fold(l)).collect::<Vec<_>>().join("")
}

/// 20270328T123000Z
pub fn utc_stamp(ms: i64) -> String {
    let days = ms.div_euclid(86_400_000);
    let (year, month, day) = crate::time::civil_date(days);
    let seconds = ms.rem_euclid(86_400_000) / 1000;
    format!(
        "{year:04}{month:02}{day:02}T{:02}{:02}{:02}Z",
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60
    )
}

/// TEXT values escape backslash, semicolon, comma and every kind of line
/// break (CRLF, CR, LF) as `\n`; other control characters, which a TEXT
/// value may not hold, are dropped, so nothing typed can end a line and
/// start a property of its own.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Lines longer than 75 octets continue on the next line after a space,
/// never splitting a UTF-8 character.
fn fold(line: &str) -> String {
    let mut out = String::new();
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
    out
}

/// Reads back the events' (UID, DTSTART, DTEND, SUMMARY) from a calendar
/// this module wrote: unfolds lines and unescapes text. For tests and for
/// checking an export.
pub fn parse_events(ics: &str) -> Vec<(String, String, String, String)> {
    let unfolded = ics.replace("\r\n ", "");
    let mut events = Vec::new();
    let mut current: Option<(String, String, String, String)> = None;
    for line in unfolded.split("\r\n") {
        match line.split_once(':') {
            Some(("BEGIN", "VEVENT")) => current = Some(Default::default()),
            Some(("END", "VEVENT")) => events.extend(current.take()),
            Some((key, value)) => {
                if let Some(e) = current.as_mut() {
                    let value = value
                        .replace("\\n", "\n")
                        .replace("\\,", ",")
                        .replace("\\;", ";")
                        .replace("\\\\", "\\");
                    match key {
                        "UID" => e.0 = value,
                        "DTSTART" => e.1 = value,
                        "DTEND" => e.2 = value,
                        "SUMMARY" => e.3 = value,
                        _ => {}
                    }
                }
            }
            None => {}
        }
    }
    events
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_calendar_round_trips_with_utc_times_on_both_sides_of_a_change() {
        // 10:00 Stockholm on the Friday before and the Monday after summer
        // time begins (2027-03-28): 09:00 UTC, then 08:00 UTC.
        let before = crate::time::parse_stockholm("2027-03-26", "10:00").unwrap();
        let after = crate::time::parse_stockholm("2027-03-29", "10:00").unwrap();
        let long = "Dialogmöte om elbussar, laddning; depåer och \\ allt annat som hör till en lång rubrik";
        let events = [
            Event {
                uid: "a@samrad".into(),
                starts_at: before,
                ends_at: before + 3_600_000,
                summary: long,
                description: "Rad ett\nRad två",
                location: "Stadshuset, sal 1",
                url: "https://samrad.example.se/dialoger/x",
            },
            Event {
                uid: "b@samrad".into(),
                starts_at: after,
                ends_at: after + 7_200_000,
                summary: "Andra mötet",
                description: "",
                location: "",
                url: "",
            },
        ];
        let ics = calendar("Elbussar", 0, &events);
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert_eq!(
            ics.split("\r\n").filter(|l| *l == "BEGIN:VEVENT").count(),
            2
        );
        assert!(ics.lines().all(|l| l.len() <= 76), "folded at 75 octets");
        let parsed = parse_events(&ics);
        assert_eq!(
            parsed,
            [
                (
                    "a@samrad".into(),
                    "20270326T090000Z".into(),
                    "20270326T100000Z".into(),
                    long.into()
                ),
                (
                    "b@samrad".into(),
                    "20270329T080000Z".into(),
                    "20270329T100000Z".into(),
                    "Andra mötet".into()
                ),
            ]
        );
    }

    #[test]
    fn no_control_character_in_a_title_can_start_a_line_of_its_own() {
        let title = "Möte\rEND:VEVENT\rBEGIN:VEVENT\nSUMMARY:x\r\nDTSTART:1\u{7}\u{1b}[31m";
        let events = [Event {
            uid: "a@samrad".into(),
            starts_at: 0,
            ends_at: 3_600_000,
            summary: title,
            description: title,
            location: title,
            url: "",
        }];
        let ics = calendar(title, 0, &events);
        let lines = |name: &str| ics.split("\r\n").filter(|l| *l == name).count();
        assert_eq!(lines("BEGIN:VEVENT"), 1, "{ics:?}");
        assert_eq!(lines("END:VEVENT"), 1, "{ics:?}");
        let bare_break = ics
            .replace("\r\n", "")
            .chars()
            .any(|c| c.is_control() && c != '\t');
        assert!(!bare_break, "{ics:?}");
        assert!(ics.contains("Möte\\nEND:VEVENT\\nBEGIN:VEVENT"));
    }
}
