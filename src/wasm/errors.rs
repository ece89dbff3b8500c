//! [`Error`] → the JS `SuperfoneError` (a real class defined by the package's JS shell and
//! registered here when the package loads).

use crate::error::{Body, Error};
use js_sys::{Array, Function, Object, Reflect};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

thread_local! {
    static ERROR_CLASS: RefCell<Option<Function>> = const { RefCell::new(None) };
}

/// Called once by the JS shell with its `SuperfoneError` class; every error is built with it.
#[wasm_bindgen(js_name = __registerErrorClass)]
pub fn register_error_class(class: Function) {
    ERROR_CLASS.with(|c| *c.borrow_mut() = Some(class));
}

/// `new SuperfoneError(message, { kind, status, field, body, retryable })`, or, before the shell
/// registered its class, a plain `Error` with the same properties.
pub fn to_js(err: &Error) -> JsValue {
    let details = Object::new();
    let set = |key: &str, value: JsValue| {
        let _ = Reflect::set(&details, &JsValue::from_str(key), &value);
    };
    set("kind", JsValue::from_str(err.kind.as_str()));
    set("retryable", JsValue::from_bool(err.retryable));
    if let Some(status) = err.status {
        set("status", JsValue::from(status));
    }
    if let Some(field) = &err.field {
        set("field", JsValue::from_str(field));
    }
    if let Some(body) = &err.body {
        set("body", body_to_js(body));
    }
    let message = JsValue::from_str(&err.message);
    let class = ERROR_CLASS.with(|c| c.borrow().clone());
    match class {
        Some(class) => Reflect::construct(&class, &Array::of2(&message, &details))
            .unwrap_or_else(|thrown| thrown),
        None => {
            let plain: JsValue = js_sys::Error::new(&err.message).into();
            let _ = Object::assign(plain.unchecked_ref(), &details);
            plain
        }
    }
}

/// `err.body` for JS: a JSON body through the runtime's own `JSON.parse` (the core checked it, and
/// accepts less than `JSON.parse` does), a non-JSON body as the string kept.
fn body_to_js(body: &Body) -> JsValue {
    match body {
        Body::Json(text) => js_sys::JSON::parse(text).unwrap_or_else(|_| JsValue::from_str(text)),
        Body::Text(text) => JsValue::from_str(text),
    }
}
