//! The record on the dialogue page and on its own: every version of the
//! minutes and the summary with the forms hosts use on them, and the
//! record to file, print-ready.

use super::{
    api::{ApproveText, SaveText, SupersedeText},
    RecordText, RequirementRef, CHANGES_MAX, CHANGE_ROWS_BLANK,
};
use crate::{
    dialogues::{
        pages::DialogueFacts,
        text::{span, text, when},
        Dialogue, TEXT_MAX,
    },
    i18n::{use_lang, Lang},
    time::format_stockholm,
    ui::{
        confirm::ConfirmStep,
        form::{ErrorSummary, FormFeedback, Notice, TextField},
        query_has, query_value,
    },
};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;

/// Asks for the organisation's diarienummer and shows the record to file:
/// behind a disclosure until the dialogue is archived, when filing it is
/// the next step.
#[component]
pub fn RecordExport(id: String, archived: bool) -> impl IntoView {
    let t = text(use_lang());
    view! {
        <details class="disclosure" id="export" open=archived>
            <summary>{t.export}</summary>
            {archived.then(|| view! { <p>{t.export_archived}</p> })}
            <p>{t.export_lead}</p>
            <form method="get" action=format!("/dialoger/{id}/protokoll") class="search-form">
                <div class="field">
                    <label for="field-diarienummer">{t.diarienummer}</label>
                    <input id="field-diarienummer" name="diarienummer" maxlength="100" />
                </div>
                <button type="submit" class="button button--quiet-dark">{t.show_record}</button>
            </form>
        </details>
    }
}

/// `lang="sv"` for what people wrote, when the page around it is English.
pub fn written_lang(lang: Lang) -> Option<&'static str> {
    (lang != Lang::Sv).then_some("sv")
}

/// Who attends, one line a person, as a list.
#[component]
pub fn AttendeeList(attendees: String) -> impl IntoView {
    let lang = written_lang(use_lang());
    view! {
        <ul class="attendees" lang=lang>
            {attendees
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(|l| view! { <li>{l.to_string()}</li> })
                .collect_view()}
        </ul>
    }
}

/// Minutes per meeting and the summary: every version, the newest with
/// the forms a host may use on it.
#[component]
pub fn RecordTexts(
    id: String,
    dialogue: Dialogue,
    texts: Vec<RecordText>,
    host: bool,
    /// The requirement versions a summary may link to.
    choices: Vec<RequirementRef>,
    /// The individual meetings held, each with minutes of its own.
    held: Vec<crate::dialogues::slots::HeldMeeting>,
) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    // Minutes and a summary are written once the dialogue is held; what
    // was written before still shows.
    let dialogue_held = dialogue.status.held();
    let errors = FormFeedback::for_action(SaveText::PATH)
        .error()
        .or(FormFeedback::for_action(SupersedeText::PATH).error())
        .or(FormFeedback::for_action(ApproveText::PATH).error());
    // An individual meeting's minutes are written once it has begun,
    // whatever the dialogue's step.
    let individual: Vec<Option<String>> = held.iter().map(|m| Some(m.public_id.clone())).collect();
    let parts: Vec<(String, Option<String>, String, bool)> = record_parts(&dialogue, &held, lang)
        .into_iter()
        .map(|(heading, meeting, anchor)| {
            let writable = host && (dialogue_held || individual.contains(&meeting));
            (heading, meeting, anchor, writable)
        })
        .filter(|(_, meeting, _, writable)| {
            *writable || texts.iter().any(|x| x.meeting == *meeting)
        })
        .collect();
    // Each part has its own text field (`body_<anchor>`): the summary's
    // link goes to the one whose form was sent.
    let body_part = refused_part(&parts, &texts);
    let body_label = match body_part.as_deref() {
        Some(SUMMARY_ANCHOR) => t.summary,
        _ => t.minutes,
    };
    view! {
        <section aria-labelledby="protokoll">
            <h2 id="protokoll">{t.record_heading}</h2>
            <Notice show=query_has("text") text=t.text_saved id="text-sparad" />
            <Notice show=query_has("godkand") text=t.text_approved id="godkand" />
            {(!dialogue_held).then(|| view! { <p>{t.record_later}</p> })}
            <ErrorSummary error=errors labels=vec![
                ("body", body_label),
                ("confirm", t.approved),
                ("change", t.change_requirement),
                ("input", t.change_input),
            ] level=3 part=body_part repeated=&["body"] />
            {parts.into_iter().map(|(heading, meeting, anchor, writable)| {
                let versions: Vec<RecordText> = texts.iter().filter(|x| x.meeting == meeting).cloned().collect();
                let latest = versions.last().cloned();
                let name = heading.clone();
                view! {
                    <h3 id=anchor.clone()>{heading}</h3>
                    {versions.into_iter().map(|v| view! { <RecordVersion text=v /> }).collect_view()}
                    {writable.then(|| view! {
                        <TextEditor id=id.clone() session=meeting.clone().unwrap_or_default() latest=latest anchor
                            heading=name choices=choices.clone() />
                    })}
                }
            }).collect_view()}
        </section>
    }
}

