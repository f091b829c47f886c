//! The fields of a need's form, for a new need and for an edit. The 45
//! CPV divisions and the 21 län are long lists: each is a set of closed
//! groups (Varor, Byggentreprenader, Tjänster; Götaland, Svealand,
//! Norrland) that open by themselves when they hold a chosen value, so
//! the form stays short and works without JavaScript.

use super::{
    text::{text, NeedStrings},
    Need, TEXT_MAX, TITLE_MAX,
};
use crate::{
    i18n::{use_lang, Lang},
    regions,
    staircase::Staircase,
    ui::form::{FieldGroup, FormFeedback, SelectField, TextField},
};
use leptos::prelude::*;

/// "34000000-7 Transportutrustning …" for a division, else the code.
pub(in crate::needs) fn cpv_label(code: &str, lang: Lang) -> String {
    match crate::cpv::division(code.get(..2).unwrap_or_default()) {
        Some(d) if d.full == code => format!("{code} {}", d.name(lang)),
        _ => code.to_string(),
    }
}

/// Which of the three kinds of contract a CPV division is: supplies
/// (03–44 and 48), works (45) or services (50–98).
fn contract_kind(division: &str) -> usize {
    match division {
        "45" => 1,
        "48" => 0,
        d if d < "45" => 0,
        _ => 2,
    }
}

/// Which part of the country a län is in: Götaland, Svealand, Norrland.
fn landsdel(lan: &str) -> usize {
    match lan {
        "01" | "03" | "04" | "17" | "18" | "19" | "20" => 1,
        "21" | "22" | "23" | "24" | "25" => 2,
        _ => 0,
    }
}

/// A group of check boxes behind a disclosure, open when it holds a
/// chosen value.
#[component]
fn ChoiceGroup(
    summary: &'static str,
    /// The field's name as the form sends it (`divisions[]`).
    name: &'static str,
    /// Makes each box's id (`field-division-34`).
    id_prefix: &'static str,
    /// (value, label)
    options: Vec<(String, String)>,
    chosen: Vec<String>,
) -> impl IntoView {
    let open = options.iter().any(|(value, _)| chosen.contains(value));
    view! {
        <details class="disclosure choice-group" open=open>
            <summary>{summary}</summary>
            <div class="choices choices--wide">
                {options.into_iter().map(|(value, label)| {
                    let id = format!("field-{id_prefix}-{value}");
                    let checked = chosen.contains(&value);
                    view! {
                        <div class="choice">
                            <input type="checkbox" id=id.clone() name=name value=value checked=checked />
                            <label for=id>{label}</label>
                        </div>
                    }
                }).collect_view()}
            </div>
        </details>
    }
}

