//! Input checks, run before any request is built. Each returns every issue it finds, each with the
//! field it concerns, so a form can show them all at once.
//!
//! Inputs are loose JSON (whatever a JavaScript caller passed), so every check expects any shape:
//! wrong types, `null`, unknown keys, huge strings. Nothing here panics. Issues come in the order
//! of the API's field tables, then unknown keys in key order.

use crate::error::{Error, ValidationIssue};
use crate::json::{value::Number, Map, Value};
use crate::phone::{is_valid_e164, to_e164};
use crate::time::{format_iso8601_ms, parse_iso8601_ms};

/// The task types of Create Task, exactly as the API spells them.
pub const TASK_TYPES: [&str; 6] = [
    "FOLLOW_UP_CALL",
    "FIRST_CALL",
    "CALLBACK_REQUEST",
    "SITE_VISIT",
    "REMINDER",
    "BOOKING",
];

/// The body fields of Upsert Lead, in the order of the API's table.
pub const UPSERT_LEAD_FIELDS: [&str; 21] = [
    "customer_phone",
    "create_customer_if_customer_phone_not_found",
    "first_name",
    "last_name",
    "email",
    "website",
    "address",
    "city",
    "business_name",
    "additional_info",
    "deal_value",
    "source",
    "source_type",
    "assignee_user_phone",
    "lead_stage_name",
    "lead_group_name",
    "add_labels",
    "remove_labels",
    "add_products",
    "add_phones",
    "customer_note",
];

/// A valid upsert-lead input as it is sent: as given, except that `address` fields given as
/// `null` are left out, which is what they mean (the API documents no way to clear one; the
/// typed [`crate::model::Address`] has no `null` for them either). Only the three top-level
/// fields documented as clearable keep a `null`.
pub fn upsert_lead_body(input: &Value) -> Value {
    let mut body = input.clone();
    if let Some(Value::Object(address)) = body.get_mut("address") {
        address.retain(|_, v| !v.is_null());
    }
    body
}

/// The fields of the Upsert Lead `address` object.
pub const ADDRESS_FIELDS: [&str; 5] = ["text", "additional", "initials", "latitude", "longitude"];

/// The body fields of Create Task.
pub const CREATE_TASK_FIELDS: [&str; 4] = ["type", "due_date", "notify_at", "customer_note"];

/// The longest string any field accepts, in characters. Far above anything a CRM field holds; it
/// only stops runaway input.
pub const MAX_STRING_CHARS: usize = 10_000;

/// The most items a list field accepts.
pub const MAX_LIST_ITEMS: usize = 1_000;

/// The largest integer a JavaScript number holds exactly (2^53 − 1).
pub const MAX_SAFE_INTEGER: u64 = 9_007_199_254_740_991;

/// An E.164 example for messages.
const PHONE_EXAMPLE: &str = "+918000000001";

/// How many characters of an input a message quotes.
const QUOTE_CHARS: usize = 40;

/// `Ok(())` when there are no issues, otherwise the validation [`Error`] listing them all.
///
/// ```
/// use superfone_crm::validate::{ensure_valid, validate_upsert_lead};
/// let issues = validate_upsert_lead(&superfone_crm::json!({ "customer_phone": "+918000000001" }));
/// assert!(ensure_valid(issues).is_ok());
/// ```
pub fn ensure_valid(issues: Vec<ValidationIssue>) -> Result<(), Error> {
    if issues.is_empty() {
        Ok(())
    } else {
        Err(Error::from_issues(&issues))
    }
}

/// Quotes user input for a message: JSON-like double quotes with escapes, cut to 40 characters
/// (marked with `…`) so a huge input cannot flood a message.
///
/// ```
/// use superfone_crm::validate::quote;
/// assert_eq!(quote("8000000001"), "\"8000000001\"");
/// assert_eq!(quote(&"9".repeat(100)), format!("\"{}…\"", "9".repeat(40)));
/// ```
pub fn quote(s: &str) -> String {
    let mut chars = s.chars();
    let head: String = chars.by_ref().take(QUOTE_CHARS).collect();
    let quoted = crate::text::quote_str(&head);
    if chars.next().is_none() {
        quoted
    } else {
        format!("{}…\"", &quoted[..quoted.len() - 1])
    }
}

/// The checks behind JS `validateUpsertLead`: `[]` when `input` may be sent.
///
/// ```
/// use superfone_crm::json;
/// use superfone_crm::validate::validate_upsert_lead;
/// assert!(validate_upsert_lead(&json!({
///     "customer_phone": "+918000000001",
///     "create_customer_if_customer_phone_not_found": true,
///     "first_name": "Asha",
///     "email": ["asha@example.com"],
///     "lead_stage_name": null,
///     "add_labels": ["VIP"],
/// })).is_empty());
/// let issues = validate_upsert_lead(&json!({ "customer_phone": "8000000001", "lead_stage": "New" }));
/// assert_eq!(issues[0].field, "customer_phone");
/// assert_eq!(issues[1].message, "is not a field of the upsert lead request; did you mean \"lead_stage_name\"?");
/// ```
pub fn validate_upsert_lead(input: &Value) -> Vec<ValidationIssue> {
    let mut out = Issues::default();
    let Some(obj) = out.object(
        "input",
        input,
        "an object with at least customer_phone, like { \"customer_phone\": \"+918000000001\" }",
    ) else {
        return out.0;
    };
    // One pass over the input's keys puts each known field's value in its slot; the checks then
    // run in the documented field order, so issues come out in that order whatever the input's.
    // (A key given twice counts once, the first time, as `Map::get` reads it.)
    let mut slots: [Option<&Value>; UPSERT_LEAD_FIELDS.len()] = [None; UPSERT_LEAD_FIELDS.len()];
    let mut any_unknown = false;
    for (key, value) in obj.iter() {
        match UPSERT_LEAD_FIELDS.iter().position(|name| name == key) {
            Some(i) => {
                slots[i].get_or_insert(value);
            }
            None => any_unknown = true,
        }
    }
    let given = |name: &str| {
        (UPSERT_LEAD_FIELDS.iter().zip(&slots))
            .any(|(known, slot)| *known == name && slot.is_some())
    };
    for (name, slot) in UPSERT_LEAD_FIELDS.into_iter().zip(slots) {
        let Some(value) = slot else {
            if name == "customer_phone" {
                out.push(
                    name,
                    format!("is required: the lead's primary phone in E.164 format, like {PHONE_EXAMPLE}"),
                );
            }
            continue;
        };
        match name {
            "customer_phone" => out.phone(name, value, false),
            "assignee_user_phone" => out.phone(name, value, true),
            "create_customer_if_customer_phone_not_found" => out.boolean(name, value),
            "email" => out.list(name, value, "email addresses, e.g. [\"a@b.com\"]", |s| {
                (!is_email_address(s)).then(|| {
                    format!(
                        "is not an email address like name@example.com (got {})",
                        quote(s)
                    )
                })
            }),
            "address" => out.address(name, value),
            "deal_value" => {
                if !value.is_number() {
                    out.push(
                        name,
                        format!("must be a finite number (got {})", got(value)),
                    );
                }
            }
            "lead_stage_name" | "lead_group_name" => {
                if !value.is_null() {
                    let clear = if name == "lead_stage_name" {
                        "stage"
                    } else {
                        "group"
                    };
                    if let Some(s) = out.string(name, value, " or null") {
                        if s.trim().is_empty() {
                            out.push(
                                name,
                                format!("must not be empty: give the lead {clear}'s title, or null to clear it"),
                            );
                        }
                    }
                }
            }
            "add_labels" | "remove_labels" => {
                out.list(name, value, "label titles, e.g. [\"VIP\"]", non_empty)
            }
            "add_products" => out.list(
                name,
                value,
                "product titles, e.g. [\"Gold plan\"]",
                non_empty,
            ),
            "add_phones" => out.list(
                name,
                value,
                "phones in E.164 format, e.g. [\"+918000000001\"]",
                |s| (!is_valid_e164(s)).then(|| e164_message(s)),
            ),
            _ => {
                out.string(name, value, "");
            }
        }
        if name == "remove_labels" && given("add_labels") {
            out.push(
                name,
                "cannot be combined with add_labels in one request; send two requests, one adding and one removing labels",
            );
        }
    }
    if any_unknown {
        out.unknown_keys(
            obj.keys(),
            &UPSERT_LEAD_FIELDS,
            UPSERT_ALIASES,
            "the upsert lead request",
        );
    }
    out.0
}

