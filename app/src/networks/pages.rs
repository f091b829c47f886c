//! The networks room's pages.

use super::{
    api::{
        AnswerInvitation, ChangeNetworkStatus, ChangeRole, CreateNetwork, DecideJoin,
        InviteOrganisation, LeaveNetwork, RequestJoin, RotateFeed,
    },
    text::{member_count, network_count, role_label, status_label, text},
    NetworkMember, NetworkRole, NetworkStatus, NetworkView, Visibility,
};
use crate::{
    i18n::use_lang,
    organisations::Status as OrgStatus,
    regions,
    staircase::Staircase,
    time::format_stockholm,
    ui::{
        form::{ErrorSummary, FormFeedback, Notice, SelectField, TextField},
        query_has, query_value,
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
        ("themes", t.themes),
        ("visibility", t.visibility),
        ("join_policy", t.join_policy),
    ];
    let chosen = fields.value("organisation");
    let organisation_options = organisations;
    let regions_problem = fields.problem("regions");
    let themes_problem = fields.problem("themes");
    let chosen_regions = fields.values("regions").unwrap_or_default();
    let chosen_themes = fields.values("themes").unwrap_or_default();
    let picked = |field: &str, code: &str, default: &str| {
        let sent = fields.value(field);
        if sent.is_empty() {
            code == default
        } else {
            sent == code
        }
    };
    let staircase_choice: Vec<(Staircase, bool)> = Staircase::ALL
        .into_iter()
        .map(|s| (s, picked("staircase", s.code(), Staircase::Infora.code())))
        .collect();
    let visibility_choice: Vec<(Visibility, &str, bool)> = [
        (Visibility::Listed, t.listed),
        (Visibility::Hidden, t.hidden),
    ]
    .into_iter()
    .map(|(v, label)| (v, label, picked("visibility", v.code(), "listed")))
    .collect();
    let policy_choice: Vec<(&str, &str, bool)> =
        [("request", t.by_request), ("invitation", t.by_invitation)]
            .into_iter()
            .map(|(code, label)| (code, label, picked("join_policy", code, "request")))
            .collect();
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
                {staircase_choice.into_iter().map(|(s, checked)| view! {
                    <div class="choice">
                        <input type="radio" id=format!("field-staircase-{}", s.code()) name="staircase"
                            value=s.code() checked=checked />
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
                            <input type="checkbox" id=format!("field-region-{}", l.code) name="regions[]"
                                value=l.code checked=chosen_regions.iter().any(|c| c == l.code) />
                            <label for=format!("field-region-{}", l.code)>{l.name}</label>
                        </div>
                    }).collect_view()}
                </div>
            </fieldset>
            <fieldset class="field" class:field--invalid=themes_problem.is_some() id="field-themes">
                <legend>{t.themes}</legend>
                <p class="hint">{t.themes_hint}</p>
                {themes_problem.map(|p| view! { <p class="field-error">{p.message(lang)}</p> })}
                <div class="choices choices--wide">
                    {crate::cpv::divisions().iter().map(|d| view! {
                        <div class="choice">
                            <input type="checkbox" id=format!("field-theme-{}", d.code) name="themes[]"
                                value=d.code checked=chosen_themes.iter().any(|c| c == d.code) />
                            <label for=format!("field-theme-{}", d.code)>{format!("{} {}", d.code, d.name(lang))}</label>
                        </div>
                    }).collect_view()}
                </div>
            </fieldset>
            <fieldset class="field">
                <legend>{t.visibility}</legend>
                {visibility_choice.into_iter().map(|(v, label, checked)| view! {
                    <div class="choice">
                        <input type="radio" id=format!("field-visibility-{}", v.code()) name="visibility"
                            value=v.code() checked=checked />
                        <label for=format!("field-visibility-{}", v.code())>{label}</label>
                    </div>
                }).collect_view()}
            </fieldset>
            <fieldset class="field">
                <legend>{t.join_policy}</legend>
                {policy_choice.into_iter().map(|(code, label, checked)| view! {
                    <div class="choice">
                        <input type="radio" id=format!("field-join-{code}") name="join_policy"
                            value=code checked=checked />
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
    let search = query_value("sok_org");
    let found = {
        let public_id = public_id.clone();
        Resource::new(
            move || (public_id.clone(), search.clone()),
            |(network, text)| super::api::find_organisations(network, text),
        )
    };
    let query = crate::needs::pages::ListQuery::from_url();
    let needs = {
        let (network, q) = (public_id.clone(), query.clone());
        Resource::new(
            || (),
            move |_| {
                crate::needs::api::network_needs(
                    network.clone(),
                    q.status.clone(),
                    q.staircase.clone(),
                    q.division.clone(),
                    q.lan.clone(),
                    q.sort.clone(),
                    q.after.clone(),
                )
            },
        )
    };
    let dialogues = {
        let network = public_id.clone();
        Resource::new(
            || (),
            move |_| crate::dialogues::api::network_dialogues(network.clone()),
        )
    };
    let view = Resource::new(move || public_id.clone(), super::api::network_view);
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let query = query.clone();
                Suspend::new(async move {
                let found = found.await.unwrap_or_default();
                let page = needs.await.unwrap_or_default();
                let dialogues = dialogues.await.unwrap_or_default();
                match view.await {
                    Ok(v) => view! { <NetworkDetails view=v found page query dialogues /> }.into_any(),
                    Err(crate::error::AppError::NotSignedIn) => {
                        crate::accounts::redirect_to_sign_in();
                        ().into_any()
                    }
                    Err(_) => view! { <crate::pages::not_found::NotFoundPage /> }.into_any(),
                }
            })}}
        </Suspense>
    }
}

