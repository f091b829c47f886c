//! The search's pages: the box in the header, the results page (`/sok`)
//! and the public board's search. All are plain GET forms, so they work
//! without JavaScript and every search has an address; a result's marked
//! words are `<mark>` elements around text, never HTML from the index.

use super::{text::text, Hit, Kind, Part, Results, SearchQuery, Status};
use crate::{
    i18n::{use_lang, Lang},
    ui::{
        form::{ErrorSummary, SelectField, TextField},
        query_value,
    },
};
use leptos::prelude::*;
use leptos_meta::Title;

/// The results' heading, which every search form lands on.
pub const RESULTS_ID: &str = "traffar";

fn sent_query() -> SearchQuery {
    SearchQuery {
        q: query_value("q"),
        typ: query_value("typ"),
        natverk: query_value("natverk"),
        status: query_value("status"),
        fran: query_value("fran"),
        till: query_value("till"),
        sida: query_value("sida"),
    }
}

/// The search box of every page's header (`id` its field's: the header
/// has one in its row and one in the folded menu of narrow screens).
#[component]
pub fn HeaderSearch(id: &'static str, class: &'static str) -> impl IntoView {
    let t = text(use_lang());
    view! {
        <form class=class method="get" action=format!("/sok#{RESULTS_ID}") role="search"
            aria-label=t.header_label>
            <label for=id class="visually-hidden">{t.header_label}</label>
            <input type="search" id=id name="q" />
            <button type="submit" class="button button--quiet">
                {t.button}<span class="visually-hidden">{t.in_samrad}</span>
            </button>
        </form>
    }
}

/// `/sok`: the search form with its filters, and one page of results.
#[component]
pub fn SearchPage() -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let sent = sent_query();
    let signed_in = crate::accounts::current_user().is_some();
    let results = (!sent.q.is_empty()).then(|| {
        let sent = sent.clone();
        Resource::new(|| (), move |_| super::api::search(sent.clone()))
    });
    let prefix = lang.t().error_title_prefix;
    view! {
        {match results {
            None => view! {
                <Title text=t.title />
                <h1>{t.title}</h1>
                <p class="lead">{t.lead}</p>
                {(!signed_in).then(|| view! { <p class="notice">{t.public_only}</p> })}
                <SearchForm sent=sent.clone() error=None networks=Vec::new() />
            }
            .into_any(),
            Some(results) => view! {
                <Suspense fallback=|| ()>
                    {move || {
                        let sent = sent.clone();
                        Suspend::new(async move {
                            let (error, found) = match results.await {
                                Ok(found) => (None, Some(found)),
                                Err(error) => (Some(error), None),
                            };
                            let title = match error {
                                Some(_) => format!("{prefix}{}", t.title),
                                None => format!("{} – {}", sent.q, t.title),
                            };
                            view! {
                                <Title text=title />
                                <h1>{t.title}</h1>
                                {(!signed_in).then(|| view! { <p class="notice">{t.public_only}</p> })}
                                <SearchForm sent=sent.clone() error
                                    networks=found.as_ref().map(|f| f.networks.clone()).unwrap_or_default() />
                                {found.map(|found| view! { <ResultList sent found base="/sok" /> })}
                            }
                        })
                    }}
                </Suspense>
            }
            .into_any(),
        }}
    }
}

