//! The written answers' server functions. A supplier's start at the
//! market guard (`published`): its people write, submit and read their
//! own receipts. Hosts' and members' start at the network's guard
//! (`visible_dialogue`): hosts read answers as they arrive, the network's
//! other members once the answer deadline has passed.

use super::AnswerForm;
use crate::error::AppError;
use leptos::prelude::*;

/// The notice's anchor after a draft is saved.
pub const SAVED_NOTICE: &str = "svar-sparat";
/// The notice's anchor after files are attached or removed.
pub const FILES_NOTICE: &str = "bilagor-sparade";

/// The supplier's answer page: the questions, what it has written, what
/// it has submitted. `supplier` chooses among the person's suppliers.
#[server(endpoint = "answers/page")]
pub async fn answer_page(
    dialogue: String,
    #[server(default)] supplier: String,
) -> Result<super::AnswerPage, AppError> {
    use crate::core::market::MarketAction;
    let p = crate::dialogues::market::api::published(&dialogue).await?;
    let chosen = Some(supplier.as_str());
    let actor = p
        .guard
        .actor_for(MarketAction::AnswerInWriting, chosen)
        .or_else(|_| p.guard.actor_for(MarketAction::ReadOwnAnswers, chosen))?;
    let acting = p.guard.acting(actor)?;
    let db = &p.ctx.db;
    let questions = &p.stored.dialogue.questions;
    let (parts, saved_at) =
        super::store::draft(db, p.stored.key.id, actor.supplier_id, questions).await?;
    Ok(super::AnswerPage {
        dialogue: p.stored.dialogue.public_id.clone(),
        title: p.stored.dialogue.title.clone(),
        answer_deadline: p.stored.dialogue.answer_deadline,
        open: p
            .guard
            .suppliers_that_may(MarketAction::AnswerInWriting)
            .contains(&actor.supplier_id),
        registered: acting.registered,
        supplier: acting.public_id.clone(),
        supplier_name: acting.name.clone(),
        parts,
        questions_key: super::questions_key(questions),
        saved_at,
        files: super::store::draft_files(db, p.stored.key.id, actor.supplier_id).await?,
        submitted: super::store::own(db, p.stored.key.id, actor.supplier_id).await?,
    })
}

/// Saves the supplier's answer as a draft, or submits it as a new
/// version with a receipt; nothing after the answer deadline. The page's
/// form, which carries files, posts to `save_from_form`; this takes the
/// same fields without files.
#[server(endpoint = "answers/save")]
pub async fn save_answer(
    dialogue: String,
    #[server(flatten)] form: AnswerForm,
) -> Result<(), AppError> {
    let p = crate::dialogues::market::api::published(&dialogue).await?;
    leptos_axum::redirect(&save(&p, &form, Vec::new()).await?);
    Ok(())
}

/// The page's answer form, with its files: where to go next.
#[cfg(feature = "ssr")]
pub async fn save_from_form(
    ctx: &crate::context::AppContext,
    user: Option<&crate::accounts::SessionUser>,
    dialogue: &str,
    form: AnswerForm,
    sent: Vec<crate::core::files::SentFile>,
) -> Result<String, AppError> {
    let p = crate::dialogues::market::api::published_for(ctx.clone(), user, dialogue).await?;
    save(&p, &form, sent).await
}

