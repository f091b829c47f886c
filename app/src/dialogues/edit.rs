//! Correcting a plan before the dialogue is held: hosts, while the
//! dialogue is planned or announced, in a network that starts things.
//! The form is the plan form filled in; each meeting row names the
//! meeting it showed (`session_id[]`). What changed is worked out here
//! (`Change`), saved at once and logged in one entry that names it.

use super::{
    plan_form::{plan_labels, PlanFields},
    text::text,
    DialogueForm,
};
use crate::{
    error::AppError,
    i18n::use_lang,
    ui::form::{ErrorSummary, FormFeedback},
};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;

/// A part of a meeting that may change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MeetingPart {
    Time = 0,
    Place = 1,
    Link = 2,
}

/// The plan's fields in the order the log names them (`Change::Field`).
pub const FIELDS: [&str; 10] = [
    "title",
    "purpose",
    "form",
    "needs",
    "questions",
    "cpv",
    "lan",
    "estimated_value",
    "deadline",
    "capacity",
];

/// One change to a plan. Meetings are numbered as the dialogue page
/// lists them: changed and removed ones as they were, added ones as they
/// are now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// One of `FIELDS`, by its index.
    Field(usize),
    Meeting(usize, MeetingPart),
    Added(usize),
    Removed(usize),
}

impl Change {
    /// How the log's subject names the change: `title`, `session_2_place`,
    /// `session_3_added`.
    pub fn code(self) -> String {
        match self {
            Change::Field(i) => FIELDS[i].to_string(),
            Change::Meeting(n, part) => {
                let part = ["time", "place", "link"][part as usize];
                format!("session_{n}_{part}")
            }
            Change::Added(n) => format!("session_{n}_added"),
            Change::Removed(n) => format!("session_{n}_removed"),
        }
    }

    pub fn parse(code: &str) -> Option<Change> {
        if let Some(i) = FIELDS.iter().position(|f| *f == code) {
            return Some(Change::Field(i));
        }
        let (n, what) = code.strip_prefix("session_")?.split_once('_')?;
        let n: usize = n.parse().ok()?;
        Some(match what {
            "time" => Change::Meeting(n, MeetingPart::Time),
            "place" => Change::Meeting(n, MeetingPart::Place),
            "link" => Change::Meeting(n, MeetingPart::Link),
            "added" => Change::Added(n),
            "removed" => Change::Removed(n),
            _ => return None,
        })
    }
}

/// What changed from the plan as it stands to the corrected plan.
/// `needs` are the corrected plan's needs by public id. `Err` when a row
/// names a meeting the dialogue does not have, or two rows the same one.
#[cfg(feature = "ssr")]
pub fn changes(
    stored: &super::Dialogue,
    new: &super::NewDialogue,
    needs: &[String],
) -> Result<Vec<Change>, AppError> {
    let mut changed = Vec::new();
    let mut field = |name: &str, differs: bool| {
        if differs {
            let i = FIELDS.iter().position(|f| *f == name).unwrap_or_default();
            changed.push(Change::Field(i));
        }
    };
    let mut stored_needs: Vec<&str> = stored.needs.iter().map(|(id, _)| id.as_str()).collect();
    let mut new_needs: Vec<&str> = needs.iter().map(String::as_str).collect();
    stored_needs.sort_unstable();
    new_needs.sort_unstable();
    field("title", stored.title != new.title());
    field("purpose", stored.purpose != new.purpose());
    field("form", stored.form != new.format());
    field("needs", stored_needs != new_needs);
    field("questions", stored.questions != new.questions());
    field("cpv", stored.cpv != new.cpv().as_str());
    field("lan", stored.lan != new.lan().as_str());
    field(
        "estimated_value",
        stored.estimated_value != new.estimated_value(),
    );
    field("deadline", stored.answer_deadline != new.answer_deadline());
    field("capacity", stored.capacity != new.capacity());
    let mut kept = vec![false; stored.meetings.len()];
    let mut added = Vec::new();
    for (row, meeting) in new.meetings().iter().enumerate() {
        let Some(existing) = meeting.existing() else {
            added.push(Change::Added(row + 1));
            continue;
        };
        let at = stored
            .meetings
            .iter()
            .position(|m| m.public_id == existing)
            .filter(|at| !kept[*at])
            .ok_or(AppError::BadRequest)?;
        kept[at] = true;
        let old = &stored.meetings[at];
        let n = at + 1;
        if (old.starts_at, old.ends_at) != (meeting.starts_at(), meeting.ends_at()) {
            changed.push(Change::Meeting(n, MeetingPart::Time));
        }
        if old.place != meeting.place() {
            changed.push(Change::Meeting(n, MeetingPart::Place));
        }
        if old.link != meeting.link() {
            changed.push(Change::Meeting(n, MeetingPart::Link));
        }
    }
    changed.extend(added);
    changed.extend(
        kept.iter()
            .enumerate()
            .filter(|(_, kept)| !**kept)
            .map(|(at, _)| Change::Removed(at + 1)),
    );
    Ok(changed)
}

