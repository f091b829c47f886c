//! The need's pages: a new need, the need page (its text, status,
//! requirements, demand and discussion) and the edit. The lists and the
//! history have pages of their own, named here too. Every resource is
//! created at the top of its page, never inside a `Suspense`
//! (leptos-rs/leptos#4866).

use super::{
    api::{ChangeNeedStatus, CreateNeed, EditNeed, MergeNeed},
    demand::pages::{DeclareForm, DemandSection},
    requirements::pages::Requirements,
    text::{status_label, text, NeedStrings},
    Need, NeedStatus, NeedView, Quarter, TEXT_MAX, TITLE_MAX,
};
use crate::{
    i18n::{use_lang, Lang},
    networks::REASON_MAX,
    regions,
    staircase::Staircase,
    ui::{
        form::{ErrorSummary, FormFeedback, Notice, SelectField, TextField},
        query_has, query_value,
        status::{StatusChange, StatusChangeForm},
    },
};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

pub use super::history::NeedHistoryPage;
pub use super::list::pages::{ListQuery, MyNeedsPage, NeedList};

/// The page address's parameter `name`.
pub(in crate::needs) fn param(name: &str) -> String {
    use_params_map()
        .get_untracked()
        .get(name)
        .unwrap_or_default()
}

/// The quarters a form offers: this one and the next five years'.
pub(in crate::needs) fn quarter_options(lang: Lang) -> Vec<(String, String)> {
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
        <TextField name="title" label=t.title required=true max_length=TITLE_MAX
            value=value("title", saved.map(|n| n.title.as_str())) problem=fields.problem("title") />
        <TextField name="problem" label=t.problem hint=t.problem_hint required=true multiline=true
            max_length=TEXT_MAX value=value("problem", saved.map(|n| n.problem.as_str()))
            problem=fields.problem("problem") />
        <TextField name="effect" label=t.effect hint=t.effect_hint required=true multiline=true
            max_length=TEXT_MAX value=value("effect", saved.map(|n| n.effect.as_str()))
            problem=fields.problem("effect") />
        <TextField name="affected" label=t.affected hint=t.affected_hint required=true multiline=true
            max_length=TEXT_MAX value=value("affected", saved.map(|n| n.affected.as_str()))
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

fn field_labels(t: &'static NeedStrings) -> Vec<(&'static str, &'static str)> {
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
    let declared = super::demand::text::text(lang).declared;
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
        <Notice show=query_has("intresse") text=declared />
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
        <Requirements need=need.public_id.clone() requirements=view.requirements
            may_propose=view.rights.propose may_accept=view.rights.edit />
        <DemandSection need=need.public_id.clone() demand=view.demand interests=view.interests />
        {(!view.declare_for.is_empty()).then(|| view! {
            <DeclareForm need=need.public_id.clone() organisations=view.declare_for />
        })}
        {view.rights.edit.then(|| view! { <StatusChangeForm change=status_change(&need, lang) /> })}
        {(view.rights.govern && !view.merge_targets.is_empty()).then(|| view! {
            <MergeSection need=need.public_id.clone() targets=view.merge_targets />
        })}
        <crate::comments::pages::DiscussionSection subject=crate::comments::Subject::Need
            target=need.public_id.clone() discussion />
    }
}

/// The need's steps from where it stands, for the shared status form.
fn status_change(need: &Need, lang: Lang) -> StatusChange {
    let t = text(lang);
    StatusChange {
        action: ChangeNeedStatus::PATH,
        subject: ("need", need.public_id.clone()),
        options: NeedStatus::ALL
            .into_iter()
            .filter(|next| need.status.can_become(*next))
            .map(|next| (next.code().into(), status_label(next, lang).into()))
            .collect(),
        heading: t.change_status,
        new_status: t.new_status,
        reason: t.reason,
        reason_max: REASON_MAX,
    }
}

#[component]
fn MergeSection(need: String, targets: Vec<(String, String)>) -> impl IntoView {
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
                    max_length=REASON_MAX value=fields.value("reason")
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
