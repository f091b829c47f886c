//! The written answers' pages: a supplier's answer form, its receipts and
//! its versions; for hosts and members, the answers received and each one
//! print-ready with its confidentiality requests first.

use super::{
    api::{SaveAnswer, FILES_NOTICE, SAVED_NOTICE},
    field,
    text::{text, AnswerText},
    AnswerPage, DraftFile, Received, ReceivedAnswers, Submission, ANSWER_MAX, REFUSED_FILE,
    SECRET_MAX, UNSENT_FILE,
};
use crate::{
    core::files::{size_text, ACCEPT},
    dialogues::{pages::param, record::pages::written_lang, text::when},
    i18n::{use_lang, Lang},
    time::{format_stockholm, receipt_times},
    ui::{
        form::{ErrorSummary, FormFeedback, Notice, TextField},
        query_has, query_value,
    },
};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;

/// The note on confidentiality, in the page's language and then in the
/// other one: suppliers of every country read it.
#[component]
fn ConfidentialityNote() -> impl IntoView {
    let lang = use_lang();
    let other = match lang {
        Lang::Sv => Lang::En,
        Lang::En => Lang::Sv,
    };
    view! {
        <div class="notice">
            <p>{text(lang).confidentiality_note}</p>
            <p lang=other.code()>{text(other).confidentiality_note}</p>
        </div>
    }
}

