//! Timestamps without a date crate: ISO 8601 / RFC 3339 date-times (task dates) and HTTP-dates
//! (`Retry-After`), both to Unix milliseconds, and back to ISO 8601 for sending.
//!
//! Dates are proleptic Gregorian and converted with Howard Hinnant's `days_from_civil` /
//! `civil_from_days` algorithms, which are exact for every year we can parse.

const MS_PER_DAY: i64 = 86_400_000;

/// The largest distance from the epoch a JavaScript `Date` can hold, in milliseconds.
pub const JS_DATE_MAX_MS: f64 = 8.64e15;

const EXAMPLE: &str = "like 2026-05-20T15:00:00Z or 2026-05-20T20:30:00+05:30";

/// Parses an ISO 8601 date-time with a time zone (`2026-05-20T15:00:00Z`,
/// `2026-05-20T20:30:00.000+05:30`) to Unix milliseconds. `Err` says what is wrong.
///
/// The accepted form is RFC 3339's, with seconds optional:
/// `YYYY-MM-DDTHH:MM[:SS[.fraction]]` followed by `Z` or an offset `±HH:MM` / `±HHMM`.
/// As RFC 3339 allows, `T` and `Z` may be lowercase. Fractions may have any number of digits;
/// digits past milliseconds are dropped. Rejected: a missing zone, impossible dates (February 30,
/// February 29 outside leap years), hour 24, leap second 60 (a JavaScript `Date` cannot hold it
/// either), a space instead of `T`, and surrounding whitespace.
///
/// The `Err` reads as the end of a sentence about the field: `due_date` "must include a time
/// zone, e.g. Z or +05:30".
///
/// ```
/// use superfone_crm::time::parse_iso8601_ms;
/// assert_eq!(parse_iso8601_ms("1970-01-01T00:00:00Z"), Ok(0.0));
/// assert_eq!(parse_iso8601_ms("1970-01-01T05:30:00.250+05:30"), Ok(250.0));
/// assert!(parse_iso8601_ms("2026-05-20T15:00:00").unwrap_err().contains("time zone"));
/// ```
pub fn parse_iso8601_ms(s: &str) -> Result<f64, String> {
    if s.is_empty() {
        return Err(format!(
            "is empty; expected an ISO 8601 date-time {EXAMPLE}"
        ));
    }
    if s.trim() != s {
        return Err("must not have spaces around it".to_string());
    }
    let not_iso = || format!("is not an ISO 8601 date-time {EXAMPLE}");
    let mut c = Cursor::new(s);

    let year = c.digits(4).ok_or_else(not_iso)?;
    c.expect(b'-').ok_or_else(not_iso)?;
    let month = c.digits(2).ok_or_else(not_iso)?;
    c.expect(b'-').ok_or_else(not_iso)?;
    let day = c.digits(2).ok_or_else(not_iso)?;
    check_date(year, month, day)?;
    if c.at_end() {
        return Err(
            "has no time of day; expected a date-time like 2026-05-20T15:00:00Z".to_string(),
        );
    }
    c.expect_any(b"Tt").ok_or_else(not_iso)?;

    let hour = c.digits(2).ok_or_else(not_iso)?;
    c.expect(b':').ok_or_else(not_iso)?;
    let minute = c.digits(2).ok_or_else(not_iso)?;
    let mut second = 0;
    let mut millis = 0;
    if c.eat(b':') {
        second = c.digits(2).ok_or_else(not_iso)?;
        if c.eat(b'.') {
            millis = c.fraction_ms().ok_or_else(not_iso)?;
        }
    }
    if hour > 23 {
        return Err(format!("has hour {hour:02}; hours run 00–23"));
    }
    if minute > 59 {
        return Err(format!("has minute {minute:02}; minutes run 00–59"));
    }
    if second > 59 {
        return Err(format!(
            "has second {second:02}; seconds run 00–59 (leap seconds are not accepted)"
        ));
    }

    if c.at_end() {
        return Err("must include a time zone, e.g. Z or +05:30".to_string());
    }
    let offset_minutes = if c.expect_any(b"Zz").is_some() {
        0
    } else {
        let sign = match c.expect_any(b"+-") {
            Some(b'-') => -1,
            Some(_) => 1,
            None => return Err(not_iso()),
        };
        let oh = c.digits(2).ok_or_else(not_iso)?;
        c.eat(b':');
        let om = c.digits(2).ok_or_else(not_iso)?;
        if oh > 23 || om > 59 {
            return Err(format!(
                "has time zone offset {}{oh:02}:{om:02}; offsets run from -23:59 to +23:59",
                if sign < 0 { '-' } else { '+' }
            ));
        }
        sign * i64::from(oh * 60 + om)
    };
    if !c.at_end() {
        return Err(not_iso());
    }

    let days = days_from_civil(i64::from(year), month, day);
    let minutes = i64::from(hour * 60 + minute) - offset_minutes;
    let ms = days * MS_PER_DAY + (minutes * 60 + i64::from(second)) * 1000 + i64::from(millis);
    Ok(ms as f64)
}

