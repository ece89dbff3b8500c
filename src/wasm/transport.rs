//! The I/O half of a call: send one [`HttpRequest`] with `fetch` (the runtime's, or the one given
//! in the options), enforce the attempt's timeout and the caller's `AbortSignal`, and sleep between
//! retries. Everything here cleans up after itself (timers cleared, listeners removed), so a
//! finished call leaves nothing behind that keeps a process alive or holds memory.
//!
//! The `Request` is built with web-sys directly. gloo-net 0.6's builder was tried first: it rewrites
//! the URL (every URL with a query gained a stray `&`, and it re-parsed the percent-encoding the
//! core produced), and its `send` panics when a fetch resolves to something other than a `Response`.

use crate::endpoint::HttpRequest;
use crate::exchange::Failure;
use js_sys::{Array, Function, Promise, Uint8Array};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal, Headers, RequestInit, RequestRedirect};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = fetch, catch)]
    fn global_fetch(request: &web_sys::Request) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(callback: &Function, ms: f64) -> JsValue;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(id: &JsValue);
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn json_parse(text: &JsValue) -> Result<JsValue, JsValue>;
}

/// What came back from one attempt.
pub struct Received {
    pub status: u16,
    pub retry_after: Option<String>,
    /// The body as bytes in JS memory (decoded again for `JSON.parse` only on success).
    bytes: Uint8Array,
    /// The body as text (UTF-8, a leading BOM removed, as `Response.text()` gives it).
    pub body: String,
}

impl Received {
    /// The response's `data`, parsed by the runtime's own `JSON.parse` (the core has already
    /// checked the envelope, so this cannot fail short of a runtime bug).
    pub fn data(&self) -> Result<JsValue, JsValue> {
        let text = TEXT_DECODER.with(|d| d.decode(&self.bytes))?;
        let envelope = json_parse(&text)?;
        js_sys::Reflect::get(&envelope, &JsValue::from_str("data"))
    }
}

#[wasm_bindgen]
extern "C" {
    type TextDecoder;
    #[wasm_bindgen(constructor)]
    fn new() -> TextDecoder;
    #[wasm_bindgen(method, catch)]
    fn decode(this: &TextDecoder, bytes: &Uint8Array) -> Result<JsValue, JsValue>;
}

thread_local! {
    // UTF-8, replacing invalid sequences and dropping a leading BOM: what `Response.text()` does.
    static TEXT_DECODER: TextDecoder = TextDecoder::new();
}

/// Sends `request` once, giving up after `timeout_ms` or when `signal` fires. The timeout covers
/// reading the body too.
pub async fn send(
    request: &HttpRequest,
    fetch: Option<&Function>,
    signal: Option<&AbortSignal>,
    timeout_ms: f64,
) -> Result<Received, Failure> {
    if signal.is_some_and(AbortSignal::aborted) {
        return Err(Failure::Aborted);
    }
    let guard = AttemptGuard::new(signal, timeout_ms)?;
    let result = attempt(request, fetch, &guard).await;
    match result {
        Ok(received) => Ok(received),
        // Whatever the runtime reported, a fired timer or signal is the real cause.
        Err(_) if guard.timed_out.get() => Err(Failure::Timeout(timeout_ms)),
        Err(_) if signal.is_some_and(AbortSignal::aborted) => Err(Failure::Aborted),
        Err(failure) => Err(failure),
    }
}

async fn attempt(
    request: &HttpRequest,
    fetch: Option<&Function>,
    guard: &AttemptGuard,
) -> Result<Received, Failure> {
    let js_request = build(request, &guard.controller.signal())?;
    let promise = match fetch {
        Some(f) => f.call1(&JsValue::UNDEFINED, &js_request),
        None => global_fetch(&js_request),
    }
    .map_err(|e| Failure::Network(describe(&e)))?;
    // A custom fetch may ignore the signal, return a plain value or a foreign thenable: each await
    // races the attempt's own abort, so the timeout and the caller's signal always win.
    let value = guard
        .race(&promise)
        .await
        .map_err(|e| Failure::Network(describe(&e)))?;
    let response: web_sys::Response = value
        .dyn_into()
        .map_err(|_| Failure::Network("fetch did not resolve to a Response object".to_owned()))?;
    let status = response.status();
    let retry_after = response.headers().get("retry-after").ok().flatten();
    // The body as bytes: one copy into wasm memory (text() would hand over a JS string that
    // wasm-bindgen then re-encodes character by character).
    let buffer = match response.array_buffer() {
        Ok(promise) => guard.race(&promise).await,
        Err(e) => Err(e),
    }
    .map_err(|e| {
        Failure::Network(format!(
            "the response body could not be read: {}",
            describe(&e)
        ))
    })?;
    let bytes = Uint8Array::new(&buffer);
    let body = match String::from_utf8(bytes.to_vec()) {
        Ok(text) => text,
        Err(invalid) => String::from_utf8_lossy(invalid.as_bytes()).into_owned(),
    };
    let body = match body.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => body,
    };
    Ok(Received {
        status,
        retry_after,
        bytes,
        body,
    })
}