#[component]
fn NetworkDetails(
    view: NetworkView,
    /// Organisations found to invite, for coordinators who searched.
    found: Vec<super::FoundOrganisation>,
    /// The needs the person may see, filtered as the URL says.
    page: crate::needs::NeedPage,
    query: crate::needs::pages::ListQuery,
    dialogues: Vec<(
        String,
        String,
        crate::dialogues::DialogueStatus,
        Option<i64>,
    )>,
) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let net = view.network;
    let can_read = view.rights.read;
    let can_post = view.rights.start;
    let net_id = net.public_id.clone();
    let net_id_for_list = net.public_id.clone();
    let net_id_for_dialogues = net.public_id.clone();
    let can_govern = view.rights.govern;
    let see_log = view.rights.see_log;
    let state_notice = match net.status {
        NetworkStatus::Closed => Some(t.closed_notice),
        NetworkStatus::Dormant => Some(t.dormant_notice),
        _ => None,
    };
    let regions = net
        .regions
        .iter()
        .filter_map(|code| regions::lan(code).map(|l| l.name))
        .collect::<Vec<_>>()
        .join(", ");
    let staircase = Staircase::parse(&net.staircase)
        .map(|s| s.label(lang))
        .unwrap_or_default();
    let themes = theme_names(&net.themes, lang);
    view! {
        <Title text=net.name.clone() />
        <h1>{net.name.clone()}</h1>
        <Notice show=query_has("startat") text=t.created />
        <Notice show=query_has("status") text=t.status_changed />
        <Notice show=query_has("ansokt") text=t.request_sent />
        <Notice show=query_has("beslut") text=t.decided />
        <Notice show=query_has("lamnat") text=t.left />
        <Notice show=query_has("inbjuden") text=t.invited_notice />
        <Notice show=query_has("valkommen") text=t.welcome />
        <Notice show=query_has("roll") text=t.role_changed />
        {view.own_requests.into_iter().map(|r| {
            let state = if r.status == "refused" {
                format!("{}: {}", t.request_refused, r.reason)
            } else {
                t.request_waiting.to_string()
            };
            view! { <p class="notice" role="status">{format!("{} – {state}", r.organisation)}</p> }
        }).collect_view()}
        {state_notice.map(|notice| view! { <p class="notice notice--state">{notice}</p> })}
        <p class="lead">{net.purpose.clone()}</p>
        <dl class="facts">
            <dt>{t.status}</dt><dd>{status_label(net.status, lang)}</dd>
            <dt>{t.staircase}</dt><dd>{staircase}</dd>
            <dt>{t.regions}</dt><dd>{regions}</dd>
            <dt>{t.themes}</dt><dd>{themes}</dd>
        </dl>
        {if can_govern {
            view! { <MemberRoles network=net.public_id.clone() members=view.members /> }.into_any()
        } else {
            view! {
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
            }
            .into_any()
        }}
        {if can_read {
            view! {
                <section aria-labelledby="behov">
                    <h2 id="behov">{t.needs_heading}</h2>
                    {can_post.then(|| view! {
                        <p><a class="button" href=format!("/natverk/{}/behov/nytt", net_id)>{crate::needs::text::text(lang).post_need_link}</a></p>
                    })}
                    <crate::needs::pages::NeedList action=format!("/natverk/{}", net_id_for_list) query page />
                </section>
                <section aria-labelledby="dialoger">
                    <h2 id="dialoger">{t.dialogues_heading}</h2>
                    <crate::dialogues::pages::NetworkDialogues network=net_id_for_dialogues dialogues
                        may_plan=can_post />
                </section>
                <CalendarFeed network=net_id.clone() token=view.feed_token.clone() may_rotate=can_govern />
            }
            .into_any()
        } else {
            view! { <p class="notice">{t.members_only}</p> }.into_any()
        }}
        {(!view.may_request_for.is_empty()).then(|| view! {
            <RequestJoinForm network=net.public_id.clone() organisations=view.may_request_for />
        })}
        {(!view.may_leave_for.is_empty() && net.status != NetworkStatus::Closed).then(|| view! {
            <LeaveForms network=net.public_id.clone() organisations=view.may_leave_for />
        })}
        {can_govern.then(|| view! {
            <JoinRequests network=net.public_id.clone() requests=view.requests />
            <Invitations network=net.public_id.clone() invited=view.invited found />
            <StatusForm network=net.public_id.clone() current=net.status />
        })}
        {see_log.then(|| view! {
            <AuditLog network=net.public_id.clone() entries=view.audit />
        })}
    }
}

