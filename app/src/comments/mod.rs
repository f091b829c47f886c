//! Comments on needs and dialogues: threaded three levels
//! deep, written by a person for an organisation, Markdown rendered inert.
//! The author edits ("redigerad", earlier texts kept) and deletes (a
//! tombstone keeps the thread readable); a coordinator hides with a reason.
//! A deleted account's comments stay, signed "Borttagen användare".

pub mod api;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod store;
pub mod text;

use crate::error::{AppError, Checker};
use serde::{Deserialize, Serialize};

pub use crate::core::subject::Subject;

pub const BODY_MAX: usize = 5000;
/// Replies go three levels deep: a comment, a reply, a reply to that.
pub const MAX_DEPTH: i64 = 2;
/// Threads (top-level comments with their replies) per page.
pub const THREADS_PER_PAGE: usize = 10;

/// A comment's Markdown, checked: present and at most [`BODY_MAX`]
/// characters, trimmed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommentBody(String);

impl CommentBody {
    /// The `body` field as sent; refused with the text echoed back.
    pub fn parse(body: &str) -> Result<CommentBody, AppError> {
        let mut check = Checker::new();
        let text = check.text("body", body, true, BODY_MAX);
        check.finish(&[("body", body)])?;
        Ok(CommentBody(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Why a coordinator hides a comment: shown in its place and logged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HideReason(String);

impl HideReason {
    /// The `reason` field as sent; refused with the text echoed back.
    pub fn parse(reason: &str) -> Result<HideReason, AppError> {
        let mut check = Checker::new();
        let text = check.text("reason", reason, true, crate::networks::REASON_MAX);
        check.finish(&[("reason", reason)])?;
        Ok(HideReason(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CommentState {
    Visible,
    /// Deleted by its author: the place in the thread stays.
    Deleted,
    /// Hidden by a coordinator, with the reason.
    Hidden(String),
}

/// A comment as the page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comment {
    pub public_id: String,
    pub depth: i64,
    pub author: String,
    pub organisation: String,
    /// Markdown rendered on the server; empty unless visible.
    pub body_html: String,
    /// The Markdown source, for the author's edit form.
    pub body: String,
    pub created_at: i64,
    pub edited: bool,
    pub state: CommentState,
    /// Written by the person asking.
    pub mine: bool,
}

/// One page of a subject's discussion.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Discussion {
    /// Each thread in reading order: the top-level comment, then its
    /// replies depth-first.
    pub threads: Vec<Vec<Comment>>,
    /// The cursor for the next page of threads.
    pub next: Option<String>,
    /// Time of the newest comment on the subject, for live updates.
    pub newest: i64,
    pub may_post: bool,
    pub may_moderate: bool,
    /// Whether the reader follows the discussion (is notified of what is
    /// written in it).
    pub following: bool,
}

/// Orders comments (oldest first) into threads, each depth-first.
/// `parents[i]` is the index in `comments` of comment i's parent.
pub fn thread_order<T: Clone>(comments: &[T], parents: &[Option<usize>]) -> Vec<Vec<T>> {
    fn walk<T: Clone>(i: usize, comments: &[T], parents: &[Option<usize>], out: &mut Vec<T>) {
        out.push(comments[i].clone());
        for (child, parent) in parents.iter().enumerate() {
            if *parent == Some(i) {
                walk(child, comments, parents, out);
            }
        }
    }
    (0..comments.len())
        .filter(|i| parents[*i].is_none())
        .map(|root| {
            let mut thread = Vec::new();
            walk(root, comments, parents, &mut thread);
            thread
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::FieldProblem;

    #[test]
    fn a_comment_needs_text_within_the_limit_and_is_trimmed() {
        assert_eq!(
            CommentBody::parse("  Hej **alla**\n").unwrap().as_str(),
            "Hej **alla**"
        );
        let empty = CommentBody::parse("   ").unwrap_err();
        assert_eq!(empty.field_problem("body"), Some(FieldProblem::Required));
        assert_eq!(empty.sent_value("body"), Some("   "));
        let long = "x".repeat(BODY_MAX + 1);
        let refused = CommentBody::parse(&long).unwrap_err();
        assert_eq!(
            refused.field_problem("body"),
            Some(FieldProblem::TooLong {
                max: BODY_MAX as u32
            })
        );
        assert_eq!(refused.sent_value("body"), Some(long.as_str()));
    }

    #[test]
    fn hiding_needs_a_reason() {
        assert_eq!(
            HideReason::parse(" Personuppgifter ").unwrap().as_str(),
            "Personuppgifter"
        );
        let none = HideReason::parse(" ").unwrap_err();
        assert_eq!(none.field_problem("reason"), Some(FieldProblem::Required));
        assert_eq!(none.sent_value("reason"), Some(" "));
    }

    #[test]
    fn threads_read_depth_first_in_time_order() {
        let comments = ["a", "b", "a1", "a2", "a1x", "b1"];
        let parents = [None, None, Some(0), Some(0), Some(2), Some(1)];
        assert_eq!(
            thread_order(&comments, &parents),
            [vec!["a", "a1", "a1x", "a2"], vec!["b", "b1"]]
        );
    }
}
