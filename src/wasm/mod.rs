//! The wasm-bindgen binding: the only part of the crate that touches JavaScript. It converts
//! values, performs `fetch`, sleeps between retries, honours `AbortSignal`, and turns [`Error`]
//! into the JS `SuperfoneError`. Every decision is made by the core; this layer only carries.
//!
//! The package's JS shell (`pkg-template/shell.js`) wraps [`client::RawClient`] in the public
//! `SuperfoneClient` class and defines `SuperfoneError`, which it registers here at load time.

pub mod client;
pub mod convert;
pub mod errors;
pub mod sync;
pub mod transport;
