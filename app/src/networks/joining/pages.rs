//! Joining's pages: the request form, the coordinators' requests,
//! leaving, the member roles, inviting, and answering invitations.

use super::{
    api::{
        AnswerInvitation, ChangeRole, DecideJoin, InviteOrganisation, LeaveNetwork, RequestJoin,
    },
    text::text as join_text,
    JoinRequest, OwnRequest,
};
use crate::{
    i18n::{use_lang, Lang},
    networks::{
        text::{role_label, text},
        FoundOrganisation, NetworkMember, NetworkRole, REASON_MAX,
    },
    ui::{
        confirm::ConfirmStep,
        form::{ErrorSummary, FormFeedback, Notice, SelectField, TextField},
        query_has, query_value,
    },
};
use leptos::{prelude::*, server_fn::ServerFn};

/// What the person's organisations have to do with the network: their
/// requests and what became of them, asking to join, and leaving. The
/// notices after asking or leaving stand here, where that was done.
#[component]
pub fn Membership(
    network: String,
    own_requests: Vec<OwnRequest>,
    may_request_for: Vec<(String, String)>,
    may_leave_for: Vec<(String, String)>,
) -> impl IntoView {
    let lang = use_lang();
    let (t, j) = (text(lang), join_text(lang));
    let sv = (lang == Lang::En).then_some("sv");
    let (asked, left) = (query_has("ansokt"), query_has("lamnat"));
    let shown = asked
        || left
        || !own_requests.is_empty()
        || !may_request_for.is_empty()
        || !may_leave_for.is_empty();
    shown.then(|| view! {
        <section aria-labelledby="medlemskap">
            <h2 id="medlemskap">{j.membership_heading}</h2>
            <Notice show=asked text=t.request_sent id="ansokt" />
            <Notice show=left text=t.left id="lamnat" />
            {own_requests.into_iter().map(|r| {
                let refused = r.status == "refused";
                view! {
                    <p class="request-state">
                        {format!("{} – ", r.organisation)}
                        {if refused { format!("{}: ", t.request_refused) } else { t.request_waiting.to_string() }}
                        {refused.then(|| view! { <span lang=sv>{r.reason}</span> })}
                    </p>
                }
            }).collect_view()}
            {(!may_request_for.is_empty()).then(|| view! {
                <RequestJoinForm network=network.clone() organisations=may_request_for />
            })}
            {(!may_leave_for.is_empty()).then(|| view! {
                <LeaveForms network=network.clone() organisations=may_leave_for />
            })}
        </section>
    })
}

/// An admin asks to join for one of their organisations, with a motivation.
#[component]
fn RequestJoinForm(network: String, organisations: Vec<(String, String)>) -> impl IntoView {
    let t = text(use_lang());
    let action = ServerAction::<RequestJoin>::new();
    let form = FormFeedback::for_action(RequestJoin::PATH);
    let fields = form.clone();
    let labels = vec![
        ("organisation", t.request_for),
        ("motivation", t.motivation),
    ];
    view! {
        <h3 id="ansok">{t.request_heading}</h3>
        <ErrorSummary level=4 error=form.error() labels />
        <ActionForm action>
            <input type="hidden" name="network" value=network />
            <SelectField name="organisation" label=t.request_for options=organisations
                selected=fields.value("organisation") required=true
                problem=fields.problem("organisation") />
            <TextField name="motivation" label=t.motivation hint=t.motivation_hint required=true
                multiline=true max_length=REASON_MAX value=fields.value("motivation")
                problem=fields.problem("motivation") />
            <button type="submit" class="button">{t.request_button}</button>
        </ActionForm>
    }
}

