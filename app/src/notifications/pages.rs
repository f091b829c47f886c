//! The notifications page, and the unread count the header shows on every
//! page (rendered on the server; with JavaScript an island keeps it up to
//! date while the page is open).

use super::{
    api::{MarkAllRead, MarkRead},
    text::{self, text},
    Inbox, Notification,
};
use crate::{
    accounts::signed_in_or_redirect,
    i18n::{use_lang, Lang},
    time::format_stockholm,
    ui::form::{ErrorSummary, FormFeedback, Notice},
    ui::{query_has, query_value},
};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;

#[component]
pub fn NotificationsPage() -> impl IntoView {
    let t = text(use_lang());
    if signed_in_or_redirect().is_none() {
        return ().into_any();
    }
    let inbox = Resource::new(|| (), |_| super::api::inbox());
    let error = FormFeedback::for_action(MarkRead::PATH)
        .error()
        .or(FormFeedback::for_action(MarkAllRead::PATH).error());
    view! {
        <Title text=t.title />
        <h1>{t.title}</h1>
        <p class="lead">{t.lead}</p>
        <ErrorSummary error />
        <Notice show=query_has("alla-lasta") text=t.all_marked_read />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match inbox.await {
                    Ok(inbox) => view! { <InboxList inbox /> }.into_any(),
                    Err(_) => view! { <p class="notice notice--warning">{t.failed}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn InboxList(inbox: Inbox) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    // Marking all read is offered whenever the count says so, even where
    // nothing is listed: the header and the page never disagree for long.
    if inbox.items.is_empty() && inbox.unread == 0 {
        return view! { <p>{t.none}</p> }.into_any();
    }
    let all = ServerAction::<MarkAllRead>::new();
    let last = query_value("last");
    view! {
        <section aria-labelledby="senaste">
            <h2 id="senaste">{t.history}</h2>
            <p>{text::unread(inbox.unread, lang)}</p>
            {(inbox.unread > 0).then(|| view! {
                <ActionForm action=all>
                    <button type="submit" class="button button--quiet">{t.mark_all_read}</button>
                </ActionForm>
            })}
            <ol class="notification-list">
                {inbox.items.into_iter().map(|n| {
                    let just_read = last == n.id.to_string();
                    view! { <Item n just_read /> }
                }).collect_view()}
            </ol>
        </section>
    }
    .into_any()
}

/// Text people wrote (names, titles) is Swedish: marked so in the English
/// interface (WCAG 3.1.2).
fn content(value: String, lang: Lang) -> impl IntoView {
    view! { <span lang=(lang == Lang::En).then_some("sv")>{value}</span> }
}

#[component]
fn Item(n: Notification, just_read: bool) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let action = ServerAction::<MarkRead>::new();
    let id = n.id.to_string();
    let link_id = format!("avisering-lank-{id}");
    let item_id = format!("avisering-{id}");
    let href = n.href();
    // What happened is in the reader's language; what it is about is
    // what people wrote.
    let (what, about) = text::line(&n, lang);
    let (read, at) = (n.read, n.at);
    let class = if read {
        "notification"
    } else {
        "notification notification--unread"
    };
    view! {
        <li class=class id=item_id>
            <p class="notification__what">
                <a href=href id=link_id.clone()>
                    {(!read).then(|| view! { <span class="badge">{t.new_badge}</span>" " })}
                    {what}" "{content(about, lang)}
                </a>
            </p>
            <p class="notification__where">
                {t.in_network}" "{content(n.network, lang)}", "
                <time datetime=format_stockholm(at)>{format_stockholm(at)}</time>
            </p>
            <Notice show=just_read text=t.marked_read />
            {(!read).then(|| view! {
                <ActionForm action>
                    <input type="hidden" name="notification" value=id />
                    <button type="submit" class="button button--small button--quiet"
                        aria-describedby=link_id>
                        {t.mark_read}
                    </button>
                </ActionForm>
            })}
        </li>
    }
}

/// The header's unread count, after the link text: a number, and for
/// screen readers what it counts; nothing shown when all is read. With
/// JavaScript it asks again every minute.
#[island]
pub fn UnreadCount(initial: i64, lang: Lang) -> impl IntoView {
    let t = text(lang);
    let count = RwSignal::new(initial);
    Effect::new(move || {
        let handle = set_interval_with_handle(
            move || {
                leptos::task::spawn_local(async move {
                    if let Ok(n) = super::api::unread_count().await {
                        count.set(n);
                    }
                });
            },
            std::time::Duration::from_secs(60),
        );
        on_cleanup(move || {
            if let Ok(handle) = handle {
                handle.clear();
            }
        });
    });
    // The same elements whatever the count, so the page and the island
    // agree when it wakes; at nought the number is hidden.
    view! {
        <span class="unread-count" hidden=move || count.get() == 0>
            {move || count.get()}
        </span>
        <span class="visually-hidden">
            {move || if count.get() > 0 { t.unread_suffix } else { "" }}
        </span>
    }
}