/// The checks behind JS `validateCreateTask`, with `now_ms` (Unix ms) as "now".
///
/// `notify_at` must satisfy now < `notify_at` ≤ `due_date`; when `now_ms` is not finite the
/// "after now" half is skipped.
///
/// ```
/// use superfone_crm::json;
/// use superfone_crm::validate::validate_create_task;
/// let now = 1_779_285_600_000.0; // 2026-05-20T14:00:00Z
/// assert!(validate_create_task(&json!({
///     "type": "FOLLOW_UP_CALL",
///     "due_date": "2026-05-20T15:00:00Z",
///     "notify_at": "2026-05-20T14:50:00Z",
/// }), now).is_empty());
/// let issues = validate_create_task(&json!({ "type": "call", "due_date": "2026-05-20 15:00" }), now);
/// assert_eq!(issues.len(), 2);
/// ```
pub fn validate_create_task(input: &Value, now_ms: f64) -> Vec<ValidationIssue> {
    let mut out = Issues::default();
    let Some(obj) = out.object(
        "input",
        input,
        "an object like { \"type\": \"FOLLOW_UP_CALL\", \"due_date\": \"2026-05-20T15:00:00Z\" }",
    ) else {
        return out.0;
    };
    let types = TASK_TYPES.join(", ");

    match obj.get("type") {
        None => out.push("type", format!("is required: one of {types}")),
        Some(Value::String(t)) if TASK_TYPES.contains(&t.as_str()) => {}
        Some(value) => {
            let hint = value
                .as_str()
                .and_then(|t| {
                    let t = t.trim().replace([' ', '-'], "_");
                    TASK_TYPES.iter().find(|k| k.eq_ignore_ascii_case(&t))
                })
                .map(|k| format!("; did you mean \"{k}\"?"))
                .unwrap_or_default();
            out.push(
                "type",
                format!("must be one of {types} (got {}){hint}", got(value)),
            );
        }
    }

    let due = match obj.get("due_date") {
        None => {
            out.push(
                "due_date",
                "is required: an ISO 8601 date-time with a time zone, like 2026-05-20T15:00:00Z",
            );
            None
        }
        Some(value) => out.date_time("due_date", value),
    };
    let notify = obj
        .get("notify_at")
        .and_then(|value| out.date_time("notify_at", value));
    if let Some((notify_ms, notify_raw)) = notify {
        if now_ms.is_finite() && notify_ms <= now_ms {
            out.push(
                "notify_at",
                format!(
                    "must be in the future: now is {} (got {})",
                    format_iso8601_ms(now_ms),
                    quote(notify_raw)
                ),
            );
        }
        if let Some((due_ms, due_raw)) = due {
            if notify_ms > due_ms {
                out.push(
                    "notify_at",
                    format!(
                        "must not be after due_date {} (got {})",
                        quote(due_raw),
                        quote(notify_raw)
                    ),
                );
            }
        }
    }
    if let Some(value) = obj.get("customer_note") {
        out.string("customer_note", value, "");
    }

    for key in obj.keys() {
        if is_assignee_key(key) {
            out.push(
                field_name(key),
                "is not a field of the create task request: there is no assignee field, the task takes the lead's current assignee",
            );
        }
    }
    out.unknown_keys(
        obj.keys().filter(|k| !is_assignee_key(k)),
        &CREATE_TASK_FIELDS,
        TASK_ALIASES,
        "the create task request",
    );
    out.0
}

/// A lead id: a positive integer no larger than 2^53 − 1 (field `lead_id`).
///
/// Only JSON numbers count (a whole-valued float like `5.0` is the same JavaScript number as
/// `5`); numeric strings are refused, so a caller never sends a phone or a name by mistake.
///
/// ```
/// use superfone_crm::json;
/// use superfone_crm::validate::validate_lead_id;
/// assert_eq!(validate_lead_id(&json!(42)), Ok(42));
/// assert!(validate_lead_id(&json!("42")).is_err());
/// assert!(validate_lead_id(&json!(0)).is_err());
/// ```
pub fn validate_lead_id(value: &Value) -> Result<u64, ValidationIssue> {
    const FIELD: &str = "lead_id";
    let Value::Number(n) = value else {
        let mut message = format!(
            "must be a positive whole number, the id from getLead (got {})",
            got(value)
        );
        if value.is_string() {
            message.push_str("; numeric strings are not accepted, pass a number");
        }
        return Err(ValidationIssue::new(FIELD, message));
    };
    match whole_number(n) {
        None => Err(ValidationIssue::new(
            FIELD,
            format!("must be a whole number (got {n})"),
        )),
        Some(i) if i < 1 => Err(ValidationIssue::new(
            FIELD,
            format!("must be 1 or more (got {n})"),
        )),
        Some(i) if i > MAX_SAFE_INTEGER as i64 => Err(ValidationIssue::new(
            FIELD,
            format!("must be at most {MAX_SAFE_INTEGER} (got {n})"),
        )),
        Some(i) => Ok(i as u64),
    }
}

