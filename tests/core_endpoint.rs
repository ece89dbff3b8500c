//! The endpoint table, the client configuration, and the requests built from them.

use proptest::prelude::*;
use serde_json::{json, Value};
use superfone_crm::endpoint::{
    build_request, build_url, page_query_params, percent_encode, prepare, Body, Call, Catalog,
    ClientConfig, Endpoint, HttpRequest, Method, Parts, DEFAULT_BASE_URL, USER_AGENT,
};
use superfone_crm::model::{CreateTaskInput, Nullable, TaskType, UpsertLeadInput};
use superfone_crm::validate::QueryKind;
use superfone_crm::ErrorKind;

const KEY: &str = "sk_live_abc123";
/// 2026-05-01T00:00:00Z, "now" for task dates.
const NOW_MS: f64 = 1_777_593_600_000.0;

fn config() -> ClientConfig {
    ClientConfig::new(KEY, None, None, vec![]).unwrap()
}

fn header<'a>(request: &'a HttpRequest, name: &str) -> Option<&'a str> {
    request
        .headers
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

fn build(endpoint: Endpoint, parts: Parts) -> HttpRequest {
    build_request(&config(), endpoint, &parts).unwrap()
}

fn lookup(phone: &str) -> Parts {
    Parts {
        query: vec![("phone", phone.to_owned())],
        ..Parts::default()
    }
}

fn upsert(input: UpsertLeadInput) -> Parts {
    Parts {
        body: Some(Body::UpsertLead(Box::new(input))),
        ..Parts::default()
    }
}

fn lead(phone: &str) -> UpsertLeadInput {
    UpsertLeadInput {
        customer_phone: phone.into(),
        ..UpsertLeadInput::default()
    }
}

// ---- the endpoint table ---------------------------------------------------------------------

#[test]
fn there_are_ten_endpoints_named_as_the_js_methods() {
    let names: Vec<&str> = Endpoint::ALL.iter().map(|e| e.name()).collect();
    assert_eq!(
        names,
        [
            "upsertLead",
            "getLead",
            "createTask",
            "completeTask",
            "listTasks",
            "listSourceTypes",
            "listLabels",
            "listLeadStages",
            "listLeadGroups",
            "listProducts"
        ]
    );
    for e in Endpoint::ALL {
        assert_eq!(Endpoint::from_name(e.name()), Some(e));
    }
    assert_eq!(Endpoint::from_name("iterateLabels"), None);
}

#[test]
fn methods_and_paths_are_those_of_the_api() {
    let table = [
        (Endpoint::UpsertLead, Method::Post, "/enterprise/api/lead"),
        (Endpoint::GetLead, Method::Get, "/enterprise/api/lead"),
        (
            Endpoint::CreateTask,
            Method::Post,
            "/enterprise/api/lead/:lead_id/task",
        ),
        (
            Endpoint::CompleteTask,
            Method::Post,
            "/enterprise/api/lead/:lead_id/task/complete",
        ),
        (
            Endpoint::ListTasks,
            Method::Get,
            "/enterprise/api/lead/:lead_id/task",
        ),
        (
            Endpoint::List(Catalog::SourceTypes),
            Method::Get,
            "/enterprise/api/source-type",
        ),
        (
            Endpoint::List(Catalog::Labels),
            Method::Get,
            "/enterprise/api/label",
        ),
        (
            Endpoint::List(Catalog::LeadStages),
            Method::Get,
            "/enterprise/api/lead-stage",
        ),
        (
            Endpoint::List(Catalog::LeadGroups),
            Method::Get,
            "/enterprise/api/lead-group",
        ),
        (
            Endpoint::List(Catalog::Products),
            Method::Get,
            "/enterprise/api/product",
        ),
    ];
    for (endpoint, method, path) in table {
        assert_eq!(
            (endpoint.method(), endpoint.path_template()),
            (method, path)
        );
    }
}

