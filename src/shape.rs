//! The response shapes of [`crate::model`] as data, and one checker that walks a body against
//! them without building anything.
//!
//! The binding hands the caller the response's own JSON, so what it needs from Rust is a verdict
//! ("is this the documented shape?") and, when not, where it breaks. Deriving `Deserialize` for
//! every model type and decoding into it answers that too, but allocates every string and
//! compiles a deserializer per type; this checker is one pass of [`crate::json`](mod@crate::json)'s scanner over
//! the text, steered by a table, and it allocates nothing unless it fails. `tests/core_shape.rs`
//! holds it to the model: on any body, it accepts exactly what decoding into the model types
//! accepts (except arrays in place of objects, which serde's derive takes positionally and this
//! refuses, since the caller would receive an array).

use crate::json::{Literal, Number, Scanner, Syntax, SyntaxError};
use std::fmt;

/// What a JSON value must be.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    /// Anything (fields whose type API.md does not give).
    Any,
    /// A string.
    Str,
    /// `true` or `false`.
    Bool,
    /// Any number (amounts, coordinates).
    Num,
    /// A non-negative integer that fits a `u64` (ids).
    Id,
    /// A non-negative whole number, possibly written with a fraction of zero (page counters).
    Count,
    /// An object with these fields; other keys are ignored.
    Object(&'static Fields),
    /// Any object.
    AnyObject,
    /// An array whose items are all of this kind.
    ArrayOf(&'static Kind),
}

/// One field of an object: its name, what it must be, and whether it may be absent or `null`.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub name: &'static str,
    pub kind: Kind,
    /// `true`: absent or `null` is fine (an `Option` in the model). `false`: required, not null.
    pub optional: bool,
}

/// The fields of an object, and which of them are required (one bit each, by position).
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    pub list: &'static [Field],
    required: u64,
}

impl Fields {
    /// The fields of an object (at most 64: one bit each in [`check`]'s bookkeeping).
    pub const fn of(list: &'static [Field]) -> Fields {
        assert!(
            list.len() <= 64,
            "an object's table holds at most 64 fields"
        );
        let mut required = 0;
        let mut i = 0;
        while i < list.len() {
            if !list[i].optional {
                required |= 1 << i;
            }
            i += 1;
        }
        Fields { list, required }
    }
}

const fn req(name: &'static str, kind: Kind) -> Field {
    Field {
        name,
        kind,
        optional: false,
    }
}

const fn opt(name: &'static str, kind: Kind) -> Field {
    Field {
        name,
        kind,
        optional: true,
    }
}

use Kind::{Any, AnyObject, ArrayOf, Bool, Count, Id, Num, Object, Str};

/// [`crate::model::Label`]; also a lead's `labels`.
pub const LABEL: Kind = Object(&Fields::of(&[
    req("id", Id),
    req("title", Str),
    opt("org_id", Id),
    opt("colour", Str),
    opt("text_colour", Str),
    opt("status", Str),
    opt("created_by", Id),
    opt("updated_by", Id),
    opt("created_at", Str),
    opt("updated_at", Str),
]));

/// [`crate::model::SourceType`].
pub const SOURCE_TYPE: Kind = Object(&Fields::of(&[req("id", Id), req("title", Str)]));

/// [`crate::model::LeadStage`]; also a lead's `lead_stage`.
pub const LEAD_STAGE: Kind = Object(&Fields::of(&[
    req("id", Id),
    req("title", Str),
    opt("org_id", Id),
    opt("status", Str),
    opt("type", Str),
    opt("position", Num),
    opt("is_editable", Bool),
    opt("identifier", Any),
    opt("created_by", Id),
    opt("updated_by", Id),
    opt("created_at", Str),
    opt("updated_at", Str),
]));

/// [`crate::model::LeadGroup`]; also a lead's `lead_group`.
pub const LEAD_GROUP: Kind = Object(&Fields::of(&[
    req("id", Id),
    req("title", Str),
    opt("org_id", Id),
    opt("status", Str),
    opt("type", Str),
    opt("created_by", Id),
    opt("updated_by", Id),
    opt("created_at", Str),
    opt("updated_at", Str),
]));

