//! The dialogues room's server functions. Each starts at `visible_dialogue`
//! (or, for a new one, at the network's guard): members of the network
//! read; people of a host organisation run it; members register.

// A server function takes one argument per form field; long forms have
// many, and the generated client function repeats the list.
#![allow(clippy::too_many_arguments)]

use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
mod check {
    //! Form fields into a checked dialogue.
    use crate::{
        error::{Checker, FieldProblem},
        time::{parse_stockholm, LocalTimeProblem},
    };

    /// An instant from a date and a time field, in Stockholm time.
    pub fn instant(check: &mut Checker, field: &str, date: &str, time: &str) -> Option<i64> {
        match parse_stockholm(date, time) {
            Ok(at) => Some(at),
            Err(problem) => {
                let problem = match problem {
                    _ if date.trim().is_empty() || time.trim().is_empty() => FieldProblem::Required,
                    LocalTimeProblem::Malformed | LocalTimeProblem::NoSuchDate => {
                        FieldProblem::NoSuchDate
                    }
                    LocalTimeProblem::NoSuchTime => FieldProblem::NoSuchTime,
                };
                check.refuse(field, problem);
                None
            }
        }
    }

    /// A full CPV code, or a division's two digits taken as its code.
    pub fn cpv(check: &mut Checker, value: &str) -> Option<String> {
        let value = value.trim();
        if let Some(division) = crate::cpv::division(value) {
            return Some(division.full.to_string());
        }
        if crate::cpv::is_code(value) {
            return Some(value.to_string());
        }
        check.refuse(
            "cpv",
            if value.is_empty() {
                FieldProblem::Required
            } else {
                FieldProblem::UnknownCpv
            },
        );
        None
    }

    /// A summary's links from input to requirement versions, in pairs of
    /// `change` (a version of a requirement in one of the dialogue's needs)
    /// and `input`; blank pairs are skipped. Minutes have none.
    pub async fn changes(
        check: &mut Checker,
        v: &super::Visible,
        summary: bool,
        change: &[String],
        input: &[String],
    ) -> Result<Vec<crate::dialogues::store::Change>, crate::error::AppError> {
        use crate::dialogues::{CHANGES_MAX, QUESTION_MAX};
        let pairs: Vec<(usize, &str, &str)> = (0..change.len().max(input.len()))
            .map(|i| {
                (
                    i,
                    change.get(i).map(|c| c.trim()).unwrap_or(""),
                    input.get(i).map(|c| c.trim()).unwrap_or(""),
                )
            })
            .filter(|(_, c, i)| !(c.is_empty() && i.is_empty()))
            .collect();
        if pairs.is_empty() {
            return Ok(Vec::new());
        }
        if !summary || pairs.len() > CHANGES_MAX {
            return Err(crate::error::AppError::BadRequest);
        }
        let versions = crate::dialogues::store::requirement_versions(&v.ctx.db, v.key.id).await?;
        let mut out = Vec::new();
        for (i, chosen, said) in pairs {
            let field = format!("change_{}", i + 1);
            let found = versions.iter().find(|(_, r)| r.key() == chosen);
            if chosen.is_empty() {
                check.refuse(&field, FieldProblem::Required);
            } else if found.is_none() {
                check.refuse(&field, FieldProblem::InvalidChoice);
            }
            let said = check.text(&format!("input_{}", i + 1), said, true, QUESTION_MAX);
            if let Some((id, r)) = found {
                out.push((*id, r.version, said));
            }
        }
        Ok(out)
    }

    /// The pairs as sent, for the form to show again.
    pub fn sent_changes<'a>(
        sent: &mut Vec<(&'a str, &'a str)>,
        change: &'a [String],
        input: &'a [String],
    ) {
        sent.extend(change.iter().map(|c| ("change", c.as_str())));
        sent.extend(input.iter().map(|i| ("input", i.as_str())));
    }

    pub fn link(check: &mut Checker, field: &str, value: &str) -> String {
        let value = value.trim();
        if !(value.is_empty() || value.starts_with("https://") || value.starts_with("http://")) {
            check.refuse(field, FieldProblem::InvalidUrl);
        }
        value.to_string()
    }
}

