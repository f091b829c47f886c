//! The board's page: its search, its filters and a page of dialogues.

use super::{BoardPage as Page, BoardQuery};
use crate::{
    dialogues::{
        market::text::text,
        record::pages::written_lang,
        text::{format_label, status_label, when},
        DialogueFormat,
    },
    i18n::{use_lang, Lang},
    regions,
    ui::{query_value, url_encode},
};
use leptos::prelude::*;
use leptos_meta::{Link, Title};

fn board_query() -> BoardQuery {
    BoardQuery {
        avdelning: query_value("avdelning"),
        lan: query_value("lan"),
        form: query_value("form"),
        oppen: query_value("oppen"),
        svar_fran: query_value("svar_fran"),
        efter: query_value("efter"),
    }
}

/// The public board of announced market dialogues.
#[component]
pub fn BoardPage() -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let query = board_query();
    // Searching, the board shows what the words found instead of the list.
    let searching = !query_value("q").is_empty();
    let filters = super::BoardFilter::query(&query);
    let feed = match filters.as_str() {
        "" => "/marknadsdialoger.atom".to_string(),
        q => format!("/marknadsdialoger.atom?{q}"),
    };
    let page = {
        let query = query.clone();
        Resource::new(|| (), move |_| super::api::board(query.clone()))
    };
    view! {
        <Title text=t.board_title />
        <Link rel="alternate" type_="application/atom+xml" href=feed.clone() title=t.board_title />
        <h1>{t.board_title}</h1>
        <p class="lead">{t.board_lead}</p>
        <p class="notice">{t.not_procurement}</p>
        <crate::search::pages::BoardSearch />
        {searching.then(|| view! { <p><a href="/marknadsdialoger">{t.show_all}</a></p> })}
        {(!searching).then(|| view! {
            <BoardFilters query=query.clone() />
            <p><a href=feed.clone()>{t.feed}</a></p>
        })}
        <Suspense fallback=|| ()>
            {move || {
                let filters = filters.clone();
                let first = !query.efter.is_empty();
                Suspend::new(async move {
                    if searching {
                        return ().into_any();
                    }
                    match page.await {
                        Ok(page) => view! { <BoardList page filters first /> }.into_any(),
                        Err(_) => view! { <p>{t.no_dialogues}</p> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// The board's filters: a plain GET form, so each filtered list has an
/// address (and a feed) of its own.
#[component]
fn BoardFilters(query: BoardQuery) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let divisions: Vec<(String, String)> = crate::cpv::divisions()
        .iter()
        .map(|d| {
            let name = if lang == Lang::Sv { d.sv } else { d.en };
            (d.code.to_string(), format!("{} {name}", d.code))
        })
        .collect();
    let lans: Vec<(String, String)> = regions::LAN
        .iter()
        .map(|l| (l.code.to_string(), l.name.to_string()))
        .collect();
    let forms: Vec<(String, String)> = DialogueFormat::ALL
        .iter()
        .map(|f| (f.code().to_string(), format_label(*f, lang).to_string()))
        .collect();
    let select = move |name: &'static str,
                       label: &'static str,
                       any: &'static str,
                       options: Vec<(String, String)>,
                       chosen: String| {
        let id = format!("filter-{name}");
        view! {
            <div class="field">
                <label for=id.clone()>{label}</label>
                <select id=id name=name>
                    <option value="" selected=chosen.is_empty()>{any}</option>
                    {options.into_iter().map(|(value, text)| {
                        let selected = value == chosen;
                        view! { <option value=value selected=selected>{text}</option> }
                    }).collect_view()}
                </select>
            </div>
        }
    };
    view! {
        <form method="get" action="/marknadsdialoger" class="filters" role="search" aria-label=t.filters>
            {select("avdelning", t.division, t.any_division, divisions, query.avdelning.clone())}
            {select("lan", t.lan, t.any_lan, lans, query.lan.clone())}
            {select("form", t.form, t.any_form, forms, query.form.clone())}
            <div class="field">
                <label for="filter-svar_fran">{t.deadline_from}</label>
                <input id="filter-svar_fran" name="svar_fran" type="text" inputmode="numeric"
                    autocomplete="off" value=query.svar_fran.clone() />
            </div>
            <div class="choice">
                <input id="filter-oppen" name="oppen" type="checkbox" value="1"
                    checked=query.oppen == "1" />
                <label for="filter-oppen">{t.open_only}</label>
            </div>
            <button type="submit" class="button">{t.filter_button}</button>
        </form>
    }
}

#[component]
fn BoardList(page: Page, filters: String, first: bool) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let written = written_lang(lang);
    let next = page.next.map(|cursor| match filters.as_str() {
        "" => format!("/marknadsdialoger?efter={}", url_encode(&cursor)),
        q => format!("/marknadsdialoger?{q}&efter={}", url_encode(&cursor)),
    });
    let start = match filters.as_str() {
        "" => "/marknadsdialoger".to_string(),
        q => format!("/marknadsdialoger?{q}"),
    };
    view! {
        {(!page.ignored.is_empty()).then(|| view! {
            <p class="notice" role="status">{format!("{} {}", t.ignored, page.ignored.join(", "))}</p>
        })}
        {if page.items.is_empty() {
            view! { <p>{t.no_dialogues}</p> }.into_any()
        } else {
            view! {
                <ul class="cards">
                    {page.items.into_iter().map(|item| {
                        let lan = regions::lan(&item.lan).map(|l| l.name).unwrap_or_default();
                        view! {
                            <li class="card">
                                <h2><a href=format!("/marknadsdialoger/{}", item.public_id) lang=written>{item.title}</a></h2>
                                <dl class="facts">
                                    <dt>{t.hosts}</dt><dd>{item.hosts}</dd>
                                    <dt>{t.form}</dt><dd>{format_label(item.form, lang)}</dd>
                                    <dt>{t.lan}</dt><dd>{lan}</dd>
                                    <dt>{t.answer_deadline}</dt><dd>{when(item.answer_deadline, lang)}</dd>
                                    <dt>{t.status}</dt><dd>{status_label(item.status, lang)}</dd>
                                </dl>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }
            .into_any()
        }}
        {(next.is_some() || first).then(|| view! {
            <nav aria-label=t.pages>
                {next.map(|href| view! { <p><a href=href rel="next">{t.next_page}</a></p> })}
                {first.then(|| view! { <p><a href=start>{t.first_page}</a></p> })}
            </nav>
        })}
    }
}
