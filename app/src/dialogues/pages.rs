//! The dialogue's pages: planning one, and the dialogue page with its
//! facts, lifecycle, hosts and Q&A; registration and the record come from
//! their sub-rooms, as does the printable record (`RecordPage`).
//! Resources are created at the top of each page (leptos-rs/leptos#4866).

pub use super::record::pages::RecordPage;

use super::{
    api::{AddHost, ChangeDialogueStatus, CreateDialogue, PublishAnswer},
    record::pages::{RecordExport, RecordTexts},
    registration::pages::RegistrationSection,
    text::{format_label, status_label, text},
    Dialogue, DialogueFormat, DialogueStatus, DialogueView, ListedDialogue,
};
use crate::{
    i18n::use_lang,
    regions,
    time::format_stockholm,
    ui::{
        form::{ErrorSummary, FormFeedback, Notice, SelectField, TextField},
        query_has, query_value,
        status::{StatusChange, StatusChangeForm},
    },
};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// A parameter of the page's route.
pub(crate) fn param(name: &str) -> String {
    use_params_map()
        .get_untracked()
        .get(name)
        .unwrap_or_default()
}

/// The dialogues on a network's page.
#[component]
pub fn NetworkDialogues(
    network: String,
    dialogues: Vec<ListedDialogue>,
    may_plan: bool,
) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    view! {
        {may_plan.then(|| view! {
            <p><a class="button" href=format!("/natverk/{network}/dialoger/ny")>{t.plan_link}</a></p>
        })}
        {if dialogues.is_empty() {
            view! { <p>{t.none}</p> }.into_any()
        } else {
            view! {
                <ul>
                    {dialogues.into_iter().map(|(id, title, status, first)| view! {
                        <li>
                            <a href=format!("/dialoger/{id}")>{title}</a>
                            {format!(" – {}", status_label(status, lang))}
                            {first.map(|at| format!(", {}", format_stockholm(at)))}
                        </li>
                    }).collect_view()}
                </ul>
            }
            .into_any()
        }}
    }
}

/// Hosts plan a dialogue for needs of their network.
#[component]
pub fn NewDialoguePage() -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    if crate::accounts::signed_in_or_redirect().is_none() {
        return ().into_any();
    }
    let network = param("id");
    let organisations = {
        let network = network.clone();
        Resource::new(
            || (),
            move |_| crate::needs::api::posting_organisations(network.clone()),
        )
    };
    let needs = {
        let network = network.clone();
        Resource::new(
            || (),
            move |_| crate::needs::api::open_needs(network.clone()),
        )
    };
    let form = FormFeedback::for_action(CreateDialogue::PATH);
    view! {
        <Title text=t.new_title />
        <h1>{t.new_title}</h1>
        <p class="lead">{t.new_lead}</p>
        <Suspense fallback=|| ()>
            {move || {
                let (form, network) = (form.clone(), network.clone());
                Suspend::new(async move {
                    let organisations = match organisations.await {
                        Ok(list) if !list.is_empty() => list,
                        _ => return view! { <crate::pages::not_found::NotFoundPage /> }.into_any(),
                    };
                    let needs = needs.await.unwrap_or_default();
                    view! { <PlanForm network organisations needs form /> }.into_any()
                })
            }}
        </Suspense>
    }
    .into_any()
}

