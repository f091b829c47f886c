//! The requirements on the need page: the list in its order, what the
//! person may do to each, and the forms to propose and to change one.
//! The page holds one requirement form at a time (the proposal, or the
//! change of the requirement named in `?andra-krav=`), so each field's id
//! is the page's only one and the error summary's links land on it.

use super::{
    api::{AcceptRequirement, EditRequirement, MoveRequirement, ProposeRequirement},
    text::{level_label, text, RequirementStrings},
    Level, Requirement, REQUIREMENT_MAX,
};
use crate::{
    i18n::{use_lang, Lang},
    needs::{pages::FormPlace, text::short_date},
    ui::{
        form::{ErrorSummary, FieldGroup, FormFeedback, Notice, TextField},
        query_value,
    },
};
use leptos::{prelude::*, server_fn::ServerFn};

/// The query parameter naming the requirement being changed.
const EDIT_PARAM: &str = "andra-krav";

/// The need's functional requirements in order, with what the person may
/// do to each, and the form to propose one.
#[component]
pub fn Requirements(
    need: String,
    requirements: Vec<Requirement>,
    may_propose: bool,
    may_accept: bool,
    /// Proposing is what the person came for: the form is open, not
    /// behind a disclosure.
    #[prop(optional)]
    propose_first: bool,
) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let count = requirements.len();
    let edit_form = FormFeedback::for_action(EditRequirement::PATH);
    let move_form = FormFeedback::for_action(MoveRequirement::PATH);
    let accept_form = FormFeedback::for_action(AcceptRequirement::PATH);
    let wanted = query_value(EDIT_PARAM);
    let editing = requirements
        .iter()
        .find(|r| r.public_id == wanted && r.may_edit)
        .map(|r| r.public_id.clone());
    // A refused change whose requirement is not on the page (any more)
    // is told at the top of the section.
    let stray = editing.is_none().then(|| edit_form.error()).flatten();
    let saved = match query_value("krav").as_str() {
        "foreslaget" => Some(t.requirement_proposed),
        "andrat" => Some(t.requirement_edited),
        "accepterat" => Some(t.requirement_accepted),
        _ => None,
    };
    let items = requirements
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            let edit =
                (editing.as_deref() == Some(r.public_id.as_str())).then(|| edit_form.clone());
            view! {
                <RequirementItem need=need.clone() requirement=r number=i + 1 count may_propose
                    may_accept edit />
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="krav">
            <h2 id="krav">{t.requirements_heading}</h2>
            <Notice show=saved.is_some() text=saved.unwrap_or_default() id="krav-sparat" />
            <ErrorSummary level=3 error=stray.or(move_form.error()).or(accept_form.error()) />
            {if count == 0 {
                view! { <p>{t.requirements_none}</p> }.into_any()
            } else {
                view! { <ol class="requirements">{items}</ol> }.into_any()
            }}
            {(may_propose && editing.is_none()).then(|| view! { <ProposeForm need=need.clone() first=propose_first /> })}
        </section>
    }
}

/// One requirement: its text, who proposed and changed it, and what the
/// person may do to it; `edit` holds the change form's feedback when this
/// is the requirement being changed.
#[component]
fn RequirementItem(
    need: String,
    requirement: Requirement,
    number: usize,
    count: usize,
    may_propose: bool,
    may_accept: bool,
    edit: Option<FormFeedback>,
) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let sv = (lang == Lang::En).then_some("sv");
    let status = crate::needs::text::text(lang).status;
    let r = requirement;
    let label = format!("{} {number}", t.requirement);
    let state = if r.accepted { t.accepted } else { t.proposed };
    let attribution = match &r.edited {
        Some((by, at)) => format!(
            "{} · {} {by} {}",
            r.proposed_by,
            t.edited_by,
            short_date(*at, lang)
        ),
        None => r.proposed_by.clone(),
    };
    let id = r.public_id.clone();
    let edit_link = (r.may_edit && edit.is_none()).then(|| {
        let href = format!("/behov/{need}?{EDIT_PARAM}={id}#krav-{id}");
        view! {
            <a class="button button--small button--quiet-dark" href=href>
                {t.edit_requirement}<span class="visually-hidden">{format!(": {label}")}</span>
            </a>
        }
    });
    view! {
        <li class="card requirement" id=format!("krav-{id}")>
            <h3>{format!("{label} – {}", level_label(r.level, lang))}</h3>
            <p lang=sv>{r.text.clone()}</p>
            <dl class="facts">
                <dt>{t.motive}</dt><dd lang=sv>{r.motive.clone()}</dd>
                <dt>{t.verification}</dt><dd lang=sv>{r.verification.clone()}</dd>
                <dt>{status}</dt><dd>{state}</dd>
                <dt>{t.proposed_by}</dt><dd>{attribution}</dd>
            </dl>
            <div class="button-row">
                {(may_accept && !r.accepted).then(|| {
                    let (id, label) = (id.clone(), label.clone());
                    let action = ServerAction::<AcceptRequirement>::new();
                    view! {
                        <ActionForm action>
                            <input type="hidden" name="requirement" value=id.clone() />
                            <button type="submit" class="button button--small">
                                {t.accept_button}<span class="visually-hidden">{format!(": {label}")}</span>
                            </button>
                        </ActionForm>
                    }
                })}
                {(may_propose && number > 1).then(|| move_button(&id, "up", t.move_up, &label))}
                {(may_propose && number < count).then(|| move_button(&id, "down", t.move_down, &label))}
                {edit_link}
            </div>
            {edit.map(|form| view! { <EditRequirementForm need requirement=r.clone() form /> })}
        </li>
    }
}

