//! The suppliers room's pages: the suppliers one acts for, registering
//! one, and a supplier's page with its people and, for its admins, who
//! asks to join.

use super::{
    api::{
        CancelSupplierRequest, DecideSupplierMember, MakeSupplierAdmin, RegisterSupplier,
        RemoveSupplierMember, ASKED_NOTICE, CANCELLED_NOTICE, DECIDED_NOTICE, PEOPLE_NOTICE,
    },
    text::text,
    Country, MySupplier, SupplierView, COUNTRIES, NAME_MAX,
};
use crate::{
    i18n::{use_lang, Lang},
    organisations::{Member, Role, Status},
    ui::{
        confirm::ConfirmStep,
        form::{ErrorSummary, FormFeedback, Notice, SelectField, TextField},
        query_has,
    },
};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// The suppliers the person acts for, and the way to register one.
#[component]
pub fn SuppliersPage() -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    if crate::accounts::signed_in_or_redirect().is_none() {
        return ().into_any();
    }
    let mine = Resource::new(|| (), |_| super::api::my_suppliers());
    view! {
        <Title text=t.list_title />
        <h1>{t.list_title}</h1>
        <p class="lead">{t.list_lead}</p>
        <Notice show=query_has("lamnat") text=t.left id="lamnat" />
        <Notice show=query_has("aterkallad") text=t.cancelled id=CANCELLED_NOTICE />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let mine = mine.await.unwrap_or_default();
                view! { <MySuppliers mine /> }
            })}
        </Suspense>
        <p><a class="button" href="/leverantorer/ny">{t.register_link}</a></p>
        <p><a href="/marknadsdialoger">{t.to_board}</a></p>
    }
    .into_any()
}

