//! The networks room's pages.

use super::{
    api::{ChangeNetworkStatus, CreateNetwork},
    text::{role_label, status_label, text},
    Action, NetworkStatus, NetworkView, Visibility,
};
use crate::{
    accounts::current_user,
    i18n::use_lang,
    organisations::Status as OrgStatus,
    regions,
    staircase::Staircase,
    time::format_stockholm,
    ui::{
        form::{ErrorSummary, FormFeedback, Notice, SelectField, TextField},
        query_has,
    },
};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn NewNetworkPage() -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    if current_user().is_none() {
        #[cfg(feature = "ssr")]
        leptos_axum::redirect("/konto/logga-in");
        return ().into_any();
    }
    let mine = Resource::new(|| (), |_| crate::organisations::api::my_organisations());
    let form = FormFeedback::for_action(CreateNetwork::PATH);
    view! {
        <Title text=t.new_title />
        <h1>{t.new_title}</h1>
        <p class="lead">{t.new_lead}</p>
        <Suspense fallback=|| ()>
            {move || {
                let form = form.clone();
                Suspend::new(async move {
                    let organisations: Vec<(String, String)> = mine
                        .await
                        .unwrap_or_default()
                        .into_iter()
                        .filter(|o| o.verified && o.status == OrgStatus::Active)
                        .map(|o| (o.public_id, o.name))
                        .collect();
                    if organisations.is_empty() {
                        return view! { <p class="notice notice--warning">{t.no_verified_organisation}</p> }.into_any();
                    }
                    view! { <NewNetworkForm organisations form /> }.into_any()
                })
            }}
        </Suspense>
    }
    .into_any()
}

#[component]
fn NewNetworkForm(organisations: Vec<(String, String)>, form: FormFeedback) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let action = ServerAction::<CreateNetwork>::new();
    let fields = form.clone();
    let labels = vec![
        ("name", t.name),
        ("purpose", t.purpose),
        ("organisation", t.organisation),
        ("staircase", t.staircase),
        ("regions", t.regions),
        ("visibility", t.visibility),
        ("join_policy", t.join_policy),
    ];
    let chosen = fields.value("organisation");
    let organisation_options = organisations;
    let regions_problem = fields.problem("regions");
    view! {
        <ErrorSummary error=form.error() labels />
        <ActionForm action>
            <TextField name="name" label=t.name required=true max_length=super::NAME_MAX
                value=fields.value("name") problem=fields.problem("name") />
            <TextField name="purpose" label=t.purpose hint=t.purpose_hint required=true multiline=true
                max_length=super::PURPOSE_MAX value=fields.value("purpose") problem=fields.problem("purpose") />
            <SelectField name="organisation" label=t.organisation options=organisation_options
                selected=chosen problem=fields.problem("organisation") />
            <fieldset class="field">
                <legend>{t.staircase}</legend>
                {Staircase::ALL.into_iter().map(|s| view! {
                    <div class="choice">
                        <input type="radio" id=format!("field-staircase-{}", s.code()) name="staircase"
                            value=s.code() checked=s == Staircase::Infora />
                        <label for=format!("field-staircase-{}", s.code())>
                            <strong>{s.label(lang)}</strong>" – "{s.explanation(lang)}
                        </label>
                    </div>
                }).collect_view()}
            </fieldset>
            <fieldset class="field" class:field--invalid=regions_problem.is_some() id="field-regions">
                <legend>{t.regions}</legend>
                <p class="hint">{t.regions_hint}</p>
                {regions_problem.map(|p| view! { <p class="field-error">{p.message(lang)}</p> })}
                <div class="choices">
                    {regions::LAN.iter().map(|l| view! {
                        <div class="choice">
                            <input type="checkbox" id=format!("field-region-{}", l.code) name="regions[]" value=l.code />
                            <label for=format!("field-region-{}", l.code)>{l.name}</label>
                        </div>
                    }).collect_view()}
                </div>
            </fieldset>
            <fieldset class="field">
                <legend>{t.visibility}</legend>
                {[(Visibility::Listed, t.listed), (Visibility::Hidden, t.hidden)].into_iter().map(|(v, label)| view! {
                    <div class="choice">
                        <input type="radio" id=format!("field-visibility-{}", v.code()) name="visibility"
                            value=v.code() checked=v == Visibility::Listed />
                        <label for=format!("field-visibility-{}", v.code())>{label}</label>
                    </div>
                }).collect_view()}
            </fieldset>
            <fieldset class="field">
                <legend>{t.join_policy}</legend>
                {[("request", t.by_request), ("invitation", t.by_invitation)].into_iter().map(|(code, label)| view! {
                    <div class="choice">
                        <input type="radio" id=format!("field-join-{code}") name="join_policy"
                            value=code checked=code == "request" />
                        <label for=format!("field-join-{code}")>{label}</label>
                    </div>
                }).collect_view()}
            </fieldset>
            <button type="submit" class="button">{t.create}</button>
        </ActionForm>
    }
}

