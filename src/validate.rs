//! Input checks, run before any request is built. Each returns every issue it finds, each with the
//! field it concerns, so a form can show them all at once.

use crate::error::ValidationIssue;
use serde_json::Value;

/// The checks behind JS `validateUpsertLead`: `[]` when `input` may be sent.
pub fn validate_upsert_lead(input: &Value) -> Vec<ValidationIssue> {
    let _ = input;
    todo!("helper B")
}

/// The checks behind JS `validateCreateTask`, with `now_ms` (Unix ms) as "now".
pub fn validate_create_task(input: &Value, now_ms: f64) -> Vec<ValidationIssue> {
    let _ = (input, now_ms);
    todo!("helper B")
}

/// A lead id: a positive integer no larger than 2^53 − 1 (field `lead_id`).
pub fn validate_lead_id(value: &Value) -> Result<u64, ValidationIssue> {
    let _ = value;
    todo!("helper B")
}

/// The `phone` of Get Lead: a string in E.164 (field `phone`).
pub fn validate_lookup_phone(value: &Value) -> Result<String, ValidationIssue> {
    let _ = value;
    todo!("helper B")
}

/// Which query a list endpoint takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueryKind {
    /// `page`, `page_size` (≤ 20): List Tasks.
    Tasks,
    /// `text`, `page`, `page_size`: the catalog lookups.
    Catalog,
}

/// A list query (`null`/absent means no query). `allow_limit` admits the `limit` key of the
/// `iterate*` methods (a non-negative integer).
pub fn validate_page_query(query: &Value, kind: QueryKind, allow_limit: bool) -> Vec<ValidationIssue> {
    let _ = (query, kind, allow_limit);
    todo!("helper B")
}
