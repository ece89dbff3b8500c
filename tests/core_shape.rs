//! The shape tables (`shape`) say the same as the model types (`model`): on documented responses
//! and on every mutation of them, `check_response` (what the binding runs) accepts exactly what
//! decoding into the model type accepts.
//!
//! Two sets of mutations: of the JSON value (fields removed, added, replaced), and of the text
//! (numbers written in unusual ways, escaped keys, repeated keys, deep nesting, whitespace),
//! where the oracle is serde_json alone: the body parses as a `serde_json::Value` and decodes
//! into the model's envelope.

use proptest::prelude::*;
use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use superfone_crm::decode::{check_response, decode};
use superfone_crm::endpoint::{Catalog, Endpoint};
use superfone_crm::model::{
    Envelope, Label, Lead, LeadGroup, LeadStage, Page, Product, SourceType, Task,
};

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

/// Each endpoint with a documented body, whether the SDK's `decode` into the model accepts a
/// body, and whether serde_json alone does.
fn cases() -> Vec<(Endpoint, Value, Decodes, Decodes)> {
    fn decodes<T: DeserializeOwned>(body: &str) -> bool {
        decode::<T>(200, body).is_ok()
    }
    /// serde_json alone: the body is JSON it reads (`Value`), an object (serde's derive would
    /// read an array positionally), and its envelope decodes into the model.
    fn serde_decodes<T: DeserializeOwned>(body: &str) -> bool {
        matches!(serde_json::from_str::<Value>(body), Ok(Value::Object(_)))
            && serde_json::from_str::<Envelope<T>>(body).is_ok()
    }
    vec![
        (
            Endpoint::GetLead,
            lead(),
            decodes::<Lead>,
            serde_decodes::<Lead>,
        ),
        (
            Endpoint::CreateTask,
            task(),
            decodes::<Task>,
            serde_decodes::<Task>,
        ),
        (
            Endpoint::ListTasks,
            page(vec![task(), task()]),
            decodes::<Page<Task>>,
            serde_decodes::<Page<Task>>,
        ),
        (
            Endpoint::List(Catalog::SourceTypes),
            page(vec![row(Catalog::SourceTypes)]),
            decodes::<Page<SourceType>>,
            serde_decodes::<Page<SourceType>>,
        ),
        (
            Endpoint::List(Catalog::Labels),
            page(vec![row(Catalog::Labels)]),
            decodes::<Page<Label>>,
            serde_decodes::<Page<Label>>,
        ),
        (
            Endpoint::List(Catalog::LeadStages),
            page(vec![row(Catalog::LeadStages)]),
            decodes::<Page<LeadStage>>,
            serde_decodes::<Page<LeadStage>>,
        ),
        (
            Endpoint::List(Catalog::LeadGroups),
            page(vec![row(Catalog::LeadGroups)]),
            decodes::<Page<LeadGroup>>,
            serde_decodes::<Page<LeadGroup>>,
        ),
        (
            Endpoint::List(Catalog::Products),
            page(vec![row(Catalog::Products)]),
            decodes::<Page<Product>>,
            serde_decodes::<Page<Product>>,
        ),
    ]
}

fn body(data: &Value) -> String {
    json!({"data": data, "message": "success"}).to_string()
}

#[test]
fn every_documented_response_passes_both() {
    for (endpoint, data, decodes, serde_decodes) in cases() {
        let body = body(&data);
        assert!(check_response(endpoint, 200, &body).is_ok(), "{endpoint:?}");
        assert!(decodes(&body), "{endpoint:?}");
        assert!(serde_decodes(&body), "{endpoint:?}");
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
        let (endpoint, mut data, decodes, _) = cases().swap_remove(case);
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

// ---- text mutations ------------------------------------------------------------------------------

/// A JSON value as it will be written: scalars as raw text (so a number can be `1e2`), object
/// members in order, keys as written (quotes and escapes included), possibly repeated.
#[derive(Debug, Clone)]
enum Node {
    Raw(String),
    Array(Vec<Node>),
    Object(Vec<(String, Node)>),
}

impl Node {
    fn from(v: &Value) -> Node {
        match v {
            Value::Array(items) => Node::Array(items.iter().map(Node::from).collect()),
            Value::Object(map) => Node::Object(
                map.iter()
                    .map(|(k, v)| (json!(k).to_string(), Node::from(v)))
                    .collect(),
            ),
            scalar => Node::Raw(scalar.to_string()),
        }
    }
}

/// Paths (child indexes) to every node.
fn node_paths(node: &Node, here: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
    out.push(here.clone());
    let children: Vec<&Node> = match node {
        Node::Raw(_) => Vec::new(),
        Node::Array(items) => items.iter().collect(),
        Node::Object(members) => members.iter().map(|(_, v)| v).collect(),
    };
    for (i, child) in children.into_iter().enumerate() {
        here.push(i);
        node_paths(child, here, out);
        here.pop();
    }
}

fn node_at<'a>(node: &'a mut Node, path: &[usize]) -> &'a mut Node {
    path.iter().fold(node, |node, &i| match node {
        Node::Array(items) => &mut items[i],
        Node::Object(members) => &mut members[i].1,
        Node::Raw(_) => unreachable!("a path only goes through containers"),
    })
}

