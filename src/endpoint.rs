//! The ten endpoints, each described once (method, path, query, body, response, retry safety),
//! and `prepare`, which turns a caller's loose input into a validated [`HttpRequest`].
//!
//! The pipeline has two steps, both public so each can be used and tested alone:
//! [`check`] runs the validators and yields typed [`Parts`]; [`build_request`] turns `Parts`
//! into the URL, headers and body. [`prepare`] is the two in a row.
//!
//! ```
//! use superfone_crm::endpoint::{build_request, ClientConfig, Endpoint, Method, Parts};
//!
//! let config = ClientConfig::new("key-123", None, None, vec![]).unwrap();
//! let parts = Parts { query: vec![("phone", "+918000000001".into())], ..Parts::default() };
//! let request = build_request(&config, Endpoint::GetLead, &parts).unwrap();
//! assert_eq!(request.method, Method::Get);
//! assert_eq!(
//!     request.url,
//!     "https://prod-api.superfone.co.in/superfone/enterprise/api/lead?phone=%2B918000000001"
//! );
//! assert!(request.retry_safe);
//! assert!(!format!("{request:?}").contains("key-123"));
//! ```

use crate::error::{Error, ErrorKind, ValidationIssue};
use crate::json::Value;
use crate::model::{CreateTaskInput, UpsertLeadInput};
use crate::validate::{self, QueryKind};
use std::fmt;
use std::net::{Ipv4Addr, Ipv6Addr};

/// Superfone's production base URL; every path is appended to it.
pub const DEFAULT_BASE_URL: &str = "https://prod-api.superfone.co.in/superfone";

/// The SDK's own user agent: `superfone-crm/<version>`.
pub const USER_AGENT: &str = concat!("superfone-crm/", env!("CARGO_PKG_VERSION"));

/// HTTP method.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
}

impl Method {
    /// `"GET"` or `"POST"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
        }
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
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

/// What a call carries besides its path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// Nothing (Complete Task).
    Nothing,
    /// `?phone=` (Get Lead).
    LookupPhone,
    /// A page query of this kind (the list endpoints); `limit` is admitted for `iterate*` and
    /// never sent.
    Query(QueryKind),
    /// A JSON [`UpsertLeadInput`] body.
    UpsertLeadBody,
    /// A JSON [`CreateTaskInput`] body.
    CreateTaskBody,
}

/// What the `data` of a 2xx response must decode as (see [`crate::decode::check_response`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Response {
    /// Any JSON object: API.md does not show the shape (upsert, complete task).
    AnyObject,
    /// A [`Lead`](crate::model::Lead).
    Lead,
    /// A [`Task`](crate::model::Task).
    Task,
    /// A [`Page`](crate::model::Page) of tasks.
    TaskPage,
    /// A page of rows of this catalog.
    CatalogPage(Catalog),
}

/// Whether sending a request twice is harmless, which decides whether it may be retried
/// *blindly*: after a timeout or a network error, or a 5xx, when there is no way to know whether
/// the first attempt took effect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetrySafety {
    /// Reads: a repeat changes nothing.
    Always,
    /// Writes that act once per request: a repeat could act twice.
    Never,
    /// Create or Update Lead: setting fields to the same values again is harmless, and a
    /// create-if-missing repeat finds the lead the first attempt created and updates it. But
    /// `customer_note` appends a note to the timeline on every request, so a repeat would
    /// duplicate the note: an upsert with a note is not retry-safe.
    ///
    /// One residual risk is accepted: a create-if-missing upsert that timed out but is still
    /// running on the server when the retry arrives could race it into a second lead with the
    /// same phone. The backoff makes that unlikely, and a caller repeating the call by hand
    /// would race the same way.
    UnlessCustomerNote,
}

/// The description of one endpoint: one row of the table in [`Endpoint::spec`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spec {
    /// The JS method name (`getLead`, …).
    pub name: &'static str,
    pub method: Method,
    /// The path below the base URL; `:lead_id` is a path parameter.
    pub path: &'static str,
    pub input: Input,
    pub response: Response,
    pub retry: RetrySafety,
}

impl Endpoint {
    /// All ten, in the order of the JS API.
    pub const ALL: [Endpoint; 10] = [
        Endpoint::UpsertLead,
        Endpoint::GetLead,
        Endpoint::CreateTask,
        Endpoint::CompleteTask,
        Endpoint::ListTasks,
        Endpoint::List(Catalog::SourceTypes),
        Endpoint::List(Catalog::Labels),
        Endpoint::List(Catalog::LeadStages),
        Endpoint::List(Catalog::LeadGroups),
        Endpoint::List(Catalog::Products),
    ];