/// Hosts plan a dialogue for some of the network's needs.
#[server(endpoint = "dialogues/create")]
pub async fn create_dialogue(
    network: String,
    organisation: String,
    title: String,
    purpose: String,
    form: String,
    #[server(default)] needs: Vec<String>,
    questions: String,
    cpv: String,
    lan: String,
    #[server(default)] estimated_value: String,
    deadline_date: String,
    deadline_time: String,
    capacity: String,
    #[server(default)] session_date: Vec<String>,
    #[server(default)] session_start: Vec<String>,
    #[server(default)] session_end: Vec<String>,
    #[server(default)] session_place: Vec<String>,
    #[server(default)] session_link: Vec<String>,
) -> Result<(), AppError> {
    use super::{store, DialogueForm, CAPACITY_MAX, PLACE_MAX, QUESTION_MAX, TEXT_MAX, TITLE_MAX};
    use crate::core::{network::Action, Guard};
    use crate::error::{Checker, FieldProblem};
    let user = crate::accounts::require_verified()?;
    let ctx = crate::context::app_context()?;
    let guard = Guard::of_network(&ctx.db, Some(&user), &network).await?;
    guard.require(Action::Start)?;
    let network_id = guard.network.id;
    let mut c = Checker::new();
    let host = guard.actor_for(Action::Start, Some(&organisation)).ok();
    if host.is_none() {
        c.refuse("organisation", FieldProblem::InvalidChoice);
    }
    let title_text = c.text("title", &title, true, TITLE_MAX);
    let purpose_text = c.text("purpose", &purpose, true, TEXT_MAX);
    let dialogue_form = DialogueForm::parse(&form);
    if dialogue_form.is_none() {
        c.refuse("form", FieldProblem::InvalidChoice);
    }
    let mut need_ids = Vec::new();
    for need in &needs {
        match crate::needs::store::find(&ctx.db, need.trim()).await? {
            Some((key, found))
                if key.network_id == network_id
                    && found.status != crate::needs::NeedStatus::Draft =>
            {
                need_ids.push(key.id)
            }
            _ => c.refuse("needs", FieldProblem::InvalidChoice),
        }
    }
    need_ids.sort();
    need_ids.dedup();
    if needs.is_empty() {
        c.refuse("needs", FieldProblem::Required);
    }
    let question_list: Vec<String> = questions
        .lines()
        .map(str::trim)
        .filter(|q| !q.is_empty())
        .map(str::to_string)
        .collect();
    if question_list.is_empty() {
        c.refuse("questions", FieldProblem::Required);
    } else if question_list
        .iter()
        .any(|q| q.chars().count() > QUESTION_MAX)
    {
        c.refuse(
            "questions",
            FieldProblem::TooLong {
                max: QUESTION_MAX as u32,
            },
        );
    }
    let cpv_code = check::cpv(&mut c, &cpv);
    if crate::regions::lan(lan.trim()).is_none() {
        c.refuse("lan", FieldProblem::InvalidChoice);
    }
    let value = if estimated_value.trim().is_empty() {
        None
    } else {
        c.number(
            "estimated_value",
            &estimated_value,
            0,
            crate::needs::VALUE_MAX,
        )
    };
    let now = ctx.db.now();
    let deadline = check::instant(&mut c, "deadline", &deadline_date, &deadline_time);
    if deadline.is_some_and(|d| d < now) {
        c.refuse("deadline", FieldProblem::InThePast);
    }
    let places = c.number("capacity", &capacity, 1, CAPACITY_MAX);
    let mut sessions = Vec::new();
    for (i, date) in session_date.iter().enumerate() {
        let field = format!("session_{}", i + 1);
        let start = session_start.get(i).map(String::as_str).unwrap_or("");
        let end = session_end.get(i).map(String::as_str).unwrap_or("");
        if date.trim().is_empty() && start.trim().is_empty() && end.trim().is_empty() {
            continue;
        }
        let starts = check::instant(&mut c, &field, date, start);
        let ends = check::instant(&mut c, &field, date, end);
        let place = session_place
            .get(i)
            .map(|p| p.trim().to_string())
            .unwrap_or_default();
        if place.chars().count() > PLACE_MAX {
            c.refuse(
                &field,
                FieldProblem::TooLong {
                    max: PLACE_MAX as u32,
                },
            );
        }
        let link = check::link(
            &mut c,
            &field,
            session_link.get(i).map(String::as_str).unwrap_or(""),
        );
        match (starts, ends) {
            (Some(s), Some(e)) if e <= s => c.refuse(&field, FieldProblem::EndsBeforeStart),
            (Some(s), _) if s < now => c.refuse(&field, FieldProblem::InThePast),
            (Some(s), Some(e)) => sessions.push((s, e, place, link)),
            _ => {}
        }
    }
    if sessions.is_empty() && !c.has_problem("session_1") {
        c.refuse("session_1", FieldProblem::Required);
    }
    let mut sent: Vec<(&str, &str)> = vec![
        ("organisation", &organisation),
        ("title", &title),
        ("purpose", &purpose),
        ("form", &form),
        ("questions", &questions),
        ("cpv", &cpv),
        ("lan", &lan),
        ("estimated_value", &estimated_value),
        ("deadline_date", &deadline_date),
        ("deadline_time", &deadline_time),
        ("capacity", &capacity),
    ];
    sent.extend(needs.iter().map(|n| ("needs", n.as_str())));
    sent.extend(session_date.iter().map(|v| ("session_date", v.as_str())));
    sent.extend(session_start.iter().map(|v| ("session_start", v.as_str())));
    sent.extend(session_end.iter().map(|v| ("session_end", v.as_str())));
    sent.extend(session_place.iter().map(|v| ("session_place", v.as_str())));
    sent.extend(session_link.iter().map(|v| ("session_link", v.as_str())));
    c.finish(&sent)?;
    let (Some(host), Some(form), Some(cpv), Some(deadline), Some(capacity)) =
        (host, dialogue_form, cpv_code, deadline, places)
    else {
        return Err(AppError::BadRequest);
    };
    let new = store::NewDialogue {
        title: title_text,
        purpose: purpose_text,
        form,
        cpv,
        lan: lan.trim().to_string(),
        estimated_value: value,
        answer_deadline: deadline,
        capacity,
        needs: need_ids,
        questions: question_list,
        sessions,
    };
    let id = store::create(&ctx.db, network_id, &new, host).await?;
    leptos_axum::redirect(&format!("/dialoger/{id}?planerad=1"));
    Ok(())
}

