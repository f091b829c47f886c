//! The warning before a session ends for being idle (WCAG 2.2.1): five
//! minutes before, a message with a button that keeps the session. Without
//! JavaScript there is no warning, but what a form sends after the session
//! ended comes back after signing in again (the server's `restore`).

use super::api::keep_signed_in;
use crate::{accounts::text::text, i18n::Lang};
use leptos::prelude::*;
use std::time::Duration;

/// How long before the end the warning shows.
const WARN_BEFORE_MS: i64 = 5 * 60 * 1000;

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Quiet,
    Warned,
    Kept,
}

/// Counts from the page's load: every request, this one too, starts the
/// idle time again.
#[island]
pub fn SessionWarning(idle_ms: i64, lang: Lang) -> impl IntoView {
    let t = text(lang);
    let state = RwSignal::new(State::Quiet);
    let arm = move || {
        let wait = u64::try_from((idle_ms - WARN_BEFORE_MS).max(0)).unwrap_or_default();
        // A browser's timer waits at most 2^31 - 1 ms (about 24 days); an
        // idle time longer than that needs no warning on this page.
        if wait > i32::MAX as u64 {
            return;
        }
        set_timeout(
            move || state.set(State::Warned),
            Duration::from_millis(wait),
        );
    };
    Effect::new(arm);
    let keep = move |_| {
        leptos::task::spawn_local(async move {
            if keep_signed_in().await.is_ok() {
                state.set(State::Kept);
                arm();
            }
        });
    };
    view! {
        <div class="session-warning" aria-live="assertive" aria-atomic="true">
            {move || match state.get() {
                State::Quiet => None,
                State::Warned => Some(view! {
                    <div class="session-warning__box">
                        <p>{t.session_ending}</p>
                        <button type="button" class="button" on:click=keep>{t.session_keep}</button>
                    </div>
                }.into_any()),
                State::Kept => Some(view! { <p class="notice">{t.session_kept}</p> }.into_any()),
            }}
        </div>
    }
}