    /// The endpoint table: everything the SDK knows about each endpoint, in one place.
    #[rustfmt::skip]
    pub fn spec(self) -> &'static Spec {
        use Input::*;
        use Method::*;
        use RetrySafety::*;
        const LEAD: &str = "/enterprise/api/lead";
        const TASKS: &str = "/enterprise/api/lead/:lead_id/task";
        match self {
            Endpoint::UpsertLead => &Spec { name: "upsertLead", method: Post, path: LEAD, input: UpsertLeadBody, response: Response::AnyObject, retry: UnlessCustomerNote },
            Endpoint::GetLead => &Spec { name: "getLead", method: Get, path: LEAD, input: LookupPhone, response: Response::Lead, retry: Always },
            Endpoint::CreateTask => &Spec { name: "createTask", method: Post, path: TASKS, input: CreateTaskBody, response: Response::Task, retry: Never },
            Endpoint::CompleteTask => &Spec { name: "completeTask", method: Post, path: "/enterprise/api/lead/:lead_id/task/complete", input: Nothing, response: Response::AnyObject, retry: Never },
            Endpoint::ListTasks => &Spec { name: "listTasks", method: Get, path: TASKS, input: Query(QueryKind::Tasks), response: Response::TaskPage, retry: Always },
            Endpoint::List(Catalog::SourceTypes) => &Spec { name: "listSourceTypes", method: Get, path: "/enterprise/api/source-type", input: Query(QueryKind::Catalog), response: Response::CatalogPage(Catalog::SourceTypes), retry: Always },
            Endpoint::List(Catalog::Labels) => &Spec { name: "listLabels", method: Get, path: "/enterprise/api/label", input: Query(QueryKind::Catalog), response: Response::CatalogPage(Catalog::Labels), retry: Always },
            Endpoint::List(Catalog::LeadStages) => &Spec { name: "listLeadStages", method: Get, path: "/enterprise/api/lead-stage", input: Query(QueryKind::Catalog), response: Response::CatalogPage(Catalog::LeadStages), retry: Always },
            Endpoint::List(Catalog::LeadGroups) => &Spec { name: "listLeadGroups", method: Get, path: "/enterprise/api/lead-group", input: Query(QueryKind::Catalog), response: Response::CatalogPage(Catalog::LeadGroups), retry: Always },
            Endpoint::List(Catalog::Products) => &Spec { name: "listProducts", method: Get, path: "/enterprise/api/product", input: Query(QueryKind::Catalog), response: Response::CatalogPage(Catalog::Products), retry: Always },
        }
    }

    /// The JS method name: `upsertLead`, `getLead`, `createTask`, `completeTask`, `listTasks`,
    /// `listSourceTypes`, `listLabels`, `listLeadStages`, `listLeadGroups`, `listProducts`.
    pub fn name(self) -> &'static str {
        self.spec().name
    }

    /// The endpoint whose JS method name is `name`.
    ///
    /// ```
    /// use superfone_crm::endpoint::{Catalog, Endpoint};
    /// assert_eq!(Endpoint::from_name("listLabels"), Some(Endpoint::List(Catalog::Labels)));
    /// assert_eq!(Endpoint::from_name("deleteLead"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<Endpoint> {
        Endpoint::ALL.into_iter().find(|e| e.name() == name)
    }

    pub fn method(self) -> Method {
        self.spec().method
    }

    /// The path below the base URL, as API.md writes it (`/enterprise/api/lead/:lead_id/task`).
    pub fn path_template(self) -> &'static str {
        self.spec().path
    }

    pub fn input(self) -> Input {
        self.spec().input
    }

    pub fn response(self) -> Response {
        self.spec().response
    }

    /// Whether the path has a `:lead_id` parameter (a test holds this to the table's paths;
    /// a match, not a substring search, as it is asked on every call).
    pub fn takes_lead_id(self) -> bool {
        matches!(
            self,
            Endpoint::CreateTask | Endpoint::CompleteTask | Endpoint::ListTasks
        )
    }
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

impl Call {
    /// A call of `endpoint` with nothing set yet.
    pub fn new(endpoint: Endpoint) -> Self {
        Call {
            endpoint,
            lead_id: None,
            phone: None,
            input: None,
            allow_limit: false,
        }
    }

    /// For a page of an iteration (`allow_limit`), the page it asks for: the query's `page`, or
    /// the first. A good response must be that page (see `Exchange::expecting_page`).
    pub fn iteration_page(&self) -> Option<u64> {
        self.allow_limit.then(|| {
            self.input
                .as_ref()
                .and_then(|q| q.get("page"))
                .and_then(Value::as_u64)
                .unwrap_or(1)
        })
    }

    pub fn with_lead_id(mut self, lead_id: impl Into<Value>) -> Self {
        self.lead_id = Some(lead_id.into());
        self
    }

    pub fn with_phone(mut self, phone: impl Into<Value>) -> Self {
        self.phone = Some(phone.into());
        self
    }

    pub fn with_input(mut self, input: impl Into<Value>) -> Self {
        self.input = Some(input.into());
        self
    }

    /// Admit `limit` in the query (for the `iterate*` methods).
    pub fn allowing_limit(mut self) -> Self {
        self.allow_limit = true;
        self
    }
}

