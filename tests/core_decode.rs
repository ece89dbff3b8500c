//! Responses as the API documents them, and every way a response can be wrong.

use proptest::prelude::*;
use serde_json::{json, Value};
use superfone_crm::decode::{check_response, decode, status_error};
use superfone_crm::endpoint::{Catalog, Endpoint};
use superfone_crm::error::Body;
use superfone_crm::model::{
    AnyObject, Label, Lead, LeadGroup, LeadStage, Page, Product, SourceType, Task,
};
use superfone_crm::ErrorKind;

fn ok(data: Value) -> String {
    json!({ "data": data, "message": "success" }).to_string()
}

/// The Get Lead example of API.md, every field present.
fn lead_json() -> Value {
    json!({
        "id": 7, "org_id": 3,
        "first_name": "Asha", "last_name": "Rao", "website": null, "business_name": "Rao Traders",
        "additional_info": null, "city": "Pune", "status": "ACTIVE", "source": "website-form",
        "source_type": "OTHERS",
        "email": ["asha@example.com"], "deal_value": 1500,
        "address": {"text": "12 MG Road", "additional": null, "initials": null, "latitude": 18.52, "longitude": null},
        "assignee_user_id": 11, "lead_stage_id": 2, "lead_group_id": null,
        "created_at": "2026-04-01T10:30:00.000Z", "updated_at": null,
        "phones": [{"phone": "+918000000001", "customer_id": 7}, {"phone": "+918000000002", "customer_id": 7}],
        "labels": [{"id": 5, "title": "VIP", "colour": "#fff", "text_colour": "#000", "status": "ACTIVE"}],
        "lead_stage": {"id": 2, "title": "New", "org_id": 3, "status": "ACTIVE", "type": "INITIAL", "position": 1},
        "lead_group": null,
        "assignee_user": {"id": 11, "first_name": "Ravi", "last_name": null}
    })
}

fn task_json(id: u64) -> Value {
    json!({
        "id": id, "org_id": 3, "customer_id": 7, "title": null, "type": "SITE_VISIT",
        "due_date": "2026-05-20T15:00:00.000Z", "notify_at": "2026-05-20T14:50:00.000Z", "notify": true,
        "task_status": "PENDING", "status": "ACTIVE", "assignee_user_id": 11, "created_by": 11,
        "updated_by": null, "created_at": "2026-05-01T09:00:00.000Z", "updated_at": null
    })
}

fn page(rows: Vec<Value>) -> Value {
    let n = rows.len();
    json!({"rows": rows, "total_pages": 1, "current_page": 1, "page_size": 50, "total_items": n})
}

// ---- 2xx: the documented shapes ------------------------------------------------------------

#[test]
fn the_documented_lead_decodes_field_for_field() {
    let lead: Lead = decode(200, &ok(lead_json())).unwrap();
    assert_eq!(lead.id, 7);
    assert_eq!(lead.phones[1].phone, "+918000000002");
    assert_eq!(lead.labels[0].title, "VIP");
    assert_eq!(
        lead.lead_stage.as_ref().unwrap().r#type.as_deref(),
        Some("INITIAL")
    );
    assert_eq!(
        lead.assignee_user.unwrap().first_name.as_deref(),
        Some("Ravi")
    );
    assert_eq!(lead.address.unwrap().latitude, Some(18.52));
    assert_eq!(lead.deal_value, Some(1500.0));
    assert!(check_response(Endpoint::GetLead, 200, &ok(lead_json())).is_ok());
}

#[test]
fn unknown_fields_are_ignored() {
    let mut lead = lead_json();
    lead["brand_new_field"] = json!({"nested": [1, 2, 3]});
    lead["phones"][0]["is_primary"] = json!(true);
    assert!(check_response(Endpoint::GetLead, 200, &ok(lead)).is_ok());
}

#[test]
fn documented_nullable_lead_fields_may_all_be_null() {
    let mut lead = lead_json();
    for key in [
        "first_name",
        "last_name",
        "website",
        "business_name",
        "additional_info",
        "city",
        "status",
        "source",
        "source_type",
        "email",
        "deal_value",
        "assignee_user_id",
        "lead_stage_id",
        "lead_group_id",
        "updated_at",
        "lead_stage",
        "lead_group",
        "assignee_user",
    ] {
        lead[key] = Value::Null;
    }
    assert!(check_response(Endpoint::GetLead, 200, &ok(lead)).is_ok());
}