/// [`crate::model::Product`].
pub const PRODUCT: Kind = Object(&Fields::of(&[
    req("id", Id),
    req("title", Str),
    opt("org_id", Id),
    opt("description", Str),
    opt("status", Str),
    opt("price", Any),
    opt("currency", Str),
    opt("link", Str),
    opt("images", Any),
    opt("created_by", Id),
    opt("updated_by", Id),
    opt("created_at", Str),
    opt("updated_at", Str),
]));

const ADDRESS: Kind = Object(&Fields::of(&[
    opt("text", Str),
    opt("additional", Str),
    opt("initials", Str),
    opt("latitude", Num),
    opt("longitude", Num),
]));

const LEAD_PHONE: Kind = Object(&Fields::of(&[req("phone", Str), req("customer_id", Id)]));

const ASSIGNEE_USER: Kind = Object(&Fields::of(&[
    req("id", Id),
    opt("first_name", Str),
    opt("last_name", Str),
]));

/// [`crate::model::Lead`].
pub const LEAD: Kind = Object(&Fields::of(&[
    req("id", Id),
    req("org_id", Id),
    opt("first_name", Str),
    opt("last_name", Str),
    opt("website", Str),
    opt("business_name", Str),
    opt("additional_info", Str),
    opt("city", Str),
    opt("status", Str),
    opt("source", Str),
    opt("source_type", Str),
    opt("email", ArrayOf(&Str)),
    opt("deal_value", Num),
    opt("address", ADDRESS),
    opt("assignee_user_id", Id),
    opt("lead_stage_id", Id),
    opt("lead_group_id", Id),
    req("created_at", Str),
    opt("updated_at", Str),
    req("phones", ArrayOf(&LEAD_PHONE)),
    req("labels", ArrayOf(&LABEL)),
    opt("lead_stage", LEAD_STAGE),
    opt("lead_group", LEAD_GROUP),
    opt("assignee_user", ASSIGNEE_USER),
]));

/// [`crate::model::Task`].
pub const TASK: Kind = Object(&Fields::of(&[
    req("id", Id),
    opt("org_id", Id),
    opt("customer_id", Id),
    opt("title", Str),
    req("type", Str),
    req("due_date", Str),
    opt("notify_at", Str),
    opt("notify", Any),
    req("task_status", Str),
    req("status", Str),
    opt("assignee_user_id", Id),
    opt("created_by", Id),
    opt("updated_by", Id),
    opt("created_at", Str),
    opt("updated_at", Str),
]));

/// [`crate::model::Page`] of rows of `$row`.
macro_rules! page_of {
    ($row:expr) => {
        Object(&Fields::of(&[
            req("rows", ArrayOf(&$row)),
            req("total_pages", Count),
            req("current_page", Count),
            req("page_size", Count),
            req("total_items", Count),
        ]))
    };
}

/// The success envelope around `$data`: `{"data": …, "message": …}` (the message is optional and
/// may be anything).
macro_rules! envelope {
    ($data:expr) => {
        Object(&Fields::of(&[req("data", $data), opt("message", Any)]))
    };
}

/// Any success envelope, whatever its `data`.
pub const ANY_RESPONSE: Kind = envelope!(Any);
/// The whole body of each endpoint's successful response.
pub const ANY_OBJECT_RESPONSE: Kind = envelope!(AnyObject);
pub const LEAD_RESPONSE: Kind = envelope!(LEAD);
pub const TASK_RESPONSE: Kind = envelope!(TASK);
pub const TASK_PAGE_RESPONSE: Kind = envelope!(page_of!(TASK));
pub const SOURCE_TYPE_PAGE_RESPONSE: Kind = envelope!(page_of!(SOURCE_TYPE));
pub const LABEL_PAGE_RESPONSE: Kind = envelope!(page_of!(LABEL));
pub const LEAD_STAGE_PAGE_RESPONSE: Kind = envelope!(page_of!(LEAD_STAGE));
pub const LEAD_GROUP_PAGE_RESPONSE: Kind = envelope!(page_of!(LEAD_GROUP));
pub const PRODUCT_PAGE_RESPONSE: Kind = envelope!(page_of!(PRODUCT));

