//! Joining's pages: the request form, the coordinators' requests,
//! leaving, the member roles, inviting, and answering invitations.

use super::{
    api::{
        AnswerInvitation, ChangeRole, DecideJoin, InviteOrganisation, LeaveNetwork, RequestJoin,
    },
    JoinRequest,
};
use crate::{
    i18n::use_lang,
    networks::{
        text::{role_label, text},
        FoundOrganisation, NetworkMember, NetworkRole, REASON_MAX,
    },
    ui::{
        form::{ErrorSummary, FormFeedback, Notice, SelectField, TextField},
        query_has, query_value,
    },
};
use leptos::{prelude::*, server_fn::ServerFn};

/// An admin asks to join for one of their organisations, with a motivation.
#[component]
pub fn RequestJoinForm(network: String, organisations: Vec<(String, String)>) -> impl IntoView {
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
                    multiline=true max_length=REASON_MAX value=fields.value("motivation")
                    problem=fields.problem("motivation") />
                <button type="submit" class="button">{t.request_button}</button>
            </ActionForm>
        </section>
    }
}

/// The waiting requests, for coordinators to approve or refuse.
#[component]
pub fn JoinRequests(network: String, requests: Vec<JoinRequest>) -> impl IntoView {
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
                                <textarea id=id name="reason" rows="3" maxlength=REASON_MAX></textarea>
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

/// One button per organisation the person administers that is a member.
#[component]
pub fn LeaveForms(network: String, organisations: Vec<(String, String)>) -> impl IntoView {
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

/// Invitations to the organisations I administer, to accept or decline.
#[component]
pub fn InvitationAnswers() -> impl IntoView {
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
