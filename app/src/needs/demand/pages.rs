//! The demand on the need page: totals, a chart, each organisation's
//! declaration, the download, and the form to declare.

use super::{
    api::DeclareInterest,
    text::{confidence_label, text},
    Confidence, Demand, Interest, COMMENT_MAX, UNIT_MAX,
};
use crate::{
    i18n::use_lang,
    needs::{pages::quarter_options, text::kronor, Quarter},
    ui::form::{ErrorSummary, FormFeedback, SelectField, TextField},
};
use leptos::{prelude::*, server_fn::ServerFn};

/// The aggregated demand: totals, a chart of value over earliest start
/// (an image for those who see it; the same numbers are in the tables),
/// each organisation's declaration and the CSV download.
#[component]
pub fn DemandSection(need: String, demand: Demand, interests: Vec<Interest>) -> impl IntoView {
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

/// The form to declare interest, for the organisations the person may
/// declare for.
#[component]
pub fn DeclareForm(need: String, organisations: Vec<(String, String)>) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let for_organisation = crate::needs::text::text(lang).for_organisation;
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
                <SelectField name="organisation" label=for_organisation options=organisations
                    selected=fields.value("organisation") />
                <TextField name="quantity" label=t.quantity required=true kind="text" max_length=12
                    value=fields.value("quantity") problem=fields.problem("quantity") />
                <TextField name="unit" label=t.unit hint=t.unit_hint required=true max_length=UNIT_MAX
                    value=fields.value("unit") problem=fields.problem("unit") />
                <TextField name="value" label=t.value hint=t.value_hint required=true max_length=20
                    value=fields.value("value") problem=fields.problem("value") />
                <SelectField name="earliest" label=t.earliest options=quarter_options(lang)
                    selected=fields.value("earliest") problem=fields.problem("earliest") />
                <SelectField name="confidence" label=t.confidence options=confidence_options
                    selected=chosen_confidence problem=fields.problem("confidence") />
                <TextField name="comment" label=t.comment multiline=true max_length=COMMENT_MAX
                    value=fields.value("comment") problem=fields.problem("comment") />
                <button type="submit" class="button">{t.declare_button}</button>
            </ActionForm>
        </section>
    }
}
