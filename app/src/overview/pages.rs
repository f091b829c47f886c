//! The overview page: a getting-started step while the person cannot take
//! part yet, then four sections, each a list of links with a line of
//! context, or a sentence that says what to do next. The resource is
//! created at the top of the page, never inside the `Suspense`.

use super::{
    text::{self, text},
    Change, Draft, News, Occasion, Overview, Start, Subject, Upcoming, Waiting,
};
use crate::{
    accounts::signed_in_or_redirect,
    i18n::{use_lang, Lang},
    time::format_stockholm,
};
use leptos::prelude::*;
use leptos_meta::Title;

/// Text people wrote (names, titles) is Swedish: marked so in the English
/// interface (WCAG 3.1.2).
fn content(value: String, lang: Lang) -> impl IntoView {
    view! { <span lang=(lang == Lang::En).then_some("sv")>{value}</span> }
}

/// A time in Stockholm time, readable and machine-readable.
fn when(at: i64) -> impl IntoView {
    view! { <time datetime=format_stockholm(at)>{format_stockholm(at)}</time> }
}

#[component]
pub fn OverviewPage() -> impl IntoView {
    let t = text(use_lang());
    if signed_in_or_redirect().is_none() {
        return ().into_any();
    }
    let overview = Resource::new(|| (), |_| super::api::my_overview());
    view! {
        <Title text=t.title />
        <h1>{t.title}</h1>
        <p class="lead">{t.lead}</p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match overview.await {
                    Ok(overview) => view! { <Sections overview /> }.into_any(),
                    Err(_) => view! { <p class="notice notice--warning">{t.failed}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn Sections(overview: Overview) -> impl IntoView {
    let ready = overview.start == Start::Ready;
    view! {
        <StartStep start=overview.start />
        <WaitingSection items=overview.waiting />
        <UpcomingSection items=overview.upcoming ready />
        <DraftSection items=overview.drafts ready />
        <NewsSection items=overview.news since=overview.since first_visit=overview.first_visit ready />
    }
}

/// What holds a newcomer back, and the link that moves them on.
#[component]
fn StartStep(start: Start) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let link =
        |href: &'static str, label: &'static str| view! { <li><a href=href>{label}</a></li> };
    let (said, links) = match start {
        Start::Ready => return None,
        Start::ConfirmEmail => (
            t.confirm_email.to_string(),
            vec![link("/konto", t.account_link)],
        ),
        Start::NoOrganisation => (
            t.no_organisation.to_string(),
            vec![link("/organisationer/ny", t.organisation_link)],
        ),
        Start::Pending(names) => (text::pending(&names, lang), Vec::new()),
        Start::NotVerified(names) => (
            format!("{} {}", text::not_verified(&names, lang), t.verified_next),
            Vec::new(),
        ),
        Start::NoNetwork => (
            t.no_network.to_string(),
            vec![
                link("/natverk", t.directory_link),
                link("/natverk/nytt", t.new_network_link),
            ],
        ),
    };
    Some(view! {
        <section aria-labelledby="kom-igang" class="overview-start">
            <h2 id="kom-igang">{t.start_heading}</h2>
            <p>{said}</p>
            {(!links.is_empty()).then(|| view! { <ul class="overview-links">{links}</ul> })}
        </section>
    })
}

#[component]
fn WaitingSection(items: Vec<Waiting>) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    view! {
        <section aria-labelledby="vantar">
            <h2 id="vantar">{t.waiting_heading}</h2>
            {if items.is_empty() {
                view! { <p>{t.waiting_empty}</p> }.into_any()
            } else {
                view! {
                    <ul class="overview-list">
                        {items.into_iter().map(|item| waiting_item(item, lang)).collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
    }
}

fn waiting_item(item: Waiting, lang: Lang) -> impl IntoView {
    let t = text(lang);
    let href = item.href();
    let (link, context) = match item {
        Waiting::JoinRequest {
            network,
            organisation,
            since,
        } => (
            view! { {t.join_request_from}" "{content(organisation, lang)} }.into_any(),
            view! { {content(network.name, lang)}", "{t.requested}" "{when(since)} }.into_any(),
        ),
        Waiting::Invitation {
            network,
            organisation,
            role,
            since,
        } => (
            view! { {t.invitation_to}" "{content(network.name, lang)} }.into_any(),
            view! {
                {t.invited_for}" "{content(organisation, lang)}" "{t.invited_as}" "
                {crate::networks::text::role_label(role, lang)}", "{when(since)}
            }
            .into_any(),
        ),
        Waiting::Requirements {
            need,
            network,
            count,
            since,
        } => (
            view! { {text::requirements(count, lang)}" "{content(need.name, lang)} }.into_any(),
            view! { {content(network, lang)}", "{t.latest}" "{when(since)} }.into_any(),
        ),
        Waiting::Text {
            dialogue,
            network,
            kind,
            meeting,
            since,
        } => (
            view! { {text::to_approve(kind, lang)}" "{content(dialogue.name, lang)} }.into_any(),
            view! {
                {content(network, lang)}
                {meeting.map(|at| view! { ", "{t.meeting_of}" "{when(at)} })}
                ", "{t.written}" "{when(since)}
            }
            .into_any(),
        ),
        Waiting::Person {
            organisation,
            person,
            since,
        } => (
            view! { {person}" "{t.asks_to_join}" "{content(organisation.name, lang)} }.into_any(),
            view! { {t.asked}" "{when(since)} }.into_any(),
        ),
        Waiting::Verification { count, since } => (
            view! { {text::verification(count, lang)} }.into_any(),
            view! { {t.claims_link}", "{t.latest}" "{when(since)} }.into_any(),
        ),
    };
    view! {
        <li>
            <a href=href>{link}</a>
            <span class="overview-list__context">{context}</span>
        </li>
    }
}

#[component]
fn UpcomingSection(items: Vec<Upcoming>, ready: bool) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    view! {
        <section aria-labelledby="kommande">
            <h2 id="kommande">{t.upcoming_heading}</h2>
            <p>{t.upcoming_lead}</p>
            {if !items.is_empty() {
                view! {
                    <ul class="overview-list">
                        {items.into_iter().map(|item| upcoming_item(item, lang)).collect_view()}
                    </ul>
                }
                .into_any()
            } else if ready {
                view! {
                    <p>{t.upcoming_empty}</p>
                    <p><a href="/natverk/mina">{t.my_networks_link}</a></p>
                }
                .into_any()
            } else {
                view! { <p>{t.after_joining}</p> }.into_any()
            }}
        </section>
    }
}

fn upcoming_item(item: Upcoming, lang: Lang) -> impl IntoView {
    let t = text(lang);
    let status = crate::dialogues::text::status_label(item.status, lang);
    let (what, until, place) = match item.occasion {
        Occasion::Meeting {
            ends_at,
            place,
            online,
        } => {
            let place = match (place.is_empty(), online) {
                (false, _) => Some(content(place, lang).into_any()),
                (true, true) => Some(view! { {t.online} }.into_any()),
                (true, false) => None,
            };
            (
                t.meeting,
                Some(crate::time::stockholm_parts(ends_at).1),
                place,
            )
        }
        Occasion::Deadline => (t.deadline, None, None),
    };
    view! {
        <li>
            <a href=format!("/dialoger/{}", item.dialogue.public_id)>
                {what}" "{when(item.at)}{until.map(|end| format!("–{end}"))}": "
                {content(item.dialogue.name, lang)}
            </a>
            <span class="overview-list__context">
                {content(item.network, lang)}
                {place.map(|p| view! { ", "{p} })}
                ", "{status}
                {item.registered.then(|| view! { " "<strong class="overview-mark">{t.registered}</strong> })}
            </span>
        </li>
    }
}

#[component]
fn DraftSection(items: Vec<Draft>, ready: bool) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    view! {
        <section aria-labelledby="utkast">
            <h2 id="utkast">{t.drafts_heading}</h2>
            {if !items.is_empty() {
                view! {
                    <ul class="overview-list">
                        {items.into_iter().map(|d| view! {
                            <li>
                                <a href=format!("/behov/{}", d.need.public_id)>{content(d.need.name, lang)}</a>
                                <span class="overview-list__context">
                                    {content(d.network, lang)}", "{content(d.organisation, lang)}", "
                                    {t.edited}" "{when(d.updated_at)}
                                </span>
                            </li>
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            } else if ready {
                view! { <p>{t.drafts_empty}</p> }.into_any()
            } else {
                view! { <p>{t.after_joining}</p> }.into_any()
            }}
        </section>
    }
}

#[component]
fn NewsSection(items: Vec<News>, since: i64, first_visit: bool, ready: bool) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let period = if first_visit {
        view! { {t.news_first_visit} }.into_any()
    } else {
        view! { {t.news_since}" "{when(since)}"." }.into_any()
    };
    view! {
        <section aria-labelledby="nytt">
            <h2 id="nytt">{t.news_heading}</h2>
            <p>{period}</p>
            {if !items.is_empty() {
                view! {
                    <ul class="overview-list">
                        {items.into_iter().map(|item| news_item(item, lang)).collect_view()}
                    </ul>
                }
                .into_any()
            } else if ready {
                view! {
                    <p>{t.news_empty}</p>
                    <p><a href="/behov">{t.all_needs_link}</a></p>
                }
                .into_any()
            } else {
                view! { <p>{t.after_joining}</p> }.into_any()
            }}
        </section>
    }
}

fn news_item(item: News, lang: Lang) -> impl IntoView {
    let t = text(lang);
    let href = item.subject.href();
    let name = item.subject.name().to_string();
    // A new member's line names the network already.
    let network =
        (!matches!(item.subject, Subject::Network(_))).then(|| content(item.network, lang));
    let (label, detail) = match item.change {
        Change::NeedShared { owner } => (
            t.need_shared.to_string(),
            Some(view! { {t.shared_by}" "{content(owner, lang)} }.into_any()),
        ),
        Change::NeedChanged { status } => (
            t.need_changed.to_string(),
            Some(
                view! { {t.status_now}" "{crate::needs::text::status_label(status, lang)} }
                    .into_any(),
            ),
        ),
        Change::DialoguePlanned => (t.dialogue_planned.to_string(), None),
        Change::DialogueMoved { status } => (
            format!("{}:", t.dialogue_moved),
            Some(
                view! { {t.status_now}" "{crate::dialogues::text::status_label(status, lang)} }
                    .into_any(),
            ),
        ),
        Change::Answers { count } => (text::answers(count, lang), None),
        Change::Approved { kind } => (text::approved(kind, lang).to_string(), None),
        Change::Member { organisation } => (
            t.new_member.to_string(),
            Some(content(organisation, lang).into_any()),
        ),
        Change::Comments { count } => (text::comments(count, lang), None),
    };
    view! {
        <li>
            <a href=href>{label}" "{content(name, lang)}</a>
            <span class="overview-list__context">
                {network.map(|n| view! { {n}", " })}
                {detail.map(|d| view! { {d}", " })}
                {when(item.at)}
            </span>
        </li>
    }
}