/// Guard, parse, store; the page to go to.
#[cfg(feature = "ssr")]
async fn save(
    p: &crate::dialogues::market::api::Published,
    form: &AnswerForm,
    sent: Vec<crate::core::files::SentFile>,
) -> Result<String, AppError> {
    use super::{
        store::{self, Submitter},
        WrittenAnswer,
    };
    use crate::core::market::MarketAction;
    let actor = p
        .guard
        .actor_for(MarketAction::AnswerInWriting, Some(&form.supplier))?;
    let db = &p.ctx.db;
    let questions = &p.stored.dialogue.questions;
    let attached = store::draft_files(db, p.stored.key.id, actor.supplier_id).await?;
    let answer = WrittenAnswer::parse(
        form,
        questions,
        &super::questions_key(questions),
        &attached,
        sent,
    )?;
    let d = &p.stored.dialogue;
    let acting = p.guard.acting(actor)?;
    // Another window attached files meanwhile: refused like any form
    // over the limit, with what was typed.
    let over_limit = |error: AppError| match error {
        AppError::Conflict => {
            let mut check = crate::error::Checker::new();
            check.refuse("files", crate::error::FieldProblem::FilesTooLarge);
            check.finish_form(form).err().unwrap_or(AppError::Conflict)
        }
        other => other,
    };
    if !form.submits() {
        store::save_draft(db, p.stored.key.id, actor, &answer)
            .await
            .map_err(over_limit)?;
        let notice = if form.removes().is_some() || !answer.uploads().is_empty() {
            format!("bilagor=1#{FILES_NOTICE}")
        } else {
            format!("sparat=1#{SAVED_NOTICE}")
        };
        return Ok(format!(
            "/marknadsdialoger/{}/svar?leverantor={}&{notice}",
            d.public_id, acting.public_id
        ));
    }
    let user = p.guard.user.as_ref().ok_or(AppError::NotSignedIn)?;
    let from = Submitter {
        dialogue: p.stored.key.id,
        dialogue_public_id: &d.public_id,
        actor,
        supplier_public_id: &acting.public_id,
        email: &user.email,
    };
    let origin = p.ctx.site_origin.clone();
    let receipt = |s: &store::Submitted| {
        super::text::receipt_mail(
            user.language,
            &d.title,
            &acting.name,
            &user.name,
            s,
            &format!(
                "{origin}/marknadsdialoger/{}/kvitto/{}",
                d.public_id, s.public_id
            ),
        )
    };
    let submitted = store::submit(db, from, &answer, &receipt)
        .await
        .map_err(over_limit)?;
    Ok(format!(
        "/marknadsdialoger/{}/kvitto/{}?inlamnat=1#inlamnat",
        d.public_id, submitted.public_id
    ))
}

/// A file attached to the answer the supplier is writing, for its own
/// people.
#[cfg(feature = "ssr")]
pub async fn draft_attachment(
    ctx: &crate::context::AppContext,
    user: Option<&crate::accounts::SessionUser>,
    dialogue: &str,
    supplier: &str,
    file: &str,
) -> Result<crate::core::files::Download, AppError> {
    use crate::core::market::MarketAction;
    let p = crate::dialogues::market::api::published_for(ctx.clone(), user, dialogue).await?;
    let chosen = Some(supplier);
    let actor = p
        .guard
        .actor_for(MarketAction::AnswerInWriting, chosen)
        .or_else(|_| p.guard.actor_for(MarketAction::ReadOwnAnswers, chosen))?;
    super::store::draft_download(&p.ctx.db, p.stored.key.id, actor.supplier_id, file).await
}

/// A file of one of the supplier's own submissions.
#[cfg(feature = "ssr")]
pub async fn own_attachment(
    ctx: &crate::context::AppContext,
    user: Option<&crate::accounts::SessionUser>,
    dialogue: &str,
    answer: &str,
    position: i64,
) -> Result<crate::core::files::Download, AppError> {
    let p = crate::dialogues::market::api::published_for(ctx.clone(), user, dialogue).await?;
    let s = own_submission_of(&p, answer).await?;
    super::store::submitted_download(&p.ctx.db, p.stored.key.id, &s.public_id, position).await
}