/// The `phone` of Get Lead: a string in E.164 (field `phone`).
///
/// ```
/// use superfone_crm::json;
/// use superfone_crm::validate::validate_lookup_phone;
/// assert_eq!(validate_lookup_phone(&json!("+918000000001")).unwrap(), "+918000000001");
/// let issue = validate_lookup_phone(&json!("+91 80000 00001")).unwrap_err();
/// assert!(issue.message.ends_with("did you mean +918000000001?"));
/// ```
pub fn validate_lookup_phone(value: &Value) -> Result<String, ValidationIssue> {
    let mut out = Issues::default();
    out.phone("phone", value, false);
    match (out.0.pop(), value) {
        (None, Value::String(s)) => Ok(s.clone()),
        (Some(issue), _) => Err(issue),
        (None, _) => Err(ValidationIssue::new("phone", "must be a string")),
    }
}

/// Which query a list endpoint takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueryKind {
    /// `page`, `page_size` (≤ 20): List Tasks.
    Tasks,
    /// `text`, `page`, `page_size`: the catalog lookups.
    Catalog,
}

/// The API's largest `page_size` for List Tasks.
pub const MAX_TASK_PAGE_SIZE: i64 = 20;

/// A list query (`null`/absent means no query). `allow_limit` admits the `limit` key of the
/// `iterate*` methods (a non-negative integer).
///
/// ```
/// use superfone_crm::json;
/// use superfone_crm::validate::{validate_page_query, QueryKind};
/// assert!(validate_page_query(&json!(null), QueryKind::Tasks, false).is_empty());
/// assert!(validate_page_query(&json!({ "page": 2, "text": "vip" }), QueryKind::Catalog, false).is_empty());
/// let issues = validate_page_query(&json!({ "page_size": 50 }), QueryKind::Tasks, false);
/// assert!(issues[0].message.contains("20"));
/// ```
pub fn validate_page_query(
    query: &Value,
    kind: QueryKind,
    allow_limit: bool,
) -> Vec<ValidationIssue> {
    let mut out = Issues::default();
    if query.is_null() {
        return out.0;
    }
    let Some(obj) = out.object(
        "query",
        query,
        "an object like { \"page\": 1, \"page_size\": 20 }",
    ) else {
        return out.0;
    };
    if let Some(v) = obj.get("page") {
        out.integer("page", v, 1, None);
    }
    if let Some(v) = obj.get("page_size") {
        let max = (kind == QueryKind::Tasks).then_some(MAX_TASK_PAGE_SIZE);
        out.integer("page_size", v, 1, max);
    }
    if let Some(v) = obj.get("text") {
        match kind {
            QueryKind::Catalog => {
                out.string("text", v, "");
            }
            QueryKind::Tasks => out.push(
                "text",
                "is only accepted by the catalog lookups (labels, lead stages, …), not by task lists",
            ),
        }
    }
    if let Some(v) = obj.get("limit") {
        if allow_limit {
            out.integer("limit", v, 0, None);
        } else {
            out.push(
                "limit",
                "is only accepted by the iterate* methods, not by list* methods",
            );
        }
    }
    // `text` and `limit` are known everywhere: where they do not apply, they got a better message.
    const KNOWN: [&str; 4] = ["page", "page_size", "text", "limit"];
    out.unknown_keys(obj.keys(), &KNOWN, QUERY_ALIASES, "the page query");
    out.0
}

/// Whether `s` looks like an email address: `local@domain.tld`, no whitespace, one `@`, a domain
/// of non-empty dot-separated labels with at least one dot.
///
/// ```
/// use superfone_crm::validate::is_email_address;
/// assert!(is_email_address("asha@example.co.in"));
/// assert!(!is_email_address("asha@example"));
/// assert!(!is_email_address("asha @example.com"));
/// ```
pub fn is_email_address(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    s.len() <= 254
        && !local.is_empty()
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
        && !domain.contains('@')
        && domain.contains('.')
        && domain.split('.').all(|label| !label.is_empty())
}

/// Common wrong names for upsert fields (after camelCase → snake_case), and the field meant.
const UPSERT_ALIASES: &[(&str, &str)] = &[
    ("phone", "customer_phone"),
    ("mobile", "customer_phone"),
    ("phone_number", "customer_phone"),
    ("stage", "lead_stage_name"),
    ("group", "lead_group_name"),
    ("labels", "add_labels"),
    ("products", "add_products"),
    ("phones", "add_phones"),
    ("note", "customer_note"),
    ("notes", "customer_note"),
    ("company", "business_name"),
];

const TASK_ALIASES: &[(&str, &str)] = &[
    ("task_type", "type"),
    ("kind", "type"),
    ("due", "due_date"),
    ("due_at", "due_date"),
    ("note", "customer_note"),
    ("notes", "customer_note"),
];

const QUERY_ALIASES: &[(&str, &str)] = &[
    ("per_page", "page_size"),
    ("size", "page_size"),
    ("search", "text"),
    ("q", "text"),
    ("query", "text"),
];

/// The issues found so far, and the checks that add to them.
#[derive(Default)]
struct Issues(Vec<ValidationIssue>);

impl Issues {
    fn push(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.0.push(ValidationIssue::new(field, message));
    }