/// Parses an HTTP-date (`Wed, 21 Oct 2015 07:28:00 GMT`, RFC 9110 IMF-fixdate) to Unix milliseconds.
///
/// The two obsolete forms RFC 9110 asks recipients to accept are read too (`Sunday, 06-Nov-94
/// 08:49:37 GMT` and asctime's `Sun Nov  6 08:49:37 1994`). Names are matched without regard to
/// case and runs of spaces count as one; the weekday is not checked against the date. Anything
/// else, including impossible dates, is `None`.
///
/// ```
/// use superfone_crm::time::parse_http_date_ms;
/// assert_eq!(parse_http_date_ms("Thu, 01 Jan 1970 00:00:10 GMT"), Some(10_000.0));
/// assert_eq!(parse_http_date_ms("120"), None);
/// ```
pub fn parse_http_date_ms(s: &str) -> Option<f64> {
    let tokens: Vec<&str> = s.split_ascii_whitespace().collect();
    let (day_name, year, month, day, time) = match tokens.as_slice() {
        // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
        [wd, d, m, y, t, "GMT"] => {
            let wd = wd.strip_suffix(',')?;
            (wd, number(y, 4)?, month_number(m)?, number(d, 2)?, *t)
        }
        // RFC 850: Sunday, 06-Nov-94 08:49:37 GMT
        [wd, date, t, "GMT"] => {
            let wd = wd.strip_suffix(',')?;
            let mut parts = date.split('-');
            let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
            if parts.next().is_some() {
                return None;
            }
            let yy = number(y, 2)?;
            let year = if yy < 70 { 2000 + yy } else { 1900 + yy };
            (wd, year, month_number(m)?, number(d, 2)?, *t)
        }
        // asctime: Sun Nov  6 08:49:37 1994
        [wd, m, d, t, y] if !d.is_empty() && d.len() <= 2 => {
            let d = if d.len() == 1 {
                number(d, 1)?
            } else {
                number(d, 2)?
            };
            (*wd, number(y, 4)?, month_number(m)?, d, *t)
        }
        _ => return None,
    };
    if !is_day_name(day_name) {
        return None;
    }
    check_date(year, month, day).ok()?;
    let mut hms = time.split(':');
    let (h, m, sec) = (
        number(hms.next()?, 2)?,
        number(hms.next()?, 2)?,
        number(hms.next()?, 2)?,
    );
    if hms.next().is_some() || h > 23 || m > 59 || sec > 59 {
        return None;
    }
    let days = days_from_civil(i64::from(year), month, day);
    let secs = i64::from(h * 3600 + m * 60 + sec);
    Some((days * MS_PER_DAY + secs * 1000) as f64)
}

/// A duration in milliseconds for a message: `30000`, `1.5`, `0.25` (at most three decimals, no
/// exponent), without the float formatting machinery.
///
/// ```
/// use superfone_crm::time::format_ms;
/// assert_eq!(format_ms(30000.0), "30000");
/// assert_eq!(format_ms(1.5), "1.5");
/// assert_eq!(format_ms(0.125), "0.125");
/// ```
pub fn format_ms(ms: f64) -> String {
    // Thousandths; `as` saturates, and the options cap a timeout at 2^31 - 1 ms anyway.
    let thousandths = (ms.max(0.0) * 1000.0).round() as u64;
    let (whole, fraction) = (thousandths / 1000, thousandths % 1000);
    if fraction == 0 {
        return whole.to_string();
    }
    let fraction = format!("{fraction:03}");
    format!("{whole}.{}", fraction.trim_end_matches('0'))
}

