//! The comments room's server functions. Every one resolves the subject
//! through `crate::core::subject` (who may read it, its network's guard,
//! whether it is frozen), so a comment is never more visible than what it
//! is about.

use crate::error::AppError;
use leptos::prelude::*;

/// The person's standing in one subject's discussion.
#[cfg(feature = "ssr")]
struct Rights {
    ctx: crate::context::AppContext,
    place: crate::core::subject::Place,
    /// The subject's public id, for the page to return to.
    target: String,
    account_id: crate::core::ids::AccountId,
}

/// The signed-in person's rights on the subject `target`.
#[cfg(feature = "ssr")]
async fn rights(
    ctx: crate::context::AppContext,
    subject: super::Subject,
    target: &str,
) -> Result<Rights, AppError> {
    let user = crate::accounts::require_user()?;
    let place = crate::core::subject::place(&ctx.db, &user, subject, target).await?;
    Ok(Rights {
        ctx,
        place,
        target: target.to_string(),
        account_id: crate::core::ids::AccountId(user.account_id),
    })
}

#[cfg(feature = "ssr")]
impl Rights {
    /// Writing in the discussion (posting, editing or deleting one's own):
    /// members and coordinators, while the network and the subject take it.
    fn writer(&self) -> Result<crate::core::Actor, AppError> {
        let actor = self
            .place
            .guard
            .actor_for(crate::core::network::Action::Post, None)?;
        if self.place.frozen {
            return Err(AppError::Frozen);
        }
        Ok(actor)
    }

    fn may_write(&self) -> bool {
        self.writer().is_ok()
    }

