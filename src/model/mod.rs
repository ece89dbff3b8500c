//! Serde types for every object of the API (API.md), decoded leniently: unknown fields are
//! ignored, documented-nullable fields are `Option`, and nothing here panics on odd input.
//! Helper C: split into lead.rs, task.rs, catalog.rs, page.rs, input.rs as you see fit.
