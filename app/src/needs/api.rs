//! The needs room's server functions. Each starts at `visible_need` (or,
//! for a new need, at the network's own guard): authenticate, authorise,
//! check, store.

// A server function takes one argument per form field; long forms have
// many, and the generated client function repeats the list.
#![allow(clippy::too_many_arguments)]

use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
mod check {
    //! Form fields into a checked need text or declaration.
    use crate::{
        cpv,
        error::{Checker, FieldProblem},
        needs::{
            store::{Declaration, NeedText},
            Confidence, Quarter, COMMENT_MAX, QUANTITY_MAX, TEXT_MAX, TITLE_MAX, UNIT_MAX,
            VALUE_MAX,
        },
        regions,
        staircase::Staircase,
    };

    pub fn need_text(
        check: &mut Checker,
        title: &str,
        problem: &str,
        effect: &str,
        affected: &str,
        staircase: &str,
        divisions: &[String],
        cpv_codes: &str,
        lans: &[String],
        horizon: &str,
    ) -> Option<NeedText> {
        let title = check.text("title", title, true, TITLE_MAX);
        let problem = check.text("problem", problem, true, TEXT_MAX);
        let effect = check.text("effect", effect, true, TEXT_MAX);
        let affected = check.text("affected", affected, true, TEXT_MAX);
        let step = Staircase::parse(staircase);
        if step.is_none() {
            check.refuse("staircase", FieldProblem::InvalidChoice);
        }
        let mut codes: Vec<String> = Vec::new();
        for division in divisions {
            match cpv::division(division.trim()) {
                Some(d) => codes.push(d.full.to_string()),
                None => check.refuse("divisions", FieldProblem::InvalidChoice),
            }
        }
        let extra: Vec<&str> = cpv_codes
            .split(|c: char| c.is_whitespace() || c == ',' || c == ';')
            .filter(|c| !c.is_empty())
            .collect();
        if extra.len() > 20 {
            check.refuse("cpv_codes", FieldProblem::TooLong { max: 20 });
        } else if extra.iter().any(|code| !cpv::is_code(code)) {
            check.refuse("cpv_codes", FieldProblem::UnknownCpv);
        } else {
            codes.extend(extra.iter().map(|c| c.to_string()));
        }
        codes.sort();
        codes.dedup();
        if codes.is_empty() && extra.is_empty() {
            check.refuse("divisions", FieldProblem::Required);
        }
        let mut lan_codes: Vec<String> = lans.iter().map(|l| l.trim().to_string()).collect();
        lan_codes.sort();
        lan_codes.dedup();
        if lan_codes.is_empty() {
            check.refuse("regions", FieldProblem::Required);
        } else if lan_codes.iter().any(|l| regions::lan(l).is_none()) {
            check.refuse("regions", FieldProblem::InvalidChoice);
        }
        let horizon = quarter(check, "horizon", horizon);
        Some(NeedText {
            title,
            problem,
            effect,
            affected,
            staircase: step?,
            horizon: horizon?,
            cpv: codes,
            regions: lan_codes,
        })
    }

    /// A quarter from now on.
    pub fn quarter(check: &mut Checker, field: &str, value: &str) -> Option<Quarter> {
        match Quarter::parse(value) {
            Some(q) if q < Quarter::of_ms(crate::context::now_ms()) => {
                check.refuse(field, FieldProblem::InThePast);
                None
            }
            Some(q) => Some(q),
            None => {
                check.refuse(field, FieldProblem::InvalidChoice);
                None
            }
        }
    }