// ---- the client configuration ---------------------------------------------------------------

#[test]
fn the_default_base_url_is_production() {
    assert_eq!(config().base_url(), DEFAULT_BASE_URL);
}

#[test]
fn a_trailing_slash_on_the_base_url_makes_no_difference() {
    let a = ClientConfig::new(
        KEY,
        Some("https://api.example.com/superfone/"),
        None,
        vec![],
    )
    .unwrap();
    let b =
        ClientConfig::new(KEY, Some("https://api.example.com/superfone"), None, vec![]).unwrap();
    assert_eq!(a.base_url(), b.base_url());
    let request = build_request(&a, Endpoint::List(Catalog::Labels), &Parts::default()).unwrap();
    assert_eq!(
        request.url,
        "https://api.example.com/superfone/enterprise/api/label"
    );
}

#[test]
fn http_is_allowed_for_loopback_hosts_only() {
    for url in [
        "http://localhost:4010/superfone",
        "http://LOCALHOST",
        "http://127.0.0.1:8080",
        "http://127.9.9.9",
        "http://[::1]:4010/x",
    ] {
        assert!(
            ClientConfig::new(KEY, Some(url), None, vec![]).is_ok(),
            "{url}"
        );
    }
    for url in [
        "http://prod-api.superfone.co.in/superfone",
        "http://10.0.0.1",
        "http://localhost.example.com",
    ] {
        let err = ClientConfig::new(KEY, Some(url), None, vec![]).unwrap_err();
        assert_eq!(err.kind, ErrorKind::Validation);
        assert_eq!(err.field.as_deref(), Some("baseUrl"), "{url}");
        assert!(err.message.contains("https://"), "{}", err.message);
    }
}

#[test]
fn a_base_url_with_user_info_is_refused_without_echoing_it() {
    let err = ClientConfig::new(
        KEY,
        Some("https://bob:hunter2@api.example.com"),
        None,
        vec![],
    )
    .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("baseUrl"));
    assert!(!err.message.contains("hunter2"), "{}", err.message);
}

#[test]
fn a_base_url_with_a_query_or_fragment_is_refused() {
    for url in [
        "https://api.example.com/x?token=1",
        "https://api.example.com/x#top",
    ] {
        let err = ClientConfig::new(KEY, Some(url), None, vec![]).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("baseUrl"), "{url}");
    }
}

#[test]
fn a_base_url_without_a_scheme_is_refused_clearly() {
    let err = ClientConfig::new(
        KEY,
        Some("prod-api.superfone.co.in/superfone"),
        None,
        vec![],
    )
    .unwrap_err();
    assert!(err.message.contains("https://"), "{}", err.message);
}

#[test]
fn an_empty_api_key_is_refused() {
    let err = ClientConfig::new("", None, None, vec![]).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Validation);
    assert_eq!(err.field.as_deref(), Some("apiKey"));
}

#[test]
fn an_api_key_a_header_cannot_carry_is_refused_and_never_quoted() {
    for key in [
        "sk_live_abc\n",
        "sk\r\nx-evil: 1",
        "sk\0x",
        "sk_clé",
        "sk\tx",
        " sk_live",
        "sk_live ",
    ] {
        let err = ClientConfig::new(key, None, None, vec![]).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("apiKey"), "{key:?}");
        assert!(!err.message.contains(key.trim()), "{}", err.message);
        assert!(!format!("{err:?}").contains(key.trim()));
    }
}

#[test]
fn an_api_key_may_contain_inner_spaces_and_any_visible_ascii() {
    assert!(ClientConfig::new("Bearer a.b-c_d~e!#$%&'*+/=?^`{|}", None, None, vec![]).is_ok());
}

#[test]
fn every_configuration_problem_is_reported_at_once() {
    let err = ClientConfig::new(
        "",
        Some("ftp://x"),
        None,
        vec![("x-api-key".into(), "1".into())],
    )
    .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("apiKey"));
    assert!(err.message.contains("baseUrl"), "{}", err.message);
    assert!(err.message.contains("headers.x-api-key"), "{}", err.message);
}

