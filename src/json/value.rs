//! The core's JSON tree: what a JS input becomes (the wasm binding converts it), what the
//! validators read, and what a checked request body is written from.
//!
//! It is this crate's own rather than `serde_json::Value` so that the wasm build carries only
//! what the requests need: an object keeps its keys in insertion order in a plain vector (a JS
//! object's own order, which is how `JSON.stringify` writes a body too; no `BTreeMap`), and
//! the writer is a few dozen lines. Numbers are written as JavaScript writes them
//! (`Number.prototype.toString`), which in the wasm build is JavaScript itself.

use std::fmt;

/// A JSON value.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Value {
    #[default]
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Value>),
    Object(Map),
}

/// A JSON number: a whole number held exactly, or a finite double.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number(N);

#[derive(Debug, Clone, Copy, PartialEq)]
enum N {
    PosInt(u64),
    NegInt(i64),
    /// Finite, always.
    Float(f64),
}

/// A JSON object: its members in insertion order, keys unique.
#[derive(Debug, Clone, Default)]
pub struct Map(Vec<(String, Value)>);

impl Value {
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    pub fn is_boolean(&self) -> bool {
        matches!(self, Value::Bool(_))
    }

    pub fn is_number(&self) -> bool {
        matches!(self, Value::Number(_))
    }

    pub fn is_string(&self) -> bool {
        matches!(self, Value::String(_))
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// A number as a double.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(n.as_f64()),
            _ => None,
        }
    }

    /// A number held as a whole number of 0 or more.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(n) => n.as_u64(),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(map) => Some(map),
            _ => None,
        }
    }

    pub fn as_object_mut(&mut self) -> Option<&mut Map> {
        match self {
            Value::Object(map) => Some(map),
            _ => None,
        }
    }

    /// The member `key` of an object; `None` for a missing key or a value that is no object.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object()?.get(key)
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut Value> {
        match self {
            Value::Object(map) => map.get_mut(key),
            _ => None,
        }
    }

    /// The value as JSON text, compact, members in their order.
    ///
    /// ```
    /// use superfone_crm::json::{Map, Value};
    /// let mut map = Map::new();
    /// map.insert("b".into(), Value::from("say \"hi\"\n"));
    /// map.insert("a".into(), Value::Array(vec![Value::from(1.5), Value::from(-2), Value::Null]));
    /// assert_eq!(Value::Object(map).to_json(), r#"{"b":"say \"hi\"\n","a":[1.5,-2,null]}"#);
    /// ```
    pub fn to_json(&self) -> String {
        let mut out = String::with_capacity(64);
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        match self {
            Value::Null => out.push_str("null"),
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::Number(n) => n.write(out),
            Value::String(s) => write_string(s, out),
            Value::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            Value::Object(map) => {
                out.push('{');
                for (i, (key, value)) in map.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_string(key, out);
                    out.push(':');
                    value.write(out);
                }
                out.push('}');
            }
        }
    }
}

/// The value as compact JSON text ([`Value::to_json`]).
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_json())
    }
}

/// For Rust callers that embed a value in their own serde data (and for `json!` interpolation).
impl serde::Serialize for Value {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Null => s.serialize_unit(),
            Value::Bool(b) => s.serialize_bool(*b),
            Value::Number(n) => match n.0 {
                N::PosInt(u) => s.serialize_u64(u),
                N::NegInt(i) => s.serialize_i64(i),
                N::Float(f) => s.serialize_f64(f),
            },
            Value::String(text) => s.serialize_str(text),
            Value::Array(items) => s.collect_seq(items),
            Value::Object(map) => s.collect_map(map.iter()),
        }
    }
}

/// `s` as a JSON string, escaped as `JSON.stringify` escapes it.
pub fn write_string(s: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.reserve(s.len() + 2);
    out.push('"');
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        if escape.is_empty() {
            out.push_str("\\u00");
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 0xf)] as char);
        } else {
            out.push_str(escape);
        }
        start = i + 1;
    }
    out.push_str(&s[start..]);
    out.push('"');
}

impl Number {
    /// A finite double as a number; `None` for NaN and ±∞, which JSON cannot hold.
    pub fn from_f64(x: f64) -> Option<Number> {
        x.is_finite().then_some(Number(N::Float(x)))
    }

