//! Checking a form's fields: every problem at once, and the values sent
//! echoed back so nothing typed is lost.

use super::{AppError, FieldError, FieldProblem, Result};
use serde::Serialize;

/// Collects field problems while a form is checked, so every problem is
/// reported at once rather than one per submit.
#[derive(Default)]
pub struct Checker {
    fields: Vec<FieldError>,
}

impl Checker {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn refuse(&mut self, field: &str, problem: FieldProblem) {
        self.fields.push(FieldError {
            field: field.into(),
            problem,
        });
    }

    /// Trims `value` and checks it is present (when `required`) and within
    /// `max` characters; returns the trimmed text.
    pub fn text(&mut self, field: &str, value: &str, required: bool, max: usize) -> String {
        let value = value.trim();
        if required && value.is_empty() {
            self.refuse(field, FieldProblem::Required);
        } else if value.chars().count() > max {
            self.refuse(field, FieldProblem::TooLong { max: max as u32 });
        }
        value.to_string()
    }

    /// A whole number within `min..=max`; spaces between digit groups are
    /// allowed ("1 200 000").
    pub fn number(&mut self, field: &str, value: &str, min: i64, max: i64) -> Option<i64> {
        let digits: String = value
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
            .collect();
        if digits.is_empty() {
            self.refuse(field, FieldProblem::Required);
            return None;
        }
        match digits.parse::<i64>() {
            Ok(n) if (min..=max).contains(&n) => Some(n),
            Ok(_) => {
                self.refuse(field, FieldProblem::OutOfRange { min, max });
                None
            }
            Err(_) => {
                self.refuse(field, FieldProblem::NotAWholeNumber);
                None
            }
        }
    }

    /// A web address as people type it: "www.kommun.se" is taken as
    /// https://www.kommun.se; only http and https, and a host with a dot.
    pub fn web_address(&mut self, field: &str, value: &str, required: bool, max: usize) -> String {
        let typed = self.text(field, value, required, max);
        if typed.is_empty() {
            return typed;
        }
        let address = if typed.contains("://") {
            typed
        } else {
            format!("https://{typed}")
        };
        let host = address
            .strip_prefix("https://")
            .or_else(|| address.strip_prefix("http://"))
            .map(|rest| rest.split(['/', '?', '#']).next().unwrap_or_default());
        let valid = host.is_some_and(|h| {
            h.contains('.')
                && !h.starts_with('.')
                && !h.ends_with('.')
                && h.chars()
                    .all(|c| c.is_alphanumeric() || c == '.' || c == '-')
        });
        if !valid && !self.has_problem(field) {
            self.refuse(field, FieldProblem::InvalidUrl);
        }
        address
    }

    /// Whether a field has been refused already.
    pub fn has_problem(&self, field: &str) -> bool {
        self.fields.iter().any(|f| f.field == field)
    }

    /// Ends the check of a form type: an error echoing every field the
    /// form holds (its `Serialize`, which leaves out secrets such as
    /// passwords with `#[serde(skip_serializing)]`) if any was refused.
    pub fn finish_form<F: Serialize>(self, form: &F) -> Result<()> {
        if self.fields.is_empty() {
            return Ok(());
        }
        Err(AppError::Validation {
            fields: self.fields,
            values: echo(form),
        })
    }

    /// Ends the check: an error echoing `values` if any field was refused.
    pub fn finish(self, values: &[(&str, &str)]) -> Result<()> {
        if self.fields.is_empty() {
            return Ok(());
        }
        Err(AppError::Validation {
            fields: self.fields,
            values: values
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        })
    }
}

/// A form's fields as (name, value) pairs, a repeated field once per value.
fn echo<F: Serialize>(form: &F) -> Vec<(String, String)> {
    let Ok(serde_json::Value::Object(fields)) = serde_json::to_value(form) else {
        return Vec::new();
    };
    let text = |value: &serde_json::Value| match value {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        serde_json::Value::Bool(b) => Some(b.to_string()),
        _ => None,
    };
    let mut out = Vec::new();
    for (name, value) in fields {
        match value {
            serde_json::Value::Array(items) => {
                out.extend(items.iter().filter_map(text).map(|v| (name.clone(), v)))
            }
            other => out.extend(text(&other).map(|v| (name.clone(), v))),
        }
    }
    out
}
