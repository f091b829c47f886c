//! The organisations room's pages.

use super::{
    api::{DecideMember, MakeAdmin, RegisterOrganisation, VerifyOrganisation},
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
    let is_admin = view.my_role == Some(Role::Admin) && view.my_status == Some(Status::Active);
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
        {is_admin.then(|| view! { <PendingRequests organisation=public_id.clone() pending /> })}
        {(!active.is_empty()).then(|| view! {
            <MemberList organisation=public_id.clone() members=active can_promote=is_admin />
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
                    let who = if m.title.is_empty() { m.name.clone() } else { format!("{}, {}", m.name, m.title) };
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

#[component]
fn MemberList(organisation: String, members: Vec<Member>, can_promote: bool) -> impl IntoView {
    let t = text(use_lang());
    view! {
        <section aria-labelledby="personer">
            <h2 id="personer">{t.members_heading}</h2>
            <ul class="plain-list">
                {members.into_iter().map(|m| {
                    let organisation = organisation.clone();
                    let name = m.name.clone();
                    let role = if m.role == Role::Admin { t.role_admin } else { t.role_member };
                    let promote = (can_promote && m.role == Role::Member).then(move || {
                        let action = ServerAction::<MakeAdmin>::new();
                        view! {
                            <ActionForm action>
                                <input type="hidden" name="organisation" value=organisation.clone() />
                                <input type="hidden" name="account_id" value=m.account_id />
                                <button type="submit" class="button button--small">
                                    {t.make_admin}<span class="visually-hidden">{format!(": {}", m.name)}</span>
                                </button>
                            </ActionForm>
                        }
                    });
                    view! { <li><span>{format!("{name} ({role})")}</span>{promote}</li> }
                }).collect_view()}
            </ul>
        </section>
    }
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