/// `/marknadsdialoger/:id/svar`: the supplier's written answer.
#[component]
pub fn AnswerFormPage() -> impl IntoView {
    if crate::accounts::signed_in_or_redirect().is_none() {
        return ().into_any();
    }
    let id = param("id");
    let supplier = query_value("leverantor");
    let page = Resource::new(
        move || (id.clone(), supplier.clone()),
        |(id, supplier)| super::api::answer_page(id, supplier),
    );
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(p) => view! { <AnswerForm p /> }.into_any(),
                    Err(_) => view! { <crate::pages::not_found::NotFoundPage /> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

/// The labels the error summary gives each part's fields; it adds the
/// part's number ("answer_2" → "Svar på fråga 2").
fn labels(t: &'static AnswerText) -> Vec<(&'static str, &'static str)> {
    vec![
        ("answer", t.summary_answer),
        ("what", t.summary_what),
        ("why", t.summary_why),
        ("harm", t.summary_harm),
        ("files", t.summary_files),
        ("file_what", t.summary_file_what),
        ("file_why", t.summary_file_why),
        ("file_harm", t.summary_file_harm),
    ]
}

/// The files attached so far, each with its request for confidentiality
/// and a button that takes it away, then the input that adds more.
#[component]
fn AttachedFiles(
    dialogue: String,
    supplier: String,
    files: Vec<DraftFile>,
    form: FormFeedback,
    echoed: bool,
) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let written = written_lang(lang);
    let sent = |name: &str, i: usize, stored: String| match form.values(name) {
        Some(values) if echoed => values.get(i).cloned().unwrap_or_default(),
        _ => stored,
    };
    let listed = files
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let k = i + 1;
            let secret = f.secret.clone();
            let what = sent("file_what", i, secret.as_ref().map(|s| s.what.clone()).unwrap_or_default());
            let why = sent("file_why", i, secret.as_ref().map(|s| s.why.clone()).unwrap_or_default());
            let harm = sent("file_harm", i, secret.as_ref().map(|s| s.harm.clone()).unwrap_or_default());
            let problems = ["file_what", "file_why", "file_harm"].map(|n| form.problem(&field(n, k)));
            let open = !(what.is_empty() && why.is_empty() && harm.is_empty())
                || problems.iter().any(Option::is_some);
            let href = format!(
                "/marknadsdialoger/{dialogue}/svar/bilagor/{}?leverantor={supplier}",
                f.public_id
            );
            view! {
                <li class="attached-file">
                    <input type="hidden" name="file[]" value=f.public_id.clone() />
                    <p>
                        <a href=href download=f.name.clone() lang=written>{f.name.clone()}</a>
                        {format!(" ({})", size_text(f.size, lang))}
                        {f.secret.is_some().then(|| view! { " " <strong class="tag">{t.secret_requested}</strong> })}
                    </p>
                    <details class="disclosure" open=open>
                        <summary>{t.file_secret_summary}</summary>
                        <TextField name="file_what[]" field_id=field("file_what", k) label=t.secret_what multiline=true
                            max_length=SECRET_MAX value=what problem=problems[0] />
                        <TextField name="file_why[]" field_id=field("file_why", k) label=t.secret_why multiline=true
                            max_length=SECRET_MAX value=why problem=problems[1] />
                        <TextField name="file_harm[]" field_id=field("file_harm", k) label=t.secret_harm multiline=true
                            max_length=SECRET_MAX value=harm problem=problems[2] />
                    </details>
                    <button type="submit" name="intent" value=format!("remove:{}", f.public_id)
                        class="button button--quiet-dark">
                        {t.remove_file}<span class="visually-hidden">{format!(": {}", f.name)}</span>
                    </button>
                </li>
            }
        })
        .collect_view();
    let problem = form.problem("files");
    let refused = if echoed {
        form.values(REFUSED_FILE).unwrap_or_default()
    } else {
        Vec::new()
    };
    let unsent = if echoed {
        form.values(UNSENT_FILE).unwrap_or_default()
    } else {
        Vec::new()
    };
    let described_by = [
        Some("field-files-hint"),
        problem.map(|_| "field-files-error"),
        (!unsent.is_empty()).then_some("field-files-unsent"),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    view! {
        <fieldset class="field-group">
            <legend>{t.files_heading}</legend>
            <p class="hint">{t.files_rules}</p>
            <Notice show=query_has("bilagor") text=t.files_saved id=FILES_NOTICE />
            {if files.is_empty() {
                view! { <p>{t.files_none}</p> }.into_any()
            } else {
                view! { <ul class="plain-list">{listed}</ul> }.into_any()
            }}
            <div class="field" class:field--invalid=problem.is_some()>
                <label for="field-files">{t.add_files}</label>
                <p class="hint" id="field-files-hint">{t.add_files_hint}</p>
                {problem.map(|p| view! {
                    <p class="field-error" id="field-files-error">
                        {p.message(lang)}
                        {(!refused.is_empty()).then(|| format!(" {}: {}.", t.refused_files, refused.join(", ")))}
                    </p>
                })}
                {(!unsent.is_empty()).then(|| view! {
                    <p class="field-error" id="field-files-unsent">{format!("{} {}.", t.unsent_files, unsent.join(", "))}</p>
                })}
                <input type="file" id="field-files" name="files" multiple=true accept=ACCEPT
                    aria-describedby=described_by aria-invalid=problem.map(|_| "true") />
            </div>
            <button type="submit" name="intent" value="draft" class="button button--quiet-dark">{t.attach}</button>
        </fieldset>
    }
}

