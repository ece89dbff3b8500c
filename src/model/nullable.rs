//! A field that may be absent, explicitly `null`, or set: the API treats `null` as "clear"
//! (`lead_stage_name: null` removes the stage) and absence as "leave as is".

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A tri-state field: [`Absent`](Nullable::Absent) is left out of the JSON, [`Null`](Nullable::Null)
/// is sent as `null` (the API clears the value), [`Value`](Nullable::Value) sets it.
///
/// Use it with `#[serde(default, skip_serializing_if = "Nullable::is_absent")]`, as
/// [`UpsertLeadInput`](crate::model::UpsertLeadInput) does:
///
/// ```
/// use superfone_crm::model::{Nullable, UpsertLeadInput};
///
/// let input = UpsertLeadInput {
///     customer_phone: "+918000000001".into(),
///     lead_stage_name: Nullable::Null,                      // clear the stage
///     lead_group_name: Nullable::Value("Hot".into()),       // set the group
///     ..Default::default()                                  // assignee: left as is
/// };
/// let json = serde_json::to_string(&input).unwrap();
/// assert_eq!(
///     json,
///     r#"{"customer_phone":"+918000000001","lead_stage_name":null,"lead_group_name":"Hot"}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub enum Nullable<T> {
    /// Not in the JSON: the server leaves the value as it is.
    #[default]
    Absent,
    /// `null` in the JSON: the server clears the value.
    Null,
    /// A value.
    Value(T),
}

impl<T> Nullable<T> {
    /// Whether the field is left out (the `skip_serializing_if` predicate).
    pub fn is_absent(&self) -> bool {
        matches!(self, Nullable::Absent)
    }

    /// Whether the field is an explicit `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Nullable::Null)
    }

    /// The value, if one is set.
    pub fn as_value(&self) -> Option<&T> {
        match self {
            Nullable::Value(v) => Some(v),
            _ => None,
        }
    }
}

impl<T> From<Option<T>> for Nullable<T> {
    /// `None` becomes `Null` (a present field decoded from `null`), `Some(v)` becomes `Value(v)`.
    fn from(value: Option<T>) -> Self {
        value.map_or(Nullable::Null, Nullable::Value)
    }
}

impl<T: Serialize> Serialize for Nullable<T> {
    /// `Value(v)` as `v`; `Null` as `null`. `Absent` is also written as `null` if a container
    /// forgets `skip_serializing_if = "Nullable::is_absent"`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Nullable::Value(v) => v.serialize(serializer),
            Nullable::Absent | Nullable::Null => serializer.serialize_none(),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Nullable<T> {
    /// A present field: `null` → `Null`, anything else → `Value`. Absence is the container's
    /// `#[serde(default)]`, which gives `Absent`.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Option::<T>::deserialize(deserializer).map(Nullable::from)
    }
}