/// Formats Unix milliseconds as `2026-05-20T15:00:00.000Z`, exactly as JavaScript's
/// `Date.prototype.toISOString` does (years outside 0000–9999 as `+YYYYYY` / `-YYYYYY`).
///
/// Fractions of a millisecond are truncated. A value no `Date` can hold (NaN, ±∞, beyond
/// ±8.64e15) formats as `"Invalid Date"`, which no parser here accepts, so it surfaces as a
/// validation issue instead of a silently wrong date.
///
/// ```
/// use superfone_crm::time::format_iso8601_ms;
/// assert_eq!(format_iso8601_ms(1_779_289_200_000.0), "2026-05-20T15:00:00.000Z");
/// assert_eq!(format_iso8601_ms(f64::NAN), "Invalid Date");
/// ```
pub fn format_iso8601_ms(ms: f64) -> String {
    if !ms.is_finite() || ms.abs() > JS_DATE_MAX_MS {
        return "Invalid Date".to_string();
    }
    let ms = ms.trunc() as i64;
    let (days, in_day) = (ms.div_euclid(MS_PER_DAY), ms.rem_euclid(MS_PER_DAY));
    let (year, month, day) = civil_from_days(days);
    let year = if (0..=9999).contains(&year) {
        format!("{year:04}")
    } else if year < 0 {
        format!("-{:06}", -year)
    } else {
        format!("+{year:06}")
    };
    format!(
        "{year}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        in_day / 3_600_000,
        in_day / 60_000 % 60,
        in_day / 1000 % 60,
        in_day % 1000
    )
}

