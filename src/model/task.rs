//! A task on a lead, as Create Task and List Tasks return it.

use super::input::TaskType;
use serde::{Deserialize, Serialize};

/// A task. API.md lists the fields but not most of their types, so only what a task cannot be
/// without is required (`id`, `type`, `due_date`, `task_status`, `status`); ids, when present,
/// must be numbers; `type` and the statuses stay strings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Task {
    pub id: u64,
    #[serde(default)]
    pub org_id: Option<u64>,
    /// The lead's id.
    #[serde(default)]
    pub customer_id: Option<u64>,
    #[serde(default)]
    pub title: Option<String>,
    /// One of the [`TaskType`] names, kept as a string.
    pub r#type: String,
    /// ISO 8601.
    pub due_date: String,
    /// ISO 8601.
    #[serde(default)]
    pub notify_at: Option<String>,
    /// Undocumented type; kept as JSON.
    #[serde(default)]
    pub notify: Option<serde_json::Value>,
    /// `"PENDING"` or `"COMPLETE"`.
    pub task_status: String,
    /// `"ACTIVE"` or `"COMPLETE"`.
    pub status: String,
    #[serde(default)]
    pub assignee_user_id: Option<u64>,
    #[serde(default)]
    pub created_by: Option<u64>,
    #[serde(default)]
    pub updated_by: Option<u64>,
    #[serde(default)]
    pub created_at: Option<String>,
    #[serde(default)]
    pub updated_at: Option<String>,
}

impl Task {
    /// The task's type, when it is one of the six this SDK knows.
    pub fn task_type(&self) -> Option<TaskType> {
        TaskType::from_name(&self.r#type)
    }

    /// Whether the task is still open (`task_status` is `"PENDING"`).
    pub fn is_pending(&self) -> bool {
        self.task_status == "PENDING"
    }
}