#[component]
fn MySuppliers(mine: Vec<MySupplier>) -> impl IntoView {
    let t = text(use_lang());
    if mine.is_empty() {
        return view! { <p>{t.none}</p> }.into_any();
    }
    view! {
        <ul>
            {mine.into_iter().map(|s| {
                let state = match (s.active, s.role) {
                    (false, _) => format!(" ({})", t.waiting),
                    (true, Role::Admin) => format!(" ({})", t.admin),
                    (true, Role::Member) => String::new(),
                };
                view! { <li><a href=format!("/leverantorer/{}", s.public_id)>{s.name}</a>{state}</li> }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// The options of the country field, Sweden first.
pub fn country_options(lang: Lang) -> Vec<(String, String)> {
    COUNTRIES
        .iter()
        .map(|c| (c.code.to_string(), c.name(lang).to_string()))
        .collect()
}

/// Registering a supplier (or asking to join one with the same number).
#[component]
pub fn NewSupplierPage() -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let Some(user) = crate::accounts::signed_in_or_redirect() else {
        return ().into_any();
    };
    let form = FormFeedback::for_action(RegisterSupplier::PATH);
    let action = ServerAction::<RegisterSupplier>::new();
    let labels = vec![
        ("name", t.name),
        ("country", t.country),
        ("identifier", t.identifier),
    ];
    let country = Some(form.value("country"))
        .filter(|c| Country::find(c).is_some())
        .unwrap_or_else(|| "SE".into());
    view! {
        <Title text=t.new_title />
        <h1>{t.new_title}</h1>
        <p class="lead">{t.new_lead}</p>
        {if user.verified {
            view! {
                <ErrorSummary error=form.error() labels />
                <ActionForm action>
                    <TextField name="name" label=t.name required=true autocomplete="organization"
                        max_length=NAME_MAX value=form.value("name") problem=form.problem("name") />
                    <SelectField name="country" label=t.country required=true
                        autocomplete="country" options=country_options(lang) selected=country
                        problem=form.problem("country") />
                    <TextField name="identifier" label=t.identifier required=true
                        hint=t.identifier_hint value=form.value("identifier")
                        problem=form.problem("identifier") />
                    <button type="submit" class="button">{t.register_button}</button>
                </ActionForm>
            }
            .into_any()
        } else {
            view! { <p class="notice">{t.verify_first}</p> }.into_any()
        }}
    }
    .into_any()
}

/// A supplier's page.
#[component]
pub fn SupplierPage() -> impl IntoView {
    if crate::accounts::signed_in_or_redirect().is_none() {
        return ().into_any();
    }
    let id = use_params_map()
        .get_untracked()
        .get("id")
        .unwrap_or_default();
    let view = Resource::new(move || id.clone(), super::api::supplier_view);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match view.await {
                    Ok(v) => view! { <Supplier v /> }.into_any(),
                    Err(_) => view! { <crate::pages::not_found::NotFoundPage /> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn Supplier(v: SupplierView) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let country = Country::find(&v.country)
        .map(|c| c.name(lang))
        .unwrap_or_default();
    let (active, pending): (Vec<Member>, Vec<Member>) = v
        .people
        .into_iter()
        .partition(|m| m.status == Status::Active);
    let admins = active.iter().filter(|m| m.role == Role::Admin).count();
    let people_error = FormFeedback::for_action(RemoveSupplierMember::PATH)
        .error()
        .or(FormFeedback::for_action(MakeSupplierAdmin::PATH).error());
    let asked_text = if query_has("registrerad") {
        Some(t.registered)
    } else if query_has("ansokt") {
        Some(t.asked)
    } else if query_has("redan") {
        Some(t.already)
    } else {
        None
    };
    view! {
        <Title text=v.name.clone() />
        <h1>{v.name.clone()}</h1>
        {asked_text.map(|text| view! { <Notice show=true text id=ASKED_NOTICE /> })}
        <dl class="facts">
            <dt>{t.country}</dt><dd>{country}</dd>
            {v.member.then(|| view! { <dt>{t.identifier}</dt><dd>{v.identifier.clone()}</dd> })}
        </dl>
        {if v.member {
            view! {
                <section aria-labelledby="personer">
                    <h2 id="personer">{t.people}</h2>
                    <Notice show=query_has("borttagen") text=t.removed id=PEOPLE_NOTICE />
                    <Notice show=query_has("admin") text=t.made_admin id=PEOPLE_NOTICE />
                    <ErrorSummary level=3 error=people_error />
                    <ul class="plain-list">
                        {active.into_iter().map(|m| view! {
                            <Person supplier=v.public_id.clone() m you=v.you decides=v.admin
                                last_admin=admins == 1 />
                        }).collect_view()}
                    </ul>
                </section>
                {v.admin.then(|| view! { <Requests supplier=v.public_id.clone() pending /> })}
            }
            .into_any()
        } else if v.waiting {
            view! { <Waiting supplier=v.public_id.clone() /> }.into_any()
        } else {
            view! { <p>{t.not_member}</p> }.into_any()
        }}
    }
}

/// A person's own request to join, which they may withdraw.
#[component]
fn Waiting(supplier: String) -> impl IntoView {
    let t = text(use_lang());
    let action = ServerAction::<CancelSupplierRequest>::new();
    let form = FormFeedback::for_action(CancelSupplierRequest::PATH);
    view! {
        <ErrorSummary level=3 error=form.error() />
        <p>{t.waiting_explain}</p>
        <ActionForm action>
            <input type="hidden" name="supplier" value=supplier />
            <button type="submit" class="button button--quiet-dark">{t.cancel_request}</button>
        </ActionForm>
    }
}

/// One of the supplier's people: for its admins, making them admin too
/// and removing them; for the person, leaving. Both removals in two steps;
/// the last admin is told to name another before leaving.
#[component]
fn Person(supplier: String, m: Member, you: i64, decides: bool, last_admin: bool) -> impl IntoView {
    let t = text(use_lang());
    let me = m.account_id == you;
    let admin = m.role == Role::Admin;
    let label = match (admin, me) {
        (true, true) => format!(" ({}, {})", t.admin, t.you),
        (true, false) => format!(" ({})", t.admin),
        (false, true) => format!(" ({})", t.you),
        (false, false) => String::new(),
    };
    let email = (!m.email.is_empty()).then(|| format!(", {}", m.email));
    let remove = ServerAction::<RemoveSupplierMember>::new();
    let promote = ServerAction::<MakeSupplierAdmin>::new();
    let who = m.name.clone();
    let (open, explain, confirm) = if me {
        (t.leave, t.leave_explain, t.leave_confirm)
    } else {
        (t.remove, t.remove_explain, t.remove_confirm)
    };
    let (supplier_too, who_too) = (supplier.clone(), who.clone());
    view! {
        <li class="request">
            <p>{m.name.clone()}{label}{email}</p>
            {(decides && !me && !admin).then(move || view! {
                <ActionForm action=promote>
                    <input type="hidden" name="supplier" value=supplier.clone() />
                    <input type="hidden" name="account_id" value=m.account_id />
                    <button type="submit" class="button button--small button--quiet-dark">
                        {t.make_admin}<span class="visually-hidden">{format!(": {who}")}</span>
                    </button>
                </ActionForm>
            })}
            {(me && admin && last_admin).then(|| view! { <p class="hint">{t.last_admin}</p> })}
            {((decides || me) && !(admin && last_admin)).then(move || view! {
                <ActionForm action=remove>
                    <input type="hidden" name="supplier" value=supplier_too />
                    <input type="hidden" name="account_id" value=m.account_id />
                    <ConfirmStep open=open.to_string() context=format!(": {who_too}")
                        explain=explain.to_string() confirm=confirm.to_string() />
                </ActionForm>
            })}
        </li>
    }
}

#[component]
fn Requests(supplier: String, pending: Vec<Member>) -> impl IntoView {
    let t = text(use_lang());
    let form = FormFeedback::for_action(DecideSupplierMember::PATH);
    view! {
        <section aria-labelledby="vill-ga-med">
            <h2 id="vill-ga-med">{t.requests}</h2>
            <Notice show=query_has("beslut") text=t.decided id=DECIDED_NOTICE />
            <ErrorSummary level=3 error=form.error() />
            {if pending.is_empty() {
                view! { <p>{t.no_requests}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list">
                        {pending.into_iter().map(|m| {
                            let action = ServerAction::<DecideSupplierMember>::new();
                            let who = m.name.clone();
                            let supplier = supplier.clone();
                            view! {
                                <li class="request">
                                    <h3>{who.clone()}</h3>
                                    <p>{m.email.clone()}", "{crate::time::format_stockholm(m.requested_at)}</p>
                                    <ActionForm action>
                                        <input type="hidden" name="supplier" value=supplier />
                                        <input type="hidden" name="account_id" value=m.account_id />
                                        <button type="submit" name="decision" value="approve" class="button button--small">
                                            {t.approve}<span class="visually-hidden">{format!(": {who}")}</span>
                                        </button>
                                        " "
                                        <button type="submit" name="decision" value="refuse" class="button button--small button--quiet-dark">
                                            {t.refuse}<span class="visually-hidden">{format!(": {who}")}</span>
                                        </button>
                                    </ActionForm>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
    }
}