    /// `value` as an object, or an issue saying it must be `expected`.
    fn object<'v>(&mut self, field: &str, value: &'v Value, expected: &str) -> Option<&'v Map> {
        let obj = value.as_object();
        if obj.is_none() {
            self.push(field, format!("must be {expected} (got {})", got(value)));
        }
        obj
    }

    /// `value` as a string of at most [`MAX_STRING_CHARS`]; `or` extends "must be a string".
    fn string<'v>(&mut self, field: &str, value: &'v Value, or: &str) -> Option<&'v str> {
        let Some(s) = value.as_str() else {
            self.push(field, format!("must be a string{or} (got {})", got(value)));
            return None;
        };
        let chars = if s.len() > MAX_STRING_CHARS {
            s.chars().count()
        } else {
            0
        };
        if chars > MAX_STRING_CHARS {
            self.push(
                field,
                format!("is too long: {chars} characters, at most {MAX_STRING_CHARS}"),
            );
            return None;
        }
        Some(s)
    }

    fn boolean(&mut self, field: &str, value: &Value) {
        if !value.is_boolean() {
            self.push(field, format!("must be true or false (got {})", got(value)));
        }
    }

    /// An E.164 phone string (`null` too when `nullable`), with a "did you mean" when the
    /// input has an international prefix and only its formatting is off.
    fn phone(&mut self, field: &str, value: &Value, nullable: bool) {
        if nullable && value.is_null() {
            return;
        }
        let or_null = if nullable { " or null" } else { "" };
        match value.as_str() {
            Some(s) if is_valid_e164(s) => {}
            Some(s) => self.push(field, e164_message(s)),
            None => self.push(
                field,
                format!(
                    "must be a string in E.164 format, like {PHONE_EXAMPLE}{or_null} (got {})",
                    got(value)
                ),
            ),
        }
    }

    /// A list of at most [`MAX_LIST_ITEMS`] strings of `what`; `item` returns the problem
    /// with one string, if any. Items are reported as `field[index]`.
    fn list(
        &mut self,
        field: &str,
        value: &Value,
        what: &str,
        item: impl Fn(&str) -> Option<String>,
    ) {
        let Some(items) = value.as_array() else {
            self.push(
                field,
                format!("must be a list of {what} (got {})", got(value)),
            );
            return;
        };
        if field == "email" && items.is_empty() {
            self.push(
                field,
                "must contain at least one address; leave the field out to send none",
            );
        }
        if items.len() > MAX_LIST_ITEMS {
            self.push(
                field,
                format!(
                    "has {} items; at most {MAX_LIST_ITEMS} are accepted",
                    items.len()
                ),
            );
            return;
        }
        for (i, v) in items.iter().enumerate() {
            let at = format!("{field}[{i}]");
            if let Some(s) = self.string(&at, v, "") {
                if let Some(problem) = item(s) {
                    self.push(at, problem);
                }
            }
        }
    }

    fn address(&mut self, field: &str, value: &Value) {
        let Some(obj) = self.object(
            field,
            value,
            "an object like { \"text\": \"12 MG Road\", \"latitude\": 12.97, \"longitude\": 77.59 }",
        ) else {
            return;
        };
        let in_table_order = ADDRESS_FIELDS
            .iter()
            .filter_map(|k| obj.get_key_value(k))
            .chain(
                obj.iter()
                    .filter(|(k, _)| !ADDRESS_FIELDS.contains(&k.as_str())),
            );
        for (key, v) in in_table_order {
            let at = format!("{field}.{}", field_name(key));
            match key.as_str() {
                "text" | "additional" | "initials" => {
                    if !v.is_null() {
                        self.string(&at, v, " or null");
                    }
                }
                "latitude" | "longitude" => {
                    // Whole degrees, so that the message needs no float formatting.
                    let limit: u8 = if key == "latitude" { 90 } else { 180 };
                    match v {
                        Value::Null => {}
                        Value::Number(n) => {
                            let x = n.as_f64();
                            if !(-f64::from(limit)..=f64::from(limit)).contains(&x) {
                                self.push(
                                    at,
                                    format!("must be between -{limit} and {limit} (got {n})"),
                                );
                            }
                        }
                        _ => self.push(at, format!("must be a number or null (got {})", got(v))),
                    }
                }
                _ => {
                    let hint = suggest(key, &ADDRESS_FIELDS, &[])
                        .map(|k| format!("; did you mean \"{k}\"?"))
                        .unwrap_or_default();
                    self.push(
                        at,
                        format!(
                            "is not a field of the address object (its fields are {}){hint}",
                            ADDRESS_FIELDS.join(", ")
                        ),
                    );
                }
            }
        }
    }

    /// An ISO 8601 date-time string with a zone, as Unix ms together with the raw text.
    fn date_time<'v>(&mut self, field: &str, value: &'v Value) -> Option<(f64, &'v str)> {
        let Some(s) = value.as_str() else {
            self.push(
                field,
                format!(
                    "must be an ISO 8601 date-time string with a time zone, like 2026-05-20T15:00:00Z (got {})",
                    got(value)
                ),
            );
            return None;
        };
        match parse_iso8601_ms(s) {
            Ok(ms) => Some((ms, s)),
            Err(why) => {
                self.push(field, format!("{why} (got {})", quote(s)));
                None
            }
        }
    }

    /// A whole number from `min` to `max` (or 2^53 − 1).
    fn integer(&mut self, field: &str, value: &Value, min: i64, max: Option<i64>) {
        let limit = max.unwrap_or(MAX_SAFE_INTEGER as i64);
        let n = match value {
            Value::Number(n) => n,
            _ => {
                return self.push(
                    field,
                    format!(
                        "must be a whole number of {min} or more (got {})",
                        got(value)
                    ),
                )
            }
        };
        match whole_number(n) {
            None => self.push(field, format!("must be a whole number (got {n})")),
            Some(i) if i < min => self.push(field, format!("must be {min} or more (got {n})")),
            Some(i) if i > limit => {
                let why = if max.is_some() && field == "page_size" {
                    format!("must be at most {limit}, the API maximum for listing tasks (got {n})")
                } else {
                    format!("must be at most {limit} (got {n})")
                };
                self.push(field, why)
            }
            Some(_) => {}
        }
    }

    /// One issue per key of `obj` not in `known`, with a suggestion when one is close.
    fn unknown_keys<'a>(
        &mut self,
        keys: impl Iterator<Item = &'a String>,
        known: &[&str],
        aliases: &[(&str, &str)],
        what: &str,
    ) {
        for key in keys.filter(|k| !known.contains(&k.as_str())) {
            let hint = suggest(key, known, aliases)
                .map(|k| format!("; did you mean \"{k}\"?"))
                .unwrap_or_default();
            self.push(field_name(key), format!("is not a field of {what}{hint}"));
        }
    }
}

