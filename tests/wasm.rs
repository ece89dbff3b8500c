//! The binding under Node (wasm-bindgen-test): conversions from arbitrary JS values, the mapping of
//! core errors to JS errors, and a `Call` as the shell drives it (the request it carries, what it
//! says to each response and failure). The I/O loop and the end-to-end behaviour against the
//! emulator are tested in tests/js/.
#![cfg(target_arch = "wasm32")]

use js_sys::{Function, Reflect};
use superfone_crm::error::{Error, ErrorKind};
use superfone_crm::json::input::Converted;
use superfone_crm::wasm::call::Call;
use superfone_crm::wasm::client::{Inputs, RawClient};
use superfone_crm::wasm::convert;
use superfone_crm::wasm::{errors, sync};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

fn js(expr: &str) -> JsValue {
    Function::new_no_args(&format!("return ({expr});"))
        .call0(&JsValue::UNDEFINED)
        .expect("test expression evaluates")
}

thread_local! {
    /// The shell's `encodeInput` (pkg-template/shell.js), which writes every input the package
    /// passes into wasm: `(value, pick) => [text, picked]`.
    static ENCODE: Function = Function::new_no_args(&format!(
        "{}\nreturn (v, pick) => v === undefined ? [undefined, undefined] : [encodeInput(v, pick), picked];",
        include_str!("../pkg-template/shell.js")
    ))
    .call0(&JsValue::UNDEFINED)
    .expect("the shell evaluates")
    .unchecked_into();
}

/// `value` as the shell writes it, and what it took out under `pick`.
fn encode(value: &JsValue, pick: Option<&str>) -> (Option<String>, JsValue) {
    let pair = ENCODE.with(|f| {
        f.call2(
            &JsValue::UNDEFINED,
            value,
            &pick.map_or(JsValue::UNDEFINED, JsValue::from),
        )
    });
    let pair = js_sys::Array::from(&pair.expect("encodeInput never throws"));
    (pair.get(0).as_string(), pair.get(1))
}

/// A JS value as the core receives it from the package.
fn to_json(value: &JsValue, path: &str, skip: &[&str]) -> Converted {
    convert::to_json(encode(value, skip.first().copied()).0.as_deref(), path)
}

fn raw_client(options: &JsValue) -> Result<RawClient, JsValue> {
    let (text, fetch) = encode(options, Some("fetch"));
    RawClient::new(text, fetch)
}

/// Starts a call as the shell does, encoding each argument.
fn start_with(
    client: &RawClient,
    endpoint: &str,
    target: JsValue,
    input: JsValue,
    options: JsValue,
) -> Result<Call, JsValue> {
    let (options, signal) = encode(&options, Some("signal"));
    let target = encode(&target, None).0;
    let input = encode(&input, None).0;
    let inputs = Inputs {
        target: target.as_deref(),
        input: input.as_deref(),
        options: options.as_deref(),
        signal: &signal,
    };
    client.start_call(endpoint, inputs, false, None)
}

/// A response's `Headers`, from a plain object of them.
fn headers(init: &str) -> JsValue {
    js(&format!("new Headers({init})"))
}

