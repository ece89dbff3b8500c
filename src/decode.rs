//! Responses to results: status + body → typed data, or an [`Error`] of the right kind carrying
//! the server's `message` verbatim and the body.
//!
//! - A non-2xx status is an HTTP error: its kind follows the status ([`status_error`]).
//! - A 2xx must be the envelope `{"data": …}` with `data` of the endpoint's documented shape;
//!   anything else is kind `decode`, with a message that says what was wrong and where
//!   (`data.rows[3].id: expected a non-negative integer id, found a string (line 1, column 40)`),
//!   never the whole body.
//!
//! Nothing here panics, whatever the bytes: malformed, huge or deeply nested bodies become errors
//! (the scanner's depth limit, [`crate::json::MAX_DEPTH`], bounds nesting). What the binding
//! reaches ([`check_response`], [`status_error`]) reads bodies with [`crate::json`](mod@crate::json) only; serde_json
//! parses text just in [`decode`], for Rust callers.

use crate::endpoint::{Catalog, Endpoint, Response};
use crate::error::{Body, Error, ErrorKind};
use crate::json;
use crate::model::Envelope;
use crate::shape;
use serde::de::DeserializeOwned;

/// How much of a non-JSON body an error keeps, in characters.
pub const MAX_TEXT_BODY_CHARS: usize = 1000;

/// How much of a quoted text (the server's message, serde's message) a decode error keeps, in
/// characters: either may be long.
const MAX_QUOTE_CHARS: usize = 200;

/// Checks a response of `endpoint` against the documented envelope and the shape of its `data`.
/// `Ok(())` means the body's `data` may be handed to the caller as it is.
///
/// | endpoint | `data` must be |
/// |---|---|
/// | getLead | a [`Lead`](crate::model::Lead) |
/// | createTask | a [`Task`](crate::model::Task) |
/// | listTasks | a [`Page`](crate::model::Page) of [`Task`](crate::model::Task) |
/// | list… (catalogs) | a [`Page`](crate::model::Page) of that catalog's rows |
/// | upsertLead, completeTask | any JSON object (API.md does not show the shape) |
///
/// ```
/// use superfone_crm::decode::check_response;
/// use superfone_crm::endpoint::Endpoint;
/// use superfone_crm::ErrorKind;
///
/// assert!(check_response(Endpoint::UpsertLead, 200, r#"{"data":{"id":1},"message":"success"}"#).is_ok());
///
/// let err = check_response(Endpoint::GetLead, 404, r#"{"message":"Lead not found"}"#).unwrap_err();
/// assert_eq!((err.kind, err.status, err.message.as_str()), (ErrorKind::NotFound, Some(404), "Lead not found"));
///
/// let err = check_response(Endpoint::GetLead, 200, r#"{"message":"success"}"#).unwrap_err();
/// assert_eq!(err.kind, ErrorKind::Decode);
/// ```
pub fn check_response(endpoint: Endpoint, status: u16, body: &str) -> Result<(), Error> {
    if !(200..=299).contains(&status) {
        return Err(status_error(status, body));
    }
    let shape = match endpoint.response() {
        Response::AnyObject => shape::ANY_OBJECT_RESPONSE,
        Response::Lead => shape::LEAD_RESPONSE,
        Response::Task => shape::TASK_RESPONSE,
        Response::TaskPage => shape::TASK_PAGE_RESPONSE,
        Response::CatalogPage(Catalog::SourceTypes) => shape::SOURCE_TYPE_PAGE_RESPONSE,
        Response::CatalogPage(Catalog::Labels) => shape::LABEL_PAGE_RESPONSE,
        Response::CatalogPage(Catalog::LeadStages) => shape::LEAD_STAGE_PAGE_RESPONSE,
        Response::CatalogPage(Catalog::LeadGroups) => shape::LEAD_GROUP_PAGE_RESPONSE,
        Response::CatalogPage(Catalog::Products) => shape::PRODUCT_PAGE_RESPONSE,
    };
    shape::check(shape, body)
        .map_err(|err| shape_error(status, body, Some(endpoint.name()), || describe(&err, body)))
}