#[test]
fn debug_output_never_shows_the_api_key() {
    let config = config();
    let shown = format!("{config:?}");
    assert!(!shown.contains(KEY), "{shown}");
    assert!(shown.contains("[redacted]"));
    let request = build(Endpoint::GetLead, lookup("+918000000001"));
    let shown = format!("{request:?}");
    assert!(!shown.contains(KEY), "{shown}");
    assert!(shown.contains("x-api-key: [redacted]"), "{shown}");
    assert_eq!(config.api_key(), KEY);
}

#[test]
fn the_user_agent_is_the_sdks_plus_the_callers_suffix() {
    assert_eq!(
        config().user_agent(),
        format!("superfone-crm/{}", env!("CARGO_PKG_VERSION"))
    );
    assert_eq!(USER_AGENT, config().user_agent());
    let with = ClientConfig::new(KEY, None, Some("acme-sync/2.1"), vec![]).unwrap();
    assert_eq!(with.user_agent(), format!("{USER_AGENT} acme-sync/2.1"));
    let err = ClientConfig::new(KEY, None, Some("x\r\ny"), vec![]).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("userAgent"));
}

#[test]
fn extra_headers_are_sent_on_every_request() {
    let config =
        ClientConfig::new(KEY, None, None, vec![("X-Tenant".into(), "acme".into())]).unwrap();
    for endpoint in [Endpoint::List(Catalog::Labels), Endpoint::ListTasks] {
        let parts = Parts {
            lead_id: Some(1),
            ..Parts::default()
        };
        let request = build_request(&config, endpoint, &parts).unwrap();
        assert_eq!(header(&request, "x-tenant"), Some("acme"));
    }
}

#[test]
fn extra_header_names_must_be_tokens() {
    for name in ["", "x tenant", "x:y", "x\r\ny", "é"] {
        let err = ClientConfig::new(KEY, None, None, vec![(name.into(), "v".into())]).unwrap_err();
        assert_eq!(err.field, Some(format!("headers.{name}")), "{name:?}");
    }
}

#[test]
fn extra_header_values_must_not_carry_line_breaks_or_nul() {
    for value in ["a\r\nx-evil: 1", "a\nb", "a\0b", "日本"] {
        let err =
            ClientConfig::new(KEY, None, None, vec![("x-a".into(), value.into())]).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("headers.x-a"), "{value:?}");
        assert!(!err.message.contains(value), "{}", err.message);
    }
}

#[test]
fn extra_header_values_must_not_carry_control_characters_but_a_tab() {
    for value in ["a\u{1}b", "a\u{8}", "\u{b}", "a\u{1f}", "a\u{7f}b"] {
        let err =
            ClientConfig::new(KEY, None, None, vec![("x-a".into(), value.into())]).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("headers.x-a"), "{value:?}");
        assert!(err.message.contains("control character"), "{}", err.message);
    }
    assert!(ClientConfig::new(KEY, None, None, vec![("x-a".into(), "a\tb".into())]).is_ok());
    let err = ClientConfig::new(KEY, None, Some("app\u{7}"), vec![]).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("userAgent"));
}

#[test]
fn extra_headers_cannot_be_the_connection_and_framing_ones_fetch_owns() {
    for name in [
        "Transfer-Encoding",
        "upgrade",
        "keep-alive",
        "expect",
        "content-length",
        "host",
    ] {
        let err = ClientConfig::new(KEY, None, None, vec![(name.into(), "v".into())]).unwrap_err();
        assert_eq!(err.field, Some(format!("headers.{name}")));
        assert!(err.message.contains("fetch owns"), "{}", err.message);
    }
    // What Node's fetch sends as given stays allowed.
    for (name, value) in [
        ("connection", "close"),
        ("accept-encoding", "identity"),
        ("te", "trailers"),
    ] {
        let config = ClientConfig::new(KEY, None, None, vec![(name.into(), value.into())]);
        assert!(config.is_ok(), "{name}");
    }
}

