//! Times are stored in UTC (milliseconds since the epoch) and shown in
//! Europe/Stockholm. The rules come from the IANA time-zone database,
//! compiled into the program by `jiff` (so neither the server's
//! /usr/share/zoneinfo nor the browser is asked).

use jiff::{
    civil::{Date, DateTime},
    tz::{AmbiguousOffset, TimeZone},
    Timestamp, ToSpan,
};

static STOCKHOLM: TimeZone = jiff::tz::get!("Europe/Stockholm");

fn timestamp(utc_ms: i64) -> Timestamp {
    Timestamp::from_millisecond(utc_ms).unwrap_or(Timestamp::UNIX_EPOCH)
}

fn local(utc_ms: i64) -> DateTime {
    STOCKHOLM.to_datetime(timestamp(utc_ms))
}

/// (year, month 1–12, day 1–31) of a day count since 1970-01-01.
pub fn civil_date(days: i64) -> (i64, u32, u32) {
    let date = Date::constant(1970, 1, 1)
        .checked_add(days.days())
        .unwrap_or(Date::constant(1970, 1, 1));
    (
        i64::from(date.year()),
        date.month() as u32,
        date.day() as u32,
    )
}

/// Stockholm's offset from UTC at an instant, in hours.
pub fn stockholm_offset_hours(utc_ms: i64) -> i64 {
    i64::from(STOCKHOLM.to_offset(timestamp(utc_ms)).seconds()) / 3600
}

/// "2026-11-26 14:05", Stockholm time.
pub fn format_stockholm(utc_ms: i64) -> String {
    local(utc_ms).strftime("%Y-%m-%d %H:%M").to_string()
}

/// A receipt's time, to the second: "2026-12-01 17:05:32 (UTC+01:00)" in
/// Stockholm, and "2026-12-01 16:05:32 UTC".
pub fn receipt_times(utc_ms: i64) -> (String, String) {
    let at = timestamp(utc_ms);
    (
        at.to_zoned(STOCKHOLM.clone())
            .strftime("%Y-%m-%d %H:%M:%S (UTC%:z)")
            .to_string(),
        at.strftime("%Y-%m-%d %H:%M:%S UTC").to_string(),
    )
}

/// Why a date and time typed in Stockholm time was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LocalTimeProblem {
    /// The date is not written as YYYY-MM-DD.
    DateFormat,
    /// The time is not a time of day (14.30, 14:30, 9).
    TimeFormat,
    /// A date the calendar does not have, such as 30 February.
    NoSuchDate,
    /// A time the clocks skip when summer time begins (02:00–02:59 on the
    /// last Sunday of March).
    NoSuchTime,
}

/// Hour and minute of a time of day as Swedes write it: "14.30" (the
/// Swedish way), "14:30", "9" or "kl. 9".
pub fn parse_clock(time: &str) -> Option<(i8, i8)> {
    let time = time.trim();
    let time = time
        .strip_prefix("kl.")
        .or_else(|| time.strip_prefix("kl"))
        .unwrap_or(time)
        .trim();
    let (hour, minute) = match time.split_once(['.', ':']) {
        Some((hour, minute)) if minute.len() == 2 => (hour, minute),
        Some(_) => return None,
        None => (time, "00"),
    };
    let digits = |s: &str| !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(hour) || !digits(minute) {
        return None;
    }
    let (hour, minute) = (hour.parse::<i8>().ok()?, minute.parse::<i8>().ok()?);
    ((0..24).contains(&hour) && (0..60).contains(&minute)).then_some((hour, minute))
}

/// The instant of a date ("2027-03-28") and time ("14.30") in Stockholm.
/// In the hour that occurs twice when summer time ends, the first (summer
/// time) is meant.
pub fn parse_stockholm(date: &str, time: &str) -> Result<i64, LocalTimeProblem> {
    let number = |s: &str| s.parse::<i16>().map_err(|_| LocalTimeProblem::DateFormat);
    let parts: Vec<&str> = date.trim().split('-').collect();
    let [year, month, day] = parts.as_slice() else {
        return Err(LocalTimeProblem::DateFormat);
    };
    let (year, month, day) = (number(year)?, number(month)?, number(day)?);
    if !(2000..=2100).contains(&year) {
        return Err(LocalTimeProblem::DateFormat);
    }
    let date = i8::try_from(month)
        .ok()
        .zip(i8::try_from(day).ok())
        .and_then(|(month, day)| Date::new(year, month, day).ok())
        .ok_or(LocalTimeProblem::NoSuchDate)?;
    let (hour, minute) = parse_clock(time).ok_or(LocalTimeProblem::TimeFormat)?;
    let at = date.at(hour, minute, 0, 0);
    let offset = match STOCKHOLM.to_ambiguous_timestamp(at).offset() {
        AmbiguousOffset::Unambiguous { offset } => offset,
        AmbiguousOffset::Fold { before, .. } => before,
        AmbiguousOffset::Gap { .. } => return Err(LocalTimeProblem::NoSuchTime),
    };
    at.to_zoned(TimeZone::fixed(offset))
        .map(|zoned| zoned.timestamp().as_millisecond())
        .map_err(|_| LocalTimeProblem::DateFormat)
}