/// A dialogue the person may read, with its network's guard.
#[cfg(feature = "ssr")]
#[derive(Clone)]
pub(crate) struct Visible {
    pub ctx: crate::context::AppContext,
    pub user: crate::accounts::SessionUser,
    pub key: super::store::DialogueKey,
    pub dialogue: super::Dialogue,
    /// The host organisations' internal ids.
    pub hosts: Vec<i64>,
    pub guard: crate::core::Guard,
}

/// The dialogues a page render asks about: the dialogue page and its
/// discussion both need the same answer (eight queries), and ask at the
/// same time, so the second waits for the first's answer. The shell
/// provides one per page render; calls from outside a render (the API)
/// find none and always ask the database.
#[cfg(feature = "ssr")]
#[derive(Clone, Default)]
pub struct SeenDialogues(std::sync::Arc<std::sync::Mutex<SeenMap>>);

/// (person, dialogue) to the answer, worked out once.
#[cfg(feature = "ssr")]
type SeenMap = std::collections::HashMap<(i64, String), std::sync::Arc<SeenCell>>;
#[cfg(feature = "ssr")]
type SeenCell = tokio::sync::OnceCell<Result<Visible, AppError>>;

#[cfg(feature = "ssr")]
pub(crate) async fn visible_dialogue(dialogue: &str) -> Result<Visible, AppError> {
    let user = crate::accounts::require_user()?;
    let ctx = crate::context::app_context()?;
    let cell = use_context::<SeenDialogues>().and_then(|seen| {
        let mut map = seen.0.lock().ok()?;
        Some(
            map.entry((user.account_id, dialogue.trim().to_string()))
                .or_default()
                .clone(),
        )
    });
    match cell {
        Some(cell) => cell
            .get_or_init(|| visible_dialogue_for(ctx, user, dialogue))
            .await
            .clone(),
        None => visible_dialogue_for(ctx, user, dialogue).await,
    }
}

