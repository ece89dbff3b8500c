//! `RawClient`: the client as the JS shell sees it. One generic `call` serves all ten endpoints
//! (the shell's `SuperfoneClient` gives each its own method); the core validates, builds the
//! request and decides every retry, and this file only carries values and drives the transport.

use crate::endpoint::{prepare, Call, Endpoint};
use crate::error::Error;
use crate::exchange::{Exchange, Step};
use crate::options::{client_options, request_options, ClientOptions};
use crate::retry::RetryPolicy;
use crate::wasm::convert::{expect_object_or_absent, get_prop, to_json};
use crate::wasm::{errors, transport};
use js_sys::{Function, Promise, Reflect};
use serde_json::Value;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::future_to_promise;
use web_sys::AbortSignal;

/// The configured client. Holds the API key; never hands it back to JS.
#[wasm_bindgen]
pub struct RawClient {
    options: Rc<ClientOptions>,
    fetch: Option<Function>,
}

#[wasm_bindgen]
impl RawClient {
    /// Checks `options` (see `ClientOptions` in JS-API.md) and refuses browser pages unless
    /// `dangerouslyAllowBrowser` is set.
    #[wasm_bindgen(constructor)]
    pub fn new(options: &JsValue) -> Result<RawClient, JsValue> {
        Self::build(options).map_err(|e| errors::to_js(&e))
    }

    /// The base URL requests go to (never the key).
    #[wasm_bindgen(getter, js_name = baseUrl)]
    pub fn base_url(&self) -> String {
        self.options.config.base_url().to_owned()
    }

    /// Performs `endpoint` (a JS method name such as `"getLead"`): `target` is the phone or lead
    /// id, `input` the body or query, `options` the `RequestOptions`. `iterating` marks one page
    /// of an `iterate*` method (`limit` is then allowed in the query), and `page`, when given,
    /// replaces the query's page.
    pub fn call(
        &self,
        endpoint: &str,
        target: JsValue,
        input: JsValue,
        options: JsValue,
        iterating: bool,
        page: Option<u32>,
    ) -> Promise {
        match self.start(endpoint, &target, &input, &options, iterating, page) {
            Ok((exchange, signal, timeout_ms)) => {
                let fetch = self.fetch.clone();
                future_to_promise(drive(exchange, fetch, signal, timeout_ms))
            }
            Err(err) => Promise::reject(&errors::to_js(&err)),
        }
    }
}

impl RawClient {
    fn build(options: &JsValue) -> Result<RawClient, Error> {
        expect_object_or_absent(options, "options")?;
        let fetch = match get_prop(options, "fetch") {
            None => None,
            Some(f) => Some(f.dyn_into::<Function>().map_err(|_| {
                Error::validation(
                    "fetch",
                    "fetch must be a function (request: Request) => Promise<Response>",
                )
            })?),
        };
        let converted = to_json(options, "", &["fetch"]);
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
        Ok(RawClient {
            options: Rc::new(options),
            fetch,
        })
    }

    /// Everything up to the first send: validation, the request, the per-call options.
    fn start(
        &self,
        endpoint: &str,
        target: &JsValue,
        input: &JsValue,
        options: &JsValue,
        iterating: bool,
        page: Option<u32>,
    ) -> Result<(Exchange, Option<AbortSignal>, f64), Error> {
        let endpoint = Endpoint::from_name(endpoint).ok_or_else(|| {
            Error::validation("endpoint", format!("no endpoint named {endpoint}"))
        })?;
        expect_object_or_absent(options, "options")?;
        let signal = match get_prop(options, "signal") {
            None => None,
            Some(s) => Some(
                s.dyn_into::<AbortSignal>()
                    .map_err(|_| Error::validation("signal", "signal must be an AbortSignal"))?,
            ),
        };
        let converted = to_json(options, "", &["signal"]);
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
        let call = Call {
            endpoint,
            lead_id,
            phone,
            input,
            allow_limit: iterating,
        };
        let request = prepare(&self.options.config, &call, js_sys::Date::now())?;
        let policy = RetryPolicy {
            max_retries: overrides.max_retries.unwrap_or(self.options.max_retries),
            ..RetryPolicy::default()
        };
        let timeout_ms = overrides.timeout_ms.unwrap_or(self.options.timeout_ms);
        Ok((Exchange::new(request, policy), signal, timeout_ms))
    }
}

/// The body or query as JSON; for a page of an iteration, with that `page` set.
fn convert_input(input: &JsValue, page: Option<u32>) -> Result<Option<Value>, Error> {
    let converted = to_json(input, "", &[]);
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
fn convert_target(target: &JsValue, field: &str) -> Result<Value, Error> {
    let converted = to_json(target, field, &[]);
    match converted.issues.first() {
        Some(issue) => Err(Error::validation(
            field,
            format!("{field} {}", issue.message),
        )),
        None => Ok(converted.value),
    }
}

/// Sends, and resends while the core says so; resolves to the response's `data`.
async fn drive(
    mut exchange: Exchange,
    fetch: Option<Function>,
    signal: Option<AbortSignal>,
    timeout_ms: f64,
) -> Result<JsValue, JsValue> {
    loop {
        let sent = transport::send(
            exchange.request(),
            fetch.as_ref(),
            signal.as_ref(),
            timeout_ms,
        )
        .await;
        let (now, jitter) = (js_sys::Date::now(), js_sys::Math::random());
        let step = match sent {
            Ok(received) => {
                let status = received.status;
                let retry_after = received.retry_after.as_deref();
                match exchange.on_response(status, retry_after, &received.body, now, jitter) {
                    Step::Done => return received.data().map_err(|_| errors::to_js(&unparsable())),
                    step => step,
                }
            }
            Err(failure) => exchange.on_failure(failure, now, jitter),
        };
        let after_ms = match step {
            Step::Retry { after_ms } => after_ms,
            Step::Fail(err) => return Err(errors::to_js(&err)),
            Step::Done => return Err(errors::to_js(&unparsable())),
        };
        if let Err(aborted) = transport::sleep(after_ms, signal.as_ref()).await {
            if let Step::Fail(err) = exchange.on_failure(aborted, js_sys::Date::now(), 0.0) {
                return Err(errors::to_js(&err));
            }
        }
    }
}

/// The core accepted a body the runtime's `JSON.parse` then refused (or a step without one).
fn unparsable() -> Error {
    Error::new(
        crate::error::ErrorKind::Decode,
        "the response body could not be parsed",
    )
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
