//! The one error type of the SDK. Its kinds are exactly those of the JS `SuperfoneError`, so the
//! binding maps it field for field.

use std::fmt;

/// What went wrong, in the words of the JS `SuperfoneError.kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// Refused before any request was sent (bad phone, bad lead id, missing field, …).
    Validation,
    /// HTTP 400.
    BadRequest,
    /// HTTP 401.
    Unauthorized,
    /// HTTP 404.
    NotFound,
    /// HTTP 429.
    RateLimited,
    /// HTTP 5xx, or any other unexpected status.
    Server,
    /// An attempt took longer than its `timeoutMs`.
    Timeout,
    /// The caller's `AbortSignal` fired.
    Aborted,
    /// The request never got a response (connection refused or reset, DNS, CORS, …).
    Network,
    /// A response that is not the documented envelope.
    Decode,
}

impl ErrorKind {
    /// The kind as the JS API spells it: `"validation"`, `"bad_request"`, …
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Validation => "validation",
            ErrorKind::BadRequest => "bad_request",
            ErrorKind::Unauthorized => "unauthorized",
            ErrorKind::NotFound => "not_found",
            ErrorKind::RateLimited => "rate_limited",
            ErrorKind::Server => "server",
            ErrorKind::Timeout => "timeout",
            ErrorKind::Aborted => "aborted",
            ErrorKind::Network => "network",
            ErrorKind::Decode => "decode",
        }
    }

    /// Whether repeating the same request later could succeed (a transient failure). This is a
    /// hint for the caller; whether the SDK itself retries is decided by [`crate::retry`].
    pub fn is_transient(self) -> bool {
        matches!(
            self,
            ErrorKind::RateLimited | ErrorKind::Server | ErrorKind::Timeout | ErrorKind::Network
        )
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem with an input, and the field it concerns (`"customer_phone"`, `"add_phones[1]"`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ValidationIssue {
    /// The input field at fault, as the API spells it; array items as `name[index]`.
    pub field: String,
    /// What is wrong, in a sentence that names the rule.
    pub message: String,
}

impl ValidationIssue {
    /// An issue with `field`.
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        ValidationIssue {
            field: field.into(),
            message: message.into(),
        }
    }
}

/// The body of a response that failed, as an [`Error`] keeps it. The core does not parse it into
/// a tree: the binding hands JSON bodies to the runtime's `JSON.parse`, so JS callers get
/// `err.body` as the parsed value (and the wasm build needs no JSON parser).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// The body is JSON (it passed [`crate::json::validate`]), kept as received.
    Json(String),
    /// The body is not JSON: its first [`crate::decode::MAX_TEXT_BODY_CHARS`] characters.
    Text(String),
}

impl Body {
    /// The text kept: the whole JSON, or the start of a non-JSON body.
    pub fn text(&self) -> &str {
        match self {
            Body::Json(text) | Body::Text(text) => text,
        }
    }

    /// The body as a JSON value, for Rust callers: a JSON body parsed, a non-JSON body as a
    /// string (what JS callers get as `err.body`). Not in the wasm build, which leaves parsing to
    /// JS.
    ///
    /// ```
    /// use superfone_crm::decode::status_error;
    /// use serde_json::json;
    ///
    /// let err = status_error(400, r#"{"message":"Customer not found"}"#);
    /// assert_eq!(err.body.unwrap().to_value(), json!({"message": "Customer not found"}));
    /// let err = status_error(502, "<html>Bad gateway</html>");
    /// assert_eq!(err.body.unwrap().to_value(), json!("<html>Bad gateway</html>"));
    /// ```
    #[cfg(not(target_arch = "wasm32"))]
    pub fn to_value(&self) -> serde_json::Value {
        match self {
            // A `Json` body passed the scanner, which accepts only what serde_json parses; were
            // that ever not so, the text is still returned rather than lost.
            Body::Json(text) => serde_json::from_str(text)
                .unwrap_or_else(|_| serde_json::Value::String(text.clone())),
            Body::Text(text) => serde_json::Value::String(text.clone()),
        }
    }
}

/// Every failure of the SDK: bad input, an HTTP error, a timeout, an abort, a network failure or an
/// undecodable body.
#[derive(Debug, Clone, PartialEq)]
pub struct Error {
    /// What kind of failure this is.
    pub kind: ErrorKind,
    /// The HTTP status, when a response arrived.
    pub status: Option<u16>,
    /// For HTTP errors, the server's `message` verbatim when it sent one; otherwise our own sentence.
    pub message: String,
    /// For validation errors, the input field at fault.
    pub field: Option<String>,
    /// The response body: its JSON text, or the start of its text when it was not JSON; none
    /// when it was empty (and for errors without a response).
    pub body: Option<Body>,
    /// Whether repeating the request later could succeed.
    pub retryable: bool,
}

