//! What the FAQ keeps for the staff: questions it could not answer and
//! feedback on its answers (the digest lists the most frequent).

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FaqLogKind {
    Unanswered,
    Helpful,
    Unhelpful,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FaqLog {
    pub at: Timestamp,
    pub user: i64,
    pub lang: Lang,
    pub kind: FaqLogKind,
    /// The entry the feedback is about.
    pub entry: Option<String>,
    /// The question as typed (for unanswered and 👎).
    pub text: Option<String>,
}
