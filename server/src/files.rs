//! Files in and out: the written answer's form and the hosts' document
//! form, which carry files as multipart bodies, and the downloads of what
//! was attached and published.
//!
//! The forms post here rather than to a server function because a
//! server function reads no multipart body safely (one without a boundary
//! panics it). What it answers follows the server functions' contract: a
//! browser is sent on, or back to the form with the error kept as any
//! refused form's is (`feedback`); a script gets the error as JSON with
//! its status.
//!
//! Memory stays bounded: the body is limited (`UPLOAD_LIMIT`), a file
//! over `FILE_MAX` is read to its end but not kept, and only a few forms
//! with files are read at once; the others wait their turn.

use crate::state::{json_error, AppState};
use app::{
    accounts::SessionUser,
    core::files::{Download, SentFile, FILES_MAX, FILE_MAX},
    dialogues::answers::{api::SaveAnswer, AnswerForm},
    error::AppError,
};
use axum::{
    body::Body,
    extract::{multipart::MultipartError, Multipart, Path, Query, State},
    http::{header, HeaderMap, StatusCode},
    response::{IntoResponse, Redirect, Response},
    Extension,
};
use leptos::server_fn::{error::ServerFnUrlError, ServerFn};
use std::collections::HashMap;
use tokio::sync::Semaphore;

/// The largest body a form with files may have: its files and its text.
pub const UPLOAD_LIMIT: usize = FILES_MAX + 3_000_000;

/// How long reading one form with files may take.
const READ_WITHIN: std::time::Duration = std::time::Duration::from_secs(120);

/// Forms with files read at the same time.
static READING: Semaphore = Semaphore::const_new(4);

/// Whether a request is a form that carries files (and so may be larger
/// than other bodies).
pub fn takes_files(path: &str) -> bool {
    let mut parts = path.trim_matches('/').split('/');
    matches!(
        (
            parts.next(),
            parts.next(),
            parts.next(),
            parts.next(),
            parts.next()
        ),
        (
            Some("marknadsdialoger"),
            Some(_),
            Some("svar"),
            Some("spara"),
            None
        ) | (
            Some("dialoger"),
            Some(_),
            Some("dokument"),
            Some("spara"),
            None
        )
    )
}

fn refused(error: MultipartError) -> AppError {
    if error.status() == StatusCode::PAYLOAD_TOO_LARGE {
        AppError::PayloadTooLarge
    } else {
        AppError::BadRequest
    }
}

/// The text fields and (when `keep_files`) the files of a multipart body.
/// A file input left empty sends a part with no name and no bytes: that
/// is no file.
async fn read(
    multipart: &mut Multipart,
    keep_files: bool,
) -> Result<(Vec<(String, String)>, Vec<SentFile>), AppError> {
    let mut pairs = Vec::new();
    let mut files = Vec::new();
    while let Some(mut field) = multipart.next_field().await.map_err(refused)? {
        let name = field.name().unwrap_or_default().to_string();
        let Some(file_name) = field.file_name().map(str::to_owned) else {
            pairs.push((name, field.text().await.map_err(refused)?));
            continue;
        };
        let mut bytes = Vec::new();
        let mut over_limit = false;
        while let Some(chunk) = field.chunk().await.map_err(refused)? {
            if over_limit || !keep_files {
                continue;
            }
            if bytes.len() + chunk.len() > FILE_MAX {
                over_limit = true;
                bytes = Vec::new();
                continue;
            }
            bytes.extend_from_slice(&chunk);
        }
        if name == "files" && !(file_name.is_empty() && bytes.is_empty() && !over_limit) {
            files.push(SentFile {
                name: file_name,
                bytes,
                over_limit,
            });
        }
    }
    Ok((pairs, files))
}

fn accepts_html(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"))
}

