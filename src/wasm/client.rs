//! `RawClient`: the client as the JS shell sees it. One generic `start` serves all ten endpoints
//! (the shell's `SuperfoneClient` gives each its own method): the core validates and builds the
//! request, and the [`Call`] it keeps for it decides every retry while the shell does the I/O.
//! The shell names a call in flight by the number `start` gave it.

use crate::endpoint::{prepare, request_headers, Call as Request, ClientConfig, Endpoint};
use crate::error::Error;
use crate::exchange::Exchange;
use crate::json::Value;
use crate::options::{client_options, request_options, ClientOptions};
use crate::retry::RetryPolicy;
use crate::wasm::call::{unparsable, Call};
use crate::wasm::convert::{expect_object_or_absent, to_json};
use crate::wasm::errors;
use js_sys::{Function, Object, Reflect};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    /// The runtime's `AbortSignal` (only checked with `instanceof`).
    type AbortSignal;
}

/// The configured client. Holds the API key; hands it out only inside a call's headers, which
/// the shell passes straight to `fetch`.
#[wasm_bindgen]
pub struct RawClient {
    options: ClientOptions,
    fetch: JsValue,
    /// The headers of a request without and with a JSON body, built once.
    headers: [JsValue; 2],
    /// The calls in flight, by number.
    calls: RefCell<Calls>,
}

/// The calls in flight: a slot per number, numbers reused once finished. No JavaScript runs
/// while this is borrowed (a call is taken out of its slot while it reads a response's headers,
/// which may be anyone's code), so the borrow cannot be contended.
#[derive(Default)]
struct Calls {
    slots: Vec<Option<Call>>,
    free: Vec<u32>,
}

impl Calls {
    fn insert(&mut self, call: Call) -> u32 {
        match self.free.pop() {
            Some(id) => {
                self.slots[id as usize] = Some(call);
                id
            }
            None => {
                self.slots.push(Some(call));
                (self.slots.len() - 1) as u32
            }
        }
    }

    fn get(&self, id: u32) -> Option<&Call> {
        self.slots.get(id as usize)?.as_ref()
    }

    /// The call numbered `id`, out of its slot until [`Calls::put_back`].
    fn take(&mut self, id: u32) -> Option<Call> {
        self.slots.get_mut(id as usize)?.take()
    }

    fn put_back(&mut self, id: u32, call: Call) {
        self.slots[id as usize] = Some(call);
    }

    fn remove(&mut self, id: u32) {
        if let Some(slot) = self.slots.get_mut(id as usize) {
            if slot.take().is_some() {
                self.free.push(id);
            }
        }
    }
}

#[wasm_bindgen]
impl RawClient {
    /// Checks `options` (see `ClientOptions` in JS-API.md; written by the shell's
    /// `encodeInput`, its `fetch` taken out and given as `fetch`) and refuses browser pages
    /// unless `dangerouslyAllowBrowser` is set.
    #[wasm_bindgen(constructor)]
    pub fn new(options: Option<String>, fetch: JsValue) -> Result<RawClient, JsValue> {
        Self::build(options.as_deref(), fetch).map_err(|e| errors::to_js(&e))
    }

    /// The base URL requests go to (never the key).
    #[wasm_bindgen(getter, js_name = baseUrl)]
    pub fn base_url(&self) -> String {
        self.options.config.base_url().to_owned()
    }

    /// The `fetch` given in the options, `undefined` for the runtime's own.
    #[wasm_bindgen(getter)]
    pub fn fetch(&self) -> JsValue {
        self.fetch.clone()
    }

    /// The request headers, the API key among them, as a frozen plain object, for requests
    /// with a JSON body or without one (built once: they never vary between calls).
    pub fn headers(&self, with_body: bool) -> JsValue {
        self.headers[usize::from(with_body)].clone()
    }

