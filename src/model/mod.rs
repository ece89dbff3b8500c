//! Serde types for every object of the API (API.md), decoded leniently: unknown fields are
//! ignored, documented-nullable fields are `Option`, status and type enums stay strings (a new
//! server value must not break decoding), and ids must be numbers ("All ids are numbers").
//! Nothing here panics on odd input: a mismatch is a `serde` error that [`crate::decode`] turns
//! into an [`Error`](crate::Error) of kind `decode`.
//!
//! Where API.md stops short (the Task field types, the catalog rows' nullability), only what is
//! certain is required (`id`, and `title` for catalog rows) and the rest is optional.
//!
//! | type | what it is |
//! |---|---|
//! | [`UpsertLeadInput`], [`Address`], [`Nullable`] | the body of `POST /enterprise/api/lead` |
//! | [`CreateTaskInput`], [`TaskType`] | the body of `POST /enterprise/api/lead/:lead_id/task` |
//! | [`Lead`], [`LeadPhone`], [`AssigneeUser`] | the `data` of Get Lead |
//! | [`Task`] | the `data` of Create Task, the rows of List Tasks |
//! | [`SourceType`], [`Label`], [`LeadStage`], [`LeadGroup`], [`Product`] | catalog rows |
//! | [`Page`] | a paged `data` |
//! | [`Envelope`], [`ErrorEnvelope`], [`AnyObject`] | the wire envelopes |

mod catalog;
mod envelope;
mod input;
mod lead;
pub(crate) mod lenient;
mod nullable;
mod task;

pub use catalog::{Label, LeadGroup, LeadStage, Product, SourceType};
pub use envelope::{AnyObject, Envelope, ErrorEnvelope, Page};
pub use input::{Address, CreateTaskInput, TaskType, UpsertLeadInput};
pub use lead::{AssigneeUser, Lead, LeadPhone};
pub use nullable::Nullable;
pub use task::Task;
