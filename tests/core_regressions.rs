//! Hostile input, as regression tests: what the fuzzers (`scripts/fuzz.sh`) turned up and the
//! classic nasty inputs — NUL bytes, byte-order marks, lone surrogate escapes, numbers beyond
//! f64, negative zero, digits of other scripts, deep nesting, overlong strings. Each test pins the
//! exact outcome the API documents for that input, not just "does not panic".
//!
//! Inputs too unwieldy to write inline live in `tests/regressions/`, one file per case.

use serde_json::{json, Value};
use superfone_crm::decode::{check_response, decode, MAX_TEXT_BODY_CHARS};
use superfone_crm::endpoint::{prepare, Call, Catalog, ClientConfig, Endpoint};
use superfone_crm::error::Body;
use superfone_crm::phone::{is_valid_e164, normalize_phone};
use superfone_crm::validate::{
    validate_create_task, validate_lead_id, validate_page_query, validate_upsert_lead, QueryKind,
};
use superfone_crm::{Error, ErrorKind, ValidationIssue};

const NOW: f64 = 1_779_285_600_000.0; // 2026-05-20T14:00:00Z

fn regression(name: &str) -> String {
    let path = format!("{}/tests/regressions/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn phone_refusal(input: &str, cc: Option<&str>) -> Error {
    let err = normalize_phone(input, cc).expect_err(input);
    assert_eq!(err.kind, ErrorKind::Validation);
    assert_eq!(err.field.as_deref(), Some("phone"));
    err
}

fn decode_error(endpoint: Endpoint, status: u16, body: &str) -> Error {
    let err = check_response(endpoint, status, body).expect_err(body);
    assert_eq!(err.status, Some(status));
    err
}

fn only_issue(issues: Vec<ValidationIssue>) -> ValidationIssue {
    assert_eq!(issues.len(), 1, "{issues:#?}");
    issues.into_iter().next().unwrap()
}

fn upsert_with(field: &str, value: Value) -> Vec<ValidationIssue> {
    let mut input = json!({ "customer_phone": "+918000000001" });
    input[field] = value;
    validate_upsert_lead(&input.into())
}

// ---- phones ----------------------------------------------------------------------------------

#[test]
fn a_nul_byte_in_a_phone_is_refused_and_named() {
    let err = phone_refusal("+91\u{0}8000000001", None);
    assert!(
        err.message.contains(r"'\0' is not allowed"),
        "{}",
        err.message
    );
    assert!(!is_valid_e164("+918000000001\u{0}"));
}

#[test]
fn a_byte_order_mark_or_zero_width_space_is_not_a_separator() {
    // U+FEFF and U+200B are invisible but not whitespace: refused, so a pasted number that
    // carries one is noticed instead of silently sent.
    let err = phone_refusal("\u{feff}+918000000001", None);
    assert!(
        err.message.contains(r"'\u{feff}' is not allowed"),
        "{}",
        err.message
    );
    let err = phone_refusal("+918000000001\u{200b}", None);
    assert!(
        err.message.contains(r"'\u{200b}' is not allowed"),
        "{}",
        err.message
    );
}

#[test]
fn control_characters_are_quoted_escaped_and_the_message_stays_short() {
    // Found by the phone fuzzer: 40+ control characters each quote as `\u{11}`.
    let input = "\u{11}".repeat(5_000);
    let err = phone_refusal(&input, None);
    assert!(
        err.message.starts_with(r#""\u{11}\u{11}"#),
        "{}",
        err.message
    );
    assert!(err.message.contains("…\""), "{}", err.message);
    assert!(err.message.chars().count() < 1_000);
}

#[test]
fn only_the_listed_digit_scripts_are_read() {
    assert_eq!(
        normalize_phone("１２３", Some("91")).unwrap(),
        "+91123",
        "fullwidth digits are read"
    );
    // Mathematical bold and superscript digits are not decimal digits of a script.
    let err = phone_refusal("+𝟗𝟏8000000001", None);
    assert!(
        err.message.contains("'𝟗' is not allowed"),
        "{}",
        err.message
    );
    let err = phone_refusal("+91 ⁸000000001", None);
    assert!(
        err.message.contains("'⁸' is not allowed"),
        "{}",
        err.message
    );
}

#[test]
fn an_overlong_digit_string_is_refused_by_count_and_quoted_short() {
    let input = format!("+{}", "9".repeat(100_000));
    let err = phone_refusal(&input, None);
    assert!(
        err.message
            .contains("it has 100000 digits; E.164 allows at most 15"),
        "{}",
        err.message
    );
    assert!(err.message.chars().count() < 300);
}

#[test]
fn a_bracketed_trunk_zero_anywhere_is_dropped() {
    assert_eq!(
        normalize_phone("+(0)918000000001", None).unwrap(),
        "+918000000001"
    );
    assert_eq!(
        normalize_phone("0(0)8000000001", Some("91")).unwrap(),
        "+918000000001"
    );
    let err = phone_refusal("(0)", Some("91"));
    assert!(err.message.ends_with("it has no digits"), "{}", err.message);
}

#[test]
fn a_bare_international_prefix_is_too_short() {
    let err = phone_refusal("00", Some("91"));
    assert!(
        err.message.contains("at least 2 after the +"),
        "{}",
        err.message
    );
}

// ---- lead ids and numbers ----------------------------------------------------------------------

#[test]
fn lead_id_edge_numbers() {
    let refused = |v: Value| validate_lead_id(&v.into()).unwrap_err().message;
    assert_eq!(validate_lead_id(&json!(5.0).into()), Ok(5));
    assert_eq!(
        validate_lead_id(&json!(9_007_199_254_740_991_u64).into()),
        Ok(9_007_199_254_740_991)
    );
    assert_eq!(refused(json!(-0.0)), "must be 1 or more (got 0)");
    assert_eq!(refused(json!(0.5)), "must be a whole number (got 0.5)");
    assert_eq!(
        refused(json!(9_007_199_254_740_992_u64)),
        "must be at most 9007199254740991 (got 9007199254740992)"
    );
    assert_eq!(
        refused(json!(u64::MAX)),
        "must be at most 9007199254740991 (got 18446744073709551615)"
    );
    assert_eq!(
        refused(json!(i64::MIN)),
        "must be 1 or more (got -9223372036854775808)"
    );
    assert_eq!(
        refused(json!(1e300)),
        "must be at most 9007199254740991 (got 1e+300)"
    );
}

#[test]
fn page_numbers_written_as_floats() {
    assert!(validate_page_query(
        &json!({ "page_size": 20.0 }).into(),
        QueryKind::Tasks,
        false
    )
    .is_empty());
    let issue = only_issue(validate_page_query(
        &json!({ "page": -0.0 }).into(),
        QueryKind::Tasks,
        false,
    ));
    assert_eq!(
        (issue.field.as_str(), issue.message.as_str()),
        ("page", "must be 1 or more (got 0)")
    );
    let issue = only_issue(validate_page_query(
        &json!({ "page": 1e300 }).into(),
        QueryKind::Catalog,
        false,
    ));
    assert_eq!(
        issue.message,
        "must be at most 9007199254740991 (got 1e+300)"
    );
}

#[test]
fn whole_floats_are_sent_as_integers() {
    let config = ClientConfig::new("k", None, None, vec![]).unwrap();
    let call = Call::new(Endpoint::ListTasks)
        .with_lead_id(json!(5.0))
        .with_input(json!({ "page": 2.0, "page_size": 1e1 }));
    let request = prepare(&config, &call, NOW).unwrap();
    assert!(
        request
            .url
            .ends_with("/enterprise/api/lead/5/task?page=2&page_size=10"),
        "{}",
        request.url
    );
}

#[test]
fn a_huge_deal_value_is_a_number_and_is_accepted() {
    assert!(upsert_with("deal_value", json!(1e308)).is_empty());
}

#[test]
fn coordinates_just_outside_the_globe_are_refused() {
    let issue = only_issue(upsert_with(
        "address",
        json!({ "latitude": -0.0, "longitude": 180.0000001 }),
    ));
    assert_eq!(issue.field, "address.longitude");
    assert_eq!(
        issue.message,
        "must be between -180 and 180 (got 180.0000001)"
    );
}

// ---- strings ---------------------------------------------------------------------------------

#[test]
fn a_nul_byte_makes_a_phone_or_an_email_invalid() {
    let issue = only_issue(validate_upsert_lead(
        &json!({ "customer_phone": "+918000000001\u{0}" }).into(),
    ));
    assert_eq!(issue.field, "customer_phone");
    assert!(
        issue.message.contains(r"'\0' is not allowed"),
        "{}",
        issue.message
    );
    let issue = only_issue(upsert_with("email", json!(["a\u{0}@b.co"])));
    assert_eq!(issue.field, "email[0]");
}

#[test]
fn special_characters_in_a_catalog_search_are_percent_encoded() {
    let config = ClientConfig::new("k", None, None, vec![]).unwrap();
    let call = Call::new(Endpoint::List(Catalog::Labels))
        .with_input(json!({ "text": "a b#c?d&e=f\u{0}é" }));
    let request = prepare(&config, &call, NOW).unwrap();
    assert_eq!(
        request.url,
        "https://prod-api.superfone.co.in/superfone/enterprise/api/label?text=a%20b%23c%3Fd%26e%3Df%00%C3%A9"
    );
}

// ---- dates -----------------------------------------------------------------------------------

fn due_date_issue(due_date: &str) -> String {
    let issue = only_issue(validate_create_task(
        &json!({ "type": "REMINDER", "due_date": due_date }).into(),
        NOW,
    ));
    assert_eq!(issue.field, "due_date");
    issue.message
}

#[test]
fn impossible_dates_and_times_are_refused_with_the_reason() {
    assert!(due_date_issue("2026-02-29T15:00:00Z")
        .starts_with("has day 29, but February 2026 has 28 days"));
    assert!(due_date_issue("2026-05-20T24:00:00Z").starts_with("has hour 24"));
    assert!(due_date_issue("2026-06-30T23:59:60Z").contains("leap seconds are not accepted"));
}

#[test]
fn non_ascii_digits_and_expanded_years_are_not_iso_8601() {
    for date in [
        "２０２６-05-20T15:00:00Z",
        "+275760-09-13T00:00:00.001Z",
        "2026-05-20T15:00:00\u{0}Z",
    ] {
        assert!(
            due_date_issue(date).starts_with("is not an ISO 8601 date-time"),
            "{date:?}"
        );
    }
}

#[test]
fn a_fraction_of_any_length_is_accepted() {
    let due_date = format!("2026-05-20T15:00:00.{}Z", "9".repeat(5_000));
    assert!(validate_create_task(
        &json!({ "type": "REMINDER", "due_date": due_date }).into(),
        NOW
    )
    .is_empty());
}

#[test]
fn notify_at_may_equal_due_date() {
    let input = json!({
        "type": "FOLLOW_UP_CALL",
        "due_date": "2026-05-20T15:00:00Z",
        "notify_at": "2026-05-20T15:00:00Z",
    });
    assert!(validate_create_task(&input.into(), NOW).is_empty());
}

// ---- response bodies ---------------------------------------------------------------------------

#[test]
fn a_byte_order_mark_before_the_json_is_not_json() {
    // As in JS, where JSON.parse refuses a leading U+FEFF too.
    let err = decode_error(Endpoint::GetLead, 200, "\u{feff}{\"data\":{}}");
    assert_eq!(err.kind, ErrorKind::Decode);
    assert_eq!(
        err.message,
        "the HTTP 200 response to getLead is not JSON: expected a value, found '\\u{feff}' \
         (line 1, column 1)"
    );
}

#[test]
fn a_lone_surrogate_escape_is_not_json_for_a_typed_response() {
    let body = r#"{"data":{"rows":[{"id":1,"title":"\ud800"}],"total_pages":1,"current_page":1,"page_size":50,"total_items":1}}"#;
    let err = decode_error(Endpoint::List(Catalog::SourceTypes), 200, body);
    assert_eq!(err.kind, ErrorKind::Decode);
    assert_eq!(
        err.message,
        "the HTTP 200 response to listSourceTypes is not JSON: a \\u escape of a lone UTF-16 \
         surrogate: `\\ud800` (line 1, column 35)"
    );
    assert_eq!(err.body, Some(Body::Text(body.to_owned())));
}

/// JSON.parse would keep a lone surrogate as a broken string, but serde_json (so `decode`, and a
/// Rust `String`) cannot: refused wherever it is, even in a field the SDK does not read, so that
/// what `check_response` passes always decodes too.
#[test]
fn a_lone_surrogate_escape_is_not_json_anywhere() {
    for body in [
        r#"{"data":{"note":"\udc00"}}"#,
        r#"{"data":{},"message":"\ud800\u0041"}"#,
        r#"{"data":{"\ud800":1}}"#,
    ] {
        let err = decode_error(Endpoint::UpsertLead, 200, body);
        assert!(
            err.message
                .contains("a \\u escape of a lone UTF-16 surrogate"),
            "{}",
            err.message
        );
    }
    let err = decode_error(Endpoint::UpsertLead, 400, r#"{"message":"\ud800"}"#);
    assert_eq!(err.message, "HTTP 400 with a non-JSON body");
    // A pair is one character.
    let err = decode_error(Endpoint::UpsertLead, 400, r#"{"message":"\ud83d\ude00"}"#);
    assert_eq!(err.message, "\u{1f600}");
}

#[test]
fn a_number_beyond_f64_is_not_json() {
    let err = decode::<Value>(200, r#"{"data":1e400}"#).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Decode);
    assert_eq!(
        err.message,
        "the HTTP 200 response is not JSON: a number too large for a double: 1e400 \
         (line 1, column 9)"
    );
    // Wherever it is: JSON.parse would read Infinity, serde_json refuses.
    let err = decode_error(Endpoint::UpsertLead, 200, r#"{"data":{"x":-1e309}}"#);
    assert!(err.message.contains("is not JSON"), "{}", err.message);
    // The boundary is serde_json's, which rounds differently from JSON.parse near the largest
    // double: `1.7976931348623158e308` is the largest double to JS, out of range to serde_json.
    let x = |n: &str| format!(r#"{{"data":{{"x":{n}}}}}"#);
    for n in [
        "1.7976931348623157e308",
        "-1.7976931348623157e308",
        "1e-400",
    ] {
        assert!(
            check_response(Endpoint::UpsertLead, 200, &x(n)).is_ok(),
            "{n}"
        );
        assert!(decode::<Value>(200, &x(n)).is_ok(), "{n}");
    }
    for n in ["1.7976931348623158e308", "17976931348623158e292"] {
        assert!(
            check_response(Endpoint::UpsertLead, 200, &x(n)).is_err(),
            "{n}"
        );
        assert!(decode::<Value>(200, &x(n)).is_err(), "{n}");
    }
}

#[test]
fn negative_zero_data_is_a_number_not_an_object() {
    assert_eq!(decode::<Value>(200, r#"{"data":-0}"#).unwrap(), json!(-0.0));
    let err = decode_error(Endpoint::UpsertLead, 200, r#"{"data":-0}"#);
    assert_eq!(
        err.message,
        "the HTTP 200 response to upsertLead does not have the documented shape: data: expected \
         an object, found the number -0 (line 1, column 9)"
    );
}

#[test]
fn a_nul_byte_after_the_json_is_trailing_garbage() {
    let err = decode_error(Endpoint::CompleteTask, 200, "{\"data\":{}}\u{0}");
    assert_eq!(err.kind, ErrorKind::Decode);
    assert_eq!(
        err.message,
        "the HTTP 200 response to completeTask is not JSON: trailing characters after the JSON \
         value, found '\\0' (line 1, column 12)"
    );
}

#[test]
fn a_repeated_data_key_is_a_decode_error() {
    let err = decode_error(Endpoint::UpsertLead, 200, r#"{"data":{},"data":{"id":1}}"#);
    assert_eq!(
        err.message,
        "the HTTP 200 response to upsertLead does not have the documented shape: duplicate field \
         `data` (line 1, column 12)"
    );
}

#[test]
fn nesting_past_the_recursion_limit_is_a_decode_error() {
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let err = decode::<Value>(200, &format!(r#"{{"data":{deep}}}"#)).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Decode);
    assert_eq!(
        err.message,
        "the HTTP 200 response is not JSON: arrays and objects nest deeper than 127 levels \
         (line 1, column 135)"
    );
    // serde_json's limit exactly: 127 levels in all (the envelope is one) pass, 128 do not, in a
    // field the SDK reads or not.
    let nested = |levels: usize| {
        format!(
            r#"{{"data":{{"x":{}{}}}}}"#,
            "[".repeat(levels - 2),
            "]".repeat(levels - 2)
        )
    };
    assert!(check_response(Endpoint::UpsertLead, 200, &nested(127)).is_ok());
    assert!(decode::<Value>(200, &nested(127)).is_ok());
    let err = decode_error(Endpoint::UpsertLead, 200, &nested(128));
    assert!(err.message.contains("deeper than 127"), "{}", err.message);
}

#[test]
fn an_html_error_page_keeps_its_start_as_the_body() {
    let body = regression("502-bad-gateway.html");
    let err = decode_error(Endpoint::GetLead, 502, &body);
    assert_eq!((err.kind, err.retryable), (ErrorKind::Server, true));
    assert_eq!(err.message, "HTTP 502 with a non-JSON body");
    let Some(Body::Text(kept)) = &err.body else {
        panic!("{:?}", err.body)
    };
    assert_eq!(kept.chars().count(), MAX_TEXT_BODY_CHARS);
    assert!(body.starts_with(kept));
}

#[test]
fn an_unusual_status_is_a_server_error_and_only_5xx_is_retryable() {
    // Found by the decode fuzzer: any status outside the table is `server`, but a status past
    // 599 is not a 5xx, so not retryable.
    let err = decode_error(Endpoint::GetLead, 34_013, r#"{"message":"Lead not found"}"#);
    assert_eq!((err.kind, err.retryable), (ErrorKind::Server, false));
    assert_eq!(err.message, "Lead not found");
}

#[test]
fn the_server_message_is_kept_verbatim_even_with_a_nul_byte() {
    let err = decode_error(
        Endpoint::CompleteTask,
        400,
        r#"{"message":"No open task\u0000"}"#,
    );
    assert_eq!(err.kind, ErrorKind::BadRequest);
    assert_eq!(err.message, "No open task\u{0}");
}

// ---- found by the decode fuzzer ------------------------------------------------------------------

/// serde reads a derived struct from a JSON array as well as from an object, so a 2xx body that
/// was an array `[data, message]` used to pass as the `{"data": …}` envelope, and the binding
/// then read `.data` of an array (undefined) and handed that to the caller.
#[test]
fn a_2xx_json_array_is_not_the_envelope() {
    for endpoint in [Endpoint::UpsertLead, Endpoint::CompleteTask] {
        let err = check_response(endpoint, 200, r#"[{"id":1}]"#).err();
        assert_eq!(
            err.map(|e| e.kind),
            Some(ErrorKind::Decode),
            "{endpoint:?} accepted an array"
        );
    }
    assert_eq!(
        decode::<Value>(200, "[1]").map_err(|e| e.kind),
        Err(ErrorKind::Decode)
    );
}

/// The same, one level down: `data` of a list endpoint must be the page object
/// `{"rows": …, "total_pages": …}`; a positional array `[rows, total_pages, current_page,
/// page_size, total_items]` used to be accepted, and JS callers got an array with no `rows`.
#[test]
fn page_data_must_be_an_object_not_a_positional_array() {
    for endpoint in [Endpoint::ListTasks, Endpoint::List(Catalog::Labels)] {
        let err = check_response(endpoint, 200, r#"{"data":[[],1,1,50,0]}"#).err();
        assert_eq!(
            err.map(|e| e.kind),
            Some(ErrorKind::Decode),
            "{endpoint:?} accepted an array"
        );
    }
}
