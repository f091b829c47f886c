//! The demand on the need page: totals, a chart, each organisation's
//! declaration, the download, and the form to declare.

use super::{
    api::DeclareInterest,
    text::{compact_kronor, confidence_explanation, confidence_label, text},
    Confidence, Demand, Interest, COMMENT_MAX, UNIT_MAX,
};
use crate::{
    i18n::{use_lang, Lang},
    needs::{pages::quarter_options, text::kronor, Quarter},
    ui::form::{ErrorSummary, FormFeedback, Notice, SelectField, TextField},
    ui::query_has,
};
use leptos::{prelude::*, server_fn::ServerFn};

/// The aggregated demand: totals, volumes per unit, a chart of value over
/// earliest start (an image for those who see it; the same numbers are in
/// the tables), each organisation's declaration and the CSV download.
#[component]
pub fn DemandSection(need: String, demand: Demand, interests: Vec<Interest>) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    // Units and comments are written by people, in Swedish.
    let written = (lang == Lang::En).then_some("sv");
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
            <dl class="facts demand-total">
                <dt>{t.demand_summary_orgs}</dt><dd>{lang.number(demand.organisations)}</dd>
                <dt>{t.demand_total}</dt><dd>{kronor(demand.total_value, lang)}</dd>
            </dl>
            <table class="table">
                <caption>{t.demand_by_unit}</caption>
                <thead><tr>
                    <th scope="col">{t.unit}</th>
                    <th scope="col">{t.demand_summary_orgs}</th>
                    <th scope="col">{t.quantity_total}</th>
                </tr></thead>
                <tbody>
                    {demand.by_unit.iter().map(|(unit, count, quantity)| view! {
                        <tr><th scope="row" lang=written>{unit.clone()}</th><td>{lang.number(*count)}</td><td>{lang.number(*quantity)}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
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
                        <tr><th scope="row">{q.label(lang)}</th><td>{lang.number(*count)}</td><td>{kronor(*value, lang)}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
            <table class="table">
                <caption>{t.demand_by_confidence}</caption>
                <thead><tr>
                    <th scope="col">{t.confidence_column}</th>
                    <th scope="col">{t.demand_summary_orgs}</th>
                    <th scope="col">{t.value}</th>
                </tr></thead>
                <tbody>
                    {demand.by_confidence.iter().map(|(c, count, value)| view! {
                        <tr><th scope="row">{confidence_label(*c, lang)}</th><td>{lang.number(*count)}</td><td>{kronor(*value, lang)}</td></tr>
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
                    <th scope="col">{t.confidence_column}</th>
                    <th scope="col">{t.comment}</th>
                </tr></thead>
                <tbody>
                    {interests.into_iter().map(|i| view! {
                        <tr>
                            <th scope="row">{i.organisation}</th>
                            <td lang=written>{format!("{} {}", lang.number(i.quantity), i.unit)}</td>
                            <td>{kronor(i.value_sek, lang)}</td>
                            <td>{i.earliest.label(lang)}</td>
                            <td>{confidence_label(i.confidence, lang)}</td>
                            <td lang=written>{i.comment}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <p><a href=format!("/behov/{need}/efterfragan.csv") download="efterfragan.csv">{t.download_demand}</a></p>
        </section>
    }
    .into_any()
}

/// Bars of estimated value per quarter of earliest start, each with its
/// value written above it and an axis naming what is measured.
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
    let bar_width = 72;
    let gap = 16;
    let height = 160;
    let top = 24;
    let left = 8;
    let width = left + (timeline.len() as i64 * (bar_width + gap)).max(200);
    let description = timeline
        .iter()
        .map(|(q, count, value)| format!("{}: {} ({count})", q.label(lang), kronor(*value, lang)))
        .collect::<Vec<_>>()
        .join("; ");
    view! {
        <svg class="chart" role="img" aria-labelledby="chart-title chart-desc"
            viewBox=format!("0 0 {width} {}", top + height + 44)>
            <title id="chart-title">{t.chart_title}</title>
            <desc id="chart-desc">{description}</desc>
            <text x=left y=14 class="chart__axis">{t.chart_axis}</text>
            <line x1=left y1=top + height x2=width y2=top + height class="chart__baseline" />
            {timeline.into_iter().enumerate().map(|(i, (q, _, value))| {
                let bar = (value * height / max).max(2);
                let x = left + i as i64 * (bar_width + gap);
                let centre = x + bar_width / 2;
                view! {
                    <rect x=x y=top + height - bar width=bar_width height=bar class="chart__bar" />
                    <text x=centre y=top + height - bar - 6 text-anchor="middle" class="chart__value">{compact_kronor(value, lang)}</text>
                    <text x=centre y=top + height + 18 text-anchor="middle" class="chart__label">{q.label(lang)}</text>
                }
            }).collect_view()}
        </svg>
    }
}

/// Declaring interest: for each organisation that has answered, its answer
/// ("Ert svar") with the form to change it behind a disclosure; otherwise
/// the form itself, open when declaring is the person's next step
/// (`first`), behind a disclosure when it is not (the need's owner).
#[component]
pub fn DeclareForm(
    need: String,
    organisations: Vec<(String, String)>,
    /// The answers the person's organisations have given already.
    answers: Vec<Interest>,
    first: bool,
    /// The status message after saving.
    notice: &'static str,
) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let form = FormFeedback::for_action(DeclareInterest::PATH);
    let refused = form.error().is_some();
    let saved = query_has("intresse");
    let answered = answers.first().cloned();
    let form_view = view! { <InterestForm need organisations answer=answered.clone() form /> };
    let body = match &answered {
        Some(_) => view! {
            <h3>{t.your_answer}</h3>
            {answers.into_iter().map(|a| view! { <Answer answer=a /> }).collect_view()}
            <details class="disclosure" open=refused>
                <summary>{t.change_answer}</summary>
                {form_view}
            </details>
        }
        .into_any(),
        None if first || refused => form_view.into_any(),
        None => view! {
            <details class="disclosure">
                <summary>{t.declare_open}</summary>
                {form_view}
            </details>
        }
        .into_any(),
    };
    view! {
        <section aria-labelledby="anmal">
            <h2 id="anmal">{t.declare_heading}</h2>
            <Notice show=saved text=notice id="intresse-sparat" />
            <p>{t.declare_lead}</p>
            {body}
        </section>
    }
}

/// One organisation's answer as it stands.
#[component]
fn Answer(answer: Interest) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let sv = (lang == Lang::En).then_some("sv");
    view! {
        <dl class="facts">
            <dt>{t.organisation}</dt><dd>{answer.organisation}</dd>
            <dt>{t.quantity}</dt><dd lang=sv>{format!("{} {}", lang.number(answer.quantity), answer.unit)}</dd>
            <dt>{t.value}</dt><dd>{kronor(answer.value_sek, lang)}</dd>
            <dt>{t.earliest}</dt><dd>{answer.earliest.label(lang)}</dd>
            <dt>{t.confidence_column}</dt><dd>{confidence_label(answer.confidence, lang)}</dd>
            {(!answer.comment.is_empty()).then(|| view! {
                <dt>{t.comment}</dt><dd lang=sv>{answer.comment.clone()}</dd>
            })}
        </dl>
    }
}

/// The fields of a declaration, prefilled from what was sent (after a
/// refusal) or else from the organisation's answer.
#[component]
fn InterestForm(
    need: String,
    organisations: Vec<(String, String)>,
    answer: Option<Interest>,
    form: FormFeedback,
) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let for_organisation = crate::needs::text::text(lang).for_organisation;
    let action = ServerAction::<DeclareInterest>::new();
    let refused = form.error().is_some();
    let value = |field: &str, answered: Option<String>| {
        if refused {
            form.value(field)
        } else {
            answered.unwrap_or_default()
        }
    };
    let a = answer.as_ref();
    let organisation = value("organisation", a.map(|a| a.organisation_public_id.clone()));
    let quantity = value("quantity", a.map(|a| a.quantity.to_string()));
    let unit = value("unit", a.map(|a| a.unit.clone()));
    let worth = value("value", a.map(|a| a.value_sek.to_string()));
    let earliest = value("earliest", a.map(|a| a.earliest.code()));
    let comment = value("comment", a.map(|a| a.comment.clone()));
    let confidence = match value("confidence", a.map(|a| a.confidence.code().to_string())) {
        sent if sent.is_empty() => Confidence::Medium.code().to_string(),
        sent => sent,
    };
    let confidence_options: Vec<(String, String)> = Confidence::ALL
        .into_iter()
        .map(|c| {
            let label = format!(
                "{} – {}",
                confidence_label(c, lang),
                confidence_explanation(c, lang)
            );
            (c.code().into(), label)
        })
        .collect();
    let button = if answer.is_some() {
        t.save_answer
    } else {
        t.declare_button
    };
    view! {
        <ErrorSummary level=3 error=form.error() labels=vec![
            ("organisation", for_organisation), ("quantity", t.quantity), ("unit", t.unit),
            ("value", t.value), ("earliest", t.earliest), ("confidence", t.confidence),
            ("comment", t.comment),
        ] />
        <ActionForm action>
            <input type="hidden" name="need" value=need />
            <SelectField name="organisation" label=for_organisation options=organisations
                selected=organisation required=true problem=form.problem("organisation") />
            <TextField name="quantity" label=t.quantity required=true kind="text" max_length=12
                value=quantity problem=form.problem("quantity") />
            <TextField name="unit" label=t.unit hint=t.unit_hint required=true max_length=UNIT_MAX
                value=unit problem=form.problem("unit") />
            <TextField name="value" label=t.value hint=t.value_hint required=true max_length=20
                value=worth problem=form.problem("value") />
            <SelectField name="earliest" label=t.earliest options=quarter_options(lang)
                selected=earliest required=true problem=form.problem("earliest") />
            <SelectField name="confidence" label=t.confidence hint=t.confidence_hint
                options=confidence_options selected=confidence required=true
                problem=form.problem("confidence") />
            <TextField name="comment" label=t.comment multiline=true max_length=COMMENT_MAX
                value=comment problem=form.problem("comment") />
            <button type="submit" class="button">{button}</button>
        </ActionForm>
    }
}