#[component]
fn PlanForm(
    network: String,
    organisations: Vec<(String, String)>,
    needs: Vec<(String, String)>,
    form: FormFeedback,
) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let action = ServerAction::<CreateDialogue>::new();
    let f = form.clone();
    let chosen_needs = f.values("needs").unwrap_or_default();
    let forms: Vec<(String, String)> = DialogueFormat::ALL
        .into_iter()
        .map(|d| (d.code().into(), format_label(d, lang).into()))
        .collect();
    let lans: Vec<(String, String)> = regions::LAN
        .iter()
        .map(|l| (l.code.into(), l.name.into()))
        .collect();
    let sent_values: Vec<Vec<String>> = [
        "session_date",
        "session_start",
        "session_end",
        "session_place",
        "session_link",
    ]
    .iter()
    .map(|name| f.values(name).unwrap_or_default())
    .collect();
    let sent = move |name: &str, i: usize| {
        let column = match name {
            "session_date" => 0,
            "session_start" => 1,
            "session_end" => 2,
            "session_place" => 3,
            _ => 4,
        };
        sent_values[column].get(i).cloned().unwrap_or_default()
    };
    let needs_problem = f.problem("needs");
    let labels = vec![
        ("organisation", t.host),
        ("title", t.title),
        ("purpose", t.purpose),
        ("form", t.form),
        ("needs", t.needs),
        ("questions", t.questions),
        ("cpv", t.cpv),
        ("lan", t.lan),
        ("estimated_value", t.value),
        ("deadline", t.deadline),
        ("capacity", t.capacity),
        ("session_1", t.meeting),
        ("session_2", t.meeting),
        ("session_3", t.meeting),
    ];
    view! {
        <ErrorSummary error=form.error() labels />
        <ActionForm action>
            <input type="hidden" name="network" value=network />
            <SelectField name="organisation" label=t.host options=organisations
                selected=f.value("organisation") problem=f.problem("organisation") />
            <TextField name="title" label=t.title required=true max_length=super::TITLE_MAX
                value=f.value("title") problem=f.problem("title") />
            <TextField name="purpose" label=t.purpose required=true multiline=true max_length=super::TEXT_MAX
                value=f.value("purpose") problem=f.problem("purpose") />
            <SelectField name="form" label=t.form options=forms selected=f.value("form") problem=f.problem("form") />
            <fieldset class="field" class:field--invalid=needs_problem.is_some() id="field-needs">
                <legend>{t.needs}</legend>
                {needs_problem.map(|p| view! { <p class="field-error">{p.message(lang)}</p> })}
                {needs.into_iter().map(|(id, title)| {
                    let field = format!("field-need-{id}");
                    let checked = chosen_needs.contains(&id);
                    view! {
                        <div class="choice">
                            <input type="checkbox" id=field.clone() name="needs[]" value=id checked=checked />
                            <label for=field>{title}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <TextField name="questions" label=t.questions hint=t.questions_hint required=true multiline=true
                max_length=super::TEXT_MAX value=f.value("questions") problem=f.problem("questions") />
            <TextField name="cpv" label=t.cpv hint=t.cpv_hint required=true max_length=12
                value=f.value("cpv") problem=f.problem("cpv") />
            <SelectField name="lan" label=t.lan options=lans selected=f.value("lan") problem=f.problem("lan") />
            <TextField name="estimated_value" label=t.value max_length=20
                value=f.value("estimated_value") problem=f.problem("estimated_value") />
            <DateTimeFields name="deadline" legend=t.deadline date=f.value("deadline_date")
                time=f.value("deadline_time") problem=f.problem("deadline") />
            <TextField name="capacity" label=t.capacity required=true max_length=6
                value=f.value("capacity") problem=f.problem("capacity") />
            <h2>{t.meetings}</h2>
            <p class="hint">{t.meetings_hint}</p>
            {(0..3).map(|i| {
                let n = i + 1;
                let field = format!("session_{n}");
                let problem = f.problem(&field);
                let id = |part: &str| format!("field-session-{n}-{part}");
                view! {
                    <fieldset class="field session-fields" class:field--invalid=problem.is_some() id=format!("field-{field}")>
                        <legend>{format!("{} {n}", t.meeting)}</legend>
                        {problem.map(|p| view! { <p class="field-error">{p.message(lang)}</p> })}
                        <div class="field">
                            <label for=id("date")>{t.date}</label>
                            <input type="date" id=id("date") name="session_date[]" value=sent("session_date", i) />
                        </div>
                        <div class="field">
                            <label for=id("start")>{t.starts}</label>
                            <input type="time" id=id("start") name="session_start[]" value=sent("session_start", i) />
                        </div>
                        <div class="field">
                            <label for=id("end")>{t.ends}</label>
                            <input type="time" id=id("end") name="session_end[]" value=sent("session_end", i) />
                        </div>
                        <div class="field">
                            <label for=id("place")>{t.place}</label>
                            <input type="text" id=id("place") name="session_place[]" maxlength=super::PLACE_MAX value=sent("session_place", i) />
                        </div>
                        <div class="field">
                            <label for=id("link")>{t.link}</label>
                            <input type="url" id=id("link") name="session_link[]" value=sent("session_link", i) />
                        </div>
                    </fieldset>
                }
            }).collect_view()}
            <button type="submit" class="button">{t.plan_button}</button>
        </ActionForm>
    }
}

/// A date and a time field under one legend; `name_date` and `name_time`
/// are what the server reads.
#[component]
fn DateTimeFields(
    name: &'static str,
    legend: &'static str,
    date: String,
    time: String,
    #[prop(optional_no_strip)] problem: Option<crate::error::FieldProblem>,
) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    view! {
        <fieldset class="field session-fields" class:field--invalid=problem.is_some() id=format!("field-{name}")>
            <legend>{legend}</legend>
            {problem.map(|p| view! { <p class="field-error">{p.message(lang)}</p> })}
            <div class="field">
                <label for=format!("field-{name}-date")>{t.date}</label>
                <input type="date" id=format!("field-{name}-date") name=format!("{name}_date") value=date required=true />
            </div>
            <div class="field">
                <label for=format!("field-{name}-time")>{t.time}</label>
                <input type="time" id=format!("field-{name}-time") name=format!("{name}_time") value=time required=true />
            </div>
        </fieldset>
    }
}

/// A dialogue with everything its people do on it.
#[component]
pub fn DialoguePage() -> impl IntoView {
    if crate::accounts::signed_in_or_redirect().is_none() {
        return ().into_any();
    }
    let id = param("id");
    let discussion = {
        let id = id.clone();
        let after = query_value("kommentarer");
        Resource::new(
            || (),
            move |_| crate::comments::api::discussion("dialogue".into(), id.clone(), after.clone()),
        )
    };
    let view = Resource::new(move || id.clone(), super::api::dialogue_view);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let discussion = discussion.await.unwrap_or_default();
                match view.await {
                    Ok(v) => view! { <DialogueDetails view=v discussion /> }.into_any(),
                    Err(_) => view! { <crate::pages::not_found::NotFoundPage /> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

/// What the dialogue is: on its page and in its record.
#[component]
pub fn DialogueFacts(dialogue: Dialogue) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let lan = regions::lan(&dialogue.lan)
        .map(|l| format!("{} ({})", l.name, l.nuts))
        .unwrap_or_default();
    view! {
        <dl class="facts">
            <dt>{t.status}</dt><dd>{status_label(dialogue.status, lang)}</dd>
            <dt>{t.form}</dt><dd>{format_label(dialogue.form, lang)}</dd>
            <dt>{t.hosts}</dt><dd>{dialogue.hosts.join(", ")}</dd>
            <dt>{t.cpv}</dt><dd>{dialogue.cpv.clone()}</dd>
            <dt>{t.lan}</dt><dd>{lan}</dd>
            <dt>{t.deadline}</dt><dd>{format_stockholm(dialogue.answer_deadline)}</dd>
            {dialogue.estimated_value.map(|v| view! {
                <dt>{t.value}</dt><dd>{crate::needs::text::kronor(v, lang)}</dd>
            })}
            <dt>{t.capacity}</dt><dd>{dialogue.capacity}</dd>
        </dl>
        <p>{dialogue.purpose.clone()}</p>
        <h2>{t.needs}</h2>
        <ul>
            {dialogue.needs.iter().map(|(id, title)| view! {
                <li><a href=format!("/behov/{id}")>{title.clone()}</a></li>
            }).collect_view()}
        </ul>
        <h2>{t.questions}</h2>
        <ol>{dialogue.questions.iter().map(|q| view! { <li>{q.clone()}</li> }).collect_view()}</ol>
        <h2>{t.meetings}</h2>
        <ul>
            {dialogue.meetings.iter().map(|m| view! {
                <li>
                    {format!("{} – {}", format_stockholm(m.starts_at), &format_stockholm(m.ends_at)[11..])}
                    {(!m.place.is_empty()).then(|| format!(", {}", m.place))}
                    {(!m.link.is_empty()).then(|| view! { ", "<a href=m.link.clone() rel="nofollow noopener">{m.link.clone()}</a> })}
                </li>
            }).collect_view()}
        </ul>
    }
}

#[component]
fn DialogueDetails(view: DialogueView, discussion: crate::comments::Discussion) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let d = view.dialogue.clone();
    let id = d.public_id.clone();
    view! {
        <Title text=d.title.clone() />
        <p class="breadcrumb"><a href=format!("/natverk/{}", d.network_public_id)>{d.network_name.clone()}</a></p>
        <h1>{d.title.clone()}</h1>
        <Notice show=query_has("planerad") text=t.planned />
        <Notice show=query_has("vard") text=t.host_added />
        <Notice show=query_has("status") text=t.status_changed />
        <Notice show=query_has("anmald") text=t.registered />
        <Notice show=query_has("avanmald") text=t.withdrawn />
        <Notice show=query_has("fragor") text=t.qa_published />
        <Notice show=query_has("text") text=t.text_saved />
        <Notice show=query_has("godkand") text=t.text_approved />
        <DialogueFacts dialogue=d.clone() />
        <p><a href=format!("/dialoger/{id}/kalender.ics") download="dialog.ics">{t.calendar}</a></p>
        <RegistrationSection id=id.clone() view=view.clone() />
        {view.rights.host.then(|| view! { <DialogueStatusForm id=id.clone() current=d.status /> })}
        {(view.rights.host && !view.possible_hosts.is_empty()).then({
            let id = id.clone();
            let possible = view.possible_hosts.clone();
            move || {
            let action = ServerAction::<AddHost>::new();
            let form = FormFeedback::for_action(AddHost::PATH);
            view! {
                <section aria-labelledby="vardar">
                    <h2 id="vardar">{t.add_host}</h2>
                    <ErrorSummary error=form.error() />
                    <ActionForm action>
                        <input type="hidden" name="dialogue" value=id.clone() />
                        <SelectField name="organisation" label=t.host options=possible
                            selected=String::new() />
                        <button type="submit" class="button button--quiet-dark">{t.add_host}</button>
                    </ActionForm>
                </section>
            }
        }})}
        <QaSection id=id.clone() qa=view.qa.clone() host=view.rights.host && d.status != DialogueStatus::Archived />
        <RecordTexts id=id.clone() dialogue=d.clone() texts=view.texts.clone() host=view.rights.host
            choices=view.requirement_versions.clone() />
        <RecordExport id=id.clone() />
        <p>{t.discussion_note}</p>
        <crate::comments::pages::DiscussionSection subject=crate::comments::Subject::Dialogue
            target=id.clone() discussion />
    }
}

#[component]
fn QaSection(id: String, qa: Vec<super::QaEntry>, host: bool) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let action = ServerAction::<PublishAnswer>::new();
    let form = FormFeedback::for_action(PublishAnswer::PATH);
    let f = form.clone();
    view! {
        <section aria-labelledby="fragor">
            <h2 id="fragor">{t.qa_heading}</h2>
            <p>{t.qa_lead}</p>
            {if qa.is_empty() {
                view! { <p>{t.qa_none}</p> }.into_any()
            } else {
                view! {
                    <dl class="qa">
                        {qa.into_iter().map(|e| view! {
                            <dt>{e.question}</dt>
                            <dd>{e.answer}<br /><span class="hint">{format!("{} {}", t.published, format_stockholm(e.published_at))}</span></dd>
                        }).collect_view()}
                    </dl>
                }
                .into_any()
            }}
            {host.then(|| view! {
                <ErrorSummary error=form.error() labels=vec![("question", t.question), ("answer", t.answer)] />
                <ActionForm action>
                    <input type="hidden" name="dialogue" value=id />
                    <TextField name="question" label=t.question required=true multiline=true max_length=super::TEXT_MAX
                        value=f.value("question") problem=f.problem("question") />
                    <TextField name="answer" label=t.answer required=true multiline=true max_length=super::TEXT_MAX
                        value=f.value("answer") problem=f.problem("answer") />
                    <button type="submit" class="button">{t.publish_button}</button>
                </ActionForm>
            })}
        </section>
    }
}

/// The lifecycle's next step, for hosts.
#[component]
fn DialogueStatusForm(id: String, current: DialogueStatus) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let options = DialogueStatus::ALL
        .into_iter()
        .filter(|next| current.can_become(*next))
        .map(|next| (next.code().into(), status_label(next, lang).into()))
        .collect();
    let change = StatusChange {
        action: ChangeDialogueStatus::PATH,
        subject: ("dialogue", id),
        options,
        heading: t.change_status,
        new_status: t.new_status,
        reason: t.reason,
        reason_max: crate::networks::REASON_MAX,
    };
    view! { <StatusChangeForm change /> }
}