    /// Whether the comment is the person's own.
    fn wrote(&self, comment: &super::store::Found) -> bool {
        comment.account_id == Some(self.account_id)
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
    let r = rights(crate::context::app_context()?, kind, &target).await?;
    let deleted = crate::accounts::text::text(crate::i18n::use_lang()).deleted_user;
    let after = (!after.is_empty()).then_some(after.as_str());
    let (threads, next) = store::page(&r.ctx.db, &r.place, after, r.account_id, deleted).await?;
    Ok(Discussion {
        threads,
        next,
        newest: store::newest(&r.ctx.db, &r.place).await?,
        may_post: r.may_write(),
        may_moderate: r
            .place
            .guard
            .can(crate::core::network::Action::Moderate, &[]),
        following: store::follows(&r.ctx.db, &r.place, r.account_id).await?,
    })
}

/// The reader follows the discussion (`follow` "ja") or stops following
/// it ("nej"). Reading is enough: an observer, or a closed network's or
/// an archived dialogue's reader, may still want to know what is written.
#[server(endpoint = "comments/follow")]
pub async fn follow_discussion(
    subject: String,
    target: String,
    follow: String,
) -> Result<(), AppError> {
    let kind = self::subject(&subject)?;
    let r = rights(crate::context::app_context()?, kind, &target).await?;
    let follow = match follow.as_str() {
        "ja" => true,
        "nej" => false,
        _ => return Err(AppError::BadRequest),
    };
    super::store::set_following(&r.ctx.db, &r.place, r.account_id, follow).await?;
    let notice = if follow { "foljer" } else { "foljer-inte" };
    leptos_axum::redirect(&format!("{}?{notice}=1#notice", kind.path(&r.target)));
    Ok(())
}

/// Comments written since `after` (ms), for the live list on the page.
#[server(endpoint = "comments/since")]
pub async fn comments_since(
    subject: String,
    target: String,
    after: i64,
) -> Result<Vec<super::Comment>, AppError> {
    let kind = self::subject(&subject)?;
    let r = rights(crate::context::app_context()?, kind, &target).await?;
    let deleted = crate::accounts::text::text(crate::i18n::use_lang()).deleted_user;
    super::store::since(&r.ctx.db, &r.place, after, r.account_id, deleted).await
}

/// Writes a comment, or a reply to `parent`.
#[server(endpoint = "comments/post")]
pub async fn post_comment(
    subject: String,
    target: String,
    #[server(default)] parent: String,
    body: String,
) -> Result<(), AppError> {
    let kind = self::subject(&subject)?;
    let r = rights(crate::context::app_context()?, kind, &target).await?;
    let actor = r.writer()?;
    // Which of the page's forms was refused: the new comment or a reply.
    let body =
        super::CommentBody::parse(&body).map_err(|e| e.also_sent(&[("parent", parent.trim())]))?;
    let parent = (!parent.trim().is_empty()).then(|| parent.trim().to_string());
    let id = super::store::post(&r.ctx.db, &r.place, parent.as_deref(), &body, actor).await?;
    leptos_axum::redirect(&format!(
        "{}?kommenterat=1#kommentar-{id}",
        kind.path(&r.target)
    ));
    Ok(())
}

/// A comment the person may see, with the rights on its subject. An
/// unknown comment is NotFound before anything is asked of the person.
#[cfg(feature = "ssr")]
async fn visible_comment(comment: &str) -> Result<(super::store::Found, Rights), AppError> {
    let ctx = crate::context::app_context()?;
    let found = super::store::find(&ctx.db, comment.trim())
        .await?
        .ok_or(AppError::NotFound)?;
    let target =
        crate::core::subject::public_id_of(&ctx.db, found.subject, found.subject_id).await?;
    let r = rights(ctx, found.subject, &target).await?;
    Ok((found, r))
}

/// Where the browser goes after a change to `comment`, with a notice.
#[cfg(feature = "ssr")]
fn back_to(found: &super::store::Found, r: &Rights, notice: &str, comment: &str) {
    leptos_axum::redirect(&format!(
        "{}?{notice}=1#kommentar-{}",
        found.subject.path(&r.target),
        comment.trim()
    ));
}

/// The author changes their comment's text.
#[server(endpoint = "comments/edit")]
pub async fn edit_comment(comment: String, body: String) -> Result<(), AppError> {
    let (found, r) = visible_comment(&comment).await?;
    if !r.wrote(&found) || found.deleted || found.hidden {
        return Err(AppError::Forbidden);
    }
    r.writer()?;
    let body = super::CommentBody::parse(&body)
        .map_err(|e| e.also_sent(&[("comment", comment.trim())]))?;
    super::store::edit(&r.ctx.db, &found, &body).await?;
    back_to(&found, &r, "andrad", &comment);
    Ok(())
}

/// The author deletes their comment, having confirmed it (it cannot be
/// undone); a tombstone keeps its place.
#[server(endpoint = "comments/delete")]
pub async fn delete_comment(
    comment: String,
    #[server(default)] confirm: String,
) -> Result<(), AppError> {
    let (found, r) = visible_comment(&comment).await?;
    // A hidden comment keeps its moderation notice: deleting it would
    // replace the notice with "deleted".
    if !r.wrote(&found) || found.hidden {
        return Err(AppError::Forbidden);
    }
    r.writer()?;
    crate::ui::confirm::require_confirmed(&confirm)?;
    super::store::delete(&r.ctx.db, &found).await?;
    back_to(&found, &r, "borttagen", &comment);
    Ok(())
}

/// A coordinator hides a comment, with a reason that is shown and logged.
#[server(endpoint = "comments/hide")]
pub async fn hide_comment(comment: String, reason: String) -> Result<(), AppError> {
    let (found, r) = visible_comment(&comment).await?;
    let actor = r
        .place
        .guard
        .actor_for(crate::core::network::Action::Moderate, None)?;
    let reason = super::HideReason::parse(&reason)
        .map_err(|e| e.also_sent(&[("comment", comment.trim())]))?;
    super::store::hide(&r.ctx.db, &found, &reason, actor).await?;
    back_to(&found, &r, "dold", &comment);
    Ok(())
}