/// Decodes a response into the `data` of its envelope as `T`, for Rust callers: an HTTP error
/// for a non-2xx status, a `decode` error for a 2xx that is not `{"data": T}`.
///
/// ```
/// use superfone_crm::decode::decode;
/// use superfone_crm::model::Lead;
///
/// let body = r#"{"data":{"id":7,"org_id":1,"created_at":"2026-04-01T10:30:00.000Z",
///               "phones":[{"phone":"+918000000001","customer_id":7}],"labels":[],
///               "first_name":"Asha","some_new_field":true},"message":"success"}"#;
/// let lead: Lead = decode(200, body).unwrap();
/// assert_eq!(lead.first_name.as_deref(), Some("Asha"));
/// ```
pub fn decode<T: DeserializeOwned>(status: u16, body: &str) -> Result<T, Error> {
    decode_named(status, body, None)
}

fn decode_named<T: DeserializeOwned>(
    status: u16,
    body: &str,
    endpoint: Option<&str>,
) -> Result<T, Error> {
    if !(200..=299).contains(&status) {
        return Err(status_error(status, body));
    }
    // serde's derive would also take `[data, message]` positionally: the envelope is an object.
    shape::check(shape::ANY_RESPONSE, body)
        .map_err(|err| shape_error(status, body, endpoint, || describe(&err, body)))?;
    match serde_json::from_str::<Envelope<T>>(body) {
        Ok(envelope) => Ok(envelope.data),
        Err(err) => Err(shape_error(status, body, endpoint, || locate(&err, body))),
    }
}

/// The error for a non-2xx response.
///
/// - kind: 400 `bad_request`, 401 `unauthorized`, 404 `not_found`, 429 `rate_limited`, anything
///   else (other 4xx, 5xx, 1xx, 3xx) `server`;
/// - `message`: the server's `message`, verbatim, when the body is a JSON object with a
///   non-blank string `message`; otherwise a sentence naming the status;
/// - `body`: [`Body::Json`] with the text when it is JSON; [`Body::Text`] with the text cut to
///   [`MAX_TEXT_BODY_CHARS`] when it is not; none when the body is empty;
/// - `retryable`: 408, 429 and 5xx but 501 and 505 (a later repeat could succeed); other
///   statuses, 501 (Not Implemented) and 505 (HTTP Version Not Supported) describe the request
///   itself, which a repeat would not change. Whether the SDK retries on its own is
///   [`crate::retry`]'s decision.
pub fn status_error(status: u16, body: &str) -> Error {
    let kind = match status {
        400 => ErrorKind::BadRequest,
        401 => ErrorKind::Unauthorized,
        404 => ErrorKind::NotFound,
        429 => ErrorKind::RateLimited,
        _ => ErrorKind::Server,
    };
    // A redirect (or, in a browser, the opaque status 0 that stands for one) gets a sentence that
    // says why it failed: the SDK does not follow redirects, because fetch would carry the
    // x-api-key header to wherever `Location` points, another origin included.
    let ours = |what: &str| {
        if status == 0 || (300..=399).contains(&status) {
            format!(
                "HTTP {status} {what}: a redirect, which the SDK does not follow so that the \
                 x-api-key never leaves the configured base URL; set baseUrl to the address the \
                 API now answers at"
            )
        } else {
            format!("HTTP {status} {what}")
        }
    };
    let (message, kept) = match json::validate(body) {
        Ok(()) => {
            let message = json::member(body, "message")
                .and_then(json::string_value)
                .filter(|m| !m.trim().is_empty())
                .unwrap_or_else(|| ours("without a message"));
            (message, Some(Body::Json(body.to_owned())))
        }
        Err(_) if body.trim().is_empty() => (ours("with an empty body"), None),
        Err(_) => (ours("with a non-JSON body"), Some(text_body(body))),
    };
    Error {
        kind,
        status: Some(status),
        message,
        field: None,
        body: kept,
        retryable: matches!(status, 408 | 429 | 500..=599) && !matches!(status, 501 | 505),
    }
}

