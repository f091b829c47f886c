//! The organisations room's pages.

use super::{
    api::{
        DecideMember, DemoteAdmin, MakeAdmin, RegisterOrganisation, RemoveMember,
        VerifyOrganisation,
    },
    text::text,
    Member, OrgKind, OrganisationView, Role, Status,
};
use crate::{
    i18n::use_lang,
    regions,
    ui::{
        form::{ErrorSummary, FormFeedback, Notice, SelectField, TextField},
        query_has,
    },
};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn RegisterOrganisationPage() -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    if crate::accounts::signed_in_or_redirect().is_none() {
        return ().into_any();
    }
    let action = ServerAction::<RegisterOrganisation>::new();
    let form = FormFeedback::for_action(RegisterOrganisation::PATH);
    let fields = form.clone();
    let kinds = OrgKind::ALL
        .iter()
        .map(|k| (k.code().to_string(), k.label(lang).to_string()))
        .collect::<Vec<_>>();
    let lan_options = regions::LAN
        .iter()
        .map(|l| (l.code.to_string(), l.name.to_string()))
        .collect::<Vec<_>>();
    let chosen_kommun = fields.value("kommun");
    let labels = vec![
        ("org_number", t.org_number),
        ("name", t.name),
        ("kind", t.kind),
        ("lan", t.lan),
        ("kommun", t.kommun),
        ("website", t.website),
    ];
    view! {
        <Title text=t.register_title />
        <h1>{t.register_title}</h1>
        <p class="lead">{t.register_lead}</p>
        <ErrorSummary error=form.error() labels />
        <ActionForm action>
            <TextField name="org_number" label=t.org_number hint=t.org_number_hint required=true
                max_length=11usize value=fields.value("org_number") problem=fields.problem("org_number") />
            <TextField name="name" label=t.name required=true autocomplete="organization"
                max_length=super::NAME_MAX value=fields.value("name") problem=fields.problem("name") />
            <SelectField name="kind" label=t.kind options=kinds selected=fields.value("kind")
                problem=fields.problem("kind") />
            <SelectField name="lan" label=t.lan options=lan_options selected=fields.value("lan")
                problem=fields.problem("lan") />
            <div class="field" class:field--invalid=fields.problem("kommun").is_some()>
                <label for="field-kommun">{t.kommun}</label>
                {fields.problem("kommun").map(|p| view! { <p class="field-error" id="field-kommun-error">{p.message(lang)}</p> })}
                <select id="field-kommun" name="kommun"
                    aria-describedby=fields.problem("kommun").map(|_| "field-kommun-error")
                    aria-invalid=fields.problem("kommun").map(|_| "true")>
                    <option value="">{t.kommun_none}</option>
                    {regions::LAN.iter().map(|l| {
                        let chosen = chosen_kommun.clone();
                        view! {
                            <optgroup label=l.name>
                                {regions::kommuner_in(l.code).map(|k| view! {
                                    <option value=k.code selected=chosen == k.code>{k.name}</option>
                                }).collect_view()}
                            </optgroup>
                        }
                    }).collect_view()}
                </select>
            </div>
            <TextField name="website" label=t.website hint=t.website_hint kind="url" autocomplete="url"
                max_length=super::WEBSITE_MAX value=fields.value("website") problem=fields.problem("website") />
            <button type="submit" class="button">{t.register_button}</button>
        </ActionForm>
    }
    .into_any()
}