    /// The number as a double (a whole number past 2^53 rounded, as in JavaScript).
    pub fn as_f64(&self) -> f64 {
        match self.0 {
            N::PosInt(u) => u as f64,
            N::NegInt(i) => i as f64,
            N::Float(f) => f,
        }
    }

    /// The number if it is held as a whole number that fits an `i64`.
    pub fn as_i64(&self) -> Option<i64> {
        match self.0 {
            N::PosInt(u) => i64::try_from(u).ok(),
            N::NegInt(i) => Some(i),
            N::Float(_) => None,
        }
    }

    /// The number if it is held as a whole number of 0 or more.
    pub fn as_u64(&self) -> Option<u64> {
        match self.0 {
            N::PosInt(u) => Some(u),
            N::NegInt(i) => u64::try_from(i).ok(),
            N::Float(_) => None,
        }
    }
}

/// As JavaScript writes it: `12`, `12.97`, `-0.5`, `1e+21`, `1e-7` (and `-0` as `0`).
impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut text = String::new();
        self.write(&mut text);
        f.write_str(&text)
    }
}

impl Number {
    /// The number as JSON text, as `JSON.stringify` writes it (whole numbers without the
    /// formatting machinery: they are most of the numbers written).
    fn write(&self, out: &mut String) {
        match self.0 {
            N::PosInt(u) => push_digits(u, out),
            N::NegInt(i) => {
                out.push('-');
                push_digits(i.unsigned_abs(), out);
            }
            N::Float(x) => out.push_str(&js_number_text(x)),
        }
    }
}

fn push_digits(mut u: u64, out: &mut String) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (u % 10) as u8;
        u /= 10;
        if u == 0 {
            break;
        }
    }
    for &d in &digits[at..] {
        out.push(char::from(d));
    }
}

/// A finite double's text as JavaScript's `String(x)` gives it: in the wasm build, JavaScript
/// itself (no float formatting compiled in).
#[cfg(target_arch = "wasm32")]
pub fn js_number_text(x: f64) -> String {
    js_string(x)
}

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = String)]
    fn js_string(x: f64) -> String;
}

/// A finite double's text as JavaScript's `String(x)` gives it: the shortest digits that read
/// back as `x`, placed by the rules of ECMA-262's Number::toString.
#[cfg(not(target_arch = "wasm32"))]
pub fn js_number_text(x: f64) -> String {
    shortest_number_text(x)
}

/// ECMA-262's Number::toString(x) for a finite `x`, from Rust's shortest round-trip digits
/// (kept on every target so the wasm tests can hold it to JavaScript's own).
pub fn shortest_number_text(x: f64) -> String {
    if x == 0.0 {
        return "0".to_owned();
    }
    // `{:e}` writes the fewest digits that read back as `x` (`1.2345e-7`): k of them.
    let shortest = format!("{:e}", x.abs());
    let k = shortest
        .split('e')
        .next()
        .map_or(1, |m| m.replace('.', "").len());
    // Where several k-digit decimals read back as `x`, ECMA-262 takes the one closest to `x`,
    // the even one on a tie: `x` rounded to k digits, as `{:.*e}` rounds (ties to even).
    let sci = format!("{:.*e}", k - 1, x.abs());
    let (mantissa, exponent) = sci.split_once('e').unwrap_or((&sci, "0"));
    let mut digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    while digits.len() > 1 && digits.ends_with('0') {
        digits.pop();
    }
    let k = digits.len() as i32;
    let n = exponent.parse::<i32>().unwrap_or(0) + 1;
    let mut out = String::from(if x < 0.0 { "-" } else { "" });
    if k <= n && n <= 21 {
        out.push_str(&digits);
        out.extend(std::iter::repeat_n('0', (n - k) as usize));
    } else if 0 < n && n <= 21 {
        out.push_str(&digits[..n as usize]);
        out.push('.');
        out.push_str(&digits[n as usize..]);
    } else if -6 < n && n <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-n) as usize));
        out.push_str(&digits);
    } else {
        out.push_str(&digits[..1]);
        if k > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        let e = n - 1;
        out.push('e');
        out.push(if e < 0 { '-' } else { '+' });
        out.push_str(&e.abs().to_string());
    }
    out
}

