//! The search on the join-or-register page: a plain GET form (`sok`), so
//! it works without JavaScript and the search is in the URL, and the
//! hits, each with "Begär att gå med" or the asker's place in it.

use super::{api::AskToJoin, Hit, SearchText, SEARCH_MAX};
use crate::{
    i18n::use_lang,
    organisations::{pages::place_name, text::text, Status},
    ui::{
        form::{ErrorSummary, FormFeedback, TextField},
        query_has, query_value,
    },
};
use leptos::{prelude::*, server_fn::ServerFn};

/// The hits' heading, which the search form lands on.
const HITS_ID: &str = "traffar";

#[component]
pub fn SearchSection() -> impl IntoView {
    let t = text(use_lang());
    let sent = query_value("sok");
    let parsed = query_has("sok").then(|| SearchText::parse(&sent));
    let refused = parsed.as_ref().and_then(|p| p.as_ref().err()).cloned();
    let problem = refused.as_ref().and_then(|e| e.field_problem("sok"));
    let searched = parsed
        .and_then(Result::ok)
        .map(|text| text.text().to_string());
    let asked = FormFeedback::for_action(AskToJoin::PATH);
    let hits = searched.map(|text| {
        let heading = t.hits_heading.replace("{sok}", &text);
        let found = Resource::new(
            || (),
            move |_| super::api::search_organisations(text.clone()),
        );
        view! {
            <h3 id=HITS_ID tabindex="-1">{heading}</h3>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let found = found.await.unwrap_or_default();
                    if found.hits.is_empty() {
                        return view! { <p role="status">{t.no_hits}</p> }.into_any();
                    }
                    view! {
                        <ul class="plain-list hits">
                            {found.hits.into_iter().map(|hit| view! { <HitItem hit /> }).collect_view()}
                        </ul>
                        {found.more.then(|| view! { <p role="status">{t.more_hits}</p> })}
                    }
                    .into_any()
                })}
            </Suspense>
        }
    });
    view! {
        <section aria-labelledby="sok-rubrik" id="sok">
            <h2 id="sok-rubrik">{t.search_heading}</h2>
            <p>{t.search_lead}</p>
            // A refused search (too short, say) is said at the summary too,
            // which takes focus, as after any refused form.
            <ErrorSummary error=asked.error().or(refused) labels=vec![("sok", t.search_label)] level=3 />
            <form method="get" action=format!("/organisationer/ny#{HITS_ID}") role="search"
                aria-label=t.search_label>
                <TextField name="sok" label=t.search_label hint=t.search_hint kind="search"
                    required=true max_length=SEARCH_MAX value=sent problem />
                <button type="submit" class="button">{t.search_button}</button>
            </form>
            {hits}
        </section>
    }
}

/// One organisation found: what tells it apart from others of the same
/// name, and what the asker may do, or has done.
#[component]
fn HitItem(hit: Hit) -> impl IntoView {
    let t = text(use_lang());
    let place = place_name(hit.kommun_code.as_deref(), &hit.lan_code);
    let state = match hit.my_status {
        None => {
            let action = ServerAction::<AskToJoin>::new();
            let organisation = hit.public_id.clone();
            let named = format!(": {}", hit.name);
            view! {
                <ActionForm action>
                    <input type="hidden" name="organisation" value=organisation />
                    <button type="submit" class="button button--small">
                        {t.ask_to_join}<span class="visually-hidden">{named}</span>
                    </button>
                </ActionForm>
            }
            .into_any()
        }
        Some(Status::Pending) => view! { <p>{t.hit_pending}</p> }.into_any(),
        Some(Status::Active) => view! { <p>{t.hit_member}</p> }.into_any(),
        Some(Status::Refused) => view! { <p>{t.hit_refused}</p> }.into_any(),
    };
    view! {
        <li class="hit">
            <p>
                <a href=format!("/organisationer/{}", hit.public_id)>{hit.name.clone()}</a>
                " "
                {if hit.verified {
                    view! { <span class="badge badge--verified">{t.verified}</span> }.into_any()
                } else {
                    view! { <span class="badge">{t.not_verified}</span> }.into_any()
                }}
            </p>
            <dl class="facts">
                <dt>{t.org_number}</dt><dd>{hit.org_number.clone()}</dd>
                <dt>{t.lan}</dt><dd>{place}</dd>
            </dl>
            {state}
        </li>
    }
}