/// The error for a 2xx response that is not the documented envelope: says which of the ways it
/// failed (not JSON, not an object, no `data`, `data` of the wrong shape) and, for the last,
/// where in `data` and what was expected (`detail`, asked for only then).
fn shape_error(
    status: u16,
    body: &str,
    endpoint: Option<&str>,
    detail: impl FnOnce() -> String,
) -> Error {
    let subject = match endpoint {
        Some(name) => format!("the HTTP {status} response to {name}"),
        None => format!("the HTTP {status} response"),
    };
    let (message, kept) = match json::validate(body) {
        Err(_) if body.trim().is_empty() => (format!("{subject} has an empty body"), None),
        Err(err) => (
            format!("{subject} is not JSON: {}", err.message(body)),
            Some(text_body(body)),
        ),
        Ok(()) => {
            let message = match top_level_type(body) {
                "object" if json::member(body, "data").is_none() => {
                    let server = match json::member(body, "message").and_then(json::string_value) {
                        Some(m) => format!(
                            " (its message: {})",
                            crate::text::quote_str(cut(&m, MAX_QUOTE_CHARS))
                        ),
                        None => String::new(),
                    };
                    format!("{subject} has no `data` field{server}")
                }
                "object" => format!("{subject} does not have the documented shape: {}", detail()),
                other => format!("{subject} is a JSON {other}, not the {{\"data\": …}} envelope"),
            };
            (message, Some(Body::Json(body.to_owned())))
        }
    };
    Error {
        kind: ErrorKind::Decode,
        status: Some(status),
        message,
        field: None,
        body: kept,
        retryable: false,
    }
}

/// The decode error for a good list response (`body`, already checked) that is not page
/// `expected`, or `None` when it is (or its `current_page` is not a plain integer, which the
/// shape check admits as `2.0` and the like: then nothing is claimed).
pub fn page_mismatch(status: u16, body: &str, expected: u64) -> Option<Error> {
    let body = body.strip_prefix('\u{feff}').unwrap_or(body);
    let data = json::member(body, "data")?;
    // An empty page yields nothing twice: servers may answer it as page 0 or as the last page.
    let rows = json::member(data, "rows")?;
    if rows
        .bytes()
        .all(|b| matches!(b, b'[' | b']' | b' ' | b'\t' | b'\n' | b'\r'))
    {
        return None;
    }
    let current: u64 = json::member(data, "current_page")?.trim().parse().ok()?;
    (current != expected).then(|| Error {
        kind: ErrorKind::Decode,
        status: Some(status),
        message: format!(
            "page {expected} was asked for and the response is page {current}: the list changed \
             during the iteration, or the server ignores `page`"
        ),
        field: None,
        body: Some(Body::Json(body.to_owned())),
        retryable: false,
    })
}

/// The type of the JSON value `body` holds (it is valid JSON).
fn top_level_type(body: &str) -> &'static str {
    match body
        .trim_start_matches([' ', '\t', '\n', '\r'])
        .as_bytes()
        .first()
    {
        Some(b'{') => "object",
        Some(b'[') => "array",
        Some(b'"') => "string",
        Some(b't' | b'f') => "boolean",
        Some(b'n') => "null",
        _ => "number",
    }
}

/// `path: what (line L, column C)` for a failed shape check, e.g. `data.rows[3].id: expected a
/// non-negative integer id, found a string (line 1, column 40)`.
fn describe(err: &shape::Mismatch, body: &str) -> String {
    let (line, column) = json::line_column(body, err.offset());
    format!("{err} (line {line}, column {column})")
}

/// A non-JSON body, cut to [`MAX_TEXT_BODY_CHARS`] characters.
fn text_body(body: &str) -> Body {
    Body::Text(cut(body, MAX_TEXT_BODY_CHARS).to_owned())
}

/// The first `max` characters of `s` (never splits a character).
fn cut(s: &str, max: usize) -> &str {
    match s.char_indices().nth(max) {
        Some((end, _)) => &s[..end],
        None => s,
    }
}

/// `path: serde's message (line L, column C)`, the path found by scanning the body up to where
/// serde stopped. serde_json reports positions by line and byte column.
fn locate(err: &serde_json::Error, body: &str) -> String {
    let (line, column) = (err.line(), err.column());
    let full = err.to_string();
    let suffix = format!(" at line {line} column {column}");
    let message = full.strip_suffix(&suffix).unwrap_or(&full);
    let message = cut(message, MAX_QUOTE_CHARS);
    let offset = byte_offset(body, line, column);
    let path = json_path_at(body.as_bytes(), offset);
    let path = if path.is_empty() { "data" } else { &path };
    format!("{path}: {message} (line {line}, column {column})")
}

