//! The organisations room's pages: joining or registering one, and an
//! organisation's page with its people (the claims site admins settle are
//! in `claims`).

use super::{
    api::{
        DecideMember, DemoteAdmin, MakeAdmin, RegisterOrganisation, RemoveMember, ResendLink,
        VerifyOrganisation,
    },
    search::pages::SearchSection,
    text::text,
    Member, OrgKind, OrganisationView, Role, Status,
};
use crate::{
    accounts::verification::pages::VerifyReminder,
    error::AppError,
    i18n::use_lang,
    regions,
    ui::{
        confirm::ConfirmStep,
        form::{ErrorSummary, FormFeedback, Notice, SelectField, TextField},
        query_has,
    },
};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// The notices beside what changed, which the server's redirects point at.
pub const ASKED_NOTICE: &str = "ansokan";
pub const VERIFIED_NOTICE: &str = "verifierad";
pub const DECIDED_NOTICE: &str = "beslut-sparat";
pub const PEOPLE_NOTICE: &str = "personer-andrade";

/// The join-or-register page's own address.
const JOIN_OR_REGISTER: &str = "/organisationer/ny";

/// "Kommun, Län", or the län alone.
pub(crate) fn place_name(kommun_code: Option<&str>, lan_code: &str) -> String {
    [
        kommun_code.and_then(regions::kommun).map(|k| k.name),
        regions::lan(lan_code).map(|l| l.name),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(", ")
}

/// Joining an organisation already in Samråd (found by name or number,
/// nothing typed again), or registering a new one below.
#[component]
pub fn JoinOrRegisterPage() -> impl IntoView {
    let t = text(use_lang());
    let Some(user) = crate::accounts::signed_in_or_redirect() else {
        return ().into_any();
    };
    // "Skicka länken igen" sends the registration form too, and it comes
    // back as typed: then it is that function's feedback that holds it.
    let resent = FormFeedback::for_action(ResendLink::PATH);
    let link_sent = matches!(resent.error(), Some(AppError::Validation { .. }));
    // Any other refusal of it (too many links) is said like any other.
    let form = if resent.error().is_some() {
        resent
    } else {
        FormFeedback::for_action(RegisterOrganisation::PATH)
    };
    let refused_unverified =
        !user.verified && matches!(form.error(), Some(AppError::Validation { .. }));
    view! {
        <Title text=t.page_title />
        <h1>{t.page_title}</h1>
        <p class="lead">{t.page_lead}</p>
        {(!user.verified && !refused_unverified).then(|| view! {
            <VerifyReminder email=user.email.clone() back=JOIN_OR_REGISTER.to_string() />
        })}
        <SearchSection />
        <RegistrationSection form refused_unverified link_sent />
    }
    .into_any()
}

#[component]
fn RegistrationSection(
    form: FormFeedback,
    refused_unverified: bool,
    link_sent: bool,
) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let action = ServerAction::<RegisterOrganisation>::new();
    let fields = form.clone();
    let kinds = std::iter::once((String::new(), t.choose_kind.to_string()))
        .chain(
            OrgKind::ALL
                .iter()
                .map(|k| (k.code().to_string(), k.label(lang).to_string())),
        )
        .collect::<Vec<_>>();
    let lan_options = std::iter::once((String::new(), t.choose_lan.to_string()))
        .chain(
            regions::LAN
                .iter()
                .map(|l| (l.code.to_string(), l.name.to_string())),
        )
        .collect::<Vec<_>>();
    let chosen_kommun = fields.value("kommun");
    let kommun_problem = fields.problem("kommun");
    let kommun_described_by = match kommun_problem {
        Some(_) => "field-kommun-hint field-kommun-error",
        None => "field-kommun-hint",
    };
    let labels = vec![
        ("org_number", t.org_number),
        ("name", t.name),
        ("kind", t.kind),
        ("lan", t.lan),
        ("kommun", t.kommun),
        ("website", t.website),
    ];
    let summary = if refused_unverified {
        view! { <UnverifiedRefusal error=form.error() labels link_sent /> }.into_any()
    } else {
        view! { <ErrorSummary error=form.error() labels /> }.into_any()
    };
    view! {
        <section aria-labelledby="registrera-rubrik" id="registrera">
            <h2 id="registrera-rubrik">{t.register_title}</h2>
            <p>{t.register_lead}</p>
            {summary}
            <ActionForm action>
                <TextField name="org_number" label=t.org_number hint=t.org_number_hint required=true
                    max_length=11usize value=fields.value("org_number") problem=fields.problem("org_number") />
                <TextField name="name" label=t.name required=true autocomplete="organization"
                    max_length=super::NAME_MAX value=fields.value("name") problem=fields.problem("name") />
                <SelectField name="kind" label=t.kind options=kinds selected=fields.value("kind")
                    required=true problem=fields.problem("kind") />
                <SelectField name="lan" label=t.lan options=lan_options selected=fields.value("lan")
                    required=true problem=fields.problem("lan") />
                <div class="field" class:field--invalid=kommun_problem.is_some()>
                    <label for="field-kommun">{t.kommun}</label>
                    <p class="hint" id="field-kommun-hint">{t.kommun_hint}</p>
                    {kommun_problem.map(|p| view! { <p class="field-error" id="field-kommun-error">{p.message(lang)}</p> })}
                    <select id="field-kommun" name="kommun"
                        aria-describedby=kommun_described_by
                        aria-invalid=kommun_problem.map(|_| "true")>
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
                // Sends this form to the new link, so that what was typed
                // comes back with it; after "Registrera", which Enter in a
                // field stays with.
                {refused_unverified.then(|| view! {
                    <button type="submit" formaction=ResendLink::PATH class="button button--quiet-dark">
                        {t.unverified_refusal_link}
                    </button>
                })}
            </ActionForm>
        </section>
    }
}