#[component]
fn AnswerForm(p: AnswerPage) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let written = written_lang(lang);
    let form = FormFeedback::for_action(SaveAnswer::PATH);
    let post_to = format!("/marknadsdialoger/{}/svar/spara", p.dialogue);
    // Only a refused form comes back with what was typed; after any other
    // error the stored draft is shown, so nothing saved is blanked.
    let echoed = matches!(
        form.error(),
        Some(crate::error::AppError::Validation { .. } | crate::error::AppError::Restored { .. })
    );
    let sent = |name: &str, i: usize, stored: String| match form.values(name) {
        Some(values) if echoed => values.get(i).cloned().unwrap_or_default(),
        _ => stored,
    };
    let questions_problem = form.problem("questions");
    let back = format!("/marknadsdialoger/{}", p.dialogue);
    let dialogue = p.dialogue.clone();
    let (form_dialogue, form_supplier) = (p.dialogue.clone(), p.supplier.clone());
    let fields = p
        .parts
        .iter()
        .enumerate()
        .map(|(i, part)| {
            let k = i + 1;
            let secret = part.secret.clone();
            let what = sent("what", i, secret.as_ref().map(|s| s.what.clone()).unwrap_or_default());
            let why = sent("why", i, secret.as_ref().map(|s| s.why.clone()).unwrap_or_default());
            let harm = sent("harm", i, secret.as_ref().map(|s| s.harm.clone()).unwrap_or_default());
            let problems = ["what", "why", "harm"].map(|n| form.problem(&field(n, k)));
            let open = !(what.is_empty() && why.is_empty() && harm.is_empty())
                || problems.iter().any(Option::is_some);
            view! {
                <fieldset class="field-group answer-part">
                    <legend>{format!("{} {k}: ", t.question)}<span lang=written>{part.question.clone()}</span></legend>
                    <TextField name="answer[]" field_id=field("answer", k) label=t.answer hint=t.answer_hint
                        multiline=true max_length=ANSWER_MAX value=sent("answer", i, part.answer.clone())
                        problem=form.problem(&field("answer", k)) />
                    <details class="disclosure" open=open>
                        <summary>{t.secret_summary}</summary>
                        <TextField name="what[]" field_id=field("what", k) label=t.secret_what multiline=true
                            max_length=SECRET_MAX value=what problem=problems[0] />
                        <TextField name="why[]" field_id=field("why", k) label=t.secret_why multiline=true
                            max_length=SECRET_MAX value=why problem=problems[1] />
                        <TextField name="harm[]" field_id=field("harm", k) label=t.secret_harm multiline=true
                            max_length=SECRET_MAX value=harm problem=problems[2] />
                    </details>
                </fieldset>
            }
        })
        .collect_view();
    let body = if !p.registered {
        view! { <p>{t.not_registered}</p> }.into_any()
    } else if !p.open {
        view! { <p class="notice">{t.closed}</p> }.into_any()
    } else {
        view! {
            <ConfidentialityNote />
            <Notice show=query_has("sparat") text=t.saved id=SAVED_NOTICE />
            <ErrorSummary error=form.error() labels=labels(t) />
            <form method="post" action=post_to enctype="multipart/form-data">
                <input type="hidden" name="supplier" value=form_supplier.clone() />
                <input type="hidden" name="questions" value=p.questions_key.clone() />
                {questions_problem.map(|problem| view! {
                    <p class="field-error" id="field-questions" tabindex="-1">{problem.message(lang)}</p>
                })}
                {fields}
                <AttachedFiles dialogue=form_dialogue supplier=form_supplier files=p.files.clone()
                    form=form.clone() echoed />
                <p class="hint">{t.submit_hint}</p>
                <div class="actions">
                    <button type="submit" name="intent" value="submit" class="button">{t.submit}</button>
                    " "
                    <button type="submit" name="intent" value="draft" class="button button--quiet-dark">{t.save_draft}</button>
                </div>
            </form>
        }
        .into_any()
    };
    view! {
        <Title text=format!("{}: {}", t.heading, p.title) />
        <p class="breadcrumb"><a href=back.clone()>{p.title.clone()}</a></p>
        <h1>{t.heading}</h1>
        <p class="lead">{t.lead}</p>
        <dl class="facts">
            <dt>{t.for_supplier}</dt><dd>{p.supplier_name.clone()}</dd>
            <dt>{t.deadline}</dt><dd>{when(p.answer_deadline, lang)}</dd>
            {p.saved_at.map(|at| view! { <dt>{t.last_saved}</dt><dd>{format_stockholm(at)}</dd> })}
        </dl>
        {body}
        <section aria-labelledby="inlamnade">
            <h2 id="inlamnade">{t.submitted_heading}</h2>
            <SubmittedList dialogue items=p.submitted.clone() supplier_side=true />
        </section>
    }
}

