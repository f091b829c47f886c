//! The dialogues room's pages: planning one, the dialogue page with its
//! registration, Q&A, minutes and summary, and the printable record.
//! Resources are created at the top of each page (leptos-rs/leptos#4866).

use super::{
    api::{
        AddHost, ApproveText, ChangeDialogueStatus, CreateDialogue, PublishAnswer,
        RegisterAttendance, SaveText, SupersedeText, WithdrawAttendance,
    },
    text::{form_label, status_label, text},
    Dialogue, DialogueForm, DialogueStatus, DialogueView, RecordText, RequirementRef,
};
use crate::{
    i18n::use_lang,
    regions,
    time::format_stockholm,
    ui::{
        form::{ErrorSummary, FormFeedback, Notice, SelectField, TextField},
        query_has, query_value,
    },
};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

fn param(name: &str) -> String {
    use_params_map()
        .get_untracked()
        .get(name)
        .unwrap_or_default()
}

/// The dialogues on a network's page.
#[component]
pub fn NetworkDialogues(
    network: String,
    dialogues: Vec<(String, String, DialogueStatus, Option<i64>)>,
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
                    view! { <DialogueForm network organisations needs form /> }.into_any()
                })
            }}
        </Suspense>
    }
    .into_any()
}

#[component]
fn DialogueForm(
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
    let forms: Vec<(String, String)> = DialogueForm::ALL
        .into_iter()
        .map(|d| (d.code().into(), form_label(d, lang).into()))
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
        ("session_1", t.session),
        ("session_2", t.session),
        ("session_3", t.session),
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
            <h2>{t.sessions}</h2>
            <p class="hint">{t.sessions_hint}</p>
            {(0..3).map(|i| {
                let n = i + 1;
                let field = format!("session_{n}");
                let problem = f.problem(&field);
                let id = |part: &str| format!("field-session-{n}-{part}");
                view! {
                    <fieldset class="field session-fields" class:field--invalid=problem.is_some() id=format!("field-{field}")>
                        <legend>{format!("{} {n}", t.session)}</legend>
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

#[component]
fn DialogueFacts(dialogue: Dialogue) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let lan = regions::lan(&dialogue.lan)
        .map(|l| format!("{} ({})", l.name, l.nuts))
        .unwrap_or_default();
    view! {
        <dl class="facts">
            <dt>{t.status}</dt><dd>{status_label(dialogue.status, lang)}</dd>
            <dt>{t.form}</dt><dd>{form_label(dialogue.form, lang)}</dd>
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
        <h2>{t.sessions}</h2>
        <ul>
            {dialogue.sessions.iter().map(|s| view! {
                <li>
                    {format!("{} – {}", format_stockholm(s.starts_at), &format_stockholm(s.ends_at)[11..])}
                    {(!s.place.is_empty()).then(|| format!(", {}", s.place))}
                    {(!s.link.is_empty()).then(|| view! { ", "<a href=s.link.clone() rel="nofollow noopener">{s.link.clone()}</a> })}
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
        <Registration id=id.clone() view=view.clone() />
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
        <section aria-labelledby="export">
            <h2 id="export">{t.export}</h2>
            <p>{t.export_lead}</p>
            <form method="get" action=format!("/dialoger/{id}/protokoll") class="search-form">
                <div class="field">
                    <label for="field-diarienummer">{t.diarienummer}</label>
                    <input id="field-diarienummer" name="diarienummer" maxlength="100" />
                </div>
                <button type="submit" class="button button--quiet-dark">{t.show_record}</button>
            </form>
        </section>
        <p>{t.discussion_note}</p>
        <crate::comments::pages::DiscussionSection subject=crate::comments::Subject::Dialogue
            target=id.clone() discussion />
    }
}

#[component]
fn Registration(id: String, view: DialogueView) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let form = FormFeedback::for_action(RegisterAttendance::PATH)
        .error()
        .or(FormFeedback::for_action(WithdrawAttendance::PATH).error());
    let left = (view.dialogue.capacity - view.registered).max(0);
    view! {
        <section aria-labelledby="anmalan">
            <h2 id="anmalan">{t.registration}</h2>
            <p>{format!("{left} {} {}", t.places_left, view.dialogue.capacity)}</p>
            <ErrorSummary error=form labels=vec![("attendees", t.attendees)] />
            {view.register_for.into_iter().map(|(org, name, registered)| {
                let register = ServerAction::<RegisterAttendance>::new();
                let withdraw = ServerAction::<WithdrawAttendance>::new();
                let field = format!("deltagare-{org}");
                let hint = format!("{field}-hint");
                let (id1, id2, org1, org2) = (id.clone(), id.clone(), org.clone(), org.clone());
                view! {
                    <article class="card">
                        <h3>{name.clone()}</h3>
                        <ActionForm action=register>
                            <input type="hidden" name="dialogue" value=id1 />
                            <input type="hidden" name="organisation" value=org1 />
                            <div class="field">
                                <label for=field.clone()>{t.attendees}</label>
                                <p class="hint" id=hint.clone()>{t.attendees_hint}</p>
                                <textarea id=field name="attendees" rows="2" required=true maxlength=super::ATTENDEES_MAX aria-describedby=hint></textarea>
                            </div>
                            <button type="submit" class="button">{t.register_button}<span class="visually-hidden">{format!(": {name}")}</span></button>
                        </ActionForm>
                        {registered.then(|| view! {
                            <ActionForm action=withdraw>
                                <input type="hidden" name="dialogue" value=id2 />
                                <input type="hidden" name="organisation" value=org2 />
                                <button type="submit" class="button button--quiet-dark">{t.withdraw_button}</button>
                            </ActionForm>
                        })}
                    </article>
                }
            }).collect_view()}
            {view.rights.host.then(|| view! {
                <table class="table">
                    <caption>{t.attendance}</caption>
                    <thead><tr><th scope="col">{t.for_organisation}</th><th scope="col">{t.attendees}</th></tr></thead>
                    <tbody>
                        {view.registrations.into_iter().map(|r| view! {
                            <tr><th scope="row">{r.organisation}</th><td>{r.attendees}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
                <p class="hint">{t.download_attendance}</p>
            })}
        </section>
    }
}

#[component]
fn DialogueStatusForm(id: String, current: DialogueStatus) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let action = ServerAction::<ChangeDialogueStatus>::new();
    let form = FormFeedback::for_action(ChangeDialogueStatus::PATH);
    let f = form.clone();
    let options: Vec<(String, String)> = DialogueStatus::ALL
        .into_iter()
        .filter(|next| current.can_become(*next))
        .map(|next| (next.code().into(), status_label(next, lang).into()))
        .collect();
    (!options.is_empty()).then(|| view! {
        <section aria-labelledby="dialog-status">
            <h2 id="dialog-status">{t.change_status}</h2>
            <ErrorSummary error=form.error() labels=vec![("status", t.new_status), ("reason", t.reason)] />
            <ActionForm action>
                <input type="hidden" name="dialogue" value=id />
                <SelectField name="status" label=t.new_status options selected=String::new() problem=f.problem("status") />
                <TextField name="reason" label=t.reason required=true multiline=true
                    max_length=crate::networks::REASON_MAX value=f.value("reason") problem=f.problem("reason") />
                <button type="submit" class="button">{t.change_status}</button>
            </ActionForm>
        </section>
    })
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

/// Minutes per session and the summary: every version, the newest with
/// the forms a host may use on it.
#[component]
fn RecordTexts(
    id: String,
    dialogue: Dialogue,
    texts: Vec<RecordText>,
    host: bool,
    /// The requirement versions a summary may link to.
    choices: Vec<RequirementRef>,
) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let errors = FormFeedback::for_action(SaveText::PATH)
        .error()
        .or(FormFeedback::for_action(SupersedeText::PATH).error())
        .or(FormFeedback::for_action(ApproveText::PATH).error());
    let mut parts: Vec<(String, Option<String>, String)> = dialogue
        .sessions
        .iter()
        .map(|s| {
            (
                format!("{} {}", t.minutes, format_stockholm(s.starts_at)),
                Some(s.public_id.clone()),
                format!("protokoll-{}", s.public_id),
            )
        })
        .collect();
    parts.push((t.summary.to_string(), None, "sammanfattning".into()));
    view! {
        <section aria-labelledby="protokoll">
            <h2 id="protokoll">{t.record_heading}</h2>
            <ErrorSummary error=errors labels=vec![
                ("body", t.minutes),
                ("change", t.change_requirement),
                ("input", t.change_input),
            ] />
            {parts.into_iter().map(|(heading, session, anchor)| {
                let versions: Vec<RecordText> = texts.iter().filter(|x| x.session == session).cloned().collect();
                let latest = versions.last().cloned();
                view! {
                    <h3 id=anchor.clone()>{heading}</h3>
                    {versions.into_iter().map(|v| view! { <RecordVersion text=v /> }).collect_view()}
                    {host.then(|| view! {
                        <TextEditor id=id.clone() session=session.clone().unwrap_or_default() latest=latest anchor
                            choices=choices.clone() />
                    })}
                }
            }).collect_view()}
        </section>
    }
}

#[component]
fn RecordVersion(text: RecordText) -> impl IntoView {
    let lang = use_lang();
    let t = self::text(lang);
    let state = if text.approved {
        format!(
            "{}, {} {} {}",
            t.approved,
            t.approved_by,
            text.approved_by,
            text.approved_at.map(format_stockholm).unwrap_or_default()
        )
    } else {
        t.draft.to_string()
    };
    view! {
        <article class="card record-text">
            <p class="hint">
                {format!("{state} · {} {} {}", t.written_by, text.written_by, format_stockholm(text.written_at))}
                {text.supersedes.is_some().then(|| format!(" · {}", t.supersedes))}
            </p>
            <div class="record-text__body" inner_html=text.body_html></div>
            {(!text.changes.is_empty()).then(|| view! {
                <p class="record-text__changes">{t.changes_heading}</p>
                <ul>
                    {text.changes.into_iter().map(|c| view! {
                        <li>
                            <a href=c.requirement.href()>{requirement_label(&c.requirement, t.change_version)}</a>
                            ": "{c.input}
                        </li>
                    }).collect_view()}
                </ul>
            })}
        </article>
    }
}

/// How a requirement version is named in a list or a choice.
fn requirement_label(r: &RequirementRef, version: &str) -> String {
    const SHORT: usize = 90;
    let mut text: String = r.text.chars().take(SHORT).collect();
    if r.text.chars().count() > SHORT {
        text.push('…');
    }
    format!("{}: {text} ({version} {})", r.need_title, r.version)
}

/// What a redirect-back said about this editor's form, if it was this one
/// that was sent (`key`, `expected`): the body and the link rows as sent.
fn sent_back(path: &str, key: &str, expected: &str) -> Option<FormFeedback> {
    let f = FormFeedback::for_action(path);
    let refused_fields = matches!(f.error(), Some(crate::error::AppError::Validation { .. }));
    (refused_fields && f.value(key) == expected).then_some(f)
}

/// A draft is edited and approved; approved text gets a new version.
#[component]
fn TextEditor(
    id: String,
    session: String,
    latest: Option<RecordText>,
    anchor: String,
    choices: Vec<RequirementRef>,
) -> impl IntoView {
    let t = text(use_lang());
    let field = format!("text-{anchor}");
    let summary = session.is_empty();
    let saved_changes: Vec<(String, String)> = latest
        .iter()
        .flat_map(|l| l.changes.iter())
        .map(|c| (c.requirement.key(), c.input.clone()))
        .collect();
    match latest {
        Some(latest) if latest.approved => {
            let action = ServerAction::<SupersedeText>::new();
            let sent = sent_back(SupersedeText::PATH, "text", &latest.public_id);
            let body = sent
                .as_ref()
                .map(|f| f.value("body"))
                .unwrap_or(latest.body.clone());
            let reopen = sent.is_some();
            view! {
                <details open=reopen>
                    <summary>{t.new_version}</summary>
                    <ActionForm action>
                        <input type="hidden" name="dialogue" value=id />
                        <input type="hidden" name="text" value=latest.public_id.clone() />
                        <div class="field">
                            <label for=field.clone()>{if summary { t.summary } else { t.minutes }}</label>
                            <p class="hint">{t.markdown_hint}</p>
                            <textarea id=field name="body" rows="6" required=true maxlength=super::TEXT_MAX>{body}</textarea>
                        </div>
                        {summary.then(|| view! { <ChangeRows choices rows=saved_changes sent /> })}
                        <button type="submit" class="button">{t.save_draft}</button>
                    </ActionForm>
                </details>
            }
            .into_any()
        }
        latest => {
            let save = ServerAction::<SaveText>::new();
            let approve = ServerAction::<ApproveText>::new();
            let draft = latest.clone().map(|l| l.public_id).unwrap_or_default();
            let sent = sent_back(SaveText::PATH, "session", &session);
            let body = match &sent {
                Some(f) => f.value("body"),
                None => latest.map(|l| l.body).unwrap_or_default(),
            };
            let label = if summary { t.summary } else { t.minutes };
            let hint = summary.then_some(t.summary_hint);
            let id2 = id.clone();
            let draft2 = draft.clone();
            view! {
                <ActionForm action=save>
                    <input type="hidden" name="dialogue" value=id />
                    <input type="hidden" name="session" value=session />
                    <input type="hidden" name="text" value=draft />
                    <div class="field">
                        <label for=field.clone()>{label}</label>
                        {hint.map(|h| view! { <p class="hint">{h}</p> })}
                        <p class="hint">{t.markdown_hint}</p>
                        <textarea id=field name="body" rows="6" required=true maxlength=super::TEXT_MAX>{body}</textarea>
                    </div>
                    {summary.then(|| view! { <ChangeRows choices rows=saved_changes sent /> })}
                    <button type="submit" class="button button--quiet-dark">{t.save_draft}</button>
                </ActionForm>
                {(!draft2.is_empty()).then(|| view! {
                    <ActionForm action=approve>
                        <input type="hidden" name="dialogue" value=id2 />
                        <input type="hidden" name="text" value=draft2 />
                        <button type="submit" class="button">{t.approve_button}<span class="visually-hidden">{format!(": {label}")}</span></button>
                    </ActionForm>
                })}
            }
            .into_any()
        }
    }
}

/// The summary's links from input to requirement versions: the saved ones
/// (or those just sent, when they were refused) and a few blank rows.
#[component]
fn ChangeRows(
    choices: Vec<RequirementRef>,
    rows: Vec<(String, String)>,
    sent: Option<FormFeedback>,
) -> impl IntoView {
    let t = text(use_lang());
    if choices.is_empty() {
        return view! { <p class="hint">{t.changes_none_possible}</p> }.into_any();
    }
    let rows: Vec<(String, String)> = match &sent {
        Some(f) => {
            let change = f.values("change").unwrap_or_default();
            let input = f.values("input").unwrap_or_default();
            (0..change.len().max(input.len()))
                .map(|i| {
                    (
                        change.get(i).cloned().unwrap_or_default(),
                        input.get(i).cloned().unwrap_or_default(),
                    )
                })
                .filter(|(c, i)| !(c.trim().is_empty() && i.trim().is_empty()))
                .collect()
        }
        None => rows,
    };
    let count = (rows.len() + super::CHANGE_ROWS_BLANK).min(super::CHANGES_MAX);
    let mut options = vec![(String::new(), t.change_none.to_string())];
    options.extend(
        choices
            .iter()
            .map(|r| (r.key(), requirement_label(r, t.change_version))),
    );
    let lang = use_lang();
    view! {
        <fieldset class="changes">
            <legend>{t.changes_heading}</legend>
            <p class="hint">{t.changes_hint}</p>
            {(1..=count).map(|n| {
                let (chosen, said) = rows.get(n - 1).cloned().unwrap_or_default();
                let change_problem = sent.as_ref().and_then(|f| f.problem(&format!("change_{n}")));
                let input_problem = sent.as_ref().and_then(|f| f.problem(&format!("input_{n}")));
                let change_id = format!("field-change_{n}");
                let input_id = format!("field-input_{n}");
                let options = options.clone();
                view! {
                    <div class="changes__row">
                        <div class="field" class:field--invalid=change_problem.is_some()>
                            <label for=change_id.clone()>{format!("{} {n}", t.change_requirement)}</label>
                            {change_problem.map(|p| view! { <p class="field-error" id=format!("{change_id}-error")>{p.message(lang)}</p> })}
                            <select id=change_id.clone() name="change[]"
                                aria-describedby=change_problem.map(|_| format!("{change_id}-error"))
                                aria-invalid=change_problem.map(|_| "true")>
                                {options.into_iter().map(|(value, label)| {
                                    let selected = value == chosen;
                                    view! { <option value=value selected=selected>{label}</option> }
                                }).collect_view()}
                            </select>
                        </div>
                        <div class="field" class:field--invalid=input_problem.is_some()>
                            <label for=input_id.clone()>{format!("{} {n}", t.change_input)}</label>
                            {input_problem.map(|p| view! { <p class="field-error" id=format!("{input_id}-error")>{p.message(lang)}</p> })}
                            <textarea id=input_id.clone() name="input[]" rows="2" maxlength=super::QUESTION_MAX
                                aria-describedby=input_problem.map(|_| format!("{input_id}-error"))
                                aria-invalid=input_problem.map(|_| "true")>{said}</textarea>
                        </div>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
    .into_any()
}

/// The record to file, print-ready: the dialogue, its sessions, who was
/// registered, the Q&A, minutes, summary and the log, stamped with the
/// time of export and the organisation's diarienummer.
#[component]
pub fn RecordPage() -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    if crate::accounts::signed_in_or_redirect().is_none() {
        return ().into_any();
    }
    let id = param("id");
    let diarienummer = query_value("diarienummer");
    let record = {
        let (id, diarienummer) = (id.clone(), diarienummer.clone());
        Resource::new(
            || (),
            move |_| super::api::dialogue_record(id.clone(), diarienummer.clone()),
        )
    };
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let (id, diarienummer) = (id.clone(), diarienummer.clone());
                Suspend::new(async move {
                    let Ok(r) = record.await else {
                        return view! { <crate::pages::not_found::NotFoundPage /> }.into_any();
                    };
                    let json = format!("/dialoger/{id}/protokoll.json?diarienummer={}", crate::ui::url_encode(&diarienummer));
                    view! {
                        <Title text=format!("{}: {}", t.export, r.dialogue.title) />
                        <article class="record">
                            <h1>{format!("{}: {}", t.export, r.dialogue.title)}</h1>
                            <p>
                                {format!("{} {} {} {}", t.exported_at, format_stockholm(r.exported_at), t.exported_by, r.exported_by_organisation)}
                                {(!r.diarienummer.is_empty()).then(|| format!(" · {}: {}", t.diarienummer, r.diarienummer))}
                            </p>
                            <p class="no-print">{t.print}" "<a href=json>{t.download_json}</a></p>
                            <DialogueFacts dialogue=r.dialogue.clone() />
                            <h2>{t.attendance}</h2>
                            <table class="table">
                                <thead><tr><th scope="col">{t.for_organisation}</th><th scope="col">{t.attendees}</th></tr></thead>
                                <tbody>
                                    {r.registrations.into_iter().map(|x| view! {
                                        <tr><th scope="row">{x.organisation}</th><td>{x.attendees}</td></tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                            <h2>{t.qa_heading}</h2>
                            <dl class="qa">
                                {r.qa.into_iter().map(|e| view! {
                                    <dt>{e.question}</dt>
                                    <dd>{e.answer}" ("{format_stockholm(e.published_at)}")"</dd>
                                }).collect_view()}
                            </dl>
                            <h2>{t.record_heading}</h2>
                            {r.texts.into_iter().map(|x| view! { <RecordVersion text=x /> }).collect_view()}
                            <h2>{t.audit}</h2>
                            <ul>
                                {r.audit.into_iter().map(|e| view! {
                                    <li>{format!("{} {} ({}): {} {} {}", format_stockholm(e.at), e.actor, e.organisation, e.action, e.subject, e.reason)}</li>
                                }).collect_view()}
                            </ul>
                        </article>
                    }
                    .into_any()
                })
            }}
        </Suspense>
    }
    .into_any()
}