fn build(request: &HttpRequest, signal: &AbortSignal) -> Result<web_sys::Request, Failure> {
    let refused =
        |e: JsValue| Failure::Network(format!("the runtime refused the request: {}", describe(&e)));
    let headers = Headers::new().map_err(refused)?;
    for (name, value) in &request.headers {
        headers.set(name, value).map_err(refused)?;
    }
    let init = RequestInit::new();
    init.set_method(request.method.as_str());
    init.set_headers(&headers);
    init.set_signal(Some(signal));
    // Never follow a redirect: fetch keeps custom headers such as x-api-key on a redirect to
    // another origin. The core reports a 3xx as an error naming the reason.
    init.set_redirect(RequestRedirect::Manual);
    if let Some(body) = &request.body {
        init.set_body(&JsValue::from_str(body));
    }
    web_sys::Request::new_with_str_and_init(&request.url, &init).map_err(refused)
}

/// The best short description of a rejection: the error's message, plus undici's `cause`
/// (`ECONNRESET`, `ECONNREFUSED`, …), which says more than "fetch failed".
fn describe(error: &JsValue) -> String {
    let text = |v: &JsValue, key: &str| {
        js_sys::Reflect::get(v, &JsValue::from_str(key))
            .ok()
            .and_then(|m| m.as_string())
    };
    let mut out = text(error, "message").unwrap_or_else(|| "fetch failed".to_owned());
    if let Ok(cause) = js_sys::Reflect::get(error, &JsValue::from_str("cause")) {
        if let Some(detail) = text(&cause, "code").or_else(|| text(&cause, "message")) {
            out = format!("{out} ({detail})");
        }
    }
    out
}

/// The timer and signal listener of one attempt; dropping it clears the timer and removes the
/// listener.
struct AttemptGuard {
    controller: AbortController,
    timed_out: Rc<Cell<bool>>,
    timer: JsValue,
    _on_timeout: Closure<dyn FnMut()>,
    forward: Option<Listener>,
    /// Rejects when the attempt's controller aborts (timeout or the caller's signal).
    aborted: Promise,
    _on_abort: Option<Listener>,
}

impl AttemptGuard {
    fn new(signal: Option<&AbortSignal>, timeout_ms: f64) -> Result<Self, Failure> {
        // Every runtime we support has `AbortController` (Node ≥ 16, Deno, Bun, workerd, browsers).
        let controller = AbortController::new()
            .map_err(|_| Failure::Network("this runtime has no AbortController".to_owned()))?;
        let timed_out = Rc::new(Cell::new(false));
        let on_timeout = {
            let controller = controller.clone();
            let timed_out = timed_out.clone();
            Closure::<dyn FnMut()>::new(move || {
                timed_out.set(true);
                controller.abort();
            })
        };
        let timer = set_timeout(on_timeout.as_ref().unchecked_ref(), timeout_ms);
        let forward = signal.map(|signal| {
            let controller = controller.clone();
            Listener::new(signal, move || controller.abort())
        });
        let mut on_abort = None;
        let aborted = Promise::new(&mut |_, reject| {
            on_abort = Some(Listener::new(&controller.signal(), move || {
                let _ = reject.call0(&JsValue::UNDEFINED);
            }));
        });
        Ok(AttemptGuard {
            controller,
            timed_out,
            timer,
            _on_timeout: on_timeout,
            forward,
            aborted,
            _on_abort: on_abort,
        })
    }

    /// Settles `value` (a promise, thenable or plain value), or fails when the attempt aborts.
    async fn race(&self, value: &JsValue) -> Result<JsValue, JsValue> {
        let contenders = Array::of2(&Promise::resolve(value), &self.aborted);
        JsFuture::from(Promise::race(&contenders)).await
    }
}

impl Drop for AttemptGuard {
    fn drop(&mut self) {
        clear_timeout(&self.timer);
        self.forward.take();
    }
}

/// An `abort` listener on a signal, removed when dropped (a long-lived signal shared by many
/// calls must not collect a listener per call).
struct Listener {
    signal: AbortSignal,
    callback: Closure<dyn FnMut()>,
}

impl Listener {
    fn new(signal: &AbortSignal, f: impl FnMut() + 'static) -> Self {
        let callback = Closure::<dyn FnMut()>::new(f);
        let _ = signal.add_event_listener_with_callback("abort", callback.as_ref().unchecked_ref());
        Listener {
            signal: signal.clone(),
            callback,
        }
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self
            .signal
            .remove_event_listener_with_callback("abort", self.callback.as_ref().unchecked_ref());
    }
}

/// Waits `ms` milliseconds between attempts; `Err` when `signal` fires first.
pub async fn sleep(ms: f64, signal: Option<&AbortSignal>) -> Result<(), Failure> {
    if signal.is_some_and(AbortSignal::aborted) {
        return Err(Failure::Aborted);
    }
    let mut timer = JsValue::UNDEFINED;
    let mut resolve_cb: Option<Closure<dyn FnMut()>> = None;
    let mut listener: Option<Listener> = None;
    let promise = Promise::new(&mut |resolve, reject| {
        let on_time = Closure::<dyn FnMut()>::new(move || {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        });
        timer = set_timeout(on_time.as_ref().unchecked_ref(), ms);
        resolve_cb = Some(on_time);
        listener = signal.map(|s| {
            Listener::new(s, move || {
                let _ = reject.call0(&JsValue::UNDEFINED);
            })
        });
    });
    let result = JsFuture::from(promise).await;
    clear_timeout(&timer);
    drop(listener);
    drop(resolve_cb);
    result.map(|_| ()).map_err(|_| Failure::Aborted)
}
