//! Client and per-request options (`ClientOptions`, `RequestOptions` of the JS API), checked
//! here so that a typo such as `timeout` for `timeoutMs` is an error instead of being ignored.
//! The JS-only options (`fetch`, `signal`) are checked by the binding and never reach this module.

use crate::endpoint::ClientConfig;
use crate::error::{Error, ValidationIssue};
use crate::json::{Map, Value};

/// Per-attempt timeout when none is given.
pub const DEFAULT_TIMEOUT_MS: f64 = 30_000.0;
/// Retries after the first attempt when none is given.
pub const DEFAULT_MAX_RETRIES: u32 = 2;
/// The longest timer every runtime supports (`setTimeout` takes a signed 32-bit delay).
pub const MAX_TIMEOUT_MS: f64 = 2_147_483_647.0;
/// A bound on `maxRetries`, so that a mistake cannot turn into an endless loop of requests.
pub const MAX_RETRIES_LIMIT: u32 = 10;

const CLIENT_KEYS: [&str; 8] = [
    "apiKey",
    "baseUrl",
    "timeoutMs",
    "maxRetries",
    "fetch",
    "headers",
    "userAgent",
    "dangerouslyAllowBrowser",
];
const REQUEST_KEYS: [&str; 3] = ["signal", "timeoutMs", "maxRetries"];

/// Everything a client needs, checked.
#[derive(Debug, Clone)]
pub struct ClientOptions {
    /// Base URL, key, user agent and extra headers.
    pub config: ClientConfig,
    /// Per-attempt timeout in milliseconds.
    pub timeout_ms: f64,
    /// Retries after the first attempt.
    pub max_retries: u32,
    /// Whether constructing the client in a browser page is allowed.
    pub dangerously_allow_browser: bool,
}

/// Per-call overrides of the client's options.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct RequestOptions {
    pub timeout_ms: Option<f64>,
    pub max_retries: Option<u32>,
}

/// Checks `ClientOptions` (as JSON, without `fetch`).
pub fn client_options(options: &Value) -> Result<ClientOptions, Error> {
    let Some(map) = options.as_object() else {
        return Err(Error::validation(
            "options",
            "SuperfoneClient needs an options object: new SuperfoneClient({ apiKey })",
        ));
    };
    let mut issues = unknown_keys(map, &CLIENT_KEYS, "an", "option");
    let api_key = match map.get("apiKey") {
        Some(Value::String(key)) => Some(key.as_str()),
        None | Some(Value::Null) => {
            issues.push(ValidationIssue::new(
                "apiKey",
                "is required (your Superfone x-api-key)",
            ));
            None
        }
        Some(_) => {
            issues.push(ValidationIssue::new("apiKey", "must be a string"));
            None
        }
    };
    let base_url = optional_string(map, "baseUrl", &mut issues);
    let user_agent = optional_string(map, "userAgent", &mut issues);
    let headers = extra_headers(map.get("headers"), &mut issues);
    let timeout_ms = timeout(map.get("timeoutMs"), &mut issues).unwrap_or(DEFAULT_TIMEOUT_MS);
    let max_retries = retries(map.get("maxRetries"), &mut issues).unwrap_or(DEFAULT_MAX_RETRIES);
    let dangerously_allow_browser = match map.get("dangerouslyAllowBrowser") {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(_) => {
            issues.push(ValidationIssue::new(
                "dangerouslyAllowBrowser",
                "must be a boolean",
            ));
            false
        }
    };
    // The connection settings are checked even when something above is wrong, so that every
    // problem is reported at once (a missing key is already reported; don't report it twice).
    let config = ClientConfig::check(api_key.unwrap_or_default(), base_url, user_agent, headers)
        .map_err(|more| {
            let missing_key = api_key.is_none();
            issues.extend(
                more.into_iter()
                    .filter(|i| !(missing_key && i.field == "apiKey")),
            );
        });
    let config = match config {
        Ok(config) if issues.is_empty() => config,
        _ => return Err(Error::from_issues(&issues)),
    };
    Ok(ClientOptions {
        config,
        timeout_ms,
        max_retries,
        dangerously_allow_browser,
    })
}

/// Checks `RequestOptions` (as JSON, without `signal`); `null`/absent means none.
pub fn request_options(options: &Value) -> Result<RequestOptions, Error> {
    let map = match options {
        Value::Null => return Ok(RequestOptions::default()),
        Value::Object(map) => map,
        _ => {
            return Err(Error::validation(
                "options",
                "request options must be an object",
            ))
        }
    };
    let mut issues = unknown_keys(map, &REQUEST_KEYS, "a", "request option");
    let result = RequestOptions {
        timeout_ms: timeout(map.get("timeoutMs"), &mut issues),
        max_retries: retries(map.get("maxRetries"), &mut issues),
    };
    if issues.is_empty() {
        Ok(result)
    } else {
        Err(Error::from_issues(&issues))
    }
}

