//! The shape tables (`shape`) say the same as the model types (`model`): on documented responses
//! and on every mutation of them, `check_response` (what the binding runs) accepts exactly what
//! decoding into the model type accepts.

use proptest::prelude::*;
use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use superfone_crm::decode::{check_response, decode};
use superfone_crm::endpoint::{Catalog, Endpoint};
use superfone_crm::model::{Label, Lead, LeadGroup, LeadStage, Page, Product, SourceType, Task};

fn lead() -> Value {
    json!({
        "id": 1001, "org_id": 77, "first_name": "Asha", "last_name": null, "website": null,
        "business_name": "Asha Textiles", "additional_info": null, "city": "Bengaluru",
        "status": "ACTIVE", "source": "website-form", "source_type": "OTHERS",
        "email": ["asha@example.in"], "deal_value": 1500.5,
        "address": {"text": "42 MG Road", "additional": null, "initials": "MG", "latitude": 12.97, "longitude": 77.64},
        "assignee_user_id": 101, "lead_stage_id": 11, "lead_group_id": null,
        "created_at": "2026-04-01T10:30:00.000Z", "updated_at": null,
        "phones": [{"phone": "+918000000001", "customer_id": 1001}],
        "labels": [{"id": 1, "title": "Hot", "colour": "#f00", "text_colour": "#fff", "status": "ACTIVE"}],
        "lead_stage": {"id": 11, "title": "New", "org_id": 77, "status": "ACTIVE", "type": "INITIAL", "position": 1},
        "lead_group": null,
        "assignee_user": {"id": 101, "first_name": "Asha", "last_name": "Rao"}
    })
}

fn task() -> Value {
    json!({
        "id": 5001, "org_id": 77, "customer_id": 1001, "title": null, "type": "FOLLOW_UP_CALL",
        "due_date": "2026-05-20T15:00:00.000Z", "notify_at": "2026-05-20T14:50:00.000Z", "notify": true,
        "task_status": "PENDING", "status": "ACTIVE", "assignee_user_id": 101, "created_by": 101,
        "updated_by": null, "created_at": "2026-05-01T09:00:00.000Z", "updated_at": null
    })
}

fn page(rows: Vec<Value>) -> Value {
    json!({"rows": rows, "total_pages": 3, "current_page": 1, "page_size": 50, "total_items": 142})
}

fn row(catalog: Catalog) -> Value {
    match catalog {
        Catalog::SourceTypes => json!({"id": 1, "title": "OTHERS"}),
        Catalog::Labels => {
            json!({"id": 1, "org_id": 7, "title": "Hot", "colour": "#f00", "text_colour": "#fff",
            "status": "ACTIVE", "created_by": 1, "updated_by": 1, "created_at": "2026-01-01T00:00:00.000Z", "updated_at": null})
        }
        Catalog::LeadStages => {
            json!({"id": 11, "org_id": 7, "title": "New", "status": "ACTIVE", "type": "INITIAL",
            "position": 1, "is_editable": false, "identifier": "new", "created_by": null})
        }
        Catalog::LeadGroups => {
            json!({"id": 21, "org_id": 7, "title": "Inbound", "status": "ACTIVE", "type": null})
        }
        Catalog::Products => {
            json!({"id": 31, "org_id": 7, "title": "Plan", "description": null, "status": "ACTIVE",
            "price": 999, "currency": "INR", "link": null, "images": [], "created_by": 1})
        }
    }
}

/// Whether the model type of an endpoint decodes a body.
type Decodes = fn(&str) -> bool;

