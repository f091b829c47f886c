//! The public board as an Atom feed (RFC 4287): the same filters give
//! the same list, so each filtered board has a feed address of its own.
//! Feed readers cannot sign in; the feed holds only the public part.

use super::{api::board_page, BoardQuery};
use crate::dialogues::market::text::text;
use crate::{context::AppContext, error::AppError, i18n::Lang};
use atom_syndication::{Entry, Feed, FixedDateTime, Link, Person, Text};

fn instant(ms: i64) -> Result<FixedDateTime, AppError> {
    chrono::DateTime::from_timestamp_millis(ms)
        .map(|t| t.fixed_offset())
        .ok_or_else(|| AppError::internal("time outside the calendar"))
}

fn link(href: String, rel: &str, kind: &str) -> Link {
    let mut link = Link::default();
    link.set_href(href);
    link.set_rel(rel);
    link.set_mime_type(Some(kind.to_string()));
    link
}

/// The feed of the first page of the board with these filters.
pub async fn board_feed(ctx: &AppContext, query: &BoardQuery) -> Result<String, AppError> {
    let lang = Lang::Sv;
    let t = text(lang);
    let query = BoardQuery {
        efter: String::new(),
        ..query.clone()
    };
    let page = board_page(ctx, &query).await?;
    let filters = super::BoardFilter::query(&query);
    let board = match filters.as_str() {
        "" => format!("{}/marknadsdialoger", ctx.site_origin),
        q => format!("{}/marknadsdialoger?{q}", ctx.site_origin),
    };
    let own = match filters.as_str() {
        "" => format!("{}/marknadsdialoger.atom", ctx.site_origin),
        q => format!("{}/marknadsdialoger.atom?{q}", ctx.site_origin),
    };
    let entries = page
        .items
        .iter()
        .map(|item| {
            let url = format!("{}/marknadsdialoger/{}", ctx.site_origin, item.public_id);
            let mut entry = Entry::default();
            entry.set_id(url.clone());
            entry.set_title(item.title.clone());
            entry.set_updated(instant(item.announced_at)?);
            entry.set_published(Some(instant(item.announced_at)?));
            entry.set_links(vec![link(url, "alternate", "text/html")]);
            let mut author = Person::default();
            author.set_name(item.hosts.clone());
            entry.set_authors(vec![author]);
            entry.set_summary(Some(Text::plain(format!(
                "{} {}: {}. {}",
                t.answer_deadline,
                crate::time::format_stockholm(item.answer_deadline),
                crate::dialogues::text::format_label(item.form, lang),
                item.purpose
            ))));
            Ok(entry)
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    let updated = page.items.iter().map(|i| i.announced_at).max().unwrap_or(0);
    let mut feed = Feed::default();
    feed.set_id(board.clone());
    feed.set_title(t.board_title);
    feed.set_subtitle(Some(Text::plain(t.not_procurement)));
    feed.set_lang(Some("sv".to_string()));
    feed.set_updated(instant(updated)?);
    feed.set_links(vec![
        link(own, "self", "application/atom+xml"),
        link(board, "alternate", "text/html"),
    ]);
    feed.set_entries(entries);
    Ok(feed.to_string())
}
