//! The plan form's fields, shared by planning a dialogue and correcting
//! one: empty (or as sent back) for a new plan, filled in with the plan
//! as it stands when it is corrected. Groups (the needs, the answer
//! deadline, each meeting) carry their errors as `FieldGroup`s, whose ids
//! the error summary links to and the fields inside point at.

use super::{
    text::{format_label, meeting_legend, text, DialogueText},
    Dialogue, DialogueFormat, MEETINGS_MAX, TEXT_MAX, TITLE_MAX,
};
use crate::{
    error::FieldProblem,
    i18n::use_lang,
    regions,
    time::stockholm_parts,
    ui::form::{FieldGroup, FormFeedback, SelectField, TextField},
};
use leptos::prelude::*;

/// The meeting rows' group names; the form shows at most this many rows
/// (as many as `meeting_legend` names).
const SESSION_FIELDS: [&str; MEETINGS_MAX] = [
    "session_1",
    "session_2",
    "session_3",
    "session_4",
    "session_5",
    "session_6",
    "session_7",
    "session_8",
];

/// Rows for a new plan, and blank rows added after a plan's meetings.
const NEW_ROWS: usize = 3;
const BLANK_ROWS: usize = 1;

/// The labels the error summary names the plan's fields with.
pub fn plan_labels(t: &'static DialogueText) -> Vec<(&'static str, &'static str)> {
    vec![
        ("organisation", t.host),
        ("title", t.title),
        ("purpose", t.purpose),
        ("form", t.form),
        ("needs", t.needs),
        ("questions", t.questions),
        ("cpv", t.cpv),
        ("lan", t.lan),
        ("estimated_value", t.value),
        ("deadline", t.deadline),
        ("capacity", t.capacity),
        ("session", t.meeting),
    ]
}

/// One meeting row as shown: (meeting's public id, date, start, end,
/// place, link).
type Row = [String; 6];

const ROW_FIELDS: [&str; 6] = [
    "session_id",
    "session_date",
    "session_start",
    "session_end",
    "session_place",
    "session_link",
];

