//! The need's server functions. Each starts at the guard (of the network
//! for a new need, else `visible_need`), then parses the form, then stores.
//! The requirements', the demand's and the lists' server functions live in
//! their rooms and are named here too.

use super::{MergeForm, NeedForm, NewNeedForm, TransitionForm};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
pub use super::demand::api::demand_csv;
pub use super::demand::api::{declare_interest, DeclareInterest};
pub use super::list::api::{my_needs, network_needs, open_needs, MyNeeds, NetworkNeeds, OpenNeeds};
pub use super::requirements::api::{
    accept_requirement, edit_requirement, move_requirement, propose_requirement, AcceptRequirement,
    EditRequirement, MoveRequirement, ProposeRequirement,
};

/// A member organisation posts a need, as a draft or shared at once.
#[server(endpoint = "needs/create")]
pub async fn create_need(
    network: String,
    #[server(flatten)] form: NewNeedForm,
) -> Result<(), AppError> {
    use super::{store, NewNeed};
    use crate::core::{network::Action, Guard};
    let user = crate::accounts::require_verified()?;
    let ctx = crate::context::app_context()?;
    let guard = Guard::of_network(&ctx.db, Some(&user), &network).await?;
    guard.require(Action::Start)?;
    let owner = guard
        .actor_for(Action::Start, Some(&form.organisation))
        .ok();
    let new = NewNeed::parse(&form, owner, ctx.db.now())?;
    let public_id = store::create(&ctx.db, guard.network.id, &new).await?;
    let saved = if new.status() == super::NeedStatus::Draft {
        "utkast"
    } else {
        "delat"
    };
    leptos_axum::redirect(&format!("/behov/{public_id}?sparat={saved}#behov-sparat"));
    Ok(())
}

/// A need the person may see, with its network's guard.
#[cfg(feature = "ssr")]
pub(in crate::needs) struct Visible {
    pub ctx: crate::context::AppContext,
    pub key: super::NeedKey,
    pub need: super::Need,
    pub rights: super::NeedRights,
    pub guard: crate::core::Guard,
}

/// The need, if the person may read it: a member (any role) of its
/// network, and for a draft a person of the owner organisation. Anyone
/// else gets NotFound, like a need that does not exist.
#[cfg(feature = "ssr")]
pub(in crate::needs) async fn visible_need(need: &str) -> Result<Visible, AppError> {
    let user = crate::accounts::require_user()?;
    let ctx = crate::context::app_context()?;
    visible_need_for(ctx, user, need).await
}

#[cfg(feature = "ssr")]
pub(in crate::needs) async fn visible_need_for(
    ctx: crate::context::AppContext,
    user: crate::accounts::SessionUser,
    need: &str,
) -> Result<Visible, AppError> {
    use super::{store, NeedRights, NeedStatus};
    use crate::core::{network::Action, Guard};
    let (key, found) = store::find(&ctx.db, need.trim())
        .await?
        .ok_or(AppError::NotFound)?;
    let guard = Guard::of_network_id(&ctx.db, Some(&user), key.network_id).await?;
    guard.require_read()?;
    let owners = [key.owner_organisation_id];
    if found.status == NeedStatus::Draft && !guard.belongs_to_any(&owners) {
        return Err(AppError::NotFound);
    }
    let open = found.status.is_open();
    let rights = NeedRights {
        owns: guard.belongs_to_any(&owners),
        edit: open && guard.can(Action::EditOwned, &owners),
        declare: open && found.status != NeedStatus::Draft && guard.can(Action::Post, &[]),
        govern: open && guard.can(Action::Govern, &[]),
        propose: open && guard.can(Action::Post, &[]),
    };
    Ok(Visible {
        ctx,
        key,
        need: found,
        rights,
        guard,
    })
}

#[cfg(feature = "ssr")]
impl Visible {
    /// The owner organisation (while it writes in the network) or a
    /// coordinator, changing the need.
    pub fn editor(&self) -> Result<crate::core::Actor, AppError> {
        use crate::core::network::Action;
        self.guard
            .actor_on(Action::EditOwned, &[self.key.owner_organisation_id])
            .and_then(|actor| self.open().map(|()| actor))
    }

    /// Who changes a requirement proposed by `proposer`: that
    /// organisation, the need's owner (curating the proposals) or a
    /// coordinator. Any other member is refused.
    pub fn requirement_editor(
        &self,
        proposer: crate::core::ids::OrganisationId,
    ) -> Result<crate::core::Actor, AppError> {
        use crate::core::network::Action;
        self.guard
            .actor_on(
                Action::EditOwned,
                &[proposer, self.key.owner_organisation_id],
            )
            .and_then(|actor| self.open().map(|()| actor))
    }

    /// Whether the person may change a requirement proposed by `proposer`.
    pub fn may_edit_requirement(&self, proposer: crate::core::ids::OrganisationId) -> bool {
        self.requirement_editor(proposer).is_ok()
    }

