//! Shared by the targets: JSON values built from fuzz bytes, biased towards the API's own field
//! names and values so the fuzzer reaches the deep checks (not only "must be an object").

#![allow(dead_code)]

use arbitrary::{Result, Unstructured};
use serde_json::{Map, Number, Value};

/// Names beyond the validators' own field lists: query keys, response keys, and near misses the
/// validators have suggestions for.
const EXTRA_KEYS: &[&str] = &[
    "page",
    "page_size",
    "limit",
    "data",
    "message",
    "rows",
    "total_pages",
    "current_page",
    "total_items",
    "id",
    "org_id",
    "created_at",
    "phones",
    "labels",
    "title",
    "phone",
    "customerPhone",
    "leadStage",
    "assignee",
    "assigneeUserId",
    "per_page",
    "q",
    "",
    "__proto__",
];

/// Every field name the validators know (from the crate's own lists), plus [`EXTRA_KEYS`].
pub fn keys() -> &'static [&'static str] {
    use superfone_crm::validate::{ADDRESS_FIELDS, CREATE_TASK_FIELDS, UPSERT_LEAD_FIELDS};
    static KEYS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| {
        let known = UPSERT_LEAD_FIELDS
            .iter()
            .chain(&ADDRESS_FIELDS)
            .chain(&CREATE_TASK_FIELDS);
        known.chain(EXTRA_KEYS).copied().collect()
    })
}

/// Values the validators treat specially.
pub const STRINGS: &[&str] = &[
    "+918000000001",
    "+14155552671",
    "+91 80000 00001",
    "8000000001",
    "0091 8000000001",
    "+٩١٨٠٠٠٠٠٠٠٠١",
    "＋９１８０００００００１",
    "asha@example.com",
    "a@b",
    "FOLLOW_UP_CALL",
    "REMINDER",
    "follow-up call",
    "2026-05-20T15:00:00Z",
    "2026-05-20T14:50:00+05:30",
    "2026-05-20T15:00:00.123456789Z",
    "2026-02-30T00:00:00Z",
    "9999-12-31T23:59:59Z",
    "-271821-04-20T00:00:00Z",
    "2026-05-20 15:00",
    "New",
    "VIP",
    " ",
    "",
    "\u{0}",
    "\u{feff}",
];

/// A JSON value of at most `depth` levels.
pub fn value(u: &mut Unstructured, depth: u32) -> Result<Value> {
    let choice = if depth == 0 {
        u.int_in_range(0..=5)?
    } else {
        u.int_in_range(0..=7)?
    };
    Ok(match choice {
        0 => Value::Null,
        1 => Value::Bool(u.arbitrary()?),
        2 => number(u)?,
        3 => Value::String(string(u)?),
        4 | 5 => Value::String(u.choose(STRINGS)?.to_string()),
        6 => {
            let n = u.int_in_range(0..=6)?;
            Value::Array((0..n).map(|_| value(u, depth - 1)).collect::<Result<_>>()?)
        }
        _ => object(u, depth - 1)?,
    })
}

/// A JSON object whose keys are mostly the API's field names.
pub fn object(u: &mut Unstructured, depth: u32) -> Result<Value> {
    let n = u.int_in_range(0..=8)?;
    let mut map = Map::new();
    for _ in 0..n {
        let key = if u.ratio(3, 4)? {
            u.choose(keys())?.to_string()
        } else {
            string(u)?
        };
        map.insert(key, value(u, depth)?);
    }
    Ok(Value::Object(map))
}

pub fn string(u: &mut Unstructured) -> Result<String> {
    u.arbitrary()
}

/// Integers, edge floats (2^53 ± 1, ±0, huge, tiny) and arbitrary finite floats.
pub fn number(u: &mut Unstructured) -> Result<Value> {
    Ok(match u.int_in_range(0..=4)? {
        0 => Value::from(u.arbitrary::<i64>()?),
        1 => Value::from(u.arbitrary::<u64>()?),
        2 => Value::from(*u.choose(&[
            0i64,
            1,
            -1,
            20,
            21,
            9_007_199_254_740_991,
            9_007_199_254_740_992,
            i64::MIN,
        ])?),
        3 => Number::from_f64(*u.choose(&[
            -0.0,
            0.5,
            1.0,
            5.0,
            20.0,
            90.0,
            90.000001,
            -180.0,
            1e300,
            9_007_199_254_740_992.0,
            f64::MIN_POSITIVE,
            f64::MAX,
        ])?)
        .map_or(Value::Null, Value::Number),
        _ => Number::from_f64(u.arbitrary()?).map_or(Value::Null, Value::Number),
    })
}
