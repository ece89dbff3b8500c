//! The retry policy as a pure function: given what happened on an attempt, retry after Δ or give up.
//! Exponential backoff with jitter and a cap, honouring `Retry-After`, and never a blind retry of
//! a request that is not safe to repeat once it may have reached the server.
//!
//! The binding calls [`decide`] after each failed attempt and sleeps `after_ms` before the next;
//! the randomness (`jitter`) and the clock (`now_ms`) come from the caller, so the policy is
//! deterministic and testable.
//!
//! ```
//! use superfone_crm::retry::{decide, Decision, Outcome, RetryPolicy};
//!
//! let policy = RetryPolicy::default(); // 2 retries, 500 ms doubling up to 8 s
//! // A 503 on a read: retried, honouring Retry-After.
//! assert_eq!(
//!     decide(&policy, true, 0, &Outcome::Status(503), Some("3"), 0.0, 0.5),
//!     Decision::Retry { after_ms: 3000.0 }
//! );
//! // A timeout on Create Task: the task may exist already, so no blind retry.
//! assert_eq!(decide(&policy, false, 0, &Outcome::Timeout, None, 0.0, 0.5), Decision::GiveUp);
//! ```

use crate::error::{Error, ErrorKind};

/// How many times, and how patiently, to retry.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RetryPolicy {
    /// Retries after the first attempt (JS `maxRetries`, default 2; 0 disables retries).
    pub max_retries: u32,
    /// The backoff before the first retry, doubled for each further one (default 500 ms).
    pub base_delay_ms: f64,
    /// The cap on a backoff delay (default 8000 ms).
    pub max_delay_ms: f64,
    /// The longest `Retry-After` honoured (default 60 000 ms); a longer one gives up instead of
    /// hanging the caller for minutes.
    pub max_retry_after_ms: f64,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_retries: 2,
            base_delay_ms: 500.0,
            max_delay_ms: 8000.0,
            max_retry_after_ms: 60_000.0,
        }
    }
}

impl RetryPolicy {
    /// The default policy with `max_retries` retries.
    pub fn with_max_retries(max_retries: u32) -> Self {
        RetryPolicy {
            max_retries,
            ..RetryPolicy::default()
        }
    }
}

/// What an attempt ended with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// A response arrived with this status.
    Status(u16),
    /// No response (connection refused or reset, DNS, …). The request may still have reached the
    /// server: there is no way to know it did not.
    Network,
    /// The attempt ran past its timeout. The request may have reached the server and taken
    /// effect.
    Timeout,
}

impl Outcome {
    /// The outcome an [`Error`] stands for: its status when a response arrived, or a network
    /// error or timeout. `None` for errors that are never retried (validation, abort, and
    /// `decode`: a 2xx arrived, so the request took effect).
    pub fn of_error(error: &Error) -> Option<Outcome> {
        match error.kind {
            ErrorKind::Timeout => Some(Outcome::Timeout),
            ErrorKind::Network => Some(Outcome::Network),
            ErrorKind::Validation | ErrorKind::Aborted | ErrorKind::Decode => None,
            _ => error.status.map(Outcome::Status),
        }
    }
}

/// What to do after a failed attempt.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Decision {
    /// Send the request again after `after_ms` milliseconds (finite, ≥ 0).
    Retry { after_ms: f64 },
    /// Report the failure.
    GiveUp,
}

/// Whether a status may be retried automatically: 408 (request timeout), 429 (rate limited),
/// 500, 502, 503, 504 (a server or gateway that failed momentarily).
///
/// 409 is not among them: nothing in this API returns it, and a conflict is a statement about
/// the data that a repeat does not change. 501 and 505 describe the request, not a moment.
pub fn is_retryable_status(status: u16) -> bool {
    matches!(status, 408 | 429 | 500 | 502 | 503 | 504)
}

