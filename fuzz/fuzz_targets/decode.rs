//! Response decoding on any status and any body: `check_response` for every endpoint and
//! `decode::<Value>`. Errors have the kind the status says, keep the server's message verbatim,
//! and stay small whatever the body.
//!
//! Input: a status selector byte (a documented status, or the next two bytes as any u16), then
//! the body as UTF-8 (lossy, as `fetch`'s `text()` reads it).
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use superfone_crm::decode::{check_response, decode, MAX_TEXT_BODY_CHARS};
use superfone_crm::endpoint::{Endpoint, Response};
use superfone_crm::error::Body;
use superfone_crm::{Error, ErrorKind};

const STATUSES: [u16; 15] = [
    200, 200, 200, 201, 204, 299, 400, 401, 404, 408, 429, 500, 503, 302, 100,
];

fn expected_kind(status: u16) -> ErrorKind {
    match status {
        200..=299 => ErrorKind::Decode,
        400 => ErrorKind::BadRequest,
        401 => ErrorKind::Unauthorized,
        404 => ErrorKind::NotFound,
        429 => ErrorKind::RateLimited,
        _ => ErrorKind::Server,
    }
}

fn check_error(err: &Error, status: u16, body: &str, parsed: Option<&Value>) {
    assert_eq!(err.kind, expected_kind(status), "{status} {err:?}");
    assert_eq!(err.status, Some(status));
    assert!(err.field.is_none());
    let ok = (200..=299).contains(&status);
    // 501 and 505 describe the request, not a moment (the retry policy never retries them).
    assert_eq!(
        err.retryable,
        matches!(status, 408 | 429 | 500..=599) && !matches!(status, 501 | 505)
    );
    assert!(!err.message.is_empty());
    // The scanner's verdict on the body (JSON or not) is serde_json's, and a JSON body is kept
    // whole, as received.
    match (parsed, &err.body) {
        (Some(json), Some(kept @ Body::Json(text))) => {
            assert_eq!(text, body);
            assert_eq!(&kept.to_value(), json);
        }
        (Some(_), Some(Body::Text(_))) => panic!("a JSON body kept as text: {err:?}"),
        (Some(_), None) => panic!("a JSON body was dropped: {err:?}"),
        (None, None) => assert!(body.trim().is_empty(), "a non-empty body was dropped"),
        (None, Some(Body::Text(text))) => {
            assert!(text.chars().count() <= MAX_TEXT_BODY_CHARS);
            assert!(body.starts_with(text.as_str()));
        }
        (None, Some(Body::Json(_))) => panic!("a non-JSON body kept as JSON: {err:?}"),
    }
    if ok {
        // Our own sentence: never the whole body.
        assert!(
            err.message.chars().count() <= 2000,
            "{} chars",
            err.message.chars().count()
        );
    } else {
        let server = parsed
            .and_then(|v| v.get("message"))
            .and_then(Value::as_str)
            .filter(|m| !m.trim().is_empty());
        match server {
            Some(m) => assert_eq!(err.message, m),
            None => assert!(err.message.starts_with(&format!("HTTP {status} "))),
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let (status, rest) = match usize::from(selector) {
        i if i < STATUSES.len() * 16 => (STATUSES[i % STATUSES.len()], rest),
        _ if rest.len() >= 2 => (u16::from_be_bytes([rest[0], rest[1]]), &rest[2..]),
        _ => return,
    };
    let body = String::from_utf8_lossy(rest);
    let body = body.as_ref();
    let parsed: Option<Value> = serde_json::from_str(body).ok();
    let ok = (200..=299).contains(&status);

    // `decode::<Value>`: the `data` of an object envelope, whatever it holds.
    let envelope_data = parsed
        .as_ref()
        .and_then(Value::as_object)
        .and_then(|o| o.get("data"));
    match decode::<Value>(status, body) {
        Ok(data) => {
            assert!(ok, "HTTP {status} decoded");
            // Only an object envelope counts (once, serde also read `[data]` as the envelope).
            assert_eq!(Some(&data), envelope_data, "{body:?}");
        }
        Err(err) => {
            check_error(&err, status, body, parsed.as_ref());
            if ok && envelope_data.is_some() {
                // Only a repeated `data` or `message` key fails an envelope that has `data`.
                assert!(err.message.contains("duplicate field"), "{body:?}: {err:?}");
            }
        }
    }

    for endpoint in Endpoint::ALL {
        match check_response(endpoint, status, body) {
            Ok(()) => {
                assert!(ok);
                let data = envelope_data.expect("accepted without an object envelope");
                // Every documented `data` is an object (never a positional array).
                assert!(data.is_object(), "{endpoint:?} accepted {body:?}");
            }
            Err(err) => {
                check_error(&err, status, body, parsed.as_ref());
                if ok
                    && endpoint.response() == Response::AnyObject
                    && envelope_data.is_some_and(Value::is_object)
                {
                    assert!(err.message.contains("duplicate field"), "{body:?}: {err:?}");
                }
            }
        }
    }
});