#[test]
fn a_new_status_or_type_value_does_not_break_decoding() {
    let mut lead = lead_json();
    lead["status"] = json!("ARCHIVED_2027");
    lead["lead_stage"]["type"] = json!("SOMETHING_NEW");
    let mut task = task_json(1);
    task["type"] = json!("VIDEO_CALL");
    task["task_status"] = json!("SNOOZED");
    assert!(check_response(Endpoint::GetLead, 200, &ok(lead)).is_ok());
    assert!(check_response(Endpoint::CreateTask, 200, &ok(task)).is_ok());
}

#[test]
fn ids_must_be_numbers() {
    let mut lead = lead_json();
    lead["id"] = json!("7");
    let err = check_response(Endpoint::GetLead, 200, &ok(lead)).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Decode);
    assert!(err.message.contains("data.id"), "{}", err.message);
}

#[test]
fn a_documented_number_sent_as_a_string_is_a_decode_error_not_a_wrong_type_for_js() {
    // The caller receives the response's own JSON: a string here would reach code typed `number`.
    let mut lead = lead_json();
    lead["deal_value"] = json!("1500.00");
    let err = check_response(Endpoint::GetLead, 200, &ok(lead)).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Decode);
    assert!(err.message.contains("data.deal_value"), "{}", err.message);
}

#[test]
fn a_product_price_of_undocumented_type_is_kept_as_sent() {
    let product = json!({"id": 1, "title": "Plan", "price": "999.50", "currency": "INR"});
    let page: Page<Product> = decode(200, &ok(page(vec![product]))).unwrap();
    assert_eq!(page.rows[0].price, Some(json!("999.50")));
}

#[test]
fn create_task_response_decodes_as_a_task() {
    let task: Task = decode(200, &ok(task_json(9))).unwrap();
    assert_eq!(task.id, 9);
    assert!(task.is_pending());
    assert_eq!(
        task.task_type(),
        Some(superfone_crm::model::TaskType::SiteVisit)
    );
    assert!(check_response(Endpoint::CreateTask, 201, &ok(task_json(9))).is_ok());
}

#[test]
fn create_task_response_without_an_id_is_a_decode_error() {
    let mut task = task_json(9);
    task.as_object_mut().unwrap().remove("id");
    let err = check_response(Endpoint::CreateTask, 200, &ok(task)).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Decode);
    assert!(
        err.message.contains("missing field `id`"),
        "{}",
        err.message
    );
}

#[test]
fn list_tasks_decodes_a_page_of_tasks() {
    let body = ok(page(vec![task_json(2), task_json(1)]));
    let tasks: Page<Task> = decode(200, &body).unwrap();
    assert_eq!(tasks.rows.len(), 2);
    assert!(check_response(Endpoint::ListTasks, 200, &body).is_ok());
}

#[test]
fn each_catalog_decodes_its_documented_rows() {
    let rows = [
        (
            Catalog::SourceTypes,
            json!({"id": 1, "title": "CSV_UPLOAD"}),
        ),
        (
            Catalog::Labels,
            json!({"id": 1, "org_id": 3, "title": "VIP", "colour": "#fff", "text_colour": "#000",
                   "status": "ACTIVE", "created_by": 1, "updated_by": 1,
                   "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z"}),
        ),
        (
            Catalog::LeadStages,
            json!({"id": 1, "org_id": 3, "title": "New", "status": "ACTIVE", "type": "INITIAL",
                   "position": 0, "is_editable": false, "identifier": "new", "created_by": null}),
        ),
        (
            Catalog::LeadGroups,
            json!({"id": 1, "org_id": 3, "title": "Hot", "status": "ACTIVE", "type": null}),
        ),
        (
            Catalog::Products,
            json!({"id": 1, "org_id": 3, "title": "Plan", "description": null, "status": "ACTIVE",
                   "price": 999, "currency": "INR", "link": null, "images": ["https://x/y.png"]}),
        ),
    ];
    for (catalog, row) in rows {
        let body = ok(page(vec![row]));
        assert!(
            check_response(Endpoint::List(catalog), 200, &body).is_ok(),
            "{catalog:?}"
        );
    }
    let _: Page<SourceType> =
        decode(200, &ok(page(vec![json!({"id": 1, "title": "PABBLY"})]))).unwrap();
    let _: Page<Label> = decode(200, &ok(page(vec![]))).unwrap();
    let _: Page<LeadStage> = decode(200, &ok(page(vec![]))).unwrap();
    let _: Page<LeadGroup> = decode(200, &ok(page(vec![]))).unwrap();
}

#[test]
fn a_catalog_row_without_a_title_is_a_decode_error() {
    let body = ok(page(vec![json!({"id": 1, "title": "A"}), json!({"id": 2})]));
    let err = check_response(Endpoint::List(Catalog::Labels), 200, &body).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Decode);
    assert!(err.message.contains("data.rows[1]"), "{}", err.message);
    assert!(
        err.message.contains("missing field `title`"),
        "{}",
        err.message
    );
}