/// The record's parts, in order: minutes of each meeting, of each
/// individual meeting held, then the summary: (heading, the meeting's
/// public id, anchor).
fn record_parts(
    dialogue: &Dialogue,
    held: &[crate::dialogues::slots::HeldMeeting],
    lang: Lang,
) -> Vec<(String, Option<String>, String)> {
    let st = crate::dialogues::slots::text::text(lang);
    let t = text(lang);
    let mut parts: Vec<_> = dialogue
        .meetings
        .iter()
        .enumerate()
        .map(|(i, m)| {
            (
                format!("{} {}, {}", t.minutes_of, i + 1, when(m.starts_at, lang)),
                Some(m.public_id.clone()),
                format!("protokoll-{}", m.public_id),
            )
        })
        .collect();
    parts.extend(held.iter().enumerate().map(|(i, m)| {
        let with = if m.supplier.is_empty() {
            String::new()
        } else {
            format!(" {} {}", st.minutes_with, m.supplier)
        };
        (
            format!(
                "{} {}{with}, {}",
                st.minutes_of,
                i + 1,
                span(m.starts_at, m.ends_at, lang)
            ),
            Some(m.public_id.clone()),
            format!("protokoll-{}", m.public_id),
        )
    }));
    parts.push((t.summary.to_string(), None, SUMMARY_ANCHOR.into()));
    parts
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
            <div class="record-text__body" lang=written_lang(lang) inner_html=text.body_html></div>
            {(!text.changes.is_empty()).then(|| view! {
                <p class="record-text__changes">{t.changes_heading}</p>
                <ul>
                    {text.changes.into_iter().map(|c| view! {
                        <li>
                            <a href=c.requirement.href()>{requirement_label(&c.requirement, t.change_version)}</a>
                            ": "<span lang=written_lang(lang)>{c.input}</span>
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

/// The summary's place in the record, after the meetings' minutes.
const SUMMARY_ANCHOR: &str = "sammanfattning";

/// The anchor of the part whose draft or new version was refused, if
/// one was.
fn refused_part(
    parts: &[(String, Option<String>, String, bool)],
    texts: &[RecordText],
) -> Option<String> {
    let meeting = if let Some(f) = refused(SaveText::PATH) {
        Some(f.value("session")).filter(|s| !s.is_empty())
    } else {
        let f = refused(SupersedeText::PATH)?;
        let text = f.value("text");
        texts.iter().find(|x| x.public_id == text)?.meeting.clone()
    };
    parts
        .iter()
        .find(|(_, m, _, _)| *m == meeting)
        .map(|(_, _, anchor, _)| anchor.clone())
}

/// What a redirect-back said about this editor's form, if it was this one
/// that was sent (`key`, `expected`): the body and the link rows as sent.
fn sent_back(path: &str, key: &str, expected: &str) -> Option<FormFeedback> {
    refused(path).filter(|f| f.value(key) == expected)
}

/// What a redirect-back said about a refused form of `path`, if one was.
fn refused(path: &str) -> Option<FormFeedback> {
    let f = FormFeedback::for_action(path);
    matches!(f.error(), Some(crate::error::AppError::Validation { .. })).then_some(f)
}

/// A draft is edited and approved; approved text gets a new version.
#[component]
fn TextEditor(
    id: String,
    /// The meeting's public id (the form's `session`); empty for the summary.
    session: String,
    latest: Option<RecordText>,
    anchor: String,
    /// The part's heading, so that its buttons are told apart.
    heading: String,
    choices: Vec<RequirementRef>,
) -> impl IntoView {
    let t = text(use_lang());
    let field_id = format!("body_{anchor}");
    let summary = session.is_empty();
    let label = if summary { t.summary } else { t.minutes };
    let save_button = if summary {
        t.save_summary
    } else {
        t.save_minutes
    };
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
            let problem = sent.as_ref().and_then(|f| f.problem("body"));
            let named = format!(": {heading}");
            view! {
                <details open=reopen>
                    <summary>{t.new_version}<span class="visually-hidden">{named.clone()}</span></summary>
                    <ActionForm action>
                        <input type="hidden" name="dialogue" value=id />
                        <input type="hidden" name="text" value=latest.public_id.clone() />
                        <TextField name="body" label hint=t.markdown_hint required=true multiline=true
                            max_length=TEXT_MAX value=body problem field_id />
                        {summary.then(|| view! { <ChangeRows choices rows=saved_changes sent /> })}
                        <button type="submit" class="button">
                            {save_button}<span class="visually-hidden">{named}</span>
                        </button>
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
            let problem = sent.as_ref().and_then(|f| f.problem("body"));
            // The summary's hint says what it is for; Markdown is said once.
            let hint = if summary {
                t.summary_hint
            } else {
                t.markdown_hint
            };
            let id2 = id.clone();
            let draft2 = draft.clone();
            let named = format!(": {heading}");
            let context = named.clone();
            view! {
                <ActionForm action=save>
                    <input type="hidden" name="dialogue" value=id />
                    <input type="hidden" name="session" value=session />
                    <input type="hidden" name="text" value=draft />
                    {summary.then(|| view! { <p class="hint">{t.markdown_hint}</p> })}
                    <TextField name="body" label hint required=true multiline=true
                        max_length=TEXT_MAX value=body problem field_id />
                    {summary.then(|| view! { <ChangeRows choices rows=saved_changes sent /> })}
                    <button type="submit" class="button button--quiet-dark">
                        {save_button}<span class="visually-hidden">{named}</span>
                    </button>
                </ActionForm>
                {(!draft2.is_empty()).then(|| {
                    let (open, confirm) = if summary {
                        (t.approve_summary, t.confirm_summary)
                    } else {
                        (t.approve_minutes, t.confirm_minutes)
                    };
                    view! {
                        <ActionForm action=approve>
                            <input type="hidden" name="dialogue" value=id2 />
                            <input type="hidden" name="text" value=draft2 />
                            <ConfirmStep open=open.to_string() context
                                explain=t.approve_explain.to_string() confirm=confirm.to_string() />
                        </ActionForm>
                    }
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
    let count = (rows.len() + CHANGE_ROWS_BLANK).min(CHANGES_MAX);
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
                            <textarea id=input_id.clone() name="input[]" rows="2"
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

/// The record to file, print-ready: the dialogue, its meetings, who was
/// registered, the Q&A, minutes, summary and the log, stamped with the
/// time of export and the organisation's diarienummer.
#[component]
pub fn RecordPage() -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    if crate::accounts::signed_in_or_redirect().is_none() {
        return ().into_any();
    }
    let id = crate::dialogues::pages::param("id");
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
                            {if r.registrations.is_empty() {
                                view! { <p>{t.attendance_none}</p> }.into_any()
                            } else {
                                view! {
                                    <dl class="attendance">
                                        {r.registrations.into_iter().map(|x| view! {
                                            <dt>{x.organisation}</dt>
                                            <dd><AttendeeList attendees=x.attendees /></dd>
                                        }).collect_view()}
                                    </dl>
                                }
                                .into_any()
                            }}
                            <h2>{t.qa_heading}</h2>
                            {if r.qa.is_empty() {
                                view! { <p>{t.qa_none}</p> }.into_any()
                            } else {
                                view! {
                                    <dl class="qa" lang=written_lang(lang)>
                                        {r.qa.into_iter().map(|e| view! {
                                            <dt>{e.question}</dt>
                                            <dd>{e.answer}" ("{format_stockholm(e.published_at)}")"</dd>
                                        }).collect_view()}
                                    </dl>
                                }
                                .into_any()
                            }}
                            {(!r.information.is_empty()).then(|| view! { <crate::dialogues::market::hosts::InformationLog entries=r.information.clone() top=true /> })}
                            {(!r.answers.is_empty()).then(|| view! { <crate::dialogues::answers::pages::AnswersInRecord answers=r.answers.clone() /> })}
                            <h2>{t.record_heading}</h2>
                            {record_parts(&r.dialogue, &r.individual, lang).into_iter().map(|(heading, meeting, _)| {
                                let versions: Vec<RecordText> =
                                    r.texts.iter().filter(|x| x.meeting == meeting).cloned().collect();
                                (!versions.is_empty()).then(|| view! {
                                    <h3>{heading}</h3>
                                    {versions.into_iter().map(|x| view! { <RecordVersion text=x /> }).collect_view()}
                                })
                            }).collect_view()}
                            <h2>{t.audit}</h2>
                            <ul class="audit">
                                {r.audit.into_iter().map(|e| view! {
                                    <li>
                                        {format!("{} {} ({}): {}", format_stockholm(e.at), e.actor, e.organisation, e.summary)}
                                        {(!e.reason.is_empty()).then(|| view! {
                                            " – "<span lang=written_lang(lang)>{e.reason}</span>
                                        })}
                                    </li>
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