/// The message for a string that is not E.164, with a correction when there is exactly one.
fn e164_message(s: &str) -> String {
    let base = format!(
        "must be in E.164 format, like {PHONE_EXAMPLE} (got {})",
        quote(s)
    );
    match to_e164(s, None) {
        Ok(fixed) => format!("{base}; did you mean {fixed}?"),
        Err(why) => format!("{base}: {why}"),
    }
}

fn non_empty(s: &str) -> Option<String> {
    s.trim().is_empty().then(|| "must not be empty".to_string())
}

/// A key of the input as a field name in an issue: as given, unless it is empty (`""`) or
/// absurdly long (cut short).
fn field_name(key: &str) -> String {
    if key.is_empty() {
        "\"\"".to_string()
    } else if key.chars().count() <= 64 {
        key.to_string()
    } else {
        let head: String = key.chars().take(64).collect();
        format!("{head}…")
    }
}

fn is_assignee_key(key: &str) -> bool {
    snake_case(key).starts_with("assignee")
}

/// What `value` is, for "(got …)": strings quoted, numbers and literals as written, containers
/// by kind.
fn got(value: &Value) -> String {
    match value {
        Value::Null => "null".to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => quote(s),
        Value::Array(_) => "an array".to_string(),
        Value::Object(_) => "an object".to_string(),
    }
}

/// `n` as an integer if it has no fractional part (saturating outside the i64 range, far past
/// any limit checked).
fn whole_number(n: &Number) -> Option<i64> {
    if let Some(i) = n.as_i64() {
        return Some(i);
    }
    if n.as_u64().is_some() {
        return Some(i64::MAX);
    }
    let f = n.as_f64();
    (f.fract() == 0.0).then_some(f as i64)
}