/// A host corrects the plan; every change is saved and logged at once.
#[server(endpoint = "dialogues/edit")]
pub async fn edit_dialogue(
    dialogue: String,
    #[server(flatten)] form: DialogueForm,
) -> Result<(), AppError> {
    use super::{store, NewDialogue};
    let v = super::api::visible_dialogue(&dialogue).await?;
    let actor = v.editor()?;
    let db = &v.ctx.db;
    let open_needs = store::open_needs_among(db, v.key.network_id, &form.needs).await?;
    let new = NewDialogue::parse(&form, db.now(), Some(actor), &open_needs)?;
    let needs: Vec<String> = open_needs
        .iter()
        .filter(|n| new.needs().contains(&n.id))
        .map(|n| n.public_id.clone())
        .collect();
    let changes = changes(&v.dialogue, &new, &needs)?;
    let path = format!("/dialoger/{}", v.dialogue.public_id);
    if changes.is_empty() {
        leptos_axum::redirect(&format!("{path}?oforandrad=1#andrad"));
        return Ok(());
    }
    // Once announced, a correction is news for every registered supplier.
    let codes: Vec<String> = changes.iter().map(|c| c.code()).collect();
    let told = (v.dialogue.status == super::DialogueStatus::Announced).then(|| {
        super::market::api::change_notice(&v, &format!("{}: {}", new.title(), codes.join(" ")))
    });
    // Places already taken stay taken: a correction cannot undo them.
    let too_few_places = |registered: i64| {
        let mut check = crate::error::Checker::new();
        let (min, max) = (registered, super::CAPACITY_MAX);
        check.refuse(
            "capacity",
            crate::error::FieldProblem::OutOfRange { min, max },
        );
        check.finish_form(&form).err().unwrap_or(AppError::Conflict)
    };
    store::correct(
        db,
        v.key,
        &v.dialogue,
        &new,
        &changes,
        told.as_ref(),
        too_few_places,
    )
    .await?;
    leptos_axum::redirect(&format!("{path}?andrad=1#andrad"));
    Ok(())
}

/// Hosts correct the plan: the plan form, filled in.
#[component]
pub fn EditDialoguePage() -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    if crate::accounts::signed_in_or_redirect().is_none() {
        return ().into_any();
    }
    let id = super::pages::param("id");
    // The dialogue, and the needs of its network it may cover.
    let view = Resource::new(
        move || id.clone(),
        |id| async move {
            let v = super::api::dialogue_view(id).await?;
            let needs = crate::needs::api::open_needs(v.dialogue.network_public_id.clone())
                .await
                .unwrap_or_default();
            Ok::<_, AppError>((v, needs))
        },
    );
    let form = FormFeedback::for_action(EditDialogue::PATH);
    view! {
        <Title text=t.edit_title />
        <Suspense fallback=|| ()>
            {move || {
                let form = form.clone();
                Suspend::new(async move {
                    let (v, needs) = match view.await {
                        Ok((v, needs)) if v.rights.edit => (v, needs),
                        _ => return view! { <crate::pages::not_found::NotFoundPage /> }.into_any(),
                    };
                    let d = v.dialogue;
                    let action = ServerAction::<EditDialogue>::new();
                    let back = format!("/dialoger/{}", d.public_id);
                    view! {
                        <p class="breadcrumb"><a href=back.clone() lang=super::record::pages::written_lang(lang)>{d.title.clone()}</a></p>
                        <h1>{t.edit_title}</h1>
                        <p class="lead">{t.edit_lead}</p>
                        {(d.status == super::DialogueStatus::Announced).then(|| view! {
                            <p class="notice notice--warning">{t.edit_announced}</p>
                        })}
                        <ErrorSummary error=form.error() labels=plan_labels(t) />
                        <ActionForm action>
                            <input type="hidden" name="dialogue" value=d.public_id.clone() />
                            <PlanFields form needs current=Some(d) />
                            <div class="button-row">
                                <button type="submit" class="button">{t.edit_button}</button>
                                <a href=back>{t.back}</a>
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