/// The text and the files of a form with files: only a signed-in
/// person's files are read, in turn; someone whose session has ended gets
/// the form back (its text kept for after signing in), and no body holds
/// a turn for longer than a slow upload of the largest form takes.
async fn read_form(
    user: Option<&SessionUser>,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Result<(Vec<(String, String)>, Vec<SentFile>), AppError> {
    let mut multipart = multipart.map_err(|_| AppError::BadRequest)?;
    let signed_in = user.is_some();
    let _turn = if signed_in {
        Some(READING.acquire().await.map_err(AppError::internal)?)
    } else {
        None
    };
    tokio::time::timeout(READ_WITHIN, read(&mut multipart, signed_in))
        .await
        .map_err(|_| AppError::BadRequest)?
}

/// What a form with files answers, as a server function would: a browser
/// is sent on, or back to `form_page` with the error kept under
/// `feedback`; a script gets the error as JSON.
fn respond(
    outcome: Result<String, AppError>,
    headers: &HeaderMap,
    feedback: &str,
    form_page: &str,
) -> Response {
    match outcome {
        Ok(to) => Redirect::to(&to).into_response(),
        Err(error) if accepts_html(headers) => {
            match ServerFnUrlError::new(feedback, error).to_url(form_page) {
                Ok(url) => Redirect::to(url.as_str()).into_response(),
                Err(_) => json_error(AppError::Internal),
            }
        }
        Err(error) => json_error(error),
    }
}

/// `POST /marknadsdialoger/{id}/svar/spara`: the written answer's form.
pub async fn answer_form(
    State(state): State<AppState>,
    Path(id): Path<String>,
    user: Option<Extension<SessionUser>>,
    headers: HeaderMap,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Response {
    let user = user.map(|Extension(u)| u);
    let mut supplier = String::new();
    let outcome = async {
        let (pairs, files) = read_form(user.as_ref(), multipart).await?;
        let form = AnswerForm::from_pairs(pairs);
        supplier = form.supplier.clone();
        app::dialogues::answers::api::save_from_form(
            &state.context,
            user.as_ref(),
            &id,
            form,
            files,
        )
        .await
    }
    .await;
    let form_page = format!(
        "{}/marknadsdialoger/{}/svar?leverantor={}",
        state.context.site_origin,
        app::ui::url_encode(&id),
        app::ui::url_encode(&supplier)
    );
    respond(outcome, &headers, SaveAnswer::PATH, &form_page)
}

/// `POST /dialoger/{id}/dokument/spara`: the hosts publish a document or
/// a new version of one.
pub async fn document_form(
    State(state): State<AppState>,
    Path(id): Path<String>,
    user: Option<Extension<SessionUser>>,
    headers: HeaderMap,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Response {
    let user = user.map(|Extension(u)| u);
    let outcome = async {
        let (pairs, files) = read_form(user.as_ref(), multipart).await?;
        let form = app::dialogues::documents::DocumentForm::from_pairs(pairs);
        app::dialogues::documents::api::publish_from_form(
            &state.context,
            user.as_ref(),
            &id,
            form,
            files,
        )
        .await
    }
    .await;
    let form_page = format!(
        "{}/dialoger/{}",
        state.context.site_origin,
        app::ui::url_encode(&id)
    );
    respond(
        outcome,
        &headers,
        app::dialogues::documents::FORM_PATH,
        &form_page,
    )
}

/// `/marknadsdialoger/{id}/dokument/{document}/{version}?leverantor=`:
/// one version of a hosts' document, for registered suppliers (counted)
/// and the network's members.
pub async fn document_file(
    State(state): State<AppState>,
    Path((id, document, version)): Path<(String, String, String)>,
    Query(query): Query<HashMap<String, String>>,
    user: Option<Extension<SessionUser>>,
) -> Response {
    let user = user.map(|Extension(u)| u);
    let Ok(version) = version.parse::<i64>() else {
        return json_error(AppError::NotFound);
    };
    let supplier = query.get("leverantor").map(String::as_str);
    file_response(
        app::dialogues::documents::api::download(
            &state.context,
            user.as_ref(),
            &id,
            &document,
            version,
            supplier,
        )
        .await,
    )
}

/// A file to save, never shown in the browser: served as a download of
/// its own type (`security_headers` gives every download a sandbox).
pub fn file_response(file: Result<Download, AppError>) -> Response {
    match file {
        Ok(file) => download(&file.name, file.media_type, Body::from(file.bytes)),
        Err(error) => json_error(error),
    }
}

/// A download's headers around its body: an attachment, with an ASCII
/// name and the real one (RFC 5987), never stored by a cache.
fn download(name: &str, media_type: String, body: Body) -> Response {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .filter(|c| !matches!(c, '"' | '\\'))
        .collect();
    let disposition = format!(
        "attachment; filename=\"{ascii}\"; filename*=UTF-8''{}",
        app::ui::url_encode(name)
    );
    (
        [
            (header::CONTENT_TYPE, media_type),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, "private, no-store".to_string()),
        ],
        body,
    )
        .into_response()
}

/// `/marknadsdialoger/{id}/svar/bilagor/{file}?leverantor=`: a file
/// attached to the answer being written, for the supplier's own people.
pub async fn draft_file(
    State(state): State<AppState>,
    Path((id, file)): Path<(String, String)>,
    Query(query): Query<HashMap<String, String>>,
    user: Option<Extension<SessionUser>>,
) -> Response {
    let user = user.map(|Extension(u)| u);
    let supplier = query.get("leverantor").map(String::as_str).unwrap_or("");
    file_response(
        app::dialogues::answers::api::draft_attachment(
            &state.context,
            user.as_ref(),
            &id,
            supplier,
            &file,
        )
        .await,
    )
}

/// `/marknadsdialoger/{id}/kvitto/{answer}/bilagor/{n}`: a file of one of
/// the supplier's own submissions.
pub async fn own_answer_file(
    State(state): State<AppState>,
    Path(path): Path<(String, String, String)>,
    user: Option<Extension<SessionUser>>,
) -> Response {
    submitted_file(&state, path, user, true).await
}

/// `/dialoger/{id}/svar/{answer}/bilagor/{n}`: a file of a submission, for
/// hosts and, after the deadline, members.
pub async fn answer_file(
    State(state): State<AppState>,
    Path(path): Path<(String, String, String)>,
    user: Option<Extension<SessionUser>>,
) -> Response {
    submitted_file(&state, path, user, false).await
}

async fn submitted_file(
    state: &AppState,
    (id, answer, position): (String, String, String),
    user: Option<Extension<SessionUser>>,
    supplier_side: bool,
) -> Response {
    let user = user.map(|Extension(u)| u);
    let Ok(position) = position.parse::<i64>() else {
        return json_error(AppError::NotFound);
    };
    let (ctx, user) = (&state.context, user.as_ref());
    file_response(if supplier_side {
        app::dialogues::answers::api::own_attachment(ctx, user, &id, &answer, position).await
    } else {
        app::dialogues::answers::api::attachment(ctx, user, &id, &answer, position).await
    })
}

/// `/dialoger/{id}/svar.zip?diarienummer=`: every written answer with
/// its files, for hosts and, after the deadline, members.
pub async fn answers_zip(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
    user: Option<Extension<SessionUser>>,
) -> Response {
    let user = user.map(|Extension(u)| u);
    let diarienummer = query.get("diarienummer").map(String::as_str).unwrap_or("");
    let zip =
        app::dialogues::answers::api::answers_zip(&state.context, user.as_ref(), &id, diarienummer)
            .await;
    match zip {
        // Read from the temporary file as it is sent, a chunk at a time.
        Ok(file) => {
            let stream = tokio_util::io::ReaderStream::new(tokio::fs::File::from_std(file));
            download(
                "svar.zip",
                "application/zip".to_string(),
                Body::from_stream(stream),
            )
        }
        Err(error) => json_error(error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_forms_with_files_take_large_bodies() {
        assert!(takes_files("/marknadsdialoger/abc/svar/spara"));
        assert!(takes_files("/dialoger/abc/dokument/spara"));
        assert!(!takes_files("/dialoger/abc/svar/spara"));
        assert!(!takes_files("/marknadsdialoger/abc/svar"));
        assert!(!takes_files("/api/answers/save"));
        assert!(!takes_files("/marknadsdialoger/abc/svar/spara/x"));
    }
}