fn byte_offset(body: &str, line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        body.bytes()
            .enumerate()
            .filter(|&(_, b)| b == b'\n')
            .nth(line - 2)
            .map_or(body.len(), |(i, _)| i + 1)
    };
    line_start.saturating_add(column).min(body.len())
}

/// The JSON path (`data.rows[3].id`) of the value being read at byte `end` of `json`, found with
/// a minimal scan of `json[..end]` that tracks objects, keys and array indexes. Keys are shown as
/// written (escapes not decoded).
pub(crate) fn json_path_at(json: &[u8], end: usize) -> String {
    enum Frame {
        Object { key: Option<String>, want_key: bool },
        Array(usize),
    }
    let json = &json[..end.min(json.len())];
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < json.len() {
        match json[i] {
            b'{' => stack.push(Frame::Object {
                key: None,
                want_key: true,
            }),
            b'[' => stack.push(Frame::Array(0)),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array(n)) => *n += 1,
                Some(Frame::Object { want_key, .. }) => *want_key = true,
                None => {}
            },
            b':' => {
                if let Some(Frame::Object { want_key, .. }) = stack.last_mut() {
                    *want_key = false;
                }
            }
            b'"' => {
                let start = i + 1;
                i = start;
                while i < json.len() && json[i] != b'"' {
                    i += if json[i] == b'\\' { 2 } else { 1 };
                }
                if let Some(Frame::Object {
                    key,
                    want_key: true,
                }) = stack.last_mut()
                {
                    let stop = i.min(json.len());
                    *key = Some(String::from_utf8_lossy(&json[start..stop]).into_owned());
                }
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object {
                key: Some(key),
                want_key: false,
            } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object { .. } => {}
            Frame::Array(n) => {
                path.push('[');
                path.push_str(&n.to_string());
                path.push(']');
            }
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_other_than_the_one_asked_for_is_a_decode_error() {
        let page = |current: &str| {
            format!(
                r#"{{"data":{{"rows":[{{"id":1}}],"total_pages":2,"current_page":{current},"page_size":50,"total_items":60}},"message":"success"}}"#
            )
        };
        assert!(page_mismatch(200, &page("3"), 3).is_none());
        // No rows: nothing can be yielded twice, whatever page the server calls it.
        let empty = r#"{"data":{"rows":[ ],"total_pages":0,"current_page":0,"page_size":50,"total_items":0},"message":"success"}"#;
        assert!(page_mismatch(200, empty, 1).is_none());
        let err = page_mismatch(200, &page("2"), 3).unwrap();
        assert_eq!(err.kind, ErrorKind::Decode);
        assert_eq!(err.status, Some(200));
        assert!(
            err.message
                .starts_with("page 3 was asked for and the response is page 2"),
            "{}",
            err.message
        );
        assert!(!err.retryable);
        // What the shape check admits but is no plain integer claims nothing.
        assert!(page_mismatch(200, &page("3.0"), 2).is_none());
    }

    fn path_of(json: &str, at: &str) -> String {
        let end = json.find(at).expect("marker") + at.len();
        json_path_at(json.as_bytes(), end)
    }

    #[test]
    fn path_follows_keys_and_indexes() {
        let json = r#"{"data":{"rows":[{"id":1},{"id":"x"}]}}"#;
        assert_eq!(path_of(json, r#""x""#), "data.rows[1].id");
    }

    #[test]
    fn path_skips_strings_that_contain_delimiters() {
        let json = r#"{"data":{"a":"{[,:\"]}","b":null}}"#;
        assert_eq!(path_of(json, "null"), "data.b");
    }

    #[test]
    fn path_of_a_closed_object_is_its_parent() {
        let json = r#"{"data":{"lead_stage":{"title":"x"}}}"#;
        assert_eq!(path_of(json, r#""x"}"#), "data.lead_stage");
    }

    #[test]
    fn cut_never_splits_a_character() {
        assert_eq!(cut("ééé", 2), "éé");
        assert_eq!(cut("ab", 5), "ab");
    }
}