#[test]
fn an_extra_header_given_twice_in_two_cases_is_refused() {
    let err = ClientConfig::new(
        KEY,
        None,
        None,
        vec![("x-dup".into(), "a".into()), ("X-DUP".into(), "b".into())],
    )
    .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("headers.X-DUP"));
    assert!(err.message.contains("given twice"), "{}", err.message);
}

#[test]
fn extra_headers_cannot_override_the_api_key_or_content_type() {
    for name in [
        "x-api-key",
        "X-API-Key",
        "content-type",
        "Content-Type",
        "accept",
        "user-agent",
    ] {
        let err = ClientConfig::new(KEY, None, None, vec![(name.into(), "v".into())]).unwrap_err();
        assert_eq!(err.field, Some(format!("headers.{name}")));
        assert!(
            err.message.contains("cannot be set here"),
            "{}",
            err.message
        );
    }
}

// ---- building requests ----------------------------------------------------------------------

#[test]
fn phone_plus_is_percent_encoded_in_get_lead_url() {
    let request = build(Endpoint::GetLead, lookup("+918000000001"));
    assert_eq!(request.method, Method::Get);
    assert_eq!(
        request.url,
        format!("{DEFAULT_BASE_URL}/enterprise/api/lead?phone=%2B918000000001")
    );
}

#[test]
fn lead_id_goes_into_the_task_paths() {
    let parts = Parts {
        lead_id: Some(4242),
        ..Parts::default()
    };
    let complete = build(Endpoint::CompleteTask, parts.clone());
    assert_eq!(
        complete.url,
        format!("{DEFAULT_BASE_URL}/enterprise/api/lead/4242/task/complete")
    );
    assert_eq!(complete.method, Method::Post);
    assert_eq!(complete.body, None);
    let list = build(Endpoint::ListTasks, parts);
    assert_eq!(
        list.url,
        format!("{DEFAULT_BASE_URL}/enterprise/api/lead/4242/task")
    );
}

#[test]
fn a_task_path_without_a_lead_id_is_refused() {
    let err = build_request(&config(), Endpoint::ListTasks, &Parts::default()).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("lead_id"));
}

#[test]
fn a_catalog_text_cannot_inject_query_parameters() {
    let parts = Parts {
        query: page_query_params(
            &json!({"text": "a&b=c#d", "page": 2}).into(),
            QueryKind::Catalog,
        ),
        ..Parts::default()
    };
    let request = build(Endpoint::List(Catalog::Products), parts);
    assert_eq!(
        request.url,
        format!("{DEFAULT_BASE_URL}/enterprise/api/product?text=a%26b%3Dc%23d&page=2")
    );
}

#[test]
fn spaces_are_percent_encoded_as_20() {
    assert_eq!(percent_encode("hot lead"), "hot%20lead");
}

#[test]
fn there_is_no_query_string_when_there_are_no_parameters() {
    let request = build(Endpoint::List(Catalog::SourceTypes), Parts::default());
    assert_eq!(
        request.url,
        format!("{DEFAULT_BASE_URL}/enterprise/api/source-type")
    );
    assert_eq!(
        page_query_params(&Value::Null.into(), QueryKind::Catalog),
        vec![]
    );
    assert_eq!(
        page_query_params(&json!({}).into(), QueryKind::Tasks),
        vec![]
    );
}

#[test]
fn limit_is_stripped_from_the_query() {
    let params = page_query_params(
        &json!({"page": 1, "page_size": 20, "limit": 50}).into(),
        QueryKind::Tasks,
    );
    assert_eq!(
        params,
        vec![("page", "1".to_string()), ("page_size", "20".to_string())]
    );
}