/// A request body: typed (for Rust callers building requests themselves), or the caller's own
/// JSON once [`check`] has validated it against the endpoint's documented fields.
///
/// [`check`] keeps the validated JSON rather than decoding it into the typed struct: the
/// validators admit exactly the typed structs' fields and values (`tests/core_validate.rs`
/// proves that the two serialize alike), and skipping the round trip keeps serde's decoding
/// machinery out of the .wasm.
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    UpsertLead(Box<UpsertLeadInput>),
    CreateTask(CreateTaskInput),
    /// Validated JSON of the endpoint's body type.
    Checked(Value),
}

/// The checked, typed parts of a call: what [`check`] yields once validation passed, and what
/// [`build_request`] needs.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Parts {
    /// The `:lead_id` path parameter.
    pub lead_id: Option<u64>,
    /// Query parameters, in order, not yet encoded.
    pub query: Vec<(&'static str, String)>,
    pub body: Option<Body>,
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

impl fmt::Debug for HttpRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HttpRequest")
            .field("endpoint", &self.endpoint)
            .field("method", &self.method)
            .field("url", &self.url)
            .field("headers", &RedactedHeaders(&self.headers))
            .field("body", &self.body)
            .field("retry_safe", &self.retry_safe)
            .finish()
    }
}

/// The validated client configuration. `Debug` never shows the API key.
#[derive(Clone, PartialEq, Eq)]
pub struct ClientConfig {
    api_key: String,
    base_url: String,
    user_agent: String,
    extra_headers: Vec<(String, String)>,
}

impl fmt::Debug for ClientConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientConfig")
            .field("api_key", &format_args!("[redacted]"))
            .field("base_url", &self.base_url)
            .field("user_agent", &self.user_agent)
            .field("extra_headers", &RedactedHeaders(&self.extra_headers))
            .finish()
    }
}

/// Headers as `name: value`, with the value of `x-api-key` and of anything that looks like a
/// credential (`authorization`, `cookie`, names with `key`, `token`, `secret` or `auth`) hidden.
struct RedactedHeaders<'a>(&'a [(String, String)]);

impl fmt::Debug for RedactedHeaders<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut list = f.debug_list();
        for (name, value) in self.0 {
            let lower = name.to_ascii_lowercase();
            let secret = [
                "key", "token", "secret", "auth", "cookie", "session", "password",
            ]
            .iter()
            .any(|s| lower.contains(s));
            if secret {
                list.entry(&format_args!("{name}: [redacted]"));
            } else {
                list.entry(&format_args!("{name}: {value}"));
            }
        }
        list.finish()
    }
}

impl ClientConfig {
    /// Checks and keeps the client options.
    ///
    /// - `api_key` (field `apiKey`): non-empty, visible ASCII with inner spaces only (what an
    ///   HTTP header value can carry unchanged). Errors never include the key.
    /// - `base_url` (field `baseUrl`, default [`DEFAULT_BASE_URL`]): `https://` for any host,
    ///   `http://` only for loopback (`localhost`, `127.0.0.0/8`, `[::1]`); no user info, query
    ///   or fragment; a trailing `/` makes no difference.
    /// - `user_agent_suffix` (field `userAgent`): appended to [`USER_AGENT`] after a space.
    /// - `extra_headers` (field `headers.<name>`): names are HTTP tokens, values have no CR, LF,
    ///   NUL or characters beyond U+00FF (which `fetch` refuses); `x-api-key`, `content-type`,
    ///   `accept` and `user-agent` are the SDK's own and cannot be overridden here. Names are
    ///   kept lowercased.
    ///
    /// Every problem is reported at once (as [`Error::from_issues`]).
    ///
    /// ```
    /// use superfone_crm::endpoint::ClientConfig;
    ///
    /// let config = ClientConfig::new("k", Some("http://localhost:4010/superfone/"), Some("my-app/1.0"), vec![]).unwrap();
    /// assert_eq!(config.base_url(), "http://localhost:4010/superfone");
    /// assert!(config.user_agent().ends_with(" my-app/1.0"));
    ///
    /// let err = ClientConfig::new("k", Some("http://api.example.com"), None, vec![]).unwrap_err();
    /// assert_eq!(err.field.as_deref(), Some("baseUrl"));
    /// ```
    pub fn new(
        api_key: &str,
        base_url: Option<&str>,
        user_agent_suffix: Option<&str>,
        extra_headers: Vec<(String, String)>,
    ) -> Result<ClientConfig, Error> {
        Self::check(api_key, base_url, user_agent_suffix, extra_headers)
            .map_err(|issues| Error::from_issues(&issues))
    }

