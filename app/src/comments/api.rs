//! The comments room's server functions. Every one asks the subject's own
//! room who may read, write and moderate (`rights`), so a comment is never
//! more visible than what it is about.

use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
struct Rights {
    place: super::store::Place,
    guard: crate::core::Guard,
    /// An archived dialogue's discussion is part of its record.
    frozen: bool,
    account_id: i64,
}

#[cfg(feature = "ssr")]
async fn rights(subject: super::Subject, target: &str) -> Result<Rights, AppError> {
    use super::{store::Place, Subject};
    let user = crate::accounts::require_user()?;
    let (subject_id, guard, frozen) = match subject {
        Subject::Need => crate::needs::api::discussion_place(target).await?,
        Subject::Dialogue => crate::dialogues::api::discussion_place(target).await?,
    };
    Ok(Rights {
        place: Place {
            subject,
            subject_id,
            network_id: guard.network.id,
        },
        guard,
        frozen,
        account_id: user.account_id,
    })
}

#[cfg(feature = "ssr")]
impl Rights {
    /// Writing in the discussion (posting, editing or deleting one's own):
    /// members and coordinators, while the network and the subject take it.
    fn writer(&self) -> Result<crate::core::Actor, AppError> {
        let actor = self
            .guard
            .actor_for(crate::core::network::Action::Post, None)?;
        if self.frozen {
            return Err(AppError::Frozen);
        }
        Ok(actor)
    }

    fn may_write(&self) -> bool {
        self.writer().is_ok()
    }
}

#[cfg(feature = "ssr")]
fn subject(code: &str) -> Result<super::Subject, AppError> {
    super::Subject::parse(code).ok_or(AppError::BadRequest)
}

/// One page of a subject's discussion.
#[server(endpoint = "comments/page")]
pub async fn discussion(
    subject: String,
    target: String,
    #[server(default)] after: String,
) -> Result<super::Discussion, AppError> {
    use super::{store, Discussion};
    let kind = self::subject(&subject)?;
    let r = rights(kind, &target).await?;
    let ctx = crate::context::app_context()?;
    let deleted = crate::accounts::text::text(crate::i18n::use_lang()).deleted_user;
    let after = (!after.is_empty()).then_some(after.as_str());
    let (threads, next) = store::page(
        &ctx.db,
        kind,
        r.place.subject_id,
        after,
        r.account_id,
        deleted,
    )
    .await?;
    Ok(Discussion {
        threads,
        next,
        newest: store::newest(&ctx.db, kind, r.place.subject_id).await?,
        may_post: r.may_write(),
        may_moderate: r.guard.can(crate::core::network::Action::Moderate, &[]),
    })
}

/// Comments written since `after` (ms), for the live list on the page.
#[server(endpoint = "comments/since")]
pub async fn comments_since(
    subject: String,
    target: String,
    after: i64,
) -> Result<Vec<super::Comment>, AppError> {
    let kind = self::subject(&subject)?;
    let r = rights(kind, &target).await?;
    let ctx = crate::context::app_context()?;
    let deleted = crate::accounts::text::text(crate::i18n::use_lang()).deleted_user;
    super::store::since(
        &ctx.db,
        kind,
        r.place.subject_id,
        after,
        r.account_id,
        deleted,
    )
    .await
}

/// Writes a comment, or a reply to `parent`.
#[server(endpoint = "comments/post")]
pub async fn post_comment(
    subject: String,
    target: String,
    #[server(default)] parent: String,
    body: String,
) -> Result<(), AppError> {
    use crate::error::Checker;
    let kind = self::subject(&subject)?;
    let r = rights(kind, &target).await?;
    let actor = r.writer()?;
    let ctx = crate::context::app_context()?;
    let mut checker = Checker::new();
    let text = checker.text("body", &body, true, super::BODY_MAX);
    checker.finish(&[("body", &body)])?;
    let parent = (!parent.trim().is_empty()).then(|| parent.trim().to_string());
    let id = super::store::post(&ctx.db, r.place, parent.as_deref(), &text, actor).await?;
    leptos_axum::redirect(&format!(
        "{}?kommenterat=1#kommentar-{id}",
        kind.path(&target)
    ));
    Ok(())
}

