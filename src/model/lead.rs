//! The lead as Get Lead returns it.

use super::catalog::{Label, LeadGroup, LeadStage};
use super::input::Address;
use super::lenient;
use serde::{Deserialize, Serialize};

/// A lead (the `data` of `GET /enterprise/api/lead?phone=`). Typed as API.md documents it:
/// `id`, `org_id`, `created_at`, `phones` and `labels` are required, the documented-nullable
/// fields are `Option`, `status` and `source_type` stay strings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Lead {
    pub id: u64,
    pub org_id: u64,
    #[serde(default)]
    pub first_name: Option<String>,
    #[serde(default)]
    pub last_name: Option<String>,
    #[serde(default)]
    pub website: Option<String>,
    #[serde(default)]
    pub business_name: Option<String>,
    #[serde(default)]
    pub additional_info: Option<String>,
    #[serde(default)]
    pub city: Option<String>,
    /// E.g. `"ACTIVE"`.
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
    /// A source-type title, e.g. `"OTHERS"`.
    #[serde(default)]
    pub source_type: Option<String>,
    #[serde(default)]
    pub email: Option<Vec<String>>,
    #[serde(default, deserialize_with = "lenient::optional_number")]
    pub deal_value: Option<f64>,
    #[serde(default)]
    pub address: Option<Address>,
    #[serde(default)]
    pub assignee_user_id: Option<u64>,
    #[serde(default)]
    pub lead_stage_id: Option<u64>,
    #[serde(default)]
    pub lead_group_id: Option<u64>,
    /// ISO 8601, e.g. `"2026-04-01T10:30:00.000Z"`.
    pub created_at: String,
    #[serde(default)]
    pub updated_at: Option<String>,
    /// Every phone of the lead, the primary one included.
    pub phones: Vec<LeadPhone>,
    pub labels: Vec<Label>,
    #[serde(default)]
    pub lead_stage: Option<LeadStage>,
    #[serde(default)]
    pub lead_group: Option<LeadGroup>,
    #[serde(default)]
    pub assignee_user: Option<AssigneeUser>,
}

/// One phone of a lead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeadPhone {
    /// E.164.
    pub phone: String,
    pub customer_id: u64,
}

/// The team member a lead is assigned to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssigneeUser {
    pub id: u64,
    #[serde(default)]
    pub first_name: Option<String>,
    #[serde(default)]
    pub last_name: Option<String>,
}
