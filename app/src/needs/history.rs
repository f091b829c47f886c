//! A need's history: every version of its text and of its requirements,
//! and the page that shows each with what changed since the one before.

use super::{
    requirements::{
        text::{level_word, text as requirement_text},
        RequirementVersion,
    },
    text::text,
    Quarter,
};
use crate::{
    i18n::{use_lang, Lang},
    regions,
    staircase::Staircase,
    time::format_stockholm,
};
use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

/// A need's history: every version of its text and of its requirements.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct History {
    pub need: super::Need,
    pub versions: Vec<VersionRow>,
    pub requirements: Vec<RequirementVersion>,
}

/// One saved version of a need, each field as (name, text).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionRow {
    pub version: i64,
    pub at: i64,
    pub author: String,
    pub organisation: String,
    pub fields: Vec<(String, String)>,
}

/// How one line of a field fared between two versions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    Same,
    Removed,
    Added,
}

/// A line diff (by `similar`): the lines of `old` and `new` in reading
/// order, each kept, removed or added.
pub fn line_diff(old: &str, new: &str) -> Vec<(Change, String)> {
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    similar::TextDiff::from_slices(&a, &b)
        .iter_all_changes()
        .map(|change| {
            let kind = match change.tag() {
                similar::ChangeTag::Equal => Change::Same,
                similar::ChangeTag::Delete => Change::Removed,
                similar::ChangeTag::Insert => Change::Added,
            };
            (kind, change.value().to_string())
        })
        .collect()
}

/// A saved field as people read it: labels instead of codes, and one
/// code list item per line, so the diff shows which one came or went.
fn shown(name: &str, saved: &str, lang: Lang) -> String {
    let each = |label: &dyn Fn(&str) -> String| {
        saved
            .split_whitespace()
            .map(label)
            .collect::<Vec<_>>()
            .join("\n")
    };
    match name {
        "staircase" => Staircase::parse(saved)
            .map(|s| s.label(lang).to_string())
            .unwrap_or_else(|| saved.to_string()),
        "horizon" => Quarter::parse(saved)
            .map(|q| q.label(lang))
            .unwrap_or_else(|| saved.to_string()),
        "cpv" => each(&|code| super::fields::cpv_label(code, lang)),
        "regions" => each(&|code| {
            regions::lan(code)
                .map(|l| l.name.to_string())
                .unwrap_or_else(|| code.to_string())
        }),
        _ => saved.to_string(),
    }
}

/// Whether a field holds text people wrote (in Swedish), not labels.
fn written(name: &str) -> bool {
    matches!(name, "title" | "problem" | "effect" | "affected")
}

/// A requirement's version as lines: its level and text, its motive and
/// how it is verified, each line named.
fn requirement_lines(v: &RequirementVersion, lang: Lang) -> String {
    let r = requirement_text(lang);
    format!(
        "{}: {}\n{}: {}\n{}: {}",
        level_word(v.level, lang),
        v.text,
        r.motive,
        v.motive,
        r.verification,
        v.verification
    )
}