/// The fields of a need, for a new one and for an edit: what was sent
/// when the form came back, else what is saved.
#[component]
pub(in crate::needs) fn NeedFields(fields: FormFeedback, current: Option<Need>) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let sent = fields.error().is_some();
    let saved = current.as_ref();
    let value = |name: &str, saved: Option<String>| {
        if sent {
            fields.value(name)
        } else {
            saved.unwrap_or_default()
        }
    };
    let staircase = value("staircase", saved.map(|n| n.staircase.clone()));
    let staircase = if staircase.is_empty() && !sent {
        Staircase::Infora.code().to_string()
    } else {
        staircase
    };
    let horizon = value("horizon", saved.map(|n| n.horizon.code()));
    let is_division = |c: &String| c[2..].starts_with("000000-");
    let saved_cpv = saved.map(|n| n.cpv.clone()).unwrap_or_default();
    let saved_divisions: Vec<String> = saved_cpv
        .iter()
        .filter(|c| is_division(c))
        .map(|c| c[..2].to_string())
        .collect();
    let saved_extra: Vec<String> = saved_cpv.into_iter().filter(|c| !is_division(c)).collect();
    let divisions = fields.values("divisions").unwrap_or(saved_divisions);
    let lans = fields
        .values("regions")
        .unwrap_or_else(|| saved.map(|n| n.regions.clone()).unwrap_or_default());
    let kinds = [t.goods, t.works, t.services];
    let division_groups = kinds
        .iter()
        .enumerate()
        .map(|(kind, summary)| {
            let options = crate::cpv::divisions()
                .iter()
                .filter(|d| contract_kind(d.code) == kind)
                .map(|d| (d.code.to_string(), format!("{} {}", d.code, d.name(lang))))
                .collect::<Vec<_>>();
            view! {
                <ChoiceGroup summary=*summary name="divisions[]" id_prefix="division" options
                    chosen=divisions.clone() />
            }
        })
        .collect_view();
    let lan_groups = ["Götaland", "Svealand", "Norrland"]
        .into_iter()
        .enumerate()
        .map(|(part, summary)| {
            let options = regions::LAN
                .iter()
                .filter(|l| landsdel(l.code) == part)
                .map(|l| (l.code.to_string(), l.name.to_string()))
                .collect::<Vec<_>>();
            view! {
                <ChoiceGroup summary name="regions[]" id_prefix="region" options chosen=lans.clone() />
            }
        })
        .collect_view();
    let text_field = |name: &'static str| {
        value(
            name,
            saved.map(|n| match name {
                "title" => n.title.clone(),
                "problem" => n.problem.clone(),
                "effect" => n.effect.clone(),
                _ => n.affected.clone(),
            }),
        )
    };
    view! {
        <TextField name="title" label=t.title required=true max_length=TITLE_MAX
            value=text_field("title") problem=fields.problem("title") />
        <TextField name="problem" label=t.problem hint=t.problem_hint required=true multiline=true
            max_length=TEXT_MAX value=text_field("problem") problem=fields.problem("problem") />
        <TextField name="effect" label=t.effect hint=t.effect_hint required=true multiline=true
            max_length=TEXT_MAX value=text_field("effect") problem=fields.problem("effect") />
        <TextField name="affected" label=t.affected hint=t.affected_hint required=true multiline=true
            max_length=TEXT_MAX value=text_field("affected") problem=fields.problem("affected") />
        <FieldGroup name="staircase" legend=t.staircase required=true problem=fields.problem("staircase")>
            {Staircase::ALL.into_iter().map(|s| {
                let id = format!("field-staircase-{}", s.code());
                view! {
                    <div class="choice">
                        <input type="radio" id=id.clone() name="staircase" value=s.code()
                            checked=s.code() == staircase />
                        <label for=id>
                            <strong>{s.label(lang)}</strong>" – "{s.explanation(lang)}
                        </label>
                    </div>
                }
            }).collect_view()}
        </FieldGroup>
        <FieldGroup name="divisions" legend=t.divisions hint=t.divisions_hint required=true
            problem=fields.problem("divisions")>
            {division_groups}
        </FieldGroup>
        <TextField name="cpv_codes" label=t.cpv_codes hint=t.cpv_codes_hint
            value=value("cpv_codes", Some(saved_extra.join(" "))) problem=fields.problem("cpv_codes") />
        <FieldGroup name="regions" legend=t.regions hint=t.regions_hint required=true
            problem=fields.problem("regions")>
            {lan_groups}
        </FieldGroup>
        <SelectField name="horizon" label=t.horizon options=super::pages::quarter_options(lang)
            selected=horizon required=true problem=fields.problem("horizon") />
    }
}

/// Every field the need form can refuse, for the error summary.
pub(in crate::needs) fn field_labels(t: &'static NeedStrings) -> Vec<(&'static str, &'static str)> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_division_and_lan_falls_in_one_group() {
        let kinds: Vec<usize> = crate::cpv::divisions()
            .iter()
            .map(|d| contract_kind(d.code))
            .collect();
        assert_eq!(
            kinds.iter().filter(|k| **k == 1).count(),
            1,
            "45 alone is works"
        );
        assert_eq!(contract_kind("48"), 0, "software is supplies");
        assert_eq!(contract_kind("72"), 2);
        let parts: Vec<usize> = regions::LAN.iter().map(|l| landsdel(l.code)).collect();
        assert_eq!(
            [0, 1, 2].map(|p| parts.iter().filter(|x| **x == p).count()),
            [9, 7, 5]
        );
    }
}