/// A comment the person may see, with the rights on its subject.
#[cfg(feature = "ssr")]
async fn visible_comment(
    comment: &str,
) -> Result<
    (
        super::store::Found,
        Rights,
        String,
        crate::context::AppContext,
    ),
    AppError,
> {
    let ctx = crate::context::app_context()?;
    let found = super::store::find(&ctx.db, comment.trim())
        .await?
        .ok_or(AppError::NotFound)?;
    let target = subject_public_id(&ctx, &found).await?;
    let r = rights(found.subject, &target).await?;
    Ok((found, r, target, ctx))
}

#[cfg(feature = "ssr")]
async fn subject_public_id(
    ctx: &crate::context::AppContext,
    found: &super::store::Found,
) -> Result<String, AppError> {
    match found.subject {
        super::Subject::Need => {
            let (id,): (String,) = sqlx::query_as("SELECT public_id FROM needs WHERE id = $1")
                .bind(found.subject_id)
                .fetch_one(ctx.db.pool())
                .await?;
            Ok(id)
        }
        super::Subject::Dialogue => {
            let (id,): (String,) = sqlx::query_as("SELECT public_id FROM dialogues WHERE id = $1")
                .bind(found.subject_id)
                .fetch_one(ctx.db.pool())
                .await?;
            Ok(id)
        }
    }
}

/// The author changes their comment's text.
#[server(endpoint = "comments/edit")]
pub async fn edit_comment(comment: String, body: String) -> Result<(), AppError> {
    use crate::error::Checker;
    let (found, r, target, ctx) = visible_comment(&comment).await?;
    if found.account_id != Some(r.account_id) || found.deleted || found.hidden {
        return Err(AppError::Forbidden);
    }
    r.writer()?;
    let mut checker = Checker::new();
    let text = checker.text("body", &body, true, super::BODY_MAX);
    checker.finish(&[("body", &body)])?;
    super::store::edit(&ctx.db, &found, &text).await?;
    leptos_axum::redirect(&format!(
        "{}?kommenterat=1#kommentar-{}",
        found.subject.path(&target),
        comment.trim()
    ));
    Ok(())
}

/// The author deletes their comment; a tombstone keeps its place.
#[server(endpoint = "comments/delete")]
pub async fn delete_comment(comment: String) -> Result<(), AppError> {
    let (found, r, target, ctx) = visible_comment(&comment).await?;
    // A hidden comment keeps its moderation notice: deleting it would
    // replace the notice with "deleted".
    if found.account_id != Some(r.account_id) || found.hidden {
        return Err(AppError::Forbidden);
    }
    r.writer()?;
    super::store::delete(&ctx.db, &found).await?;
    leptos_axum::redirect(&format!(
        "{}?borttagen=1#kommentar-{}",
        found.subject.path(&target),
        comment.trim()
    ));
    Ok(())
}

/// A coordinator hides a comment, with a reason that is shown and logged.
#[server(endpoint = "comments/hide")]
pub async fn hide_comment(comment: String, reason: String) -> Result<(), AppError> {
    use crate::error::Checker;
    let (found, r, target, ctx) = visible_comment(&comment).await?;
    let actor = r
        .guard
        .actor_for(crate::core::network::Action::Moderate, None)?;
    let mut checker = Checker::new();
    let reason_text = checker.text("reason", &reason, true, crate::networks::REASON_MAX);
    checker.finish(&[("reason", &reason)])?;
    super::store::hide(&ctx.db, &found, &reason_text, actor).await?;
    leptos_axum::redirect(&format!(
        "{}?dold=1#kommentar-{}",
        found.subject.path(&target),
        comment.trim()
    ));
    Ok(())
}
