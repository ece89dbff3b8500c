//! Properties of the input checks and the date parser over arbitrary input: nothing panics, every
//! issue names a field, and dates survive a round trip through the formatter.

use proptest::prelude::*;
use serde_json::{json, Map, Value};
use superfone_crm::time::{format_iso8601_ms, parse_http_date_ms, parse_iso8601_ms};
use superfone_crm::validate::{
    upsert_lead_body, validate_create_task, validate_lead_id, validate_lookup_phone,
    validate_page_query, validate_upsert_lead, QueryKind, ADDRESS_FIELDS, CREATE_TASK_FIELDS,
    TASK_TYPES, UPSERT_LEAD_FIELDS,
};

/// 0000-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z: the years the parser reads.
const FIRST_MS: i64 = -62_167_219_200_000;
const LAST_MS: i64 = 253_402_300_799_999;

/// Keys that hit the validators' rules as well as ones they have never heard of.
fn key() -> impl Strategy<Value = String> {
    let known: Vec<String> = UPSERT_LEAD_FIELDS
        .iter()
        .chain(&CREATE_TASK_FIELDS)
        .chain(&ADDRESS_FIELDS)
        .chain(&[
            "page",
            "page_size",
            "text",
            "limit",
            "assignee",
            "leadStage",
        ])
        .map(|s| s.to_string())
        .collect();
    prop_oneof![3 => prop::sample::select(known), 1 => any::<String>()]
}

/// Strings that hit the validators' rules: phones, dates, task types, emails, and anything.
fn interesting_string() -> impl Strategy<Value = String> {
    let samples: Vec<String> = [
        "+918000000001",
        "+91 80000 00001",
        "0091-8000000001",
        "8000000001",
        "a@b.com",
        "not an email",
        "2026-05-20T15:00:00Z",
        "2026-05-20T15:00:00",
        "2026-02-30T15:00:00+05:30",
        "",
    ]
    .iter()
    .chain(&TASK_TYPES)
    .map(|s| s.to_string())
    .collect();
    prop_oneof![prop::sample::select(samples), any::<String>()]
}