/// The query and, under it, the filters; one submit, so the filters stay
/// with the words.
#[component]
fn SearchForm(
    sent: SearchQuery,
    error: Option<crate::error::AppError>,
    /// The networks the reader reads: (public id, name).
    networks: Vec<(String, String)>,
) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let problem = error.as_ref().and_then(|e| e.field_problem("q"));
    let value = error
        .as_ref()
        .and_then(|e| e.sent_value("q"))
        .map(str::to_string)
        .unwrap_or_else(|| sent.q.clone());
    let kinds: Vec<(String, String)> = std::iter::once((String::new(), t.any_kind.to_string()))
        .chain(
            Kind::ALL
                .iter()
                .map(|k| (k.code().to_string(), k.label(lang).to_string())),
        )
        .collect();
    let statuses = vec![
        (String::new(), t.any_status.to_string()),
        (Status::Current.code().to_string(), t.current.to_string()),
        (Status::Closed.code().to_string(), t.closed.to_string()),
    ];
    let filtered = [
        &sent.typ,
        &sent.natverk,
        &sent.status,
        &sent.fran,
        &sent.till,
    ]
    .iter()
    .any(|v| !v.is_empty());
    let network_select = (!networks.is_empty()).then(|| {
        let options: Vec<(String, String)> =
            std::iter::once((String::new(), t.any_network.to_string()))
                .chain(networks)
                .collect();
        view! { <SelectField name="natverk" label=t.network options selected=sent.natverk.clone() /> }
    });
    view! {
        <ErrorSummary error labels=vec![("q", t.label)] />
        <form method="get" action=format!("/sok#{RESULTS_ID}") role="search" aria-label=t.title
            class="search-page-form">
            <TextField name="q" label=t.label hint=t.hint kind="search" required=true
                max_length=super::QUERY_MAX as usize value problem />
            <details class="search-filters" open=filtered>
                <summary>{t.filters}</summary>
                <div class="filters">
                    <SelectField name="typ" label=t.kind options=kinds selected=sent.typ.clone() />
                    {network_select}
                    <SelectField name="status" label=t.status options=statuses selected=sent.status.clone() />
                    <TextField name="fran" label=t.from hint=t.date_hint kind="date" value=sent.fran.clone()
                        problem=None />
                    <TextField name="till" label=t.to hint=t.date_hint kind="date" value=sent.till.clone()
                        problem=None />
                </div>
            </details>
            <button type="submit" class="button">{t.button}</button>
        </form>
    }
}

/// The public board's search: its words go to the same index, over what
/// everyone may read.
#[component]
pub fn BoardSearch() -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let sent = SearchQuery {
        q: query_value("q"),
        sida: query_value("sida"),
        ..SearchQuery::default()
    };
    let results = (!sent.q.is_empty()).then(|| {
        let sent = sent.clone();
        Resource::new(|| (), move |_| super::api::search_public(sent.clone()))
    });
    let form = move |value: String,
                     problem: Option<crate::error::FieldProblem>,
                     error: Option<crate::error::AppError>| {
        view! {
            <ErrorSummary error labels=vec![("q", t.board_label)] />
            <form method="get" action=format!("/marknadsdialoger#{RESULTS_ID}") role="search"
                aria-label=t.board_label class="search-form">
                <TextField name="q" label=t.board_label hint=t.hint kind="search" required=true
                    max_length=super::QUERY_MAX as usize value problem />
                <button type="submit" class="button">{t.button}</button>
            </form>
        }
    };
    match results {
        None => form(sent.q.clone(), None, None).into_any(),
        Some(results) => view! {
            <Suspense fallback=|| ()>
                {move || {
                    let sent = sent.clone();
                    Suspend::new(async move {
                        match results.await {
                            Ok(found) => view! {
                                {form(sent.q.clone(), None, None)}
                                <ResultList sent found base="/marknadsdialoger" />
                            }
                            .into_any(),
                            Err(error) => {
                                let problem = error.field_problem("q");
                                form(sent.q.clone(), problem, Some(error)).into_any()
                            }
                        }
                    })
                }}
            </Suspense>
        }
        .into_any(),
    }
}

