//! The dialogue's pages: planning one, and the dialogue page with its
//! facts, lifecycle, hosts and Q&A; registration and the record come from
//! their sub-rooms, as does the printable record (`RecordPage`).
//! Resources are created at the top of each page (leptos-rs/leptos#4866).

pub use super::record::pages::RecordPage;

use super::{
    api::{AddHost, ChangeDialogueStatus, CreateDialogue, PublishAnswer},
    plan_form::{plan_labels, PlanFields},
    record::pages::{written_lang, RecordExport, RecordTexts},
    registration::pages::RegistrationSection,
    text::{format_label, span, status_explained, status_label, text, when},
    Dialogue, DialogueStatus, DialogueView, ListedDialogue,
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
                    let action = ServerAction::<CreateDialogue>::new();
                    view! {
                        <ErrorSummary error=form.error() labels=plan_labels(t) />
                        <ActionForm action>
                            <input type="hidden" name="network" value=network />
                            <PlanFields form organisations=Some(organisations) needs />
                            <button type="submit" class="button">{t.plan_button}</button>
                        </ActionForm>
                    }
                    .into_any()
                })
            }}
        </Suspense>
    }
    .into_any()
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
    let written = written_lang(lang);
    view! {
        <dl class="facts">
            <dt>{t.status}</dt><dd>{status_label(dialogue.status, lang)}</dd>
            <dt>{t.form}</dt><dd>{format_label(dialogue.form, lang)}</dd>
            <dt>{t.hosts}</dt><dd>{dialogue.hosts.join(", ")}</dd>
            <dt>{t.cpv}</dt><dd>{dialogue.cpv.clone()}</dd>
            <dt>{t.lan}</dt><dd>{lan}</dd>
            <dt>{t.deadline}</dt><dd>{when(dialogue.answer_deadline, lang)}</dd>
            {dialogue.estimated_value.map(|v| view! {
                <dt>{t.value}</dt><dd>{crate::needs::text::kronor(v, lang)}</dd>
            })}
            <dt>{t.capacity}</dt><dd>{dialogue.capacity}</dd>
        </dl>
        <p lang=written>{dialogue.purpose.clone()}</p>
        <h2>{t.needs}</h2>
        <ul>
            {dialogue.needs.iter().map(|(id, title)| view! {
                <li><a href=format!("/behov/{id}") lang=written>{title.clone()}</a></li>
            }).collect_view()}
        </ul>
        <h2>{t.questions}</h2>
        <ol lang=written>{dialogue.questions.iter().map(|q| view! { <li>{q.clone()}</li> }).collect_view()}</ol>
        <h2>{t.meetings}</h2>
        <ul>
            {dialogue.meetings.iter().map(|m| view! {
                <li>
                    {span(m.starts_at, m.ends_at, lang)}
                    {(!m.place.is_empty()).then(|| view! { ", "<span lang=written>{m.place.clone()}</span> })}
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
    let host = view.rights.host;
    view! {
        <Title text=d.title.clone() />
        <p class="breadcrumb"><a href=format!("/natverk/{}", d.network_public_id) lang=written_lang(lang)>{d.network_name.clone()}</a></p>
        <h1 lang=written_lang(lang)>{d.title.clone()}</h1>
        <Notice show=query_has("planerad") text=t.planned />
        <section aria-labelledby="nasta-steg" class="next-step">
            <h2 id="nasta-steg">{t.next_step}</h2>
            <p>
                <strong>{format!("{}: {}. ", t.status, status_label(d.status, lang))}</strong>
                {status_explained(d.status, lang)}
            </p>
            <Notice show=query_has("status") text=t.status_changed id="status" />
            {host.then(|| view! { <DialogueStatusForm id=id.clone() current=d.status /> })}
        </section>
        <Notice show=query_has("andrad") text=t.edited id="andrad" />
        <Notice show=query_has("oforandrad") text=t.unchanged id="andrad" />
        <DialogueFacts dialogue=d.clone() />
        {view.rights.edit.then(|| view! {
            <p><a class="button button--quiet-dark" href=format!("/dialoger/{id}/andra")>{t.edit_link}</a></p>
        })}
        <p><a href=format!("/dialoger/{id}/kalender.ics") download="dialog.ics">{t.calendar}</a></p>
        <RegistrationSection id=id.clone() view=view.clone() />
        <RecordTexts id=id.clone() dialogue=d.clone() texts=view.texts.clone() host
            choices=view.requirement_versions.clone() held=view.held.clone() />
        <QaSection id=id.clone() qa=view.qa.clone() host=host && d.status != DialogueStatus::Archived />
        {view.market.clone().map(|h| view! { <super::market::hosts::HostMarket h /> })}
        {view.documents.clone().map(|documents| view! {
            <super::documents::pages::HostDocumentsSection id=id.clone() documents />
        })}
        {view.slots.clone().map(|s| view! { <super::slots::pages::HostSlotsSection id=id.clone() s /> })}
        {view.answers.clone().map(|answers| view! {
            <super::answers::pages::ReceivedSection dialogue=id.clone() answers />
        })}
        {(host && !view.possible_hosts.is_empty()).then({
            let id = id.clone();
            let possible = view.possible_hosts.clone();
            move || view! { <AddHostForm id possible /> }
        })}
        <RecordExport id=id.clone() archived=d.status == DialogueStatus::Archived />
        <p>{t.discussion_note}</p>
        <crate::comments::pages::DiscussionSection subject=crate::comments::Subject::Dialogue
            target=id.clone() discussion />
    }
}

/// Hosts add a co-host, behind a disclosure: seldom the next step.
#[component]
fn AddHostForm(id: String, possible: Vec<(String, String)>) -> impl IntoView {
    let t = text(use_lang());
    let action = ServerAction::<AddHost>::new();
    let form = FormFeedback::for_action(AddHost::PATH);
    let open = form.error().is_some() || query_has("vard");
    view! {
        <details class="disclosure" id="vard" open=open>
            <summary>{t.add_host}</summary>
            <Notice show=query_has("vard") text=t.host_added id="vard-tillagd" />
            <ErrorSummary level=3 error=form.error() labels=vec![("organisation", t.host)] />
            <ActionForm action>
                <input type="hidden" name="dialogue" value=id />
                <SelectField name="organisation" label=t.host options=possible
                    selected=String::new() />
                <button type="submit" class="button button--quiet-dark">{t.add_host}</button>
            </ActionForm>
        </details>
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
            <Notice show=query_has("fragor") text=t.qa_published id="fragor-publicerad" />
            <p>{t.qa_lead}</p>
            {if qa.is_empty() {
                view! { <p>{t.qa_none}</p> }.into_any()
            } else {
                view! {
                    <dl class="qa" lang=written_lang(lang)>
                        {qa.into_iter().map(|e| view! {
                            <dt>{e.question}</dt>
                            <dd>{e.answer}<br /><span class="hint">{format!("{} {}", t.published, format_stockholm(e.published_at))}</span></dd>
                        }).collect_view()}
                    </dl>
                }
                .into_any()
            }}
            {host.then(|| view! {
                <details class="disclosure" open=form.error().is_some()>
                <summary>{t.qa_form}</summary>
                <ErrorSummary level=3 error=form.error() labels=vec![("question", t.question), ("answer", t.answer)] />
                <ActionForm action>
                    <input type="hidden" name="dialogue" value=id />
                    <TextField name="question" label=t.question required=true multiline=true max_length=super::TEXT_MAX
                        value=f.value("question") problem=f.problem("question") />
                    <TextField name="answer" label=t.answer required=true multiline=true max_length=super::TEXT_MAX
                        value=f.value("answer") problem=f.problem("answer") />
                    <button type="submit" class="button">{t.publish_button}</button>
                </ActionForm>
                </details>
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