/// A file of a submission, for those who may read the submission.
#[cfg(feature = "ssr")]
pub async fn attachment(
    ctx: &crate::context::AppContext,
    user: Option<&crate::accounts::SessionUser>,
    dialogue: &str,
    answer: &str,
    position: i64,
) -> Result<crate::core::files::Download, AppError> {
    let user = user.ok_or(AppError::NotSignedIn)?;
    let v =
        crate::dialogues::api::visible_dialogue_for(ctx.clone(), user.clone(), dialogue).await?;
    let s = readable_submission(&v, answer).await?;
    super::store::submitted_download(&v.ctx.db, v.key.id, &s.public_id, position).await
}

/// One of the supplier's own submissions with its receipt; another
/// supplier's is not found (nothing says that it exists).
#[server(endpoint = "answers/receipt")]
pub async fn own_submission(
    dialogue: String,
    answer: String,
) -> Result<super::Submission, AppError> {
    let p = crate::dialogues::market::api::published(&dialogue).await?;
    own_submission_of(&p, &answer).await
}

#[cfg(feature = "ssr")]
async fn own_submission_of(
    p: &crate::dialogues::market::api::Published,
    answer: &str,
) -> Result<super::Submission, AppError> {
    use crate::core::market::MarketAction;
    p.guard.actor_for(MarketAction::ReadOwnAnswers, None)?;
    let mine = p.guard.suppliers_that_may(MarketAction::ReadOwnAnswers);
    let deleted = crate::accounts::text::text(crate::i18n::use_lang()).deleted_user;
    super::store::submission(
        &p.ctx.db,
        p.stored.key.id,
        &p.stored.dialogue.public_id,
        answer,
        Some(&mine),
        deleted,
    )
    .await?
    .ok_or(AppError::NotFound)
}

/// The answers received, for the dialogue's own page: `None` when the
/// dialogue takes no written answers; the list empty for members other
/// than hosts until the answer deadline has passed.
#[cfg(feature = "ssr")]
pub(crate) async fn received_part(
    v: &crate::dialogues::api::Visible,
) -> Result<Option<super::ReceivedAnswers>, AppError> {
    let db = &v.ctx.db;
    let publication = crate::dialogues::market::store::publication(db, v.key.id).await?;
    if !publication.takes_answers(v.dialogue.form) {
        return Ok(None);
    }
    let readable = may_read(v);
    Ok(Some(super::ReceivedAnswers {
        answers: if readable {
            super::store::received(db, v.key.id).await?
        } else {
            Vec::new()
        },
        readable,
    }))
}

/// Hosts read answers as they arrive; the network's other members (its
/// observers too) once the answer deadline has passed.
#[cfg(feature = "ssr")]
fn may_read(v: &crate::dialogues::api::Visible) -> bool {
    v.may_host() || v.ctx.db.now() >= v.dialogue.answer_deadline
}

/// One submission, for hosts, and for the network's other members once
/// the deadline has passed; before then it is not found for them.
#[cfg(feature = "ssr")]
pub(crate) async fn readable_submission(
    v: &crate::dialogues::api::Visible,
    answer: &str,
) -> Result<super::Submission, AppError> {
    let db = &v.ctx.db;
    if !may_read(v) {
        return Err(AppError::NotFound);
    }
    let deleted = crate::accounts::text::text(v.user.language).deleted_user;
    super::store::submission(db, v.key.id, &v.dialogue.public_id, answer, None, deleted)
        .await?
        .ok_or(AppError::NotFound)
}

/// A submission as hosts and members read it, print-ready.
#[server(endpoint = "answers/submission")]
pub async fn submission(dialogue: String, answer: String) -> Result<super::Submission, AppError> {
    let v = crate::dialogues::api::visible_dialogue(&dialogue).await?;
    readable_submission(&v, &answer).await
}

