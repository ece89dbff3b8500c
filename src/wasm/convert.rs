//! JS values ⇄ the core's plain data. Input from JS can be anything at all, so the walk from a
//! `JsValue` to a [`crate::json::Value`] records what JSON cannot carry (non-finite numbers, lone
//! surrogates, functions, cycles…) as validation issues with the field's path, and never throws.

use crate::error::{Error, ValidationIssue};
use crate::json::{write_string, Map, Value};
use js_sys::{Array, Date, JsString, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Deeper than any input of this API; a cyclic object ends here instead of recursing forever.
const MAX_DEPTH: usize = 32;

/// More items than any list of this API takes (a Proxy can claim any `length`).
const MAX_ITEMS: u32 = 100_000;

// The reflective operations a hostile value (a Proxy with throwing traps, a revoked Proxy, a
// Date-like object) can make throw: each is caught and becomes an issue for its field.
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Object, js_name = keys, catch)]
    fn object_keys(value: &JsValue) -> Result<Array, JsValue>;
    #[wasm_bindgen(js_namespace = Array, js_name = isArray, catch)]
    fn is_array(value: &JsValue) -> Result<bool, JsValue>;
    #[wasm_bindgen(js_namespace = ["Date", "prototype", "getTime"], js_name = call, catch)]
    fn date_get_time(date: &JsValue) -> Result<f64, JsValue>;
}

/// A JS value as JSON, plus the issues met on the way. `undefined` properties are left out, as
/// `JSON.stringify` does; a `Date` becomes its ISO 8601 string (for `due_date` and `notify_at`).
pub struct Converted {
    pub value: Value,
    pub issues: Vec<ValidationIssue>,
}

/// Converts `value`, naming fields from `path` (`""` for the top-level input object).
/// Top-level keys in `skip` are left out (JS-only options such as `fetch` and `signal`).
pub fn to_json(value: &JsValue, path: &str, skip: &[&str]) -> Converted {
    let mut issues = Vec::new();
    let value = walk(value, &Path::Root(path), skip, 0, &mut issues);
    Converted { value, issues }
}

/// Where a value sits in the input, written out (`address.latitude`, `add_phones[1]`) only when
/// an issue names it: most values have none, and a string per property was a measurable part of
/// converting an input.
enum Path<'a> {
    Root(&'a str),
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, u32),
}

impl Path<'_> {
    fn render(&self) -> String {
        match self {
            Path::Root(root) => (*root).to_owned(),
            Path::Key(parent, key) => match parent.render() {
                parent if parent.is_empty() => (*key).to_owned(),
                parent => format!("{parent}.{key}"),
            },
            Path::Index(parent, i) => format!("{}[{i}]", parent.render()),
        }
    }
}

