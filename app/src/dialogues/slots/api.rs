//! The individual meetings' server functions: hosts offer slots through
//! the network's guard (`visible_dialogue` → `host`); a person acting for
//! a registered supplier books, moves and cancels through the market
//! guard (`published` → `BookSlot`).

use super::{BookForm, CancelForm, OfferForm};
use crate::error::AppError;
use leptos::prelude::*;

/// Hosts offer slots to every registered supplier at once, while the
/// dialogue is announced or open.
#[server(endpoint = "slots/offer")]
pub async fn offer_slots(
    dialogue: String,
    #[server(flatten)] form: OfferForm,
) -> Result<(), AppError> {
    use super::{store, text, Offer};
    let v = crate::dialogues::api::visible_dialogue(&dialogue).await?;
    let actor = v.host()?;
    let publication = crate::dialogues::market::store::publication(&v.ctx.db, v.key.id).await?;
    if publication.announced_at.is_none() || !v.dialogue.status.takes_registrations() {
        return Err(AppError::RegistrationClosed);
    }
    let now = v.ctx.db.now();
    let offered = store::offered(&v.ctx.db, v.key.id, now).await?;
    let offer = Offer::parse(&form, now, offered)?;
    let mail = crate::dialogues::market::api::mail_in(
        &v,
        |lang| {
            let t = text::text(lang);
            (t.mail_subject, t.mail_intro)
        },
        &|lang| text::told(&offer, lang),
    );
    let told = text::told(&offer, crate::i18n::Lang::Sv);
    store::offer(&v.ctx.db, v.key, (&offer, offered), &told, &mail, actor).await?;
    leptos_axum::redirect(&format!(
        "/dialoger/{}?tider=1#enskilda-moten",
        v.dialogue.public_id
    ));
    Ok(())
}

/// A registered supplier books a slot, or moves its booking there
/// (`intent=move`), until the cut-off.
#[server(endpoint = "slots/book")]
pub async fn book_slot(
    dialogue: String,
    #[server(flatten)] form: BookForm,
) -> Result<(), AppError> {
    use crate::core::market::MarketAction;
    let p = crate::dialogues::market::api::published(&dialogue).await?;
    let actor = p
        .guard
        .actor_for(MarketAction::BookSlot, Some(&form.supplier))?;
    let booking = super::Booking::parse(&form)?;
    super::store::book(&p.ctx.db, p.stored.key.id, &booking, actor).await?;
    leptos_axum::redirect(&format!(
        "/marknadsdialoger/{}?bokad=1#boka",
        p.stored.dialogue.public_id
    ));
    Ok(())
}

/// A registered supplier cancels its booking, until the cut-off.
#[server(endpoint = "slots/cancel")]
pub async fn cancel_booking(
    dialogue: String,
    #[server(flatten)] form: CancelForm,
) -> Result<(), AppError> {
    use crate::core::market::MarketAction;
    let p = crate::dialogues::market::api::published(&dialogue).await?;
    let actor = p
        .guard
        .actor_for(MarketAction::BookSlot, Some(&form.supplier))?;
    super::store::cancel(&p.ctx.db, p.stored.key.id, actor).await?;
    leptos_axum::redirect(&format!(
        "/marknadsdialoger/{}?avbokad=1#boka",
        p.stored.dialogue.public_id
    ));
    Ok(())
}

/// The slots on the public page: free or taken, the link only for
/// registered suppliers, and which one the person's supplier holds.
/// `None` when none are offered.
#[cfg(feature = "ssr")]
pub(crate) async fn offered_part(
    p: &crate::dialogues::market::api::Published,
) -> Result<Option<super::OfferedSlots>, AppError> {
    use crate::core::market::MarketAction;
    let rows = super::store::slots(&p.ctx.db, p.stored.key.id).await?;
    let Some(cutoff) = p.publication.slot_cutoff.filter(|_| !rows.is_empty()) else {
        return Ok(None);
    };
    let links = p.guard.can(MarketAction::SeeLinks);
    let now = p.ctx.db.now();
    let facts = p.guard.facts;
    let slots = rows
        .into_iter()
        .map(|r| {
            let mine = p
                .guard
                .suppliers()
                .iter()
                .find(|s| Some(s.id) == r.supplier_id);
            super::OfferedSlot {
                has_link: !r.link.is_empty(),
                link: if links { r.link } else { String::new() },
                free: r.supplier_id.is_none(),
                held_by: mine.map(|s| s.public_id.clone()),
                attendees: if mine.is_some() {
                    r.attendees
                } else {
                    String::new()
                },
                ahead: r.starts_at > now,
                public_id: r.public_id,
                starts_at: r.starts_at,
                ends_at: r.ends_at,
                place: r.place,
            }
        })
        .collect();
    Ok(Some(super::OfferedSlots {
        slots,
        cutoff,
        open: facts.bookings_open && facts.registrations_open && !facts.frozen,
        past_cutoff: now >= cutoff,
    }))
}

/// The slots with their bookings, for hosts (callers have checked that
/// the person hosts).
#[cfg(feature = "ssr")]
pub(crate) async fn host_part(
    v: &crate::dialogues::api::Visible,
    publication: &crate::dialogues::market::store::Publication,
) -> Result<super::HostSlots, AppError> {
    let rows = super::store::slots(&v.ctx.db, v.key.id).await?;
    Ok(super::HostSlots {
        minutes: rows.first().map(super::store::SlotRow::length),
        slots: rows
            .into_iter()
            .map(super::store::SlotRow::for_hosts)
            .collect(),
        cutoff: publication.slot_cutoff,
        may_offer: publication.announced_at.is_some()
            && v.dialogue.status.takes_registrations()
            && v.host().is_ok(),
    })
}

/// The individual meetings held (begun), for the record: with whom only
/// for hosts, as who registered is theirs to know.
#[cfg(feature = "ssr")]
pub(crate) async fn held_part(
    v: &crate::dialogues::api::Visible,
) -> Result<Vec<super::HeldMeeting>, AppError> {
    let mut held = super::store::held(&v.ctx.db, v.key.id).await?;
    if !v.may_host() {
        for meeting in &mut held {
            meeting.supplier.clear();
        }
    }
    Ok(held)
}