/// The waiting requests, for coordinators to approve or refuse. A refusal
/// is confirmed in a second step; a refused form's feedback stands on the
/// request it was about.
#[component]
pub fn JoinRequests(network: String, requests: Vec<JoinRequest>) -> impl IntoView {
    let lang = use_lang();
    let (t, j) = (text(lang), join_text(lang));
    let sv = (lang == Lang::En).then_some("sv");
    let form = FormFeedback::for_action(DecideJoin::PATH);
    let decided = query_has("beslut");
    let about = form.value("organisation");
    let on_a_request = requests.iter().any(|r| r.organisation_public_id == about);
    let labels = move || vec![("reason", t.refuse_reason), ("confirm", t.refuse)];
    (decided || !requests.is_empty()).then(|| view! {
        <section aria-labelledby="ansokningar">
            <h2 id="ansokningar">{t.requests_heading}</h2>
            <Notice show=decided text=t.decided id="beslut" />
            {(!on_a_request).then(|| view! { <ErrorSummary level=3 error=form.error() labels=labels() /> })}
            {requests.into_iter().map(|r| {
                let approve = ServerAction::<DecideJoin>::new();
                let refuse = ServerAction::<DecideJoin>::new();
                let fields = if r.organisation_public_id == about { form.clone() } else { FormFeedback::default() };
                let (network_a, network_r) = (network.clone(), network.clone());
                let (org_a, org_r) = (r.organisation_public_id.clone(), r.organisation_public_id.clone());
                let reason = if fields.error().is_some() {
                    view! {
                        <TextField name="reason" label=t.refuse_reason multiline=true max_length=REASON_MAX
                            value=fields.value("reason") problem=fields.problem("reason") />
                    }
                    .into_any()
                } else {
                    let id = format!("reason-{}", r.organisation_public_id);
                    view! {
                        <div class="field">
                            <label for=id.clone()>{t.refuse_reason}</label>
                            <textarea id=id name="reason" rows="3"></textarea>
                        </div>
                    }
                    .into_any()
                };
                let approve_label = format!(": {}", r.name);
                view! {
                    <article class="card request">
                        <h3>{r.name.clone()}</h3>
                        <p lang=sv>{r.motivation}</p>
                        <ErrorSummary level=4 error=fields.error() labels=labels() />
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
                            {reason}
                            <ConfirmStep
                                open=j.refuse_open.replace("{org}", &r.name)
                                explain=j.refuse_explain.replace("{org}", &r.name)
                                confirm=j.refuse_confirm.to_string()
                            />
                        </ActionForm>
                    </article>
                }
            }).collect_view()}
        </section>
    })
}

/// Leaving, for each organisation the person administers that is a
/// member, in two steps: it cannot be undone from here.
#[component]
fn LeaveForms(network: String, organisations: Vec<(String, String)>) -> impl IntoView {
    let lang = use_lang();
    let (t, j) = (text(lang), join_text(lang));
    let form = FormFeedback::for_action(LeaveNetwork::PATH);
    view! {
        <ErrorSummary level=4 error=form.error() labels=vec![("confirm", t.leave_button)] />
        {organisations.into_iter().map(|(public_id, name)| {
            let network = network.clone();
            let action = ServerAction::<LeaveNetwork>::new();
            view! {
                <ActionForm action>
                    <input type="hidden" name="network" value=network />
                    <input type="hidden" name="organisation" value=public_id />
                    <ConfirmStep
                        open=j.leave_open.replace("{org}", &name)
                        explain=j.leave_explain.replace("{org}", &name)
                        confirm=j.leave_confirm.to_string()
                    />
                </ActionForm>
            }
        }).collect_view()}
    }
}

/// The member list as coordinators see it: each organisation's role can
/// be changed. The server refuses to demote the last coordinator.
#[component]
pub fn MemberRoles(network: String, members: Vec<NetworkMember>) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let form = FormFeedback::for_action(ChangeRole::PATH);
    view! {
        <section aria-labelledby="medlemmar">
            <h2 id="medlemmar">{t.members_heading}</h2>
            <Notice show=query_has("roll") text=t.role_changed id="roll" />
            <Notice show=query_has("valkommen") text=t.welcome id="valkommen" />
            <ErrorSummary level=3 error=form.error() labels=vec![("role", t.invite_role)] />
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
pub fn Invitations(
    network: String,
    invited: Vec<NetworkMember>,
    found: Vec<FoundOrganisation>,
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
            <Notice show=query_has("inbjuden") text=t.invited_notice id="inbjuden" />
            <ErrorSummary level=3 error=form.error() labels=vec![("org_number", t.org_number), ("role", t.invite_role)] />
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

/// Invitations to the organisations I administer, to accept or decline.
#[component]
pub fn InvitationAnswers() -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let sv = (lang == Lang::En).then_some("sv");
    let invitations = Resource::new(|| (), |_| super::api::my_invitations());
    let form = FormFeedback::for_action(AnswerInvitation::PATH);
    view! {
        <Notice show=query_has("avbojd") text=t.declined id="avbojd" />
        <ErrorSummary level=4 error=form.error() />
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
                                    <h3 lang=sv>{i.network_name.clone()}</h3>
                                    <p lang=sv>{i.purpose}</p>
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
