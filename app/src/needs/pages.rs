//! The need's pages: a new need, the need page (its text, status,
//! requirements, demand and discussion) and the edit. The lists and the
//! history have pages of their own, named here too. Every resource is
//! created at the top of its page, never inside a `Suspense`
//! (leptos-rs/leptos#4866).

use super::{
    api::{ChangeNeedStatus, CreateNeed, EditNeed, MergeNeed},
    demand::pages::{DeclareForm, DemandSection},
    fields::{cpv_label, field_labels, NeedFields},
    requirements::pages::Requirements,
    text::{status_label, text},
    Need, NeedStatus, NeedView, Quarter,
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

/// The query parameter that opens the merge form (in place of the status
/// form, whose reason field has the same name).
const MERGE_PARAM: &str = "sla-ihop";
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

/// A form the page shows openly when it is what the person came to do,
/// else behind a disclosure that opens when the form came back refused
/// or restored.
#[component]
pub(in crate::needs) fn FormPlace(
    heading: &'static str,
    id: &'static str,
    /// Shown openly, under a heading.
    first: bool,
    /// Behind the disclosure, opened.
    open: bool,
    children: Children,
) -> impl IntoView {
    if first {
        view! {
            <div class="form-place" id=id>
                <h3>{heading}</h3>
                {children()}
            </div>
        }
        .into_any()
    } else {
        view! {
            <details class="disclosure" id=id open=open>
                <summary>{heading}</summary>
                {children()}
            </details>
        }
        .into_any()
    }
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
    let sv = (lang == Lang::En).then_some("sv");
    let declared = super::demand::text::text(lang).declared;
    let need = view.need;
    let rights = view.rights;
    let staircase = Staircase::parse(&need.staircase);
    let cpv = need
        .cpv
        .iter()
        .map(|code| cpv_label(code, lang))
        .collect::<Vec<_>>()
        .join(", ");
    let lans = need
        .regions
        .iter()
        .filter_map(|c| regions::lan(c).map(|l| l.name))
        .collect::<Vec<_>>()
        .join(", ");
    let id = need.public_id.clone();
    let created = match query_value("sparat").as_str() {
        "" => None,
        "utkast" => Some(t.created_draft),
        _ => Some(t.created_shared),
    };
    // Interest and requirements are gathered until the need is specified.
    let gathering = matches!(
        need.status,
        NeedStatus::Draft | NeedStatus::Shared | NeedStatus::InDialogue
    );
    let may_merge = rights.govern && !view.merge_targets.is_empty();
    let merging = may_merge
        && (query_has(MERGE_PARAM) || FormFeedback::for_action(MergeNeed::PATH).error().is_some());
    let status_refused = FormFeedback::for_action(ChangeNeedStatus::PATH)
        .error()
        .is_some();
    let status_form = (rights.edit && !merging).then(|| {
        let change = status_change(&need, lang);
        if rights.owns {
            view! { <StatusChangeForm change /> }.into_any()
        } else {
            view! {
                <details class="disclosure" open=status_refused>
                    <summary>{t.change_status}</summary>
                    <StatusChangeForm change />
                </details>
            }
            .into_any()
        }
    });
    let declare_for = view.declare_for;
    let answers: Vec<_> = view
        .interests
        .iter()
        .filter(|i| {
            declare_for
                .iter()
                .any(|(org, _)| *org == i.organisation_public_id)
        })
        .cloned()
        .collect();
    view! {
        <Title text=need.title.clone() />
        <p class="breadcrumb">
            <a href=format!("/natverk/{}", need.network_public_id) lang=sv>{need.network_name.clone()}</a>
        </p>
        <h1 lang=sv>{need.title.clone()}</h1>
        <Notice show=created.is_some() text=created.unwrap_or_default() id="behov-sparat" />
        <Notice show=query_has("andrat") text=t.edited id="behov-andrat" />
        <Notice show=query_has("sammanslaget") text=t.merged id="sammanslaget" />
        {need.merged_into.clone().map(|(target, title)| view! {
            <p class="notice">{t.merged_into}" "<a href=format!("/behov/{target}") lang=sv>{title}</a></p>
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
        <Notice show=query_has("status") text=t.status_changed id="status-andrad" />
        <section aria-labelledby="problem" class="prose">
            <h2 id="problem">{t.problem}</h2>
            <div inner_html=view.problem_html lang=sv></div>
            <h2>{t.effect}</h2>
            <div inner_html=view.effect_html lang=sv></div>
            <h2>{t.affected}</h2>
            <div inner_html=view.affected_html lang=sv></div>
        </section>
        {rights.edit.then(|| view! {
            <p><a class="button button--quiet-dark" href=format!("/behov/{id}/andra")>{t.edit_heading}</a></p>
        })}
        {status_form}
        <Requirements need=need.public_id.clone() requirements=view.requirements
            may_propose=rights.propose may_accept=rights.edit
            propose_first=!rights.owns && gathering />
        <DemandSection need=need.public_id.clone() demand=view.demand interests=view.interests />
        {(!declare_for.is_empty()).then(|| view! {
            <DeclareForm need=need.public_id.clone() organisations=declare_for answers
                first=!rights.owns notice=declared />
        })}
        {may_merge.then(|| if merging {
            view! { <MergeSection need=need.public_id.clone() targets=view.merge_targets /> }.into_any()
        } else {
            view! {
                <p><a href=format!("/behov/{id}?{MERGE_PARAM}=1#sla-ihop")>{t.merge_heading}</a></p>
            }
            .into_any()
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
            <ErrorSummary level=3 error=form.error() labels=vec![("into", t.merge_into), ("reason", t.reason)] />
            <ActionForm action>
                <input type="hidden" name="need" value=need.clone() />
                <SelectField name="into" label=t.merge_into options=targets selected=fields.value("into")
                    required=true problem=fields.problem("into") />
                <TextField name="reason" label=t.reason required=true multiline=true
                    max_length=REASON_MAX value=fields.value("reason")
                    problem=fields.problem("reason") />
                <div class="button-row">
                    <button type="submit" class="button button--quiet-dark">{t.merge_button}</button>
                    <a class="button button--quiet-dark" href=format!("/behov/{need}")>{t.merge_cancel}</a>
                </div>
            </ActionForm>
        </section>
    }
}

/// Edits a need; the form carries the version it was loaded at, so an
/// edit made meanwhile by someone else is not silently overwritten.
#[component]
pub fn EditNeedPage() -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
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
                        <p class="breadcrumb">
                            <a href=format!("/behov/{}", need.public_id) lang=(lang == Lang::En).then_some("sv")>
                                {need.title.clone()}
                            </a>
                        </p>
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
