//! The hosts' documents on two pages: the public page lists them with a
//! download for registered suppliers; the dialogue's own page lets hosts
//! publish a document or a new version, and shows who downloaded what.

use super::{text::text, Document, HostDocuments, PublicDocuments, FORM_PATH, NOTE_MAX, TITLE_MAX};
use crate::{
    core::files::{size_text, ACCEPT},
    dialogues::record::pages::written_lang,
    i18n::{use_lang, Lang},
    time::format_stockholm,
    ui::{
        form::{ErrorSummary, FormFeedback, Notice, SelectField, TextField},
        query_has,
    },
};
use leptos::prelude::*;

/// A document's versions, newest first, each a download when `href`
/// gives one.
#[component]
fn DocumentList(
    documents: Vec<Document>,
    /// The address of (document, version), when the person may download.
    href: Option<String>,
) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let written = written_lang(lang);
    let line = move |v: &super::DocumentVersion, lang: Lang| {
        format!(
            "{} {}, {}, {} {}",
            t.version,
            v.version,
            size_text(v.size, lang),
            t.published,
            format_stockholm(v.published_at)
        )
    };
    view! {
        <ul class="plain-list documents">
            {documents.into_iter().map(|d| {
                let mut versions = d.versions.into_iter();
                let latest = versions.next();
                let earlier: Vec<_> = versions.collect();
                let link = |v: &super::DocumentVersion| match &href {
                    Some(base) => view! {
                        <a href=format!("{base}/{}/{}", d.public_id, v.version) download>
                            {format!("{} {}", t.download, v.name)}
                        </a>
                    }
                    .into_any(),
                    None => view! { <span>{v.name.clone()}</span> }.into_any(),
                };
                view! {
                    <li>
                        <strong lang=written>{d.title.clone()}</strong>
                        {latest.map(|v| view! {
                            <br />{link(&v)}" "<span class="hint">{format!("({})", line(&v, lang))}</span>
                            {(!v.note.is_empty()).then(|| view! { <br /><span lang=written>{v.note.clone()}</span> })}
                        })}
                        {(!earlier.is_empty()).then(|| view! {
                            <details class="disclosure">
                                <summary>{t.earlier}</summary>
                                <ul class="plain-list">
                                    {earlier.iter().map(|v| view! {
                                        <li>{link(v)}" "<span class="hint">{format!("({})", line(v, lang))}</span></li>
                                    }).collect_view()}
                                </ul>
                            </details>
                        })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// The documents on the public page.
#[component]
pub fn PublicDocumentsSection(dialogue: String, documents: PublicDocuments) -> impl IntoView {
    let t = text(use_lang());
    let href = documents
        .may_download
        .then(|| format!("/marknadsdialoger/{dialogue}/dokument"));
    view! {
        <section aria-labelledby="dokument">
            <h2 id="dokument">{t.heading}</h2>
            <p>{t.public_lead}</p>
            <DocumentList documents=documents.documents href />
            {(!documents.may_download).then(|| view! { <p>{t.register_to_download}</p> })}
        </section>
    }
}

/// The hosts' documents, the form to publish one, and who downloaded what.
#[component]
pub fn HostDocumentsSection(id: String, documents: HostDocuments) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let written = written_lang(lang);
    let href = Some(format!("/marknadsdialoger/{id}/dokument"));
    let titles: Vec<(String, String)> = documents
        .documents
        .iter()
        .map(|d| (d.public_id.clone(), d.title.clone()))
        .collect();
    let register = if documents.downloads.is_empty() {
        view! { <p>{t.downloads_none}</p> }.into_any()
    } else {
        view! {
            <ul class="plain-list">
                {documents.downloads.iter().map(|x| {
                    let title = titles.iter().find(|(id, _)| *id == x.document).map(|(_, t)| t.clone()).unwrap_or_default();
                    let when = t.downloaded
                        .replace("{first}", &format_stockholm(x.first_at))
                        .replace("{last}", &format_stockholm(x.last_at))
                        .replace("{times}", &x.times.to_string());
                    view! {
                        <li>
                            <strong>{x.supplier.clone()}</strong>": "
                            <span lang=written>{title}</span>
                            {format!(", {} {}: {when}", t.version, x.version)}
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section aria-labelledby="dokument">
            <h2 id="dokument" tabindex="-1">{t.heading}</h2>
            <Notice show=query_has("dokument") text=t.published_notice id="dokument-publicerat" />
            <p>{t.host_lead}</p>
            {if documents.documents.is_empty() {
                view! { <p>{t.none}</p> }.into_any()
            } else {
                view! { <DocumentList documents=documents.documents.clone() href /> }.into_any()
            }}
            {if documents.may_publish {
                view! { <PublishForm id titles /> }.into_any()
            } else {
                view! { <p>{t.not_yet}</p> }.into_any()
            }}
            {(!documents.documents.is_empty()).then(|| view! {
                <h3>{t.downloads_heading}</h3>
                {register}
            })}
        </section>
    }
}

/// A multipart form: the file and the text go together to the server,
/// which reads them in turn and within its limits.
#[component]
fn PublishForm(id: String, titles: Vec<(String, String)>) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let form = FormFeedback::for_action(FORM_PATH);
    let error = form.error();
    let open = error.is_some();
    let file_problem = form.problem("file");
    let described = match file_problem {
        Some(_) => "field-file-hint field-file-error",
        None => "field-file-hint",
    };
    let mut options = vec![(String::new(), t.new_document.to_string())];
    options.extend(
        titles
            .into_iter()
            .map(|(id, title)| (id, format!("{} {title}", t.new_version_of))),
    );
    let several = options.len() > 1;
    let (chosen, title, note) = (
        form.value("document"),
        form.value("title"),
        form.value("note"),
    );
    let (title_problem, note_problem) = (form.problem("title"), form.problem("note"));
    view! {
        <details class="disclosure" id="publicera-dokument" open=open>
            <summary>{t.publish_heading}</summary>
            <ErrorSummary level=3 error labels=vec![("title", t.title), ("file", t.file), ("note", t.note)] />
            <form method="post" enctype="multipart/form-data" action=format!("/dialoger/{id}/dokument/spara")>
                {several.then(|| view! {
                    <SelectField name="document" label=t.what options selected=chosen />
                })}
                <TextField name="title" label=t.title hint=t.title_hint max_length=TITLE_MAX
                    value=title problem=title_problem />
                <div class="field" class:field--invalid=file_problem.is_some()>
                    <label for="field-file">{t.file}<span aria-hidden="true">" *"</span></label>
                    <p class="hint" id="field-file-hint">{t.file_hint}</p>
                    {file_problem.map(|p| view! { <p class="field-error" id="field-file-error">{p.message(lang)}</p> })}
                    <input type="file" id="field-file" name="files" accept=ACCEPT aria-required="true"
                        aria-describedby=described aria-invalid=file_problem.map(|_| "true") />
                </div>
                <TextField name="note" label=t.note hint=t.note_hint multiline=true max_length=NOTE_MAX
                    value=note problem=note_problem />
                <button type="submit" class="button">{t.publish}</button>
            </form>
        </details>
    }
}
