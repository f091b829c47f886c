//! The needs room's pages: the list on a network's page and across my
//! networks, a new need, the need page with its demand, edit and history.
//! Every resource is created at the top of its page, never inside a
//! `Suspense` (leptos-rs/leptos#4866).

use super::{
    api::{
        AcceptRequirement, ChangeNeedStatus, CreateNeed, DeclareInterest, EditNeed,
        EditRequirement, MergeNeed, MoveRequirement, ProposeRequirement,
    },
    line_diff,
    text::{confidence_label, kronor, status_label, text},
    Change, Confidence, Demand, Level, Need, NeedStatus, NeedView, Quarter, Requirement,
};
use crate::{
    i18n::{use_lang, Lang},
    regions,
    staircase::Staircase,
    time::format_stockholm,
    ui::{
        form::{ErrorSummary, FormFeedback, Notice, SelectField, TextField},
        query_has, query_value,
    },
};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

fn param(name: &str) -> String {
    use_params_map()
        .get_untracked()
        .get(name)
        .unwrap_or_default()
}

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
    page: super::NeedPage,
    /// Whether to name each need's network (the list across networks).
    #[prop(optional)]
    show_network: bool,
) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let super::NeedPage { needs, next } = page;
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
                                    <dt>{t.demand_heading}</dt>
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

/// The quarters a form offers: this one and the next five years'.
fn quarter_options(lang: Lang) -> Vec<(String, String)> {
    let now = Quarter::of_ms(crate::context::now_ms());
    (0..24)
        .map(|i| Quarter(now.0 + i))
        .map(|q| (q.code(), q.label(lang)))
        .collect()
}