/// A submission as JSON for diarieföring, with the exporting
/// organisation's diarienummer: the receipt's facts, the content the
/// digest is taken over, and the supplier's versions.
#[cfg(feature = "ssr")]
pub async fn submission_json(
    ctx: &crate::context::AppContext,
    user: Option<&crate::accounts::SessionUser>,
    dialogue: &str,
    answer: &str,
    diarienummer: &str,
) -> Result<String, AppError> {
    let user = user.ok_or(AppError::NotSignedIn)?;
    let v =
        crate::dialogues::api::visible_dialogue_for(ctx.clone(), user.clone(), dialogue).await?;
    let s = readable_submission(&v, answer).await?;
    export(&s, &v.dialogue.title, diarienummer)
}

/// One of the supplier's own submissions as JSON, to check its digest.
#[cfg(feature = "ssr")]
pub async fn own_submission_json(
    ctx: &crate::context::AppContext,
    user: Option<&crate::accounts::SessionUser>,
    dialogue: &str,
    answer: &str,
) -> Result<String, AppError> {
    let p = crate::dialogues::market::api::published_for(ctx.clone(), user, dialogue).await?;
    let s = own_submission_of(&p, answer).await?;
    export(&s, &p.stored.dialogue.title, "")
}

/// Every submission of the dialogue with its files, as one ZIP, for
/// those who may read the answers: written to a temporary file (gone when
/// closed) one submission at a time, and handed back rewound, so a large
/// dialogue's files never sit in memory together.
#[cfg(feature = "ssr")]
pub async fn answers_zip(
    ctx: &crate::context::AppContext,
    user: Option<&crate::accounts::SessionUser>,
    dialogue: &str,
    diarienummer: &str,
) -> Result<std::fs::File, AppError> {
    use std::io::Seek;
    let user = user.ok_or(AppError::NotSignedIn)?;
    let v =
        crate::dialogues::api::visible_dialogue_for(ctx.clone(), user.clone(), dialogue).await?;
    let db = &v.ctx.db;
    let Some(answers) = received_part(&v).await? else {
        return Err(AppError::NotFound);
    };
    if !answers.readable {
        return Err(AppError::NotFound);
    }
    let diarienummer = crate::dialogues::record::diarienummer(diarienummer);
    let file = tempfile::tempfile().map_err(AppError::internal)?;
    let mut out = super::export::ZipOut::new(file, &v.dialogue.title, &diarienummer, user.language);
    for received in answers.answers {
        let s = readable_submission(&v, &received.public_id).await?;
        let json = export(&s, &v.dialogue.title, &diarienummer)?;
        let mut files = Vec::with_capacity(s.content.attachments.len());
        for f in &s.content.attachments {
            let file =
                super::store::submitted_download(db, v.key.id, &s.public_id, f.position).await?;
            files.push((file.name, file.bytes));
        }
        out.add(super::export::Entry {
            submission: s,
            json,
            files,
        })?;
    }
    let mut file = out.finish()?;
    file.rewind().map_err(AppError::internal)?;
    Ok(file)
}

/// The export: the receipt's facts, the content the digest is taken
/// over, and the supplier's versions.
#[cfg(feature = "ssr")]
fn export(s: &super::Submission, title: &str, diarienummer: &str) -> Result<String, AppError> {
    let asks = s.asks_confidentiality();
    let (stockholm, utc) = crate::time::receipt_times(s.content.submitted_at);
    serde_json::to_string_pretty(&serde_json::json!({
        "diarienummer": crate::dialogues::record::diarienummer(diarienummer),
        "dialogue": { "public_id": s.content.dialogue, "title": title },
        "supplier": s.supplier_name,
        "submitted_by": s.submitted_by,
        "receipt": s.receipt,
        "submitted_at": { "stockholm": stockholm, "utc": utc, "ms": s.content.submitted_at },
        "digest_sha256": s.digest,
        "digest_of": "content, as compact JSON with its keys in alphabetical order",
        "confidentiality_requested": asks,
        "content": s.content,
        "versions": s.versions.iter().map(|(id, version, at)| serde_json::json!({
            "public_id": id, "version": version, "submitted_at": at,
        })).collect::<Vec<_>>(),
    }))
    .map_err(AppError::internal)
}