#[test]
fn every_page_field_is_required() {
    for key in [
        "rows",
        "total_pages",
        "current_page",
        "page_size",
        "total_items",
    ] {
        let mut p = page(vec![]);
        p.as_object_mut().unwrap().remove(key);
        let err = check_response(Endpoint::ListTasks, 200, &ok(p)).unwrap_err();
        assert_eq!(err.kind, ErrorKind::Decode, "{key}");
        assert!(err.message.contains(key), "{key}: {}", err.message);
    }
}

#[test]
fn page_counters_sent_as_strings_are_a_decode_error() {
    let body = ok(
        json!({"rows": [], "total_pages": "3", "current_page": "1", "page_size": "50", "total_items": 142}),
    );
    let err = decode::<Page<Label>>(200, &body).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Decode);
    assert!(
        err.message.contains("data.total_pages") || err.message.contains("data.current_page"),
        "{}",
        err.message
    );
}

#[test]
fn upsert_lead_accepts_any_object_as_data() {
    for data in [json!({}), lead_json(), json!({"updated": true})] {
        assert!(check_response(Endpoint::UpsertLead, 200, &ok(data)).is_ok());
    }
}

#[test]
fn upsert_lead_refuses_data_that_is_not_an_object() {
    for data in [json!(null), json!("ok"), json!([1]), json!(true)] {
        let err = check_response(Endpoint::UpsertLead, 200, &ok(data.clone())).unwrap_err();
        assert_eq!(err.kind, ErrorKind::Decode, "{data}");
    }
}

#[test]
fn complete_task_accepts_any_object_as_data() {
    assert!(check_response(Endpoint::CompleteTask, 200, &ok(task_json(3))).is_ok());
    assert!(check_response(Endpoint::CompleteTask, 200, &ok(json!({"count": 1}))).is_ok());
}

#[test]
fn the_success_message_is_optional_and_never_fails_a_decode() {
    for body in [
        json!({"data": {}}),
        json!({"data": {}, "message": null}),
        json!({"data": {}, "message": 42}),
    ] {
        assert!(
            check_response(Endpoint::UpsertLead, 200, &body.to_string()).is_ok(),
            "{body}"
        );
    }
}

#[test]
fn any_object_decodes_for_rust_callers() {
    let _: AnyObject = decode(200, &ok(json!({"a": [1, {"b": null}]}))).unwrap();
}

// ---- 2xx that is not the envelope -----------------------------------------------------------

