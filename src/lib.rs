//! # superfone-crm
//!
//! An SDK for Superfone's CRM Enterprise API (leads by phone number, tasks on leads, and the
//! catalogs of labels, lead stages, lead groups, products and source types).
//!
//! The crate is split the way rustls and quinn-proto are: a *sans-IO core* that knows nothing of
//! JavaScript or the network, and a thin `wasm` binding (compiled for wasm32 only). The binding hands each request to the
//! package's JS shell as data (a `Call`), which performs `fetch` and reports what came back; the
//! core's [`exchange`] decides what that means (done, retry after Δ, or which error).
//!
//! ```text
//! loose input ─► validate ─► endpoint ─► HttpRequest ─► (shell: fetch, timeout, abort, sleep)
//! checked data ◄─ decode ◄─────────────── HttpResponse      retry decides between attempts
//! ```
//!
//! | module | role |
//! |---|---|
//! | [`phone`] | E.164 validation and normalisation |
//! | [`model`] | serde types for every object of the API |
//! | [`validate`] | input checks, every issue with the field it concerns |
//! | [`endpoint`] | the ten endpoints, each described once, turned into an [`endpoint::HttpRequest`] |
//! | [`decode`] | status + body → typed data or [`Error`] |
//! | [`json`](mod@json) | a JSON scanner (checks text without building it, finds a member, reads a string), the small JSON [`json::Value`] inputs become, and the reader of an input as the JS shell writes it ([`json::input`]) |
//! | [`shape`] | the response shapes as data, checked in one scan (what the binding needs) |
//! | [`retry`] | the retry policy: retry after Δ, or give up |
//! | [`error`] | the one error type, with the kinds of the JS `SuperfoneError` |
//! | [`exchange`] | one call from request to result, driving the modules above without doing I/O |

pub mod decode;
pub mod endpoint;
pub mod error;
pub mod exchange;
pub mod json;
pub mod model;
pub mod options;
pub mod phone;
pub mod retry;
pub mod shape;
mod text;
pub mod time;
pub mod validate;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use error::{Error, ErrorKind, ValidationIssue};

#[doc(hidden)]
pub use serde_json as __serde_json;

/// A [`json::Value`] from JSON syntax, as `serde_json::json!` writes it (it is that macro,
/// converted): the way a Rust caller writes the loose input of an [`endpoint::Call`].
///
/// ```
/// use superfone_crm::json;
/// let input = json!({ "customer_phone": "+918000000001", "add_labels": ["VIP"] });
/// assert_eq!(input.to_json(), r#"{"add_labels":["VIP"],"customer_phone":"+918000000001"}"#);
/// ```
#[macro_export]
macro_rules! json {
    ($($json:tt)+) => {
        $crate::json::Value::from($crate::__serde_json::json!($($json)+))
    };
}
