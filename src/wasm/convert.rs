//! Inputs from JS ⇄ the core's plain data. The shell writes each input as one string
//! (`encodeInput` in `pkg-template/shell.js`), read back by [`read_input`] with an issue for
//! everything JSON cannot carry; issues go back to JS as plain objects.

use crate::error::{Error, ValidationIssue};
use crate::json::input::{read_input, Converted};
use crate::json::write_string;
use js_sys::Array;
use wasm_bindgen::prelude::*;

/// The input the shell wrote (`None` for `undefined`), naming fields from `path`.
pub fn to_json(text: Option<&str>, path: &str) -> Converted {
    match text {
        Some(text) => read_input(text, path),
        None => Converted::default(),
    }
}

/// An options argument must be absent, `null` or an object (its text then starts with `{`).
pub fn expect_object_or_absent(text: Option<&str>, field: &str) -> Result<(), Error> {
    match text {
        None | Some("null") => Ok(()),
        Some(text) if text.starts_with('{') => Ok(()),
        Some(_) => Err(Error::validation(
            field,
            format!("{field} must be an object"),
        )),
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