/// Submissions, each linking to its page: for the supplier, its receipts;
/// for hosts and members, the answer.
#[component]
fn SubmittedList(dialogue: String, items: Vec<Received>, supplier_side: bool) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    if items.is_empty() {
        let none = if supplier_side {
            t.none_submitted
        } else {
            t.none_received
        };
        return view! { <p>{none}</p> }.into_any();
    }
    view! {
        <ul class="plain-list">
            {items.into_iter().map(|r| {
                let href = if supplier_side {
                    format!("/marknadsdialoger/{dialogue}/kvitto/{}", r.public_id)
                } else {
                    format!("/dialoger/{dialogue}/svar/{}", r.public_id)
                };
                let secret = r.secret.then(|| view! { <strong class="tag">{t.secret_requested}</strong> });
                view! {
                    <li>
                        <a href=href>
                            {format!("{}, {} {}, {}", r.supplier_name, t.version, r.version, format_stockholm(r.submitted_at))}
                        </a>
                        {format!(" ({} {})", t.receipt_number, r.receipt)}
                        " " {secret}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// `/marknadsdialoger/:id/kvitto/:answer`: the receipt of one of the
/// supplier's own submissions, with what it held.
#[component]
pub fn ReceiptPage() -> impl IntoView {
    view! { <SubmissionOrReceipt supplier_side=true /> }
}

/// `/dialoger/:id/svar/:answer`: one submission for hosts and members,
/// print-ready.
#[component]
pub fn SubmissionPage() -> impl IntoView {
    view! { <SubmissionOrReceipt supplier_side=false /> }
}

#[component]
fn SubmissionOrReceipt(supplier_side: bool) -> impl IntoView {
    if crate::accounts::signed_in_or_redirect().is_none() {
        return ().into_any();
    }
    let (id, answer) = (param("id"), param("answer"));
    let found = Resource::new(
        move || (id.clone(), answer.clone()),
        move |(id, answer)| async move {
            if supplier_side {
                super::api::own_submission(id, answer).await
            } else {
                super::api::submission(id, answer).await
            }
        },
    );
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match found.await {
                    Ok(s) => view! { <Receipt s supplier_side /> }.into_any(),
                    Err(_) => view! { <crate::pages::not_found::NotFoundPage /> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

/// A submission: the receipt's facts, the confidentiality requests first,
/// then each part, and the supplier's versions.
#[component]
fn Receipt(s: Submission, supplier_side: bool) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let written = written_lang(lang);
    let (local, utc) = receipt_times(s.content.submitted_at);
    let dialogue = s.content.dialogue.clone();
    let (back, back_text) = if supplier_side {
        (
            format!(
                "/marknadsdialoger/{dialogue}/svar?leverantor={}",
                s.content.supplier
            ),
            t.back_to_answer,
        )
    } else {
        (
            format!("/dialoger/{dialogue}#skriftliga-svar"),
            t.back_to_dialogue,
        )
    };
    // Each request with what it is about: a question, or a file.
    let secrets: Vec<(String, String, super::SecretRequest)> = s
        .content
        .parts
        .iter()
        .filter_map(|p| {
            let heading = format!("{} {}: ", t.question, p.position);
            p.secret.clone().map(|r| (heading, p.question.clone(), r))
        })
        .chain(s.content.attachments.iter().filter_map(|f| {
            let heading = format!("{} {}: ", t.attachment, f.position);
            f.secret.clone().map(|r| (heading, f.name.clone(), r))
        }))
        .collect();
    let file_link = |position: i64| {
        if supplier_side {
            format!(
                "/marknadsdialoger/{dialogue}/kvitto/{}/bilagor/{position}",
                s.public_id
            )
        } else {
            format!(
                "/dialoger/{dialogue}/svar/{}/bilagor/{position}",
                s.public_id
            )
        }
    };
    let attachments = (!s.content.attachments.is_empty()).then(|| {
        view! {
            <h2>{t.files_heading}</h2>
            <ul class="plain-list">
                {s.content.attachments.iter().map(|f| view! {
                    <li>
                        {format!("{} {}: ", t.attachment, f.position)}
                        <a href=file_link(f.position) download=f.name.clone() lang=written>{f.name.clone()}</a>
                        {format!(" ({})", size_text(f.size, lang))}
                        {f.secret.is_some().then(|| view! { " " <strong class="tag">{t.secret_requested}</strong> })}
                        <br /><span class="hint">"SHA-256: "<code class="digest">{f.sha256.clone()}</code></span>
                    </li>
                }).collect_view()}
            </ul>
        }
    });
    let asks = !secrets.is_empty();
    let version_link = |public_id: &str| {
        if supplier_side {
            format!("/marknadsdialoger/{dialogue}/kvitto/{public_id}")
        } else {
            format!("/dialoger/{dialogue}/svar/{public_id}")
        }
    };
    let versions = s
        .versions
        .iter()
        .map(|(public_id, version, at)| {
            let label = format!("{} {version}, {}", t.version, format_stockholm(*at));
            if *public_id == s.public_id {
                view! { <li>{format!("{label} ({})", t.this_version)}</li> }.into_any()
            } else {
                view! { <li><a href=version_link(public_id)>{label}</a></li> }.into_any()
            }
        })
        .collect_view();
    let json = if supplier_side {
        let href = format!(
            "/marknadsdialoger/{dialogue}/kvitto/{}/svar.json",
            s.public_id
        );
        view! { <p><a href=href download="svar.json">{t.json}</a></p> }.into_any()
    } else {
        let href = format!("/dialoger/{dialogue}/svar/{}/svar.json", s.public_id);
        view! {
            <form method="get" action=href class="export">
                <div class="field">
                    <label for="field-diarienummer">{t.diarienummer}</label>
                    <input id="field-diarienummer" name="diarienummer" type="text" maxlength="100" />
                </div>
                <button type="submit" class="button button--quiet-dark">{t.json}</button>
            </form>
        }
        .into_any()
    };
    view! {
        <Title text=format!("{} {}: {}", t.receipt_heading, s.receipt, s.supplier_name) />
        <p class="breadcrumb"><a href=back>{back_text}</a></p>
        <h1 id="kvitto" tabindex="-1">{format!("{} {}", t.receipt_heading, s.receipt)}</h1>
        <Notice show=query_has("inlamnat") text=t.received_notice id="inlamnat" />
        <dl class="facts">
            <dt>{t.receipt_number}</dt><dd>{s.receipt.clone()}</dd>
            <dt>{t.received_at}</dt><dd>{local}<br />{utc}</dd>
            <dt>{t.supplier}</dt><dd>{s.supplier_name.clone()}</dd>
            <dt>{t.submitted_by}</dt><dd>{s.submitted_by.clone()}</dd>
            <dt>{t.version}</dt><dd>{s.content.version}</dd>
            <dt>{t.digest}</dt><dd><code class="digest">{s.digest.clone()}</code></dd>
        </dl>
        <p class="hint">{t.digest_hint}</p>
        {asks.then(|| view! {
            <section class="secret-requests" aria-labelledby="sekretess">
                <h2 id="sekretess">{t.secret_request}</h2>
                <ConfidentialityNote />
                <ul class="plain-list">
                    {secrets.into_iter().map(|(heading, subject, r)| {
                        view! {
                            <li>
                                <h3>{heading}<span lang=written>{subject}</span></h3>
                                <dl class="facts">
                                    <dt>{t.secret_what}</dt><dd lang=written>{r.what}</dd>
                                    <dt>{t.secret_why}</dt><dd lang=written>{r.why}</dd>
                                    <dt>{t.secret_harm}</dt><dd lang=written>{r.harm}</dd>
                                </dl>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        })}
        <h2>{t.parts}</h2>
        {s.content.parts.iter().zip(s.html.iter()).map(|(p, html)| view! {
            <section class="answer-part">
                <h3>
                    {format!("{} {}: ", t.question, p.position)}<span lang=written>{p.question.clone()}</span>
                    {p.secret.is_some().then(|| view! { " " <strong class="tag">{t.secret_requested}</strong> })}
                </h3>
                {if p.answer.is_empty() {
                    view! { <p>{t.no_answer}</p> }.into_any()
                } else {
                    view! { <div lang=written inner_html=html.clone()></div> }.into_any()
                }}
            </section>
        }).collect_view()}
        {attachments}
        <h2>{t.versions}</h2>
        <ul>{versions}</ul>
        {json}
    }
}

/// On the dialogue's own page: the written answers received.
#[component]
pub fn ReceivedSection(dialogue: String, answers: ReceivedAnswers) -> impl IntoView {
    let t = text(use_lang());
    view! {
        <section aria-labelledby="skriftliga-svar">
            <h2 id="skriftliga-svar">{t.received_heading}</h2>
            {if answers.readable {
                let zip = format!("/dialoger/{dialogue}/svar.zip");
                let any = !answers.answers.is_empty();
                view! {
                    <SubmittedList dialogue items=answers.answers supplier_side=false />
                    {any.then(|| view! {
                        <form method="get" action=zip class="export">
                            <p class="hint" id="zip-hint">{t.zip_hint}</p>
                            <div class="field">
                                <label for="field-zip-diarienummer">{t.diarienummer}</label>
                                <input id="field-zip-diarienummer" name="diarienummer" type="text" maxlength="100" />
                            </div>
                            <button type="submit" class="button button--quiet-dark" aria-describedby="zip-hint">{t.zip}</button>
                        </form>
                    })}
                }
                .into_any()
            } else {
                view! { <p>{t.members_after_deadline}</p> }.into_any()
            }}
        </section>
    }
}

/// In the dialogue's record: every written answer received.
#[component]
pub fn AnswersInRecord(answers: Vec<Received>) -> impl IntoView {
    let t = text(use_lang());
    view! {
        <h2>{t.received_heading}</h2>
        <table>
            <caption class="visually-hidden">{t.received_heading}</caption>
            <thead>
                <tr>
                    <th scope="col">{t.supplier}</th>
                    <th scope="col">{t.version}</th>
                    <th scope="col">{t.received_at}</th>
                    <th scope="col">{t.receipt_number}</th>
                    <th scope="col">{t.secret_request}</th>
                </tr>
            </thead>
            <tbody>
                {answers.into_iter().map(|r| view! {
                    <tr>
                        <td>{r.supplier_name}</td>
                        <td>{r.version}</td>
                        <td>{receipt_times(r.submitted_at).0}</td>
                        <td>{r.receipt}</td>
                        <td>{if r.secret { t.yes } else { t.no }}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// On the public page, for a dialogue that takes written answers: where
/// each of the person's registered suppliers, (public id, name), writes
/// its answer.
#[component]
pub fn WriteAnswer(
    dialogue: String,
    registered: Vec<(String, String)>,
    open: bool,
    deadline: i64,
) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let label = if open {
        t.write_answer
    } else {
        t.submitted_heading
    };
    let several = registered.len() > 1;
    view! {
        <section aria-labelledby="skriftligt-svar">
            <h2 id="skriftligt-svar">{t.heading}</h2>
            <p>{t.written_lead}" "{format!("{}: {}.", t.deadline, when(deadline, lang))}</p>
            {if !registered.is_empty() {
                view! {
                    <ul class="plain-list">
                        {registered.into_iter().map(|(supplier, name)| {
                            let href = format!("/marknadsdialoger/{dialogue}/svar?leverantor={supplier}");
                            let text = if several { format!("{label}: {name}") } else { label.to_string() };
                            view! { <li><a class="button" href=href>{text}</a></li> }
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            } else if open {
                view! { <p>{t.not_registered}</p> }.into_any()
            } else {
                view! { <p>{t.closed}</p> }.into_any()
            }}
        </section>
    }
}