#[component]
pub fn NetworkPage() -> impl IntoView {
    let public_id = use_params_map()
        .get_untracked()
        .get("id")
        .unwrap_or_default();
    let view = Resource::new(move || public_id.clone(), super::api::network_view);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match view.await {
                    Ok(v) => view! { <NetworkDetails view=v /> }.into_any(),
                    Err(crate::error::AppError::NotSignedIn) => {
                        #[cfg(feature = "ssr")]
                        leptos_axum::redirect("/konto/logga-in");
                        ().into_any()
                    }
                    Err(_) => view! { <crate::pages::not_found::NotFoundPage /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn NetworkDetails(view: NetworkView) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let net = view.network;
    let can_read = view.access.can(Action::ReadContent, net.visibility);
    let can_govern = view.access.can(Action::Govern, net.visibility);
    let regions = net
        .regions
        .iter()
        .filter_map(|code| regions::lan(code).map(|l| l.name))
        .collect::<Vec<_>>()
        .join(", ");
    let staircase = Staircase::parse(&net.staircase)
        .map(|s| s.label(lang))
        .unwrap_or_default();
    view! {
        <Title text=net.name.clone() />
        <h1>{net.name.clone()}</h1>
        <Notice show=query_has("startat") text=t.created />
        <Notice show=query_has("status") text=t.status_changed />
        <p class="lead">{net.purpose.clone()}</p>
        <dl class="facts">
            <dt>{t.status}</dt><dd>{status_label(net.status, lang)}</dd>
            <dt>{t.staircase}</dt><dd>{staircase}</dd>
            <dt>{t.regions}</dt><dd>{regions}</dd>
        </dl>
        <section aria-labelledby="medlemmar">
            <h2 id="medlemmar">{t.members_heading}</h2>
            <ul>
                {view.members.into_iter().map(|m| view! {
                    <li>
                        <a href=format!("/organisationer/{}", m.organisation_public_id)>{m.name}</a>
                        {format!(" ({})", role_label(m.role, lang))}
                    </li>
                }).collect_view()}
            </ul>
        </section>
        {if can_read {
            view! {
                <section aria-labelledby="behov">
                    <h2 id="behov">{t.needs_heading}</h2>
                    <p>{t.needs_placeholder}</p>
                </section>
                <section aria-labelledby="dialoger">
                    <h2 id="dialoger">{t.dialogues_heading}</h2>
                    <p>{t.dialogues_placeholder}</p>
                </section>
            }
            .into_any()
        } else {
            view! { <p class="notice">{t.members_only}</p> }.into_any()
        }}
        {can_govern.then(|| view! {
            <StatusForm network=net.public_id.clone() current=net.status />
            <AuditLog entries=view.audit />
        })}
    }
}

#[component]
fn StatusForm(network: String, current: NetworkStatus) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let action = ServerAction::<ChangeNetworkStatus>::new();
    let form = FormFeedback::for_action(ChangeNetworkStatus::PATH);
    let fields = form.clone();
    let options: Vec<(String, String)> = NetworkStatus::ALL
        .into_iter()
        .filter(|next| current.can_become(*next))
        .map(|next| (next.code().into(), status_label(next, lang).into()))
        .collect();
    (!options.is_empty()).then(|| view! {
        <section aria-labelledby="andra-status">
            <h2 id="andra-status">{t.change_status}</h2>
            <ErrorSummary error=form.error() labels=vec![("status", t.new_status), ("reason", t.reason)] />
            <ActionForm action>
                <input type="hidden" name="network" value=network />
                <SelectField name="status" label=t.new_status options selected=String::new()
                    problem=fields.problem("status") />
                <TextField name="reason" label=t.reason required=true multiline=true max_length=super::REASON_MAX
                    value=fields.value("reason") problem=fields.problem("reason") />
                <button type="submit" class="button">{t.change_status}</button>
            </ActionForm>
        </section>
    })
}

#[component]
fn AuditLog(entries: Vec<super::AuditEntry>) -> impl IntoView {
    let t = text(use_lang());
    view! {
        <section aria-labelledby="logg">
            <h2 id="logg">{t.audit_heading}</h2>
            <table class="table">
                <thead>
                    <tr>
                        <th scope="col">{t.audit_when}</th>
                        <th scope="col">{t.audit_who}</th>
                        <th scope="col">{t.audit_what}</th>
                        <th scope="col">{t.audit_why}</th>
                    </tr>
                </thead>
                <tbody>
                    {entries.into_iter().map(|e| view! {
                        <tr>
                            <td>{format_stockholm(e.at)}</td>
                            <td>{format!("{} ({})", e.actor, e.organisation)}</td>
                            <td>{format!("{} {}", e.action, e.subject)}</td>
                            <td>{e.reason}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}