    /// Starts `endpoint` (see [`RawClient::start_call`]) and returns, in one string, the call's
    /// number, the attempt timeout in whole milliseconds (rounded up), and the request
    /// ([`Call::request`]), separated by spaces: `"0 30000 GET https://…/lead?phone=%2B91…"`.
    /// The shell reports what became of each attempt with the number, and ends with `finish`.
    #[allow(clippy::too_many_arguments)]
    pub fn start(
        &self,
        endpoint: &str,
        target: Option<String>,
        input: Option<String>,
        options: Option<String>,
        signal: &JsValue,
        iterating: bool,
        page: Option<u32>,
    ) -> Result<String, JsValue> {
        let inputs = Inputs {
            target: target.as_deref(),
            input: input.as_deref(),
            options: options.as_deref(),
            signal,
        };
        let call = self.start_call(endpoint, inputs, iterating, page)?;
        // Options hold a timeout to (0, 2^31 - 1]: its ceiling fits a u32 and a JS timer.
        let timer_ms = call.timeout_ms().ceil() as u32;
        let mut calls = self.calls.borrow_mut();
        let id = calls.insert(call);
        let mut text = String::new();
        text.push_str(&id.to_string());
        text.push(' ');
        text.push_str(&timer_ms.to_string());
        text.push(' ');
        if let Some(call) = calls.get(id) {
            call.write_request(&mut text);
        }
        Ok(text)
    }

    /// A response arrived for call `id`: see [`Call::on_response`].
    #[wasm_bindgen(js_name = onResponse)]
    pub fn on_response(
        &self,
        id: u32,
        status: u16,
        headers: &JsValue,
        body: &[u8],
    ) -> Result<Option<f64>, JsValue> {
        let mut call = self.in_flight(id)?;
        let step = call.on_response(status, headers, body);
        self.calls.borrow_mut().put_back(id, call);
        step
    }

    /// Call `id`'s attempt ended without a response: see [`Call::on_failure`].
    #[wasm_bindgen(js_name = onFailure)]
    pub fn on_failure(&self, id: u32, kind: &str, detail: Option<String>) -> Result<f64, JsValue> {
        let mut call = self.in_flight(id)?;
        let step = call.on_failure(kind, detail);
        self.calls.borrow_mut().put_back(id, call);
        step
    }

    /// Call `id` is over (settled, or given up): its state is dropped and its number reused.
    pub fn finish(&self, id: u32) {
        self.calls.borrow_mut().remove(id);
    }

    /// The error for a body the core accepted and the runtime's `JSON.parse` then refused (a
    /// disagreement between the two parsers, not something a server can cause).
    pub fn unparsable(&self) -> JsValue {
        errors::to_js(&unparsable())
    }
}

impl RawClient {
    /// Starts `endpoint` (a JS method name such as `"getLead"`) with `inputs` (see [`Inputs`]).
    /// `iterating` marks one page of an `iterate*` method (`limit` is then allowed in the query),
    /// and `page`, when given, replaces the query's page. Throws the validation `SuperfoneError`
    /// when anything is wrong, before anything is sent.
    pub fn start_call(
        &self,
        endpoint: &str,
        inputs: Inputs<'_>,
        iterating: bool,
        page: Option<u32>,
    ) -> Result<Call, JsValue> {
        self.begin(endpoint, inputs, iterating, page)
            .map_err(|e| errors::to_js(&e))
    }

    /// Call `id`, taken out of its slot; an error (never a panic) if it is not in flight.
    fn in_flight(&self, id: u32) -> Result<Call, JsValue> {
        self.calls.borrow_mut().take(id).ok_or_else(|| {
            errors::to_js(&Error::new(
                crate::error::ErrorKind::Network,
                "internal: no call in flight with this number",
            ))
        })
    }
}

impl RawClient {
    fn build(options: Option<&str>, fetch: JsValue) -> Result<RawClient, Error> {
        expect_object_or_absent(options, "options")?;
        if !fetch.is_undefined() && !fetch.is_instance_of::<Function>() {
            return Err(Error::validation(
                "fetch",
                "fetch must be a function (request: Request) => Promise<Response>",
            ));
        }
        let converted = to_json(options, "");
        if !converted.issues.is_empty() {
            return Err(Error::from_issues(&converted.issues));
        }
        let options = client_options(&converted.value)?;
        if is_browser_page() && !options.dangerously_allow_browser {
            return Err(Error::validation(
                "dangerouslyAllowBrowser",
                "SuperfoneClient was created in a browser page, where anyone can read the x-api-key. \
                 Call the API from your server; if you understand the risk (a key scoped for this), \
                 pass dangerouslyAllowBrowser: true",
            ));
        }
        let headers = [
            headers_object(&options.config, false),
            headers_object(&options.config, true),
        ];
        Ok(RawClient {
            options,
            fetch,
            headers,
            calls: RefCell::default(),
        })
    }