    /// [`ClientConfig::new`], with the problems as a list (to merge with other option checks).
    pub fn check(
        api_key: &str,
        base_url: Option<&str>,
        user_agent_suffix: Option<&str>,
        extra_headers: Vec<(String, String)>,
    ) -> Result<ClientConfig, Vec<ValidationIssue>> {
        let mut issues = Vec::new();
        if let Err(message) = check_api_key(api_key) {
            issues.push(ValidationIssue::new("apiKey", message));
        }
        let base_url = match normalize_base_url(base_url.unwrap_or(DEFAULT_BASE_URL)) {
            Ok(url) => url,
            Err(message) => {
                issues.push(ValidationIssue::new("baseUrl", message));
                String::new()
            }
        };
        let mut user_agent = USER_AGENT.to_owned();
        if let Some(suffix) = user_agent_suffix.map(str::trim).filter(|s| !s.is_empty()) {
            match check_header_value(suffix) {
                Ok(()) => {
                    user_agent.push(' ');
                    user_agent.push_str(suffix);
                }
                Err(message) => issues.push(ValidationIssue::new("userAgent", message)),
            }
        }
        let mut headers = Vec::with_capacity(extra_headers.len());
        for (name, value) in extra_headers {
            let field = format!("headers.{name}");
            let lower = name.to_ascii_lowercase();
            if let Err(message) = check_header_name(&lower) {
                issues.push(ValidationIssue::new(field, message));
            } else if let Some(message) = reserved_header(&lower) {
                issues.push(ValidationIssue::new(field, message));
            } else if let Some(message) = transport_header(&lower) {
                issues.push(ValidationIssue::new(field, message));
            } else if headers.iter().any(|(seen, _)| *seen == lower) {
                issues.push(ValidationIssue::new(
                    field,
                    "is given twice (header names are the same whatever their case)",
                ));
            } else if let Err(message) = check_header_value(&value) {
                issues.push(ValidationIssue::new(field, message));
            } else {
                headers.push((lower, value));
            }
        }
        if !issues.is_empty() {
            return Err(issues);
        }
        Ok(ClientConfig {
            api_key: api_key.to_owned(),
            base_url,
            user_agent,
            extra_headers: headers,
        })
    }

    /// The API key, for the `x-api-key` header.
    pub fn api_key(&self) -> &str {
        &self.api_key
    }

    /// The normalised base URL: scheme and host lowercased, no trailing `/`.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// `superfone-crm/<version>`, then the caller's suffix after a space if one was given.
    pub fn user_agent(&self) -> &str {
        &self.user_agent
    }

    /// The caller's extra headers, names lowercased, in the order given.
    pub fn extra_headers(&self) -> &[(String, String)] {
        &self.extra_headers
    }
}

/// The longest header value (key, user agent, extra headers) the SDK sends. Servers commonly
/// refuse request headers past 8 KB in all (HTTP 431); nothing legitimate comes near this.
pub const MAX_HEADER_VALUE_CHARS: usize = 4096;

fn check_api_key(key: &str) -> Result<(), String> {
    if key.is_empty() {
        return Err("is required (the x-api-key from the Superfone dashboard)".into());
    }
    if key.len() > MAX_HEADER_VALUE_CHARS {
        return Err(format!(
            "is {} characters long; an x-api-key is far shorter (at most {MAX_HEADER_VALUE_CHARS}: copy the key again)",
            key.chars().count()
        ));
    }
    if let Some(pos) = key.chars().position(|c| !(' '..='~').contains(&c)) {
        return Err(format!(
            "contains a character an HTTP header cannot carry at position {} of {} (a line break, \
             a control character or a non-ASCII character; copy the key again)",
            pos + 1,
            key.chars().count()
        ));
    }
    if key.starts_with(' ') || key.ends_with(' ') {
        return Err("starts or ends with a space (copy the key again)".into());
    }
    Ok(())
}

/// An HTTP token (RFC 9110 §5.6.2), the only thing a header name may be.
fn check_header_name(name: &str) -> Result<(), String> {
    let is_tchar = |b: u8| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b);
    if name.is_empty() {
        Err("is not a valid header name: it is empty".into())
    } else if !name.bytes().all(is_tchar) {
        Err(
            "is not a valid header name: only letters, digits and !#$%&'*+-.^_`|~ are allowed"
                .into(),
        )
    } else {
        Ok(())
    }
}

fn reserved_header(lower: &str) -> Option<&'static str> {
    match lower {
        "x-api-key" => Some("cannot be set here: the SDK sends x-api-key from the apiKey option"),
        "content-type" => Some("cannot be set here: the SDK sends JSON bodies as application/json"),
        "accept" => Some("cannot be set here: the SDK always asks for application/json"),
        "user-agent" => {
            Some("cannot be set here: use the userAgent option, which is appended to the SDK's own")
        }
        _ => None,
    }
}

/// Headers of the connection and the message framing that `fetch` owns: Node's refuses the
/// first four (the call would fail as a network error, retried) and drops or ignores the last
/// two. `connection: close`, `te` or `accept-encoding: identity` go through, and are allowed.
fn transport_header(lower: &str) -> Option<&'static str> {
    matches!(
        lower,
        "keep-alive" | "expect" | "upgrade" | "transfer-encoding" | "host" | "content-length"
    )
    .then_some(
        "cannot be set: fetch owns the message framing and the host (it refuses or drops them)",
    )
}