    /// A member organisation taking part (declaring, proposing).
    pub fn participant(&self, organisation: Option<&str>) -> Result<crate::core::Actor, AppError> {
        use crate::core::network::Action;
        self.guard
            .actor_for(Action::Post, organisation)
            .and_then(|actor| self.open().map(|()| actor))
    }

    /// A coordinator merging needs.
    fn coordinator(&self) -> Result<crate::core::Actor, AppError> {
        use crate::core::network::Action;
        self.guard
            .actor_for(Action::Govern, None)
            .and_then(|actor| self.open().map(|()| actor))
    }

    /// A fulfilled or withdrawn need takes no more changes.
    fn open(&self) -> Result<(), AppError> {
        if self.need.status.is_open() {
            Ok(())
        } else {
            Err(AppError::Forbidden)
        }
    }
}

/// The need page's content.
#[server(endpoint = "needs/view")]
pub async fn need_view(need: String) -> Result<super::NeedView, AppError> {
    use super::{demand, requirements, store, Demand, NeedView};
    use crate::markdown::to_html;
    let v = visible_need(&need).await?;
    let interests = demand::store::interests(&v.ctx.db, v.key.id).await?;
    let requirements =
        requirements::store::of_need(&v.ctx.db, v.key.id, |p| v.may_edit_requirement(p)).await?;
    let declare_for = if v.rights.declare {
        v.guard.writing_organisations()
    } else {
        Vec::new()
    };
    let merge_targets = if v.rights.govern {
        store::merge_targets(&v.ctx.db, v.key).await?
    } else {
        Vec::new()
    };
    Ok(NeedView {
        problem_html: to_html(&v.need.problem),
        effect_html: to_html(&v.need.effect),
        affected_html: to_html(&v.need.affected),
        demand: Demand::of(&interests),
        need: v.need,
        rights: v.rights,
        interests,
        requirements,
        declare_for,
        merge_targets,
    })
}

/// The owner organisation's people or a coordinator move the need along
/// its lifecycle, with a reason.
#[server(endpoint = "needs/status")]
pub async fn change_need_status(
    need: String,
    #[server(flatten)] form: TransitionForm,
) -> Result<(), AppError> {
    use super::{store, Transition};
    let v = visible_need(&need).await?;
    let actor = v.editor()?;
    let step = Transition::parse(&form, v.need.status)?;
    store::transition(&v.ctx.db, v.key, &v.need.title, &step, actor).await?;
    leptos_axum::redirect(&format!(
        "/behov/{}?status=1#status-andrad",
        v.need.public_id
    ));
    Ok(())
}

/// Saves an edit of the need as a new version; refused when someone else
/// saved since the form was loaded (`version`).
#[server(endpoint = "needs/edit")]
pub async fn edit_need(
    need: String,
    version: i64,
    #[server(flatten)] form: NeedForm,
) -> Result<(), AppError> {
    use super::{store, NeedText};
    let v = visible_need(&need).await?;
    let actor = v.editor()?;
    let text = NeedText::parse(&form, v.ctx.db.now())?;
    store::update(&v.ctx.db, v.key, version, &text, actor).await?;
    leptos_axum::redirect(&format!(
        "/behov/{}?andrat=1#behov-andrat",
        v.need.public_id
    ));
    Ok(())
}

/// Every version of the need and of its requirements, oldest first.
#[server(endpoint = "needs/history")]
pub async fn need_history(need: String) -> Result<super::History, AppError> {
    use super::{requirements, store, History};
    let v = visible_need(&need).await?;
    let lang = crate::i18n::use_lang();
    let deleted = crate::accounts::text::text(lang).deleted_user;
    let versions = store::versions(&v.ctx.db, v.key.id, deleted).await?;
    let requirements = requirements::store::versions(&v.ctx.db, v.key.id, deleted).await?;
    Ok(History {
        need: v.need,
        versions,
        requirements,
    })
}

/// A coordinator merges a duplicate into another need of the network.
#[server(endpoint = "needs/merge")]
pub async fn merge_need(need: String, #[server(flatten)] form: MergeForm) -> Result<(), AppError> {
    use super::{store, Merge};
    let v = visible_need(&need).await?;
    let actor = v.coordinator()?;
    let target = store::find(&v.ctx.db, form.into.trim()).await?;
    let merge = Merge::parse(&form, v.key, target)?;
    store::merge(&v.ctx.db, v.key, &v.need.title, &merge, actor).await?;
    leptos_axum::redirect(&format!(
        "/behov/{}?sammanslaget=1#sammanslaget",
        merge.target_public_id()
    ));
    Ok(())
}

/// The organisations that may post a need in the network, for its form.
#[server(endpoint = "needs/posting-organisations")]
pub async fn posting_organisations(network: String) -> Result<Vec<(String, String)>, AppError> {
    let user = crate::accounts::require_user()?;
    let ctx = crate::context::app_context()?;
    let guard = crate::core::Guard::of_network(&ctx.db, Some(&user), &network).await?;
    Ok(guard.writing_organisations())
}
