//! Times are stored in UTC (milliseconds since the epoch) and shown in
//! Europe/Stockholm: CET (UTC+1), and CEST (UTC+2) from 01:00 UTC on the
//! last Sunday of March to 01:00 UTC on the last Sunday of October, as EU
//! law has it since 1996.

const DAY_MS: i64 = 86_400_000;
const HOUR_MS: i64 = 3_600_000;

/// (year, month 1–12, day 1–31) of a day count since 1970-01-01.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// (year, month, day) of a day count since 1970-01-01, for other rooms.
pub fn civil_date(days: i64) -> (i64, u32, u32) {
    civil_from_days(days)
}

/// Days since 1970-01-01 of a civil date.
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The last Sunday of a month, 01:00 UTC, in ms.
fn last_sunday_0100_utc(year: i64, month: u32) -> i64 {
    let first_of_next = if month == 12 {
        days_from_civil(year + 1, 1, 1)
    } else {
        days_from_civil(year, month + 1, 1)
    };
    let last = first_of_next - 1;
    // 1970-01-01 was a Thursday: weekday 0 = Monday.
    let weekday = (last + 3).rem_euclid(7);
    let sunday = last - (weekday - 6).rem_euclid(7);
    sunday * DAY_MS + HOUR_MS
}

/// Now, in milliseconds since the Unix epoch. Pages render on the server;
/// in the browser the system clock is just as good.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// Stockholm's offset from UTC at an instant, in hours.
pub fn stockholm_offset_hours(utc_ms: i64) -> i64 {
    let (year, _, _) = civil_from_days(utc_ms.div_euclid(DAY_MS));
    let summer = last_sunday_0100_utc(year, 3) <= utc_ms && utc_ms < last_sunday_0100_utc(year, 10);
    if summer {
        2
    } else {
        1
    }
}

/// "2026-11-26 14:05", Stockholm time.
pub fn format_stockholm(utc_ms: i64) -> String {
    let local = utc_ms + stockholm_offset_hours(utc_ms) * HOUR_MS;
    let (year, month, day) = civil_from_days(local.div_euclid(DAY_MS));
    let minutes = local.rem_euclid(DAY_MS) / 60_000;
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}",
        minutes / 60,
        minutes % 60
    )
}

/// Why a date and time typed in Stockholm time was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LocalTimeProblem {
    /// Not written as YYYY-MM-DD and HH:MM.
    Malformed,
    /// A date the calendar does not have, such as 30 February.
    NoSuchDate,
    /// A time the clocks skip when summer time begins (02:00–02:59 on the
    /// last Sunday of March).
    NoSuchTime,
}

/// The instant of a date ("2027-03-28") and time ("14:30") in Stockholm.
/// In the hour that occurs twice when summer time ends, the first (summer
/// time) is meant.
pub fn parse_stockholm(date: &str, time: &str) -> Result<i64, LocalTimeProblem> {
    let number = |s: &str| s.parse::<i64>().map_err(|_| LocalTimeProblem::Malformed);
    let parts: Vec<&str> = date.trim().split('-').collect();
    let [year, month, day] = parts.as_slice() else {
        return Err(LocalTimeProblem::Malformed);
    };
    let (year, month, day) = (number(year)?, number(month)?, number(day)?);
    let clock: Vec<&str> = time.trim().split(':').collect();
    let [hour, minute] = clock.as_slice() else {
        return Err(LocalTimeProblem::Malformed);
    };
    let (hour, minute) = (number(hour)?, number(minute)?);
    if !(2000..=2100).contains(&year) || !(0..24).contains(&hour) || !(0..60).contains(&minute) {
        return Err(LocalTimeProblem::Malformed);
    }
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return Err(LocalTimeProblem::NoSuchDate);
    }
    let days = days_from_civil(year, month as u32, day as u32);
    if civil_from_days(days) != (year, month as u32, day as u32) {
        return Err(LocalTimeProblem::NoSuchDate);
    }
    let local = days * DAY_MS + hour * HOUR_MS + minute * 60_000;
    [2, 1]
        .into_iter()
        .map(|offset| local - offset * HOUR_MS)
        .find(|utc| utc + stockholm_offset_hours(*utc) * HOUR_MS == local)
        .ok_or(LocalTimeProblem::NoSuchTime)
}

/// ("2027-03-28", "14:30") in Stockholm, for a form's date and time fields.
pub fn stockholm_parts(utc_ms: i64) -> (String, String) {
    let text = format_stockholm(utc_ms);
    let (date, time) = text.split_once(' ').unwrap_or((&text, ""));
    (date.to_string(), time.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(year: i64, month: u32, day: u32, hour: i64, minute: i64) -> i64 {
        days_from_civil(year, month, day) * DAY_MS + hour * HOUR_MS + minute * 60_000
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
            Err(LocalTimeProblem::Malformed)
        );
        assert_eq!(
            parse_stockholm("2026-11-26", "25:00"),
            Err(LocalTimeProblem::Malformed)
        );
        assert_eq!(
            parse_stockholm("i morgon", "10:00"),
            Err(LocalTimeProblem::Malformed)
        );
        let t = utc(2026, 10, 25, 1, 30);
        let (date, time) = stockholm_parts(t);
        assert_eq!(
            parse_stockholm(&date, &time).map(|u| u == t || u == t - HOUR_MS),
            Ok(true)
        );
    }

    #[test]
    fn civil_dates_round_trip() {
        for days in [-1, 0, 59, 10_957, 20_000, 20_783] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(days_from_civil(2024, 2, 29)), (2024, 2, 29));
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
}