/// What `fetch` accepts in a header value: no control character but a tab, nothing beyond
/// Latin-1. The value itself is never quoted back (it may be a credential).
fn check_header_value(value: &str) -> Result<(), String> {
    if value.len() > MAX_HEADER_VALUE_CHARS {
        Err(format!(
            "is longer than {MAX_HEADER_VALUE_CHARS} characters, more than a header should carry"
        ))
    } else if value.contains(['\r', '\n', '\0']) {
        Err("contains a line break or NUL, which a header value cannot carry".into())
    } else if value
        .chars()
        .any(|c| (c < ' ' && c != '\t') || c == '\u{7f}')
    {
        Err("contains a control character, which fetch refuses in a header value".into())
    } else if value.chars().any(|c| c > '\u{ff}') {
        Err("contains a character beyond U+00FF, which fetch cannot send in a header".into())
    } else {
        Ok(())
    }
}

/// `https://host[:port][/path]`, or `http://` for a loopback host. Returns the URL with scheme
/// and host lowercased and trailing slashes removed. The URL is not quoted back in errors (it
/// could carry a credential in user info or in a query).
fn normalize_base_url(url: &str) -> Result<String, String> {
    const EXPECTED: &str = "must be https://host[:port][/path], or http:// for a loopback host";
    if url.is_empty() {
        return Err(format!("is empty; it {EXPECTED}"));
    }
    if url
        .chars()
        .any(|c| c.is_ascii_whitespace() || c.is_control())
    {
        return Err(format!(
            "contains whitespace or a control character; it {EXPECTED}"
        ));
    }
    if !url.is_ascii() {
        return Err(format!(
            "contains non-ASCII characters; percent-encode them or use the punycode host name; it {EXPECTED}"
        ));
    }
    let lower = url.to_ascii_lowercase();
    let (https, rest) = if lower.starts_with("https://") {
        (true, &url[8..])
    } else if lower.starts_with("http://") {
        (false, &url[7..])
    } else {
        return Err(format!("has no https:// scheme; it {EXPECTED}"));
    };
    if url.contains('?') {
        return Err("has a query string (`?…`); give the base URL only".into());
    }
    if url.contains('#') {
        return Err("has a fragment (`#…`); give the base URL only".into());
    }
    let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    if authority.contains('@') {
        return Err(
            "has user info (`user@`); put credentials in apiKey or headers, not in the URL".into(),
        );
    }
    let (host, port) = split_host_port(authority)?;
    if let Some(port) = port {
        let ok = !port.is_empty()
            && port.len() <= 5
            && port.bytes().all(|b| b.is_ascii_digit())
            && matches!(port.parse::<u32>(), Ok(1..=65535));
        if !ok {
            return Err("has an invalid port (expected 1 to 65535)".into());
        }
    }
    let host = host.to_ascii_lowercase();
    if !https && !is_loopback(&host) {
        return Err(
            "uses http:// with a host that is not loopback; use https:// (http:// is only for \
             localhost, 127.0.0.0/8 and [::1])"
                .into(),
        );
    }
    check_base_path(path)?;
    let mut out = String::with_capacity(url.len());
    out.push_str(if https { "https://" } else { "http://" });
    out.push_str(&host);
    if let Some(port) = port {
        out.push(':');
        out.push_str(port);
    }
    out.push_str(path.trim_end_matches('/'));
    Ok(out)
}

fn split_host_port(authority: &str) -> Result<(&str, Option<&str>), String> {
    if authority.is_empty() {
        return Err("has no host".into());
    }
    if let Some(inner) = authority.strip_prefix('[') {
        let Some(end) = inner.find(']') else {
            return Err("has an IPv6 host without its closing `]`".into());
        };
        if inner[..end].parse::<Ipv6Addr>().is_err() {
            return Err("has an invalid IPv6 host".into());
        }
        let host = &authority[..end + 2];
        return match &authority[end + 2..] {
            "" => Ok((host, None)),
            after => match after.strip_prefix(':') {
                Some(port) => Ok((host, Some(port))),
                None => Err("has characters after its IPv6 host".into()),
            },
        };
    }
    let (host, port) = match authority.split_once(':') {
        Some((h, p)) => (h, Some(p)),
        None => (authority, None),
    };
    let valid = |b: u8| b.is_ascii_alphanumeric() || b == b'-' || b == b'.' || b == b'_';
    if host.is_empty() || !host.bytes().all(valid) || host.starts_with('.') || host.contains("..") {
        return Err("has an invalid host name".into());
    }
    // A host whose last label is a number is an IPv4 address to `fetch`'s URL parser (WHATWG),
    // which refuses `999.1.1.1` or `example.123` only when the call is made; here, at once.
    let bytes = host.as_bytes();
    let bytes = bytes.strip_suffix(b".").unwrap_or(bytes);
    let last = &bytes[bytes.iter().rposition(|&b| b == b'.').map_or(0, |i| i + 1)..];
    let numeric = match last {
        [b'0', b'x' | b'X', hex @ ..] => hex.iter().all(u8::is_ascii_hexdigit),
        digits => !digits.is_empty() && digits.iter().all(u8::is_ascii_digit),
    };
    // `bytes` is `host` without a trailing dot (ASCII: checked above), which an address may have.
    if numeric && host[..bytes.len()].parse::<Ipv4Addr>().is_err() {
        return Err(
            "has a host that ends in a number but is not an IPv4 address (four numbers 0-255)"
                .into(),
        );
    }
    Ok((host, port))
}