fn move_button(
    requirement: &str,
    direction: &'static str,
    text: &'static str,
    label: &str,
) -> impl IntoView {
    let action = ServerAction::<MoveRequirement>::new();
    let requirement = requirement.to_string();
    let label = format!(": {label}");
    view! {
        <ActionForm action>
            <input type="hidden" name="requirement" value=requirement />
            <input type="hidden" name="direction" value=direction />
            <button type="submit" class="button button--small button--quiet-dark">
                {text}<span class="visually-hidden">{label}</span>
            </button>
        </ActionForm>
    }
}

/// Every field the requirement form can refuse, for the error summary.
fn field_labels(t: &'static RequirementStrings) -> Vec<(&'static str, &'static str)> {
    vec![
        ("text", t.requirement_text),
        ("motive", t.motive),
        ("verification", t.verification),
        ("level", t.level),
    ]
}

/// The fields of a requirement: what was sent when the form came back,
/// else what is saved.
#[component]
fn RequirementFields(fields: FormFeedback, current: Option<Requirement>) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let sent = fields.error().is_some();
    let saved = current.as_ref();
    let value = |name: &str, saved: Option<&str>| {
        if sent {
            fields.value(name)
        } else {
            saved.unwrap_or_default().to_string()
        }
    };
    let level = if sent {
        Level::parse(&fields.value("level"))
    } else {
        saved.map(|r| r.level)
    };
    let level = level.unwrap_or(Level::Must);
    view! {
        <TextField name="text" label=t.requirement_text hint=t.requirement_text_hint required=true
            multiline=true max_length=REQUIREMENT_MAX value=value("text", saved.map(|r| r.text.as_str()))
            problem=fields.problem("text") />
        <TextField name="motive" label=t.motive hint=t.motive_hint required=true multiline=true
            max_length=REQUIREMENT_MAX value=value("motive", saved.map(|r| r.motive.as_str()))
            problem=fields.problem("motive") />
        <TextField name="verification" label=t.verification required=true multiline=true
            max_length=REQUIREMENT_MAX
            value=value("verification", saved.map(|r| r.verification.as_str()))
            problem=fields.problem("verification") />
        <FieldGroup name="level" legend=t.level required=true problem=fields.problem("level")>
            {[Level::Must, Level::Should].into_iter().map(|l| {
                let field_id = format!("field-level-{}", l.code());
                view! {
                    <div class="choice">
                        <input type="radio" id=field_id.clone() name="level" value=l.code() checked=l == level />
                        <label for=field_id>{level_label(l, lang)}</label>
                    </div>
                }
            }).collect_view()}
        </FieldGroup>
    }
}

#[component]
fn ProposeForm(need: String, first: bool) -> impl IntoView {
    let t = text(use_lang());
    let action = ServerAction::<ProposeRequirement>::new();
    let form = FormFeedback::for_action(ProposeRequirement::PATH);
    let open = form.error().is_some();
    view! {
        <FormPlace heading=t.propose_heading id="foresla-krav" first open>
            <ErrorSummary level=4 error=form.error() labels=field_labels(t) />
            <ActionForm action>
                <input type="hidden" name="need" value=need />
                <RequirementFields fields=form.clone() current=None />
                <button type="submit" class="button">{t.propose_button}</button>
            </ActionForm>
        </FormPlace>
    }
}

/// Changing one requirement, in its place in the list; the summary of a
/// refused change stands directly above the form.
#[component]
fn EditRequirementForm(
    need: String,
    requirement: Requirement,
    form: FormFeedback,
) -> impl IntoView {
    let t = text(use_lang());
    let action = ServerAction::<EditRequirement>::new();
    let id = requirement.public_id.clone();
    let version = requirement.version;
    let cancel = format!("/behov/{need}#krav-{id}");
    view! {
        <div class="requirement__edit">
            <h4>{t.edit_requirement}</h4>
            <ErrorSummary level=4 error=form.error() labels=field_labels(t) />
            <ActionForm action>
                <input type="hidden" name="requirement" value=id />
                <input type="hidden" name="version" value=version />
                <RequirementFields fields=form.clone() current=Some(requirement) />
                <div class="button-row">
                    <button type="submit" class="button">{t.save_requirement}</button>
                    <a class="button button--quiet-dark" href=cancel>{t.cancel_edit}</a>
                </div>
            </ActionForm>
        </div>
    }
}