/// Every version of a need, newest first, each with what changed since
/// the one before, line by line.
#[component]
pub fn NeedHistoryPage() -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let r = requirement_text(lang);
    if crate::accounts::signed_in_or_redirect().is_none() {
        return ().into_any();
    }
    let need = super::pages::param("id");
    let history = Resource::new(move || need.clone(), super::api::need_history);
    let field_name = move |name: &str| match name {
        "title" => t.title,
        "problem" => t.problem,
        "effect" => t.effect,
        "affected" => t.affected,
        "staircase" => t.staircase,
        "horizon" => t.horizon,
        "cpv" => t.cpv_all,
        _ => t.regions,
    };
    view! {
        <Title text=t.history_heading />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let Ok(History { need, versions, requirements }) = history.await else {
                    return view! { <crate::pages::not_found::NotFoundPage /> }.into_any();
                };
                let requirement_entries = requirement_history(requirements, lang);
                let sv = (lang == Lang::En).then_some("sv");
                let mut entries = Vec::new();
                let mut previous: Option<Vec<(String, String)>> = None;
                for v in versions {
                    let changes: Vec<(String, Vec<(Change, String)>)> = v
                        .fields
                        .iter()
                        .enumerate()
                        .filter_map(|(i, (name, new))| {
                            let old = previous.as_ref().map(|p| p[i].1.as_str()).unwrap_or("");
                            (old != new).then(|| {
                                let diff = line_diff(&shown(name, old, lang), &shown(name, new, lang));
                                (name.clone(), diff)
                            })
                        })
                        .collect();
                    previous = Some(v.fields.clone());
                    entries.push((v.version, v.at, v.author, v.organisation, changes));
                }
                entries.reverse();
                view! {
                    <h1>{format!("{}: ", t.history_heading)}<span lang=sv>{need.title.clone()}</span></h1>
                    <p class="breadcrumb"><a href=format!("/behov/{}", need.public_id) lang=sv>{need.title.clone()}</a></p>
                    {entries.into_iter().map(|(version, at, author, organisation, changes)| view! {
                        <section class="card version" aria-labelledby=format!("version-{version}")>
                            <h2 id=format!("version-{version}")>{format!("{} {version}", t.version)}</h2>
                            <p>{format!("{} {author} ({organisation}), {}", t.changed_by, format_stockholm(at))}</p>
                            {if changes.is_empty() {
                                view! { <p>{t.no_changes}</p> }.into_any()
                            } else {
                                changes.into_iter().map(|(name, lines)| view! {
                                    <h3>{field_name(&name)}</h3>
                                    <DiffLines lines removed=t.removed added=t.added
                                        lang=written(&name).then_some(sv).flatten() />
                                }).collect_view().into_any()
                            }}
                        </section>
                    }).collect_view()}
                    {(!requirement_entries.is_empty()).then(|| view! {
                        <h2>{r.requirements_history}</h2>
                        {requirement_entries.into_iter().map(|(number, requirement, versions)| view! {
                            <section class="card version" id=format!("krav-{requirement}")>
                                <h3>{format!("{} {number}", r.requirement)}</h3>
                                {versions.into_iter().rev().map(|(version, at, author, organisation, accepted, lines)| view! {
                                    <h4 id=format!("krav-{requirement}-v{version}")>{format!("{} {version}", t.version)}{accepted.then(|| format!(" – {}", r.accepted))}</h4>
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
    versions: Vec<RequirementVersion>,
    lang: Lang,
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
        let text = requirement_lines(&v, lang);
        let lines = line_diff(&previous, &text);
        previous = text;
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
    /// The lines' language, when it is not the page's.
    #[prop(optional_no_strip)]
    lang: Option<&'static str>,
) -> impl IntoView {
    view! {
        <ul class="diff" lang=lang>
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_diff_keeps_order_and_marks_changes() {
        use Change::*;
        let diff = line_diff("ett\ntvå\ntre", "ett\nTVÅ\ntre\nfyra");
        assert_eq!(
            diff,
            [
                (Same, "ett".to_string()),
                (Removed, "två".to_string()),
                (Added, "TVÅ".to_string()),
                (Same, "tre".to_string()),
                (Added, "fyra".to_string()),
            ]
        );
        assert_eq!(line_diff("", "ny"), [(Added, "ny".to_string())]);
    }

    #[test]
    fn saved_codes_are_shown_as_labels_one_per_line() {
        assert_eq!(shown("staircase", "infora", Lang::Sv), "Införa");
        assert_eq!(shown("horizon", "2026-4", Lang::Sv), "kv. 4 2026");
        assert_eq!(
            shown("regions", "01 03", Lang::Sv),
            "Stockholms län\nUppsala län"
        );
        assert_eq!(
            shown("cpv", "34000000-7 34144900-7", Lang::Sv),
            "34000000-7 Transportutrustning och transporthjälpmedel\n34144900-7"
        );
        assert_eq!(shown("title", "infora", Lang::Sv), "infora");
    }
}