/// `localhost`, `127.0.0.0/8`, or the IPv6 loopback (`[::1]`).
fn is_loopback(host: &str) -> bool {
    if host == "localhost" {
        return true;
    }
    if let Some(v6) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        return v6.parse::<Ipv6Addr>().is_ok_and(|a| a.is_loopback());
    }
    host.parse::<Ipv4Addr>().is_ok_and(|a| a.is_loopback())
}

/// Path characters of RFC 3986 (`pchar` and `/`), with `%` only as a `%XX` escape.
fn check_base_path(path: &str) -> Result<(), String> {
    let bytes = path.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'%' {
            let hex = bytes.get(i + 1..i + 3);
            if !hex.is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit)) {
                return Err("has a `%` in its path that is not a %XX escape".into());
            }
            i += 3;
            continue;
        }
        if !(is_unreserved(b) || b"!$&'()*+,;=:@/".contains(&b)) {
            return Err(format!(
                "has a character its path cannot carry unescaped: {}",
                crate::text::quote_char(b as char)
            ));
        }
        i += 1;
    }
    Ok(())
}

fn is_unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~')
}

/// Percent-encodes every byte of `s` except RFC 3986's unreserved characters
/// (`A–Z a–z 0–9 - . _ ~`), so the result can sit in a path segment or a query component and
/// never be read as a delimiter.
///
/// ```
/// use superfone_crm::endpoint::percent_encode;
/// assert_eq!(percent_encode("+918000000001"), "%2B918000000001");
/// assert_eq!(percent_encode("a&b=c#d e/f"), "a%26b%3Dc%23d%20e%2Ff");
/// assert_eq!(percent_encode("é"), "%C3%A9");
/// ```
pub fn percent_encode(s: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if is_unreserved(b) {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 0xf)] as char);
        }
    }
    out
}

/// `base_url` + the path of `template`, each `:name` segment replaced by the percent-encoded
/// value of that parameter, + `?k=v&…` with keys and values percent-encoded (no `?` at all when
/// `query` is empty). A template parameter missing from `path_params` is left as written.
///
/// ```
/// use superfone_crm::endpoint::build_url;
/// let url = build_url(
///     "https://h/x",
///     "/enterprise/api/lead/:lead_id/task",
///     &[("lead_id", "42")],
///     &[("page", "2")],
/// );
/// assert_eq!(url, "https://h/x/enterprise/api/lead/42/task?page=2");
/// ```
pub fn build_url(
    base_url: &str,
    template: &str,
    path_params: &[(&str, &str)],
    query: &[(&str, &str)],
) -> String {
    let mut url = String::with_capacity(base_url.len() + template.len() + 32);
    url.push_str(base_url.trim_end_matches('/'));
    for segment in template.split('/').filter(|s| !s.is_empty()) {
        url.push('/');
        let param = segment
            .strip_prefix(':')
            .and_then(|name| path_params.iter().find(|(n, _)| *n == name));
        match param {
            Some((_, value)) => url.push_str(&percent_encode(value)),
            None => url.push_str(segment),
        }
    }
    for (i, (key, value)) in query.iter().enumerate() {
        url.push(if i == 0 { '?' } else { '&' });
        url.push_str(&percent_encode(key));
        url.push('=');
        url.push_str(&percent_encode(value));
    }
    url
}

/// The query parameters of a validated page query (`Null` → none): `text` (catalogs only),
/// `page`, `page_size`, in that order. Everything else — `limit` of the `iterate*` methods
/// included — is dropped, as are `null` values. Integral numbers are written without a fraction
/// (`2.0` → `"2"`).
///
/// ```
/// use superfone_crm::json;
/// use superfone_crm::endpoint::page_query_params;
/// use superfone_crm::validate::QueryKind;
///
/// let query = json!({"limit": 5, "page_size": 20, "text": "hot"});
/// assert_eq!(
///     page_query_params(&query, QueryKind::Catalog),
///     vec![("text", "hot".to_string()), ("page_size", "20".to_string())]
/// );
/// ```
pub fn page_query_params(query: &Value, kind: QueryKind) -> Vec<(&'static str, String)> {
    let keys: &[&'static str] = match kind {
        QueryKind::Tasks => &["page", "page_size"],
        QueryKind::Catalog => &["text", "page", "page_size"],
    };
    keys.iter()
        .filter_map(|&key| {
            let value = match query.get(key)? {
                Value::String(s) => s.clone(),
                Value::Number(n) => n.to_string(),
                Value::Bool(b) => b.to_string(),
                _ => return None,
            };
            Some((key, value))
        })
        .collect()
}