#[test]
fn a_200_without_data_is_a_decode_error() {
    let err = check_response(Endpoint::GetLead, 200, r#"{"message":"success"}"#).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Decode);
    assert_eq!(err.status, Some(200));
    assert!(!err.retryable);
    assert!(err.message.contains("no `data`"), "{}", err.message);
}

#[test]
fn a_200_without_data_quotes_the_server_message() {
    let err = check_response(
        Endpoint::UpsertLead,
        200,
        r#"{"message":"Customer not found"}"#,
    )
    .unwrap_err();
    assert!(
        err.message.contains("Customer not found"),
        "{}",
        err.message
    );
}

#[test]
fn a_200_with_invalid_json_is_a_decode_error_with_its_position() {
    let err = check_response(Endpoint::GetLead, 200, r#"{"data": {"id": 1,"#).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Decode);
    assert_eq!(err.status, Some(200));
    assert!(err.message.contains("not JSON"), "{}", err.message);
    assert!(err.message.contains("column"), "{}", err.message);
    assert_eq!(
        err.body,
        Some(Body::Text(r#"{"data": {"id": 1,"#.to_owned()))
    );
}

#[test]
fn a_200_with_an_html_page_is_a_decode_error() {
    let err = check_response(Endpoint::ListTasks, 200, "<html>Maintenance</html>").unwrap_err();
    assert_eq!(err.kind, ErrorKind::Decode);
}

#[test]
fn a_200_with_an_empty_body_is_a_decode_error() {
    let err = check_response(Endpoint::CompleteTask, 200, "").unwrap_err();
    assert_eq!(err.kind, ErrorKind::Decode);
    assert!(err.message.contains("empty body"), "{}", err.message);
    assert_eq!(err.body, None);
}

#[test]
fn a_200_that_is_not_an_object_is_a_decode_error() {
    let err = check_response(Endpoint::GetLead, 200, "[1,2,3]").unwrap_err();
    assert_eq!(err.kind, ErrorKind::Decode);
    assert!(err.message.contains("array"), "{}", err.message);
}

#[test]
fn a_wrong_type_deep_in_data_names_its_path() {
    let mut lead = lead_json();
    lead["lead_stage"]["id"] = json!("two");
    let err = check_response(Endpoint::GetLead, 200, &ok(lead)).unwrap_err();
    assert!(
        err.message.contains(
            "data.lead_stage.id: expected a non-negative integer id, found a string (line 1, column"
        ),
        "{}",
        err.message
    );
}

#[test]
fn a_decode_error_keeps_the_body_but_not_in_its_message() {
    let mut lead = lead_json();
    lead["phones"] = Value::Null;
    lead["additional_info"] = json!("x".repeat(5000));
    let body = ok(lead.clone());
    let err = check_response(Endpoint::GetLead, 200, &body).unwrap_err();
    assert!(err.message.contains("data.phones"), "{}", err.message);
    assert!(err.message.len() < 600, "{}", err.message.len());
    assert_eq!(err.body, Some(Body::Json(body)));
    assert_eq!(
        err.body.unwrap().to_value(),
        json!({"data": lead, "message": "success"})
    );
}

#[test]
fn a_long_offending_string_is_cut_in_the_message() {
    let mut lead = lead_json();
    lead["id"] = json!("9".repeat(100_000));
    let err = check_response(Endpoint::GetLead, 200, &ok(lead)).unwrap_err();
    assert!(err.message.len() < 600, "{}", err.message.len());
}

#[test]
fn several_megabyte_bodies_are_fine() {
    let rows: Vec<Value> = (1..=20_000).map(task_json).collect();
    let body = ok(page(rows));
    assert!(body.len() > 4_000_000);
    assert!(check_response(Endpoint::ListTasks, 200, &body).is_ok());
    let bad = body.replacen("\"id\":20000", "\"id\":\"20000\"", 1);
    let err = check_response(Endpoint::ListTasks, 200, &bad).unwrap_err();
    assert!(
        err.message.contains("data.rows[19999].id"),
        "{}",
        err.message
    );
}

#[test]
fn deeply_nested_bodies_are_an_error_not_a_crash() {
    let body = format!(
        "{{\"data\":{}{}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let err = check_response(Endpoint::UpsertLead, 200, &body).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Decode);
    let err = check_response(Endpoint::UpsertLead, 500, &body).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Server);
}

// ---- non-2xx: HTTP errors -------------------------------------------------------------------

#[test]
fn server_message_is_carried_verbatim() {
    let body = r#"{"message": "Customer phone exists in multiple contact"}"#;
    let err = check_response(Endpoint::UpsertLead, 400, body).unwrap_err();
    assert_eq!(err.kind, ErrorKind::BadRequest);
    assert_eq!(err.message, "Customer phone exists in multiple contact");
    assert_eq!(err.status, Some(400));
    assert_eq!(err.body, Some(Body::Json(body.to_owned())));
    assert_eq!(
        err.body.unwrap().to_value(),
        json!({"message": "Customer phone exists in multiple contact"})
    );
}

#[test]
fn a_wrong_key_is_unauthorized() {
    let err = check_response(
        Endpoint::ListTasks,
        401,
        r#"{"message": "UnAuthorized, Please Provide Valid API Key"}"#,
    )
    .unwrap_err();
    assert_eq!(err.kind, ErrorKind::Unauthorized);
    assert_eq!(err.message, "UnAuthorized, Please Provide Valid API Key");
    assert!(!err.retryable);
}

#[test]
fn statuses_map_to_kinds() {
    let cases = [
        (400, ErrorKind::BadRequest),
        (401, ErrorKind::Unauthorized),
        (404, ErrorKind::NotFound),
        (429, ErrorKind::RateLimited),
        (500, ErrorKind::Server),
        (502, ErrorKind::Server),
        (503, ErrorKind::Server),
        (403, ErrorKind::Server),
        (408, ErrorKind::Server),
        (409, ErrorKind::Server),
        (422, ErrorKind::Server),
        (302, ErrorKind::Server),
        (304, ErrorKind::Server),
        (101, ErrorKind::Server),
        (0, ErrorKind::Server),
        (999, ErrorKind::Server),
    ];
    for (status, kind) in cases {
        let err = status_error(status, "{}");
        assert_eq!((err.kind, err.status), (kind, Some(status)), "{status}");
    }
}

#[test]
fn rate_limits_timeouts_and_5xx_are_retryable_and_other_statuses_are_not() {
    for status in [408, 429, 500, 502, 503, 504, 507, 599] {
        assert!(status_error(status, "").retryable, "{status}");
    }
    // 501 and 505 are about the request, as the retry policy (which never retries them) says.
    for status in [400, 401, 403, 404, 409, 422, 302, 101, 501, 505] {
        assert!(!status_error(status, "").retryable, "{status}");
    }
}

#[test]
fn a_non_json_error_body_is_kept_as_text_cut_to_1000_characters() {
    let html = format!("<html>{}</html>", "é".repeat(3000));
    let err = check_response(Endpoint::GetLead, 502, &html).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Server);
    assert_eq!(err.message, "HTTP 502 with a non-JSON body");
    let Some(Body::Text(text)) = err.body else {
        panic!("{:?}", err.body)
    };
    assert_eq!(text.chars().count(), 1000);
    assert!(html.starts_with(&text));
}

#[test]
fn a_json_error_body_without_a_message_gets_a_sentence_and_keeps_the_body() {
    let err = check_response(Endpoint::GetLead, 500, r#"{"error":"boom"}"#).unwrap_err();
    assert_eq!(err.message, "HTTP 500 without a message");
    assert_eq!(err.body, Some(Body::Json(r#"{"error":"boom"}"#.to_owned())));
}

#[test]
fn a_non_string_or_blank_message_is_not_used() {
    assert_eq!(
        status_error(400, r#"{"message": 42}"#).message,
        "HTTP 400 without a message"
    );
    assert_eq!(
        status_error(400, r#"{"message": "  "}"#).message,
        "HTTP 400 without a message"
    );
}

#[test]
fn an_empty_error_body_has_no_body() {
    let err = status_error(503, "");
    assert_eq!(err.message, "HTTP 503 with an empty body");
    assert_eq!(err.body, None);
    assert!(err.retryable);
}

#[test]
fn an_error_status_wins_over_a_success_shaped_body() {
    let err = check_response(Endpoint::GetLead, 404, &ok(lead_json())).unwrap_err();
    assert_eq!(err.kind, ErrorKind::NotFound);
}

// ---- properties -----------------------------------------------------------------------------

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_map(|n| json!(n)),
        ".{0,12}".prop_map(Value::String),
        prop::sample::select(vec![
            "id",
            "rows",
            "data",
            "message",
            "title",
            "+918000000001"
        ])
        .prop_map(|s| json!(s)),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(
                prop::sample::select(vec![
                    "id",
                    "org_id",
                    "title",
                    "rows",
                    "total_pages",
                    "current_page",
                    "page_size",
                    "total_items",
                    "phones",
                    "labels",
                    "created_at",
                    "type",
                    "due_date",
                    "task_status",
                    "status",
                    "message",
                    "data",
                    "x",
                ])
                .prop_map(str::to_owned),
                inner,
                0..8,
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn arb_status() -> impl Strategy<Value = u16> {
    prop_oneof![
        Just(200u16),
        Just(201),
        Just(400),
        Just(401),
        Just(404),
        Just(429),
        Just(500),
        any::<u16>()
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn check_response_never_panics_on_arbitrary_text(status in arb_status(), body in ".{0,200}") {
        for endpoint in Endpoint::ALL {
            let _ = check_response(endpoint, status, &body);
        }
        let _ = decode::<Value>(status, &body);
    }

    #[test]
    fn check_response_never_panics_on_arbitrary_json(status in arb_status(), value in arb_json(), wrap in any::<bool>()) {
        let body = if wrap { json!({"data": value}).to_string() } else { value.to_string() };
        for endpoint in Endpoint::ALL {
            match check_response(endpoint, status, &body) {
                Ok(()) => prop_assert!((200..=299).contains(&status)),
                Err(err) => {
                    prop_assert_eq!(err.status, Some(status));
                    prop_assert!(!err.message.is_empty());
                }
            }
        }
        let _ = decode::<Lead>(status, &body);
    }

    #[test]
    fn truncated_valid_bodies_never_panic(cut in 0usize..2000) {
        let body = ok(lead_json());
        let end = body.char_indices().map(|(i, _)| i).nth(cut).unwrap_or(body.len());
        let _ = check_response(Endpoint::GetLead, 200, &body[..end]);
    }
}

#[test]
fn a_redirect_is_an_error_that_says_redirects_are_not_followed() {
    for status in [0, 301, 302, 307, 308] {
        let err = check_response(Endpoint::ListTasks, status, "").unwrap_err();
        assert_eq!(err.kind, ErrorKind::Server);
        assert_eq!(err.status, Some(status));
        assert!(!err.retryable);
        assert!(err.message.contains("does not follow"), "{}", err.message);
    }
}