fn is_leap_year(year: u32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn check_date(year: u32, month: u32, day: u32) -> Result<(), String> {
    if !(1..=12).contains(&month) {
        return Err(format!("has month {month:02}; months run 01–12"));
    }
    let last = days_in_month(year, month);
    if !(1..=last).contains(&day) {
        let name = MONTHS[month as usize - 1];
        return Err(format!(
            "has day {day:02}, but {name} {year:04} has {last} days"
        ));
    }
    Ok(())
}

/// Days from 1970-01-01 to the given proleptic Gregorian date (Hinnant's `days_from_civil`).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = i64::from((month + 9) % 12); // March = 0
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The proleptic Gregorian date `days` after 1970-01-01 (Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// `s` as a number of exactly `len` ASCII digits.
fn number(s: &str, len: usize) -> Option<u32> {
    if s.len() != len || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn month_number(name: &str) -> Option<u32> {
    MONTHS
        .iter()
        .position(|m| m[..3].eq_ignore_ascii_case(name))
        .map(|i| i as u32 + 1)
}

fn is_day_name(name: &str) -> bool {
    const DAYS: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    DAYS.iter()
        .any(|d| d.eq_ignore_ascii_case(name) || d[..3].eq_ignore_ascii_case(name))
}

/// A read position in an ASCII pattern; any other byte simply fails to match.
struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Cursor<'a> {
    fn new(s: &'a str) -> Self {
        Cursor {
            bytes: s.as_bytes(),
            at: 0,
        }
    }

    fn at_end(&self) -> bool {
        self.at >= self.bytes.len()
    }

    fn eat(&mut self, b: u8) -> bool {
        self.expect(b).is_some()
    }

    fn expect(&mut self, b: u8) -> Option<()> {
        self.expect_any(&[b]).map(|_| ())
    }

    fn expect_any(&mut self, set: &[u8]) -> Option<u8> {
        let b = *self.bytes.get(self.at)?;
        if set.contains(&b) {
            self.at += 1;
            Some(b)
        } else {
            None
        }
    }

    /// Exactly `n` ASCII digits as a number.
    fn digits(&mut self, n: usize) -> Option<u32> {
        let chunk = self.bytes.get(self.at..self.at + n)?;
        let mut value = 0;
        for &b in chunk {
            if !b.is_ascii_digit() {
                return None;
            }
            value = value * 10 + u32::from(b - b'0');
        }
        self.at += n;
        Some(value)
    }

    /// One or more digits of a decimal fraction, as whole milliseconds (truncated).
    fn fraction_ms(&mut self) -> Option<u32> {
        let start = self.at;
        let mut ms = 0;
        while let Some(b) = self.bytes.get(self.at).filter(|b| b.is_ascii_digit()) {
            if self.at - start < 3 {
                ms = ms * 10 + u32::from(b - b'0');
            }
            self.at += 1;
        }
        let len = self.at - start;
        if len == 0 {
            return None;
        }
        Some(ms * 10u32.pow(3usize.saturating_sub(len) as u32))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(s: &str) -> f64 {
        parse_iso8601_ms(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    fn reason(s: &str) -> String {
        parse_iso8601_ms(s).unwrap_err()
    }

    #[test]
    fn iso_utc_date_time_is_unix_ms() {
        assert_eq!(ms("1970-01-01T00:00:00Z"), 0.0);
        assert_eq!(ms("2026-05-20T15:00:00Z"), 1_779_289_200_000.0);
        assert_eq!(ms("2000-03-01T00:00:00Z"), 951_868_800_000.0);
        assert_eq!(ms("1969-12-31T23:59:59Z"), -1000.0);
    }

    #[test]
    fn iso_offsets_are_subtracted() {
        assert_eq!(ms("2026-05-20T20:30:00+05:30"), ms("2026-05-20T15:00:00Z"));
        assert_eq!(ms("2026-05-20T20:30:00+0530"), ms("2026-05-20T15:00:00Z"));
        assert_eq!(ms("2026-05-20T10:00:00-05:00"), ms("2026-05-20T15:00:00Z"));
        assert_eq!(ms("2026-05-20T15:00:00-00:00"), ms("2026-05-20T15:00:00Z"));
    }

    #[test]
    fn iso_seconds_and_fractions_are_optional() {
        assert_eq!(ms("2026-05-20T15:00Z"), ms("2026-05-20T15:00:00Z"));
        assert_eq!(ms("1970-01-01T00:00:00.5Z"), 500.0);
        assert_eq!(ms("1970-01-01T00:00:00.123Z"), 123.0);
        assert_eq!(ms("1970-01-01T00:00:00.123999999Z"), 123.0);
    }

    #[test]
    fn iso_accepts_lowercase_t_and_z() {
        assert_eq!(ms("2026-05-20t15:00:00z"), ms("2026-05-20T15:00:00Z"));
    }

    #[test]
    fn iso_must_include_a_time_zone() {
        assert_eq!(
            reason("2026-05-20T15:00:00"),
            "must include a time zone, e.g. Z or +05:30"
        );
        assert!(reason("2026-05-20T15:00").contains("time zone"));
    }

    #[test]
    fn iso_needs_a_time_of_day() {
        assert!(reason("2026-05-20").contains("no time of day"));
    }

    #[test]
    fn iso_knows_month_lengths_and_leap_years() {
        assert!(reason("2026-02-29T00:00:00Z").contains("February 2026 has 28 days"));
        assert!(reason("2026-02-30T00:00:00Z").contains("has day 30"));
        assert!(reason("2026-04-31T00:00:00Z").contains("April 2026 has 30 days"));
        assert!(reason("1900-02-29T00:00:00Z").contains("28 days"));
        assert!(parse_iso8601_ms("2024-02-29T00:00:00Z").is_ok());
        assert!(parse_iso8601_ms("2000-02-29T00:00:00Z").is_ok());
        assert!(reason("2026-00-10T00:00:00Z").contains("months run 01–12"));
        assert!(reason("2026-13-10T00:00:00Z").contains("months run 01–12"));
        assert!(reason("2026-01-00T00:00:00Z").contains("has day 00"));
    }

    #[test]
    fn iso_refuses_out_of_range_times() {
        assert!(reason("2026-05-20T24:00:00Z").contains("hours run 00–23"));
        assert!(reason("2026-05-20T23:60:00Z").contains("minutes run 00–59"));
        assert!(reason("2016-12-31T23:59:60Z").contains("leap seconds"));
        assert!(reason("2026-05-20T15:00:00+24:00").contains("offsets run"));
        assert!(reason("2026-05-20T15:00:00+05:60").contains("offsets run"));
    }

    #[test]
    fn iso_refuses_other_shapes() {
        for s in [
            "2026-05-20 15:00:00Z",
            "20260520T150000Z",
            "2026-5-20T15:00:00Z",
            "2026-05-20T15:00:00.Z",
            "2026-05-20T15:00:00+05",
            "2026-05-20T15:00:00Z trailing",
            "2026-05-20T15:00:00ZZ",
            "2026-05-20T15:00:00UTC",
            "+002026-05-20T15:00:00Z",
            "２０２６-05-20T15:00:00Z",
            "yesterday",
            "1747753200000",
        ] {
            assert!(reason(s).contains("is not an ISO 8601 date-time"), "{s}");
        }
        assert!(reason("").contains("is empty"));
        assert!(reason(" 2026-05-20T15:00:00Z").contains("spaces around"));
    }

    #[test]
    fn http_date_imf_fixdate_is_unix_ms() {
        assert_eq!(
            parse_http_date_ms("Wed, 21 Oct 2015 07:28:00 GMT"),
            Some(1_445_412_480_000.0)
        );
        assert_eq!(
            parse_http_date_ms("Sun, 06 Nov 1994 08:49:37 GMT"),
            Some(784_111_777_000.0)
        );
    }

    #[test]
    fn http_date_accepts_the_obsolete_forms() {
        let expected = Some(784_111_777_000.0);
        assert_eq!(
            parse_http_date_ms("Sunday, 06-Nov-94 08:49:37 GMT"),
            expected
        );
        assert_eq!(parse_http_date_ms("Sun Nov  6 08:49:37 1994"), expected);
    }

    #[test]
    fn http_date_refuses_anything_else() {
        for s in [
            "",
            "120",
            "Wed, 21 Oct 2015 07:28:00 UTC",
            "Wed, 21 Oct 2015 07:28:00",
            "Wed, 31 Feb 2015 07:28:00 GMT",
            "Wed, 21 Foo 2015 07:28:00 GMT",
            "Wed, 21 Oct 2015 25:28:00 GMT",
            "Xyz, 21 Oct 2015 07:28:00 GMT",
            "2015-10-21T07:28:00Z",
        ] {
            assert_eq!(parse_http_date_ms(s), None, "{s}");
        }
    }

    #[test]
    fn format_is_javascript_to_iso_string() {
        assert_eq!(format_iso8601_ms(0.0), "1970-01-01T00:00:00.000Z");
        assert_eq!(format_iso8601_ms(-1.0), "1969-12-31T23:59:59.999Z");
        assert_eq!(
            format_iso8601_ms(951_868_800_000.0),
            "2000-03-01T00:00:00.000Z"
        );
        assert_eq!(
            format_iso8601_ms(1_779_289_200_123.9),
            "2026-05-20T15:00:00.123Z"
        );
        assert_eq!(format_iso8601_ms(8.64e15), "+275760-09-13T00:00:00.000Z");
        assert_eq!(format_iso8601_ms(-8.64e15), "-271821-04-20T00:00:00.000Z");
    }

    #[test]
    fn format_of_an_impossible_date_is_invalid_date() {
        for ms in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 8.64e15 + 1.0] {
            assert_eq!(format_iso8601_ms(ms), "Invalid Date");
        }
    }

    #[test]
    fn format_then_parse_is_the_same_instant() {
        for ms in [
            0.0,
            1_779_289_200_123.0,
            -62_167_219_200_000.0,
            253_402_300_799_999.0,
        ] {
            assert_eq!(parse_iso8601_ms(&format_iso8601_ms(ms)), Ok(ms));
        }
    }
}
