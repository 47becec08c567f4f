//! A form's typed answers, as sessions, profiles and tickets keep them.

use std::collections::BTreeMap;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// One typed answer of a form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "t", content = "v", rename_all = "snake_case")]
pub enum Answer {
    Text(String),
    Number(i64),
    Choice(String),
    Choices(Vec<String>),
    Yes(bool),
    Phone(String),
    Email(String),
    Photos(Vec<String>),
    Region(String),
    Consent(Timestamp),
    Skipped,
}

impl Answer {
    /// The plain value a `when` condition compares with.
    pub fn matches(&self, value: &str) -> bool {
        match self {
            Answer::Choice(v) | Answer::Text(v) | Answer::Region(v) => v == value,
            Answer::Choices(vs) => vs.iter().any(|v| v == value),
            Answer::Yes(b) => (value == "yes") == *b,
            Answer::Number(n) => n.to_string() == value,
            _ => false,
        }
    }

    /// The answer as one string, for text-like answers.
    pub fn as_text(&self) -> Option<&str> {
        match self {
            Answer::Text(s) | Answer::Region(s) | Answer::Choice(s) | Answer::Phone(s) => Some(s),
            _ => None,
        }
    }
}

/// A form's answers by step id.
pub type Answers = BTreeMap<String, Answer>;