/// Each endpoint with a documented body, and whether the model decodes a body.
fn cases() -> Vec<(Endpoint, Value, Decodes)> {
    fn decodes<T: DeserializeOwned>(body: &str) -> bool {
        decode::<T>(200, body).is_ok()
    }
    vec![
        (Endpoint::GetLead, lead(), decodes::<Lead>),
        (Endpoint::CreateTask, task(), decodes::<Task>),
        (
            Endpoint::ListTasks,
            page(vec![task(), task()]),
            decodes::<Page<Task>>,
        ),
        (
            Endpoint::List(Catalog::SourceTypes),
            page(vec![row(Catalog::SourceTypes)]),
            decodes::<Page<SourceType>>,
        ),
        (
            Endpoint::List(Catalog::Labels),
            page(vec![row(Catalog::Labels)]),
            decodes::<Page<Label>>,
        ),
        (
            Endpoint::List(Catalog::LeadStages),
            page(vec![row(Catalog::LeadStages)]),
            decodes::<Page<LeadStage>>,
        ),
        (
            Endpoint::List(Catalog::LeadGroups),
            page(vec![row(Catalog::LeadGroups)]),
            decodes::<Page<LeadGroup>>,
        ),
        (
            Endpoint::List(Catalog::Products),
            page(vec![row(Catalog::Products)]),
            decodes::<Page<Product>>,
        ),
    ]
}

fn body(data: &Value) -> String {
    json!({"data": data, "message": "success"}).to_string()
}

#[test]
fn every_documented_response_passes_both() {
    for (endpoint, data, decodes) in cases() {
        let body = body(&data);
        assert!(check_response(endpoint, 200, &body).is_ok(), "{endpoint:?}");
        assert!(decodes(&body), "{endpoint:?}");
    }
}

/// Every path to a value inside `v` (object keys and array indexes).
fn paths(v: &Value, here: Vec<Value>, out: &mut Vec<Vec<Value>>) {
    out.push(here.clone());
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                let mut p = here.clone();
                p.push(json!(k));
                paths(child, p, out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                let mut p = here.clone();
                p.push(json!(i));
                paths(child, p, out);
            }
        }
        _ => {}
    }
}

fn at<'a>(v: &'a mut Value, path: &[Value]) -> &'a mut Value {
    path.iter().fold(v, |v, seg| match seg {
        Value::String(k) => &mut v[k.as_str()],
        Value::Number(i) => &mut v[i.as_u64().unwrap() as usize],
        _ => unreachable!(),
    })
}

/// A replacement value: scalars of every JSON type and `{}` — never an array, which could land
/// where an object is expected: serde's derive reads those positionally (`"address": []` is an
/// address with no fields), which the checker refuses on purpose. Arrays shrink by `Remove`.
fn scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<u64>().prop_map(|n| json!(n)),
        any::<i64>().prop_map(|n| json!(n)),
        (-1e6f64..1e6).prop_map(|n| json!(n)),
        Just(json!(3.0)),
        Just(json!(-0.0)),
        ".{0,6}".prop_map(Value::String),
        Just(json!({})),
    ]
}

#[derive(Debug, Clone)]
enum Mutation {
    Replace(usize, Value),
    Remove(usize),
    AddKey(usize, String, Value),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), scalar()).prop_map(|(i, v)| Mutation::Replace(i, v)),
        any::<usize>().prop_map(Mutation::Remove),
        (any::<usize>(), "[a-z_]{1,12}", scalar()).prop_map(|(i, k, v)| Mutation::AddKey(i, k, v)),
    ]
}

fn apply(data: &mut Value, m: &Mutation) {
    let mut all = Vec::new();
    paths(data, Vec::new(), &mut all);
    match m {
        Mutation::Replace(i, v) => *at(data, &all[i % all.len()]) = v.clone(),
        Mutation::Remove(i) => {
            let path = &all[i % all.len()];
            if let Some((last, parent)) = path.split_last() {
                match (at(data, parent), last) {
                    (Value::Object(map), Value::String(k)) => {
                        map.remove(k);
                    }
                    (Value::Array(items), Value::Number(n)) => {
                        items.remove(n.as_u64().unwrap() as usize);
                    }
                    _ => {}
                }
            }
        }
        Mutation::AddKey(i, k, v) => {
            if let Value::Object(map) = at(data, &all[i % all.len()]) {
                map.insert(k.clone(), v.clone());
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn the_checker_accepts_exactly_what_the_model_decodes(
        case in 0usize..8,
        mutations in proptest::collection::vec(mutation(), 1..4),
    ) {
        let (endpoint, mut data, decodes) = cases().swap_remove(case);
        for m in &mutations {
            apply(&mut data, m);
        }
        let body = body(&data);
        prop_assert_eq!(
            check_response(endpoint, 200, &body).is_ok(),
            decodes(&body),
            "{:?} on {}", endpoint, body
        );
    }
}
