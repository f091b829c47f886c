//! The requirements on the need page: the list in its order, what the
//! person may do to each, and the forms to propose and edit one.

use super::{
    api::{AcceptRequirement, EditRequirement, MoveRequirement, ProposeRequirement},
    text::text,
    Level, Requirement, REQUIREMENT_MAX,
};
use crate::{
    i18n::use_lang,
    ui::{
        form::{ErrorSummary, FormFeedback, Notice},
        query_has,
    },
};
use leptos::{prelude::*, server_fn::ServerFn};

/// The need's functional requirements in order, with what the person may
/// do to each, and the form to propose one.
#[component]
pub fn Requirements(
    need: String,
    requirements: Vec<Requirement>,
    may_propose: bool,
    may_accept: bool,
) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let status = crate::needs::text::text(lang).status;
    let count = requirements.len();
    let edit_form = FormFeedback::for_action(EditRequirement::PATH);
    let move_form = FormFeedback::for_action(MoveRequirement::PATH);
    let accept_form = FormFeedback::for_action(AcceptRequirement::PATH);
    view! {
        <Notice show=query_has("krav") text=t.requirement_saved />
        <Notice show=query_has("accepterat") text=t.requirement_accepted />
        <section aria-labelledby="krav">
            <h2 id="krav">{t.requirements_heading}</h2>
            <ErrorSummary error=edit_form.error().or(move_form.error()).or(accept_form.error()) />
            {if requirements.is_empty() {
                view! { <p>{t.requirements_none}</p> }.into_any()
            } else {
                view! {
                    <ol class="requirements">
                        {requirements.into_iter().enumerate().map(|(i, r)| {
                            let number = i + 1;
                            let level = if r.level == Level::Must { t.level_must } else { t.level_should };
                            let state = if r.accepted { t.accepted } else { t.proposed };
                            let label = format!("{} {number}", t.requirement);
                            view! {
                                <li class="card requirement">
                                    <h3>{format!("{label} – {level}")}</h3>
                                    <p>{r.text.clone()}</p>
                                    <dl class="facts">
                                        <dt>{t.motive}</dt><dd>{r.motive.clone()}</dd>
                                        <dt>{t.verification}</dt><dd>{r.verification.clone()}</dd>
                                        <dt>{status}</dt><dd>{state}</dd>
                                        <dt>{t.proposed_by}</dt><dd>{r.proposed_by.clone()}</dd>
                                    </dl>
                                    <div class="button-row">
                                        {(may_accept && !r.accepted).then(|| {
                                            let action = ServerAction::<AcceptRequirement>::new();
                                            let id = r.public_id.clone();
                                            let label = label.clone();
                                            view! {
                                                <ActionForm action>
                                                    <input type="hidden" name="requirement" value=id />
                                                    <button type="submit" class="button button--small">
                                                        {t.accept_button}<span class="visually-hidden">{format!(": {label}")}</span>
                                                    </button>
                                                </ActionForm>
                                            }
                                        })}
                                        {(may_propose && i > 0).then(|| move_button(&r.public_id, "up", t.move_up, &label))}
                                        {(may_propose && number < count).then(|| move_button(&r.public_id, "down", t.move_down, &label))}
                                    </div>
                                    {may_propose.then(|| view! { <EditRequirementForm requirement=r.clone() label=label.clone() /> })}
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }
                .into_any()
            }}
            {may_propose.then(|| view! { <ProposeForm need=need.clone() /> })}
        </section>
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

/// The fields of a requirement, with ids unique on the page.
#[component]
fn RequirementFields(
    prefix: String,
    fields: FormFeedback,
    current: Option<Requirement>,
) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let value = |name: &str, saved: Option<&str>| {
        let sent = fields.value(name);
        if fields.error().is_some() && !sent.is_empty() {
            sent
        } else {
            saved.unwrap_or_default().to_string()
        }
    };
    let saved = current.as_ref();
    let level = saved.map(|r| r.level).unwrap_or(Level::Must);
    let id = |name: &str| format!("{prefix}-{name}");
    let area = |name: &'static str,
                label: &'static str,
                hint: Option<&'static str>,
                saved: Option<&str>| {
        let field_id = id(name);
        let hint_id = format!("{field_id}-hint");
        let current = value(name, saved);
        view! {
            <div class="field">
                <label for=field_id.clone()>{label}</label>
                {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
                <textarea id=field_id name=name rows="3" required=true maxlength=REQUIREMENT_MAX
                    aria-describedby=hint.map(|_| hint_id.clone())>{current}</textarea>
            </div>
        }
    };
    view! {
        {area("text", t.requirement_text, Some(t.requirement_text_hint), saved.map(|r| r.text.as_str()))}
        {area("motive", t.motive, None, saved.map(|r| r.motive.as_str()))}
        {area("verification", t.verification, None, saved.map(|r| r.verification.as_str()))}
        <fieldset class="field">
            <legend>{t.level}</legend>
            {[(Level::Must, t.level_must), (Level::Should, t.level_should)].into_iter().map(|(l, label)| {
                let field_id = id(&format!("level-{}", l.code()));
                view! {
                    <div class="choice">
                        <input type="radio" id=field_id.clone() name="level" value=l.code() checked=l == level />
                        <label for=field_id>{label}</label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}

#[component]
fn ProposeForm(need: String) -> impl IntoView {
    let t = text(use_lang());
    let action = ServerAction::<ProposeRequirement>::new();
    let form = FormFeedback::for_action(ProposeRequirement::PATH);
    view! {
        <h3>{t.propose_heading}</h3>
        <ErrorSummary error=form.error() labels=vec![
            ("text", t.requirement_text), ("motive", t.motive), ("verification", t.verification), ("level", t.level),
        ] />
        <ActionForm action>
            <input type="hidden" name="need" value=need />
            <RequirementFields prefix="nytt-krav".to_string() fields=form.clone() current=None />
            <button type="submit" class="button">{t.propose_button}</button>
        </ActionForm>
    }
}

/// Editing in a disclosure, so the page stays short and it works without
/// JavaScript.
#[component]
fn EditRequirementForm(requirement: Requirement, label: String) -> impl IntoView {
    let t = text(use_lang());
    let action = ServerAction::<EditRequirement>::new();
    let prefix = format!("krav-{}", requirement.public_id);
    let id = requirement.public_id.clone();
    let version = requirement.version;
    view! {
        <details>
            <summary>{t.edit_requirement}<span class="visually-hidden">{format!(": {label}")}</span></summary>
            <ActionForm action>
                <input type="hidden" name="requirement" value=id />
                <input type="hidden" name="version" value=version />
                <RequirementFields prefix fields=FormFeedback::default() current=Some(requirement) />
                <button type="submit" class="button">{t.save_requirement}</button>
            </ActionForm>
        </details>
    }
}
