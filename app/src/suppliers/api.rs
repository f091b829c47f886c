//! The suppliers room's server functions: register one (or ask to join
//! it), read its page, and for its admins, decide who joins.

use super::SupplierForm;
use crate::error::AppError;
use leptos::prelude::*;

/// The notice's anchor after registering or asking to join.
pub const ASKED_NOTICE: &str = "leverantor-besked";
/// The notice's anchor after a decision on a request.
pub const DECIDED_NOTICE: &str = "leverantor-beslut";
/// The notice's anchor after a change to the supplier's people.
pub const PEOPLE_NOTICE: &str = "leverantor-personer";
/// The notice's anchor after withdrawing a request to join.
pub const CANCELLED_NOTICE: &str = "aterkallad";

/// Registers a supplier organisation with the person as its admin, or
/// asks to join it when its number is registered already. A public
/// organisation's number is refused: a buyer never acts as a supplier.
#[server(endpoint = "suppliers/register")]
pub async fn register_supplier(#[server(flatten)] form: SupplierForm) -> Result<(), AppError> {
    use super::{
        store::{self, Registered},
        Identity, NewSupplier,
    };
    use crate::{core::ids::AccountId, error::FieldProblem};
    let user = crate::accounts::require_verified()?;
    let ctx = crate::context::app_context()?;
    let new = NewSupplier::parse(&form)?;
    if let Identity::OrgNumber(number) = &new.identity {
        if crate::organisations::lookup_by_number(&ctx.db, number)
            .await?
            .is_some()
        {
            let mut check = crate::error::Checker::new();
            check.refuse("identifier", FieldProblem::BuyerNumber);
            check.finish_form(&form)?;
        }
    }
    let account = AccountId(user.account_id);
    crate::accounts::limits::check_account(
        &ctx.db,
        crate::accounts::limits::AccountLimit::JoinRequest,
        account,
    )
    .await?;
    let path = match store::register(&ctx.db, &new, account).await? {
        Registered::Created(id) => format!("/leverantorer/{id}?registrerad=1"),
        Registered::JoinRequested(id) => format!("/leverantorer/{id}?ansokt=1"),
        Registered::AlreadyThere(id) => format!("/leverantorer/{id}?redan=1"),
    };
    leptos_axum::redirect(&format!("{path}#{ASKED_NOTICE}"));
    Ok(())
}

/// A supplier's page. Anyone signed in may see that it exists and its
/// name; its identifier only its members (an enskild firma's personnummer
/// only its admins); its people only its members, with addresses for
/// admins.
#[server(endpoint = "suppliers/view")]
pub async fn supplier_view(supplier: String) -> Result<super::SupplierView, AppError> {
    use super::{shown_identifier, store, SupplierView};
    use crate::core::ids::AccountId;
    let user = crate::accounts::require_user()?;
    let ctx = crate::context::app_context()?;
    let found = store::find(&ctx.db, &supplier)
        .await?
        .ok_or(AppError::NotFound)?;
    let mine = store::membership(&ctx.db, found.id, AccountId(user.account_id)).await?;
    let member = mine.is_some_and(|m| m.active());
    let admin = mine.is_some_and(|m| m.active_admin());
    let waiting = mine.is_some_and(|m| m.pending());
    let t = super::text::text(crate::i18n::use_lang());
    let hidden = t.identifier_hidden;
    let mut people = if member {
        store::people(&ctx.db, found.id).await?
    } else {
        Vec::new()
    };
    if !admin {
        people.retain(|p| p.status == crate::organisations::Status::Active);
        for person in &mut people {
            person.email.clear();
        }
    }
    Ok(SupplierView {
        identifier: if member {
            shown_identifier(&found.scheme, &found.identifier, admin, hidden)
        } else {
            String::new()
        },
        name: super::shown_name(&found.scheme, found.name, member, t.sole_trader),
        public_id: found.public_id,
        country: found.country,
        member,
        admin,
        waiting,
        people,
        you: user.account_id,
    })
}

