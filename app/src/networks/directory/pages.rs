//! The directory's pages: the network directory and "Mina nätverk".

use crate::{
    i18n::{use_lang, Lang},
    networks::{
        joining::pages::InvitationAnswers,
        text::{
            lan_names, member_count, network_count, role_label, status_label, text, theme_names,
        },
        NAME_MAX,
    },
    regions,
    ui::{form::Notice, query_has, query_value},
};
use leptos::prelude::*;
use leptos_meta::Title;

/// The network directory: search by name, filter by theme, län and
/// openness; keyset pages of twenty. A plain GET form, so the filters are
/// in the URL and work without JavaScript.
#[component]
pub fn DirectoryPage() -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    if crate::accounts::signed_in_or_redirect().is_none() {
        return ().into_any();
    }
    let text_q = query_value("namn");
    let theme = query_value("tema");
    let lan = query_value("lan");
    let open = query_has("oppna");
    let after = query_value("efter");
    let page = {
        let (text_q, theme, lan, after) =
            (text_q.clone(), theme.clone(), lan.clone(), after.clone());
        Resource::new(
            || (),
            move |_| {
                super::api::network_directory(
                    text_q.clone(),
                    theme.clone(),
                    lan.clone(),
                    open,
                    after.clone(),
                )
            },
        )
    };
    let filters = {
        let mut pairs = vec![];
        if !text_q.is_empty() {
            pairs.push(format!("namn={}", crate::ui::url_encode(&text_q)));
        }
        if !theme.is_empty() {
            pairs.push(format!("tema={}", crate::ui::url_encode(&theme)));
        }
        if !lan.is_empty() {
            pairs.push(format!("lan={}", crate::ui::url_encode(&lan)));
        }
        if open {
            pairs.push("oppna=1".to_string());
        }
        pairs.join("&")
    };
    let first_page = format!("/natverk?{filters}");
    let paged = !after.is_empty();
    let sv = (lang == Lang::En).then_some("sv");
    view! {
        <Title text=t.directory_title />
        <h1>{t.directory_title}</h1>
        <p class="lead">{t.directory_lead}</p>
        <form method="get" action="/natverk" class="filters" role="search" aria-label=t.filters_label>
            <div class="field">
                <label for="field-namn">{t.search_label}</label>
                <input id="field-namn" type="search" name="namn" value=text_q maxlength=NAME_MAX />
            </div>
            <div class="field">
                <label for="field-tema">{t.theme_filter}</label>
                <select id="field-tema" name="tema">
                    <option value="">{t.all_themes}</option>
                    {crate::cpv::divisions().iter().map(|d| view! {
                        <option value=d.code selected=d.code == theme>{format!("{} {}", d.code, d.name(lang))}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="field-lan">{t.lan_filter}</label>
                <select id="field-lan" name="lan">
                    <option value="">{t.all_lan}</option>
                    {regions::LAN.iter().map(|l| view! {
                        <option value=l.code selected=l.code == lan>{l.name}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="choice">
                <input id="field-oppna" type="checkbox" name="oppna" value="1" checked=open />
                <label for="field-oppna">{t.open_only}</label>
            </div>
            <button type="submit" class="button">{t.search_button}</button>
        </form>
        <Suspense fallback=|| ()>
            {move || {
                let first_page = first_page.clone();
                let filters = filters.clone();
                Suspend::new(async move {
                    let Ok(page) = page.await else {
                        return view! { <p>{t.no_results}</p> }.into_any();
                    };
                    let next = page.next.map(|cursor| {
                        let sep = if filters.is_empty() { "" } else { "&" };
                        format!("/natverk?{filters}{sep}efter={}", crate::ui::url_encode(&cursor))
                    });
                    view! {
                        <p role="status">{network_count(page.total, lang)}</p>
                        {if page.entries.is_empty() {
                            view! { <p>{t.no_results}</p> }.into_any()
                        } else {
                            view! {
                                <ul class="cards">
                                    {page.entries.into_iter().map(|n| {
                                        let regions = lan_names(&n.regions);
                                        view! {
                                            <li class="card">
                                                <h2 class="card__title" lang=sv><a href=format!("/natverk/{}", n.public_id)>{n.name}</a></h2>
                                                <p lang=sv>{n.purpose}</p>
                                                <dl class="facts">
                                                    <dt>{t.status}</dt>
                                                    <dd>
                                                        {status_label(n.status, lang)}
                                                        {n.open.then(|| format!(" · {}", t.open_badge))}
                                                    </dd>
                                                    <dt>{t.members_heading}</dt><dd>{member_count(n.members, lang)}</dd>
                                                    <dt>{t.regions}</dt><dd>{regions}</dd>
                                                    <dt>{t.themes}</dt><dd>{theme_names(&n.themes, lang)}</dd>
                                                </dl>
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                            }
                            .into_any()
                        }}
                        <nav aria-label=t.pagination_label class="pagination">
                            {paged.then(|| view! { <a href=first_page>{t.first_page}</a> })}
                            {next.map(|href| view! { <a href=href rel="next">{t.next_page}</a> })}
                        </nav>
                    }
                    .into_any()
                })
            }}
        </Suspense>
        <p><a href="/natverk/nytt">{t.start_link}</a></p>
    }
    .into_any()
}

/// The networks my organisations belong to.
#[component]
pub fn MyNetworksPage() -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    if crate::accounts::signed_in_or_redirect().is_none() {
        return ().into_any();
    }
    let mine = Resource::new(|| (), |_| super::api::my_networks());
    let sv = (lang == Lang::En).then_some("sv");
    view! {
        <Title text=t.my_networks />
        <h1>{t.my_networks}</h1>
        <Notice show=query_has("lamnat") text=t.left id="lamnat" />
        <InvitationAnswers />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let list = mine.await.unwrap_or_default();
                if list.is_empty() {
                    return view! { <p>{t.no_networks}</p> }.into_any();
                }
                view! {
                    <ul>
                        {list.into_iter().map(|n| view! {
                            <li>
                                <a href=format!("/natverk/{}", n.public_id) lang=sv>{n.name}</a>
                                {format!(" – {}, {}", status_label(n.status, lang), role_label(n.role, lang))}
                            </li>
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            })}
        </Suspense>
        <p><a href="/natverk">{t.browse_link}</a></p>
        <p><a href="/natverk/nytt">{t.start_link}</a></p>
    }
    .into_any()
}
