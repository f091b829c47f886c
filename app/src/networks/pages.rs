//! The networks room's pages.

use super::{
    api::{ChangeNetworkStatus, CreateNetwork, DecideJoin, LeaveNetwork, RequestJoin},
    text::{role_label, status_label, text},
    Action, NetworkStatus, NetworkView, Visibility,
};
use crate::{
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
    if crate::accounts::signed_in_or_redirect().is_none() {
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
                        crate::accounts::redirect_to_sign_in();
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
        <Notice show=query_has("ansokt") text=t.request_sent />
        <Notice show=query_has("beslut") text=t.decided />
        <Notice show=query_has("lamnat") text=t.left />
        {view.own_requests.into_iter().map(|r| {
            let state = if r.status == "refused" {
                format!("{}: {}", t.request_refused, r.reason)
            } else {
                t.request_waiting.to_string()
            };
            view! { <p class="notice" role="status">{format!("{} – {state}", r.organisation)}</p> }
        }).collect_view()}
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
        {(!view.may_request_for.is_empty()).then(|| view! {
            <RequestJoinForm network=net.public_id.clone() organisations=view.may_request_for />
        })}
        {(!view.may_leave_for.is_empty()).then(|| view! {
            <LeaveForms network=net.public_id.clone() organisations=view.may_leave_for />
        })}
        {can_govern.then(|| view! {
            <JoinRequests network=net.public_id.clone() requests=view.requests />
            <StatusForm network=net.public_id.clone() current=net.status />
            <AuditLog network=net.public_id.clone() entries=view.audit />
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
fn AuditLog(network: String, entries: Vec<super::AuditEntry>) -> impl IntoView {
    let t = text(use_lang());
    view! {
        <section aria-labelledby="logg">
            <h2 id="logg">{t.audit_heading}</h2>
            <p><a href=format!("/natverk/{network}/logg.csv") download="natverkslogg.csv">{t.download_csv}</a></p>
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

#[component]
fn RequestJoinForm(network: String, organisations: Vec<(String, String)>) -> impl IntoView {
    let t = text(use_lang());
    let action = ServerAction::<RequestJoin>::new();
    let form = FormFeedback::for_action(RequestJoin::PATH);
    let fields = form.clone();
    view! {
        <section aria-labelledby="ansok">
            <h2 id="ansok">{t.request_heading}</h2>
            <ErrorSummary error=form.error() labels=vec![("motivation", t.motivation)] />
            <ActionForm action>
                <input type="hidden" name="network" value=network />
                <SelectField name="organisation" label=t.request_for options=organisations
                    selected=String::new() />
                <TextField name="motivation" label=t.motivation hint=t.motivation_hint required=true
                    multiline=true max_length=super::REASON_MAX value=fields.value("motivation")
                    problem=fields.problem("motivation") />
                <button type="submit" class="button">{t.request_button}</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn JoinRequests(network: String, requests: Vec<super::JoinRequest>) -> impl IntoView {
    let t = text(use_lang());
    let form = FormFeedback::for_action(DecideJoin::PATH);
    (!requests.is_empty()).then(|| view! {
        <section aria-labelledby="ansokningar">
            <h2 id="ansokningar">{t.requests_heading}</h2>
            <ErrorSummary error=form.error() labels=vec![("reason", t.refuse_reason)] />
            {requests.into_iter().map(|r| {
                let approve = ServerAction::<DecideJoin>::new();
                let refuse = ServerAction::<DecideJoin>::new();
                let id = format!("reason-{}", r.organisation_public_id);
                let (network_a, network_r) = (network.clone(), network.clone());
                let (org_a, org_r) = (r.organisation_public_id.clone(), r.organisation_public_id.clone());
                let (approve_label, refuse_label) = (format!(": {}", r.name), format!(": {}", r.name));
                view! {
                    <article class="card request">
                        <h3>{r.name.clone()}</h3>
                        <p>{r.motivation}</p>
                        <ActionForm action=approve>
                            <input type="hidden" name="network" value=network_a />
                            <input type="hidden" name="organisation" value=org_a />
                            <input type="hidden" name="decision" value="approve" />
                            <button type="submit" class="button">
                                {t.approve}<span class="visually-hidden">{approve_label}</span>
                            </button>
                        </ActionForm>
                        <ActionForm action=refuse>
                            <input type="hidden" name="network" value=network_r />
                            <input type="hidden" name="organisation" value=org_r />
                            <input type="hidden" name="decision" value="refuse" />
                            <div class="field">
                                <label for=id.clone()>{t.refuse_reason}</label>
                                <textarea id=id name="reason" rows="3" maxlength=super::REASON_MAX></textarea>
                            </div>
                            <button type="submit" class="button button--quiet-dark">
                                {t.refuse}<span class="visually-hidden">{refuse_label}</span>
                            </button>
                        </ActionForm>
                    </article>
                }
            }).collect_view()}
        </section>
    })
}

#[component]
fn LeaveForms(network: String, organisations: Vec<(String, String)>) -> impl IntoView {
    let t = text(use_lang());
    let form = FormFeedback::for_action(LeaveNetwork::PATH);
    view! {
        <ErrorSummary error=form.error() />
        {organisations.into_iter().map(|(public_id, name)| {
            let network = network.clone();
            let action = ServerAction::<LeaveNetwork>::new();
            view! {
                <ActionForm action>
                    <input type="hidden" name="network" value=network />
                    <input type="hidden" name="organisation" value=public_id />
                    <button type="submit" class="button button--quiet-dark">
                        {t.leave_button}<span class="visually-hidden">{format!(": {name}")}</span>
                    </button>
                </ActionForm>
            }
        }).collect_view()}
    }
}

/// The networks my organisations belong to.
#[component]
pub fn MyNetworksPage() -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    if crate::accounts::signed_in_or_redirect().is_none() {
        return ().into_any();
    }
    let mine = Resource::new(|| (), |_| super::api::my_networks());
    view! {
        <Title text=t.my_networks />
        <h1>{t.my_networks}</h1>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let list = mine.await.unwrap_or_default();
                if list.is_empty() {
                    return view! { <p>{t.no_networks}</p> }.into_any();
                }
                view! {
                    <ul>
                        {list.into_iter().map(|n| view! {
                            <li>
                                <a href=format!("/natverk/{}", n.public_id)>{n.name}</a>
                                {format!(" – {}, {}", status_label(n.status, lang), role_label(n.role, lang))}
                            </li>
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            })}
        </Suspense>
        <p><a href="/natverk/nytt">{t.start_link}</a></p>
    }
    .into_any()
}