/// A supplier's admin approves or refuses a request to join.
#[server(endpoint = "suppliers/decide")]
pub async fn decide_supplier_member(
    supplier: String,
    account_id: i64,
    decision: String,
) -> Result<(), AppError> {
    use super::store;
    use crate::core::ids::AccountId;
    let approve = match decision.as_str() {
        "approve" => true,
        "refuse" => false,
        _ => return Err(AppError::BadRequest),
    };
    let user = crate::accounts::require_verified()?;
    let ctx = crate::context::app_context()?;
    let found = store::find(&ctx.db, &supplier)
        .await?
        .ok_or(AppError::NotFound)?;
    let by = AccountId(user.account_id);
    match store::membership(&ctx.db, found.id, by).await? {
        Some(m) if m.active_admin() => {}
        Some(m) if m.active() => return Err(AppError::Forbidden),
        _ => return Err(AppError::NotFound),
    }
    store::decide(&ctx.db, found.id, AccountId(account_id), approve, by).await?;
    leptos_axum::redirect(&format!(
        "/leverantorer/{}?beslut=1#{DECIDED_NOTICE}",
        found.public_id
    ));
    Ok(())
}

/// The suppliers the person belongs to or asks to join.
#[server(endpoint = "suppliers/mine")]
pub async fn my_suppliers() -> Result<Vec<super::MySupplier>, AppError> {
    let user = crate::accounts::require_user()?;
    let ctx = crate::context::app_context()?;
    let hidden = super::text::text(crate::i18n::use_lang()).sole_trader;
    super::store::mine(
        &ctx.db,
        crate::core::ids::AccountId(user.account_id),
        hidden,
    )
    .await
}

/// The supplier a person decides for: found, and the person one of its
/// active admins (`Forbidden` for its other people, `NotFound` for others).
#[cfg(feature = "ssr")]
async fn as_admin(
    supplier: &str,
) -> Result<(crate::context::AppContext, super::store::StoredSupplier), AppError> {
    use crate::core::ids::AccountId;
    let user = crate::accounts::require_verified()?;
    let ctx = crate::context::app_context()?;
    let found = super::store::find(&ctx.db, supplier)
        .await?
        .ok_or(AppError::NotFound)?;
    match super::store::membership(&ctx.db, found.id, AccountId(user.account_id)).await? {
        Some(m) if m.active_admin() => Ok((ctx, found)),
        Some(m) if m.active() => Err(AppError::Forbidden),
        _ => Err(AppError::NotFound),
    }
}

/// A supplier's admin removes a person, or a person leaves: confirmed in
/// two steps; the last admin stays.
#[server(endpoint = "suppliers/remove")]
pub async fn remove_supplier_member(
    supplier: String,
    account_id: i64,
    #[server(default)] confirm: String,
) -> Result<(), AppError> {
    use crate::core::ids::AccountId;
    crate::ui::confirm::require_confirmed(&confirm)?;
    let user = crate::accounts::require_verified()?;
    let leaving = account_id == user.account_id;
    let (ctx, found) = if leaving {
        let ctx = crate::context::app_context()?;
        let found = super::store::find(&ctx.db, &supplier)
            .await?
            .ok_or(AppError::NotFound)?;
        (ctx, found)
    } else {
        as_admin(&supplier).await?
    };
    super::store::remove(&ctx.db, found.id, AccountId(account_id)).await?;
    let to = if leaving {
        "/leverantorer?lamnat=1#lamnat".to_string()
    } else {
        format!(
            "/leverantorer/{}?borttagen=1#{PEOPLE_NOTICE}",
            found.public_id
        )
    };
    leptos_axum::redirect(&to);
    Ok(())
}

/// A person who asked to join a supplier withdraws the request.
#[server(endpoint = "suppliers/cancel-request")]
pub async fn cancel_supplier_request(supplier: String) -> Result<(), AppError> {
    use crate::core::ids::AccountId;
    let user = crate::accounts::require_verified()?;
    let ctx = crate::context::app_context()?;
    let found = super::store::find(&ctx.db, &supplier)
        .await?
        .ok_or(AppError::NotFound)?;
    super::store::cancel_request(&ctx.db, found.id, AccountId(user.account_id)).await?;
    leptos_axum::redirect(&format!("/leverantorer?aterkallad=1#{CANCELLED_NOTICE}"));
    Ok(())
}

/// A supplier's admin makes another of its people an admin too.
#[server(endpoint = "suppliers/make-admin")]
pub async fn make_supplier_admin(supplier: String, account_id: i64) -> Result<(), AppError> {
    use crate::core::ids::AccountId;
    let (ctx, found) = as_admin(&supplier).await?;
    super::store::make_admin(&ctx.db, found.id, AccountId(account_id)).await?;
    leptos_axum::redirect(&format!(
        "/leverantorer/{}?admin=1#{PEOPLE_NOTICE}",
        found.public_id
    ));
    Ok(())
}