/// The fields of a need, for a new one and for an edit.
#[component]
fn NeedFields(fields: FormFeedback, current: Option<Need>) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let value = |name: &str, saved: Option<&str>| {
        let sent = fields.value(name);
        if fields.error().is_some() {
            sent
        } else {
            saved.unwrap_or_default().to_string()
        }
    };
    let saved = current.as_ref();
    let staircase = value("staircase", saved.map(|n| n.staircase.as_str()));
    let staircase = if staircase.is_empty() {
        Staircase::Infora.code().to_string()
    } else {
        staircase
    };
    let horizon = value("horizon", None);
    let horizon = if horizon.is_empty() {
        saved.map(|n| n.horizon.code()).unwrap_or_default()
    } else {
        horizon
    };
    let saved_divisions: Vec<String> = saved
        .map(|n| {
            n.cpv
                .iter()
                .filter(|c| c[2..].starts_with("000000-"))
                .map(|c| c[..2].to_string())
                .collect()
        })
        .unwrap_or_default();
    let saved_extra: String = saved
        .map(|n| {
            n.cpv
                .iter()
                .filter(|c| !c[2..].starts_with("000000-"))
                .cloned()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_default();
    let divisions = fields.values("divisions").unwrap_or(saved_divisions);
    let lans = fields
        .values("regions")
        .unwrap_or_else(|| saved.map(|n| n.regions.clone()).unwrap_or_default());
    let divisions_problem = fields.problem("divisions");
    let regions_problem = fields.problem("regions");
    view! {
        <TextField name="title" label=t.title required=true max_length=super::TITLE_MAX
            value=value("title", saved.map(|n| n.title.as_str())) problem=fields.problem("title") />
        <TextField name="problem" label=t.problem hint=t.problem_hint required=true multiline=true
            max_length=super::TEXT_MAX value=value("problem", saved.map(|n| n.problem.as_str()))
            problem=fields.problem("problem") />
        <TextField name="effect" label=t.effect hint=t.effect_hint required=true multiline=true
            max_length=super::TEXT_MAX value=value("effect", saved.map(|n| n.effect.as_str()))
            problem=fields.problem("effect") />
        <TextField name="affected" label=t.affected hint=t.affected_hint required=true multiline=true
            max_length=super::TEXT_MAX value=value("affected", saved.map(|n| n.affected.as_str()))
            problem=fields.problem("affected") />
        <fieldset class="field">
            <legend>{t.staircase}</legend>
            {Staircase::ALL.into_iter().map(|s| view! {
                <div class="choice">
                    <input type="radio" id=format!("field-staircase-{}", s.code()) name="staircase"
                        value=s.code() checked=s.code() == staircase />
                    <label for=format!("field-staircase-{}", s.code())>
                        <strong>{s.label(lang)}</strong>" – "{s.explanation(lang)}
                    </label>
                </div>
            }).collect_view()}
        </fieldset>
        <fieldset class="field" class:field--invalid=divisions_problem.is_some() id="field-divisions">
            <legend>{t.divisions}</legend>
            <p class="hint">{t.divisions_hint}</p>
            {divisions_problem.map(|p| view! { <p class="field-error">{p.message(lang)}</p> })}
            <div class="choices choices--wide">
                {crate::cpv::divisions().iter().map(|d| view! {
                    <div class="choice">
                        <input type="checkbox" id=format!("field-division-{}", d.code) name="divisions[]"
                            value=d.code checked=divisions.iter().any(|c| c == d.code) />
                        <label for=format!("field-division-{}", d.code)>{format!("{} {}", d.code, d.name(lang))}</label>
                    </div>
                }).collect_view()}
            </div>
        </fieldset>
        <TextField name="cpv_codes" label=t.cpv_codes hint=t.cpv_codes_hint max_length=400
            value=value("cpv_codes", Some(&saved_extra)) problem=fields.problem("cpv_codes") />
        <fieldset class="field" class:field--invalid=regions_problem.is_some() id="field-regions">
            <legend>{t.regions}</legend>
            {regions_problem.map(|p| view! { <p class="field-error">{p.message(lang)}</p> })}
            <div class="choices">
                {regions::LAN.iter().map(|l| view! {
                    <div class="choice">
                        <input type="checkbox" id=format!("field-region-{}", l.code) name="regions[]"
                            value=l.code checked=lans.iter().any(|c| c == l.code) />
                        <label for=format!("field-region-{}", l.code)>{l.name}</label>
                    </div>
                }).collect_view()}
            </div>
        </fieldset>
        <SelectField name="horizon" label=t.horizon options=quarter_options(lang) selected=horizon
            problem=fields.problem("horizon") />
    }
}

fn field_labels(t: &'static super::text::NeedText) -> Vec<(&'static str, &'static str)> {
    vec![
        ("organisation", t.for_organisation),
        ("title", t.title),
        ("problem", t.problem),
        ("effect", t.effect),
        ("affected", t.affected),
        ("staircase", t.staircase),
        ("divisions", t.divisions),
        ("cpv_codes", t.cpv_codes),
        ("regions", t.regions),
        ("horizon", t.horizon),
    ]
}

/// A member organisation describes a new need in a network.
#[component]
pub fn NewNeedPage() -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    if crate::accounts::signed_in_or_redirect().is_none() {
        return ().into_any();
    }
    let network = param("id");
    let organisations = {
        let network = network.clone();
        Resource::new(
            || (),
            move |_| super::api::posting_organisations(network.clone()),
        )
    };
    let form = FormFeedback::for_action(CreateNeed::PATH);
    view! {
        <Title text=t.new_need />
        <h1>{t.new_need}</h1>
        <p class="lead">{t.new_need_lead}</p>
        <Suspense fallback=|| ()>
            {move || {
                let (form, network) = (form.clone(), network.clone());
                Suspend::new(async move {
                    let organisations = match organisations.await {
                        Ok(list) if !list.is_empty() => list,
                        Ok(_) => return view! { <p class="notice notice--warning">{t.no_posting_organisation}</p> }.into_any(),
                        Err(_) => return view! { <crate::pages::not_found::NotFoundPage /> }.into_any(),
                    };
                    let action = ServerAction::<CreateNeed>::new();
                    let chosen = form.value("organisation");
                    let fields = form.clone();
                    view! {
                        <ErrorSummary error=form.error() labels=field_labels(t) />
                        <ActionForm action>
                            <input type="hidden" name="network" value=network />
                            <SelectField name="organisation" label=t.for_organisation options=organisations
                                selected=chosen problem=fields.problem("organisation") />
                            <NeedFields fields=fields.clone() current=None />
                            <div class="button-row">
                                <button type="submit" name="status" value="shared" class="button">{t.share}</button>
                                <button type="submit" name="status" value="draft" class="button button--quiet-dark">{t.save_draft}</button>
                            </div>
                        </ActionForm>
                    }
                    .into_any()
                })
            }}
        </Suspense>
    }
    .into_any()
}