#[cfg(feature = "ssr")]
pub(crate) async fn visible_dialogue_for(
    ctx: crate::context::AppContext,
    user: crate::accounts::SessionUser,
    dialogue: &str,
) -> Result<Visible, AppError> {
    let (key, found, hosts) = super::store::find(&ctx.db, dialogue.trim())
        .await?
        .ok_or(AppError::NotFound)?;
    let guard = crate::core::Guard::of_network_id(&ctx.db, Some(&user), key.network_id).await?;
    guard.require_read()?;
    Ok(Visible {
        ctx,
        user,
        key,
        dialogue: found,
        hosts,
        guard,
    })
}

#[cfg(feature = "ssr")]
impl Visible {
    /// A host organisation, while it writes in the network, running the
    /// dialogue; an archived dialogue is frozen.
    fn host(&self) -> Result<crate::core::Actor, AppError> {
        let actor = self
            .guard
            .actor_on(crate::core::network::Action::ActAsOwner, &self.hosts)?;
        self.unfrozen()?;
        Ok(actor)
    }

    /// Whether the person may run the dialogue (for the page's forms).
    fn may_host(&self) -> bool {
        self.guard
            .can(crate::core::network::Action::ActAsOwner, &self.hosts)
    }

    /// A member organisation taking part: registering, withdrawing.
    fn participant(&self, organisation: &str) -> Result<crate::core::Actor, AppError> {
        let actor = self
            .guard
            .actor_for(crate::core::network::Action::Post, Some(organisation))?;
        self.unfrozen()?;
        Ok(actor)
    }

    /// An archived dialogue's record never changes.
    pub(crate) fn unfrozen(&self) -> Result<(), AppError> {
        if self.dialogue.status == super::DialogueStatus::Archived {
            Err(AppError::Frozen)
        } else {
            Ok(())
        }
    }
}

/// A dialogue's discussion as the comments room needs it: the dialogue's
/// id, its network's guard, and whether the discussion is frozen (an
/// archived dialogue's is part of its record).
#[cfg(feature = "ssr")]
pub(crate) async fn discussion_place(
    dialogue: &str,
) -> Result<(i64, crate::core::Guard, bool), AppError> {
    let v = visible_dialogue(dialogue).await?;
    let frozen = v.unfrozen().is_err();
    Ok((v.key.id, v.guard, frozen))
}

/// The dialogue page's content.
#[server(endpoint = "dialogues/view")]
pub async fn dialogue_view(dialogue: String) -> Result<super::DialogueView, AppError> {
    use super::{store, DialogueRights, DialogueView};
    use crate::core::network::Action;
    let v = visible_dialogue(&dialogue).await?;
    let deleted = crate::accounts::text::text(crate::i18n::use_lang()).deleted_user;
    let host = v.may_host();
    let open = v.dialogue.status.takes_registrations() && v.guard.can(Action::Post, &[]);
    let mut register_for = Vec::new();
    if open {
        for (public_id, name) in v.guard.writing_organisations() {
            let id = v.guard.organisation_id(&public_id).unwrap_or_default();
            let registered = store::registered_of(&v.ctx.db, v.key.id, id).await?;
            register_for.push((public_id, name, registered));
        }
    }
    Ok(DialogueView {
        rights: DialogueRights {
            host: host && v.unfrozen().is_ok(),
            register: open && !register_for.is_empty(),
        },
        registered: store::registered_count(&v.ctx.db, v.key.id).await?,
        register_for,
        registrations: if host {
            store::registrations(&v.ctx.db, v.key.id).await?
        } else {
            Vec::new()
        },
        possible_hosts: if host {
            store::possible_hosts(&v.ctx.db, v.key).await?
        } else {
            Vec::new()
        },
        qa: store::qa(&v.ctx.db, v.key.id).await?,
        texts: store::texts(&v.ctx.db, v.key.id, deleted).await?,
        requirement_versions: if host {
            store::requirement_versions(&v.ctx.db, v.key.id)
                .await?
                .into_iter()
                .map(|(_, r)| r)
                .collect()
        } else {
            Vec::new()
        },
        dialogue: v.dialogue,
    })
}