#[test]
fn integral_floats_in_a_query_are_written_as_integers() {
    let params = page_query_params(&json!({"page": 2.0}).into(), QueryKind::Tasks);
    assert_eq!(params, vec![("page", "2".to_string())]);
}

#[test]
fn text_is_only_sent_to_catalogs() {
    let params = page_query_params(&json!({"text": "x", "page": 1}).into(), QueryKind::Tasks);
    assert_eq!(params, vec![("page", "1".to_string())]);
}

#[test]
fn every_request_carries_the_key_accept_and_user_agent() {
    let request = build(Endpoint::GetLead, lookup("+918000000001"));
    assert_eq!(header(&request, "x-api-key"), Some(KEY));
    assert_eq!(header(&request, "accept"), Some("application/json"));
    assert_eq!(header(&request, "user-agent"), Some(USER_AGENT));
    assert_eq!(header(&request, "content-type"), None);
}

#[test]
fn content_type_is_sent_only_with_a_body() {
    let with = build(Endpoint::UpsertLead, upsert(lead("+918000000001")));
    assert_eq!(header(&with, "content-type"), Some("application/json"));
    let without = build(
        Endpoint::CompleteTask,
        Parts {
            lead_id: Some(1),
            ..Parts::default()
        },
    );
    assert_eq!(header(&without, "content-type"), None);
}

#[test]
fn upsert_body_sends_null_to_clear_and_leaves_absent_fields_out() {
    let input = UpsertLeadInput {
        lead_stage_name: Nullable::Null,
        assignee_user_phone: Nullable::Value("+918000000009".into()),
        first_name: Some("Asha".into()),
        ..lead("+918000000001")
    };
    let request = build(Endpoint::UpsertLead, upsert(input));
    let body: Value = serde_json::from_str(request.body.as_deref().unwrap()).unwrap();
    assert_eq!(
        body,
        json!({
            "customer_phone": "+918000000001",
            "first_name": "Asha",
            "assignee_user_phone": "+918000000009",
            "lead_stage_name": null
        })
    );
    assert!(body.get("lead_group_name").is_none());
}

#[test]
fn create_task_body_has_only_the_documented_fields() {
    let mut input = CreateTaskInput::new(TaskType::FollowUpCall, "2026-05-20T15:00:00Z");
    input.customer_note = Some("call after lunch".into());
    let parts = Parts {
        lead_id: Some(7),
        body: Some(Body::CreateTask(input)),
        ..Parts::default()
    };
    let request = build(Endpoint::CreateTask, parts);
    let body: Value = serde_json::from_str(request.body.as_deref().unwrap()).unwrap();
    assert_eq!(
        body,
        json!({"type": "FOLLOW_UP_CALL", "due_date": "2026-05-20T15:00:00Z", "customer_note": "call after lunch"})
    );
}

#[test]
fn a_body_for_the_wrong_endpoint_is_refused() {
    let err =
        build_request(&config(), Endpoint::GetLead, &upsert(lead("+918000000001"))).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Validation);
    let err = build_request(&config(), Endpoint::UpsertLead, &Parts::default()).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Validation);
}

// ---- retry safety ---------------------------------------------------------------------------

#[test]
fn reads_are_retry_safe() {
    assert!(build(Endpoint::GetLead, lookup("+918000000001")).retry_safe);
    assert!(
        build(
            Endpoint::ListTasks,
            Parts {
                lead_id: Some(1),
                ..Parts::default()
            }
        )
        .retry_safe
    );
    assert!(build(Endpoint::List(Catalog::Labels), Parts::default()).retry_safe);
}

#[test]
fn create_task_and_complete_task_are_not_retry_safe() {
    let input = CreateTaskInput::new(TaskType::Reminder, "2026-05-20T15:00:00Z");
    let create = Parts {
        lead_id: Some(1),
        body: Some(Body::CreateTask(input)),
        ..Parts::default()
    };
    assert!(!build(Endpoint::CreateTask, create).retry_safe);
    assert!(
        !build(
            Endpoint::CompleteTask,
            Parts {
                lead_id: Some(1),
                ..Parts::default()
            }
        )
        .retry_safe
    );
}