/// Checks that `body` is one JSON value of `kind`; the error says where and how it is not.
///
/// ```
/// use superfone_crm::shape::{check, LABEL};
///
/// assert!(check(LABEL, r#"{"id": 1, "title": "Hot", "colour": null}"#).is_ok());
/// let err = check(LABEL, r#"{"id": "1", "title": "Hot"}"#).unwrap_err();
/// assert_eq!(err.to_string(), "id: expected a non-negative integer id, found a string");
/// ```
pub fn check(kind: Kind, body: &str) -> Result<(), Mismatch> {
    let mut s = Scanner::new(body);
    s.peek_ws();
    any_value(&mut s, kind, false)?;
    s.end()?;
    Ok(())
}

/// [`value`], out of line: for the top level and for array items that are not objects (the
/// object loop, where most values are, has its own copy).
#[inline(never)]
fn any_value(s: &mut Scanner<'_>, kind: Kind, nullable: bool) -> Result<(), Mismatch> {
    value(s, kind, nullable)
}

/// Why a body failed [`check`]: where (a byte offset and a path such as `data.rows[3].id`) and
/// what. Displays as `path: what` (just `what` at the top level).
#[derive(Debug, Clone, PartialEq)]
pub struct Mismatch(Box<Failure>);

#[derive(Debug, Clone, PartialEq)]
struct Failure {
    at: usize,
    problem: Problem,
    /// From the innermost segment out (pushed while the failure travels up).
    path: Vec<Segment>,
}

