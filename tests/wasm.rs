//! The binding under Node (wasm-bindgen-test): conversions from arbitrary JS values, the mapping of
//! core errors to JS errors, and the client's pipeline over an injected `fetch` built from real
//! `Response` objects. The end-to-end behaviour against the emulator is in tests/js/.
#![cfg(target_arch = "wasm32")]

use js_sys::{Function, Promise, Reflect};
use superfone_crm::error::{Error, ErrorKind};
use superfone_crm::wasm::client::RawClient;
use superfone_crm::wasm::convert::to_json;
use superfone_crm::wasm::{errors, sync};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

fn js(expr: &str) -> JsValue {
    Function::new_no_args(&format!("return ({expr});"))
        .call0(&JsValue::UNDEFINED)
        .expect("test expression evaluates")
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
        serde_json::json!({ "a": "x", "b": 2, "c": 2.5, "d": true, "e": null, "f": [1, "y"], "g": { "h": "z" } })
    );
}

#[wasm_bindgen_test]
fn undefined_properties_are_left_out_like_json_stringify_does() {
    let converted = to_json(&js("{ a: undefined, b: 1 }"), "", &[]);
    assert_eq!(converted.value, serde_json::json!({ "b": 1 }));
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
    assert_eq!(converted.issues.len(), 1);
    assert!(converted.issues[0].field.starts_with("self.self"));
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
        serde_json::json!({ "due_date": "2026-05-20T15:00:00.000Z" })
    );
}