/// An issue for each key of `map` not in `known`: "is not {article} {what}; the {what}s are …".
fn unknown_keys(map: &Map, known: &[&str], article: &str, what: &str) -> Vec<ValidationIssue> {
    map.keys()
        .filter(|k| !known.contains(&k.as_str()))
        .map(|k| {
            ValidationIssue::new(
                k.clone(),
                format!(
                    "is not {article} {what}; the {what}s are {}",
                    known.join(", ")
                ),
            )
        })
        .collect()
}

fn optional_string<'a>(
    map: &'a Map,
    key: &str,
    issues: &mut Vec<ValidationIssue>,
) -> Option<&'a str> {
    match map.get(key) {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s),
        Some(_) => {
            issues.push(ValidationIssue::new(key, "must be a string"));
            None
        }
    }
}

fn extra_headers(
    value: Option<&Value>,
    issues: &mut Vec<ValidationIssue>,
) -> Vec<(String, String)> {
    match value {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Object(map)) => map
            .iter()
            .filter_map(|(name, value)| match value {
                Value::String(v) => Some((name.clone(), v.clone())),
                _ => {
                    issues.push(ValidationIssue::new(
                        format!("headers.{name}"),
                        "must be a string",
                    ));
                    None
                }
            })
            .collect(),
        Some(_) => {
            issues.push(ValidationIssue::new(
                "headers",
                "must be an object of header names to string values",
            ));
            Vec::new()
        }
    }
}

fn timeout(value: Option<&Value>, issues: &mut Vec<ValidationIssue>) -> Option<f64> {
    let value = value.filter(|v| !v.is_null())?;
    match value.as_f64() {
        Some(ms) if ms > 0.0 && ms <= MAX_TIMEOUT_MS => Some(ms),
        _ => {
            issues.push(ValidationIssue::new(
                "timeoutMs",
                "must be a number of milliseconds greater than 0 and at most 2147483647",
            ));
            None
        }
    }
}

fn retries(value: Option<&Value>, issues: &mut Vec<ValidationIssue>) -> Option<u32> {
    let value = value.filter(|v| !v.is_null())?;
    match value.as_u64() {
        Some(n) if n <= u64::from(MAX_RETRIES_LIMIT) => Some(n as u32),
        _ => {
            issues.push(ValidationIssue::new(
                "maxRetries",
                format!("must be a whole number from 0 to {MAX_RETRIES_LIMIT}"),
            ));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json;

    #[test]
    fn defaults_are_a_30_second_timeout_and_two_retries() {
        let o = client_options(&json!({ "apiKey": "k" })).unwrap();
        assert_eq!(o.timeout_ms, 30_000.0);
        assert_eq!(o.max_retries, 2);
        assert!(!o.dangerously_allow_browser);
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let err = client_options(
            &json!({ "apiKey": "", "timeoutMs": 0, "baseUrl": "http://example.com" }),
        )
        .unwrap_err();
        for field in ["apiKey", "timeoutMs", "baseUrl"] {
            assert!(
                err.message.contains(field),
                "{field} missing from: {}",
                err.message
            );
        }
    }

    #[test]
    fn api_key_is_required() {
        let err = client_options(&json!({})).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("apiKey"));
    }

    #[test]
    fn a_misspelt_option_is_refused_not_ignored() {
        let err = client_options(&json!({ "apiKey": "k", "timeout": 5 })).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("timeout"));
        assert!(err.message.contains("timeoutMs"));
    }

    #[test]
    fn timeout_must_be_positive_and_fit_a_timer() {
        for bad in [json!(0), json!(-1), json!("5"), json!(3e9)] {
            let err = client_options(&json!({ "apiKey": "k", "timeoutMs": bad })).unwrap_err();
            assert_eq!(err.field.as_deref(), Some("timeoutMs"));
        }
    }

    #[test]
    fn max_retries_is_a_small_whole_number() {
        assert_eq!(
            client_options(&json!({ "apiKey": "k", "maxRetries": 0 }))
                .unwrap()
                .max_retries,
            0
        );
        for bad in [json!(-1), json!(1.5), json!(11)] {
            let err = client_options(&json!({ "apiKey": "k", "maxRetries": bad })).unwrap_err();
            assert_eq!(err.field.as_deref(), Some("maxRetries"));
        }
    }

    #[test]
    fn request_options_override_timeout_and_retries_only() {
        let o = request_options(&json!({ "timeoutMs": 50, "maxRetries": 0 })).unwrap();
        assert_eq!(
            o,
            RequestOptions {
                timeout_ms: Some(50.0),
                max_retries: Some(0)
            }
        );
        assert_eq!(
            request_options(&Value::Null).unwrap(),
            RequestOptions::default()
        );
        let err = request_options(&json!({ "retries": 1 })).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("retries"));
    }
}
