//! The reader of inputs as the JS shell writes them (`json::input::read_input`), on any text:
//! it never panics, text it does not expect is one issue naming the whole input (never a guess),
//! and a value it read back, written as JSON and read again, is the same value.
//!
//! Input: the text as UTF-8 (lossy: the shell's text crosses into wasm as a Rust `&str`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use superfone_crm::json::input::read_input;
use superfone_crm::json::Value;

/// A value holds a number that is not a whole number (the shell writes those by their bits,
/// which JSON text cannot say, so such a value does not read back from its JSON).
fn has_fraction(value: &Value) -> bool {
    match value {
        Value::Number(n) => n.as_i64().is_none(),
        Value::Array(items) => items.iter().any(has_fraction),
        Value::Object(map) => map.values().any(has_fraction),
        _ => false,
    }
}

/// An object holds a key twice (the shell writes an object's keys from `Object.keys`, once each;
/// the reader does not look for repeats, and `Map`'s equality is by key).
fn has_repeated_key(value: &Value) -> bool {
    match value {
        Value::Array(items) => items.iter().any(has_repeated_key),
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            keys.windows(2).any(|w| w[0] == w[1]) || map.values().any(has_repeated_key)
        }
        _ => false,
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let read = read_input(&text, "");
    if let Some(first) = read.issues.first() {
        if first.message.contains("internal encoding error") {
            assert_eq!(read.issues.len(), 1);
            assert_eq!(first.field, "input");
            assert!(read.value.is_null());
        }
    }
    // No more issues than the text has bytes (one for an empty text): each stands for a token
    // or a string.
    assert!(read.issues.len() <= text.len().max(1));
    if read.issues.is_empty() && !has_fraction(&read.value) && !has_repeated_key(&read.value) {
        let written = read.value.to_json();
        let again = read_input(&written, "");
        assert!(again.issues.is_empty(), "{written}: {:?}", again.issues);
        assert_eq!(again.value, read.value, "{written}");
    }
});