/// Runs the validators for `call` (all of them, every issue → one [`Error::from_issues`]) and
/// turns its loose input into typed [`Parts`]. `now_ms` (Unix ms) is "now" for task dates.
pub fn check(call: &Call, now_ms: f64) -> Result<Parts, Error> {
    let spec = call.endpoint.spec();
    let null = Value::Null;
    let input = call.input.as_ref().unwrap_or(&null);
    let mut issues = Vec::new();
    let mut parts = Parts::default();

    if call.endpoint.takes_lead_id() {
        match validate::validate_lead_id(call.lead_id.as_ref().unwrap_or(&null)) {
            Ok(id) => parts.lead_id = Some(id),
            Err(issue) => issues.push(issue),
        }
    }
    match spec.input {
        Input::Nothing => {}
        Input::LookupPhone => {
            match validate::validate_lookup_phone(call.phone.as_ref().unwrap_or(&null)) {
                Ok(phone) => parts.query.push(("phone", phone)),
                Err(issue) => issues.push(issue),
            }
        }
        Input::Query(kind) => {
            let found = validate::validate_page_query(input, kind, call.allow_limit);
            if found.is_empty() {
                parts.query = page_query_params(input, kind);
            }
            issues.extend(found);
        }
        Input::UpsertLeadBody => issues.extend(validate::validate_upsert_lead(input)),
        Input::CreateTaskBody => issues.extend(validate::validate_create_task(input, now_ms)),
    }
    if !issues.is_empty() {
        return Err(Error::from_issues(&issues));
    }
    parts.body = match spec.input {
        Input::UpsertLeadBody => Some(Body::Checked(validate::upsert_lead_body(input))),
        Input::CreateTaskBody => Some(Body::Checked(input.clone())),
        _ => None,
    };
    Ok(parts)
}

/// Builds the request for `endpoint` from checked `parts`: the absolute URL (every path and
/// query component percent-encoded), the headers (`x-api-key`, `accept`, `content-type` when
/// there is a body, `user-agent`, then the caller's extra headers), the JSON body, and whether
/// a blind retry is safe (see [`RetrySafety`]).
///
/// Fails (kind `validation`) only when `parts` do not fit the endpoint: a missing `lead_id`, or
/// a missing or unexpected body.
pub fn build_request(
    config: &ClientConfig,
    endpoint: Endpoint,
    parts: &Parts,
) -> Result<HttpRequest, Error> {
    build_with(config, endpoint, parts, |body| match body {
        Body::UpsertLead(b) => to_json(b),
        Body::CreateTask(b) => to_json(b),
        Body::Checked(v) => Ok(v.to_json()),
    })
}

/// [`build_request`], with `write` turning the body into JSON text.
fn build_with(
    config: &ClientConfig,
    endpoint: Endpoint,
    parts: &Parts,
    write: impl Fn(&Body) -> Result<String, Error>,
) -> Result<HttpRequest, Error> {
    let spec = endpoint.spec();
    let lead_id = match (endpoint.takes_lead_id(), parts.lead_id) {
        (true, Some(id)) => Some(id.to_string()),
        (true, None) => return Err(Error::validation("lead_id", "is required")),
        (false, _) => None,
    };
    let body = match (spec.input, &parts.body) {
        (Input::UpsertLeadBody, Some(b @ (Body::UpsertLead(_) | Body::Checked(_))))
        | (Input::CreateTaskBody, Some(b @ (Body::CreateTask(_) | Body::Checked(_)))) => {
            Some(write(b)?)
        }
        (Input::UpsertLeadBody | Input::CreateTaskBody, _) => {
            return Err(Error::validation(
                "input",
                format!("{} needs its body", spec.name),
            ))
        }
        (_, Some(_)) => {
            return Err(Error::validation(
                "input",
                format!("{} takes no body", spec.name),
            ))
        }
        (_, None) => None,
    };

    let path_params: Vec<(&str, &str)> =
        lead_id.iter().map(|id| ("lead_id", id.as_str())).collect();
    let query: Vec<(&str, &str)> = parts.query.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let url = build_url(config.base_url(), spec.path, &path_params, &query);

    let headers = request_headers(config, body.is_some());

    let retry_safe = match spec.retry {
        RetrySafety::Always => true,
        RetrySafety::Never => false,
        RetrySafety::UnlessCustomerNote => match &parts.body {
            Some(Body::UpsertLead(b)) => b.customer_note.is_none(),
            Some(Body::Checked(v)) => v.get("customer_note").is_none_or(Value::is_null),
            _ => true,
        },
    };

    Ok(HttpRequest {
        endpoint,
        method: spec.method,
        url,
        headers,
        body,
        retry_safe,
    })
}