#[wasm_bindgen_test]
fn own_proto_keys_are_plain_keys() {
    let converted = to_json(&js(r#"JSON.parse('{"__proto__": {"x": 1}}')"#), "", &[]);
    assert_eq!(
        converted.value,
        serde_json::json!({ "__proto__": { "x": 1 } })
    );
}

#[wasm_bindgen_test]
fn is_valid_e164_is_the_core_rule() {
    assert!(sync::is_valid_e164("+14155552671"));
    assert!(!sync::is_valid_e164("14155552671"));
}

#[wasm_bindgen_test]
fn validate_upsert_lead_reports_conversion_and_rule_issues_together() {
    let issues =
        sync::validate_upsert_lead(&js(r#"{ customer_phone: "8000000001", deal_value: NaN }"#));
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
    err.body = Some(serde_json::json!({ "message": "Customer not found" }));
    let value = errors::to_js(&err);
    assert_eq!(prop(&value, "kind"), "bad_request");
    assert_eq!(prop(&value, "status"), 400);
    assert_eq!(prop(&value, "message"), "Customer not found");
    assert_eq!(prop(&prop(&value, "body"), "message"), "Customer not found");
    assert_eq!(prop(&value, "retryable"), false);
    assert!(prop(&value, "field").is_undefined());
}

#[wasm_bindgen_test]
fn normalize_phone_throws_a_validation_error_for_a_non_string() {
    let err = sync::normalize_phone(&JsValue::from_f64(1.0), &JsValue::UNDEFINED).unwrap_err();
    assert_eq!(prop(&err, "kind"), "validation");
    assert_eq!(prop(&err, "field"), "phone");
}

const KEY: &str = "sk_live_SECRET_1234";

/// A client whose `fetch` answers from `responder(request)` and counts its calls in `globalThis.__calls`.
fn client_with(responder: &str, extra: &str) -> RawClient {
    let fetch = js(&format!(
        "async (request) => {{ globalThis.__calls = (globalThis.__calls || 0) + 1; globalThis.__last = request; return ({responder})(request); }}"
    ));
    let options = js(&format!(
        "{{ apiKey: '{KEY}', baseUrl: 'http://127.0.0.1:9/superfone' {extra} }}"
    ));
    Reflect::set(&options, &"fetch".into(), &fetch).unwrap();
    Reflect::set(&js_sys::global(), &"__calls".into(), &JsValue::from(0)).unwrap();
    RawClient::new(&options)
        .map_err(|e| prop(&e, "message"))
        .unwrap()
}

fn calls() -> f64 {
    prop(&js_sys::global(), "__calls").as_f64().unwrap()
}

/// One plain call (no request options, not a page of an iteration).
fn call(client: &RawClient, endpoint: &str, target: JsValue, input: JsValue) -> Promise {
    client.call(endpoint, target, input, JsValue::UNDEFINED, false, None)
}

async fn settle(promise: Promise) -> Result<JsValue, JsValue> {
    JsFuture::from(promise).await
}

#[wasm_bindgen_test]
async fn a_refused_input_is_never_sent() {
    let client = client_with("() => new Response('{}')", "");
    let err = settle(call(
        &client,
        "getLead",
        "8000000001".into(),
        JsValue::UNDEFINED,
    ))
    .await
    .unwrap_err();
    assert_eq!(prop(&err, "kind"), "validation");
    assert_eq!(prop(&err, "field"), "phone");
    assert_eq!(calls(), 0.0);
}

#[wasm_bindgen_test]
async fn a_good_response_resolves_to_its_data_with_unknown_fields_kept() {
    let client = client_with(
        r#"() => new Response(JSON.stringify({ data: { rows: [{ id: 1, title: "OTHERS", extra: "kept" }], total_pages: 1, current_page: 1, page_size: 50, total_items: 1 }, message: "success" }))"#,
        "",
    );
    let page = settle(call(
        &client,
        "listSourceTypes",
        JsValue::UNDEFINED,
        JsValue::UNDEFINED,
    ))
    .await
    .unwrap();
    let row = Reflect::get_u32(&prop(&page, "rows"), 0).unwrap();
    assert_eq!(prop(&row, "extra"), "kept");
    let request = prop(&js_sys::global(), "__last");
    assert_eq!(
        prop(&request, "url"),
        "http://127.0.0.1:9/superfone/enterprise/api/source-type"
    );
}

#[wasm_bindgen_test]
async fn the_key_goes_in_the_x_api_key_header() {
    let client = client_with(
        r#"() => new Response('{"data":{"id":1},"message":"success"}')"#,
        "",
    );
    let _ = settle(call(
        &client,
        "upsertLead",
        JsValue::UNDEFINED,
        js("{ customer_phone: '+14155552671' }"),
    ))
    .await;
    let headers = prop(&prop(&js_sys::global(), "__last"), "headers");
    let get: Function = prop(&headers, "get").into();
    assert_eq!(get.call1(&headers, &"x-api-key".into()).unwrap(), KEY);
}

#[wasm_bindgen_test]
async fn a_fetch_that_resolves_to_a_non_response_is_a_network_error_not_a_panic() {
    let client = client_with("() => ({ status: 200 })", ", maxRetries: 0");
    let err = settle(call(
        &client,
        "listLabels",
        JsValue::UNDEFINED,
        JsValue::UNDEFINED,
    ))
    .await
    .unwrap_err();
    assert_eq!(prop(&err, "kind"), "network");
    // The module is still usable afterwards.
    assert!(sync::is_valid_e164("+14155552671"));
}

#[wasm_bindgen_test]
async fn a_429_is_retried_and_then_succeeds() {
    let client = client_with(
        r#"() => globalThis.__calls === 1
            ? new Response('{"message":"slow down"}', { status: 429, headers: { 'retry-after': '0' } })
            : new Response('{"data":{"rows":[],"total_pages":0,"current_page":1,"page_size":50,"total_items":0},"message":"success"}')"#,
        "",
    );
    let page = settle(call(
        &client,
        "listLabels",
        JsValue::UNDEFINED,
        JsValue::UNDEFINED,
    ))
    .await
    .unwrap();
    assert_eq!(prop(&page, "total_items"), 0);
    assert_eq!(calls(), 2.0);
}

#[wasm_bindgen_test]
async fn a_server_message_reaches_js_verbatim() {
    let client = client_with(
        r#"() => new Response('{"message":"Lead not found"}', { status: 404 })"#,
        "",
    );
    let err = settle(call(
        &client,
        "completeTask",
        JsValue::from(7),
        JsValue::UNDEFINED,
    ))
    .await
    .unwrap_err();
    assert_eq!(prop(&err, "kind"), "not_found");
    assert_eq!(prop(&err, "status"), 404);
    assert_eq!(prop(&err, "message"), "Lead not found");
}

#[wasm_bindgen_test]
fn the_key_is_never_in_an_options_error() {
    let options = js(&format!("{{ apiKey: '{KEY}\\r\\nx-evil: 1' }}"));
    let err = RawClient::new(&options).err().unwrap();
    assert_eq!(prop(&err, "field"), "apiKey");
    let text = format!(
        "{} {}",
        prop(&err, "message").as_string().unwrap(),
        prop(&err, "stack").as_string().unwrap_or_default()
    );
    assert!(!text.contains("SECRET"), "{text}");
}