/// A registration sent before the address was verified: what to do, that
/// a new link was sent (the form's own button sends one), and what else
/// needs correcting. Everything typed is back in the form below it.
#[component]
fn UnverifiedRefusal(
    error: Option<AppError>,
    labels: Vec<(&'static str, &'static str)>,
    /// A new link was just mailed from here.
    link_sent: bool,
) -> impl IntoView {
    let resent = crate::accounts::verification::text::text(use_lang()).resent;
    let lang = use_lang();
    let t = text(lang);
    let problems = match error {
        Some(AppError::Validation { fields, .. }) => fields,
        _ => Vec::new(),
    };
    view! {
        <div class="error-summary" role="alert" tabindex="-1" id="error-summary"
            aria-labelledby="error-summary-heading" autofocus=true>
            <h3 id="error-summary-heading">{t.unverified_refusal_heading}</h3>
            <p>{t.unverified_refusal}</p>
            {(!problems.is_empty()).then(|| view! {
                <ul>
                    {problems.into_iter().map(|f| {
                        let label = labels
                            .iter()
                            .find(|(name, _)| *name == f.field)
                            .map(|(_, label)| *label)
                            .unwrap_or_default();
                        view! {
                            <li>
                                <a href=format!("#field-{}", f.field)>
                                    {format!("{label}: {}", f.problem.message(lang))}
                                </a>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
            {link_sent.then(|| view! { <p role="status">{resent}</p> })}
        </div>
    }
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
    let place = place_name(org.kommun_code.as_deref(), &org.lan_code);
    let decides = view.decides;
    let verify = ServerAction::<VerifyOrganisation>::new();
    let public_id = org.public_id.clone();
    let (pending, active): (Vec<Member>, Vec<Member>) = view
        .members
        .into_iter()
        .partition(|m| m.status == Status::Pending);
    let requested = match org.verified {
        true => t.join_requested,
        false => t.join_requested_unverified,
    };
    view! {
        <Title text=org.name.clone() />
        <h1>
            {org.name.clone()}
            {org.verified.then(|| view! { <span class="badge badge--verified">{t.verified}</span> })}
        </h1>
        <Notice show=query_has("verifierad") text=t.verified_done id=VERIFIED_NOTICE />
        <Notice show=query_has("registrerad") text=t.created id=ASKED_NOTICE />
        <Notice show=query_has("ansokt") text=requested id=ASKED_NOTICE />
        <Notice show=query_has("redan") text=t.already_member id=ASKED_NOTICE />
        <dl class="facts">
            <dt>{t.org_number}</dt><dd>{org.org_number.clone()}</dd>
            <dt>{t.kind}</dt><dd>{kind}</dd>
            <dt>{t.lan}</dt><dd>{place}</dd>
            {(!org.website.is_empty()).then(|| view! {
                <dt>{t.website}</dt>
                <dd><a href=org.website.clone() rel="nofollow noopener">{org.website.clone()}</a></dd>
            })}
        </dl>
        {(!org.verified).then(|| view! {
            <div class="not-verified">
                <p><strong>{t.not_verified}</strong></p>
                <p>{t.not_verified_explain}</p>
            </div>
        })}
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

/// Requests to join, for those who decide: who is asking (as they
/// described themselves) and since when.
#[component]
fn PendingRequests(organisation: String, pending: Vec<Member>) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let form = FormFeedback::for_action(DecideMember::PATH);
    view! {
        <section aria-labelledby="ansokningar">
            <h2 id="ansokningar">{t.pending_heading}</h2>
            <Notice show=query_has("beslut") text=t.decided id=DECIDED_NOTICE />
            <ErrorSummary error=form.error() />
            {if pending.is_empty() {
                view! { <p>{t.no_pending}</p> }.into_any()
            } else {
                view! { <p>{t.pending_lead}</p> }.into_any()
            }}
            <ul class="plain-list">
                {pending.into_iter().map(|m| {
                    let organisation = organisation.clone();
                    let action = ServerAction::<DecideMember>::new();
                    let who = m.name.clone();
                    let title = match m.title.is_empty() {
                        true => t.request_no_title.to_string(),
                        false => m.title.clone(),
                    };
                    view! {
                        <li class="request">
                            <h3>{who.clone()}</h3>
                            <dl class="facts">
                                <dt>{t.request_email}</dt><dd>{m.email.clone()}</dd>
                                <dt>{t.request_title}</dt><dd lang=(lang == crate::i18n::Lang::En).then_some("sv")>{title}</dd>
                                <dt>{t.request_asked}</dt><dd>{crate::time::format_stockholm(m.requested_at)}</dd>
                            </dl>
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

/// A person as the organisation's people see them: name, title and
/// address (the address only for those who decide).
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
    let error = FormFeedback::for_action(RemoveMember::PATH)
        .error()
        .or(FormFeedback::for_action(DemoteAdmin::PATH).error())
        .or(FormFeedback::for_action(MakeAdmin::PATH).error());
    view! {
        <section aria-labelledby="personer">
            <h2 id="personer">{t.members_heading}</h2>
            <Notice show=query_has("borttagen") text=t.removed id=PEOPLE_NOTICE />
            <Notice show=query_has("roll") text=t.role_changed id=PEOPLE_NOTICE />
            <ErrorSummary error labels=vec![("confirm", t.confirm_label)] />
            <ul class="plain-list">
                {members.into_iter().map(|m| {
                    let who = person(&m);
                    let role = if m.role == Role::Admin { t.role_admin } else { t.role_member };
                    let actions = decides.then(|| view! {
                        <MemberActions organisation=organisation.clone() member=m />
                    });
                    view! { <li><span>{format!("{who} ({role})")}</span>{actions}</li> }
                }).collect_view()}
            </ul>
        </section>
    }
}

/// What those who decide may do with an active member: change the role,
/// or take them out after the confirming step. Every button names them.
#[component]
fn MemberActions(organisation: String, member: Member) -> impl IntoView {
    let t = text(use_lang());
    let name = member.name.clone();
    let named = format!(": {name}");
    let for_role = organisation.clone();
    let change_role = if member.role == Role::Member {
        let action = ServerAction::<MakeAdmin>::new();
        view! {
            <ActionForm action>
                <input type="hidden" name="organisation" value=for_role />
                <input type="hidden" name="account_id" value=member.account_id />
                <button type="submit" class="button button--small">
                    {t.make_admin}<span class="visually-hidden">{named.clone()}</span>
                </button>
            </ActionForm>
        }
        .into_any()
    } else {
        let action = ServerAction::<DemoteAdmin>::new();
        view! {
            <ActionForm action>
                <input type="hidden" name="organisation" value=for_role />
                <input type="hidden" name="account_id" value=member.account_id />
                <button type="submit" class="button button--small button--quiet-dark">
                    {t.demote_admin}<span class="visually-hidden">{named.clone()}</span>
                </button>
            </ActionForm>
        }
        .into_any()
    };
    let remove = ServerAction::<RemoveMember>::new();
    let with_name = |template: &str| template.replace("{namn}", &name);
    let (open, explain, confirm) = (
        with_name(t.remove_member),
        with_name(t.remove_explain),
        with_name(t.remove_confirm),
    );
    view! {
        {change_role}
        <ActionForm action=remove>
            <input type="hidden" name="organisation" value=organisation />
            <input type="hidden" name="account_id" value=member.account_id />
            <ConfirmStep open explain confirm />
        </ActionForm>
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
            <p><a href=JOIN_OR_REGISTER>{t.register_link}</a></p>
        </section>
    }
}