#[test]
fn an_upsert_is_retry_safe_unless_it_carries_a_customer_note() {
    assert!(build(Endpoint::UpsertLead, upsert(lead("+918000000001"))).retry_safe);
    let with_note = UpsertLeadInput {
        customer_note: Some("asked for a demo".into()),
        ..lead("+918000000001")
    };
    assert!(!build(Endpoint::UpsertLead, upsert(with_note)).retry_safe);
}

// ---- prepare: validation, then the request --------------------------------------------------

#[test]
fn prepare_builds_a_get_lead_request() {
    let call = Call::new(Endpoint::GetLead).with_phone(json!("+918000000001"));
    let request = prepare(&config(), &call, NOW_MS).unwrap();
    assert!(request
        .url
        .ends_with("/enterprise/api/lead?phone=%2B918000000001"));
}

#[test]
fn prepare_refuses_a_phone_that_is_not_e164_before_anything_is_sent() {
    let call = Call::new(Endpoint::GetLead).with_phone(json!("+91 80000 00001"));
    let err = prepare(&config(), &call, NOW_MS).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Validation);
    assert_eq!(err.field.as_deref(), Some("phone"));
}

#[test]
fn prepare_refuses_a_bad_lead_id() {
    for id in [json!("7"), json!(0), json!(-1), json!(1.5), Value::Null] {
        let call = Call::new(Endpoint::CompleteTask).with_lead_id(id.clone());
        let err = prepare(&config(), &call, NOW_MS).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("lead_id"), "{id}");
    }
}

#[test]
fn prepare_reports_every_issue_of_a_task_call_at_once() {
    let call = Call::new(Endpoint::CreateTask)
        .with_lead_id(json!("x"))
        .with_input(json!({"type": "MEETING"}));
    let err = prepare(&config(), &call, NOW_MS).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("lead_id"));
    assert!(err.message.contains("type"), "{}", err.message);
    assert!(err.message.contains("due_date"), "{}", err.message);
}

#[test]
fn prepare_sends_an_upsert_body_with_nulls_kept() {
    let call = Call::new(Endpoint::UpsertLead).with_input(json!({
        "customer_phone": "+918000000001",
        "lead_group_name": null,
        "customer_note": "walk-in"
    }));
    let request = prepare(&config(), &call, NOW_MS).unwrap();
    let body: Value = serde_json::from_str(request.body.as_deref().unwrap()).unwrap();
    assert_eq!(
        body,
        json!({"customer_phone": "+918000000001", "lead_group_name": null, "customer_note": "walk-in"})
    );
    assert!(!request.retry_safe);
}

#[test]
fn prepare_builds_a_create_task_request() {
    let call = Call::new(Endpoint::CreateTask)
        .with_lead_id(json!(7))
        .with_input(json!({"type": "SITE_VISIT", "due_date": "2026-05-20T15:00:00Z"}));
    let request = prepare(&config(), &call, NOW_MS).unwrap();
    assert!(request.url.ends_with("/enterprise/api/lead/7/task"));
    let body: Value = serde_json::from_str(request.body.as_deref().unwrap()).unwrap();
    assert_eq!(
        body,
        json!({"type": "SITE_VISIT", "due_date": "2026-05-20T15:00:00Z"})
    );
    assert!(!request.retry_safe);
}

#[test]
fn prepare_strips_limit_for_the_iterate_methods() {
    let call = Call::new(Endpoint::List(Catalog::Labels))
        .with_input(json!({"text": "vip", "limit": 10}))
        .allowing_limit();
    let request = prepare(&config(), &call, NOW_MS).unwrap();
    assert!(
        request.url.ends_with("/enterprise/api/label?text=vip"),
        "{}",
        request.url
    );
}

