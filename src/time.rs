//! Timestamps without a date crate: ISO 8601 / RFC 3339 date-times (task dates) and HTTP-dates
//! (`Retry-After`), both to Unix milliseconds.

/// Parses an ISO 8601 date-time with a time zone (`2026-05-20T15:00:00Z`,
/// `2026-05-20T20:30:00.000+05:30`) to Unix milliseconds. `Err` says what is wrong.
pub fn parse_iso8601_ms(s: &str) -> Result<f64, String> {
    let _ = s;
    todo!("helper B")
}

/// Parses an HTTP-date (`Wed, 21 Oct 2015 07:28:00 GMT`, RFC 9110 IMF-fixdate) to Unix milliseconds.
pub fn parse_http_date_ms(s: &str) -> Option<f64> {
    let _ = s;
    todo!("helper B")
}
