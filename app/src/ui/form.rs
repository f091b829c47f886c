//! Form pieces that show server-side validation next to each field.
//!
//! After a post without JavaScript the server redirects back with the
//! error in the URL (`__path`, `__err`); `url_error` reads it back so the
//! page can show the messages and the values that were sent.

use crate::{
    error::{AppError, FieldProblem},
    i18n::use_lang,
};
use leptos::prelude::*;
use leptos::server_fn::error::ServerFnUrlError;
use leptos_router::hooks::use_query_map;

/// The error a server function at `path` sent back in this page's URL.
pub fn url_error(path: &str) -> Option<AppError> {
    let query = use_query_map().get_untracked();
    if query.get("__path").as_deref() != Some(path) {
        return None;
    }
    query
        .get("__err")
        .map(|encoded| ServerFnUrlError::<AppError>::decode_err(&encoded))
}

/// What a server function's redirect-back said about the form: the error,
/// the values that were sent, and the problem with each field.
#[derive(Clone, Debug, Default)]
pub struct FormFeedback(Option<AppError>);

impl FormFeedback {
    /// The feedback for the server function at `path`, from this page's URL.
    pub fn for_action(path: &str) -> Self {
        Self(url_error(path))
    }

    pub fn error(&self) -> Option<AppError> {
        self.0.clone()
    }

    pub fn value(&self, field: &str) -> String {
        self.0
            .as_ref()
            .and_then(|e| e.sent_value(field))
            .unwrap_or_default()
            .to_string()
    }

    /// The values sent for a repeated field; `None` when nothing came back.
    pub fn values(&self, field: &str) -> Option<Vec<String>> {
        let error = self.0.as_ref()?;
        Some(
            error
                .sent_values(field)
                .into_iter()
                .map(str::to_string)
                .collect(),
        )
    }

    pub fn problem(&self, field: &str) -> Option<FieldProblem> {
        self.0.as_ref().and_then(|e| e.field_problem(field))
    }
}

/// A labelled drop-down list.
#[component]
pub fn SelectField(
    name: &'static str,
    label: &'static str,
    /// (value, text) pairs.
    #[prop(into)]
    options: Vec<(String, String)>,
    selected: String,
    #[prop(optional_no_strip)] problem: Option<FieldProblem>,
) -> impl IntoView {
    let lang = use_lang();
    let id = format!("field-{name}");
    let error_id = format!("{id}-error");
    view! {
        <div class="field" class:field--invalid=problem.is_some()>
            <label for=id.clone()>{label}</label>
            {problem.map(|p| view! { <p class="field-error" id=error_id.clone()>{p.message(lang)}</p> })}
            <select
                id=id
                name=name
                aria-describedby=problem.map(|_| error_id.clone())
                aria-invalid=problem.map(|_| "true")
            >
                {options
                    .into_iter()
                    .map(|(value, text)| {
                        view! {
                            <option value=value.clone() selected=selected == value>
                                {text}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// A short confirmation after an action, read out by screen readers.
#[component]
pub fn Notice(show: bool, text: &'static str) -> impl IntoView {
    show.then(|| view! { <p class="notice" role="status">{text}</p> })
}

/// A summary at the top of a form: what went wrong and links to the fields.
#[component]
pub fn ErrorSummary(
    error: Option<AppError>,
    #[prop(optional)] labels: Vec<(&'static str, &'static str)>,
) -> impl IntoView {
    let lang = use_lang();
    error.map(|error| {
        let fields = match &error {
            AppError::Validation { fields, .. } => fields.clone(),
            _ => Vec::new(),
        };
        view! {
            <div class="error-summary" role="alert" tabindex="-1" id="error-summary">
                <h2>{lang.t().error_summary_heading}</h2>
                <p>{error.message(lang)}</p>
                <ul>
                    {fields
                        .into_iter()
                        .map(|f| {
                            let label = field_label(&labels, &f.field);
                            view! {
                                <li>
                                    <a href=format!("#field-{}", f.field)>
                                        {format!("{label}: {}", f.problem.message(lang))}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </div>
        }
    })
}

/// The label of `field`; a numbered row's field (`input_2`) takes its
/// base name's label with the number ("Inspel 2").
fn field_label(labels: &[(&'static str, &'static str)], field: &str) -> String {
    let find = |name: &str| {
        labels
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, label)| *label)
    };
    if let Some(label) = find(field) {
        return label.to_string();
    }
    field
        .rsplit_once('_')
        .filter(|(_, n)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|(base, n)| find(base).map(|label| format!("{label} {n}")))
        .unwrap_or_default()
}

/// A labelled text input or text area with its hint and its error.
#[component]
pub fn TextField(
    name: &'static str,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] required: bool,
    #[prop(optional)] multiline: bool,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] max_length: Option<usize>,
    #[prop(optional)] value: String,
    #[prop(optional_no_strip)] problem: Option<FieldProblem>,
) -> impl IntoView {
    let lang = use_lang();
    let id = format!("field-{name}");
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = [
        hint.map(|_| hint_id.clone()),
        problem.map(|_| error_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let described_by = (!described_by.is_empty()).then_some(described_by);
    let invalid = problem.map(|_| "true");
    let control = if multiline {
        view! {
            <textarea
                id=id.clone()
                name=name
                rows="6"
                required=required
                maxlength=max_length
                aria-describedby=described_by
                aria-invalid=invalid
            >
                {value}
            </textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=id.clone()
                name=name
                type=kind
                value=value
                required=required
                maxlength=max_length
                autocomplete=autocomplete
                aria-describedby=described_by
                aria-invalid=invalid
            />
        }
        .into_any()
    };
    view! {
        <div class="field" class:field--invalid=problem.is_some()>
            <label for=id>
                {label}
                {(!required).then(|| view! { <span class="optional">" (" {lang.t().optional} ")"</span> })}
            </label>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            {problem.map(|p| view! { <p class="field-error" id=error_id>{p.message(lang)}</p> })}
            {control}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::field_label;

    #[test]
    fn a_numbered_rows_field_is_named_by_its_base_label_and_number() {
        let labels = [("input", "Inspel"), ("session_1", "Tillfälle")];
        assert_eq!(field_label(&labels, "input_2"), "Inspel 2");
        assert_eq!(field_label(&labels, "session_1"), "Tillfälle");
        assert_eq!(field_label(&labels, "other_3"), "");
        assert_eq!(field_label(&labels, "input_x"), "");
    }
}