#[test]
fn prepare_without_a_query_sends_no_query_string() {
    let call = Call::new(Endpoint::List(Catalog::LeadStages));
    let request = prepare(&config(), &call, NOW_MS).unwrap();
    assert!(
        request.url.ends_with("/enterprise/api/lead-stage"),
        "{}",
        request.url
    );
}

// ---- properties -----------------------------------------------------------------------------

fn percent_decode(s: &str) -> Vec<u8> {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
            out.push(u8::from_str_radix(hex, 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn query_values_never_add_parameters_or_fragments(text in any::<String>(), phone in "[+ &=#?/%a-z0-9]{0,20}") {
        let url = build_url(DEFAULT_BASE_URL, "/enterprise/api/label", &[], &[("text", &text), ("phone", &phone)]);
        prop_assert!(!url.contains('#'));
        prop_assert_eq!(url.matches('?').count(), 1);
        let (path, query) = url.split_once('?').unwrap();
        prop_assert_eq!(path, format!("{DEFAULT_BASE_URL}/enterprise/api/label"));
        let pairs: Vec<&str> = query.split('&').collect();
        prop_assert_eq!(pairs.len(), 2);
        prop_assert!(pairs[0].starts_with("text=") && pairs[1].starts_with("phone="));
        prop_assert_eq!(percent_decode(&pairs[0][5..]), text.as_bytes().to_vec());
        prop_assert_eq!(percent_decode(&pairs[1][6..]), phone.as_bytes().to_vec());
    }

    #[test]
    fn path_parameters_never_add_segments(value in any::<String>()) {
        let url = build_url("https://h/base", "/enterprise/api/lead/:lead_id/task", &[("lead_id", &value)], &[]);
        prop_assert!(!url.contains('?') && !url.contains('#'));
        let segments: Vec<&str> = url["https://h/".len()..].split('/').collect();
        prop_assert_eq!(segments.len(), 6);
        prop_assert_eq!(percent_decode(segments[4]), value.as_bytes().to_vec());
    }

    #[test]
    fn percent_encoding_keeps_only_unreserved_characters(s in any::<String>()) {
        let encoded = percent_encode(&s);
        prop_assert!(encoded.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)));
        prop_assert_eq!(percent_decode(&encoded), s.as_bytes().to_vec());
    }

    #[test]
    fn the_api_key_never_shows_in_config_errors_or_debug(key in "[ -~]{8,24}", junk in "[\r\n\0é]") {
        let secret = format!("{key}{junk}");
        let err = ClientConfig::new(&secret, None, None, vec![]).unwrap_err();
        let shown = format!("{err:?}");
        prop_assert!(!err.message.contains(&secret) && !shown.contains(&secret));
        let trimmed = key.trim();
        if trimmed.len() >= 8 {
            if let Ok(config) = ClientConfig::new(trimmed, None, None, vec![]) {
                let shown = format!("{config:?}");
                prop_assert!(!shown.contains(trimmed));
            }
        }
    }

    #[test]
    fn client_config_never_panics_on_any_base_url(url in any::<String>(), tail in "[a-z:/@?#\\[\\]0-9.%]{0,20}") {
        let _ = ClientConfig::new(KEY, Some(&url), None, vec![]);
        let _ = ClientConfig::new(KEY, Some(&format!("https://{tail}")), None, vec![]);
        let _ = ClientConfig::new(KEY, Some(&format!("http://{tail}")), None, vec![]);
    }
}

#[test]
fn an_api_key_longer_than_any_header_should_carry_is_refused() {
    let key = "k".repeat(superfone_crm::endpoint::MAX_HEADER_VALUE_CHARS + 1);
    let err = superfone_crm::endpoint::ClientConfig::new(&key, None, None, vec![]).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("apiKey"));
    assert!(!err.message.contains(&key));
}
