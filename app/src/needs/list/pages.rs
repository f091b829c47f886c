//! The lists of needs: on a network's page and across my networks, with
//! the filter form (a plain GET, so the filters live in the URL) and the
//! pager. Every resource is created at the top of its page, never inside
//! a `Suspense` (leptos-rs/leptos#4866).

use super::NeedPage;
use crate::{
    i18n::use_lang,
    needs::{
        demand,
        text::{kronor, status_label, text},
        NeedStatus,
    },
    regions,
    staircase::Staircase,
    time::format_stockholm,
    ui::query_value,
};
use leptos::prelude::*;
use leptos_meta::Title;

/// The list filters as they come from the page's query.
#[derive(Clone, Default)]
pub struct ListQuery {
    pub status: String,
    pub staircase: String,
    pub division: String,
    pub lan: String,
    pub sort: String,
    /// Where this page starts (the last need of the previous one).
    pub after: String,
}

impl ListQuery {
    pub fn from_url() -> ListQuery {
        ListQuery {
            status: query_value("status"),
            staircase: query_value("niva"),
            division: query_value("huvudgrupp"),
            lan: query_value("lan"),
            sort: query_value("sortering"),
            after: query_value("efter"),
        }
    }

    /// The filters as a query string, without the page.
    fn filters(&self) -> String {
        [
            ("status", &self.status),
            ("niva", &self.staircase),
            ("huvudgrupp", &self.division),
            ("lan", &self.lan),
            ("sortering", &self.sort),
        ]
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={}", crate::ui::url_encode(v)))
        .collect::<Vec<_>>()
        .join("&")
    }
}

/// The filter form (a plain GET, so the filters live in the URL) and the
/// list of needs.
#[component]
pub fn NeedList(
    /// Where the filter form sends its query.
    action: String,
    query: ListQuery,
    page: NeedPage,
    /// Whether to name each need's network (the list across networks).
    #[prop(optional)]
    show_network: bool,
) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let demand_heading = demand::text::text(lang).demand_heading;
    let NeedPage { needs, next } = page;
    let filters = query.filters();
    let sep = if filters.is_empty() { "" } else { "&" };
    let next_href = next.map(|cursor| {
        format!(
            "{action}?{filters}{sep}efter={}",
            crate::ui::url_encode(&cursor)
        )
    });
    let first_href = (!query.after.is_empty()).then(|| {
        if filters.is_empty() {
            action.clone()
        } else {
            format!("{action}?{filters}")
        }
    });
    let option = |value: String, label: String, chosen: &str| {
        let selected = value == chosen;
        view! { <option value=value selected=selected>{label}</option> }
    };
    view! {
        <form method="get" action=action class="filters" role="search" aria-label=t.filters_label>
            <div class="field">
                <label for="filter-status">{t.filter_status}</label>
                <select id="filter-status" name="status">
                    <option value="">{t.all_statuses}</option>
                    {NeedStatus::ALL.into_iter()
                        .map(|s| option(s.code().into(), status_label(s, lang).into(), &query.status))
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="filter-niva">{t.filter_staircase}</label>
                <select id="filter-niva" name="niva">
                    <option value="">{t.all_levels}</option>
                    {Staircase::ALL.into_iter()
                        .map(|s| option(s.code().into(), s.label(lang).into(), &query.staircase))
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="filter-huvudgrupp">{t.filter_division}</label>
                <select id="filter-huvudgrupp" name="huvudgrupp">
                    <option value="">{t.all_divisions}</option>
                    {crate::cpv::divisions().iter()
                        .map(|d| option(d.code.into(), format!("{} {}", d.code, d.name(lang)), &query.division))
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="filter-lan">{t.filter_lan}</label>
                <select id="filter-lan" name="lan">
                    <option value="">{t.all_lan}</option>
                    {regions::LAN.iter()
                        .map(|l| option(l.code.into(), l.name.into(), &query.lan))
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="filter-sortering">{t.sort}</label>
                <select id="filter-sortering" name="sortering">
                    {option("".into(), t.sort_newest.into(), &query.sort)}
                    {option("efterfragan".into(), t.sort_demand.into(), &query.sort)}
                </select>
            </div>
            <button type="submit" class="button">{t.filter_button}</button>
        </form>
        {if needs.is_empty() {
            view! { <p>{t.no_needs}</p> }.into_any()
        } else {
            view! {
                <ul class="cards">
                    {needs.into_iter().map(|n| {
                        let staircase = Staircase::parse(&n.staircase).map(|s| s.label(lang)).unwrap_or_default();
                        view! {
                            <li class="card">
                                <h3 class="card__title"><a href=format!("/behov/{}", n.public_id)>{n.title}</a></h3>
                                <dl class="facts">
                                    <dt>{t.status}</dt><dd>{status_label(n.status, lang)}</dd>
                                    <dt>{t.owner}</dt><dd>{n.owner}</dd>
                                    {show_network.then(|| view! { <dt>{t.network}</dt><dd>{n.network_name}</dd> })}
                                    <dt>{t.filter_staircase}</dt><dd>{staircase}</dd>
                                    <dt>{demand_heading}</dt>
                                    <dd>{format!("{} {}, {}", n.organisations, t.organisations_count, kronor(n.total_value, lang))}</dd>
                                    <dt>{t.posted}</dt><dd>{format_stockholm(n.created_at)}</dd>
                                </dl>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }
            .into_any()
        }}
        {(next_href.is_some() || first_href.is_some()).then(|| view! {
            <nav class="pager" aria-label=t.pages_label>
                {first_href.map(|href| view! { <a href=href>{t.first_page}</a> })}
                {next_href.map(|href| view! { <a href=href rel="next">{t.next_page}</a> })}
            </nav>
        })}
    }
}

/// The needs across all my networks.
#[component]
pub fn MyNeedsPage() -> impl IntoView {
    let t = text(use_lang());
    if crate::accounts::signed_in_or_redirect().is_none() {
        return ().into_any();
    }
    let query = ListQuery::from_url();
    let needs = {
        let q = query.clone();
        Resource::new(
            || (),
            move |_| {
                super::api::my_needs(
                    q.status.clone(),
                    q.staircase.clone(),
                    q.division.clone(),
                    q.lan.clone(),
                    q.sort.clone(),
                    q.after.clone(),
                )
            },
        )
    };
    view! {
        <Title text=t.my_needs />
        <h1>{t.my_needs}</h1>
        <Suspense fallback=|| ()>
            {move || {
                let query = query.clone();
                Suspend::new(async move {
                    let page = needs.await.unwrap_or_default();
                    view! { <NeedList action="/behov".to_string() query page show_network=true /> }
                })
            }}
        </Suspense>
    }
    .into_any()
}
