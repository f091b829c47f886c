//! The dialogue's server functions. Each starts at `visible_dialogue` (or,
//! for a new one, at the network's guard): members of the network read;
//! people of a host organisation run it. Registration and the record have
//! theirs in their sub-rooms.

use super::{DialogueForm, DialogueStatusForm, ListedDialogue, QaForm};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
pub use super::record::api::record_json;

/// Hosts plan a dialogue for some of the network's needs.
#[server(endpoint = "dialogues/create")]
pub async fn create_dialogue(
    network: String,
    #[server(flatten)] form: DialogueForm,
) -> Result<(), AppError> {
    use super::{store, NewDialogue};
    use crate::core::{network::Action, Guard};
    let user = crate::accounts::require_verified()?;
    let ctx = crate::context::app_context()?;
    let guard = Guard::of_network(&ctx.db, Some(&user), &network).await?;
    guard.require(Action::Start)?;
    let host = guard
        .actor_for(Action::Start, Some(&form.organisation))
        .ok();
    let open_needs = store::open_needs_among(&ctx.db, guard.network.id, &form.needs).await?;
    let new = NewDialogue::parse(&form, ctx.db.now(), host, &open_needs)?;
    let id = store::create(&ctx.db, guard.network.id, &new).await?;
    leptos_axum::redirect(&format!("/dialoger/{id}?planerad=1"));
    Ok(())
}

/// A dialogue the person may read, with its network's guard.
#[cfg(feature = "ssr")]
#[derive(Clone)]
pub(crate) struct Visible {
    pub ctx: crate::context::AppContext,
    pub user: crate::accounts::SessionUser,
    pub key: super::store::DialogueKey,
    pub dialogue: super::Dialogue,
    /// The host organisations' internal ids.
    pub hosts: Vec<crate::core::ids::OrganisationId>,
    pub guard: crate::core::Guard,
}

/// The dialogues a page render asks about, each worked out once (seven
/// queries) however many parts of the page ask. The shell provides one
/// per page render; calls from outside a render (the API) find none and
/// always ask the database.
#[cfg(feature = "ssr")]
#[derive(Clone, Default)]
pub struct SeenDialogues(std::sync::Arc<std::sync::Mutex<SeenMap>>);

/// (person, dialogue) to the answer, worked out once.
#[cfg(feature = "ssr")]
type SeenMap = std::collections::HashMap<(i64, String), std::sync::Arc<SeenCell>>;
#[cfg(feature = "ssr")]
type SeenCell = tokio::sync::OnceCell<Result<Visible, AppError>>;

#[cfg(feature = "ssr")]
pub(crate) async fn visible_dialogue(dialogue: &str) -> Result<Visible, AppError> {
    let user = crate::accounts::require_user()?;
    let ctx = crate::context::app_context()?;
    let cell = use_context::<SeenDialogues>().and_then(|seen| {
        let mut map = seen.0.lock().ok()?;
        Some(
            map.entry((user.account_id, dialogue.trim().to_string()))
                .or_default()
                .clone(),
        )
    });
    match cell {
        Some(cell) => cell
            .get_or_init(|| visible_dialogue_for(ctx, user, dialogue))
            .await
            .clone(),
        None => visible_dialogue_for(ctx, user, dialogue).await,
    }
}

#[cfg(feature = "ssr")]
pub(crate) async fn visible_dialogue_for(
    ctx: crate::context::AppContext,
    user: crate::accounts::SessionUser,
    dialogue: &str,
) -> Result<Visible, AppError> {
    let found = super::store::find(&ctx.db, dialogue.trim())
        .await?
        .ok_or(AppError::NotFound)?;
    let guard =
        crate::core::Guard::of_network_id(&ctx.db, Some(&user), found.key.network_id).await?;
    guard.require_read()?;
    Ok(Visible {
        ctx,
        user,
        key: found.key,
        dialogue: found.dialogue,
        hosts: found.hosts,
        guard,
    })
}

#[cfg(feature = "ssr")]
impl Visible {
    /// A host organisation, while it writes in the network, running the
    /// dialogue; an archived dialogue is frozen.
    pub(crate) fn host(&self) -> Result<crate::core::Actor, AppError> {
        let actor = self
            .guard
            .actor_on(crate::core::network::Action::ActAsOwner, &self.hosts)?;
        self.unfrozen()?;
        Ok(actor)
    }

    /// A host correcting the plan: only before the dialogue is held, and
    /// only in a network that starts things.
    pub(crate) fn editor(&self) -> Result<crate::core::Actor, AppError> {
        let actor = self.host()?;
        self.guard.require(crate::core::network::Action::Start)?;
        if !self.dialogue.status.editable() {
            return Err(AppError::Forbidden);
        }
        Ok(actor)
    }