/// The plan's fields. `organisations` is the choice of host for a new
/// plan (`None` when a plan is corrected: its hosts stay); `current` the
/// plan being corrected. What a refused form sent comes back instead.
#[component]
pub fn PlanFields(
    form: FormFeedback,
    #[prop(optional_no_strip)] organisations: Option<Vec<(String, String)>>,
    #[prop(optional_no_strip)] current: Option<Dialogue>,
    /// The network's needs a dialogue may cover: (public id, title).
    needs: Vec<(String, String)>,
) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let f = form.clone();
    let sent_back = form.error().is_some();
    let d = current.clone();
    // A field's value: as sent back, else as the plan stands.
    let value = |name: &str, stored: &dyn Fn(&Dialogue) -> String| {
        if sent_back {
            f.value(name)
        } else {
            d.as_ref().map(stored).unwrap_or_default()
        }
    };
    let deadline = d.as_ref().map(|d| stockholm_parts(d.answer_deadline));
    let title = value("title", &|d| d.title.clone());
    let purpose = value("purpose", &|d| d.purpose.clone());
    let chosen_form = value("form", &|d| d.form.code().to_string());
    let questions = value("questions", &|d| d.questions.join("\n"));
    let cpv = value("cpv", &|d| d.cpv.clone());
    let lan = value("lan", &|d| d.lan.clone());
    let estimated_value = value("estimated_value", &|d| {
        d.estimated_value.map(|v| v.to_string()).unwrap_or_default()
    });
    let capacity = value("capacity", &|d| d.capacity.to_string());
    let (deadline_date, deadline_time) = if sent_back {
        (f.value("deadline_date"), f.value("deadline_time"))
    } else {
        deadline.unwrap_or_default()
    };
    let chosen_needs: Vec<String> = if sent_back {
        f.values("needs").unwrap_or_default()
    } else {
        d.as_ref()
            .map(|d| d.needs.iter().map(|(id, _)| id.clone()).collect())
            .unwrap_or_default()
    };
    let rows = meeting_rows(&f, sent_back, d.as_ref());
    let forms: Vec<(String, String)> = DialogueFormat::ALL
        .into_iter()
        .map(|d| (d.code().into(), format_label(d, lang).into()))
        .collect();
    let lans: Vec<(String, String)> = regions::LAN
        .iter()
        .map(|l| (l.code.into(), l.name.into()))
        .collect();
    let correcting = current.is_some();
    view! {
        {organisations.map(|options| view! {
            <SelectField name="organisation" label=t.host options
                selected=f.value("organisation") problem=f.problem("organisation") />
        })}
        <TextField name="title" label=t.title required=true max_length=TITLE_MAX
            value=title problem=f.problem("title") />
        <TextField name="purpose" label=t.purpose required=true multiline=true max_length=TEXT_MAX
            value=purpose problem=f.problem("purpose") />
        <SelectField name="form" label=t.form options=forms selected=chosen_form problem=f.problem("form") />
        <NeedChoices needs chosen=chosen_needs problem=f.problem("needs") />
        <TextField name="questions" label=t.questions hint=t.questions_hint required=true multiline=true
            max_length=TEXT_MAX value=questions problem=f.problem("questions") />
        <TextField name="cpv" label=t.cpv hint=t.cpv_hint required=true max_length=12
            value=cpv problem=f.problem("cpv") />
        <SelectField name="lan" label=t.lan options=lans selected=lan problem=f.problem("lan") />
        <TextField name="estimated_value" label=t.value max_length=20
            value=estimated_value problem=f.problem("estimated_value") />
        <DeadlineFields date=deadline_date time=deadline_time problem=f.problem("deadline") />
        <TextField name="capacity" label=t.capacity required=true max_length=6
            value=capacity problem=f.problem("capacity") />
        <h2>{t.meetings}</h2>
        <p class="hint">{t.meetings_hint}</p>
        {rows.into_iter().zip(SESSION_FIELDS).enumerate().map(|(i, (row, name))| {
            view! { <MeetingRow n=i + 1 name row problem=f.problem(name) keeps_id=correcting /> }
        }).collect_view()}
    }
}

