//! Irreversible actions in two steps (WCAG 3.3.4), without JavaScript:
//! the first button opens a disclosure that says what will happen, the
//! button inside it sends the form. The server refuses the action unless
//! that second button sent it.

use crate::error::{AppError, FieldError, FieldProblem};
use leptos::prelude::*;

/// The field the confirming button sends.
pub const CONFIRM_FIELD: &str = "confirm";
const CONFIRMED: &str = "ja";

/// The two steps, inside the action's form.
#[component]
pub fn ConfirmStep(
    /// The first button's text ("Ta bort").
    open: String,
    /// What the action is about, for screen readers: ": Anna Berg" after
    /// "Ta bort" among other comments' buttons.
    #[prop(optional)]
    context: Option<String>,
    /// What will happen, said plainly.
    explain: String,
    /// The sending button's text ("Ja, ta bort kommentaren").
    confirm: String,
) -> impl IntoView {
    view! {
        <details class="confirm">
            <summary class="button button--quiet-dark">
                {open}
                {context.map(|c| view! { <span class="visually-hidden">{c}</span> })}
            </summary>
            <div class="confirm__panel">
                <p>{explain}</p>
                <button type="submit" name=CONFIRM_FIELD value=CONFIRMED class="button button--danger">
                    {confirm}
                </button>
            </div>
        </details>
    }
}

/// The action goes ahead only when its confirming button sent the form.
pub fn require_confirmed(sent: &str) -> Result<(), AppError> {
    if sent == CONFIRMED {
        return Ok(());
    }
    Err(AppError::Validation {
        fields: vec![FieldError {
            field: CONFIRM_FIELD.into(),
            problem: FieldProblem::NotConfirmed,
        }],
        values: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_confirming_button_lets_the_action_through() {
        assert_eq!(require_confirmed("ja"), Ok(()));
        for sent in ["", "nej", "JA ", "true"] {
            let err = require_confirmed(sent).unwrap_err();
            assert_eq!(
                err.field_problem("confirm"),
                Some(FieldProblem::NotConfirmed),
                "{sent:?}"
            );
        }
    }
}