    pub fn declaration(
        check: &mut Checker,
        quantity: &str,
        unit: &str,
        value: &str,
        earliest: &str,
        confidence: &str,
        comment: &str,
    ) -> Option<Declaration> {
        let quantity = check.number("quantity", quantity, 1, QUANTITY_MAX);
        let unit = check.text("unit", unit, true, UNIT_MAX);
        let value_sek = check.number("value", value, 0, VALUE_MAX);
        let earliest = quarter(check, "earliest", earliest);
        let confidence = Confidence::parse(confidence);
        if confidence.is_none() {
            check.refuse("confidence", FieldProblem::InvalidChoice);
        }
        let comment = check.text("comment", comment, false, COMMENT_MAX);
        Some(Declaration {
            quantity: quantity?,
            unit,
            value_sek: value_sek?,
            earliest: earliest?,
            confidence: confidence?,
            comment,
        })
    }
}

/// A member organisation posts a need, as a draft or shared at once.
#[server(endpoint = "needs/create")]
pub async fn create_need(
    network: String,
    organisation: String,
    title: String,
    problem: String,
    effect: String,
    affected: String,
    staircase: String,
    #[server(default)] divisions: Vec<String>,
    #[server(default)] cpv_codes: String,
    #[server(default)] regions: Vec<String>,
    horizon: String,
    status: String,
) -> Result<(), AppError> {
    use super::{store, NeedStatus};
    use crate::core::{network::Action, Guard};
    use crate::error::{Checker, FieldProblem};
    let user = crate::accounts::require_verified()?;
    let ctx = crate::context::app_context()?;
    let guard = Guard::of_network(&ctx.db, Some(&user), &network).await?;
    guard.require(Action::Start)?;
    let mut checker = Checker::new();
    let actor = guard.actor_for(Action::Start, Some(&organisation)).ok();
    if actor.is_none() {
        checker.refuse("organisation", FieldProblem::InvalidChoice);
    }
    let start = match status.as_str() {
        "draft" => NeedStatus::Draft,
        "shared" => NeedStatus::Shared,
        _ => return Err(AppError::BadRequest),
    };
    let text = check::need_text(
        &mut checker,
        &title,
        &problem,
        &effect,
        &affected,
        &staircase,
        &divisions,
        &cpv_codes,
        &regions,
        &horizon,
    );
    let mut sent = vec![
        ("organisation", organisation.as_str()),
        ("title", title.as_str()),
        ("problem", problem.as_str()),
        ("effect", effect.as_str()),
        ("affected", affected.as_str()),
        ("staircase", staircase.as_str()),
        ("cpv_codes", cpv_codes.as_str()),
        ("horizon", horizon.as_str()),
    ];
    sent.extend(divisions.iter().map(|d| ("divisions", d.as_str())));
    sent.extend(regions.iter().map(|r| ("regions", r.as_str())));
    checker.finish(&sent)?;
    let (Some(actor), Some(text)) = (actor, text) else {
        return Err(AppError::BadRequest);
    };
    let public_id = store::create(&ctx.db, guard.network.id, &text, start, actor).await?;
    leptos_axum::redirect(&format!("/behov/{public_id}?sparat=1"));
    Ok(())
}

/// A need the person may see, with the network's guard.
#[cfg(feature = "ssr")]
struct Visible {
    ctx: crate::context::AppContext,
    key: super::store::NeedKey,
    need: super::Need,
    rights: super::NeedRights,
    guard: crate::core::Guard,
}

/// The need, if the person may read it: a member (any role) of its
/// network, and for a draft a person of the owner organisation. Anyone
/// else gets NotFound, like a need that does not exist.
#[cfg(feature = "ssr")]
async fn visible_need(need: &str) -> Result<Visible, AppError> {
    let user = crate::accounts::require_user()?;
    let ctx = crate::context::app_context()?;
    visible_need_for(ctx, user, need).await
}