fn walk(
    v: &JsValue,
    path: &Path<'_>,
    skip: &[&str],
    depth: usize,
    issues: &mut Vec<ValidationIssue>,
) -> Value {
    let mut refuse = |message: &str| {
        issues.push(ValidationIssue::new(field_name(&path.render()), message));
        Value::Null
    };
    if v.is_null() || v.is_undefined() {
        return Value::Null;
    }
    if let Some(b) = v.as_bool() {
        return Value::Bool(b);
    }
    if let Some(n) = v.as_f64() {
        return if n.is_finite() {
            integral(n)
        } else {
            refuse("must be a finite number (got NaN or Infinity)")
        };
    }
    if let Some(text) = v.as_string() {
        // The conversion turns a lone surrogate into U+FFFD; only then is the string walked unit
        // by unit (a crossing per unit) to tell a broken string from a real U+FFFD.
        if text.contains('\u{FFFD}') && !v.unchecked_ref::<JsString>().is_valid_utf16() {
            return refuse("contains a lone surrogate (a broken UTF-16 character)");
        }
        return Value::String(text);
    }
    if v.is_bigint() {
        return refuse("must be a number, not a BigInt");
    }
    if v.is_symbol() || v.is_function() || !v.is_object() {
        return refuse("must be a JSON value (string, number, boolean, null, array or object)");
    }
    if depth >= MAX_DEPTH {
        return refuse("is nested too deeply (or refers to itself)");
    }
    if v.is_instance_of::<Date>() {
        return match date_get_time(v) {
            Ok(ms) if ms.is_finite() => Value::String(crate::time::format_iso8601_ms(ms)),
            _ => refuse("is an invalid Date"),
        };
    }
    let Ok(array) = is_array(v) else {
        return refuse("could not be read (a revoked Proxy?)");
    };
    if array {
        let length = Reflect::get(v, &JsValue::from_str("length"))
            .ok()
            .and_then(|l| l.as_f64())
            .unwrap_or(0.0);
        if length > f64::from(MAX_ITEMS) {
            return refuse(&format!("has more than {MAX_ITEMS} items"));
        }
        let mut items = Vec::with_capacity(length as usize);
        for i in 0..length as u32 {
            let item_path = Path::Index(path, i);
            match Reflect::get_u32(v, i) {
                Ok(item) => items.push(walk(&item, &item_path, &[], depth + 1, issues)),
                Err(_) => {
                    issues.push(ValidationIssue::new(
                        item_path.render(),
                        "could not be read (its getter threw)",
                    ));
                    items.push(Value::Null);
                }
            }
        }
        return Value::Array(items);
    }
    let Ok(keys) = object_keys(v) else {
        return refuse("could not be read (listing its keys threw)");
    };
    let mut map = Map::new();
    for key in keys.iter() {
        let Some(name) = key.as_string() else {
            continue;
        };
        if depth == 0 && skip.contains(&name.as_str()) {
            continue;
        }
        let child_path = Path::Key(path, &name);
        match Reflect::get(v, &key) {
            Ok(child) if child.is_undefined() => {}
            Ok(child) => {
                let child = walk(&child, &child_path, &[], depth + 1, issues);
                map.push_new(name, child);
            }
            Err(_) => issues.push(ValidationIssue::new(
                child_path.render(),
                "could not be read (its getter threw)",
            )),
        }
    }
    Value::Object(map)
}

/// JS numbers are all doubles; whole ones are held as integers (as the validators read ids and
/// page numbers).
fn integral(f: f64) -> Value {
    if f.fract() == 0.0 && f.abs() < 9_007_199_254_740_992.0 {
        Value::from(f as i64)
    } else {
        Value::from(f)
    }
}

fn field_name(path: &str) -> String {
    if path.is_empty() {
        "input".to_owned()
    } else {
        path.to_owned()
    }
}

/// Merges conversion issues with the validator's, leaving out validator issues about a field
/// the conversion already reported (the validator saw a placeholder there, not the user's value).
pub fn merge_issues(
    mut conversion: Vec<ValidationIssue>,
    validation: Vec<ValidationIssue>,
) -> Vec<ValidationIssue> {
    let reported: Vec<String> = conversion.iter().map(|i| i.field.clone()).collect();
    conversion.extend(
        validation
            .into_iter()
            .filter(|i| !reported.contains(&i.field)),
    );
    conversion
}

/// The issues as a JS array of plain `{ field, message }` objects, built by one `JSON.parse`
/// (one crossing, rather than four per issue).
pub fn issues_to_js(issues: &[ValidationIssue]) -> JsValue {
    let mut text = String::from("[");
    for (i, issue) in issues.iter().enumerate() {
        if i > 0 {
            text.push(',');
        }
        text.push_str("{\"field\":");
        write_string(&issue.field, &mut text);
        text.push_str(",\"message\":");
        write_string(&issue.message, &mut text);
        text.push('}');
    }
    text.push(']');
    // The text is JSON by construction; were the parse ever to fail, the list is still an array.
    js_sys::JSON::parse(&text).unwrap_or_else(|_| Array::new().into())
}

/// Reads an optional property of an options object; `None` when absent or `undefined`.
pub fn get_prop(object: &JsValue, name: &str) -> Option<JsValue> {
    if !object.is_object() {
        return None;
    }
    Reflect::get(object, &JsValue::from_str(name))
        .ok()
        .filter(|v| !v.is_undefined())
}

/// An options argument must be absent or an object.
pub fn expect_object_or_absent(value: &JsValue, field: &str) -> Result<(), Error> {
    if value.is_undefined()
        || value.is_null()
        || (value.is_object() && is_array(value) == Ok(false))
    {
        Ok(())
    } else {
        Err(Error::validation(
            field,
            format!("{field} must be an object"),
        ))
    }
}