/// ("2027-03-28", "14:30") in Stockholm, for a form's date and time fields.
pub fn stockholm_parts(utc_ms: i64) -> (String, String) {
    let at = local(utc_ms);
    (
        at.strftime("%Y-%m-%d").to_string(),
        at.strftime("%H:%M").to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOUR_MS: i64 = 3_600_000;

    #[test]
    fn a_receipt_states_the_second_in_stockholm_with_its_offset_and_in_utc() {
        let winter = utc(2026, 12, 1, 16, 5) + 32_000;
        assert_eq!(
            receipt_times(winter),
            (
                "2026-12-01 17:05:32 (UTC+01:00)".to_string(),
                "2026-12-01 16:05:32 UTC".to_string()
            )
        );
        let summer = utc(2027, 6, 1, 16, 5);
        assert_eq!(receipt_times(summer).0, "2027-06-01 18:05:00 (UTC+02:00)");
    }

    fn utc(year: i16, month: i8, day: i8, hour: i8, minute: i8) -> i64 {
        Date::constant(year, month, day)
            .at(hour, minute, 0, 0)
            .to_zoned(TimeZone::UTC)
            .unwrap()
            .timestamp()
            .as_millisecond()
    }

    #[test]
    fn local_times_parse_across_the_summer_time_changes() {
        assert_eq!(
            parse_stockholm("2026-11-26", "14:05"),
            Ok(utc(2026, 11, 26, 13, 5))
        );
        assert_eq!(
            parse_stockholm("2026-07-02", "00:30"),
            Ok(utc(2026, 7, 1, 22, 30))
        );
        assert_eq!(
            parse_stockholm("2026-03-29", "01:59"),
            Ok(utc(2026, 3, 29, 0, 59))
        );
        assert_eq!(
            parse_stockholm("2026-03-29", "02:30"),
            Err(LocalTimeProblem::NoSuchTime)
        );
        assert_eq!(
            parse_stockholm("2026-03-29", "03:00"),
            Ok(utc(2026, 3, 29, 1, 0))
        );
        assert_eq!(
            parse_stockholm("2026-10-25", "02:30"),
            Ok(utc(2026, 10, 25, 0, 30))
        );
        assert_eq!(
            parse_stockholm("2026-02-30", "10:00"),
            Err(LocalTimeProblem::NoSuchDate)
        );
        assert_eq!(
            parse_stockholm("2027-02-29", "10:00"),
            Err(LocalTimeProblem::NoSuchDate)
        );
        assert!(parse_stockholm("2028-02-29", "10:00").is_ok());
        assert_eq!(
            parse_stockholm("26-11-2026", "10:00"),
            Err(LocalTimeProblem::DateFormat)
        );
        assert_eq!(
            parse_stockholm("2026-11-26", "25:00"),
            Err(LocalTimeProblem::TimeFormat)
        );
        assert_eq!(
            parse_stockholm("i morgon", "10:00"),
            Err(LocalTimeProblem::DateFormat)
        );
        let t = utc(2026, 10, 25, 1, 30);
        let (date, time) = stockholm_parts(t);
        assert_eq!(
            parse_stockholm(&date, &time).map(|u| u == t || u == t - HOUR_MS),
            Ok(true)
        );
    }

    #[test]
    fn times_are_read_as_swedes_write_them() {
        for (typed, expected) in [
            ("12.00", Some((12, 0))),
            ("12:00", Some((12, 0))),
            ("9", Some((9, 0))),
            ("09.05", Some((9, 5))),
            ("kl. 9.30", Some((9, 30))),
            (" 23.59 ", Some((23, 59))),
            ("24.00", None),
            ("12.5", None),
            ("12.60", None),
            ("tolv", None),
            ("", None),
        ] {
            assert_eq!(parse_clock(typed), expected, "{typed:?}");
        }
        assert_eq!(
            parse_stockholm("2026-11-26", "14.05"),
            parse_stockholm("2026-11-26", "14:05")
        );
    }

    #[test]
    fn civil_dates_count_days_from_1970() {
        assert_eq!(civil_date(0), (1970, 1, 1));
        assert_eq!(civil_date(-1), (1969, 12, 31));
        assert_eq!(civil_date(19_782), (2024, 2, 29));
        assert_eq!(civil_date(20_783), (2026, 11, 26));
    }

    #[test]
    fn stockholm_switches_at_one_utc_on_the_last_sundays_of_march_and_october() {
        // 2026: summer time from 29 March, winter time from 25 October.
        assert_eq!(
            format_stockholm(utc(2026, 3, 29, 0, 59)),
            "2026-03-29 01:59"
        );
        assert_eq!(format_stockholm(utc(2026, 3, 29, 1, 0)), "2026-03-29 03:00");
        assert_eq!(
            format_stockholm(utc(2026, 10, 25, 0, 59)),
            "2026-10-25 02:59"
        );
        assert_eq!(
            format_stockholm(utc(2026, 10, 25, 1, 0)),
            "2026-10-25 02:00"
        );
        assert_eq!(
            format_stockholm(utc(2026, 11, 26, 13, 5)),
            "2026-11-26 14:05"
        );
        assert_eq!(
            format_stockholm(utc(2026, 7, 1, 22, 30)),
            "2026-07-02 00:30"
        );
    }

    #[test]
    fn dates_far_from_today_follow_the_rules_of_their_own_time() {
        // 1975: Sweden had no summer time at all.
        assert_eq!(stockholm_offset_hours(utc(1975, 7, 1, 12, 0)), 1);
        // 1995: summer time ended on the last Sunday of September.
        assert_eq!(stockholm_offset_hours(utc(1995, 10, 15, 12, 0)), 1);
        // 2087: the EU rule as it stands, the last Sunday of March.
        assert_eq!(
            parse_stockholm("2087-03-30", "02:30"),
            Err(LocalTimeProblem::NoSuchTime)
        );
        assert_eq!(format_stockholm(utc(2087, 7, 1, 10, 0)), "2087-07-01 12:00");
    }
}