/// Decides whether to retry after attempt number `retries_done + 1` ended with `outcome`.
///
/// - `retries_done >= max_retries` → give up.
/// - 429 is retried even when the request is not `retry_safe`: the server refused it, so
///   nothing was done.
/// - 408, 500, 502, 503, 504, network errors and timeouts are retried only when `retry_safe`:
///   the request may have taken effect, and repeating Create Task would create a second task.
/// - Any other status (2xx, other 4xx, …) → give up.
///
/// The delay:
/// - a valid `Retry-After` (`retry_after`, the header's value: delta-seconds such as `"3"` or
///   `"1.5"`, or an HTTP-date compared with `now_ms`; a date in the past means 0) is honoured as
///   given when ≤ `max_retry_after_ms`; a longer one → give up, rather than hang;
///   an unparseable one is ignored. Only the standard header is read (no `retry-after-ms`:
///   Superfone documents neither);
/// - otherwise exponential backoff with "equal jitter": with `d = min(base · 2^retries_done,
///   max_delay_ms)`, the delay is `d/2 + jitter · d/2`, so it is never below half the backoff
///   (no thundering herd of immediate retries) and never above the cap. `jitter` is uniform in
///   0..1 from the caller (clamped; NaN counts as 0.5).
pub fn decide(
    policy: &RetryPolicy,
    retry_safe: bool,
    retries_done: u32,
    outcome: &Outcome,
    retry_after: Option<&str>,
    now_ms: f64,
    jitter: f64,
) -> Decision {
    if retries_done >= policy.max_retries {
        return Decision::GiveUp;
    }
    let retry = match *outcome {
        Outcome::Status(429) => true,
        Outcome::Status(status) => retry_safe && is_retryable_status(status),
        Outcome::Network | Outcome::Timeout => retry_safe,
    };
    if !retry {
        return Decision::GiveUp;
    }
    if let (Outcome::Status(_), Some(header)) = (outcome, retry_after) {
        if let Some(after_ms) = parse_retry_after_ms(header, now_ms) {
            return if after_ms <= policy.max_retry_after_ms {
                Decision::Retry { after_ms }
            } else {
                Decision::GiveUp
            };
        }
    }
    Decision::Retry {
        after_ms: backoff_ms(policy, retries_done, jitter),
    }
}

/// The backoff before retry number `retries_done + 1`: equal jitter over
/// `min(base · 2^retries_done, max)`. Always finite and within `[0, max_delay_ms]`.
pub fn backoff_ms(policy: &RetryPolicy, retries_done: u32, jitter: f64) -> f64 {
    let sane = |x: f64| if x.is_finite() && x > 0.0 { x } else { 0.0 };
    let cap = sane(policy.max_delay_ms);
    let base = sane(policy.base_delay_ms);
    let exponent = i32::try_from(retries_done.min(64)).unwrap_or(64);
    let full = (base * 2f64.powi(exponent)).min(cap);
    let jitter = if jitter.is_nan() {
        0.5
    } else {
        jitter.clamp(0.0, 1.0)
    };
    (full / 2.0 + jitter * full / 2.0).min(cap)
}

/// A `Retry-After` value in milliseconds from `now_ms`: delta-seconds (digits, optionally with a
/// fraction) or an HTTP-date (a past date → 0). `None` when it is neither.
///
/// ```
/// use superfone_crm::retry::parse_retry_after_ms;
/// assert_eq!(parse_retry_after_ms("2", 0.0), Some(2000.0));
/// assert_eq!(parse_retry_after_ms("soon", 0.0), None);
/// ```
pub fn parse_retry_after_ms(value: &str, now_ms: f64) -> Option<f64> {
    let value = value.trim();
    let (whole, fraction) = value.split_once('.').unwrap_or((value, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let ms = if !whole.is_empty() && digits(whole) && digits(fraction) && !value.ends_with('.') {
        // Digit by digit rather than `str::parse::<f64>`, whose algorithm is the largest thing
        // it would bring into the .wasm; exact for any wait a server would send.
        let whole_s = whole
            .bytes()
            .fold(0.0, |x, b| x * 10.0 + f64::from(b - b'0'));
        let (fraction_s, _) = fraction.bytes().take(15).fold((0.0, 1.0), |(x, scale), b| {
            (x + f64::from(b - b'0') * scale / 10.0, scale / 10.0)
        });
        (whole_s + fraction_s) * 1000.0
    } else {
        let at = crate::time::parse_http_date_ms(value)?;
        (at - now_ms).max(0.0)
    };
    ms.is_finite().then_some(ms)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_then_caps() {
        let p = RetryPolicy::default();
        assert_eq!(backoff_ms(&p, 0, 1.0), 500.0);
        assert_eq!(backoff_ms(&p, 1, 1.0), 1000.0);
        assert_eq!(backoff_ms(&p, 4, 1.0), 8000.0);
        assert_eq!(backoff_ms(&p, 40, 1.0), 8000.0);
        assert_eq!(backoff_ms(&p, u32::MAX, 0.0), 4000.0);
    }

    #[test]
    fn delta_seconds_forms() {
        assert_eq!(parse_retry_after_ms(" 7 ", 0.0), Some(7000.0));
        assert_eq!(parse_retry_after_ms("1.5", 0.0), Some(1500.0));
        assert_eq!(parse_retry_after_ms("0", 0.0), Some(0.0));
    }
}