/// A need: its text, status, demand, declared interest and what the
/// person may do with it.
#[component]
pub fn NeedPage() -> impl IntoView {
    if crate::accounts::signed_in_or_redirect().is_none() {
        return ().into_any();
    }
    let need = param("id");
    let discussion = {
        let need = need.clone();
        let after = query_value("kommentarer");
        Resource::new(
            || (),
            move |_| crate::comments::api::discussion("need".into(), need.clone(), after.clone()),
        )
    };
    let view = Resource::new(move || need.clone(), super::api::need_view);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let discussion = discussion.await.unwrap_or_default();
                match view.await {
                    Ok(v) => view! { <NeedDetails view=v discussion /> }.into_any(),
                    Err(_) => view! { <crate::pages::not_found::NotFoundPage /> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn NeedDetails(view: NeedView, discussion: crate::comments::Discussion) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let need = view.need;
    let staircase = Staircase::parse(&need.staircase);
    let cpv = need
        .cpv
        .iter()
        .map(|code| match crate::cpv::division(&code[..2]) {
            Some(d) if d.full == code => format!("{code} {}", d.name(lang)),
            _ => code.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ");
    let lans = need
        .regions
        .iter()
        .filter_map(|c| regions::lan(c).map(|l| l.name))
        .collect::<Vec<_>>()
        .join(", ");
    let id = need.public_id.clone();
    view! {
        <Title text=need.title.clone() />
        <p class="breadcrumb"><a href=format!("/natverk/{}", need.network_public_id)>{need.network_name.clone()}</a></p>
        <h1>{need.title.clone()}</h1>
        <Notice show=query_has("sparat") text=t.created />
        <Notice show=query_has("status") text=t.status_changed />
        <Notice show=query_has("andrat") text=t.edited />
        <Notice show=query_has("intresse") text=t.declared />
        <Notice show=query_has("sammanslaget") text=t.merged />
        {need.merged_into.clone().map(|(target, title)| view! {
            <p class="notice">{t.merged_into}" "<a href=format!("/behov/{target}")>{title}</a></p>
        })}
        <dl class="facts">
            <dt>{t.status}</dt><dd>{status_label(need.status, lang)}</dd>
            <dt>{t.owner}</dt><dd>{need.owner_name.clone()}</dd>
            <dt>{t.staircase}</dt>
            <dd>{staircase.map(|s| format!("{} – {}", s.label(lang), s.explanation(lang)))}</dd>
            <dt>{t.divisions}</dt><dd>{cpv}</dd>
            <dt>{t.regions}</dt><dd>{lans}</dd>
            <dt>{t.horizon}</dt><dd>{need.horizon.label(lang)}</dd>
            <dt>{t.version}</dt>
            <dd>{need.version}" · "<a href=format!("/behov/{id}/historik")>{t.history_link}</a></dd>
        </dl>
        <section aria-labelledby="problem" class="prose">
            <h2 id="problem">{t.problem}</h2>
            <div inner_html=view.problem_html></div>
            <h2>{t.effect}</h2>
            <div inner_html=view.effect_html></div>
            <h2>{t.affected}</h2>
            <div inner_html=view.affected_html></div>
        </section>
        {view.rights.edit.then(|| view! {
            <p><a class="button button--quiet-dark" href=format!("/behov/{id}/andra")>{t.edit_heading}</a></p>
        })}
        <Notice show=query_has("krav") text=t.requirement_saved />
        <Notice show=query_has("accepterat") text=t.requirement_accepted />
        <Requirements need=need.public_id.clone() requirements=view.requirements
            may_propose=view.rights.propose may_accept=view.rights.edit />
        <DemandSection need=need.public_id.clone() demand=view.demand interests=view.interests />
        {(!view.declare_for.is_empty()).then(|| view! {
            <DeclareForm need=need.public_id.clone() organisations=view.declare_for />
        })}
        {view.rights.edit.then(|| view! { <NeedStatusForm need=need.public_id.clone() current=need.status /> })}
        {(view.rights.govern && !view.merge_targets.is_empty()).then(|| view! {
            <MergeForm need=need.public_id.clone() targets=view.merge_targets />
        })}
        <crate::comments::pages::DiscussionSection subject=crate::comments::Subject::Need
            target=need.public_id.clone() discussion />
    }
}

/// The aggregated demand: totals, a chart of value over earliest start
/// (an image for those who see it; the same numbers are in the tables),
/// each organisation's declaration and the CSV download.
#[component]
fn DemandSection(need: String, demand: Demand, interests: Vec<super::Interest>) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    if demand.organisations == 0 {
        return view! {
            <section aria-labelledby="efterfragan">
                <h2 id="efterfragan">{t.demand_heading}</h2>
                <p>{t.demand_none}</p>
            </section>
        }
        .into_any();
    }
    view! {
        <section aria-labelledby="efterfragan">
            <h2 id="efterfragan">{t.demand_heading}</h2>
            <p class="demand-total">
                {format!("{} {} · {}: {}", demand.organisations, t.demand_summary_orgs, t.demand_total, kronor(demand.total_value, lang))}
            </p>
            <DemandChart timeline=demand.timeline.clone() />
            <table class="table">
                <caption>{t.demand_timeline}</caption>
                <thead><tr>
                    <th scope="col">{t.earliest}</th>
                    <th scope="col">{t.demand_summary_orgs}</th>
                    <th scope="col">{t.value}</th>
                </tr></thead>
                <tbody>
                    {demand.timeline.iter().map(|(q, count, value)| view! {
                        <tr><th scope="row">{q.label(lang)}</th><td>{*count}</td><td>{kronor(*value, lang)}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
            <table class="table">
                <caption>{t.demand_by_confidence}</caption>
                <thead><tr>
                    <th scope="col">{t.confidence}</th>
                    <th scope="col">{t.demand_summary_orgs}</th>
                    <th scope="col">{t.value}</th>
                </tr></thead>
                <tbody>
                    {demand.by_confidence.iter().map(|(c, count, value)| view! {
                        <tr><th scope="row">{confidence_label(*c, lang)}</th><td>{*count}</td><td>{kronor(*value, lang)}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
            <table class="table">
                <caption>{t.interests_heading}</caption>
                <thead><tr>
                    <th scope="col">{t.organisation}</th>
                    <th scope="col">{t.quantity}</th>
                    <th scope="col">{t.value}</th>
                    <th scope="col">{t.earliest}</th>
                    <th scope="col">{t.confidence}</th>
                    <th scope="col">{t.comment}</th>
                </tr></thead>
                <tbody>
                    {interests.into_iter().map(|i| view! {
                        <tr>
                            <th scope="row">{i.organisation}</th>
                            <td>{format!("{} {}", i.quantity, i.unit)}</td>
                            <td>{kronor(i.value_sek, lang)}</td>
                            <td>{i.earliest.label(lang)}</td>
                            <td>{confidence_label(i.confidence, lang)}</td>
                            <td>{i.comment}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <p><a href=format!("/behov/{need}/efterfragan.csv") download="efterfragan.csv">{t.download_demand}</a></p>
        </section>
    }
    .into_any()
}

/// Bars of estimated value per quarter of earliest start.
#[component]
fn DemandChart(timeline: Vec<(Quarter, i64, i64)>) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let max = timeline
        .iter()
        .map(|(_, _, v)| *v)
        .max()
        .unwrap_or(0)
        .max(1);
    let bar_width = 64;
    let gap = 16;
    let height = 160;
    let width = (timeline.len() as i64 * (bar_width + gap)).max(200);
    let description = timeline
        .iter()
        .map(|(q, count, value)| format!("{}: {} ({count})", q.label(lang), kronor(*value, lang)))
        .collect::<Vec<_>>()
        .join("; ");
    view! {
        <svg class="chart" role="img" aria-labelledby="chart-title chart-desc"
            viewBox=format!("0 0 {width} {}", height + 40) width=width height=height + 40>
            <title id="chart-title">{t.chart_title}</title>
            <desc id="chart-desc">{description}</desc>
            {timeline.into_iter().enumerate().map(|(i, (q, _, value))| {
                let bar = (value * height / max).max(2);
                let x = i as i64 * (bar_width + gap);
                view! {
                    <rect x=x y=height - bar width=bar_width height=bar class="chart__bar" />
                    <text x=x + bar_width / 2 y=height + 18 text-anchor="middle" class="chart__label">{q.label(lang)}</text>
                }
            }).collect_view()}
        </svg>
    }
}

#[component]
fn DeclareForm(need: String, organisations: Vec<(String, String)>) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let action = ServerAction::<DeclareInterest>::new();
    let form = FormFeedback::for_action(DeclareInterest::PATH);
    let fields = form.clone();
    let confidence_options: Vec<(String, String)> = Confidence::ALL
        .into_iter()
        .map(|c| (c.code().into(), confidence_label(c, lang).into()))
        .collect();
    let chosen_confidence = {
        let sent = fields.value("confidence");
        if sent.is_empty() {
            Confidence::Medium.code().to_string()
        } else {
            sent
        }
    };
    view! {
        <section aria-labelledby="anmal">
            <h2 id="anmal">{t.declare_heading}</h2>
            <p>{t.declare_lead}</p>
            <ErrorSummary error=form.error() labels=vec![
                ("quantity", t.quantity), ("unit", t.unit), ("value", t.value),
                ("earliest", t.earliest), ("confidence", t.confidence), ("comment", t.comment),
            ] />
            <ActionForm action>
                <input type="hidden" name="need" value=need />
                <SelectField name="organisation" label=t.for_organisation options=organisations
                    selected=fields.value("organisation") />
                <TextField name="quantity" label=t.quantity required=true kind="text" max_length=12
                    value=fields.value("quantity") problem=fields.problem("quantity") />
                <TextField name="unit" label=t.unit hint=t.unit_hint required=true max_length=super::UNIT_MAX
                    value=fields.value("unit") problem=fields.problem("unit") />
                <TextField name="value" label=t.value hint=t.value_hint required=true max_length=20
                    value=fields.value("value") problem=fields.problem("value") />
                <SelectField name="earliest" label=t.earliest options=quarter_options(lang)
                    selected=fields.value("earliest") problem=fields.problem("earliest") />
                <SelectField name="confidence" label=t.confidence options=confidence_options
                    selected=chosen_confidence problem=fields.problem("confidence") />
                <TextField name="comment" label=t.comment multiline=true max_length=super::COMMENT_MAX
                    value=fields.value("comment") problem=fields.problem("comment") />
                <button type="submit" class="button">{t.declare_button}</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn NeedStatusForm(need: String, current: NeedStatus) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let action = ServerAction::<ChangeNeedStatus>::new();
    let form = FormFeedback::for_action(ChangeNeedStatus::PATH);
    let fields = form.clone();
    let options: Vec<(String, String)> = NeedStatus::ALL
        .into_iter()
        .filter(|next| current.can_become(*next))
        .map(|next| (next.code().into(), status_label(next, lang).into()))
        .collect();
    (!options.is_empty()).then(|| view! {
        <section aria-labelledby="andra-status">
            <h2 id="andra-status">{t.change_status}</h2>
            <ErrorSummary error=form.error() labels=vec![("status", t.new_status), ("reason", t.reason)] />
            <ActionForm action>
                <input type="hidden" name="need" value=need />
                <SelectField name="status" label=t.new_status options selected=String::new()
                    problem=fields.problem("status") />
                <TextField name="reason" label=t.reason required=true multiline=true
                    max_length=crate::networks::REASON_MAX value=fields.value("reason")
                    problem=fields.problem("reason") />
                <button type="submit" class="button">{t.change_status}</button>
            </ActionForm>
        </section>
    })
}

#[component]
fn MergeForm(need: String, targets: Vec<(String, String)>) -> impl IntoView {
    let t = text(use_lang());
    let action = ServerAction::<MergeNeed>::new();
    let form = FormFeedback::for_action(MergeNeed::PATH);
    let fields = form.clone();
    view! {
        <section aria-labelledby="sla-ihop">
            <h2 id="sla-ihop">{t.merge_heading}</h2>
            <ErrorSummary error=form.error() labels=vec![("into", t.merge_into), ("reason", t.reason)] />
            <ActionForm action>
                <input type="hidden" name="need" value=need />
                <SelectField name="into" label=t.merge_into options=targets selected=String::new()
                    problem=fields.problem("into") />
                <TextField name="reason" label=t.reason required=true multiline=true
                    max_length=crate::networks::REASON_MAX value=fields.value("reason")
                    problem=fields.problem("reason") />
                <button type="submit" class="button button--quiet-dark">{t.merge_button}</button>
            </ActionForm>
        </section>
    }
}

/// Edits a need; the form carries the version it was loaded at, so an
/// edit made meanwhile by someone else is not silently overwritten.
#[component]
pub fn EditNeedPage() -> impl IntoView {
    let t = text(use_lang());
    if crate::accounts::signed_in_or_redirect().is_none() {
        return ().into_any();
    }
    let need = param("id");
    let view = Resource::new(move || need.clone(), super::api::need_view);
    let form = FormFeedback::for_action(EditNeed::PATH);
    view! {
        <Title text=t.edit_heading />
        <Suspense fallback=|| ()>
            {move || {
                let form = form.clone();
                Suspend::new(async move {
                    let v = match view.await {
                        Ok(v) if v.rights.edit => v,
                        _ => return view! { <crate::pages::not_found::NotFoundPage /> }.into_any(),
                    };
                    let action = ServerAction::<EditNeed>::new();
                    let need = v.need;
                    view! {
                        <h1>{t.edit_heading}</h1>
                        <p class="breadcrumb"><a href=format!("/behov/{}", need.public_id)>{need.title.clone()}</a></p>
                        <ErrorSummary error=form.error() labels=field_labels(t) />
                        <ActionForm action>
                            <input type="hidden" name="need" value=need.public_id.clone() />
                            <input type="hidden" name="version" value=need.version />
                            <NeedFields fields=form.clone() current=Some(need) />
                            <button type="submit" class="button">{t.edit_button}</button>
                        </ActionForm>
                    }
                    .into_any()
                })
            }}
        </Suspense>
    }
    .into_any()
}

/// Every version of a need, newest first, each with what changed since
/// the one before, line by line.
#[component]
pub fn NeedHistoryPage() -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    if crate::accounts::signed_in_or_redirect().is_none() {
        return ().into_any();
    }
    let need = param("id");
    let history = Resource::new(move || need.clone(), super::api::need_history);
    let field_name = move |name: &str| match name {
        "title" => t.title,
        "problem" => t.problem,
        "effect" => t.effect,
        "affected" => t.affected,
        "staircase" => t.staircase,
        "horizon" => t.horizon,
        "cpv" => t.divisions,
        _ => t.regions,
    };
    view! {
        <Title text=t.history_heading />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let Ok(super::History { need, versions, requirements }) = history.await else {
                    return view! { <crate::pages::not_found::NotFoundPage /> }.into_any();
                };
                let requirement_entries = requirement_history(requirements);
                let mut entries = Vec::new();
                let mut previous: Option<Vec<(String, String)>> = None;
                for v in versions {
                    let changes: Vec<(String, Vec<(Change, String)>)> = v
                        .fields
                        .iter()
                        .enumerate()
                        .filter_map(|(i, (name, new))| {
                            let old = previous.as_ref().map(|p| p[i].1.as_str()).unwrap_or("");
                            (old != new).then(|| (name.clone(), line_diff(old, new)))
                        })
                        .collect();
                    previous = Some(v.fields.clone());
                    entries.push((v.version, v.at, v.author, v.organisation, changes));
                }
                entries.reverse();
                view! {
                    <h1>{format!("{}: {}", t.history_heading, need.title)}</h1>
                    <p class="breadcrumb"><a href=format!("/behov/{}", need.public_id)>{need.title.clone()}</a></p>
                    {entries.into_iter().map(|(version, at, author, organisation, changes)| view! {
                        <section class="card version" aria-labelledby=format!("version-{version}")>
                            <h2 id=format!("version-{version}")>{format!("{} {version}", t.version)}</h2>
                            <p>{format!("{} {author} ({organisation}), {}", t.changed_by, format_stockholm(at))}</p>
                            {if changes.is_empty() {
                                view! { <p>{t.no_changes}</p> }.into_any()
                            } else {
                                changes.into_iter().map(|(name, lines)| view! {
                                    <h3>{field_name(&name)}</h3>
                                    <DiffLines lines removed=t.removed added=t.added />
                                }).collect_view().into_any()
                            }}
                        </section>
                    }).collect_view()}
                    {(!requirement_entries.is_empty()).then(|| view! {
                        <h2>{t.requirements_history}</h2>
                        {requirement_entries.into_iter().map(|(number, requirement, versions)| view! {
                            <section class="card version" id=format!("krav-{requirement}")>
                                <h3>{format!("{} {number}", t.requirement)}</h3>
                                {versions.into_iter().rev().map(|(version, at, author, organisation, accepted, lines)| view! {
                                    <h4 id=format!("krav-{requirement}-v{version}")>{format!("{} {version}", t.version)}{accepted.then(|| format!(" – {}", t.accepted))}</h4>
                                    <p>{format!("{} {author} ({organisation}), {}", t.changed_by, format_stockholm(at))}</p>
                                    <DiffLines lines removed=t.removed added=t.added />
                                }).collect_view()}
                            </section>
                        }).collect_view()}
                    })}
                }
                .into_any()
            })}
        </Suspense>
    }
    .into_any()
}

type RequirementEntry = (i64, i64, String, String, bool, Vec<(Change, String)>);

/// Each requirement's versions with what changed since the one before:
/// (number in the list, requirement's public id, versions oldest first).
fn requirement_history(
    versions: Vec<super::RequirementVersion>,
) -> Vec<(usize, String, Vec<RequirementEntry>)> {
    let mut out: Vec<(String, Vec<RequirementEntry>)> = Vec::new();
    let mut previous = String::new();
    for v in versions {
        if out
            .last()
            .map(|(id, _)| id != &v.requirement)
            .unwrap_or(true)
        {
            out.push((v.requirement.clone(), Vec::new()));
            previous.clear();
        }
        let lines = line_diff(&previous, &v.text);
        previous = v.text.clone();
        if let Some((_, entries)) = out.last_mut() {
            entries.push((v.version, v.at, v.author, v.organisation, v.accepted, lines));
        }
    }
    out.into_iter()
        .enumerate()
        .map(|(i, (requirement, entries))| (i + 1, requirement, entries))
        .collect()
}

/// Lines of a diff: removed ones struck through, added ones marked, each
/// also named in words for screen readers.
#[component]
fn DiffLines(
    lines: Vec<(Change, String)>,
    removed: &'static str,
    added: &'static str,
) -> impl IntoView {
    view! {
        <ul class="diff">
            {lines.into_iter().map(|(change, line)| match change {
                Change::Same => view! { <li class="diff__same">{line}</li> }.into_any(),
                Change::Removed => view! {
                    <li class="diff__removed"><del><span class="visually-hidden">{format!("{removed}: ")}</span>{line}</del></li>
                }.into_any(),
                Change::Added => view! {
                    <li class="diff__added"><ins><span class="visually-hidden">{format!("{added}: ")}</span>{line}</ins></li>
                }.into_any(),
            }).collect_view()}
        </ul>
    }
}

/// The need's functional requirements in order, with what the person may
/// do to each, and the form to propose one.
#[component]
fn Requirements(
    need: String,
    requirements: Vec<Requirement>,
    may_propose: bool,
    may_accept: bool,
) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let count = requirements.len();
    let edit_form = FormFeedback::for_action(EditRequirement::PATH);
    let move_form = FormFeedback::for_action(MoveRequirement::PATH);
    let accept_form = FormFeedback::for_action(AcceptRequirement::PATH);
    view! {
        <section aria-labelledby="krav">
            <h2 id="krav">{t.requirements_heading}</h2>
            <ErrorSummary error=edit_form.error().or(move_form.error()).or(accept_form.error()) />
            {if requirements.is_empty() {
                view! { <p>{t.requirements_none}</p> }.into_any()
            } else {
                view! {
                    <ol class="requirements">
                        {requirements.into_iter().enumerate().map(|(i, r)| {
                            let number = i + 1;
                            let level = if r.level == Level::Must { t.level_must } else { t.level_should };
                            let state = if r.accepted { t.accepted } else { t.proposed };
                            let label = format!("{} {number}", t.requirement);
                            view! {
                                <li class="card requirement">
                                    <h3>{format!("{label} – {level}")}</h3>
                                    <p>{r.text.clone()}</p>
                                    <dl class="facts">
                                        <dt>{t.motive}</dt><dd>{r.motive.clone()}</dd>
                                        <dt>{t.verification}</dt><dd>{r.verification.clone()}</dd>
                                        <dt>{t.status}</dt><dd>{state}</dd>
                                        <dt>{t.proposed_by}</dt><dd>{r.proposed_by.clone()}</dd>
                                    </dl>
                                    <div class="button-row">
                                        {(may_accept && !r.accepted).then(|| {
                                            let action = ServerAction::<AcceptRequirement>::new();
                                            let id = r.public_id.clone();
                                            let label = label.clone();
                                            view! {
                                                <ActionForm action>
                                                    <input type="hidden" name="requirement" value=id />
                                                    <button type="submit" class="button button--small">
                                                        {t.accept_button}<span class="visually-hidden">{format!(": {label}")}</span>
                                                    </button>
                                                </ActionForm>
                                            }
                                        })}
                                        {(may_propose && i > 0).then(|| move_button(&r.public_id, "up", t.move_up, &label))}
                                        {(may_propose && number < count).then(|| move_button(&r.public_id, "down", t.move_down, &label))}
                                    </div>
                                    {may_propose.then(|| view! { <EditRequirementForm requirement=r.clone() label=label.clone() /> })}
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }
                .into_any()
            }}
            {may_propose.then(|| view! { <ProposeForm need=need.clone() /> })}
        </section>
    }
}

fn move_button(
    requirement: &str,
    direction: &'static str,
    text: &'static str,
    label: &str,
) -> impl IntoView {
    let action = ServerAction::<MoveRequirement>::new();
    let requirement = requirement.to_string();
    let label = format!(": {label}");
    view! {
        <ActionForm action>
            <input type="hidden" name="requirement" value=requirement />
            <input type="hidden" name="direction" value=direction />
            <button type="submit" class="button button--small button--quiet-dark">
                {text}<span class="visually-hidden">{label}</span>
            </button>
        </ActionForm>
    }
}

/// The fields of a requirement, with ids unique on the page.
#[component]
fn RequirementFields(
    prefix: String,
    fields: FormFeedback,
    current: Option<Requirement>,
) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let value = |name: &str, saved: Option<&str>| {
        let sent = fields.value(name);
        if fields.error().is_some() && !sent.is_empty() {
            sent
        } else {
            saved.unwrap_or_default().to_string()
        }
    };
    let saved = current.as_ref();
    let level = saved.map(|r| r.level).unwrap_or(Level::Must);
    let id = |name: &str| format!("{prefix}-{name}");
    let area = |name: &'static str,
                label: &'static str,
                hint: Option<&'static str>,
                saved: Option<&str>| {
        let field_id = id(name);
        let hint_id = format!("{field_id}-hint");
        let current = value(name, saved);
        view! {
            <div class="field">
                <label for=field_id.clone()>{label}</label>
                {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
                <textarea id=field_id name=name rows="3" required=true maxlength=super::REQUIREMENT_MAX
                    aria-describedby=hint.map(|_| hint_id.clone())>{current}</textarea>
            </div>
        }
    };
    view! {
        {area("text", t.requirement_text, Some(t.requirement_text_hint), saved.map(|r| r.text.as_str()))}
        {area("motive", t.motive, None, saved.map(|r| r.motive.as_str()))}
        {area("verification", t.verification, None, saved.map(|r| r.verification.as_str()))}
        <fieldset class="field">
            <legend>{t.level}</legend>
            {[(Level::Must, t.level_must), (Level::Should, t.level_should)].into_iter().map(|(l, label)| {
                let field_id = id(&format!("level-{}", l.code()));
                view! {
                    <div class="choice">
                        <input type="radio" id=field_id.clone() name="level" value=l.code() checked=l == level />
                        <label for=field_id>{label}</label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}

#[component]
fn ProposeForm(need: String) -> impl IntoView {
    let t = text(use_lang());
    let action = ServerAction::<ProposeRequirement>::new();
    let form = FormFeedback::for_action(ProposeRequirement::PATH);
    view! {
        <h3>{t.propose_heading}</h3>
        <ErrorSummary error=form.error() labels=vec![
            ("text", t.requirement_text), ("motive", t.motive), ("verification", t.verification), ("level", t.level),
        ] />
        <ActionForm action>
            <input type="hidden" name="need" value=need />
            <RequirementFields prefix="nytt-krav".to_string() fields=form.clone() current=None />
            <button type="submit" class="button">{t.propose_button}</button>
        </ActionForm>
    }
}

/// Editing in a disclosure, so the page stays short and it works without
/// JavaScript.
#[component]
fn EditRequirementForm(requirement: Requirement, label: String) -> impl IntoView {
    let t = text(use_lang());
    let action = ServerAction::<EditRequirement>::new();
    let prefix = format!("krav-{}", requirement.public_id);
    let id = requirement.public_id.clone();
    let version = requirement.version;
    view! {
        <details>
            <summary>{t.edit_requirement}<span class="visually-hidden">{format!(": {label}")}</span></summary>
            <ActionForm action>
                <input type="hidden" name="requirement" value=id />
                <input type="hidden" name="version" value=version />
                <RequirementFields prefix fields=FormFeedback::default() current=Some(requirement) />
                <button type="submit" class="button">{t.save_requirement}</button>
            </ActionForm>
        </details>
    }
}
