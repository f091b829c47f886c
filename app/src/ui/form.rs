//! Form pieces that show server-side validation where the eye is.
//!
//! After a post without JavaScript the server redirects back with the
//! error in the URL (`__path`, `__err`, swapped in by the server from a
//! short key); `url_error` reads it back so the page can show the messages
//! and the values that were sent. The summary takes focus when the page
//! opens (the redirect also ends in `#error-summary`), every message is
//! tied to its field, and a success notice takes focus where it stands:
//! next to what was saved.

use crate::{
    error::{AppError, FieldProblem},
    i18n::{use_lang, Lang},
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
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] required: bool,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional_no_strip)] problem: Option<FieldProblem>,
) -> impl IntoView {
    let lang = use_lang();
    let id = format!("field-{name}");
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = described_by(
        hint.map(|_| hint_id.as_str()),
        problem.map(|_| error_id.as_str()),
    );
    view! {
        <div class="field" class:field--invalid=problem.is_some()>
            <FieldLabel for_id=id.clone() label required />
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            {problem.map(|p| view! { <p class="field-error" id=error_id.clone()>{p.message(lang)}</p> })}
            <select
                id=id
                name=name
                autocomplete=autocomplete
                aria-required=required.then_some("true")
                aria-describedby=described_by
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

/// A short confirmation after an action, placed next to what was saved.
/// It takes focus when the page opens, so it is in view and read out.
#[component]
pub fn Notice(
    show: bool,
    text: &'static str,
    /// The anchor a redirect after saving points at.
    #[prop(default = "notice")]
    id: &'static str,
) -> impl IntoView {
    show.then(|| {
        view! {
            <p class="notice" role="status" id=id tabindex="-1" autofocus=true>
                {text}
            </p>
        }
    })
}

/// A summary at the top of a form: what went wrong and links to the fields.
/// It takes focus when the page opens. After a sign-in in between, it says
/// instead that what was typed is back.
#[component]
pub fn ErrorSummary(
    error: Option<AppError>,
    #[prop(optional)] labels: Vec<(&'static str, &'static str)>,
    /// The heading's level, one below the heading the form stands under
    /// (3 in a section under an `<h2>`; 2, 3 or 4).
    #[prop(default = 2)]
    level: u8,
    /// Where one form is repeated on the page (once per organisation,
    /// per meeting): the part that was sent, whose `repeated` fields' ids
    /// end in `_<part>` (as `TextField`'s `field_id`), so each link lands.
    #[prop(optional_no_strip)]
    part: Option<String>,
    #[prop(optional)] repeated: &'static [&'static str],
) -> impl IntoView {
    let lang = use_lang();
    let t = lang.t();
    let heading = move |id: Option<&'static str>, text: &'static str| match level {
        3 => view! { <h3 id=id>{text}</h3> }.into_any(),
        4 => view! { <h4 id=id>{text}</h4> }.into_any(),
        _ => view! { <h2 id=id>{text}</h2> }.into_any(),
    };
    error.map(|error| {
        if let AppError::Restored { .. } = error {
            return view! {
                <div class="restored" role="status" tabindex="-1" id="error-summary" autofocus=true>
                    {heading(None, t.restored_heading)}
                    <p>{error.message(lang)}</p>
                </div>
            }
            .into_any();
        }
        let fields = match &error {
            AppError::Validation { fields, .. } => fields.clone(),
            _ => Vec::new(),
        };
        view! {
            <div
                class="error-summary"
                role="alert"
                tabindex="-1"
                id="error-summary"
                aria-labelledby="error-summary-heading"
                autofocus=true
            >
                {heading(Some("error-summary-heading"), t.error_summary_heading)}
                <p>{error.message(lang)}</p>
                <ul>
                    {fields
                        .into_iter()
                        .map(|f| {
                            let label = field_label(&labels, &f.field);
                            let target = match &part {
                                Some(part) if repeated.contains(&f.field.as_str()) => {
                                    format!("#field-{}_{part}", f.field)
                                }
                                _ => format!("#field-{}", f.field),
                            };
                            view! {
                                <li>
                                    <a href=target>
                                        {format!("{label}: {}", f.problem.message(lang))}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </div>
        }
        .into_any()
    })
}

/// Whether the page being rendered shows a refused form: its title then
/// starts with "Fel:", as the first thing a screen reader says.
pub fn page_shows_refusal() -> bool {
    #[cfg(feature = "ssr")]
    {
        let Some(parts) = use_context::<http::request::Parts>() else {
            return false;
        };
        let Some(query) = parts.uri.query() else {
            return false;
        };
        form_urlencoded::parse(query.as_bytes())
            .find(|(key, _)| key == "__err")
            .map(|(_, encoded)| ServerFnUrlError::<AppError>::decode_err(&encoded))
            .is_some_and(|error| !matches!(error, AppError::Restored { .. }))
    }
    #[cfg(not(feature = "ssr"))]
    false
}

/// "Rubrik (obligatoriskt)": a required field says so in words, next to
/// its label. The field's own `aria-required` is what screen readers
/// announce, so the words are hidden from them and kept out of the label:
/// said once, and the field's name is its label alone.
#[component]
fn FieldLabel(for_id: String, label: &'static str, required: bool) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="field__label">
            <label for=for_id>{label}</label>
            {required.then(|| view! {
                <span class="required" aria-hidden="true">" (" {lang.t().required} ")"</span>
            })}
        </div>
    }
}

/// A group's legend: a group has no `aria-required`, so its legend says
/// "(obligatoriskt)" to everyone.
#[component]
fn LegendText(label: &'static str, required: bool) -> impl IntoView {
    let lang = use_lang();
    view! {
        {label}
        {required.then(|| view! { <span class="required">" (" {lang.t().required} ")"</span> })}
    }
}

/// A group of check boxes or radio buttons under one legend, with its
/// hint and its error tied to the group. The summary's link lands on it.
#[component]
pub fn FieldGroup(
    name: &'static str,
    legend: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] required: bool,
    #[prop(optional_no_strip)] problem: Option<FieldProblem>,
    children: Children,
) -> impl IntoView {
    let lang = use_lang();
    let id = format!("field-{name}");
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = described_by(
        hint.map(|_| hint_id.as_str()),
        problem.map(|_| error_id.as_str()),
    );
    view! {
        <fieldset
            class="field field-group"
            class:field--invalid=problem.is_some()
            id=id
            tabindex="-1"
            aria-describedby=described_by
        >
            <legend>
                <LegendText label=legend required />
            </legend>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            {problem.map(|p| view! { <p class="field-error" id=error_id>{p.message(lang)}</p> })}
            {children()}
        </fieldset>
    }
}

fn described_by(hint: Option<&str>, error: Option<&str>) -> Option<String> {
    let ids = [hint, error]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    (!ids.is_empty()).then_some(ids)
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

/// A labelled text input or text area with its hint and its error. A
/// text area with a limit counts its characters instead of cutting what
/// is pasted; the server refuses too long a text and gives it back whole.
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
    /// For a field sent once per part (`answer`, `answer`, …): the name
    /// its error and its id go by ("answer_2").
    #[prop(optional)]
    field_id: Option<String>,
    /// A form opened from a link ("Svara") takes the person to its field.
    #[prop(optional)]
    autofocus: bool,
) -> impl IntoView {
    let lang = use_lang();
    let id = format!("field-{}", field_id.as_deref().unwrap_or(name));
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let count_id = format!("{id}-count");
    let counted = multiline.then_some(max_length).flatten();
    let ids = [
        hint.map(|_| hint_id.as_str()),
        problem.map(|_| error_id.as_str()),
        counted.map(|_| count_id.as_str()),
    ];
    let described_by = ids.into_iter().flatten().collect::<Vec<_>>().join(" ");
    let described_by = (!described_by.is_empty()).then_some(described_by);
    let invalid = problem.map(|_| "true");
    let control = if multiline {
        let initial = value.chars().count();
        view! {
            <textarea
                id=id.clone()
                name=name
                rows="6"
                aria-required=required.then_some("true")
                aria-describedby=described_by
                aria-invalid=invalid
                autofocus=autofocus
            >
                {value}
            </textarea>
            {counted.map(|max| view! { <CharCount field=id.clone() initial max lang /> })}
        }
        .into_any()
    } else {
        view! {
            <input
                id=id.clone()
                name=name
                type=kind
                value=value
                aria-required=required.then_some("true")
                autocomplete=autocomplete
                aria-describedby=described_by
                aria-invalid=invalid
                autofocus=autofocus
            />
        }
        .into_any()
    };
    view! {
        <div class="field" class:field--invalid=problem.is_some()>
            <FieldLabel for_id=id.clone() label required />
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            {problem.map(|p| view! { <p class="field-error" id=error_id>{p.message(lang)}</p> })}
            {control}
        </div>
    }
}

/// The count of a text area's characters against its limit, as one
/// types. The count is part of the field's description; a screen reader
/// hears it again only when the text passes the limit or comes back under
/// it. Only the count is an island: the text area itself stays plain HTML
/// (a text area's content cannot carry hydration markers), and the island
/// follows its typing through the `input` events that reach the window.
/// Without JavaScript the count shows what the page was loaded with.
#[island]
fn CharCount(field: String, initial: usize, max: usize, lang: Lang) -> impl IntoView {
    let count = RwSignal::new(initial);
    let over = Memo::new(move |_| count.get() > max);
    let announced = RwSignal::new(String::new());
    Effect::new(move |was_over: Option<bool>| {
        let now_over = over.get();
        if was_over.is_some_and(|was| was != now_over) {
            announced.set(count_text(lang, count.get_untracked(), max));
        }
        now_over
    });
    let count_id = format!("{field}-count");
    // Lives as long as the page: the window keeps the listener.
    let _listening = window_event_listener(leptos::ev::input, move |ev| {
        let target = event_target::<leptos::web_sys::Element>(&ev);
        if target.id() == field {
            count.set(event_target_value(&ev).chars().count());
        }
    });
    view! {
        <p class="char-count" class:char-count--over=over id=count_id>
            {move || count_text(lang, count.get(), max)}
        </p>
        <p class="visually-hidden" aria-live="polite">{move || announced.get()}</p>
    }
}

/// "812 av högst 8 000 tecken", or "930 tecken för mycket".
fn count_text(lang: Lang, count: usize, max: usize) -> String {
    let t = lang.t();
    let n = |v: usize| lang.number(i64::try_from(v).unwrap_or(i64::MAX));
    if count > max {
        t.chars_over.replace("{n}", &n(count - max))
    } else {
        t.chars_count
            .replace("{n}", &n(count))
            .replace("{max}", &n(max))
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

    #[test]
    fn the_character_count_says_how_many_are_left_or_too_many() {
        use super::{count_text, Lang};
        assert_eq!(
            count_text(Lang::Sv, 812, 8000),
            "812 av högst 8\u{a0}000 tecken"
        );
        assert_eq!(count_text(Lang::Sv, 8930, 8000), "930 tecken för mycket");
        assert_eq!(
            count_text(Lang::En, 8000, 8000),
            "8,000 of at most 8,000 characters"
        );
    }
}