#[cfg(feature = "ssr")]
async fn visible_need_for(
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
    fn editor(&self) -> Result<crate::core::Actor, AppError> {
        use crate::core::network::Action;
        self.guard
            .actor_on(Action::EditOwned, &[self.key.owner_organisation_id])
            .and_then(|actor| self.open().map(|()| actor))
    }

    /// A member organisation taking part (declaring, proposing).
    fn participant(&self, organisation: Option<&str>) -> Result<crate::core::Actor, AppError> {
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
    use super::{store, Demand, NeedView};
    use crate::markdown::to_html;
    let v = visible_need(&need).await?;
    let interests = store::interests(&v.ctx.db, v.key.id).await?;
    let requirements = store::requirements(&v.ctx.db, v.key.id).await?;
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
    status: String,
    reason: String,
) -> Result<(), AppError> {
    use super::{store, NeedStatus};
    use crate::{
        error::{Checker, FieldProblem},
        networks::REASON_MAX,
    };
    let v = visible_need(&need).await?;
    let actor = v.editor()?;
    let mut checker = Checker::new();
    let next = NeedStatus::parse(&status);
    match next {
        Some(next) if v.need.status.can_become(next) => {}
        _ => checker.refuse("status", FieldProblem::InvalidChoice),
    }
    let reason_text = checker.text("reason", &reason, true, REASON_MAX);
    checker.finish(&[("reason", &reason)])?;
    let next = next.ok_or(AppError::BadRequest)?;
    store::transition(
        &v.ctx.db,
        v.key,
        &v.need.title,
        v.need.status,
        next,
        actor,
        &reason_text,
    )
    .await?;
    leptos_axum::redirect(&format!("/behov/{}?status=1", v.need.public_id));
    Ok(())
}

/// Saves an edit of the need as a new version; refused when someone else
/// saved since the form was loaded (`version`).
#[server(endpoint = "needs/edit")]
pub async fn edit_need(
    need: String,
    version: i64,
    title: String,
    problem: String,
    effect: String,
    affected: String,
    staircase: String,
    #[server(default)] divisions: Vec<String>,
    #[server(default)] cpv_codes: String,
    #[server(default)] regions: Vec<String>,
    horizon: String,
) -> Result<(), AppError> {
    use super::store;
    use crate::error::Checker;
    let v = visible_need(&need).await?;
    let actor = v.editor()?;
    let mut checker = Checker::new();
    let text = check::need_text(
        &mut checker,
        &title,
        &problem,
        &effect,
        &affected,
        &staircase,
        &divisions,
        &cpv_codes,
        &regions,
        &horizon,
    );
    let mut sent = vec![
        ("title", title.as_str()),
        ("problem", problem.as_str()),
        ("effect", effect.as_str()),
        ("affected", affected.as_str()),
        ("staircase", staircase.as_str()),
        ("cpv_codes", cpv_codes.as_str()),
        ("horizon", horizon.as_str()),
    ];
    sent.extend(divisions.iter().map(|d| ("divisions", d.as_str())));
    sent.extend(regions.iter().map(|r| ("regions", r.as_str())));
    checker.finish(&sent)?;
    let text = text.ok_or(AppError::BadRequest)?;
    store::update(&v.ctx.db, v.key, version, &text, actor).await?;
    leptos_axum::redirect(&format!("/behov/{}?andrat=1", v.need.public_id));
    Ok(())
}

/// Every version of the need and of its requirements, oldest first.
#[server(endpoint = "needs/history")]
pub async fn need_history(need: String) -> Result<super::History, AppError> {
    let v = visible_need(&need).await?;
    let lang = crate::i18n::use_lang();
    let deleted = crate::accounts::text::text(lang).deleted_user;
    let versions = super::store::versions(&v.ctx.db, v.key.id, deleted).await?;
    let requirements = super::store::requirement_versions(&v.ctx.db, v.key.id, deleted).await?;
    Ok(super::History {
        need: v.need,
        versions,
        requirements,
    })
}

/// A member organisation declares (or changes) its non-binding interest.
#[server(endpoint = "needs/declare")]
pub async fn declare_interest(
    need: String,
    organisation: String,
    quantity: String,
    unit: String,
    value: String,
    earliest: String,
    confidence: String,
    #[server(default)] comment: String,
) -> Result<(), AppError> {
    use super::store;
    use crate::error::Checker;
    let v = visible_need(&need).await?;
    if v.need.status == super::NeedStatus::Draft {
        return Err(AppError::Forbidden);
    }
    // May take part at all (else 403, or 409 in a closed network); then
    // the organisation named must be one the person declares for.
    v.participant(None)?;
    let mut checker = Checker::new();
    let actor = match organisation.trim() {
        "" => {
            checker.refuse("organisation", crate::error::FieldProblem::Required);
            None
        }
        chosen => Some(v.participant(Some(chosen))?),
    };
    let declaration = check::declaration(
        &mut checker,
        &quantity,
        &unit,
        &value,
        &earliest,
        &confidence,
        &comment,
    );
    checker.finish(&[
        ("organisation", &organisation),
        ("quantity", &quantity),
        ("unit", &unit),
        ("value", &value),
        ("earliest", &earliest),
        ("confidence", &confidence),
        ("comment", &comment),
    ])?;
    let (Some(declaration), Some(actor)) = (declaration, actor) else {
        return Err(AppError::BadRequest);
    };
    store::declare(&v.ctx.db, v.key.id, &declaration, actor).await?;
    leptos_axum::redirect(&format!(
        "/behov/{}?intresse=1#efterfragan",
        v.need.public_id
    ));
    Ok(())
}

/// A coordinator merges a duplicate into another need of the network.
#[server(endpoint = "needs/merge")]
pub async fn merge_need(need: String, into: String, reason: String) -> Result<(), AppError> {
    use super::store;
    use crate::{
        error::{Checker, FieldProblem},
        networks::REASON_MAX,
    };
    let v = visible_need(&need).await?;
    let actor = v.coordinator()?;
    let mut checker = Checker::new();
    let target = store::find(&v.ctx.db, into.trim())
        .await?
        .filter(|(key, target)| {
            key.network_id == v.key.network_id && key.id != v.key.id && target.status.is_open()
        });
    if target.is_none() {
        checker.refuse("into", FieldProblem::InvalidChoice);
    }
    let reason_text = checker.text("reason", &reason, true, REASON_MAX);
    checker.finish(&[("reason", &reason)])?;
    let (into_key, into_need) = target.ok_or(AppError::BadRequest)?;
    store::merge(
        &v.ctx.db,
        v.key,
        &v.need.title,
        into_key,
        &into_need.title,
        actor,
        &reason_text,
    )
    .await?;
    leptos_axum::redirect(&format!("/behov/{}?sammanslaget=1", into_need.public_id));
    Ok(())
}

/// Checked list filters from a page's query.
#[cfg(feature = "ssr")]
fn filter(
    status: &str,
    staircase: &str,
    division: &str,
    lan: &str,
    sort: &str,
    after: &str,
) -> super::NeedFilter {
    super::NeedFilter {
        status: super::NeedStatus::parse(status),
        staircase: crate::staircase::Staircase::parse(staircase).map(|s| s.code().to_string()),
        division: crate::cpv::division(division).map(|d| d.code.to_string()),
        lan: crate::regions::lan(lan).map(|l| l.code.to_string()),
        by_demand: sort == "efterfragan",
        after: (!after.trim().is_empty()).then(|| after.trim().to_string()),
    }
}

/// A page of a list: one need more is read to know whether more follow.
#[cfg(feature = "ssr")]
async fn page(
    ctx: &crate::context::AppContext,
    account_id: i64,
    network_id: Option<i64>,
    filter: &super::NeedFilter,
) -> Result<super::NeedPage, AppError> {
    let mut needs = super::store::list(
        &ctx.db,
        account_id,
        network_id,
        filter,
        super::PAGE_SIZE + 1,
    )
    .await?;
    let next = (needs.len() as i64 > super::PAGE_SIZE).then(|| {
        needs.truncate(super::PAGE_SIZE as usize);
        needs
            .last()
            .map(|n| n.public_id.clone())
            .unwrap_or_default()
    });
    Ok(super::NeedPage { needs, next })
}

/// A page of one network's needs the person may see, filtered and sorted.
#[server(endpoint = "needs/of-network")]
pub async fn network_needs(
    network: String,
    #[server(default)] status: String,
    #[server(default)] staircase: String,
    #[server(default)] division: String,
    #[server(default)] lan: String,
    #[server(default)] sort: String,
    #[server(default)] after: String,
) -> Result<super::NeedPage, AppError> {
    use crate::core::{network::Action, Guard};
    let user = crate::accounts::require_user()?;
    let ctx = crate::context::app_context()?;
    let guard = Guard::of_network(&ctx.db, Some(&user), &network).await?;
    guard.require(Action::ReadContent)?;
    let filter = filter(&status, &staircase, &division, &lan, &sort, &after);
    page(&ctx, user.account_id, Some(guard.network.id), &filter).await
}

/// A page of the needs across all the person's networks.
#[server(endpoint = "needs/mine")]
pub async fn my_needs(
    #[server(default)] status: String,
    #[server(default)] staircase: String,
    #[server(default)] division: String,
    #[server(default)] lan: String,
    #[server(default)] sort: String,
    #[server(default)] after: String,
) -> Result<super::NeedPage, AppError> {
    let user = crate::accounts::require_user()?;
    let ctx = crate::context::app_context()?;
    let filter = filter(&status, &staircase, &division, &lan, &sort, &after);
    page(&ctx, user.account_id, None, &filter).await
}

/// The network's needs a dialogue can be planned for, for its form.
#[server(endpoint = "needs/open-in-network")]
pub async fn open_needs(network: String) -> Result<Vec<(String, String)>, AppError> {
    use crate::core::{network::Action, Guard};
    let user = crate::accounts::require_user()?;
    let ctx = crate::context::app_context()?;
    let guard = Guard::of_network(&ctx.db, Some(&user), &network).await?;
    guard.require(Action::ReadContent)?;
    super::store::open_needs(&ctx.db, guard.network.id).await
}

/// The organisations that may post a need in the network, for its form.
#[server(endpoint = "needs/posting-organisations")]
pub async fn posting_organisations(network: String) -> Result<Vec<(String, String)>, AppError> {
    let user = crate::accounts::require_user()?;
    let ctx = crate::context::app_context()?;
    let guard = crate::core::Guard::of_network(&ctx.db, Some(&user), &network).await?;
    Ok(guard.writing_organisations())
}

/// The aggregated demand as CSV, for those who may read the need.
#[cfg(feature = "ssr")]
pub async fn demand_csv(
    ctx: &crate::context::AppContext,
    user: Option<&crate::accounts::SessionUser>,
    need: &str,
) -> Result<String, AppError> {
    let user = user.cloned().ok_or(AppError::NotSignedIn)?;
    let lang = user.language;
    let v = visible_need_for(ctx.clone(), user, need).await?;
    let interests = super::store::interests(&v.ctx.db, v.key.id).await?;
    Ok(super::store::demand_csv(&interests, lang))
}

#[cfg(feature = "ssr")]
fn requirement_text(
    checker: &mut crate::error::Checker,
    text: &str,
    motive: &str,
    verification: &str,
    level: &str,
) -> Option<super::store::RequirementText> {
    use super::{Level, REQUIREMENT_MAX};
    let text = checker.text("text", text, true, REQUIREMENT_MAX);
    let motive = checker.text("motive", motive, true, REQUIREMENT_MAX);
    let verification = checker.text("verification", verification, true, REQUIREMENT_MAX);
    let level = Level::parse(level);
    if level.is_none() {
        checker.refuse("level", crate::error::FieldProblem::InvalidChoice);
    }
    Some(super::store::RequirementText {
        text,
        motive,
        verification,
        level: level?,
    })
}

/// A member proposes a functional requirement, last in the list.
#[server(endpoint = "needs/propose-requirement")]
pub async fn propose_requirement(
    need: String,
    text: String,
    motive: String,
    verification: String,
    level: String,
) -> Result<(), AppError> {
    use crate::error::Checker;
    let v = visible_need(&need).await?;
    let actor = v.participant(None)?;
    let mut checker = Checker::new();
    let checked = requirement_text(&mut checker, &text, &motive, &verification, &level);
    checker.finish(&[
        ("text", &text),
        ("motive", &motive),
        ("verification", &verification),
        ("level", &level),
    ])?;
    let checked = checked.ok_or(AppError::BadRequest)?;
    super::store::propose_requirement(&v.ctx.db, v.key, &checked, actor).await?;
    leptos_axum::redirect(&format!("/behov/{}?krav=1#krav", v.need.public_id));
    Ok(())
}

/// The need a requirement belongs to, as the person may see it.
#[cfg(feature = "ssr")]
async fn requirement_in_visible_need(requirement: &str) -> Result<(i64, Visible), AppError> {
    crate::accounts::require_user()?;
    let ctx = crate::context::app_context()?;
    let (id, need) = super::store::requirement_need(&ctx.db, requirement.trim())
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((id, visible_need(&need).await?))
}

/// A member edits a requirement; it becomes a proposal again.
#[server(endpoint = "needs/edit-requirement")]
pub async fn edit_requirement(
    requirement: String,
    version: i64,
    text: String,
    motive: String,
    verification: String,
    level: String,
) -> Result<(), AppError> {
    use crate::error::Checker;
    let (id, v) = requirement_in_visible_need(&requirement).await?;
    let actor = v.participant(None)?;
    let mut checker = Checker::new();
    let checked = requirement_text(&mut checker, &text, &motive, &verification, &level);
    checker.finish(&[
        ("text", &text),
        ("motive", &motive),
        ("verification", &verification),
        ("level", &level),
    ])?;
    let checked = checked.ok_or(AppError::BadRequest)?;
    super::store::edit_requirement(&v.ctx.db, id, version, &checked, actor).await?;
    leptos_axum::redirect(&format!("/behov/{}?krav=1#krav", v.need.public_id));
    Ok(())
}

/// The owner organisation or a coordinator accepts a requirement.
#[server(endpoint = "needs/accept-requirement")]
pub async fn accept_requirement(requirement: String) -> Result<(), AppError> {
    let (id, v) = requirement_in_visible_need(&requirement).await?;
    let actor = v.editor()?;
    super::store::accept_requirement(&v.ctx.db, id, actor).await?;
    leptos_axum::redirect(&format!("/behov/{}?accepterat=1#krav", v.need.public_id));
    Ok(())
}

/// A member moves a requirement one place up or down.
#[server(endpoint = "needs/move-requirement")]
pub async fn move_requirement(requirement: String, direction: String) -> Result<(), AppError> {
    let (id, v) = requirement_in_visible_need(&requirement).await?;
    v.participant(None)?;
    let up = match direction.as_str() {
        "up" => true,
        "down" => false,
        _ => return Err(AppError::BadRequest),
    };
    super::store::move_requirement(&v.ctx.db, v.key.id, id, up).await?;
    leptos_axum::redirect(&format!("/behov/{}#krav", v.need.public_id));
    Ok(())
}

/// A need's discussion as the comments room needs it: the need's id, its
/// network's guard, and whether the discussion is frozen (never: a need's
/// discussion follows the network's state alone).
#[cfg(feature = "ssr")]
pub(crate) async fn discussion_place(
    need: &str,
) -> Result<(i64, crate::core::Guard, bool), AppError> {
    let v = visible_need(need).await?;
    Ok((v.key.id, v.guard, false))
}