#[derive(Debug, Clone, PartialEq)]
enum Problem {
    Syntax(Syntax),
    Expected {
        /// The kind, as [`Kind::describe`] says it.
        what: &'static str,
        nullable: bool,
        found: Found,
    },
    Missing(&'static str),
    Duplicate(&'static str),
}

#[derive(Debug, Clone, PartialEq)]
enum Found {
    Null,
    Bool(bool),
    /// The number as written, cut short.
    Number(String),
    String,
    Array,
    Object,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Segment {
    Field(&'static str),
    Index(usize),
}

impl Mismatch {
    /// The byte offset in the body where the check failed: the offending value, the duplicated
    /// key, the `}` of an object missing a field, or the syntax error.
    pub fn offset(&self) -> usize {
        self.0.at
    }

    /// Where the check failed, as `data.rows[3].id`; empty at the top level.
    pub fn path(&self) -> String {
        let mut path = String::new();
        for segment in self.0.path.iter().rev() {
            match segment {
                Segment::Field(name) => {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(name);
                }
                Segment::Index(i) => {
                    path.push('[');
                    path.push_str(&i.to_string());
                    path.push(']');
                }
            }
        }
        path
    }

    fn new(at: usize, problem: Problem) -> Self {
        Mismatch(Box::new(Failure {
            at,
            problem,
            path: Vec::new(),
        }))
    }

    /// The same failure, seen from the object field or array item that contains it.
    #[cold]
    fn within(mut self, segment: Segment) -> Self {
        self.0.path.push(segment);
        self
    }
}

impl From<SyntaxError> for Mismatch {
    #[cold]
    fn from(err: SyntaxError) -> Self {
        Mismatch::new(err.at, Problem::Syntax(err.what))
    }
}

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path();
        if !path.is_empty() {
            write!(f, "{path}: ")?;
        }
        match &self.0.problem {
            Problem::Syntax(what) => write!(f, "{what}"),
            Problem::Expected {
                what,
                nullable,
                found,
            } => {
                write!(f, "expected {what}")?;
                if *nullable {
                    f.write_str(" or null")?;
                }
                f.write_str(", found ")?;
                match found {
                    Found::Null => f.write_str("null"),
                    Found::Bool(b) => write!(f, "{b}"),
                    Found::Number(n) => write!(f, "the number {n}"),
                    Found::String => f.write_str("a string"),
                    Found::Array => f.write_str("an array"),
                    Found::Object => f.write_str("an object"),
                }
            }
            Problem::Missing(name) => write!(f, "missing field `{name}`"),
            Problem::Duplicate(name) => write!(f, "duplicate field `{name}`"),
        }
    }
}

impl std::error::Error for Mismatch {}

impl Kind {
    /// The kind in a message: "a string", "a non-negative integer id", …
    fn describe(self) -> &'static str {
        match self {
            Any => "any value",
            Str => "a string",
            Bool => "a boolean",
            Num => "a number",
            Id if JS_NUMBERS => "a non-negative integer id of at most 2^53 - 1 (9007199254740991)",
            Id => "a non-negative integer id",
            Count if JS_NUMBERS => {
                "a non-negative whole number of at most 2^53 - 1 (9007199254740991)"
            }
            Count => "a non-negative whole number",
            Object(_) | AnyObject => "an object",
            ArrayOf(_) => "an array",
        }
    }
}

/// Checks the value at the cursor against `kind` (`nullable`: `null` is fine too). Inlined into
/// the object and array loops, so that a scalar, most of a body, costs no call.
#[inline(always)]
fn value(s: &mut Scanner<'_>, kind: Kind, nullable: bool) -> Result<(), Mismatch> {
    let byte = s.peek();
    let number = matches!(byte, Some(b'-' | b'0'..=b'9'));
    match kind {
        Str if byte == Some(b'"') => {
            s.string()?;
            return Ok(());
        }
        Id | Count | Num if number => {
            let at = s.pos;
            if s.short_u64() {
                if JS_NUMBERS && !matches!(kind, Num) && !js_exact(&s.text()[at..s.pos]) {
                    return Err(expected(kind, nullable, at, number_found_at(s, at)));
                }
                return Ok(());
            }
            let n = s.number()?;
            let fits = match kind {
                Id => n.is_u64(s.text()) && (!JS_NUMBERS || js_exact(&s.text()[n.start..n.end])),
                Count => n.is_count(s.text()),
                _ => true,
            };
            if fits {
                return Ok(());
            }
            return Err(expected(kind, nullable, at, number_found(s, n)));
        }
        Bool if byte == Some(b't') => return Ok(s.literal(Literal::True)?),
        Bool if byte == Some(b'f') => return Ok(s.literal(Literal::False)?),
        Object(fields) if byte == Some(b'{') => return object(s, fields),
        ArrayOf(item) if byte == Some(b'[') => return array(s, *item),
        AnyObject if byte == Some(b'{') => return Ok(s.skip_value()?),
        Any => return Ok(s.skip_value()?),
        _ => {}
    }
    if nullable && byte == Some(b'n') {
        return Ok(s.literal(Literal::Null)?);
    }
    Err(unexpected(s, kind, nullable))
}

/// Checks the array at the cursor: every item of kind `item`.
#[inline(never)]
fn array(s: &mut Scanner<'_>, item: Kind) -> Result<(), Mismatch> {
    let mut more = s.enter_array()?;
    let mut index = 0;
    while more {
        let checked = match item {
            Object(fields) if s.peek() == Some(b'{') => object(s, fields),
            _ => any_value(s, item, false),
        };
        checked.map_err(|e| e.within(Segment::Index(index)))?;
        index += 1;
        more = s.next_item()?;
    }
    Ok(())
}

/// Checks the object at the cursor against its fields: each known field once and of its kind,
/// every required one present; other keys' values only need to be JSON.
#[inline(never)]
fn object(s: &mut Scanner<'_>, fields: &'static Fields) -> Result<(), Mismatch> {
    let list = fields.list;
    let mut seen = 0u64; // one bit per field, by position
                         // Bodies usually list fields in the table's order, and write keys plainly: try the field
                         // after the last match first, comparing the text directly, and only scan the key if not.
    let mut next = 0;
    let mut more = s.enter_object()?;
    while more {
        let key_at = s.pos;
        let found = match list.get(next) {
            Some(f) if s.key_is(f.name) => Some((next, f)),
            _ => {
                let key = s.string()?;
                list.iter()
                    .enumerate()
                    .find(|(_, f)| key.is(s.text(), f.name))
            }
        };
        s.colon()?;
        match found {
            Some((i, field)) => {
                let bit = 1 << i;
                if seen & bit != 0 {
                    return Err(Mismatch::new(key_at, Problem::Duplicate(field.name)));
                }
                seen |= bit;
                next = i + 1;
                let checked = match field.kind {
                    // Most values are strings: scanned here, without a call.
                    Str if s.peek() == Some(b'"') => {
                        s.string_inline().map(drop).map_err(Into::into)
                    }
                    kind => value(s, kind, field.optional),
                };
                checked.map_err(|e| e.within(Segment::Field(field.name)))?;
            }
            None => s.skip_value()?,
        }
        more = s.next_member()?;
    }
    if fields.required & !seen != 0 {
        return Err(missing(s, fields, seen));
    }
    Ok(())
}

/// The first required field the object that just closed lacks.
#[cold]
fn missing(s: &Scanner<'_>, fields: &Fields, seen: u64) -> Mismatch {
    let lacking = fields.required & !seen;
    let name = fields
        .list
        .get(lacking.trailing_zeros() as usize)
        .map_or("?", |f| f.name);
    // The offset of the closing brace (the cursor is just past it).
    Mismatch::new(s.pos - 1, Problem::Missing(name))
}

/// The value at the cursor is not of `kind`: say what it is, or why it is not JSON.
#[cold]
fn unexpected(s: &mut Scanner<'_>, kind: Kind, nullable: bool) -> Mismatch {
    let at = s.pos;
    let found = match s.peek() {
        Some(b'{') => Found::Object,
        Some(b'[') => Found::Array,
        Some(b'"') => Found::String,
        Some(b't') => match s.literal(Literal::True) {
            Ok(()) => Found::Bool(true),
            Err(e) => return e.into(),
        },
        Some(b'f') => match s.literal(Literal::False) {
            Ok(()) => Found::Bool(false),
            Err(e) => return e.into(),
        },
        Some(b'n') => match s.literal(Literal::Null) {
            Ok(()) => Found::Null,
            Err(e) => return e.into(),
        },
        Some(b'-' | b'0'..=b'9') => match s.number() {
            Ok(n) => number_found(s, n),
            Err(e) => return e.into(),
        },
        _ => return s.error(Syntax::ExpectedValue).into(),
    };
    expected(kind, nullable, at, found)
}

#[cold]
fn expected(kind: Kind, nullable: bool, at: usize, found: Found) -> Mismatch {
    Mismatch::new(
        at,
        Problem::Expected {
            what: kind.describe(),
            nullable,
            found,
        },
    )
}

/// A number as a message quotes it: as written, cut to 40 characters.
/// Whether whole numbers reach the caller as JavaScript numbers (the wasm build: the shell
/// hands the body to `JSON.parse`): then an id or a count beyond 2^53 - 1 would arrive rounded,
/// a silently wrong value, and is refused. Native callers decode into `u64`, which holds them.
const JS_NUMBERS: bool = cfg!(target_arch = "wasm32");

/// Whether the plain digits `digits` are at most 2^53 - 1 (`Number.MAX_SAFE_INTEGER`).
fn js_exact(digits: &[u8]) -> bool {
    const MAX: &[u8] = b"9007199254740991";
    digits.len() < MAX.len() || (digits.len() == MAX.len() && digits <= MAX)
}

/// The number whose plain digits start at `at` (the cursor is just past them), as found.
#[cold]
fn number_found_at(s: &Scanner<'_>, at: usize) -> Found {
    Found::Number(String::from_utf8_lossy(&s.text()[at..s.pos]).into_owned())
}

#[cold]
fn number_found(s: &Scanner<'_>, n: Number) -> Found {
    const MAX: usize = 40;
    let digits = &s.text()[n.start..n.end];
    let shown = String::from_utf8_lossy(&digits[..digits.len().min(MAX)]);
    let ellipsis = if digits.len() > MAX { "…" } else { "" };
    Found::Number(format!("{shown}{ellipsis}"))
}
