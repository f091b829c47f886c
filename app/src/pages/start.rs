use crate::{
    i18n::use_lang,
    staircase::Staircase,
    ui::{query_value, staircase_explorer::StaircaseExplorer},
};
use leptos::prelude::*;
use leptos_meta::Title;

/// What Samråd is for, in plain words.
#[component]
pub fn StartPage() -> impl IntoView {
    let lang = use_lang();
    let t = lang.t();
    let selected = Staircase::parse(&query_value("steg")).unwrap_or_default();
    view! {
        <Title text=t.start_title />
        <h1>{t.start_title}</h1>
        <p class="lead">{t.start_lead}</p>
        <div class="cards">
            <section aria-labelledby="om-natverk" class="card">
                <h2 id="om-natverk">{t.start_networks_heading}</h2>
                <p>{t.start_networks_text}</p>
            </section>
            <section aria-labelledby="om-behov" class="card">
                <h2 id="om-behov">{t.start_needs_heading}</h2>
                <p>{t.start_needs_text}</p>
            </section>
            <section aria-labelledby="om-dialog" class="card">
                <h2 id="om-dialog">{t.start_dialogue_heading}</h2>
                <p>{t.start_dialogue_text}</p>
            </section>
        </div>
        <section aria-labelledby="innovationstrappan" class="staircase">
            <h2 id="innovationstrappan">{t.staircase_heading}</h2>
            <p>{t.staircase_intro}</p>
            <StaircaseExplorer selected lang />
        </section>
        <section aria-labelledby="om-regler">
            <h2 id="om-regler">{t.start_rules_heading}</h2>
            <p>{t.start_rules_text}</p>
        </section>
    }
}