/// Numbers written every way JSON allows (and a few it does not: beyond a double), strings
/// with escapes (a lone surrogate among them), literals and an empty object.
const RAW: &[&str] = &[
    "-0",
    "-0.0",
    "0.0",
    "1.0",
    "1e2",
    "1E+2",
    "2e0",
    "100e-2",
    "4.0e-0",
    "0.5",
    "-1",
    "1e400",
    "-1e400",
    "1e-400",
    "-1e-400",
    "9007199254740992",
    "9007199254740993",
    "9007199254740992.0",
    "9007199254740993.0",
    "9007199254740992.5",
    "18446744073709551615",
    "18446744073709551616",
    "-9223372036854775808",
    "0.99999999999999999999",
    "1.7976931348623157e308",
    "1.7976931348623158e308",
    "5e-324",
    "123456789012345678901234567890",
    r#""A\u0041\n""#,
    r#""\ud800""#,
    r#""\udc00x""#,
    r#""\ud83d\ude00""#,
    r#""a\/b""#,
    "true",
    "false",
    "null",
    "{}",
];

#[derive(Debug, Clone)]
enum TextMutation {
    /// Replace a node with raw text.
    Raw(usize, &'static str),
    /// Repeat a member of an object: same key, its own value or raw text.
    Repeat(usize, usize, Option<&'static str>),
    /// Write a member's key with `\u` escapes: every character, or only the first.
    EscapeKey(usize, usize, bool),
    /// Wrap a node in this many objects `{"k": …}`.
    Deep(usize, usize),
}

fn text_mutation() -> impl Strategy<Value = TextMutation> {
    let raw = || prop::sample::select(RAW);
    prop_oneof![
        (any::<usize>(), raw()).prop_map(|(i, r)| TextMutation::Raw(i, r)),
        (any::<usize>(), any::<usize>(), prop::option::of(raw()))
            .prop_map(|(i, m, r)| TextMutation::Repeat(i, m, r)),
        (any::<usize>(), any::<usize>(), any::<bool>())
            .prop_map(|(i, m, all)| TextMutation::EscapeKey(i, m, all)),
        (any::<usize>(), 115usize..130).prop_map(|(i, n)| TextMutation::Deep(i, n)),
    ]
}

fn apply_text(root: &mut Node, m: &TextMutation) {
    let mut all = Vec::new();
    node_paths(root, &mut Vec::new(), &mut all);
    let pick = |i: usize| all[i % all.len()].clone();
    match m {
        TextMutation::Raw(i, raw) => *node_at(root, &pick(*i)) = Node::Raw(raw.to_string()),
        TextMutation::Repeat(i, member, raw) => {
            if let Node::Object(members) = node_at(root, &pick(*i)) {
                if !members.is_empty() {
                    let (key, value) = members[member % members.len()].clone();
                    let value = raw.map_or(value, |r| Node::Raw(r.to_owned()));
                    members.push((key, value));
                }
            }
        }
        TextMutation::EscapeKey(i, member, every) => {
            if let Node::Object(members) = node_at(root, &pick(*i)) {
                if !members.is_empty() {
                    let len = members.len();
                    let key = &mut members[member % len].0;
                    let name = key.trim_matches('"').to_owned();
                    let escaped: String = name
                        .chars()
                        .enumerate()
                        .map(|(n, c)| {
                            if *every || n == 0 {
                                format!("\\u{:04x}", c as u32)
                            } else {
                                c.to_string()
                            }
                        })
                        .collect();
                    *key = format!("\"{escaped}\"");
                }
            }
        }
        TextMutation::Deep(i, levels) => {
            let node = node_at(root, &pick(*i));
            let mut inner = node.clone();
            for _ in 0..*levels {
                inner = Node::Object(vec![("\"k\"".to_owned(), inner)]);
            }
            *node = inner;
        }
    }
}

/// Writes `node`, with whitespace between tokens drawn from `ws` (none when `ws` is 0).
fn render(node: &Node, ws: &mut u64, out: &mut String) {
    fn space(ws: &mut u64, out: &mut String) {
        if *ws == 0 {
            return;
        }
        *ws = ws
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        out.push_str(["", "", " ", "\n", "\t", "\r\n  "][(*ws >> 33) as usize % 6]);
    }
    match node {
        Node::Raw(text) => out.push_str(text),
        Node::Array(items) => {
            out.push('[');
            space(ws, out);
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                    space(ws, out);
                }
                render(item, ws, out);
                space(ws, out);
            }
            out.push(']');
        }
        Node::Object(members) => {
            out.push('{');
            space(ws, out);
            for (i, (key, value)) in members.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                    space(ws, out);
                }
                out.push_str(key);
                space(ws, out);
                out.push(':');
                space(ws, out);
                render(value, ws, out);
                space(ws, out);
            }
            out.push('}');
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn the_checker_accepts_exactly_what_serde_json_decodes_from_any_text(
        case in 0usize..8,
        mutations in proptest::collection::vec(text_mutation(), 1..4),
        ws in prop_oneof![Just(0u64), any::<u64>()],
    ) {
        let (endpoint, data, _, serde_decodes) = cases().swap_remove(case);
        let mut root = Node::Object(vec![
            ("\"data\"".to_owned(), Node::from(&data)),
            ("\"message\"".to_owned(), Node::Raw("\"success\"".to_owned())),
        ]);
        for m in &mutations {
            apply_text(&mut root, m);
        }
        let mut body = String::new();
        let mut ws = ws;
        render(&root, &mut ws, &mut body);
        prop_assert_eq!(
            check_response(endpoint, 200, &body).is_ok(),
            serde_decodes(&body),
            "{:?} on {}", endpoint, body
        );
    }
}
