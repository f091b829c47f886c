use crate::{i18n::Lang, staircase::Staircase};
use leptos::prelude::*;

/// The innovation staircase, one step at a time. Each step is a link that
/// reloads the page with that step chosen, so it works without JavaScript;
/// once hydrated, a click switches the step in place.
#[island]
pub fn StaircaseExplorer(selected: Staircase, lang: Lang) -> impl IntoView {
    let current = RwSignal::new(selected);
    // Effects run only in the browser: `data-live` marks a hydrated island.
    let live = RwSignal::new(false);
    Effect::new(move || live.set(true));
    let t = lang.t();
    view! {
        <ul
            class="staircase-steps"
            aria-label=t.staircase_steps_label
            data-live=move || live.get().then_some("")
        >
            {Staircase::ALL
                .into_iter()
                .map(|step| {
                    view! {
                        <li>
                            <a
                                href=format!("/?steg={}#innovationstrappan", step.code())
                                aria-current=move || (current.get() == step).then_some("true")
                                on:click=move |ev| {
                                    ev.prevent_default();
                                    current.set(step);
                                }
                            >
                                {step.label(lang)}
                            </a>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        <div class="staircase-panel" aria-live="polite" data-testid="staircase-panel">
            <h3>{move || current.get().label(lang)}</h3>
            <p>{move || current.get().explanation(lang)}</p>
        </div>
    }
}