/// The rows the form shows: as sent back, else the plan's meetings and a
/// blank row (or three blank rows for a new plan).
fn meeting_rows(f: &FormFeedback, sent_back: bool, current: Option<&Dialogue>) -> Vec<Row> {
    let mut rows: Vec<Row> = if sent_back {
        let columns: Vec<Vec<String>> = ROW_FIELDS
            .iter()
            .map(|name| f.values(name).unwrap_or_default())
            .collect();
        let count = columns.iter().map(Vec::len).max().unwrap_or(0);
        (0..count)
            .map(|i| std::array::from_fn(|c| columns[c].get(i).cloned().unwrap_or_default()))
            .collect()
    } else {
        current
            .map(|d| {
                d.meetings
                    .iter()
                    .map(|m| {
                        let (date, start) = stockholm_parts(m.starts_at);
                        let (_, end) = stockholm_parts(m.ends_at);
                        [
                            m.public_id.clone(),
                            date,
                            start,
                            end,
                            m.place.clone(),
                            m.link.clone(),
                        ]
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    let wanted = match current {
        Some(_) => rows.len() + BLANK_ROWS,
        None => rows.len().max(NEW_ROWS),
    };
    rows.resize_with(
        wanted.clamp(NEW_ROWS, SESSION_FIELDS.len()),
        Default::default,
    );
    rows
}

/// The needs covered: check boxes under one legend.
#[component]
fn NeedChoices(
    needs: Vec<(String, String)>,
    chosen: Vec<String>,
    #[prop(optional_no_strip)] problem: Option<FieldProblem>,
) -> impl IntoView {
    let t = text(use_lang());
    let described = problem.map(|_| "field-needs-error");
    view! {
        <FieldGroup name="needs" legend=t.needs hint=t.needs_hint required=true problem>
            <div class="choices">
                {needs.into_iter().map(|(id, title)| {
                    let field = format!("field-need-{id}");
                    let checked = chosen.contains(&id);
                    view! {
                        <div class="choice">
                            <input type="checkbox" id=field.clone() name="needs[]" value=id checked=checked
                                aria-describedby=described aria-invalid=problem.map(|_| "true") />
                            <label for=field>{title}</label>
                        </div>
                    }
                }).collect_view()}
            </div>
        </FieldGroup>
    }
}

/// The answer deadline: a date and a time under one legend.
#[component]
fn DeadlineFields(
    date: String,
    time: String,
    #[prop(optional_no_strip)] problem: Option<FieldProblem>,
) -> impl IntoView {
    let t = text(use_lang());
    let described = problem.map(|_| "field-deadline-error");
    let invalid = problem.map(|_| "true");
    view! {
        <FieldGroup name="deadline" legend=t.deadline required=true problem>
            <div class="session-fields">
                <div class="field">
                    <label for="field-deadline-date">{t.date}</label>
                    <p class="hint" id="field-deadline-date-hint">{t.date_hint}</p>
                    <input type="date" id="field-deadline-date" name="deadline_date" value=date aria-required="true"
                        aria-describedby=format!("field-deadline-date-hint{}", described.map(|d| format!(" {d}")).unwrap_or_default())
                        aria-invalid=invalid />
                </div>
                <div class="field">
                    <label for="field-deadline-time">{t.time}</label>
                    <input type="time" id="field-deadline-time" name="deadline_time" value=time aria-required="true"
                        aria-describedby=described aria-invalid=invalid />
                </div>
            </div>
        </FieldGroup>
    }
}

/// One meeting: its date, times, place and link, and, when a plan is
/// corrected, the meeting the row shows (`session_id[]`).
#[component]
fn MeetingRow(
    n: usize,
    name: &'static str,
    row: Row,
    #[prop(optional_no_strip)] problem: Option<FieldProblem>,
    keeps_id: bool,
) -> impl IntoView {
    let t = text(use_lang());
    let [meeting, date, start, end, place, link] = row;
    let id = move |part: &str| format!("field-session-{n}-{part}");
    let described = problem.map(|_| format!("field-{name}-error"));
    let invalid = problem.map(|_| "true");
    let legend = meeting_legend(n, use_lang());
    view! {
        <FieldGroup name legend problem>
            {keeps_id.then(|| view! { <input type="hidden" name="session_id[]" value=meeting /> })}
            <div class="session-fields">
                <div class="field">
                    <label for=id("date")>{t.date}</label>
                    <input type="date" id=id("date") name="session_date[]" value=date
                        aria-describedby=described.clone() aria-invalid=invalid />
                </div>
                <div class="field">
                    <label for=id("start")>{t.starts}</label>
                    <input type="time" id=id("start") name="session_start[]" value=start
                        aria-describedby=described.clone() aria-invalid=invalid />
                </div>
                <div class="field">
                    <label for=id("end")>{t.ends}</label>
                    <input type="time" id=id("end") name="session_end[]" value=end
                        aria-describedby=described.clone() aria-invalid=invalid />
                </div>
                <div class="field">
                    <label for=id("place")>{t.place}</label>
                    <input type="text" id=id("place") name="session_place[]" value=place
                        aria-describedby=described.clone() aria-invalid=invalid />
                </div>
                <div class="field">
                    <label for=id("link")>{t.link}</label>
                    <input type="text" inputmode="url" id=id("link") name="session_link[]" value=link
                        aria-describedby=described aria-invalid=invalid />
                </div>
            </div>
        </FieldGroup>
    }
}
