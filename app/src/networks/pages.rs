//! The network's pages: starting one, and the network page, which
//! composes joining's forms and the needs and dialogues of the network.

pub use super::directory::pages::{DirectoryPage, MyNetworksPage};

use super::{
    api::{ChangeNetworkStatus, CreateNetwork, RotateFeed},
    joining::pages::{Invitations, JoinRequests, MemberRoles, Membership},
    text::{lan_names, role_label, status_label, text, theme_names},
    AuditEntry, FoundOrganisation, NetworkStatus, NetworkView, Visibility, NAME_MAX, PURPOSE_MAX,
    REASON_MAX,
};
use crate::{
    i18n::{use_lang, Lang},
    organisations::Status as OrgStatus,
    regions,
    staircase::Staircase,
    time::format_stockholm,
    ui::{
        form::{ErrorSummary, FieldGroup, FormFeedback, Notice, SelectField, TextField},
        query_has, query_value,
        status::{StatusChange, StatusChangeForm},
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
            <TextField name="name" label=t.name required=true max_length=NAME_MAX
                value=fields.value("name") problem=fields.problem("name") />
            <TextField name="purpose" label=t.purpose hint=t.purpose_hint required=true multiline=true
                max_length=PURPOSE_MAX value=fields.value("purpose") problem=fields.problem("purpose") />
            <SelectField name="organisation" label=t.organisation hint=t.organisation_hint
                options=organisation_options selected=chosen required=true
                problem=fields.problem("organisation") />
            <FieldGroup name="staircase" legend=t.staircase problem=fields.problem("staircase")>
                {staircase_choice.into_iter().map(|(s, checked)| view! {
                    <div class="choice">
                        <input type="radio" id=format!("field-staircase-{}", s.code()) name="staircase"
                            value=s.code() checked=checked />
                        <label for=format!("field-staircase-{}", s.code())>
                            <strong>{s.label(lang)}</strong>" – "{s.explanation(lang)}
                        </label>
                    </div>
                }).collect_view()}
            </FieldGroup>
            <FieldGroup name="regions" legend=t.regions hint=t.regions_hint required=true
                problem=fields.problem("regions")>
                <div class="choices">
                    {regions::LAN.iter().map(|l| view! {
                        <div class="choice">
                            <input type="checkbox" id=format!("field-region-{}", l.code) name="regions[]"
                                value=l.code checked=chosen_regions.iter().any(|c| c == l.code) />
                            <label for=format!("field-region-{}", l.code)>{l.name}</label>
                        </div>
                    }).collect_view()}
                </div>
            </FieldGroup>
            <FieldGroup name="themes" legend=t.themes hint=t.themes_hint required=true
                problem=fields.problem("themes")>
                <div class="choices choices--wide">
                    {crate::cpv::divisions().iter().map(|d| view! {
                        <div class="choice">
                            <input type="checkbox" id=format!("field-theme-{}", d.code) name="themes[]"
                                value=d.code checked=chosen_themes.iter().any(|c| c == d.code) />
                            <label for=format!("field-theme-{}", d.code)>{format!("{} {}", d.code, d.name(lang))}</label>
                        </div>
                    }).collect_view()}
                </div>
            </FieldGroup>
            <FieldGroup name="visibility" legend=t.visibility problem=fields.problem("visibility")>
                {visibility_choice.into_iter().map(|(v, label, checked)| view! {
                    <div class="choice">
                        <input type="radio" id=format!("field-visibility-{}", v.code()) name="visibility"
                            value=v.code() checked=checked />
                        <label for=format!("field-visibility-{}", v.code())>{label}</label>
                    </div>
                }).collect_view()}
            </FieldGroup>
            <FieldGroup name="join_policy" legend=t.join_policy problem=fields.problem("join_policy")>
                {policy_choice.into_iter().map(|(code, label, checked)| view! {
                    <div class="choice">
                        <input type="radio" id=format!("field-join-{code}") name="join_policy"
                            value=code checked=checked />
                        <label for=format!("field-join-{code}")>{label}</label>
                    </div>
                }).collect_view()}
            </FieldGroup>
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
            |(network, text)| super::directory::api::find_organisations(network, text),
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
    found: Vec<FoundOrganisation>,
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
    let regions = lan_names(&net.regions);
    let staircase = Staircase::parse(&net.staircase)
        .map(|s| s.label(lang))
        .unwrap_or_default();
    let themes = theme_names(&net.themes, lang);
    // What people wrote is Swedish: so marked in the English interface.
    let sv = (lang == Lang::En).then_some("sv");
    view! {
        <Title text=net.name.clone() />
        <h1 lang=sv>{net.name.clone()}</h1>
        <Notice show=query_has("startat") text=t.created id="startat" />
        {state_notice.map(|notice| view! { <p class="notice notice--state">{notice}</p> })}
        <p class="lead" lang=sv>{net.purpose.clone()}</p>
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
                    <Notice show=query_has("valkommen") text=t.welcome id="valkommen" />
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
        <Membership
            network=net.public_id.clone()
            own_requests=view.own_requests
            may_request_for=view.may_request_for
            may_leave_for=if net.status == NetworkStatus::Closed { Vec::new() } else { view.may_leave_for }
        />
        {can_govern.then(|| view! {
            <JoinRequests network=net.public_id.clone() requests=view.requests />
            <Invitations network=net.public_id.clone() invited=view.invited found />
            <Notice show=query_has("status") text=t.status_changed id="status-andrad" />
            <StatusChangeForm change=status_change(net.public_id.clone(), net.status, lang) />
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
            <Notice show=query_has("kalender") text=t.feed_rotated id="kalender-bytt" />
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

/// The coordinators' form for the lifecycle's next steps from `current`.
fn status_change(network: String, current: NetworkStatus, lang: crate::i18n::Lang) -> StatusChange {
    let t = text(lang);
    StatusChange {
        action: ChangeNetworkStatus::PATH,
        subject: ("network", network),
        options: NetworkStatus::ALL
            .into_iter()
            .filter(|next| current.can_become(*next))
            .map(|next| (next.code().into(), status_label(next, lang).into()))
            .collect(),
        heading: t.change_status,
        new_status: t.new_status,
        reason: t.reason,
        reason_max: REASON_MAX,
    }
}

/// The network's log in words: what happened, by whom, and why.
#[component]
fn AuditLog(network: String, entries: Vec<AuditEntry>) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let sv = (lang == Lang::En).then_some("sv");
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
                            <td>{e.summary}</td>
                            <td lang=sv>{e.reason}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}