fn prop(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

fn fields(issues: &[superfone_crm::ValidationIssue]) -> Vec<&str> {
    issues.iter().map(|i| i.field.as_str()).collect()
}

#[wasm_bindgen_test]
fn plain_values_convert_to_the_same_json() {
    let converted = to_json(
        &js(r#"{ a: "x", b: 2, c: 2.5, d: true, e: null, f: [1, "y"], g: { h: "z" } }"#),
        "",
        &[],
    );
    assert!(converted.issues.is_empty());
    assert_eq!(
        converted.value,
        superfone_crm::json!({ "a": "x", "b": 2, "c": 2.5, "d": true, "e": null, "f": [1, "y"], "g": { "h": "z" } })
    );
}

#[wasm_bindgen_test]
fn undefined_properties_are_left_out_like_json_stringify_does() {
    let converted = to_json(&js("{ a: undefined, b: 1 }"), "", &[]);
    assert_eq!(converted.value, superfone_crm::json!({ "b": 1 }));
}

#[wasm_bindgen_test]
fn non_finite_numbers_are_issues_naming_their_field() {
    let converted = to_json(
        &js("{ deal_value: NaN, address: { latitude: Infinity } }"),
        "",
        &[],
    );
    assert_eq!(
        fields(&converted.issues),
        ["deal_value", "address.latitude"]
    );
}

#[wasm_bindgen_test]
fn lone_surrogates_are_issues_not_replacement_characters() {
    let converted = to_json(
        &js(r#"{ first_name: "a\ud800b", add_phones: ["+14155552671", "\udfff"] }"#),
        "",
        &[],
    );
    assert_eq!(fields(&converted.issues), ["first_name", "add_phones[1]"]);

    // A real U+FFFD (what a lone surrogate would be replaced with) is just a character.
    let converted = to_json(
        &js(r#"{ first_name: "a\ufffdb", last_name: "\ufffd\ud800" }"#),
        "",
        &[],
    );
    assert_eq!(fields(&converted.issues), ["last_name"]);
    assert_eq!(
        converted.value.get("first_name").and_then(|v| v.as_str()),
        Some("a\u{fffd}b")
    );
}

#[wasm_bindgen_test]
fn functions_symbols_and_bigints_are_issues() {
    let converted = to_json(&js("{ a: () => 1, b: Symbol('s'), c: 10n }"), "", &[]);
    assert_eq!(fields(&converted.issues), ["a", "b", "c"]);
}

#[wasm_bindgen_test]
fn a_cyclic_object_ends_in_an_issue_instead_of_recursing_forever() {
    let converted = to_json(
        &js("(() => { const o = { a: 1 }; o.self = o; return o; })()"),
        "",
        &[],
    );
    // Found where the object meets itself again, not 32 levels down.
    assert_eq!(converted.issues.len(), 1);
    assert_eq!(converted.issues[0].field, "self");
    assert!(converted.issues[0].message.contains("refers to itself"));
}

#[wasm_bindgen_test]
fn a_throwing_getter_is_an_issue() {
    let converted = to_json(
        &js("{ get customer_phone() { throw new Error('boom'); } }"),
        "",
        &[],
    );
    assert_eq!(fields(&converted.issues), ["customer_phone"]);
}

#[wasm_bindgen_test]
fn dates_become_iso_8601_strings() {
    let converted = to_json(
        &js("{ due_date: new Date(Date.UTC(2026, 4, 20, 15, 0, 0)) }"),
        "",
        &[],
    );
    assert_eq!(
        converted.value,
        superfone_crm::json!({ "due_date": "2026-05-20T15:00:00.000Z" })
    );
}

#[wasm_bindgen_test]
fn own_proto_keys_are_plain_keys() {
    let converted = to_json(&js(r#"JSON.parse('{"__proto__": {"x": 1}}')"#), "", &[]);
    assert_eq!(
        converted.value,
        superfone_crm::json!({ "__proto__": { "x": 1 } })
    );
}

#[wasm_bindgen_test]
fn is_valid_e164_is_the_core_rule() {
    assert!(sync::is_valid_e164("+14155552671"));
    assert!(!sync::is_valid_e164("14155552671"));
}

#[wasm_bindgen_test]
fn validate_upsert_lead_reports_conversion_and_rule_issues_together() {
    let issues = sync::validate_upsert_lead(
        encode(
            &js(r#"{ customer_phone: "8000000001", deal_value: NaN }"#),
            None,
        )
        .0,
    );
    let issues: Vec<(String, String)> = js_sys::Array::from(&issues)
        .iter()
        .map(|i| {
            (
                prop(&i, "field").as_string().unwrap(),
                prop(&i, "message").as_string().unwrap(),
            )
        })
        .collect();
    let names: Vec<&str> = issues.iter().map(|(f, _)| f.as_str()).collect();
    assert!(names.contains(&"customer_phone"), "{issues:?}");
    assert!(names.contains(&"deal_value"), "{issues:?}");
    assert_eq!(
        names.iter().filter(|f| **f == "deal_value").count(),
        1,
        "{issues:?}"
    );
}

#[wasm_bindgen_test]
fn errors_carry_every_field_to_js() {
    let mut err = Error::new(ErrorKind::BadRequest, "Customer not found");
    err.status = Some(400);
    err.body = Some(superfone_crm::error::Body::Json(
        r#"{"message":"Customer not found"}"#.into(),
    ));
    let value = errors::to_js(&err);
    assert_eq!(prop(&value, "kind"), "bad_request");
    assert_eq!(prop(&value, "status"), 400);
    assert_eq!(prop(&value, "message"), "Customer not found");
    assert_eq!(prop(&prop(&value, "body"), "message"), "Customer not found");
    assert_eq!(prop(&value, "retryable"), false);
    assert!(prop(&value, "field").is_undefined());

    err.body = Some(superfone_crm::error::Body::Text("<html>502</html>".into()));
    assert_eq!(prop(&errors::to_js(&err), "body"), "<html>502</html>");
}

#[wasm_bindgen_test]
fn normalize_phone_throws_a_validation_error_for_a_non_string() {
    let err = sync::normalize_phone(&JsValue::from_f64(1.0), &JsValue::UNDEFINED).unwrap_err();
    assert_eq!(prop(&err, "kind"), "validation");
    assert_eq!(prop(&err, "field"), "phone");
}

const KEY: &str = "sk_live_SECRET_1234";

fn client(extra: &str) -> RawClient {
    let options = js(&format!(
        "{{ apiKey: '{KEY}', baseUrl: 'http://127.0.0.1:9/superfone' {extra} }}"
    ));
    raw_client(&options)
        .map_err(|e| prop(&e, "message"))
        .unwrap()
}

/// Starts one plain call (no request options, not a page of an iteration).
fn start(
    client: &RawClient,
    endpoint: &str,
    target: JsValue,
    input: JsValue,
) -> Result<Call, JsValue> {
    start_with(client, endpoint, target, input, JsValue::UNDEFINED)
}

/// A started `listLabels` call of a default client: the request most tests only need to answer.
fn labels_call() -> Call {
    start(
        &client(""),
        "listLabels",
        JsValue::UNDEFINED,
        JsValue::UNDEFINED,
    )
    .unwrap()
}

const EMPTY_PAGE: &str = r#"{"data":{"rows":[],"total_pages":0,"current_page":1,"page_size":50,"total_items":0},"message":"success"}"#;

#[wasm_bindgen_test]
fn a_refused_input_throws_before_there_is_anything_to_send() {
    let err = start(
        &client(""),
        "getLead",
        "8000000001".into(),
        JsValue::UNDEFINED,
    )
    .err()
    .unwrap();
    assert_eq!(prop(&err, "kind"), "validation");
    assert_eq!(prop(&err, "field"), "phone");
}

#[wasm_bindgen_test]
fn a_call_carries_the_request_the_core_built() {
    let with_team = client(", headers: { 'x-team': 'crm' }");
    let call = start(
        &with_team,
        "upsertLead",
        JsValue::UNDEFINED,
        js("{ customer_phone: '+14155552671' }"),
    )
    .unwrap();
    assert_eq!(
        call.request(),
        "POST http://127.0.0.1:9/superfone/enterprise/api/lead\n{\"customer_phone\":\"+14155552671\"}"
    );
    assert!(call.has_body());
    let headers = with_team.headers(true);
    assert_eq!(prop(&headers, "x-api-key"), KEY);
    assert_eq!(prop(&headers, "content-type"), "application/json");
    assert_eq!(prop(&headers, "x-team"), "crm");
    assert!(js_sys::Object::is_frozen(
        headers.unchecked_ref::<js_sys::Object>()
    ));
    assert_eq!(call.timeout_ms(), 30_000.0);

    let get = start(
        &with_team,
        "listSourceTypes",
        JsValue::UNDEFINED,
        JsValue::UNDEFINED,
    )
    .unwrap();
    // No body: no line break, and the headers without a content-type.
    assert_eq!(
        get.request(),
        "GET http://127.0.0.1:9/superfone/enterprise/api/source-type"
    );
    assert!(!get.has_body());
    let headers = with_team.headers(false);
    assert!(prop(&headers, "content-type").is_undefined());
    assert_eq!(prop(&headers, "x-team"), "crm");
}

/// `RawClient.start` as the shell calls it: the call's number, the timer, the request.
fn start_numbered(client: &RawClient, endpoint: &str, options: JsValue) -> Result<String, JsValue> {
    let (options, signal) = encode(&options, Some("signal"));
    client.start(endpoint, None, None, options, &signal, false, None)
}

#[wasm_bindgen_test]
fn the_shell_names_calls_in_flight_by_number() {
    let c = client(", maxRetries: 0");
    let first = start_numbered(&c, "listLabels", JsValue::UNDEFINED).unwrap();
    assert_eq!(
        first,
        "0 30000 GET http://127.0.0.1:9/superfone/enterprise/api/label"
    );
    // A fractional timeout is rounded up for the timer: never shorter than asked.
    let second = start_numbered(&c, "listProducts", js("({ timeoutMs: 250.2 })")).unwrap();
    assert_eq!(
        second,
        "1 251 GET http://127.0.0.1:9/superfone/enterprise/api/product"
    );
    // Each number reaches its own call.
    assert_eq!(
        c.on_response(0, 200, &headers("{}"), EMPTY_PAGE.as_bytes()),
        Ok(None)
    );
    let err = c.on_failure(1, "timeout", None).unwrap_err();
    assert_eq!(prop(&err, "kind"), "timeout");
    assert!(prop(&err, "message").as_string().unwrap().contains("250.2"));
    // A finished number is free (and reused); finishing twice, or reporting on a number not in
    // flight, is an error or nothing, never a panic.
    c.finish(0);
    c.finish(0);
    let err = c.on_failure(0, "network", None).unwrap_err();
    assert!(prop(&err, "message")
        .as_string()
        .unwrap()
        .contains("no call in flight"));
    assert!(c.on_response(99, 200, &headers("{}"), b"{}").is_err());
    let third = start_numbered(&c, "listLabels", JsValue::UNDEFINED).unwrap();
    assert!(third.starts_with("0 30000 "), "{third}");
    // A refused input takes no number.
    let err = start_numbered(&c, "listLabels", js("({ timeoutMs: -1 })")).unwrap_err();
    assert_eq!(prop(&err, "field"), "timeoutMs");
    assert!(start_numbered(&c, "listLabels", JsValue::UNDEFINED)
        .unwrap()
        .starts_with("2 "));
}

#[wasm_bindgen_test]
fn a_response_headers_getter_that_starts_another_call_is_harmless() {
    // Reading Retry-After runs the response's own code, which may call back into the client.
    let c = std::rc::Rc::new(client(", maxRetries: 1"));
    let id: u32 = start_numbered(&c, "listLabels", JsValue::UNDEFINED)
        .unwrap()
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let inner = c.clone();
    let reentrant = Closure::<dyn FnMut(JsValue) -> JsValue>::new(move |_name: JsValue| {
        let started = start_numbered(&inner, "listProducts", JsValue::UNDEFINED).unwrap();
        let other: u32 = started.split(' ').next().unwrap().parse().unwrap();
        assert!(
            inner.on_failure(id, "timeout", None).is_err(),
            "the call reading its headers is not in flight"
        );
        inner.finish(other);
        JsValue::from_str("1")
    });
    let odd = js_sys::Object::new();
    Reflect::set(&odd, &"get".into(), reentrant.as_ref()).unwrap();
    let wait = c
        .on_response(id, 429, &odd, br#"{"message":"busy"}"#)
        .unwrap();
    assert_eq!(wait, Some(1000.0));
    assert_eq!(
        c.on_response(id, 200, &headers("{}"), EMPTY_PAGE.as_bytes()),
        Ok(None)
    );
}

#[wasm_bindgen_test]
fn request_options_reach_the_call() {
    let signal = js("new AbortController().signal");
    let options = js("({ timeoutMs: 250 })");
    Reflect::set(&options, &"signal".into(), &signal).unwrap();
    let call = start_with(
        &client(""),
        "listLabels",
        JsValue::UNDEFINED,
        JsValue::UNDEFINED,
        options,
    )
    .unwrap();
    assert_eq!(call.timeout_ms(), 250.0);

    let err = start_with(
        &client(""),
        "listLabels",
        JsValue::UNDEFINED,
        JsValue::UNDEFINED,
        js("({ signal: {} })"),
    )
    .err()
    .unwrap();
    assert_eq!(prop(&err, "field"), "signal");
}

#[wasm_bindgen_test]
fn a_good_response_is_done() {
    let mut call = labels_call();
    assert_eq!(
        call.on_response(200, &headers("{}"), EMPTY_PAGE.as_bytes())
            .unwrap(),
        None
    );
}

#[wasm_bindgen_test]
fn a_body_is_read_as_response_text_reads_it() {
    // A leading byte order mark is dropped, and invalid UTF-8 becomes U+FFFD, as with text().
    let mut call = labels_call();
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), EMPTY_PAGE.as_bytes()].concat();
    assert_eq!(
        call.on_response(200, &headers("{}"), &with_bom).unwrap(),
        None
    );
    let mut call = start(
        &client(""),
        "getLead",
        "+918000000001".into(),
        JsValue::UNDEFINED,
    )
    .unwrap();
    let err = call
        .on_response(404, &headers("{}"), b"{\"message\":\"caf\xE9\"}")
        .unwrap_err();
    assert_eq!(prop(&err, "message"), "caf\u{FFFD}");
}

#[wasm_bindgen_test]
fn a_429_asks_for_a_wait_and_then_the_response_is_done() {
    let mut call = labels_call();
    let wait = call
        .on_response(
            429,
            &headers("{ 'retry-after': '1' }"),
            br#"{"message":"slow down"}"#,
        )
        .unwrap();
    assert_eq!(wait, Some(1000.0));
    assert_eq!(
        call.on_response(200, &headers("{}"), EMPTY_PAGE.as_bytes())
            .unwrap(),
        None
    );
}

#[wasm_bindgen_test]
fn a_server_message_reaches_js_verbatim() {
    let mut call = start(
        &client(""),
        "completeTask",
        JsValue::from(7),
        JsValue::UNDEFINED,
    )
    .unwrap();
    let err = call
        .on_response(404, &headers("{}"), br#"{"message":"Lead not found"}"#)
        .unwrap_err();
    assert_eq!(prop(&err, "kind"), "not_found");
    assert_eq!(prop(&err, "status"), 404);
    assert_eq!(prop(&err, "message"), "Lead not found");
    assert_eq!(prop(&prop(&err, "body"), "message"), "Lead not found");
}

#[wasm_bindgen_test]
fn failures_map_to_their_kinds_and_the_key_is_redacted() {
    let c = client(", maxRetries: 0");
    let failing = |kind: &str, detail: Option<String>| {
        let mut call = start(&c, "listLabels", JsValue::UNDEFINED, JsValue::UNDEFINED).unwrap();
        call.on_failure(kind, detail).unwrap_err()
    };
    assert_eq!(prop(&failing("timeout", None), "kind"), "timeout");
    assert_eq!(prop(&failing("aborted", None), "kind"), "aborted");
    let network = failing("network", Some(format!("refused; x-api-key was {KEY}")));
    assert_eq!(prop(&network, "kind"), "network");
    let message = prop(&network, "message").as_string().unwrap();
    assert!(
        !message.contains(KEY) && message.contains("[redacted]"),
        "{message}"
    );
}

#[wasm_bindgen_test]
fn a_timed_out_create_task_is_not_retried() {
    let mut call = start(
        &client(""),
        "createTask",
        JsValue::from(7),
        js("{ type: 'REMINDER', due_date: '2030-01-01T00:00:00Z' }"),
    )
    .unwrap();
    let err = call.on_failure("timeout", None).unwrap_err();
    assert_eq!(prop(&err, "kind"), "timeout");
    assert_eq!(prop(&err, "retryable"), false);
}

#[wasm_bindgen_test]
fn the_key_is_never_in_an_options_error() {
    let options = js(&format!("{{ apiKey: '{KEY}\\r\\nx-evil: 1' }}"));
    let err = raw_client(&options).err().unwrap();
    assert_eq!(prop(&err, "field"), "apiKey");
    let text = format!(
        "{} {}",
        prop(&err, "message").as_string().unwrap(),
        prop(&err, "stack").as_string().unwrap_or_default()
    );
    assert!(!text.contains("SECRET"), "{text}");
}

#[wasm_bindgen_test]
fn numbers_are_written_exactly_as_javascript_writes_them() {
    // The wasm build writes numbers with JavaScript's `String(x)`; the native build with the
    // crate's own rendering of ECMA-262's Number::toString. The two must agree on every double:
    // edge cases, then a spread of bit patterns across the whole range.
    use superfone_crm::json::value::{js_number_text, shortest_number_text};
    let mut corpus = vec![
        0.0,
        -0.0,
        1.0,
        -1.0,
        0.1,
        0.5,
        12.97,
        77.59,
        1e21,
        1e-7,
        1e-6,
        123e-20,
        5e-324,
        f64::MAX,
        f64::MIN_POSITIVE,
        9007199254740993.0,
        1.5e300,
        -2.5e-300,
        100.0,
        1e20,
        999999999999999900000.0,
    ];
    let mut bits: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..20_000 {
        bits ^= bits << 13;
        bits ^= bits >> 7;
        bits ^= bits << 17;
        let x = f64::from_bits(bits);
        if x.is_finite() {
            corpus.push(x);
        }
    }
    for x in corpus {
        assert_eq!(shortest_number_text(x), js_number_text(x), "{x:e}");
    }
}

#[wasm_bindgen_test]
fn a_checked_body_is_written_as_json_stringify_writes_it() {
    let input = js(
        r#"{ customer_phone: "+918000000001", first_name: "Asha \"A\"\n\u0001", deal_value: 1234.5,
             address: { latitude: 12.97, longitude: -0.000001 }, email: ["a@b.co"], add_labels: [] }"#,
    );
    let converted = to_json(&input, "", &[]);
    assert!(converted.issues.is_empty());
    let ours = converted.value.to_json();
    let theirs = js_sys::JSON::stringify(&input)
        .unwrap()
        .as_string()
        .unwrap();
    assert_eq!(ours, theirs);
}