/// `key` in snake_case: `leadStageName` and `Lead-Stage-Name` become `lead_stage_name`.
fn snake_case(key: &str) -> String {
    let mut out = String::with_capacity(key.len() + 4);
    for c in key.trim().chars() {
        // Field names are ASCII: ASCII case rules suffice (and keep Unicode case tables out of the wasm).
        if c.is_ascii_uppercase() {
            if !out.is_empty() && !out.ends_with('_') {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else if c == '-' || c == ' ' {
            out.push('_');
        } else {
            out.push(c);
        }
    }
    out
}

/// The known field `key` was most likely meant to be, if exactly one stands out: the same name
/// in another case style, a known alias, the key plus trailing words (`lead_stage` →
/// `lead_stage_name`), or a small typo.
fn suggest<'k>(key: &str, known: &[&'k str], aliases: &[(&str, &'k str)]) -> Option<&'k str> {
    if key.len() > 64 {
        return None;
    }
    let norm = snake_case(key);
    if let Some(k) = known.iter().find(|k| **k == norm) {
        return Some(k);
    }
    if let Some((_, k)) = aliases.iter().find(|(alias, _)| *alias == norm) {
        return Some(k);
    }
    if norm.len() >= 3 {
        let longer = known.iter().copied().filter(|k| {
            k.strip_prefix(norm.as_str())
                .is_some_and(|rest| rest.starts_with('_'))
        });
        if let Some(k) = unique(longer) {
            return Some(k);
        }
    }
    let allowed = match norm.chars().count() {
        0..=2 => return None,
        3..=4 => 1,
        5..=9 => 2,
        _ => 3,
    };
    let distance = |k: &str| edit_distance(&norm, k);
    let best = known.iter().map(|k| distance(k)).min()?;
    if best > allowed {
        return None;
    }
    unique(known.iter().copied().filter(|k| distance(k) == best))
}

/// The only item of `items`, if there is exactly one.
fn unique<'k>(mut items: impl Iterator<Item = &'k str>) -> Option<&'k str> {
    match (items.next(), items.next()) {
        (Some(k), None) => Some(k),
        _ => None,
    }
}

/// Levenshtein distance, by characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json;

    const NOW: f64 = 1_779_285_600_000.0; // 2026-05-20T14:00:00Z

    fn upsert(input: Value) -> Vec<ValidationIssue> {
        validate_upsert_lead(&input)
    }

    fn task(input: Value) -> Vec<ValidationIssue> {
        validate_create_task(&input, NOW)
    }

    fn fields(issues: &[ValidationIssue]) -> Vec<&str> {
        issues.iter().map(|i| i.field.as_str()).collect()
    }

    /// The one issue, asserting there is exactly one and it concerns `field`.
    fn only(issues: Vec<ValidationIssue>, field: &str) -> String {
        assert_eq!(fields(&issues), [field], "{issues:#?}");
        issues
            .into_iter()
            .next()
            .map(|i| i.message)
            .unwrap_or_default()
    }

    fn lead(extra: Value) -> Value {
        let mut base = json!({ "customer_phone": "+918000000001" });
        if let (Some(base), Some(extra)) = (base.as_object_mut(), extra.as_object()) {
            base.extend(extra.clone());
        }
        base
    }

    // ── upsert lead ──

    #[test]
    fn a_full_upsert_is_valid() {
        let issues = upsert(json!({
            "customer_phone": "+918000000001",
            "create_customer_if_customer_phone_not_found": true,
            "first_name": "Asha", "last_name": "Rao",
            "email": ["asha@example.com", "a.rao@work.co.in"],
            "website": "https://example.com",
            "address": { "text": "12 MG Road", "additional": null, "initials": "MG",
                         "latitude": 12.97, "longitude": 77.59 },
            "city": "Bengaluru", "business_name": "Rao Traders", "additional_info": "",
            "deal_value": 25000.5, "source": "website-form", "source_type": "OTHERS",
            "assignee_user_phone": "+919000000002",
            "lead_stage_name": "New", "lead_group_name": null,
            "add_labels": ["VIP"], "add_products": ["Gold plan"],
            "add_phones": ["+14155552671"], "customer_note": "Called twice",
        }));
        assert_eq!(issues, []);
    }

    #[test]
    fn upsert_input_must_be_an_object() {
        for input in [json!(null), json!([]), json!("+918000000001"), json!(1)] {
            let message = only(upsert(input), "input");
            assert!(message.starts_with("must be an object"), "{message}");
        }
    }

    #[test]
    fn customer_phone_is_required() {
        let message = only(upsert(json!({})), "customer_phone");
        assert!(message.starts_with("is required"), "{message}");
    }

    #[test]
    fn customer_phone_must_be_e164() {
        let message = only(
            upsert(json!({ "customer_phone": "8000000001" })),
            "customer_phone",
        );
        assert!(
            message.starts_with("must be in E.164 format, like +918000000001 (got \"8000000001\")"),
            "{message}"
        );
        assert!(!message.contains("did you mean"), "{message}");
    }

    #[test]
    fn customer_phone_with_an_international_prefix_gets_a_correction() {
        let message = only(
            upsert(json!({ "customer_phone": "+91 80000-00001" })),
            "customer_phone",
        );
        assert!(
            message.ends_with("did you mean +918000000001?"),
            "{message}"
        );
        let message = only(
            upsert(json!({ "customer_phone": "0091 8000000001" })),
            "customer_phone",
        );
        assert!(
            message.ends_with("did you mean +918000000001?"),
            "{message}"
        );
    }

    #[test]
    fn customer_phone_must_be_a_string() {
        let message = only(
            upsert(json!({ "customer_phone": 918000000001_u64 })),
            "customer_phone",
        );
        assert!(message.contains("must be a string"), "{message}");
        assert!(message.contains("(got 918000000001)"), "{message}");
        only(upsert(json!({ "customer_phone": null })), "customer_phone");
    }

    #[test]
    fn create_customer_flag_must_be_a_boolean() {
        let message = only(
            upsert(lead(
                json!({ "create_customer_if_customer_phone_not_found": "true" }),
            )),
            "create_customer_if_customer_phone_not_found",
        );
        assert!(message.contains("true or false"), "{message}");
    }

    #[test]
    fn text_fields_must_be_strings_and_not_null() {
        let issues = upsert(lead(
            json!({ "first_name": 1, "city": null, "website": ["x"] }),
        ));
        assert_eq!(fields(&issues), ["first_name", "website", "city"]);
        assert!(issues[1].message.contains("got an array"), "{issues:?}");
    }

    #[test]
    fn strings_longer_than_ten_thousand_characters_are_refused() {
        let note = "é".repeat(MAX_STRING_CHARS + 1);
        let message = only(
            upsert(lead(json!({ "customer_note": note }))),
            "customer_note",
        );
        assert!(message.contains("too long"), "{message}");
        assert_eq!(
            upsert(lead(
                json!({ "customer_note": "é".repeat(MAX_STRING_CHARS) })
            )),
            []
        );
    }

    #[test]
    fn email_must_be_a_list_not_a_single_string() {
        let message = only(upsert(lead(json!({ "email": "a@b.com" }))), "email");
        assert!(
            message.starts_with("must be a list of email addresses, e.g. [\"a@b.com\"]"),
            "{message}"
        );
    }

    #[test]
    fn each_email_must_look_like_an_address() {
        let issues = upsert(lead(json!({
            "email": ["ok@example.com", "no-at.example.com", 5, "a b@c.com", "x@localhost"]
        })));
        assert_eq!(
            fields(&issues),
            ["email[1]", "email[2]", "email[3]", "email[4]"]
        );
    }

    #[test]
    fn email_list_must_not_be_empty() {
        only(upsert(lead(json!({ "email": [] }))), "email");
    }

    #[test]
    fn deal_value_must_be_a_number() {
        let message = only(upsert(lead(json!({ "deal_value": "5000" }))), "deal_value");
        assert!(message.contains("(got \"5000\")"), "{message}");
        only(upsert(lead(json!({ "deal_value": null }))), "deal_value");
        assert_eq!(upsert(lead(json!({ "deal_value": -3 }))), []);
    }

    #[test]
    fn address_must_be_an_object() {
        only(upsert(lead(json!({ "address": "12 MG Road" }))), "address");
        only(upsert(lead(json!({ "address": null }))), "address");
    }

    #[test]
    fn address_fields_have_types_and_coordinates_have_ranges() {
        let issues = upsert(lead(json!({ "address": {
            "text": 1, "initials": null, "latitude": 91, "longitude": -180.5, "zip": "560001"
        }})));
        assert_eq!(
            fields(&issues),
            [
                "address.text",
                "address.latitude",
                "address.longitude",
                "address.zip"
            ]
        );
        assert!(
            issues[1].message.contains("between -90 and 90"),
            "{issues:?}"
        );
        assert!(
            issues[3].message.contains("not a field of the address"),
            "{issues:?}"
        );
        assert_eq!(
            upsert(lead(
                json!({ "address": { "latitude": -90, "longitude": 180 } })
            )),
            []
        );
        only(
            upsert(lead(json!({ "address": { "latitude": "12.9" } }))),
            "address.latitude",
        );
    }

    #[test]
    fn assignee_user_phone_may_be_null_to_unassign() {
        assert_eq!(upsert(lead(json!({ "assignee_user_phone": null }))), []);
    }

    #[test]
    fn assignee_user_phone_must_be_e164() {
        let message = only(
            upsert(lead(json!({ "assignee_user_phone": "98765 43210" }))),
            "assignee_user_phone",
        );
        assert!(message.contains("E.164"), "{message}");
        only(
            upsert(lead(json!({ "assignee_user_phone": 9876543210_u64 }))),
            "assignee_user_phone",
        );
    }

    #[test]
    fn lead_stage_and_group_names_may_be_null_to_clear() {
        assert_eq!(
            upsert(lead(
                json!({ "lead_stage_name": null, "lead_group_name": null })
            )),
            []
        );
    }

    #[test]
    fn lead_stage_and_group_names_must_not_be_empty() {
        let issues = upsert(lead(
            json!({ "lead_stage_name": "", "lead_group_name": "  " }),
        ));
        assert_eq!(fields(&issues), ["lead_stage_name", "lead_group_name"]);
        assert!(issues[0].message.contains("null to clear"), "{issues:?}");
        only(
            upsert(lead(json!({ "lead_stage_name": 3 }))),
            "lead_stage_name",
        );
    }

    #[test]
    fn label_and_product_lists_hold_non_empty_strings() {
        let issues = upsert(lead(json!({
            "add_labels": ["VIP", ""], "add_products": "Gold plan",
        })));
        assert_eq!(fields(&issues), ["add_labels[1]", "add_products"]);
        assert_eq!(upsert(lead(json!({ "remove_labels": [] }))), []);
    }

    #[test]
    fn add_labels_cannot_be_combined_with_remove_labels() {
        let message = only(
            upsert(lead(
                json!({ "add_labels": ["VIP"], "remove_labels": ["Cold"] }),
            )),
            "remove_labels",
        );
        assert!(
            message.contains("cannot be combined with add_labels"),
            "{message}"
        );
        assert!(message.contains("two requests"), "{message}");
    }

    #[test]
    fn add_phones_items_must_be_e164() {
        let issues = upsert(lead(
            json!({ "add_phones": ["+14155552671", "415 555 2671", null] }),
        ));
        assert_eq!(fields(&issues), ["add_phones[1]", "add_phones[2]"]);
    }

    #[test]
    fn lists_longer_than_a_thousand_items_are_refused_once() {
        let phones = vec![json!("bad"); MAX_LIST_ITEMS + 1];
        only(upsert(lead(json!({ "add_phones": phones }))), "add_phones");
    }

    #[test]
    fn unknown_upsert_fields_are_refused() {
        let message = only(
            upsert(lead(json!({ "favourite_colour": "blue" }))),
            "favourite_colour",
        );
        assert_eq!(message, "is not a field of the upsert lead request");
    }

    #[test]
    fn unknown_upsert_fields_suggest_the_nearest_field() {
        for (wrong, right) in [
            ("lead_stage", "lead_stage_name"),
            ("leadStageName", "lead_stage_name"),
            ("customerPhone", "customer_phone"),
            ("emails", "email"),
            ("frist_name", "first_name"),
            ("phone", "customer_phone"),
            ("assignee", "assignee_user_phone"),
        ] {
            let message = only(upsert(lead(json!({ wrong: "x" }))), wrong);
            assert!(
                message.ends_with(&format!("did you mean \"{right}\"?")),
                "{wrong}: {message}"
            );
        }
        // "customer" could be customer_phone or customer_note: no guess.
        let message = only(upsert(lead(json!({ "customer": "x" }))), "customer");
        assert!(!message.contains("did you mean"), "{message}");
    }

    #[test]
    fn an_empty_key_is_named_as_empty_quotes() {
        only(upsert(lead(json!({ "": 1 }))), "\"\"");
    }

    #[test]
    fn every_issue_is_reported_at_once() {
        let issues = upsert(json!({
            "customer_phone": "8000000001", "email": "a@b.com", "deal_value": "1", "stage": "New"
        }));
        assert_eq!(
            fields(&issues),
            ["customer_phone", "email", "deal_value", "stage"]
        );
    }

    #[test]
    fn issues_come_in_the_documented_order_whatever_the_input_order() {
        let issues = upsert(json!({
            "stage": "New", "remove_labels": ["Cold"], "deal_value": "1", "email": "a@b.com",
            "add_labels": ["VIP"], "customer_phone": "8000000001"
        }));
        assert_eq!(
            fields(&issues),
            [
                "customer_phone",
                "email",
                "deal_value",
                "remove_labels",
                "stage"
            ]
        );
    }

    #[test]
    fn every_documented_upsert_field_is_known() {
        for name in UPSERT_LEAD_FIELDS {
            let issues = upsert(lead(json!({ name: null })));
            assert!(
                issues.iter().all(|i| !i.message.contains("is not a field")),
                "{name}: {issues:?}"
            );
        }
    }

    // ── create task ──

    #[test]
    fn a_task_with_type_and_due_date_is_valid() {
        assert_eq!(
            task(json!({ "type": "REMINDER", "due_date": "2026-05-21T09:00:00+05:30" })),
            []
        );
        assert_eq!(
            task(
                json!({ "type": "SITE_VISIT", "due_date": "2026-05-21T09:00:00Z",
                         "notify_at": "2026-05-21T09:00:00Z", "customer_note": "Bring brochure" })
            ),
            []
        );
    }

    #[test]
    fn task_input_must_be_an_object() {
        only(task(json!([1])), "input");
    }

    #[test]
    fn task_type_and_due_date_are_required() {
        let issues = task(json!({}));
        assert_eq!(fields(&issues), ["type", "due_date"]);
        assert!(issues[0].message.contains(
            "FOLLOW_UP_CALL, FIRST_CALL, CALLBACK_REQUEST, SITE_VISIT, REMINDER, BOOKING"
        ));
    }

    #[test]
    fn task_type_must_be_one_of_the_six_in_exact_case() {
        let message = only(
            task(json!({ "type": "follow up call", "due_date": "2026-05-21T09:00:00Z" })),
            "type",
        );
        assert!(message.contains("(got \"follow up call\")"), "{message}");
        assert!(
            message.ends_with("did you mean \"FOLLOW_UP_CALL\"?"),
            "{message}"
        );
        let message = only(
            task(json!({ "type": "CALL", "due_date": "2026-05-21T09:00:00Z" })),
            "type",
        );
        assert!(!message.contains("did you mean"), "{message}");
        only(
            task(json!({ "type": 1, "due_date": "2026-05-21T09:00:00Z" })),
            "type",
        );
    }

    #[test]
    fn due_date_must_include_a_time_zone() {
        let message = only(
            task(json!({ "type": "BOOKING", "due_date": "2026-05-21T09:00:00" })),
            "due_date",
        );
        assert_eq!(
            message,
            "must include a time zone, e.g. Z or +05:30 (got \"2026-05-21T09:00:00\")"
        );
    }

    #[test]
    fn due_date_must_be_a_real_date() {
        let message = only(
            task(json!({ "type": "BOOKING", "due_date": "2026-02-30T09:00:00Z" })),
            "due_date",
        );
        assert!(message.contains("February 2026 has 28 days"), "{message}");
        only(
            task(json!({ "type": "BOOKING", "due_date": 1_779_289_200_000_u64 })),
            "due_date",
        );
    }

    #[test]
    fn notify_at_must_be_in_the_future() {
        let message = only(
            task(
                json!({ "type": "CALLBACK_REQUEST", "due_date": "2026-05-21T09:00:00Z",
                        "notify_at": "2026-05-20T14:00:00Z" }),
            ),
            "notify_at",
        );
        assert!(
            message.starts_with("must be in the future: now is 2026-05-20T14:00:00.000Z"),
            "{message}"
        );
    }

    #[test]
    fn notify_at_must_not_be_after_due_date() {
        let message = only(
            task(
                json!({ "type": "FIRST_CALL", "due_date": "2026-05-21T09:00:00Z",
                        "notify_at": "2026-05-21T09:00:01Z" }),
            ),
            "notify_at",
        );
        assert!(
            message.starts_with("must not be after due_date \"2026-05-21T09:00:00Z\""),
            "{message}"
        );
    }

    #[test]
    fn notify_at_must_be_an_iso_date_time() {
        only(
            task(
                json!({ "type": "FIRST_CALL", "due_date": "2026-05-21T09:00:00Z", "notify_at": null }),
            ),
            "notify_at",
        );
    }

    #[test]
    fn a_task_has_no_assignee_field() {
        let message = only(
            task(
                json!({ "type": "REMINDER", "due_date": "2026-05-21T09:00:00Z", "assigneeUserPhone": "+919000000002" }),
            ),
            "assigneeUserPhone",
        );
        assert!(message.contains("there is no assignee field"), "{message}");
        assert!(message.contains("lead's current assignee"), "{message}");
    }

    #[test]
    fn unknown_task_fields_are_refused_with_a_suggestion() {
        let message = only(
            task(json!({ "type": "REMINDER", "due_date": "2026-05-21T09:00:00Z", "dueDate": "x" })),
            "dueDate",
        );
        assert_eq!(
            message,
            "is not a field of the create task request; did you mean \"due_date\"?"
        );
    }

    // ── lead id, lookup phone ──

    #[test]
    fn lead_id_is_a_positive_whole_number() {
        assert_eq!(validate_lead_id(&json!(1)), Ok(1));
        assert_eq!(validate_lead_id(&json!(7.0)), Ok(7));
        assert_eq!(
            validate_lead_id(&json!(MAX_SAFE_INTEGER)),
            Ok(MAX_SAFE_INTEGER)
        );
    }

    #[test]
    fn lead_id_refuses_numeric_strings() {
        let issue = validate_lead_id(&json!("42")).unwrap_err();
        assert_eq!(issue.field, "lead_id");
        assert!(
            issue.message.contains("numeric strings are not accepted"),
            "{}",
            issue.message
        );
    }

    #[test]
    fn lead_id_refuses_fractions_zero_negatives_and_huge_numbers() {
        for v in [
            json!(1.5),
            json!(0),
            json!(-3),
            json!(MAX_SAFE_INTEGER + 1),
            json!(1e300),
            json!(null),
            json!([1]),
        ] {
            let issue = validate_lead_id(&v).unwrap_err();
            assert_eq!(issue.field, "lead_id", "{v}");
        }
    }

    #[test]
    fn lookup_phone_must_be_an_e164_string() {
        assert_eq!(
            validate_lookup_phone(&json!("+14155552671")),
            Ok("+14155552671".to_string())
        );
        for v in [
            json!("4155552671"),
            json!(null),
            json!(14155552671_u64),
            json!(" +14155552671"),
        ] {
            assert_eq!(validate_lookup_phone(&v).unwrap_err().field, "phone", "{v}");
        }
    }

    // ── page queries ──

    #[test]
    fn no_query_is_a_valid_query() {
        assert_eq!(
            validate_page_query(&json!(null), QueryKind::Catalog, true),
            []
        );
        assert_eq!(validate_page_query(&json!({}), QueryKind::Tasks, false), []);
    }

    #[test]
    fn page_query_must_be_an_object() {
        let issues = validate_page_query(&json!(3), QueryKind::Tasks, false);
        assert_eq!(fields(&issues), ["query"]);
    }

    #[test]
    fn page_and_page_size_are_whole_numbers_from_one() {
        let issues = validate_page_query(
            &json!({ "page": 0, "page_size": 2.5 }),
            QueryKind::Catalog,
            false,
        );
        assert_eq!(fields(&issues), ["page", "page_size"]);
        let issues = validate_page_query(&json!({ "page": "2" }), QueryKind::Catalog, false);
        assert_eq!(fields(&issues), ["page"]);
    }

    #[test]
    fn task_page_size_is_at_most_twenty() {
        assert_eq!(
            validate_page_query(&json!({ "page_size": 20 }), QueryKind::Tasks, false),
            []
        );
        let issues = validate_page_query(&json!({ "page_size": 21 }), QueryKind::Tasks, false);
        assert_eq!(fields(&issues), ["page_size"]);
        assert!(issues[0].message.contains("API maximum"), "{issues:?}");
        assert_eq!(
            validate_page_query(&json!({ "page_size": 200 }), QueryKind::Catalog, false),
            []
        );
    }

    #[test]
    fn text_is_only_for_catalog_lookups() {
        assert_eq!(
            validate_page_query(&json!({ "text": "vip" }), QueryKind::Catalog, false),
            []
        );
        let issues = validate_page_query(&json!({ "text": "vip" }), QueryKind::Tasks, false);
        assert_eq!(fields(&issues), ["text"]);
        let issues = validate_page_query(&json!({ "text": 3 }), QueryKind::Catalog, false);
        assert_eq!(fields(&issues), ["text"]);
    }

    #[test]
    fn limit_is_only_for_the_iterate_methods() {
        assert_eq!(
            validate_page_query(&json!({ "limit": 0 }), QueryKind::Tasks, true),
            []
        );
        let issues = validate_page_query(&json!({ "limit": 5 }), QueryKind::Catalog, false);
        assert!(issues[0]
            .message
            .contains("only accepted by the iterate* methods"));
        let issues = validate_page_query(&json!({ "limit": -1 }), QueryKind::Catalog, true);
        assert_eq!(fields(&issues), ["limit"]);
    }

    #[test]
    fn unknown_query_keys_are_refused() {
        let issues = validate_page_query(
            &json!({ "pageSize": 5, "offset": 10 }),
            QueryKind::Catalog,
            true,
        );
        assert_eq!(fields(&issues), ["offset", "pageSize"]);
        assert!(
            issues[1].message.ends_with("did you mean \"page_size\"?"),
            "{issues:?}"
        );
    }

    // ── helpers ──

    #[test]
    fn quote_escapes_and_cuts_long_input() {
        assert_eq!(quote("a\"b\n"), "\"a\\\"b\\n\"");
        assert_eq!(quote(&"ü".repeat(41)), format!("\"{}…\"", "ü".repeat(40)));
        assert_eq!(quote(&"ü".repeat(40)), format!("\"{}\"", "ü".repeat(40)));
    }

    #[test]
    fn ensure_valid_lists_every_issue() {
        let err = ensure_valid(upsert(json!({ "email": "x" }))).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("customer_phone"));
        assert!(err.message.contains("email"), "{}", err.message);
    }
}
