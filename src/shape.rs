//! The response shapes of [`crate::model`] as data, and one checker that walks a body against
//! them without building anything.
//!
//! The binding hands the caller the response's own JSON, so what it needs from Rust is a verdict
//! ("is this the documented shape?") and, when not, where it breaks. Deriving `Deserialize` for
//! every model type and decoding into it answers that too, but allocates every string and
//! compiles a deserializer per type; this checker is one small function over a table, and it
//! allocates nothing. `tests/core_shape.rs` holds it to the model: on any body, it accepts exactly
//! what decoding into the model types accepts (except arrays in place of objects, which serde's
//! derive takes positionally and this refuses, since the caller would receive an array).

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
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
    Object(&'static [Field]),
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
pub const LABEL: Kind = Object(&[
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
]);

/// [`crate::model::SourceType`].
pub const SOURCE_TYPE: Kind = Object(&[req("id", Id), req("title", Str)]);

/// [`crate::model::LeadStage`]; also a lead's `lead_stage`.
pub const LEAD_STAGE: Kind = Object(&[
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
]);

/// [`crate::model::LeadGroup`]; also a lead's `lead_group`.
pub const LEAD_GROUP: Kind = Object(&[
    req("id", Id),
    req("title", Str),
    opt("org_id", Id),
    opt("status", Str),
    opt("type", Str),
    opt("created_by", Id),
    opt("updated_by", Id),
    opt("created_at", Str),
    opt("updated_at", Str),
]);

/// [`crate::model::Product`].
pub const PRODUCT: Kind = Object(&[
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
]);

const ADDRESS: Kind = Object(&[
    opt("text", Str),
    opt("additional", Str),
    opt("initials", Str),
    opt("latitude", Num),
    opt("longitude", Num),
]);

const LEAD_PHONE: Kind = Object(&[req("phone", Str), req("customer_id", Id)]);

const ASSIGNEE_USER: Kind = Object(&[req("id", Id), opt("first_name", Str), opt("last_name", Str)]);

/// [`crate::model::Lead`].
pub const LEAD: Kind = Object(&[
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
]);

/// [`crate::model::Task`].
pub const TASK: Kind = Object(&[
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
]);

/// [`crate::model::Page`] of rows of `$row`.
macro_rules! page_of {
    ($row:expr) => {
        Object(&[
            req("rows", ArrayOf(&$row)),
            req("total_pages", Count),
            req("current_page", Count),
            req("page_size", Count),
            req("total_items", Count),
        ])
    };
}

/// The success envelope around `$data`: `{"data": …, "message": …}` (the message is optional and
/// may be anything).
macro_rules! envelope {
    ($data:expr) => {
        Object(&[req("data", $data), opt("message", Any)])
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

/// Checks that `body` is one JSON value of `kind`; the error says where it is not (serde_json's
/// line and column).
pub fn check(kind: Kind, body: &str) -> Result<(), serde_json::Error> {
    let mut de = serde_json::Deserializer::from_str(body);
    Check(kind, false).deserialize(&mut de)?;
    de.end()
}

/// Checks one value against a kind; `.1` admits `null`.
#[derive(Clone, Copy)]
struct Check(Kind, bool);

impl<'de> DeserializeSeed<'de> for Check {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        match self.0 {
            Any => deserializer.deserialize_ignored_any(IgnoredAny).map(drop),
            _ => deserializer.deserialize_any(self),
        }
    }
}

impl<'de> Visitor<'de> for Check {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.0 {
            Any => "any value",
            Str => "a string",
            Bool => "a boolean",
            Num => "a number",
            Id => "a non-negative integer id",
            Count => "a non-negative integer",
            Object(_) | AnyObject => "a JSON object",
            ArrayOf(_) => "an array",
        };
        f.write_str(what)?;
        if self.1 {
            f.write_str(" or null")?;
        }
        Ok(())
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        if self.1 {
            Ok(())
        } else {
            Err(E::invalid_type(de::Unexpected::Unit, &self))
        }
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<(), E> {
        match self.0 {
            Bool => Ok(()),
            _ => Err(E::invalid_type(de::Unexpected::Bool(v), &self)),
        }
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<(), E> {
        match self.0 {
            Num | Id | Count => Ok(()),
            _ => Err(E::invalid_type(de::Unexpected::Unsigned(v), &self)),
        }
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<(), E> {
        match self.0 {
            Num => Ok(()),
            Id | Count if v >= 0 => Ok(()),
            Id | Count => Err(E::invalid_value(de::Unexpected::Signed(v), &self)),
            _ => Err(E::invalid_type(de::Unexpected::Signed(v), &self)),
        }
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<(), E> {
        // 2^53: beyond it a double no longer holds every integer.
        match self.0 {
            Num => Ok(()),
            Count if v >= 0.0 && v.fract() == 0.0 && v <= 9_007_199_254_740_992.0 => Ok(()),
            Count => Err(E::invalid_value(de::Unexpected::Float(v), &self)),
            _ => Err(E::invalid_type(de::Unexpected::Float(v), &self)),
        }
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        match self.0 {
            Str => Ok(()),
            _ => Err(E::invalid_type(de::Unexpected::Str(v), &self)),
        }
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let ArrayOf(item) = self.0 else {
            return Err(de::Error::invalid_type(de::Unexpected::Seq, &self));
        };
        while seq.next_element_seed(Check(*item, false))?.is_some() {}
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let fields = match self.0 {
            Object(fields) => fields,
            AnyObject => &[],
            _ => return Err(de::Error::invalid_type(de::Unexpected::Map, &self)),
        };
        let mut seen = 0u64; // one bit per field: every table here has fewer than 64
        while let Some(key) = map.next_key::<Key>()? {
            match fields.iter().position(|f| f.name == key.0) {
                Some(i) => {
                    if seen & (1 << i) != 0 {
                        return Err(de::Error::duplicate_field(fields[i].name));
                    }
                    seen |= 1 << i;
                    map.next_value_seed(Check(fields[i].kind, fields[i].optional))?;
                }
                None => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        match fields
            .iter()
            .enumerate()
            .find(|(i, f)| !f.optional && seen & (1 << i) == 0)
        {
            Some((_, missing)) => Err(de::Error::missing_field(missing.name)),
            None => Ok(()),
        }
    }
}

/// An object key, borrowed from the body when it has no escapes (no allocation).
struct Key<'a>(std::borrow::Cow<'a, str>);

impl<'de> de::Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(std::borrow::Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(std::borrow::Cow::Owned(v.to_owned())))
            }
        }
        deserializer.deserialize_str(KeyVisitor)
    }
}
