//! The one form that moves something along its lifecycle (a network, a
//! need, a dialogue) with a reason: the same fields, errors and wording in
//! every room.

use crate::ui::form::{ErrorSummary, FormFeedback, SelectField, TextField};
use leptos::prelude::*;

/// What a room fills in to show the form.
#[derive(Clone, Debug)]
pub struct StatusChange {
    /// The server function's path (its `PATH`).
    pub action: &'static str,
    /// The hidden field naming what changes, e.g. ("network", public id).
    pub subject: (&'static str, String),
    /// The steps that may come next: (code, label).
    pub options: Vec<(String, String)>,
    pub heading: &'static str,
    pub new_status: &'static str,
    pub reason: &'static str,
    pub reason_max: usize,
}

/// Nothing when no step may come next.
#[component]
pub fn StatusChangeForm(change: StatusChange) -> impl IntoView {
    let form = FormFeedback::for_action(change.action);
    let fields = form.clone();
    let StatusChange {
        action,
        subject: (name, value),
        options,
        heading,
        new_status,
        reason,
        reason_max,
    } = change;
    (!options.is_empty()).then(|| {
        view! {
            <section aria-labelledby="andra-status">
                <h2 id="andra-status">{heading}</h2>
                <ErrorSummary error=form.error() labels=vec![("status", new_status), ("reason", reason)] />
                <form method="post" action=action>
                    <input type="hidden" name=name value=value />
                    <SelectField name="status" label=new_status options selected=String::new()
                        problem=fields.problem("status") />
                    <TextField name="reason" label=reason required=true multiline=true max_length=reason_max
                        value=fields.value("reason") problem=fields.problem("reason") />
                    <button type="submit" class="button">{heading}</button>
                </form>
            </section>
        }
    })
}
