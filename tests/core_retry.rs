//! The retry policy: when a failed attempt is repeated, and after how long.

use proptest::prelude::*;
use superfone_crm::retry::{
    backoff_ms, decide, is_retryable_status, parse_retry_after_ms, Decision, Outcome, RetryPolicy,
};
use superfone_crm::{Error, ErrorKind};

/// Wed, 21 Oct 2015 07:28:00 GMT in Unix ms.
const OCT_21_2015_07_28: f64 = 1_445_412_480_000.0;

fn policy() -> RetryPolicy {
    RetryPolicy::default()
}

fn first_try(retry_safe: bool, outcome: Outcome) -> Decision {
    decide(&policy(), retry_safe, 0, &outcome, None, 0.0, 0.5)
}

fn is_retry(decision: Decision) -> bool {
    matches!(decision, Decision::Retry { .. })
}

#[test]
fn the_default_policy_retries_twice_from_half_a_second_up_to_eight() {
    assert_eq!(
        policy(),
        RetryPolicy {
            max_retries: 2,
            base_delay_ms: 500.0,
            max_delay_ms: 8000.0,
            max_retry_after_ms: 60_000.0
        }
    );
}

#[test]
fn create_task_is_never_blindly_retried_after_a_timeout() {
    assert_eq!(first_try(false, Outcome::Timeout), Decision::GiveUp);
}

#[test]
fn a_non_retry_safe_request_is_not_retried_after_a_network_error() {
    assert_eq!(first_try(false, Outcome::Network), Decision::GiveUp);
}

#[test]
fn a_non_retry_safe_request_is_not_retried_after_a_5xx() {
    for status in [500, 502, 503, 504, 408] {
        assert_eq!(
            first_try(false, Outcome::Status(status)),
            Decision::GiveUp,
            "{status}"
        );
    }
}

#[test]
fn a_429_is_retried_even_when_the_request_is_not_retry_safe() {
    assert!(is_retry(first_try(false, Outcome::Status(429))));
    assert!(is_retry(first_try(true, Outcome::Status(429))));
}

#[test]
fn reads_are_retried_after_timeouts_network_errors_and_transient_statuses() {
    for outcome in [
        Outcome::Timeout,
        Outcome::Network,
        Outcome::Status(408),
        Outcome::Status(500),
        Outcome::Status(502),
        Outcome::Status(503),
        Outcome::Status(504),
    ] {
        assert!(is_retry(first_try(true, outcome)), "{outcome:?}");
    }
}

#[test]
fn client_errors_and_successes_are_never_retried() {
    for status in [200, 201, 301, 400, 401, 403, 404, 409, 422, 501, 505] {
        assert_eq!(
            first_try(true, Outcome::Status(status)),
            Decision::GiveUp,
            "{status}"
        );
    }
}

#[test]
fn retryable_statuses_are_408_429_500_502_503_504() {
    let retryable: Vec<u16> = (0..=999).filter(|&s| is_retryable_status(s)).collect();
    assert_eq!(retryable, [408, 429, 500, 502, 503, 504]);
}

#[test]
fn it_gives_up_once_the_retries_are_used() {
    let p = policy();
    assert!(is_retry(decide(
        &p,
        true,
        1,
        &Outcome::Status(503),
        None,
        0.0,
        0.5
    )));
    assert_eq!(
        decide(&p, true, 2, &Outcome::Status(503), None, 0.0, 0.5),
        Decision::GiveUp
    );
    assert_eq!(
        decide(&p, false, 2, &Outcome::Status(429), None, 0.0, 0.5),
        Decision::GiveUp
    );
}

#[test]
fn max_retries_zero_disables_retries() {
    let p = RetryPolicy::with_max_retries(0);
    assert_eq!(
        decide(&p, true, 0, &Outcome::Status(429), Some("1"), 0.0, 0.5),
        Decision::GiveUp
    );
}

