//! The wasm-bindgen binding.