    /// Whether the person may run the dialogue (for the page's forms).
    pub(crate) fn may_host(&self) -> bool {
        self.guard
            .can(crate::core::network::Action::ActAsOwner, &self.hosts)
    }

    /// A member organisation taking part: registering, withdrawing.
    pub(crate) fn participant(&self, organisation: &str) -> Result<crate::core::Actor, AppError> {
        let actor = self
            .guard
            .actor_for(crate::core::network::Action::Post, Some(organisation))?;
        self.unfrozen()?;
        Ok(actor)
    }

    /// An archived dialogue's record never changes.
    pub(crate) fn unfrozen(&self) -> Result<(), AppError> {
        if self.dialogue.status == super::DialogueStatus::Archived {
            Err(AppError::Frozen)
        } else {
            Ok(())
        }
    }
}

/// The dialogue page's content.
#[server(endpoint = "dialogues/view")]
pub async fn dialogue_view(dialogue: String) -> Result<super::DialogueView, AppError> {
    use super::{
        record::store as record, registration::store as registration, store, DialogueRights,
        DialogueView, RegisterFor,
    };
    use crate::core::network::Action;
    let v = visible_dialogue(&dialogue).await?;
    let db = &v.ctx.db;
    let deleted = crate::accounts::text::text(crate::i18n::use_lang()).deleted_user;
    let host = v.may_host();
    let open = v.dialogue.status.takes_registrations() && v.guard.can(Action::Post, &[]);
    let register_for = if open {
        let writing = v.guard.writing_organisations();
        let ids: Vec<_> = writing
            .iter()
            .filter_map(|(public_id, _)| v.guard.organisation_id(public_id))
            .collect();
        let registered = registration::registered_among(db, v.key.id, &ids).await?;
        writing
            .into_iter()
            .map(|(public_id, name)| {
                let id = v.guard.organisation_id(&public_id);
                let attendees = registered
                    .iter()
                    .find(|(org, _)| Some(*org) == id)
                    .map(|(_, attendees)| attendees.clone());
                RegisterFor {
                    organisation: public_id,
                    name,
                    attendees,
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    // The hosts' parts all read the public part's settings: once.
    let publication = if host {
        Some(super::market::store::publication(db, v.key.id).await?)
    } else {
        None
    };
    Ok(DialogueView {
        rights: DialogueRights {
            host: host && v.unfrozen().is_ok(),
            register: open && !register_for.is_empty(),
            edit: v.editor().is_ok(),
        },
        registered: registration::registered_count(db, v.key.id).await?,
        register_for,
        registrations: if host {
            registration::registrations(db, v.key.id).await?
        } else {
            Vec::new()
        },
        possible_hosts: if host {
            store::possible_hosts(db, v.key).await?
        } else {
            Vec::new()
        },
        qa: store::qa(db, v.key.id).await?,
        texts: record::texts(db, v.key.id, deleted).await?,
        requirement_versions: if host {
            record::requirement_versions(db, v.key.id)
                .await?
                .into_iter()
                .map(|r| r.version)
                .collect()
        } else {
            Vec::new()
        },
        market: match &publication {
            Some(p) => Some(super::market::api::host_part(&v, p).await?),
            None => None,
        },
        answers: super::answers::api::received_part(&v).await?,
        slots: match &publication {
            Some(p) => Some(super::slots::api::host_part(&v, p).await?),
            None => None,
        },
        held: super::slots::api::held_part(&v).await?,
        documents: match &publication {
            Some(p) => Some(super::documents::api::host_part(&v, p).await?),
            None => None,
        },
        dialogue: v.dialogue,
    })
}

/// Hosts move the dialogue one step along its lifecycle, with a reason.
#[server(endpoint = "dialogues/status")]
pub async fn change_dialogue_status(
    dialogue: String,
    #[server(flatten)] form: DialogueStatusForm,
) -> Result<(), AppError> {
    let v = visible_dialogue(&dialogue).await?;
    let actor = v.host()?;
    let step = super::DialogueStep::parse(&form, v.dialogue.status)?;
    if step.to() == super::DialogueStatus::Announced && v.dialogue.answer_deadline <= v.ctx.db.now()
    {
        let mut check = crate::error::Checker::new();
        check.refuse("status", crate::error::FieldProblem::DeadlinePassed);
        check.finish_form(&form)?;
    }
    // A targeted dialogue's announcement is an invitation to each
    // supplier invited so far.
    let invitation = super::market::api::invitation(&v);
    super::store::transition(
        &v.ctx.db,
        v.key,
        &v.dialogue.title,
        &step,
        &invitation,
        actor,
    )
    .await?;
    leptos_axum::redirect(&format!(
        "/dialoger/{}?status=1#status",
        v.dialogue.public_id
    ));
    Ok(())
}

/// A host adds another member organisation of the network as co-host.
#[server(endpoint = "dialogues/add-host")]
pub async fn add_host(dialogue: String, organisation: String) -> Result<(), AppError> {
    let v = visible_dialogue(&dialogue).await?;
    let actor = v.host()?;
    let found = crate::organisations::lookup(&v.ctx.db, organisation.trim())
        .await?
        .ok_or(AppError::NotFound)?;
    let allowed = super::store::possible_hosts(&v.ctx.db, v.key)
        .await?
        .iter()
        .any(|(public_id, _)| *public_id == found.public_id);
    if !allowed {
        return Err(AppError::Forbidden);
    }
    super::store::add_host(&v.ctx.db, v.key, found.id, &found.name, actor).await?;
    leptos_axum::redirect(&format!("/dialoger/{}?vard=1#vard", v.dialogue.public_id));
    Ok(())
}

/// Hosts publish a question as received, with its answer; the asker is
/// never shown.
#[server(endpoint = "dialogues/qa")]
pub async fn publish_answer(
    dialogue: String,
    #[server(flatten)] form: QaForm,
) -> Result<(), AppError> {
    let v = visible_dialogue(&dialogue).await?;
    let actor = v.host()?;
    let qa = super::QaAnswer::parse(&form)?;
    super::market::api::publish(&v, None, &qa, actor).await?;
    leptos_axum::redirect(&format!(
        "/dialoger/{}?fragor=1#fragor",
        v.dialogue.public_id
    ));
    Ok(())
}

/// A network's dialogues, for members.
#[server(endpoint = "dialogues/of-network")]
pub async fn network_dialogues(network: String) -> Result<Vec<ListedDialogue>, AppError> {
    use crate::core::{network::Action, Guard};
    let user = crate::accounts::require_user()?;
    let ctx = crate::context::app_context()?;
    let guard = Guard::of_network(&ctx.db, Some(&user), &network).await?;
    guard.require(Action::ReadContent)?;
    super::store::of_network(&ctx.db, guard.network.id).await
}

/// The dialogue's meetings as an .ics file.
#[cfg(feature = "ssr")]
pub async fn dialogue_ics(
    ctx: &crate::context::AppContext,
    user: Option<&crate::accounts::SessionUser>,
    dialogue: &str,
) -> Result<String, AppError> {
    use super::calendar::{calendar, Event};
    let user = user.cloned().ok_or(AppError::NotSignedIn)?;
    let v = visible_dialogue_for(ctx.clone(), user, dialogue).await?;
    let url = format!("{}/dialoger/{}", ctx.site_origin, v.dialogue.public_id);
    let events: Vec<Event> = v
        .dialogue
        .meetings
        .iter()
        .map(|m| Event {
            uid: format!("{}@samrad", m.public_id),
            starts_at: m.starts_at,
            ends_at: m.ends_at,
            summary: &v.dialogue.title,
            description: &v.dialogue.purpose,
            location: if m.place.is_empty() {
                &m.link
            } else {
                &m.place
            },
            url: &url,
        })
        .collect();
    Ok(calendar(&v.dialogue.title, v.ctx.db.now(), &events))
}

/// A network's calendar feed, found by the secret in its address.
#[cfg(feature = "ssr")]
pub async fn network_feed(
    ctx: &crate::context::AppContext,
    token: &str,
) -> Result<String, AppError> {
    use super::calendar::{calendar, Event};
    let (network_id, name) = crate::networks::feed_network(&ctx.db, token)
        .await?
        .ok_or(AppError::NotFound)?;
    let meetings = super::store::network_meetings(&ctx.db, network_id).await?;
    let urls: Vec<String> = meetings
        .iter()
        .map(|m| format!("{}/dialoger/{}", ctx.site_origin, m.dialogue))
        .collect();
    let events: Vec<Event> = meetings
        .iter()
        .zip(&urls)
        .map(|(m, url)| Event {
            uid: format!("{}@samrad", m.meeting),
            starts_at: m.starts_at,
            ends_at: m.ends_at,
            summary: &m.title,
            description: &m.purpose,
            location: if m.place.is_empty() {
                &m.link
            } else {
                &m.place
            },
            url,
        })
        .collect();
    Ok(calendar(&name, ctx.db.now(), &events))
}