/// The headers of every request with (`with_body`) or without a JSON body: the key, `accept`,
/// `content-type` for a body, the user agent, then the client's extra headers. They depend only
/// on the client, so a binding may build them once per client.
pub fn request_headers(config: &ClientConfig, with_body: bool) -> Vec<(String, String)> {
    let mut headers = Vec::with_capacity(4 + config.extra_headers().len());
    headers.push(("x-api-key".to_owned(), config.api_key().to_owned()));
    headers.push(("accept".to_owned(), "application/json".to_owned()));
    if with_body {
        headers.push(("content-type".to_owned(), "application/json".to_owned()));
    }
    headers.push(("user-agent".to_owned(), config.user_agent().to_owned()));
    headers.extend(config.extra_headers().iter().cloned());
    headers
}

fn to_json<T: serde::Serialize>(body: &T) -> Result<String, Error> {
    serde_json::to_string(body).map_err(|e| {
        Error::new(
            ErrorKind::Validation,
            format!("the body could not be written as JSON: {e}"),
        )
    })
}

/// Builds the request for `call`, running every validation first (`now_ms`: Unix ms, for task
/// dates): [`check`], then [`build_request`].
///
/// `retry_safe` of the result follows the endpoint table: reads are safe; Create Task and
/// Complete Task are not (a repeat could create a second task, or complete the next open one);
/// Create or Update Lead is, unless it carries a `customer_note` (each request appends the note
/// to the timeline, so a repeat would duplicate it).
pub fn prepare(config: &ClientConfig, call: &Call, now_ms: f64) -> Result<HttpRequest, Error> {
    let parts = check(call, now_ms)?;
    // `check` yields checked JSON bodies only, which the crate writes itself: the wasm build,
    // which calls this, links no serde serializer.
    build_with(config, call.endpoint, &parts, |body| match body {
        Body::Checked(v) => Ok(v.to_json()),
        _ => Err(Error::validation(
            "input",
            "prepare writes checked bodies only",
        )),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_iteration_asks_for_the_query_page_or_the_first() {
        let page = |input: Option<Value>, iterating| {
            Call {
                input,
                allow_limit: iterating,
                ..Call::new(Endpoint::List(Catalog::Labels))
            }
            .iteration_page()
        };
        assert_eq!(page(None, true), Some(1));
        assert_eq!(page(Some(crate::json!({ "page": 3 })), true), Some(3));
        assert_eq!(page(Some(crate::json!({ "page": 3 })), false), None);
    }

    #[test]
    fn takes_lead_id_matches_the_paths() {
        for e in Endpoint::ALL {
            assert_eq!(
                e.takes_lead_id(),
                e.path_template().contains(":lead_id"),
                "{e:?}"
            );
        }
    }

    #[test]
    fn every_endpoint_name_round_trips() {
        for e in Endpoint::ALL {
            assert_eq!(Endpoint::from_name(e.name()), Some(e));
        }
    }

    #[test]
    fn base_url_keeps_port_and_path_and_lowercases_host() {
        assert_eq!(
            normalize_base_url("HTTPS://API.Example.com:8443/a/b//").unwrap(),
            "https://api.example.com:8443/a/b"
        );
        assert_eq!(
            normalize_base_url("http://[::1]:4010").unwrap(),
            "http://[::1]:4010"
        );
        assert_eq!(
            normalize_base_url("http://127.1.2.3/x").unwrap(),
            "http://127.1.2.3/x"
        );
        assert_eq!(
            normalize_base_url("https://10.0.0.1/x").unwrap(),
            "https://10.0.0.1/x"
        );
        assert_eq!(
            normalize_base_url("https://10.1.2.3.").unwrap(),
            "https://10.1.2.3."
        );
        assert_eq!(
            normalize_base_url("https://crm2.example.in").unwrap(),
            "https://crm2.example.in"
        );
    }

    #[test]
    fn base_url_refusals() {
        for bad in [
            "",
            "prod-api.superfone.co.in",
            "ftp://h",
            "https://",
            "https://:80",
            "https://h:0",
            "https://h:99999",
            "https://h:",
            "https://[::1",
            "https://[zz]",
            "https://[::1]x",
            "https://h/a b",
            "https://h/%zz",
            "https://h/<x>",
            "http://128.0.0.1",
            "http://localhost.evil.com",
            "http://[::2]",
            "https://999.1.1.1",
            "https://1.2.3.4.5",
            "https://example.123",
            "https://api.superfone.co.in.1",
            "https://0x7f.1",
        ] {
            assert!(
                normalize_base_url(bad).is_err(),
                "{bad:?} should be refused"
            );
        }
    }
}
