//! The ten endpoints, each described once (method, path, query, body, response, retry safety),
//! and `prepare`, which turns a caller's loose input into a validated [`HttpRequest`].

use crate::error::Error;
use serde_json::Value;

/// Superfone's production base URL; every path is appended to it.
pub const DEFAULT_BASE_URL: &str = "https://prod-api.superfone.co.in/superfone";

/// HTTP method.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
}

/// The five read-only catalogs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Catalog {
    SourceTypes,
    Labels,
    LeadStages,
    LeadGroups,
    Products,
}

/// One of the ten endpoints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Endpoint {
    UpsertLead,
    GetLead,
    CreateTask,
    CompleteTask,
    ListTasks,
    List(Catalog),
}

/// A call as a caller makes it; the loose parts are JSON values that `prepare` validates.
/// `input` is the body (upsert, create task) or the query (lists); absent or `Null` means none.
#[derive(Debug, Clone, PartialEq)]
pub struct Call {
    pub endpoint: Endpoint,
    pub lead_id: Option<Value>,
    pub phone: Option<Value>,
    pub input: Option<Value>,
    /// Admit the `limit` key in a list query (the `iterate*` methods strip it before sending).
    pub allow_limit: bool,
}

/// A request ready to send. `Debug` never shows the API key.
#[derive(Clone, PartialEq)]
pub struct HttpRequest {
    pub endpoint: Endpoint,
    pub method: Method,
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: Option<String>,
    /// Whether sending it twice is harmless (a blind retry after it may have reached the server).
    pub retry_safe: bool,
}

/// The validated client configuration. `Debug` never shows the API key.
#[derive(Clone)]
pub struct ClientConfig {
    _todo: (),
}

/// Builds the request for `call`, running every validation first (`now_ms`: Unix ms, for task dates).
pub fn prepare(config: &ClientConfig, call: &Call, now_ms: f64) -> Result<HttpRequest, Error> {
    let _ = (config, call, now_ms);
    todo!("helper C")
}