/// Hosts move the dialogue one step along its lifecycle, with a reason.
#[server(endpoint = "dialogues/status")]
pub async fn change_dialogue_status(
    dialogue: String,
    status: String,
    reason: String,
) -> Result<(), AppError> {
    use super::DialogueStatus;
    use crate::error::{Checker, FieldProblem};
    let v = visible_dialogue(&dialogue).await?;
    let actor = v.host()?;
    let mut c = Checker::new();
    let next = DialogueStatus::parse(&status);
    match next {
        Some(next) if v.dialogue.status.can_become(next) => {}
        _ => c.refuse("status", FieldProblem::InvalidChoice),
    }
    let reason_text = c.text("reason", &reason, true, crate::networks::REASON_MAX);
    c.finish(&[("reason", &reason)])?;
    let next = next.ok_or(AppError::BadRequest)?;
    super::store::transition(
        &v.ctx.db,
        v.key,
        &v.dialogue.title,
        v.dialogue.status,
        next,
        actor,
        &reason_text,
    )
    .await?;
    leptos_axum::redirect(&format!("/dialoger/{}?status=1", v.dialogue.public_id));
    Ok(())
}

/// A host adds another member organisation of the network as co-host.
#[server(endpoint = "dialogues/add-host")]
pub async fn add_host(dialogue: String, organisation: String) -> Result<(), AppError> {
    let v = visible_dialogue(&dialogue).await?;
    let actor = v.host()?;
    let (organisation_id, found) =
        crate::organisations::store::find(&v.ctx.db, organisation.trim())
            .await?
            .ok_or(AppError::NotFound)?;
    let allowed = super::store::possible_hosts(&v.ctx.db, v.key)
        .await?
        .iter()
        .any(|(public_id, _)| *public_id == found.public_id);
    if !allowed {
        return Err(AppError::Forbidden);
    }
    super::store::add_host(&v.ctx.db, v.key, organisation_id, &found.name, actor).await?;
    leptos_axum::redirect(&format!("/dialoger/{}?vard=1", v.dialogue.public_id));
    Ok(())
}

/// A member organisation registers who attends, while places last.
#[server(endpoint = "dialogues/register")]
pub async fn register_attendance(
    dialogue: String,
    organisation: String,
    attendees: String,
) -> Result<(), AppError> {
    use crate::error::Checker;
    let v = visible_dialogue(&dialogue).await?;
    let actor = v.participant(&organisation)?;
    if !v.dialogue.status.takes_registrations() {
        return Err(AppError::Forbidden);
    }
    let mut c = Checker::new();
    let names = c.text("attendees", &attendees, true, super::ATTENDEES_MAX);
    c.finish(&[("attendees", &attendees)])?;
    super::store::register(&v.ctx.db, v.key, &names, actor).await?;
    leptos_axum::redirect(&format!("/dialoger/{}?anmald=1", v.dialogue.public_id));
    Ok(())
}

/// A member organisation withdraws its registration.
#[server(endpoint = "dialogues/withdraw")]
pub async fn withdraw_attendance(dialogue: String, organisation: String) -> Result<(), AppError> {
    let v = visible_dialogue(&dialogue).await?;
    let actor = v.participant(&organisation)?;
    super::store::withdraw(&v.ctx.db, v.key, actor.organisation_id).await?;
    leptos_axum::redirect(&format!("/dialoger/{}?avanmald=1", v.dialogue.public_id));
    Ok(())
}

/// Hosts publish a question as received, with its answer; the asker is
/// never shown.
#[server(endpoint = "dialogues/qa")]
pub async fn publish_answer(
    dialogue: String,
    question: String,
    answer: String,
) -> Result<(), AppError> {
    use crate::error::Checker;
    let v = visible_dialogue(&dialogue).await?;
    let actor = v.host()?;
    let mut c = Checker::new();
    let q = c.text("question", &question, true, super::TEXT_MAX);
    let a = c.text("answer", &answer, true, super::TEXT_MAX);
    c.finish(&[("question", &question), ("answer", &answer)])?;
    super::store::publish_qa(&v.ctx.db, v.key, &q, &a, actor).await?;
    leptos_axum::redirect(&format!(
        "/dialoger/{}?fragor=1#fragor",
        v.dialogue.public_id
    ));
    Ok(())
}