/// The results: how many of each kind (each a link to only that kind),
/// one page of hits, and the links to the other pages.
#[component]
fn ResultList(sent: SearchQuery, found: Results, base: &'static str) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let heading = match found.total {
        1 => t.one_result.replace("{q}", &sent.q),
        n => t
            .results
            .replace("{n}", &n.to_string())
            .replace("{q}", &sent.q),
    };
    let ignored = (!found.ignored.is_empty()).then(|| {
        let names: Vec<&str> = found
            .ignored
            .iter()
            .map(|name| match name.as_str() {
                "typ" => t.kind,
                "natverk" => t.network,
                "status" => t.status,
                "fran" => t.from,
                "till" => t.to,
                _ => t.page,
            })
            .collect();
        let names = names.join(", ");
        view! { <p class="notice" role="status">{format!("{} {names}", t.ignored)}</p> }
    });
    let all: i64 = found.counts.iter().map(|(_, n)| n).sum();
    let by_kind = (found.counts.len() > 1 || !sent.typ.is_empty()).then(|| {
        let link = |code: &str, label: String, current: bool| {
            let query = SearchQuery {
                typ: code.to_string(),
                sida: String::new(),
                ..sent.clone()
            };
            let href = format!("{}#{RESULTS_ID}", query.page_href(base, 1));
            view! {
                <li><a href=href aria-current=current.then_some("true")>{label}</a></li>
            }
        };
        let items: Vec<_> = std::iter::once(link(
            "",
            format!("{} ({all})", t.any_kind),
            sent.typ.is_empty(),
        ))
        .chain(found.counts.iter().map(|(kind, n)| {
            link(
                kind.code(),
                format!("{} ({n})", kind.label(lang)),
                sent.typ == kind.code(),
            )
        }))
        .collect();
        view! {
            <nav aria-label=t.by_kind class="search-kinds">
                <ul>{items}</ul>
            </nav>
        }
    });
    let pages = found.pages();
    let page = found.page;
    let paging = (pages > 1).then(|| {
        let href = |p: i64| format!("{}#{RESULTS_ID}", sent.page_href(base, p));
        let status = t
            .page_of
            .replace("{p}", &page.to_string())
            .replace("{n}", &pages.to_string());
        view! {
            <nav aria-label=t.pages class="pager">
                {(page > 1).then(|| view! { <a href=href(page - 1) rel="prev">{t.previous}</a> })}
                <span>{status}</span>
                {(page < pages).then(|| view! { <a href=href(page + 1) rel="next">{t.next}</a> })}
            </nav>
        }
    });
    let hits = found.hits;
    view! {
        <h2 id=RESULTS_ID tabindex="-1">{heading}</h2>
        {ignored}
        {by_kind}
        {if hits.is_empty() {
            view! { <p role="status">{t.no_results}</p> }.into_any()
        } else {
            view! {
                <ol class="plain-list search-hits" start=((page - 1) * super::PAGE_SIZE + 1).to_string()>
                    {hits.into_iter().map(|hit| view! { <HitItem hit lang /> }).collect_view()}
                </ol>
            }
            .into_any()
        }}
        {paging}
    }
}

/// Text with the query's words marked.
fn marked(parts: Vec<Part>) -> impl IntoView {
    parts
        .into_iter()
        .map(|part| match part.marked {
            true => view! { <mark>{part.text}</mark> }.into_any(),
            false => part.text.into_any(),
        })
        .collect_view()
}

/// One result: its kind, its title (marked), where it lives and a marked
/// snippet.
#[component]
fn HitItem(hit: Hit, lang: Lang) -> impl IntoView {
    let t = text(lang);
    let title = if hit.title.is_empty() {
        let name = match hit.row_kind.as_str() {
            "minutes" => t.minutes,
            "summary" => t.summary,
            "comment" => t.comment,
            _ => hit.kind.label(lang),
        };
        view! { {name} }.into_any()
    } else {
        marked(hit.title).into_any()
    };
    let network = match hit.network.is_empty() {
        true => t.public_part.to_string(),
        false => hit.network,
    };
    let parent =
        (!hit.parent.is_empty()).then(|| view! { <dt>{t.about}</dt><dd>{hit.parent}</dd> });
    view! {
        <li class="search-hit">
            <p class="search-hit__kind">{hit.kind.label(lang)}</p>
            <h3><a href=hit.path>{title}</a></h3>
            <p class="search-hit__snippet">{marked(hit.snippet)}</p>
            <dl class="facts"><dt>{t.found_in}</dt><dd>{network}</dd>{parent}</dl>
        </li>
    }
}
