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

/// A whole calendar, CRLF line ends, long lines folded (by `icalendar`).
pub fn calendar(name: &str, stamp: i64, events: &[Event]) -> String {
    use icalendar::{Calendar, Component, EventLike, Property};
    let mut cal = Calendar::empty();
    for (key, value) in [
        ("VERSION", "2.0"),
        ("PRODID", "-//Samråd//Marknadsdialoger//SV"),
        ("CALSCALE", "GREGORIAN"),
        ("METHOD", "PUBLISH"),
    ] {
        cal.append_property(Property::new(key, value));
    }
    cal.append_property(Property::new("X-WR-CALNAME", clean(name)));
    for e in events {
        let mut event = icalendar::Event::new();
        event
            .uid(&e.uid)
            .timestamp(utc(stamp))
            .starts(utc(e.starts_at))
            .ends(utc(e.ends_at))
            .summary(&clean(e.summary));
        if !e.description.is_empty() {
            event.description(&clean(e.description));
        }
        if !e.location.is_empty() {
            event.location(&clean(e.location));
        }
        if !e.url.is_empty() {
            event.url(e.url);
        }
        cal.push(event.done());
    }
    cal.to_string()
}

fn utc(ms: i64) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp_millis(ms).unwrap_or_default()
}

/// Text as a calendar value may hold it: every kind of line break (CRLF,
/// CR, LF) becomes one LF (written `\n`), and other control characters,
/// which TEXT may not contain, are dropped, so nothing typed can end a line
/// and start a property of its own.
fn clean(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .collect()
}

/// Reads back the events' (UID, DTSTART, DTEND, SUMMARY) from a calendar,
/// unescaped: for tests and for checking an export.
pub fn parse_events(ics: &str) -> Vec<(String, String, String, String)> {
    use icalendar::{Calendar, Component};
    let Ok(cal) = ics.parse::<Calendar>() else {
        return Vec::new();
    };
    let value =
        |e: &icalendar::Event, key: &str| e.property_value(key).unwrap_or_default().to_string();
    cal.events()
        .map(|e| {
            (
                value(e, "UID"),
                value(e, "DTSTART"),
                value(e, "DTEND"),
                e.get_summary().unwrap_or_default().to_string(),
            )
        })
        .collect()
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
        assert!(ics
            .replace("\r\n ", "")
            .contains("Möte\\nEND:VEVENT\\nBEGIN:VEVENT"));
    }
}