/// Hosts write the first draft of a session's minutes (or the summary,
/// with no session), or rewrite a draft (`text`). Approved text is frozen.
/// A summary links input (`input`) to the requirement version it changed
/// (`change`, repeated in pairs).
#[server(endpoint = "dialogues/save-text")]
pub async fn save_text(
    dialogue: String,
    #[server(default)] session: String,
    #[server(default)] text: String,
    body: String,
    #[server(default)] change: Vec<String>,
    #[server(default)] input: Vec<String>,
) -> Result<(), AppError> {
    use crate::error::Checker;
    let v = visible_dialogue(&dialogue).await?;
    let actor = v.host()?;
    let session_id = if session.trim().is_empty() {
        None
    } else {
        Some(
            super::store::session_id(&v.ctx.db, v.key.id, session.trim())
                .await?
                .ok_or(AppError::NotFound)?,
        )
    };
    let mut c = Checker::new();
    let body_text = c.text("body", &body, true, super::TEXT_MAX);
    let changes = check::changes(&mut c, &v, session_id.is_none(), &change, &input).await?;
    let mut sent = vec![
        ("session", session.as_str()),
        ("text", text.as_str()),
        ("body", body.as_str()),
    ];
    check::sent_changes(&mut sent, &change, &input);
    c.finish(&sent)?;
    let text = (!text.trim().is_empty()).then(|| text.trim().to_string());
    super::store::save_draft(
        &v.ctx.db,
        v.key,
        session_id,
        text.as_deref(),
        &body_text,
        &changes,
        actor,
    )
    .await?;
    leptos_axum::redirect(&format!(
        "/dialoger/{}?text=1#protokoll",
        v.dialogue.public_id
    ));
    Ok(())
}

/// Hosts write a new version that will supersede approved text.
#[server(endpoint = "dialogues/supersede")]
pub async fn supersede_text(
    dialogue: String,
    text: String,
    body: String,
    #[server(default)] change: Vec<String>,
    #[server(default)] input: Vec<String>,
) -> Result<(), AppError> {
    use crate::error::Checker;
    let v = visible_dialogue(&dialogue).await?;
    let actor = v.host()?;
    let is_summary = super::store::is_summary(&v.ctx.db, v.key.id, text.trim())
        .await?
        .ok_or(AppError::NotFound)?;
    let mut c = Checker::new();
    let body_text = c.text("body", &body, true, super::TEXT_MAX);
    let changes = check::changes(&mut c, &v, is_summary, &change, &input).await?;
    let mut sent = vec![("text", text.as_str()), ("body", body.as_str())];
    check::sent_changes(&mut sent, &change, &input);
    c.finish(&sent)?;
    super::store::supersede(&v.ctx.db, v.key, text.trim(), &body_text, &changes, actor).await?;
    leptos_axum::redirect(&format!(
        "/dialoger/{}?text=1#protokoll",
        v.dialogue.public_id
    ));
    Ok(())
}

/// A host approves a draft; it is frozen from then on.
#[server(endpoint = "dialogues/approve")]
pub async fn approve_text(dialogue: String, text: String) -> Result<(), AppError> {
    let v = visible_dialogue(&dialogue).await?;
    let actor = v.host()?;
    super::store::approve_text(&v.ctx.db, v.key, text.trim(), actor).await?;
    leptos_axum::redirect(&format!(
        "/dialoger/{}?godkand=1#protokoll",
        v.dialogue.public_id
    ));
    Ok(())
}

/// A network's dialogues, for members.
#[server(endpoint = "dialogues/of-network")]
pub async fn network_dialogues(
    network: String,
) -> Result<Vec<(String, String, super::DialogueStatus, Option<i64>)>, AppError> {
    use crate::core::{network::Action, Guard};
    let user = crate::accounts::require_user()?;
    let ctx = crate::context::app_context()?;
    let guard = Guard::of_network(&ctx.db, Some(&user), &network).await?;
    guard.require(Action::ReadContent)?;
    super::store::of_network(&ctx.db, guard.network.id).await
}