#[test]
fn backoff_doubles_from_the_base_with_equal_jitter() {
    let p = policy();
    // jitter 0 → half the backoff, jitter 1 → all of it.
    assert_eq!(
        decide(&p, true, 0, &Outcome::Timeout, None, 0.0, 0.0),
        Decision::Retry { after_ms: 250.0 }
    );
    assert_eq!(
        decide(&p, true, 0, &Outcome::Timeout, None, 0.0, 1.0),
        Decision::Retry { after_ms: 500.0 }
    );
    assert_eq!(
        decide(&p, true, 1, &Outcome::Timeout, None, 0.0, 1.0),
        Decision::Retry { after_ms: 1000.0 }
    );
    let p = RetryPolicy::with_max_retries(10);
    assert_eq!(
        decide(&p, true, 9, &Outcome::Timeout, None, 0.0, 1.0),
        Decision::Retry { after_ms: 8000.0 }
    );
}

#[test]
fn out_of_range_jitter_is_clamped() {
    let p = policy();
    assert_eq!(backoff_ms(&p, 0, -3.0), 250.0);
    assert_eq!(backoff_ms(&p, 0, 7.0), 500.0);
    assert_eq!(backoff_ms(&p, 0, f64::NAN), 375.0);
}

#[test]
fn retry_after_seconds_is_honoured() {
    let d = decide(
        &policy(),
        true,
        0,
        &Outcome::Status(503),
        Some("12"),
        0.0,
        0.5,
    );
    assert_eq!(d, Decision::Retry { after_ms: 12_000.0 });
}

#[test]
fn retry_after_http_date_is_honoured() {
    let now = OCT_21_2015_07_28 - 5_000.0;
    let d = decide(
        &policy(),
        false,
        0,
        &Outcome::Status(429),
        Some("Wed, 21 Oct 2015 07:28:00 GMT"),
        now,
        0.5,
    );
    assert_eq!(d, Decision::Retry { after_ms: 5_000.0 });
}

#[test]
fn retry_after_in_the_past_means_retry_now() {
    let now = OCT_21_2015_07_28 + 60_000.0;
    let d = decide(
        &policy(),
        true,
        0,
        &Outcome::Status(503),
        Some("Wed, 21 Oct 2015 07:28:00 GMT"),
        now,
        0.5,
    );
    assert_eq!(d, Decision::Retry { after_ms: 0.0 });
}

#[test]
fn retry_after_longer_than_the_limit_gives_up_instead_of_hanging() {
    let d = decide(
        &policy(),
        true,
        0,
        &Outcome::Status(429),
        Some("3600"),
        0.0,
        0.5,
    );
    assert_eq!(d, Decision::GiveUp);
    let d = decide(
        &policy(),
        true,
        0,
        &Outcome::Status(429),
        Some("60"),
        0.0,
        0.5,
    );
    assert_eq!(d, Decision::Retry { after_ms: 60_000.0 });
}

#[test]
fn an_unreadable_retry_after_falls_back_to_backoff() {
    for header in ["soon", "-5", "", "1e3", "Tomorrow"] {
        let d = decide(
            &policy(),
            true,
            0,
            &Outcome::Status(503),
            Some(header),
            0.0,
            1.0,
        );
        assert_eq!(d, Decision::Retry { after_ms: 500.0 }, "{header:?}");
    }
}

#[test]
fn retry_after_does_not_make_a_client_error_retryable() {
    let d = decide(
        &policy(),
        true,
        0,
        &Outcome::Status(400),
        Some("1"),
        0.0,
        0.5,
    );
    assert_eq!(d, Decision::GiveUp);
}

#[test]
fn retry_after_parses_delta_seconds_and_dates() {
    assert_eq!(parse_retry_after_ms("0", 0.0), Some(0.0));
    assert_eq!(parse_retry_after_ms(" 2 ", 0.0), Some(2000.0));
    assert_eq!(parse_retry_after_ms("0.25", 0.0), Some(250.0));
    assert_eq!(
        parse_retry_after_ms("Wed, 21 Oct 2015 07:28:01 GMT", OCT_21_2015_07_28),
        Some(1000.0)
    );
    assert_eq!(parse_retry_after_ms("1.", 0.0), None);
}

