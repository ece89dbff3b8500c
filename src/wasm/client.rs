//! `RawClient`: the client as the JS shell sees it. One generic `start` serves all ten endpoints
//! (the shell's `SuperfoneClient` gives each its own method): the core validates and builds the
//! request, and the [`Call`] it returns decides every retry while the shell does the I/O.

use crate::endpoint::{prepare, request_headers, Call as Request, ClientConfig, Endpoint};
use crate::error::Error;
use crate::exchange::Exchange;
use crate::json::Value;
use crate::options::{client_options, request_options, ClientOptions};
use crate::retry::RetryPolicy;
use crate::wasm::call::Call;
use crate::wasm::convert::{expect_object_or_absent, to_json};
use crate::wasm::errors;
use js_sys::{Function, Object, Reflect};
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

    /// Starts `endpoint` (a JS method name such as `"getLead"`): `target` is the phone or lead
    /// id, `input` the body or query, `options` the `RequestOptions` (each written by the
    /// shell's `encodeInput`, `undefined` when not given), and `signal` the `signal` taken out of
    /// the options (checked here; the shell then uses it for the waits and attempts).
    /// `iterating` marks one page of an `iterate*` method (`limit` is then allowed in the query),
    /// and `page`, when given, replaces the query's page. Throws the validation `SuperfoneError`
    /// when anything is wrong, before anything is sent.
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
    ) -> Result<Call, JsValue> {
        let inputs = Inputs {
            target: target.as_deref(),
            input: input.as_deref(),
            options: options.as_deref(),
            signal,
        };
        self.begin(endpoint, inputs, iterating, page)
            .map_err(|e| errors::to_js(&e))
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
        let request = prepare(&self.options.config, &call, js_sys::Date::now())?;
        let headers = self.headers[usize::from(request.body.is_some())].clone();
        let policy = RetryPolicy {
            max_retries: overrides.max_retries.unwrap_or(self.options.max_retries),
            ..RetryPolicy::default()
        };
        let timeout_ms = overrides.timeout_ms.unwrap_or(self.options.timeout_ms);
        Ok(Call::new(
            Exchange::new(request, policy),
            headers,
            timeout_ms,
        ))
    }
}

/// What the shell passes to `start`.
struct Inputs<'a> {
    target: Option<&'a str>,
    input: Option<&'a str>,
    options: Option<&'a str>,
    signal: &'a JsValue,
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