/// The record to file, stamped now, for any member organisation.
#[server(endpoint = "dialogues/record")]
pub async fn dialogue_record(
    dialogue: String,
    #[server(default)] diarienummer: String,
) -> Result<super::DialogueRecord, AppError> {
    let v = visible_dialogue(&dialogue).await?;
    record_of(v, &diarienummer).await
}

#[cfg(feature = "ssr")]
async fn record_of(v: Visible, diarienummer: &str) -> Result<super::DialogueRecord, AppError> {
    use super::{store, DialogueRecord};
    let lang = v.user.language;
    let deleted = crate::accounts::text::text(lang).deleted_user;
    let organisation = v
        .guard
        .organisations()
        .first()
        .map(|o| o.name.clone())
        .unwrap_or_default();
    Ok(DialogueRecord {
        exported_at: v.ctx.db.now(),
        exported_by_organisation: organisation,
        diarienummer: diarienummer.trim().chars().take(100).collect(),
        registrations: store::registrations(&v.ctx.db, v.key.id).await?,
        qa: store::qa(&v.ctx.db, v.key.id).await?,
        texts: store::texts(&v.ctx.db, v.key.id, deleted).await?,
        audit: crate::core::audit::of_dialogue(&v.ctx.db, v.key.id, deleted).await?,
        dialogue: v.dialogue,
    })
}

/// The record as JSON, for a plain GET route.
#[cfg(feature = "ssr")]
pub async fn record_json(
    ctx: &crate::context::AppContext,
    user: Option<&crate::accounts::SessionUser>,
    dialogue: &str,
    diarienummer: &str,
) -> Result<String, AppError> {
    let user = user.cloned().ok_or(AppError::NotSignedIn)?;
    let v = visible_dialogue_for(ctx.clone(), user, dialogue).await?;
    let record = record_of(v, diarienummer).await?;
    serde_json::to_string_pretty(&record).map_err(AppError::internal)
}

/// The dialogue's sessions as an .ics file.
#[cfg(feature = "ssr")]
pub async fn dialogue_ics(
    ctx: &crate::context::AppContext,
    user: Option<&crate::accounts::SessionUser>,
    dialogue: &str,
) -> Result<String, AppError> {
    use super::calendar::{calendar, Event};
    let user = user.cloned().ok_or(AppError::NotSignedIn)?;
    let v = visible_dialogue_for(ctx.clone(), user, dialogue).await?;
    let url = format!("{}/dialoger/{}", ctx.site_origin, v.dialogue.public_id);
    let events: Vec<Event> = v
        .dialogue
        .sessions
        .iter()
        .map(|s| Event {
            uid: format!("{}@samrad", s.public_id),
            starts_at: s.starts_at,
            ends_at: s.ends_at,
            summary: &v.dialogue.title,
            description: &v.dialogue.purpose,
            location: if s.place.is_empty() {
                &s.link
            } else {
                &s.place
            },
            url: &url,
        })
        .collect();
    Ok(calendar(&v.dialogue.title, v.ctx.db.now(), &events))
}

/// A network's calendar feed, found by the secret in its address.
#[cfg(feature = "ssr")]
pub async fn network_feed(
    ctx: &crate::context::AppContext,
    token: &str,
) -> Result<String, AppError> {
    use super::calendar::{calendar, Event};
    let (network_id, name) = crate::networks::store::by_feed_token(&ctx.db, token)
        .await?
        .ok_or(AppError::NotFound)?;
    let sessions = super::store::network_sessions(&ctx.db, network_id).await?;
    let urls: Vec<String> = sessions
        .iter()
        .map(|s| format!("{}/dialoger/{}", ctx.site_origin, s.1))
        .collect();
    let events: Vec<Event> = sessions
        .iter()
        .zip(&urls)
        .map(
            |((session, _, title, purpose, starts, ends, place, link), url)| Event {
                uid: format!("{session}@samrad"),
                starts_at: *starts,
                ends_at: *ends,
                summary: title,
                description: purpose,
                location: if place.is_empty() { link } else { place },
                url,
            },
        )
        .collect();
    Ok(calendar(&name, ctx.db.now(), &events))
}
