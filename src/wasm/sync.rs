//! The synchronous validators, the same core functions the client runs before every request:
//! `isValidE164`, `normalizePhone`, `validateUpsertLead`, `validateCreateTask`.

use crate::error::Error;
use crate::wasm::convert::{issues_to_js, merge_issues, to_json};
use crate::wasm::errors;
use crate::{phone, validate};
use std::cell::UnsafeCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// `true` when `phone` is in E.164 (`+`, country code and number, digits only). The shell answers
/// `false` for a non-string itself, so the string crosses into wasm in one step.
#[wasm_bindgen(js_name = isValidE164)]
pub fn is_valid_e164(phone: &str) -> bool {
    phone::is_valid_e164(phone)
}

/// Room for the UTF-16 code units of one phone number: every valid one (16 at most) and the usual
/// typing mistakes fit, longer strings take [`is_valid_e164`].
const PHONE_UNITS: usize = 32;

/// A buffer in wasm memory the shell writes a short string's UTF-16 code units into, so that
/// `isValidE164` costs one call with one integer instead of an allocation, a UTF-8 encoding and
/// a free (the call itself is a few nanoseconds; those were most of its cost).
struct PhoneBuffer(UnsafeCell<[u16; PHONE_UNITS]>);

// wasm32 without threads: one thread only, and the shell never re-enters while writing.
unsafe impl Sync for PhoneBuffer {}

static PHONE_BUFFER: PhoneBuffer = PhoneBuffer(UnsafeCell::new([0; PHONE_UNITS]));

/// A `Uint16Array` over the buffer. It goes stale (length 0) when the wasm memory grows; the shell
/// then asks again.
#[wasm_bindgen(js_name = __phoneBuffer)]
pub fn phone_buffer() -> js_sys::Uint16Array {
    // SAFETY: the view aliases a static that lives as long as the module; JS only writes u16s
    // into it, and Rust reads it only in `is_valid_e164_buffered`, after the shell wrote.
    unsafe { js_sys::Uint16Array::view(&*PHONE_BUFFER.0.get()) }
}

/// [`is_valid_e164`] of the first `len` code units the shell wrote into the buffer.
#[wasm_bindgen(js_name = __isValidE164Buffered)]
pub fn is_valid_e164_buffered(len: usize) -> bool {
    // SAFETY: single-threaded, and no JS runs while this reads.
    let units = unsafe { &*PHONE_BUFFER.0.get() };
    phone::is_valid_e164_units(&units[..len.min(PHONE_UNITS)])
}

/// `"+91 80000-00001"` → `"+918000000001"`; throws a `SuperfoneError` (kind `validation`) when
/// the input cannot be made into E.164.
#[wasm_bindgen(js_name = normalizePhone)]
pub fn normalize_phone(input: &JsValue, default_country_code: &JsValue) -> Result<String, JsValue> {
    let Some(input) = input.as_string() else {
        return Err(errors::to_js(&Error::validation(
            "phone",
            "phone must be a string",
        )));
    };
    let cc = if default_country_code.is_undefined() || default_country_code.is_null() {
        None
    } else if let Some(cc) = default_country_code.as_string() {
        Some(cc)
    } else {
        return Err(errors::to_js(&Error::validation(
            "defaultCountryCode",
            "defaultCountryCode must be a string such as \"91\"",
        )));
    };
    phone::normalize_phone(&input, cc.as_deref()).map_err(|e| errors::to_js(&e))
}

/// Every problem with an upsert-lead input (written by the shell's `encodeInput`), `[]` when it
/// may be sent.
#[wasm_bindgen(js_name = validateUpsertLead)]
pub fn validate_upsert_lead(input: Option<String>) -> JsValue {
    let converted = to_json(input.as_deref(), "");
    let issues = validate::validate_upsert_lead(&converted.value);
    issues_to_js(&merge_issues(converted.issues, issues))
}

/// Every problem with a create-task input (written by the shell's `encodeInput`), `[]` when it
/// may be sent; `now` defaults to the clock.
#[wasm_bindgen(js_name = validateCreateTask)]
pub fn validate_create_task(input: Option<String>, now: &JsValue) -> Result<JsValue, JsValue> {
    let now_ms = now_ms(now)?;
    let converted = to_json(input.as_deref(), "");
    let issues = validate::validate_create_task(&converted.value, now_ms);
    Ok(issues_to_js(&merge_issues(converted.issues, issues)))
}

/// `now` as Unix milliseconds: a `Date`, a number of milliseconds, or absent for the clock.
pub fn now_ms(now: &JsValue) -> Result<f64, JsValue> {
    if now.is_undefined() || now.is_null() {
        return Ok(js_sys::Date::now());
    }
    let ms = match now.dyn_ref::<js_sys::Date>() {
        Some(date) => date.get_time(),
        None => now.as_f64().unwrap_or(f64::NAN),
    };
    if ms.is_finite() {
        Ok(ms)
    } else {
        Err(errors::to_js(&Error::validation(
            "now",
            "now must be a valid Date",
        )))
    }
}