/// Any JSON value, nested a few levels deep.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from), // NaN and ±∞ become null, as from JS
        interesting_string().prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..6)
                .prop_map(|entries| Value::Object(entries.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// An object whose keys are mostly real field names, with arbitrary values.
fn json_object() -> impl Strategy<Value = Value> {
    prop::collection::vec((key(), json_value()), 0..10)
        .prop_map(|entries| Value::Object(entries.into_iter().collect()))
}

fn any_input() -> impl Strategy<Value = Value> {
    prop_oneof![json_value(), json_object()]
}

fn every_issue_names_a_field(
    issues: &[superfone_crm::ValidationIssue],
) -> Result<(), TestCaseError> {
    for issue in issues {
        prop_assert!(!issue.field.is_empty(), "{:?}", issue);
        prop_assert!(!issue.message.is_empty(), "{:?}", issue);
    }
    Ok(())
}

proptest! {
    #[test]
    fn validate_upsert_lead_never_panics(input in any_input()) {
        every_issue_names_a_field(&validate_upsert_lead(&ours(&input)))?;
    }

    #[test]
    fn validate_create_task_never_panics(input in any_input(), now in any::<f64>()) {
        every_issue_names_a_field(&validate_create_task(&ours(&input), now))?;
    }

    #[test]
    fn the_small_validators_never_panic(input in any_input(), allow_limit in any::<bool>()) {
        let _ = validate_lead_id(&ours(&input));
        let _ = validate_lookup_phone(&ours(&input));
        for kind in [QueryKind::Tasks, QueryKind::Catalog] {
            every_issue_names_a_field(&validate_page_query(&ours(&input), kind, allow_limit))?;
        }
    }

    #[test]
    fn a_valid_lead_id_is_the_number_given(id in 1..=9_007_199_254_740_991_u64) {
        prop_assert_eq!(validate_lead_id(&ours(&json!(id))), Ok(id));
        prop_assert_eq!(validate_lead_id(&ours(&json!(id as f64))), Ok(id));
        prop_assert!(validate_lead_id(&ours(&json!(id.to_string()))).is_err());
    }

    #[test]
    fn parse_iso8601_never_panics(s in prop_oneof![
        any::<String>(),
        "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{0,12})?)?([Zz]|[+-][0-9]{2}:?[0-9]{2})?",
    ]) {
        if let Ok(ms) = parse_iso8601_ms(&s) {
            prop_assert!(ms.is_finite() && ms.fract() == 0.0);
        }
        let _ = parse_http_date_ms(&s);
    }

    #[test]
    fn format_then_parse_gives_back_the_same_instant(ms in FIRST_MS..=LAST_MS) {
        let text = format_iso8601_ms(ms as f64);
        prop_assert_eq!(parse_iso8601_ms(&text), Ok(ms as f64), "{}", text);
    }

    #[test]
    fn an_offset_names_the_same_instant_as_utc(
        ms in 0_i64..=4_102_444_800_000,
        offset_minutes in -(23 * 60 + 59)..=(23 * 60 + 59_i64),
    ) {
        // Shift the wall clock by the offset, format it, and append the offset instead of Z.
        let local = format_iso8601_ms((ms - ms % 1000 + offset_minutes * 60_000) as f64);
        let (sign, abs) = if offset_minutes < 0 { ('-', -offset_minutes) } else { ('+', offset_minutes) };
        let text = format!("{}{sign}{:02}:{:02}", &local[..19], abs / 60, abs % 60);
        prop_assert_eq!(parse_iso8601_ms(&text), Ok((ms - ms % 1000) as f64), "{}", text);
    }
}

#[test]
fn validators_survive_huge_and_deep_input() {
    let huge = "x".repeat(1 << 20);
    let mut deep = json!([]);
    for _ in 0..100 {
        deep = json!({ "address": deep });
    }
    let input = json!({
        "customer_phone": huge, "email": [huge], "address": deep, huge.clone(): huge,
        "add_phones": vec![huge.clone(); 3],
    });
    let issues = validate_upsert_lead(&ours(&input));
    assert!(issues.iter().all(|i| i.message.len() < 400), "{issues:?}");
    assert!(issues.iter().all(|i| i.field.len() < 100), "{issues:?}");
    let _ = validate_create_task(&ours(&input), 0.0);
}

/// Values of the shapes the body fields take (and some they must not), for inputs that often
/// pass validation.
fn plausible_value() -> impl Strategy<Value = Value> {
    prop::sample::select(vec![
        Value::Null,
        json!(true),
        json!(false),
        json!(0),
        json!(7),
        json!(125000.5),
        json!(-3),
        json!(""),
        json!("Asha"),
        json!("+918000000001"),
        json!("a@b.com"),
        json!("2030-01-01T00:00:00Z"),
        json!("2030-01-01T00:00:00.123+05:30"),
        json!("FOLLOW_UP_CALL"),
        json!("OTHERS"),
        json!(["VIP"]),
        json!(["a@b.com", "c@d.in"]),
        json!(["+918000000002"]),
        json!([]),
        json!({"text": "42, 3rd Cross", "latitude": 12.97, "longitude": 77.64}),
        json!({"text": "x", "initials": null, "latitude": null}),
        json!({"unknown": 1}),
    ])
}

/// A body of `fields`: `base` first, then up to `max_extra` fields with plausible values on top.
fn plausible_body(
    fields: &'static [&'static str],
    base: Value,
    max_extra: usize,
) -> impl Strategy<Value = Value> {
    prop::collection::vec(
        (prop::sample::select(fields.to_vec()), plausible_value()),
        0..=max_extra,
    )
    .prop_map(move |entries| {
        let mut body = base.clone();
        if let Value::Object(map) = &mut body {
            map.extend(entries.into_iter().map(|(k, v)| (k.to_owned(), v)));
        }
        body
    })
}

fn plausible_upsert() -> impl Strategy<Value = Value> {
    plausible_body(
        &UPSERT_LEAD_FIELDS,
        json!({"customer_phone": "+918000000001"}),
        8,
    )
}

fn plausible_task() -> impl Strategy<Value = Value> {
    plausible_body(
        &CREATE_TASK_FIELDS,
        json!({"type": "FOLLOW_UP_CALL", "due_date": "2030-01-01T00:00:00Z"}),
        2,
    )
}

/// A generated serde_json value as the validators' own JSON value.
fn ours(value: &Value) -> superfone_crm::json::Value {
    value.clone().into()
}

/// A body as the request carries it: the crate's JSON text, read back.
fn written(body: superfone_crm::json::Value) -> Value {
    serde_json::from_str(&body.to_json()).unwrap()
}

/// Numbers as numbers: `0` and `0.0` are one JSON value (the typed struct writes an `f64` field
/// as `0.0`, the caller's JSON as JavaScript does, `0`).
fn numbers_as_f64(value: Value) -> Value {
    match value {
        Value::Number(n) => json!(n.as_f64()),
        Value::Array(items) => Value::Array(items.into_iter().map(numbers_as_f64).collect()),
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| (k, numbers_as_f64(v)))
                .collect(),
        ),
        other => other,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    // prepare() sends a validated body as the caller gave it, where it used to decode it into
    // the typed struct and serialize that. These say the two send the same JSON.
    #[test]
    fn a_valid_upsert_body_is_its_typed_struct(input in plausible_upsert()) {
        if validate_upsert_lead(&ours(&input)).is_empty() {
            let typed: superfone_crm::model::UpsertLeadInput = serde_json::from_value(input.clone()).unwrap();
            prop_assert_eq!(numbers_as_f64(serde_json::to_value(typed).unwrap()), numbers_as_f64(written(upsert_lead_body(&ours(&input)))));
        }
    }

    #[test]
    fn a_valid_create_task_body_is_its_typed_struct(input in plausible_task()) {
        if validate_create_task(&ours(&input), 0.0).is_empty() {
            let typed: superfone_crm::model::CreateTaskInput = serde_json::from_value(input.clone()).unwrap();
            prop_assert_eq!(numbers_as_f64(serde_json::to_value(typed).unwrap()), numbers_as_f64(input));
        }
    }
}

#[test]
fn plausible_bodies_often_pass_validation() {
    // The two properties above only say something if many generated bodies are valid.
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = plausible_upsert();
    let valid = (0..1000)
        .filter(|_| {
            validate_upsert_lead(&ours(&strategy.new_tree(&mut runner).unwrap().current()))
                .is_empty()
        })
        .count();
    assert!(
        valid > 100,
        "only {valid} of 1000 generated upsert bodies were valid"
    );
    let strategy = plausible_task();
    let valid = (0..1000)
        .filter(|_| {
            validate_create_task(
                &ours(&strategy.new_tree(&mut runner).unwrap().current()),
                0.0,
            )
            .is_empty()
        })
        .count();
    assert!(
        valid > 50,
        "only {valid} of 1000 generated create-task bodies were valid"
    );
}