impl Map {
    pub fn new() -> Self {
        Map(Vec::new())
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut Value> {
        self.0.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn get_key_value(&self, key: &str) -> Option<(&String, &Value)> {
        self.0.iter().find(|(k, _)| k == key).map(|(k, v)| (k, v))
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Sets `key` to `value` in its place if present (returning the old value), else at the end.
    pub fn insert(&mut self, key: String, value: Value) -> Option<Value> {
        match self.get_mut(&key) {
            Some(slot) => Some(std::mem::replace(slot, value)),
            None => {
                self.0.push((key, value));
                None
            }
        }
    }

    /// Adds a member whose key the caller knows is not present yet (the keys of a JS object are
    /// unique), without looking: a large object is read in linear time.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub(crate) fn push_new(&mut self, key: String, value: Value) {
        debug_assert!(!self.contains_key(&key));
        self.0.push((key, value));
    }

    pub fn remove(&mut self, key: &str) -> Option<Value> {
        let i = self.0.iter().position(|(k, _)| k == key)?;
        Some(self.0.remove(i).1)
    }

    pub fn retain(&mut self, mut keep: impl FnMut(&String, &mut Value) -> bool) {
        self.0.retain_mut(|(k, v)| keep(k, v));
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl Iterator<Item = &Value> {
        self.0.iter().map(|(_, v)| v)
    }
}

/// Two objects are equal when they have the same members, in any order (as in JSON).
impl PartialEq for Map {
    fn eq(&self, other: &Map) -> bool {
        self.len() == other.len() && self.iter().all(|(k, v)| other.get(k) == Some(v))
    }
}

impl FromIterator<(String, Value)> for Map {
    /// A later member replaces an earlier one of the same key, in the earlier one's place (each
    /// member is looked up: meant for the small objects of this API).
    fn from_iter<I: IntoIterator<Item = (String, Value)>>(items: I) -> Map {
        let mut map = Map::new();
        for (k, v) in items {
            map.insert(k, v);
        }
        map
    }
}

impl Extend<(String, Value)> for Map {
    fn extend<I: IntoIterator<Item = (String, Value)>>(&mut self, items: I) {
        for (k, v) in items {
            self.insert(k, v);
        }
    }
}

impl IntoIterator for Map {
    type Item = (String, Value);
    type IntoIter = std::vec::IntoIter<(String, Value)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}

impl From<u64> for Value {
    fn from(u: u64) -> Value {
        Value::Number(Number(N::PosInt(u)))
    }
}

impl From<u32> for Value {
    fn from(u: u32) -> Value {
        Value::from(u64::from(u))
    }
}

impl From<i64> for Value {
    fn from(i: i64) -> Value {
        match u64::try_from(i) {
            Ok(u) => Value::from(u),
            Err(_) => Value::Number(Number(N::NegInt(i))),
        }
    }
}

impl From<i32> for Value {
    fn from(i: i32) -> Value {
        Value::from(i64::from(i))
    }
}

/// NaN and ±∞ become `null`, as `JSON.stringify` writes them.
impl From<f64> for Value {
    fn from(x: f64) -> Value {
        Number::from_f64(x).map_or(Value::Null, Value::Number)
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::String(s)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::String(s.to_owned())
    }
}

impl From<Vec<Value>> for Value {
    fn from(items: Vec<Value>) -> Value {
        Value::Array(items)
    }
}

impl From<Map> for Value {
    fn from(map: Map) -> Value {
        Value::Object(map)
    }
}

/// For Rust callers (and tests) that build inputs with `serde_json::json!`.
impl From<serde_json::Value> for Value {
    fn from(value: serde_json::Value) -> Value {
        match value {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(b) => Value::Bool(b),
            serde_json::Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
                (Some(u), _, _) => Value::from(u),
                (_, Some(i), _) => Value::from(i),
                (_, _, Some(f)) => Value::from(f),
                _ => Value::Null,
            },
            serde_json::Value::String(s) => Value::String(s),
            serde_json::Value::Array(items) => {
                Value::Array(items.into_iter().map(Value::from).collect())
            }
            // serde_json's keys are unique already: no lookup per member.
            serde_json::Value::Object(map) => Value::Object(Map(map
                .into_iter()
                .map(|(k, v)| (k, Value::from(v)))
                .collect())),
        }
    }
}

/// For Rust callers comparing with serde_json values (numbers compare by value).
impl From<Value> for serde_json::Value {
    fn from(value: Value) -> serde_json::Value {
        match value {
            Value::Null => serde_json::Value::Null,
            Value::Bool(b) => serde_json::Value::Bool(b),
            Value::Number(n) => match n.0 {
                N::PosInt(u) => u.into(),
                N::NegInt(i) => i.into(),
                N::Float(f) => f.into(),
            },
            Value::String(s) => serde_json::Value::String(s),
            Value::Array(items) => {
                serde_json::Value::Array(items.into_iter().map(Into::into).collect())
            }
            Value::Object(map) => {
                serde_json::Value::Object(map.into_iter().map(|(k, v)| (k, v.into())).collect())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn numbers_are_written_as_javascript_writes_them() {
        // Expected texts are what `String(x)` gives in V8.
        for (x, text) in [
            (0.0, "0"),
            (-0.0, "0"),
            (1.0, "1"),
            (-2.0, "-2"),
            (12.97, "12.97"),
            (-0.5, "-0.5"),
            (0.1 + 0.2, "0.30000000000000004"),
            (123456789012345680000.0, "123456789012345680000"),
            (1e21, "1e+21"),
            (1.5e300, "1.5e+300"),
            (0.000001, "0.000001"),
            (0.0000001, "1e-7"),
            (1.2345e-7, "1.2345e-7"),
            (5e-324, "5e-324"),
            (f64::MAX, "1.7976931348623157e+308"),
            (9007199254740993.0, "9007199254740992"),
            // Two shortest candidates, …562.2 and …562.3, equally close: the even one.
            (1.6582067800885623e15, "1658206780088562.2"),
        ] {
            assert_eq!(shortest_number_text(x), text, "{x:e}");
        }
    }

    #[test]
    fn strings_are_escaped_as_json_stringify_does() {
        let mut out = String::new();
        write_string("a\"b\\c\u{1}\u{8}\u{c}\n\r\t\u{1f}é\u{7f}😀", &mut out);
        assert_eq!(out, "\"a\\\"b\\\\c\\u0001\\b\\f\\n\\r\\t\\u001fé\u{7f}😀\"");
    }

    #[test]
    fn written_json_reads_back_as_the_same_value() {
        let value = json!({
            "z": [1, -1, 2.5, 1e-7, 1e21, u64::MAX, i64::MIN, true, false, null],
            "a": { "nested": "tab\there", "": {} },
            "m": [],
        });
        let mut ours = Map::new();
        for key in ["z", "a", "m"] {
            ours.insert(key.into(), Value::from(value[key].clone()));
        }
        let ours = Value::Object(ours);
        let text = ours.to_json();
        assert!(
            text.starts_with(r#"{"z":[1,-1,2.5,1e-7,1e+21,"#),
            "insertion order kept: {text}"
        );
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, value);
        assert_eq!(serde_json::Value::from(ours), value);
    }

    #[test]
    fn objects_keep_insertion_order_and_compare_as_sets() {
        let mut a = Map::new();
        a.insert("b".into(), Value::from(1));
        a.insert("a".into(), Value::from(2));
        assert_eq!(a.insert("b".into(), Value::from(3)), Some(Value::from(1)));
        assert_eq!(a.keys().collect::<Vec<_>>(), ["b", "a"]);
        let b: Map = [
            ("a".to_owned(), Value::from(2)),
            ("b".to_owned(), Value::from(3)),
        ]
        .into_iter()
        .collect();
        assert_eq!(a, b);
        assert_ne!(a, Map::new());
        assert_eq!(a.remove("b"), Some(Value::from(3)));
        assert_eq!(a.len(), 1);
    }

    #[test]
    fn number_accessors() {
        let n = |v: Value| match v {
            Value::Number(n) => n,
            other => panic!("{other:?}"),
        };
        assert_eq!(n(Value::from(-3)).as_i64(), Some(-3));
        assert_eq!(n(Value::from(-3)).as_u64(), None);
        assert_eq!(n(Value::from(u64::MAX)).as_i64(), None);
        assert_eq!(n(Value::from(2.0)).as_i64(), None);
        assert_eq!(n(Value::from(2.5)).as_f64(), 2.5);
        assert_eq!(Value::from(f64::NAN), Value::Null);
        assert_eq!(n(Value::from(u64::MAX)).to_string(), "18446744073709551615");
    }
}