#[component]
pub fn OrganisationPage() -> impl IntoView {
    let public_id = use_params_map()
        .get_untracked()
        .get("id")
        .unwrap_or_default();
    if crate::accounts::signed_in_or_redirect().is_none() {
        return ().into_any();
    }
    let view = Resource::new(move || public_id.clone(), super::api::organisation_view);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match view.await {
                    Ok(v) => view! { <OrganisationDetails view=v /> }.into_any(),
                    Err(_) => view! { <crate::pages::not_found::NotFoundPage /> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn OrganisationDetails(view: OrganisationView) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let org = view.organisation;
    let kind = OrgKind::parse(&org.kind)
        .map(|k| k.label(lang))
        .unwrap_or_default();
    let place = [
        org.kommun_code
            .as_deref()
            .and_then(regions::kommun)
            .map(|k| k.name),
        regions::lan(&org.lan_code).map(|l| l.name),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(", ");
    let decides = view.decides;
    let verify = ServerAction::<VerifyOrganisation>::new();
    let public_id = org.public_id.clone();
    let (pending, active): (Vec<Member>, Vec<Member>) = view
        .members
        .into_iter()
        .partition(|m| m.status == Status::Pending);
    view! {
        <Title text=org.name.clone() />
        <h1>
            {org.name.clone()}
            {org.verified.then(|| view! { <span class="badge badge--verified">{t.verified}</span> })}
        </h1>
        <Notice show=query_has("registrerad") text=t.created />
        <Notice show=query_has("ansokt") text=t.join_requested />
        <Notice show=query_has("redan") text=t.already_member />
        <Notice show=query_has("beslut") text=t.decided />
        <Notice show=query_has("borttagen") text=t.removed />
        <dl class="facts">
            <dt>{t.org_number}</dt><dd>{org.org_number.clone()}</dd>
            <dt>{t.kind}</dt><dd>{kind}</dd>
            <dt>{t.lan}</dt><dd>{place}</dd>
            {(!org.website.is_empty()).then(|| view! {
                <dt>{t.website}</dt>
                <dd><a href=org.website.clone() rel="nofollow noopener">{org.website.clone()}</a></dd>
            })}
        </dl>
        {(!org.verified).then(|| view! { <p>{t.not_verified}</p> })}
        {(view.site_admin && !org.verified).then(|| view! {
            <ActionForm action=verify>
                <input type="hidden" name="organisation" value=org.public_id.clone() />
                <button type="submit" class="button">{t.verify_button}</button>
            </ActionForm>
        })}
        {decides.then(|| view! { <PendingRequests organisation=public_id.clone() pending /> })}
        {(!active.is_empty()).then(|| view! {
            <MemberList organisation=public_id.clone() members=active decides />
        })}
    }
}

#[component]
fn PendingRequests(organisation: String, pending: Vec<Member>) -> impl IntoView {
    let t = text(use_lang());
    let form = FormFeedback::for_action(DecideMember::PATH);
    view! {
        <section aria-labelledby="ansokningar">
            <h2 id="ansokningar">{t.pending_heading}</h2>
            <ErrorSummary error=form.error() />
            {pending.is_empty().then(|| view! { <p>{t.no_pending}</p> })}
            <ul class="plain-list">
                {pending.into_iter().map(|m| {
                    let organisation = organisation.clone();
                    let action = ServerAction::<DecideMember>::new();
                    let who = person(&m);
                    view! {
                        <li>
                            <span>{who.clone()}</span>
                            <ActionForm action>
                                <input type="hidden" name="organisation" value=organisation.clone() />
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
        </section>
    }
}

/// A person as those who decide see them: name, title and address.
fn person(m: &Member) -> String {
    [m.name.as_str(), m.title.as_str(), m.email.as_str()]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

#[component]
fn MemberList(organisation: String, members: Vec<Member>, decides: bool) -> impl IntoView {
    let t = text(use_lang());
    let form = FormFeedback::for_action(RemoveMember::PATH);
    let demoted = FormFeedback::for_action(DemoteAdmin::PATH);
    view! {
        <section aria-labelledby="personer">
            <h2 id="personer">{t.members_heading}</h2>
            <ErrorSummary error=form.error().or(demoted.error()) />
            <ul class="plain-list">
                {members.into_iter().map(|m| {
                    let who = person(&m);
                    let role = if m.role == Role::Admin { t.role_admin } else { t.role_member };
                    let organisation = organisation.clone();
                    let actions = decides.then(move || {
                        let (for_role, for_remove) = (organisation.clone(), organisation.clone());
                        let name = m.name.clone();
                        let change_role = if m.role == Role::Member {
                            let action = ServerAction::<MakeAdmin>::new();
                            view! {
                                <ActionForm action>
                                    <input type="hidden" name="organisation" value=for_role.clone() />
                                    <input type="hidden" name="account_id" value=m.account_id />
                                    <button type="submit" class="button button--small">
                                        {t.make_admin}<span class="visually-hidden">{format!(": {}", name.clone())}</span>
                                    </button>
                                </ActionForm>
                            }
                            .into_any()
                        } else {
                            let action = ServerAction::<DemoteAdmin>::new();
                            view! {
                                <ActionForm action>
                                    <input type="hidden" name="organisation" value=for_role.clone() />
                                    <input type="hidden" name="account_id" value=m.account_id />
                                    <button type="submit" class="button button--small button--quiet-dark">
                                        {t.demote_admin}<span class="visually-hidden">{format!(": {}", name.clone())}</span>
                                    </button>
                                </ActionForm>
                            }
                            .into_any()
                        };
                        let remove = ServerAction::<RemoveMember>::new();
                        view! {
                            {change_role}
                            <ActionForm action=remove>
                                <input type="hidden" name="organisation" value=for_remove />
                                <input type="hidden" name="account_id" value=m.account_id />
                                <button type="submit" class="button button--small button--quiet-dark">
                                    {t.remove_member}<span class="visually-hidden">{format!(": {}", m.name)}</span>
                                </button>
                            </ActionForm>
                        }
                    });
                    view! { <li><span>{format!("{who} ({role})")}</span>{actions}</li> }
                }).collect_view()}
            </ul>
        </section>
    }
}

/// Organisations waiting for verification and everyone who claims each
/// one, for site admins: where a squatted number is settled.
#[component]
pub fn ClaimsPage() -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    if crate::accounts::signed_in_or_redirect().is_none() {
        return ().into_any();
    }
    let claims = Resource::new(|| (), |_| super::api::claims());
    view! {
        <Title text=t.claims_heading />
        <h1>{t.claims_heading}</h1>
        <p class="lead">{t.claims_lead}</p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match claims.await {
                    Err(_) => view! { <p>{t.claims_for_admins}</p> }.into_any(),
                    Ok(list) if list.is_empty() => view! { <p>{t.no_claims}</p> }.into_any(),
                    Ok(list) => view! {
                        <ul class="plain-list">
                            {list.into_iter().map(|claim| view! {
                                <li>
                                    <h2>
                                        <a href=format!("/organisationer/{}", claim.public_id)>{claim.name}</a>
                                        {format!(" ({})", claim.org_number)}
                                    </h2>
                                    {(claim.claimants.len() > 1).then(|| view! {
                                        <p class="notice">{t.competing_claims}</p>
                                    })}
                                    <ul>
                                        {claim.claimants.into_iter().map(|c| {
                                            let state = match (c.admin, c.pending) {
                                                (_, true) => t.status_pending,
                                                (true, _) => t.role_admin,
                                                _ => t.role_member,
                                            };
                                            let who = [c.name, c.title, c.email]
                                                .into_iter()
                                                .filter(|p| !p.is_empty())
                                                .collect::<Vec<_>>()
                                                .join(", ");
                                            view! {
                                                <li>{format!("{who} – {state}, {}", crate::time::format_stockholm(c.requested_at))}</li>
                                            }
                                        }).collect_view()}
                                    </ul>
                                </li>
                            }).collect_view()}
                        </ul>
                    }
                    .into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

/// "Mina organisationer" on the account page.
#[component]
pub fn MyOrganisations() -> impl IntoView {
    let t = text(use_lang());
    let mine = Resource::new(|| (), |_| super::api::my_organisations());
    view! {
        <section aria-labelledby="mina-organisationer">
            <h2 id="mina-organisationer">{t.my_organisations}</h2>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let list = mine.await.unwrap_or_default();
                    if list.is_empty() {
                        view! { <p>{t.no_organisations}</p> }.into_any()
                    } else {
                        view! {
                            <ul>
                                {list.into_iter().map(|o| {
                                    let state = match (o.status, o.role) {
                                        (Status::Pending, _) => format!(" – {}", t.status_pending),
                                        (_, Role::Admin) => format!(" – {}", t.role_admin),
                                        _ => String::new(),
                                    };
                                    view! {
                                        <li>
                                            <a href=format!("/organisationer/{}", o.public_id)>{o.name}</a>
                                            {state}
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }
                        .into_any()
                    }
                })}
            </Suspense>
            <p><a href="/organisationer/ny">{t.register_link}</a></p>
        </section>
    }
}