    /// Everything up to the first send: validation, the request, the per-call options.
    fn begin(
        &self,
        endpoint: &str,
        inputs: Inputs<'_>,
        iterating: bool,
        page: Option<u32>,
    ) -> Result<Call, Error> {
        let Inputs {
            target,
            input,
            options,
            signal,
        } = inputs;
        let endpoint = Endpoint::from_name(endpoint).ok_or_else(|| {
            Error::validation("endpoint", format!("no endpoint named {endpoint}"))
        })?;
        expect_object_or_absent(options, "options")?;
        if !signal.is_undefined() && !signal.is_instance_of::<AbortSignal>() {
            return Err(Error::validation("signal", "signal must be an AbortSignal"));
        }
        let converted = to_json(options, "");
        if !converted.issues.is_empty() {
            return Err(Error::from_issues(&converted.issues));
        }
        let overrides = request_options(&converted.value)?;

        let input = convert_input(input, page)?;
        let (lead_id, phone) = match endpoint {
            Endpoint::GetLead => (None, Some(convert_target(target, "phone")?)),
            Endpoint::CreateTask | Endpoint::CompleteTask | Endpoint::ListTasks => {
                (Some(convert_target(target, "lead_id")?), None)
            }
            _ => (None, None),
        };
        let call = Request {
            endpoint,
            lead_id,
            phone,
            input,
            allow_limit: iterating,
        };
        // "Now" matters only to a task's dates: the clock is not read for the other endpoints.
        let now_ms = if endpoint == Endpoint::CreateTask {
            js_sys::Date::now()
        } else {
            f64::NAN
        };
        let request = prepare(&self.options.config, &call, now_ms)?;
        let policy = RetryPolicy {
            max_retries: overrides.max_retries.unwrap_or(self.options.max_retries),
            ..RetryPolicy::default()
        };
        let timeout_ms = overrides.timeout_ms.unwrap_or(self.options.timeout_ms);
        let exchange = Exchange::new(request, policy);
        let exchange = match call.iteration_page() {
            Some(page) => exchange.expecting_page(page),
            None => exchange,
        };
        Ok(Call::new(exchange, timeout_ms))
    }
}

/// What the shell passes to `start`: `target` is the phone or lead id, `input` the body or
/// query, `options` the `RequestOptions` (each written by the shell's `encodeInput`, absent when
/// not given), and `signal` the `signal` taken out of the options (checked by `start`; the shell
/// then uses it for the waits and attempts).
pub struct Inputs<'a> {
    pub target: Option<&'a str>,
    pub input: Option<&'a str>,
    pub options: Option<&'a str>,
    pub signal: &'a JsValue,
}

/// The request headers as a frozen plain object, ready for `fetch`'s `init.headers`.
fn headers_object(config: &ClientConfig, with_body: bool) -> JsValue {
    let object = Object::new();
    for (name, value) in request_headers(config, with_body) {
        let _ = Reflect::set(&object, &name.into(), &value.into());
    }
    Object::freeze(&object).into()
}

/// The body or query as JSON; for a page of an iteration, with that `page` set.
fn convert_input(input: Option<&str>, page: Option<u32>) -> Result<Option<Value>, Error> {
    let converted = to_json(input, "");
    if !converted.issues.is_empty() {
        return Err(Error::from_issues(&converted.issues));
    }
    let mut value = converted.value;
    if let Some(page) = page {
        if value.is_null() {
            value = Value::Object(Default::default());
        }
        if let Value::Object(map) = &mut value {
            map.insert("page".to_owned(), Value::from(page));
        }
    }
    Ok((!value.is_null()).then_some(value))
}

/// The phone or lead id argument as JSON, named `field` in errors.
fn convert_target(target: Option<&str>, field: &str) -> Result<Value, Error> {
    let converted = to_json(target, field);
    match converted.issues.first() {
        Some(issue) => Err(Error::validation(
            field,
            format!("{field} {}", issue.message),
        )),
        None => Ok(converted.value),
    }
}

/// A browser page: a global `window` with a `document` (workers, Deno and Node have none).
fn is_browser_page() -> bool {
    let global = js_sys::global();
    Reflect::get(&global, &JsValue::from_str("window"))
        .ok()
        .filter(|w| w.is_object())
        .and_then(|w| Reflect::get(&w, &JsValue::from_str("document")).ok())
        .is_some_and(|d| d.is_object())
}
