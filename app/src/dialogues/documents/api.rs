//! The hosts' documents: published through the network's guard
//! (`visible_dialogue` → `host`) from a multipart form the server reads
//! (`server/src/files.rs`), and downloaded by registered suppliers through
//! the market guard, or by the network's members through its own.

#[cfg(feature = "ssr")]
use crate::error::AppError;

/// The document form, read from its multipart body: guard, parse, store;
/// where to go next.
#[cfg(feature = "ssr")]
pub async fn publish_from_form(
    ctx: &crate::context::AppContext,
    user: Option<&crate::accounts::SessionUser>,
    dialogue: &str,
    form: super::DocumentForm,
    sent: Vec<crate::core::files::SentFile>,
) -> Result<String, AppError> {
    use super::{store, text};
    use crate::i18n::Lang;
    let user = user.ok_or(AppError::NotSignedIn)?;
    let v =
        crate::dialogues::api::visible_dialogue_for(ctx.clone(), user.clone(), dialogue).await?;
    let actor = v.host()?;
    let publication = crate::dialogues::market::store::publication(&v.ctx.db, v.key.id).await?;
    if publication.announced_at.is_none() {
        return Err(AppError::Forbidden);
    }
    let existing = store::documents(&v.ctx.db, v.key.id).await?;
    let full = match form.document.trim() {
        "" => existing.len() >= super::DOCUMENTS_MAX,
        document => existing
            .iter()
            .find(|d| d.public_id == document)
            .is_some_and(|d| d.versions.len() >= super::VERSIONS_MAX),
    };
    let document = super::Publication::parse(&form, sent, full)?;
    let (name, size, note) = (
        document.upload.name().to_string(),
        document.upload.size(),
        document.note.clone(),
    );
    let told = |p: &store::Published| {
        let words = |lang: Lang| text::told(&p.title, p.version, &name, size, &note, lang);
        let mail = crate::dialogues::market::api::mail_in(
            &v,
            |lang| {
                let t = text::text(lang);
                (t.mail_subject, t.mail_intro)
            },
            &words,
        );
        (words(Lang::Sv), mail)
    };
    store::publish(&v.ctx.db, v.key, &document, told, actor).await?;
    Ok(format!(
        "/dialoger/{}?dokument=1#dokument",
        v.dialogue.public_id
    ))
}

/// The documents for the dialogue's page, with the register of
/// downloads, for hosts (callers have checked that the person hosts).
#[cfg(feature = "ssr")]
pub(crate) async fn host_part(
    v: &crate::dialogues::api::Visible,
    publication: &crate::dialogues::market::store::Publication,
) -> Result<super::HostDocuments, AppError> {
    let db = &v.ctx.db;
    Ok(super::HostDocuments {
        documents: super::store::documents(db, v.key.id).await?,
        downloads: super::store::downloads(db, v.key.id).await?,
        may_publish: publication.announced_at.is_some() && v.host().is_ok(),
    })
}

/// The documents on the public page; `None` when there are none.
/// `member`: the person may read the dialogue in its network.
#[cfg(feature = "ssr")]
pub(crate) async fn public_part(
    p: &crate::dialogues::market::api::Published,
    member: bool,
) -> Result<Option<super::PublicDocuments>, AppError> {
    use crate::core::market::MarketAction;
    let documents = super::store::documents(&p.ctx.db, p.stored.key.id).await?;
    if documents.is_empty() {
        return Ok(None);
    }
    Ok(Some(super::PublicDocuments {
        documents,
        may_download: member || p.guard.can(MarketAction::SeeLinks),
    }))
}

/// One version of a document, to download: a registered supplier's
/// download (the one named by `supplier`, else the person's first
/// registered) is counted; a member of the network downloads uncounted;
/// anyone else finds nothing.
#[cfg(feature = "ssr")]
pub async fn download(
    ctx: &crate::context::AppContext,
    user: Option<&crate::accounts::SessionUser>,
    dialogue: &str,
    document: &str,
    version: i64,
    supplier: Option<&str>,
) -> Result<crate::core::files::Download, AppError> {
    use crate::core::market::MarketAction;
    let user = user.ok_or(AppError::NotSignedIn)?;
    if let Ok(p) =
        crate::dialogues::market::api::published_for(ctx.clone(), Some(user), dialogue).await
    {
        if let Ok(actor) = p.guard.actor_for(MarketAction::SeeLinks, supplier) {
            return super::store::download(
                &p.ctx.db,
                p.stored.key.id,
                document,
                version,
                Some(actor.supplier_id),
            )
            .await;
        }
    }
    let v =
        crate::dialogues::api::visible_dialogue_for(ctx.clone(), user.clone(), dialogue).await?;
    super::store::download(&v.ctx.db, v.key.id, document, version, None).await
}