/// The organisation's own calendar-feed address, and for coordinators the
/// form that replaces every organisation's.
#[component]
fn CalendarFeed(network: String, token: Option<String>, may_rotate: bool) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let action = ServerAction::<RotateFeed>::new();
    view! {
        <section aria-labelledby="kalender">
            <h2 id="kalender">{t.feed}</h2>
            <Notice show=query_has("kalender") text=t.feed_rotated />
            {token.map(|token| view! {
                <p>
                    <a href=format!("/kalender/{token}.ics")>{t.feed}</a>
                    <br /><span class="hint">{t.feed_hint}</span>
                </p>
            })}
            {may_rotate.then(|| view! {
                <ActionForm action>
                    <input type="hidden" name="network" value=network />
                    <p class="hint" id="rotate-hint">{t.rotate_feed_hint}</p>
                    <button type="submit" aria-describedby="rotate-hint">{t.rotate_feed}</button>
                </ActionForm>
            })}
        </section>
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
        <InvitationAnswers />
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
        <p><a href="/natverk">{t.browse_link}</a></p>
        <p><a href="/natverk/nytt">{t.start_link}</a></p>
    }
    .into_any()
}

/// "Anläggningsarbete, Transporttjänster" for a list of division codes.
fn theme_names(codes: &[String], lang: crate::i18n::Lang) -> String {
    codes
        .iter()
        .filter_map(|code| crate::cpv::division(code).map(|d| d.name(lang)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The member list as coordinators see it: each organisation's role can
/// be changed. The server refuses to demote the last coordinator.
#[component]
fn MemberRoles(network: String, members: Vec<NetworkMember>) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let form = FormFeedback::for_action(ChangeRole::PATH);
    view! {
        <section aria-labelledby="medlemmar">
            <h2 id="medlemmar">{t.members_heading}</h2>
            <ErrorSummary error=form.error() />
            <table class="table">
                <thead>
                    <tr>
                        <th scope="col">{t.organisation}</th>
                        <th scope="col">{t.invite_role}</th>
                    </tr>
                </thead>
                <tbody>
                    {members.into_iter().map(move |m| {
                        let action = ServerAction::<ChangeRole>::new();
                        let id = format!("role-{}", m.organisation_public_id);
                        let options: Vec<(String, String)> = [NetworkRole::Coordinator, NetworkRole::Member, NetworkRole::Observer]
                            .into_iter()
                            .map(|r| (r.code().to_string(), role_label(r, lang).to_string()))
                            .collect();
                        let current = m.role;
                        let network = network.clone();
                        view! {
                            <tr>
                                <td>
                                    <a href=format!("/organisationer/{}", m.organisation_public_id)>{m.name.clone()}</a>
                                </td>
                                <td>
                                    <ActionForm action attr:class="inline-form">
                                        <input type="hidden" name="network" value=network />
                                        <input type="hidden" name="organisation" value=m.organisation_public_id.clone() />
                                        <label for=id.clone() class="visually-hidden">{format!("{} {}", t.role_for, m.name)}</label>
                                        <select id=id name="role">
                                            {options.into_iter().map(|(code, label)| {
                                                let selected = NetworkRole::parse(&code) == Some(current);
                                                view! { <option value=code selected=selected>{label}</option> }
                                            }).collect_view()}
                                        </select>
                                        <button type="submit" class="button button--small">
                                            {t.change_role}<span class="visually-hidden">{format!(": {}", m.name)}</span>
                                        </button>
                                    </ActionForm>
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}

/// Coordinators invite organisations by number, or find them by name;
/// invitations not yet answered are listed.
#[component]
fn Invitations(
    network: String,
    invited: Vec<NetworkMember>,
    found: Vec<super::FoundOrganisation>,
) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let action = ServerAction::<InviteOrganisation>::new();
    let form = FormFeedback::for_action(InviteOrganisation::PATH);
    let fields = form.clone();
    let roles = move || -> Vec<(String, String)> {
        [NetworkRole::Member, NetworkRole::Observer]
            .into_iter()
            .map(|r| (r.code().to_string(), role_label(r, lang).to_string()))
            .collect()
    };
    let search = query_value("sok_org");
    let searched = !search.trim().is_empty();
    let network_for_results = network.clone();
    let search_action = format!("/natverk/{network}");
    view! {
        <section aria-labelledby="bjud-in">
            <h2 id="bjud-in">{t.invite_heading}</h2>
            <ErrorSummary error=form.error() labels=vec![("org_number", t.org_number), ("role", t.invite_role)] />
            <ActionForm action>
                <input type="hidden" name="network" value=network />
                <TextField name="org_number" label=t.org_number hint=t.org_number_hint required=true
                    max_length=13 value=fields.value("org_number") problem=fields.problem("org_number") />
                <SelectField name="role" label=t.invite_role options=roles() selected=String::new()
                    problem=fields.problem("role") />
                <button type="submit" class="button">{t.invite_button}</button>
            </ActionForm>
            <form method="get" action=search_action class="search-form">
                <div class="field">
                    <label for="field-sok-org">{t.find_org_label}</label>
                    <input id="field-sok-org" type="search" name="sok_org" value=search.clone() maxlength="100" />
                </div>
                <button type="submit" class="button button--quiet-dark">{t.find_button}</button>
            </form>
            {if found.is_empty() {
                searched.then(|| view! { <p>{t.no_orgs_found}</p> }).into_any()
            } else {
                view! {
                    <ul class="plain-list">
                        {found.into_iter().map(|o| {
                            let action = ServerAction::<InviteOrganisation>::new();
                            let id = format!("invite-role-{}", o.public_id);
                            let label = format!("{} ({})", o.name, o.org_number);
                            let network = network_for_results.clone();
                            view! {
                                <li>
                                    <ActionForm action attr:class="inline-form">
                                        <input type="hidden" name="network" value=network />
                                        <input type="hidden" name="org_number" value=o.org_number.clone() />
                                        <span>{label.clone()}</span>
                                        <label for=id.clone() class="visually-hidden">{format!("{} {}", t.role_for, o.name)}</label>
                                        <select id=id name="role">
                                            {roles().into_iter().map(|(code, text)| view! { <option value=code>{text}</option> }).collect_view()}
                                        </select>
                                        <button type="submit" class="button button--small">
                                            {t.invite_button}<span class="visually-hidden">{format!(": {label}")}</span>
                                        </button>
                                    </ActionForm>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
            {(!invited.is_empty()).then(|| view! {
                <h3>{t.invited_heading}</h3>
                <ul>
                    {invited.into_iter().map(|m| view! {
                        <li>{format!("{} ({})", m.name, role_label(m.role, lang))}</li>
                    }).collect_view()}
                </ul>
            })}
        </section>
    }
}

/// The network directory: search by name, filter by theme, län and
/// openness; keyset pages of twenty. A plain GET form, so the filters are
/// in the URL and work without JavaScript.
#[component]
pub fn DirectoryPage() -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    if crate::accounts::signed_in_or_redirect().is_none() {
        return ().into_any();
    }
    let text_q = query_value("namn");
    let theme = query_value("tema");
    let lan = query_value("lan");
    let open = query_has("oppna");
    let after = query_value("efter");
    let page = {
        let (text_q, theme, lan, after) =
            (text_q.clone(), theme.clone(), lan.clone(), after.clone());
        Resource::new(
            || (),
            move |_| {
                super::api::network_directory(
                    text_q.clone(),
                    theme.clone(),
                    lan.clone(),
                    open,
                    after.clone(),
                )
            },
        )
    };
    let filters = {
        let mut pairs = vec![];
        if !text_q.is_empty() {
            pairs.push(format!("namn={}", crate::ui::url_encode(&text_q)));
        }
        if !theme.is_empty() {
            pairs.push(format!("tema={}", crate::ui::url_encode(&theme)));
        }
        if !lan.is_empty() {
            pairs.push(format!("lan={}", crate::ui::url_encode(&lan)));
        }
        if open {
            pairs.push("oppna=1".to_string());
        }
        pairs.join("&")
    };
    let first_page = format!("/natverk?{filters}");
    let paged = !after.is_empty();
    view! {
        <Title text=t.directory_title />
        <h1>{t.directory_title}</h1>
        <p class="lead">{t.directory_lead}</p>
        <form method="get" action="/natverk" class="filters" role="search" aria-label=t.filters_label>
            <div class="field">
                <label for="field-namn">{t.search_label}</label>
                <input id="field-namn" type="search" name="namn" value=text_q maxlength=super::NAME_MAX />
            </div>
            <div class="field">
                <label for="field-tema">{t.theme_filter}</label>
                <select id="field-tema" name="tema">
                    <option value="">{t.all_themes}</option>
                    {crate::cpv::divisions().iter().map(|d| view! {
                        <option value=d.code selected=d.code == theme>{format!("{} {}", d.code, d.name(lang))}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="field-lan">{t.lan_filter}</label>
                <select id="field-lan" name="lan">
                    <option value="">{t.all_lan}</option>
                    {regions::LAN.iter().map(|l| view! {
                        <option value=l.code selected=l.code == lan>{l.name}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="choice">
                <input id="field-oppna" type="checkbox" name="oppna" value="1" checked=open />
                <label for="field-oppna">{t.open_only}</label>
            </div>
            <button type="submit" class="button">{t.search_button}</button>
        </form>
        <Suspense fallback=|| ()>
            {move || {
                let first_page = first_page.clone();
                let filters = filters.clone();
                Suspend::new(async move {
                    let Ok(page) = page.await else {
                        return view! { <p>{t.no_results}</p> }.into_any();
                    };
                    let next = page.next.map(|cursor| {
                        let sep = if filters.is_empty() { "" } else { "&" };
                        format!("/natverk?{filters}{sep}efter={}", crate::ui::url_encode(&cursor))
                    });
                    view! {
                        <p role="status">{network_count(page.total, lang)}</p>
                        {if page.entries.is_empty() {
                            view! { <p>{t.no_results}</p> }.into_any()
                        } else {
                            view! {
                                <ul class="cards">
                                    {page.entries.into_iter().map(|n| {
                                        let regions = n.regions.iter()
                                            .filter_map(|c| regions::lan(c).map(|l| l.name))
                                            .collect::<Vec<_>>()
                                            .join(", ");
                                        view! {
                                            <li class="card">
                                                <h2 class="card__title"><a href=format!("/natverk/{}", n.public_id)>{n.name}</a></h2>
                                                <p>{n.purpose}</p>
                                                <dl class="facts">
                                                    <dt>{t.status}</dt>
                                                    <dd>
                                                        {status_label(n.status, lang)}
                                                        {n.open.then(|| format!(" · {}", t.open_badge))}
                                                    </dd>
                                                    <dt>{t.members_heading}</dt><dd>{member_count(n.members, lang)}</dd>
                                                    <dt>{t.regions}</dt><dd>{regions}</dd>
                                                    <dt>{t.themes}</dt><dd>{theme_names(&n.themes, lang)}</dd>
                                                </dl>
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                            }
                            .into_any()
                        }}
                        <nav aria-label=t.pagination_label class="pagination">
                            {paged.then(|| view! { <a href=first_page>{t.first_page}</a> })}
                            {next.map(|href| view! { <a href=href rel="next">{t.next_page}</a> })}
                        </nav>
                    }
                    .into_any()
                })
            }}
        </Suspense>
        <p><a href="/natverk/nytt">{t.start_link}</a></p>
    }
    .into_any()
}

/// Invitations to the organisations I administer, to accept or decline.
#[component]
fn InvitationAnswers() -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let invitations = Resource::new(|| (), |_| super::api::my_invitations());
    let form = FormFeedback::for_action(AnswerInvitation::PATH);
    view! {
        <Notice show=query_has("avbojd") text=t.declined />
        <ErrorSummary error=form.error() />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let list = invitations.await.unwrap_or_default();
                (!list.is_empty()).then(|| view! {
                    <section aria-labelledby="inbjudningar">
                        <h2 id="inbjudningar">{t.invitations_heading}</h2>
                        {list.into_iter().map(|i| {
                            let accept = ServerAction::<AnswerInvitation>::new();
                            let decline = ServerAction::<AnswerInvitation>::new();
                            let about = format!(": {} – {}", i.network_name, i.organisation);
                            let about_again = about.clone();
                            let (n1, n2) = (i.network_public_id.clone(), i.network_public_id.clone());
                            let (o1, o2) = (i.organisation_public_id.clone(), i.organisation_public_id.clone());
                            view! {
                                <article class="card">
                                    <h3>{i.network_name.clone()}</h3>
                                    <p>{i.purpose}</p>
                                    <p>{format!("{} {} {}", i.organisation, t.invited_as, role_label(i.role, lang))}</p>
                                    <div class="button-row">
                                        <ActionForm action=accept>
                                            <input type="hidden" name="network" value=n1 />
                                            <input type="hidden" name="organisation" value=o1 />
                                            <input type="hidden" name="answer" value="accept" />
                                            <button type="submit" class="button">
                                                {t.accept}<span class="visually-hidden">{about}</span>
                                            </button>
                                        </ActionForm>
                                        <ActionForm action=decline>
                                            <input type="hidden" name="network" value=n2 />
                                            <input type="hidden" name="organisation" value=o2 />
                                            <input type="hidden" name="answer" value="decline" />
                                            <button type="submit" class="button button--quiet-dark">
                                                {t.decline}<span class="visually-hidden">{about_again}</span>
                                            </button>
                                        </ActionForm>
                                    </div>
                                </article>
                            }
                        }).collect_view()}
                    </section>
                })
            })}
        </Suspense>
    }
}
