//! The rows of the five read-only catalogs. API.md gives their fields but not which may be null,
//! so each row requires only `id` and `title` (the name the other endpoints match on).

use super::lenient;
use serde::{Deserialize, Serialize};

/// A source type (`GET /enterprise/api/source-type`): titles are Superfone-defined, e.g.
/// `CSV_UPLOAD`, `PABBLY`, `OTHERS`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceType {
    pub id: u64,
    pub title: String,
}

/// A label (`GET /enterprise/api/label`); also the items of a lead's `labels`, which carry only
/// `id`, `title`, `colour`, `text_colour` and `status`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Label {
    pub id: u64,
    pub title: String,
    #[serde(default)]
    pub org_id: Option<u64>,
    #[serde(default)]
    pub colour: Option<String>,
    #[serde(default)]
    pub text_colour: Option<String>,
    /// `"ACTIVE"` or `"DISABLED"`.
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub created_by: Option<u64>,
    #[serde(default)]
    pub updated_by: Option<u64>,
    #[serde(default)]
    pub created_at: Option<String>,
    #[serde(default)]
    pub updated_at: Option<String>,
}

/// A lead stage (`GET /enterprise/api/lead-stage`); also a lead's `lead_stage`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LeadStage {
    pub id: u64,
    pub title: String,
    #[serde(default)]
    pub org_id: Option<u64>,
    #[serde(default)]
    pub status: Option<String>,
    /// `INITIAL`, `FINAL_POSITIVE`, `FINAL_NEGATIVE` or `NONE`.
    #[serde(default)]
    pub r#type: Option<String>,
    #[serde(default, deserialize_with = "lenient::optional_number")]
    pub position: Option<f64>,
    #[serde(default)]
    pub is_editable: Option<bool>,
    /// Undocumented type; kept as JSON.
    #[serde(default)]
    pub identifier: Option<serde_json::Value>,
    #[serde(default)]
    pub created_by: Option<u64>,
    #[serde(default)]
    pub updated_by: Option<u64>,
    #[serde(default)]
    pub created_at: Option<String>,
    #[serde(default)]
    pub updated_at: Option<String>,
}

/// A lead group (`GET /enterprise/api/lead-group`); also a lead's `lead_group`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeadGroup {
    pub id: u64,
    pub title: String,
    #[serde(default)]
    pub org_id: Option<u64>,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub r#type: Option<String>,
    #[serde(default)]
    pub created_by: Option<u64>,
    #[serde(default)]
    pub updated_by: Option<u64>,
    #[serde(default)]
    pub created_at: Option<String>,
    #[serde(default)]
    pub updated_at: Option<String>,
}

/// A product (`GET /enterprise/api/product`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Product {
    pub id: u64,
    pub title: String,
    #[serde(default)]
    pub org_id: Option<u64>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub status: Option<String>,
    /// Its type is not documented (a number in the examples we have; some APIs send decimals as
    /// strings), so it is kept as raw JSON.
    #[serde(default)]
    pub price: Option<serde_json::Value>,
    /// ISO 4217, e.g. `"INR"`.
    #[serde(default)]
    pub currency: Option<String>,
    #[serde(default)]
    pub link: Option<String>,
    /// Undocumented shape; kept as JSON.
    #[serde(default)]
    pub images: Option<serde_json::Value>,
    #[serde(default)]
    pub created_by: Option<u64>,
    #[serde(default)]
    pub updated_by: Option<u64>,
    #[serde(default)]
    pub created_at: Option<String>,
    #[serde(default)]
    pub updated_at: Option<String>,
}
