//! The wasm-bindgen binding: the only part of the crate that touches JavaScript. It takes each
//! input as the text the JS shell wrote (`encodeInput`, read by [`crate::json::input`]: one
//! crossing per input), hands the shell each request as data and takes back what the runtime's
//! `fetch` returned, and turns [`Error`] into the JS `SuperfoneError`. Every decision is made by
//! the core; this layer only carries.
//!
//! The JS shell (`pkg-template/shell.js`) wraps [`client::RawClient`] in the public
//! `SuperfoneClient` class, performs the I/O each [`call::Call`] asks for (fetch with a timeout
//! and the caller's `AbortSignal`, the waits between retries) and defines `SuperfoneError`, which
//! it registers here at load time.
//!
//! [`Error`]: crate::error::Error

pub mod call;
pub mod client;
pub mod convert;
pub mod errors;
pub mod sync;