/// How many issues a validation error's message lists at most.
pub const MAX_LISTED_ISSUES: usize = 20;

impl Error {
    /// An error of `kind` with `message` and nothing else set; `retryable` follows the kind.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            kind,
            status: None,
            message: message.into(),
            field: None,
            body: None,
            retryable: kind.is_transient(),
        }
    }

    /// A validation error about `field`.
    pub fn validation(field: impl Into<String>, message: impl Into<String>) -> Self {
        Error {
            field: Some(field.into()),
            ..Error::new(ErrorKind::Validation, message)
        }
    }

    /// The input's issues as one error: `field` is the first issue's, and the message lists the
    /// first [`MAX_LISTED_ISSUES`] of them (an input with 100,000 unknown keys would otherwise
    /// make a message of megabytes); the validators return every issue.
    pub fn from_issues(issues: &[ValidationIssue]) -> Self {
        let Some(first) = issues.first() else {
            return Error::new(ErrorKind::Validation, "invalid input");
        };
        let message = if issues.len() == 1 {
            format!("{}: {}", first.field, first.message)
        } else {
            let listed: Vec<String> = issues
                .iter()
                .take(MAX_LISTED_ISSUES)
                .map(|i| format!("{}: {}", i.field, i.message))
                .collect();
            let mut message = format!("{} problems: {}", issues.len(), listed.join("; "));
            if issues.len() > MAX_LISTED_ISSUES {
                let more = issues.len() - MAX_LISTED_ISSUES;
                message.push_str(&format!("; and {more} more"));
            }
            message
        };
        Error::validation(first.field.clone(), message)
    }

    /// The attempt ran past its timeout.
    pub fn timeout(timeout_ms: f64) -> Self {
        Error::new(
            ErrorKind::Timeout,
            format!(
                "request timed out after {} ms",
                crate::time::format_ms(timeout_ms)
            ),
        )
    }

    /// The caller aborted the request.
    pub fn aborted() -> Self {
        Error::new(ErrorKind::Aborted, "request was aborted")
    }

    /// The request got no response; `detail` says what the runtime reported.
    pub fn network(detail: impl fmt::Display) -> Self {
        Error::new(ErrorKind::Network, format!("network error: {detail}"))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

impl From<ValidationIssue> for Error {
    fn from(issue: ValidationIssue) -> Self {
        Error::from_issues(std::slice::from_ref(&issue))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_spelled_as_in_the_js_api() {
        let all = [
            (ErrorKind::Validation, "validation"),
            (ErrorKind::BadRequest, "bad_request"),
            (ErrorKind::Unauthorized, "unauthorized"),
            (ErrorKind::NotFound, "not_found"),
            (ErrorKind::RateLimited, "rate_limited"),
            (ErrorKind::Server, "server"),
            (ErrorKind::Timeout, "timeout"),
            (ErrorKind::Aborted, "aborted"),
            (ErrorKind::Network, "network"),
            (ErrorKind::Decode, "decode"),
        ];
        for (kind, name) in all {
            assert_eq!(kind.as_str(), name);
        }
    }

    #[test]
    fn only_transient_kinds_are_retryable() {
        assert!(Error::timeout(5.0).retryable);
        assert!(Error::network("reset").retryable);
        assert!(!Error::aborted().retryable);
        assert!(!Error::validation("customer_phone", "required").retryable);
    }

    #[test]
    fn several_issues_are_all_in_the_message_and_the_first_names_the_field() {
        let err = Error::from_issues(&[
            ValidationIssue::new("customer_phone", "is required"),
            ValidationIssue::new("email[0]", "is not an email address"),
        ]);
        assert_eq!(err.kind, ErrorKind::Validation);
        assert_eq!(err.field.as_deref(), Some("customer_phone"));
        assert!(err.message.contains("customer_phone: is required"));
        assert!(err.message.contains("email[0]: is not an email address"));
    }

    #[test]
    fn a_message_lists_the_first_twenty_issues_and_counts_the_rest() {
        let issues: Vec<ValidationIssue> = (0..100_000)
            .map(|i| ValidationIssue::new(format!("extra_{i}"), "is not a field of this input"))
            .collect();
        let err = Error::from_issues(&issues);
        assert_eq!(err.field.as_deref(), Some("extra_0"));
        assert!(
            err.message.starts_with("100000 problems: extra_0: "),
            "{}",
            err.message
        );
        assert!(err
            .message
            .contains("; extra_19: is not a field of this input; and 99980 more"));
        assert!(!err.message.contains("extra_20:"), "{}", err.message);
        assert!(err.message.len() < 1_000, "{} bytes", err.message.len());
    }
}
