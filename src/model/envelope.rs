//! The wire envelopes: `{"data": …, "message": "success"}` on success, `{"message": …}` on
//! error, and the paged `data` of the list endpoints.

use super::lenient;
use serde::de::{Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The success envelope. `message` is `"success"` in practice; it is optional and never fails
/// a decode (a non-string `message` reads as `None`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Envelope<T> {
    pub data: T,
    #[serde(default, deserialize_with = "lenient::optional_string")]
    pub message: Option<String>,
}

/// The error envelope, e.g. `{"message": "Customer not found"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorEnvelope {
    #[serde(default, deserialize_with = "lenient::optional_string")]
    pub message: Option<String>,
}

/// A page of a list endpoint. All five fields are required, the counters as whole numbers.
///
/// ```
/// use superfone_crm::model::{Page, SourceType};
///
/// let page: Page<SourceType> = serde_json::from_str(
///     r#"{"rows":[{"id":1,"title":"OTHERS"}],"total_pages":1,"current_page":1,"page_size":50,"total_items":1}"#,
/// ).unwrap();
/// assert_eq!(page.rows[0].title, "OTHERS");
/// assert!(!page.has_next());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page<T> {
    pub rows: Vec<T>,
    #[serde(deserialize_with = "lenient::count")]
    pub total_pages: u64,
    #[serde(deserialize_with = "lenient::count")]
    pub current_page: u64,
    #[serde(deserialize_with = "lenient::count")]
    pub page_size: u64,
    #[serde(deserialize_with = "lenient::count")]
    pub total_items: u64,
}

impl<T> Page<T> {
    /// Whether a later page exists (`current_page < total_pages`).
    pub fn has_next(&self) -> bool {
        self.current_page < self.total_pages
    }
}

/// Some JSON object, contents unchecked: the `data` of responses whose shape API.md does not
/// show (Create or Update Lead, Complete Task). Decoding it only checks that it is an object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AnyObject;

impl<'de> Deserialize<'de> for AnyObject {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ObjectVisitor;

        impl<'de> Visitor<'de> for ObjectVisitor {
            type Value = AnyObject;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<AnyObject, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(AnyObject)
            }
        }

        deserializer.deserialize_map(ObjectVisitor)
    }
}

impl Serialize for AnyObject {
    /// An empty object: the contents were never kept.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        serializer.serialize_map(Some(0))?.end()
    }
}
