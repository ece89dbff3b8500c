//! What callers send: the bodies of Create or Update Lead and Create Task. Only documented fields
//! exist here, so serializing one of these sends nothing the API does not know.

use super::lenient;
use super::nullable::Nullable;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The body of `POST /enterprise/api/lead`: create or update the lead whose primary phone is
/// `customer_phone`. Unset fields are left out of the JSON; the three [`Nullable`] fields can
/// also be sent as `null`, which clears them on the lead.
///
/// ```
/// use superfone_crm::model::UpsertLeadInput;
///
/// let input = UpsertLeadInput {
///     customer_phone: "+918000000001".into(),
///     first_name: Some("Asha".into()),
///     create_customer_if_customer_phone_not_found: Some(true),
///     ..Default::default()
/// };
/// assert_eq!(
///     serde_json::to_value(&input).unwrap(),
///     serde_json::json!({
///         "customer_phone": "+918000000001",
///         "create_customer_if_customer_phone_not_found": true,
///         "first_name": "Asha"
///     })
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct UpsertLeadInput {
    /// E.164; the lookup key (required).
    pub customer_phone: String,
    /// Create the lead when no lead has `customer_phone` (server default `false`: then
    /// `400 "Customer not found"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub create_customer_if_customer_phone_not_found: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// One or more addresses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_name: Option<String>,
    /// Free-form notes on the lead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub additional_info: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient::optional_number"
    )]
    pub deal_value: Option<f64>,
    /// Free text, e.g. `"website-form"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// One of the source-type titles (see the source-type catalog).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_type: Option<String>,
    /// E.164 of a team member; `Null` unassigns.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub assignee_user_phone: Nullable<String>,
    /// A lead-stage title; `Null` clears the stage. Unknown → 404.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub lead_stage_name: Nullable<String>,
    /// A lead-group title; `Null` clears the group. Unknown → 404.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub lead_group_name: Nullable<String>,
    /// Label titles to add (unknown ones are ignored); not together with `remove_labels`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub add_labels: Option<Vec<String>>,
    /// Label titles to remove; not together with `add_labels`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remove_labels: Option<Vec<String>>,
    /// Product titles to add (unknown ones are ignored).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub add_products: Option<Vec<String>>,
    /// Extra E.164 phones for the lead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub add_phones: Option<Vec<String>>,
    /// A note appended to the lead's timeline, once per request that carries it (which is why
    /// an upsert with a note is not retried blindly: see [`crate::endpoint`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_note: Option<String>,
}

/// A lead's address: what callers send, and the `address` of a [`Lead`](crate::model::Lead).
/// Every part is optional (and nullable when read).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Address {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub additional: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initials: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient::optional_number"
    )]
    pub latitude: Option<f64>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient::optional_number"
    )]
    pub longitude: Option<f64>,
}

/// The six task types of Create Task. Decoded tasks keep `type` as a string (a new server
/// value must not break decoding); [`TaskType::from_name`] reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TaskType {
    FollowUpCall,
    FirstCall,
    CallbackRequest,
    SiteVisit,
    /// Independent of the others: creating one does not complete the lead's open tasks, and its
    /// `notify_at` defaults to `due_date`.
    Reminder,
    Booking,
}

impl TaskType {
    /// All six, in API.md's order.
    pub const ALL: [TaskType; 6] = [
        TaskType::FollowUpCall,
        TaskType::FirstCall,
        TaskType::CallbackRequest,
        TaskType::SiteVisit,
        TaskType::Reminder,
        TaskType::Booking,
    ];

    /// The wire name: `"FOLLOW_UP_CALL"`, …
    pub fn as_str(self) -> &'static str {
        match self {
            TaskType::FollowUpCall => "FOLLOW_UP_CALL",
            TaskType::FirstCall => "FIRST_CALL",
            TaskType::CallbackRequest => "CALLBACK_REQUEST",
            TaskType::SiteVisit => "SITE_VISIT",
            TaskType::Reminder => "REMINDER",
            TaskType::Booking => "BOOKING",
        }
    }

    /// The type with wire name `name` (exact match), if any.
    ///
    /// ```
    /// use superfone_crm::model::TaskType;
    /// assert_eq!(TaskType::from_name("SITE_VISIT"), Some(TaskType::SiteVisit));
    /// assert_eq!(TaskType::from_name("site_visit"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<TaskType> {
        TaskType::ALL.into_iter().find(|t| t.as_str() == name)
    }
}

impl fmt::Display for TaskType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The body of `POST /enterprise/api/lead/:lead_id/task`. There is no assignee: the task takes
/// the lead's current assignee.
///
/// ```
/// use superfone_crm::model::{CreateTaskInput, TaskType};
///
/// let input = CreateTaskInput::new(TaskType::SiteVisit, "2026-05-20T15:00:00Z");
/// assert_eq!(
///     serde_json::to_string(&input).unwrap(),
///     r#"{"type":"SITE_VISIT","due_date":"2026-05-20T15:00:00Z"}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreateTaskInput {
    pub r#type: TaskType,
    /// ISO 8601, e.g. `2026-05-20T15:00:00Z`.
    pub due_date: String,
    /// ISO 8601; now < `notify_at` ≤ `due_date`. Server default: REMINDER → `due_date`,
    /// FIRST_CALL → immediately, others → 10 minutes before `due_date`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notify_at: Option<String>,
    /// Shown on the lead timeline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_note: Option<String>,
}

impl CreateTaskInput {
    /// A task of `task_type` due at `due_date`, with the server's default `notify_at` and no note.
    pub fn new(task_type: TaskType, due_date: impl Into<String>) -> Self {
        CreateTaskInput {
            r#type: task_type,
            due_date: due_date.into(),
            notify_at: None,
            customer_note: None,
        }
    }
}