#[test]
fn errors_map_to_outcomes() {
    assert_eq!(
        Outcome::of_error(&Error::timeout(30_000.0)),
        Some(Outcome::Timeout)
    );
    assert_eq!(
        Outcome::of_error(&Error::network("reset")),
        Some(Outcome::Network)
    );
    assert_eq!(Outcome::of_error(&Error::aborted()), None);
    assert_eq!(Outcome::of_error(&Error::validation("phone", "bad")), None);
    let http = superfone_crm::decode::status_error(503, "");
    assert_eq!(Outcome::of_error(&http), Some(Outcome::Status(503)));
    let mut decode = Error::new(ErrorKind::Decode, "bad envelope");
    decode.status = Some(200);
    assert_eq!(Outcome::of_error(&decode), None);
}

fn arb_outcome() -> impl Strategy<Value = Outcome> {
    prop_oneof![
        Just(Outcome::Network),
        Just(Outcome::Timeout),
        prop::sample::select(vec![200u16, 400, 404, 408, 429, 500, 502, 503, 504])
            .prop_map(Outcome::Status),
        any::<u16>().prop_map(Outcome::Status),
    ]
}

fn arb_retry_after() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        Just(None),
        (0u32..200_000).prop_map(|s| Some(s.to_string())),
        Just(Some("Wed, 21 Oct 2015 07:28:00 GMT".to_string())),
        ".{0,30}".prop_map(Some),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_delay_is_always_finite_and_within_the_cap(
        max_retries in 0u32..6,
        base in 0.0f64..5_000.0,
        max in 0.0f64..20_000.0,
        max_retry_after in 0.0f64..120_000.0,
        retry_safe in any::<bool>(),
        retries_done in 0u32..100,
        outcome in arb_outcome(),
        retry_after in arb_retry_after(),
        now in prop_oneof![Just(OCT_21_2015_07_28), 0.0f64..2e12],
        jitter in prop_oneof![0.0f64..=1.0, any::<f64>()],
    ) {
        let p = RetryPolicy { max_retries, base_delay_ms: base, max_delay_ms: max, max_retry_after_ms: max_retry_after };
        match decide(&p, retry_safe, retries_done, &outcome, retry_after.as_deref(), now, jitter) {
            Decision::Retry { after_ms } => {
                prop_assert!(after_ms.is_finite() && after_ms >= 0.0);
                prop_assert!(after_ms <= max.max(max_retry_after));
                prop_assert!(retries_done < max_retries);
            }
            Decision::GiveUp => {}
        }
    }

    #[test]
    fn exhausted_retries_always_give_up(
        max_retries in 0u32..10,
        extra in 0u32..1000,
        outcome in arb_outcome(),
        retry_safe in any::<bool>(),
        retry_after in arb_retry_after(),
    ) {
        let p = RetryPolicy::with_max_retries(max_retries);
        let d = decide(&p, retry_safe, max_retries + extra, &outcome, retry_after.as_deref(), 0.0, 0.5);
        prop_assert_eq!(d, Decision::GiveUp);
    }

    #[test]
    fn a_request_that_is_not_retry_safe_is_only_retried_after_a_429(
        retries_done in 0u32..2,
        outcome in arb_outcome(),
        retry_after in arb_retry_after(),
        jitter in 0.0f64..=1.0,
    ) {
        let d = decide(&policy(), false, retries_done, &outcome, retry_after.as_deref(), 0.0, jitter);
        if matches!(d, Decision::Retry { .. }) {
            prop_assert_eq!(outcome, Outcome::Status(429));
        }
    }

    #[test]
    fn backoff_stays_within_the_cap_and_above_half_the_exponential(
        retries_done in 0u32..80,
        jitter in 0.0f64..=1.0,
    ) {
        let p = policy();
        let d = backoff_ms(&p, retries_done, jitter);
        let full = (500.0 * 2f64.powi(retries_done as i32)).min(8000.0);
        prop_assert!(d >= full / 2.0 && d <= full);
    }
}
