//! `Call`: one request in flight, as the package's JS shell sees it. The core's [`Exchange`]
//! decides everything (is this response good, retry or fail, with which error); the shell only
//! performs the I/O it is told to: send the request, report what came back, wait, send again.
//!
//! The loop itself is JavaScript (`pkg-template/shell.js`, `perform`): an `await` driven from
//! Rust costs a `Closure` per settled promise (each registered with a `FinalizationRegistry`),
//! a promise per race and a boundary crossing per step, which measured as much as the whole
//! `fetch` it wrapped. Here the shell crosses into wasm once to start, once per response.
//!
//! A `Call` is not a JS object: the client keeps the calls in flight and the shell names one
//! by a number (`RawClient.start`, `onResponse`, `onFailure`, `finish`). A wasm-bindgen object
//! per call cost a wrapper and a `FinalizationRegistry` entry, and a crossing per getter.

use crate::error::{Error, ErrorKind};
use crate::exchange::{Exchange, Failure, Step};
use crate::wasm::errors;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A started call: the request to send and the core's state for it.
pub struct Call {
    exchange: Exchange,
    timeout_ms: f64,
}

impl Call {
    pub(crate) fn new(exchange: Exchange, timeout_ms: f64) -> Self {
        Call {
            exchange,
            timeout_ms,
        }
    }

    /// Whether the request has a body (and so which of the client's header sets it goes with).
    pub fn has_body(&self) -> bool {
        self.exchange.request().body.is_some()
    }
}

#[wasm_bindgen]
extern "C" {
    /// A `Response`'s `Headers`.
    type Headers;
    #[wasm_bindgen(method, catch)]
    fn get(this: &Headers, name: &str) -> Result<Option<String>, JsValue>;
}

impl Call {
    /// The request as one string: the method, a space, the URL (the core encodes it: it holds
    /// no whitespace) and, for a request with a body, a line break and the JSON body.
    /// `"GET https://…/lead?phone=%2B91…"`, `"POST https://…/lead\n{…}"`.
    pub fn request(&self) -> String {
        let mut text = String::new();
        self.write_request(&mut text);
        text
    }

    /// Appends [`Call::request`] to `text`.
    pub fn write_request(&self, text: &mut String) {
        let request = self.exchange.request();
        let method = request.method.as_str();
        let body = request.body.as_deref();
        text.reserve(method.len() + 1 + request.url.len() + body.map_or(0, |b| 1 + b.len()));
        text.push_str(method);
        text.push(' ');
        text.push_str(&request.url);
        if let Some(body) = body {
            text.push('\n');
            text.push_str(body);
        }
    }

    /// How long one attempt (sending and reading the body) may take.
    pub fn timeout_ms(&self) -> f64 {
        self.timeout_ms
    }

    /// A response arrived: its status, its `Headers` (only `Retry-After` is read, and only when
    /// the response is not good) and its body as bytes (`Response.arrayBuffer()`). `undefined`:
    /// it is good, hand its `data` to the caller. A number: wait that many milliseconds and send
    /// again. Throws the `SuperfoneError` to reject with.
    ///
    /// Bytes rather than `Response.text()`: a byte array crosses into wasm with one copy, where a
    /// string is re-encoded character by character by the glue, which cost more than the check.
    pub fn on_response(
        &mut self,
        status: u16,
        headers: &JsValue,
        body: &[u8],
    ) -> Result<Option<f64>, JsValue> {
        let body = text(body);
        let step = self.exchange.on_response_with(status, &body, || {
            // A header that cannot be read (a custom fetch's odd Response) counts as absent.
            let retry_after = headers
                .unchecked_ref::<Headers>()
                .get("retry-after")
                .ok()
                .flatten();
            let (now, jitter) = clock();
            (retry_after, now, jitter)
        });
        match step {
            Step::Done => Ok(None),
            step => then(step).map(Some),
        }
    }

    /// The attempt ended without a response: `kind` is `"timeout"`, `"aborted"`, `"network"`
    /// (with the runtime's `detail`) or `"redirected"` (a custom fetch followed a redirect).
    /// Returns the wait before the next attempt, or throws.
    pub fn on_failure(&mut self, kind: &str, detail: Option<String>) -> Result<f64, JsValue> {
        let failure = match kind {
            "timeout" => Failure::Timeout(self.timeout_ms),
            "aborted" => Failure::Aborted,
            "redirected" => Failure::Redirected,
            _ => Failure::Network(detail.unwrap_or_else(|| "fetch failed".to_owned())),
        };
        let (now, jitter) = clock();
        then(self.exchange.on_failure(failure, now, jitter))
    }
}

/// The error for a body the core accepted and the runtime's `JSON.parse` then refused (a
/// disagreement between the two parsers, not something a server can cause).
pub(crate) fn unparsable() -> Error {
    Error::new(ErrorKind::Decode, "the response body could not be parsed")
}

/// The body as `Response.text()` reads it: UTF-8 with invalid sequences replaced and a leading
/// byte order mark dropped (what the shell's `TextDecoder` gives `JSON.parse`, too).
fn text(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // `from_utf8` first: its ASCII fast path is several times quicker than the lossy decoder's
    // chunk walk, and a body is almost always valid.
    match std::str::from_utf8(bytes) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(bytes),
    }
}

fn clock() -> (f64, f64) {
    (js_sys::Date::now(), js_sys::Math::random())
}

/// A retry's wait, or the error to throw.
fn then(step: Step) -> Result<f64, JsValue> {
    match step {
        Step::Retry { after_ms } => Ok(after_ms),
        Step::Fail(err) => Err(errors::to_js(&err)),
        // Only a response can be done, and `on_response` returns before coming here.
        Step::Done => Err(errors::to_js(&unparsable())),
    }
}
