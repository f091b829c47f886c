//! The market part's server functions. The public ones start at
//! `published` and its market guard: anyone reads an announced dialogue's
//! public part; a person acting for a supplier registers, says who comes,
//! asks and withdraws. The hosts' ones start at the network's guard
//! (`visible_dialogue` → `host`), as everything else hosts do.

use super::{AskForm, AttendForm, InviteForm, MessageForm, PublicationForm, ReplyForm};
use crate::error::AppError;
use leptos::prelude::*;

/// A published dialogue, with the person's market guard.
#[cfg(feature = "ssr")]
pub(crate) struct Published {
    pub ctx: crate::context::AppContext,
    pub stored: crate::dialogues::store::StoredDialogue,
    pub publication: super::store::Publication,
    pub guard: crate::core::market::MarketGuard,
}

#[cfg(feature = "ssr")]
pub(crate) async fn published(dialogue: &str) -> Result<Published, AppError> {
    let user = crate::accounts::current_user();
    let ctx = crate::context::app_context()?;
    published_for(ctx, user.as_ref(), dialogue).await
}

#[cfg(feature = "ssr")]
pub(crate) async fn published_for(
    ctx: crate::context::AppContext,
    user: Option<&crate::accounts::SessionUser>,
    dialogue: &str,
) -> Result<Published, AppError> {
    use crate::{
        core::market::{MarketAction, MarketFacts, MarketGuard},
        dialogues::DialogueStatus,
    };
    let stored = crate::dialogues::store::find(&ctx.db, dialogue.trim())
        .await?
        .ok_or(AppError::NotFound)?;
    let publication = super::store::publication(&ctx.db, stored.key.id).await?;
    let status = stored.dialogue.status;
    let now = ctx.db.now();
    let registrations_open = status.takes_registrations();
    let question_deadline =
        publication.effective_question_deadline(stored.dialogue.answer_deadline);
    let facts = MarketFacts {
        published: publication.announced_at.is_some() && status != DialogueStatus::Planned,
        registrations_open,
        questions_open: registrations_open && now < question_deadline,
        frozen: status == DialogueStatus::Archived || publication.network_closed == 1,
        targeted: publication.targeted == 1,
        takes_answers: publication.takes_answers(stored.dialogue.form),
        answers_open: now < stored.dialogue.answer_deadline,
        bookings_open: publication.slot_cutoff.is_some_and(|cutoff| now < cutoff),
    };
    let guard = MarketGuard::of_dialogue(&ctx.db, user, stored.key.id, facts).await?;
    guard.require(MarketAction::ReadPublic)?;
    Ok(Published {
        ctx,
        stored,
        publication,
        guard,
    })
}

#[cfg(feature = "ssr")]
impl Published {
    fn back(&self, query: &str, anchor: &str) {
        leptos_axum::redirect(&format!(
            "/marknadsdialoger/{}?{query}#{anchor}",
            self.stored.dialogue.public_id
        ));
    }
}

/// A dialogue's public part; no sign-in needed once it is announced.
#[server(endpoint = "market/dialogue")]
pub async fn public_dialogue(dialogue: String) -> Result<super::PublicView, AppError> {
    use super::{store, PublicMeeting, PublicView, SupplierPart};
    use crate::core::{market::MarketAction, network::Action, Guard};
    let p = published(&dialogue).await?;
    let db = &p.ctx.db;
    let d = &p.stored.dialogue;
    let links = p.guard.can(MarketAction::SeeLinks);
    let need_ids: Vec<String> = d.needs.iter().map(|(id, _)| id.clone()).collect();
    let taken = store::places_taken(db, p.stored.key.id).await?;
    let meetings = d
        .meetings
        .iter()
        .map(|m| PublicMeeting {
            public_id: m.public_id.clone(),
            starts_at: m.starts_at,
            ends_at: m.ends_at,
            place: m.place.clone(),
            link: if links { m.link.clone() } else { String::new() },
            has_link: !m.link.is_empty(),
            places_left: (p.publication.supplier_places
                - taken
                    .iter()
                    .find(|(id, _)| *id == m.public_id)
                    .map_or(0, |(_, n)| *n))
            .max(0),
        })
        .collect();
    let attending = if p.guard.suppliers().is_empty() {
        Vec::new()
    } else {
        store::attending(db, p.stored.key.id).await?
    };
    // Of a targeted dialogue, only the invited suppliers take part.
    let suppliers = p
        .guard
        .suppliers()
        .iter()
        .filter(|s| !p.guard.facts.targeted || s.invited)
        .map(|s| SupplierPart {
            public_id: s.public_id.clone(),
            name: s.name.clone(),
            registered: s.registered,
            attending: attending
                .iter()
                .filter(|(id, _, _)| *id == s.id)
                .map(|(_, meeting, who)| (meeting.clone(), who.clone()))
                .collect(),
        })
        .collect();
    let (host, member) = match &p.guard.user {
        Some(user) => {
            let guard = Guard::of_network_id(db, Some(user), p.stored.key.network_id).await?;
            (
                guard.can(Action::ActAsOwner, &p.stored.hosts),
                guard.can(Action::ReadContent, &[]),
            )
        }
        None => (false, false),
    };
    Ok(PublicView {
        public_id: d.public_id.clone(),
        title: d.title.clone(),
        purpose: d.purpose.clone(),
        form: d.form,
        cpv: d.cpv.clone(),
        lan: d.lan.clone(),
        estimated_value: d.estimated_value,
        answer_deadline: d.answer_deadline,
        question_deadline: p.publication.effective_question_deadline(d.answer_deadline),
        status: d.status,
        announced_at: p.publication.announced_at.unwrap_or_default(),
        hosts: d.hosts.clone(),
        questions: d.questions.clone(),
        meetings,
        qa: crate::dialogues::store::qa(db, p.stored.key.id).await?,
        messages: store::messages(db, p.stored.key.id).await?,
        signed_in: p.guard.user.is_some(),
        suppliers,
        registrations_open: p.guard.facts.registrations_open && !p.guard.facts.frozen,
        questions_open: p.guard.facts.questions_open && !p.guard.facts.frozen,
        frozen: p.guard.facts.frozen,
        targeted: p.guard.facts.targeted,
        needs: if p.publication.public_needs == 1 {
            crate::needs::public_needs(db, &need_ids).await?
        } else {
            Vec::new()
        },
        demand: if p.publication.public_demand == 1 {
            Some(crate::needs::public_demand(db, &need_ids).await?)
        } else {
            None
        },
        host,
        takes_answers: p.guard.facts.takes_answers,
        answers_open: p.guard.facts.answers_taken(),
        slots: crate::dialogues::slots::api::offered_part(&p).await?,
        documents: crate::dialogues::documents::api::public_part(&p, member).await?,
    })
}

/// A person registers the supplier they act for.
#[server(endpoint = "market/register")]
pub async fn register_for_dialogue(dialogue: String, supplier: String) -> Result<(), AppError> {
    use crate::core::market::MarketAction;
    let p = published(&dialogue).await?;
    let actor = p.guard.actor_for(MarketAction::Register, Some(&supplier))?;
    super::store::register(&p.ctx.db, p.stored.key.id, actor).await?;
    p.back("anmald=1", "delta");
    Ok(())
}

/// A registered supplier withdraws, and leaves every meeting.
#[server(endpoint = "market/withdraw")]
pub async fn withdraw_from_dialogue(dialogue: String, supplier: String) -> Result<(), AppError> {
    use crate::core::market::MarketAction;
    let p = published(&dialogue).await?;
    let actor = p.guard.actor_for(MarketAction::Withdraw, Some(&supplier))?;
    super::store::withdraw(&p.ctx.db, p.stored.key.id, actor).await?;
    p.back("avanmald=1", "delta");
    Ok(())
}

/// A registered supplier says who comes to one meeting, while places last.
#[server(endpoint = "market/attend")]
pub async fn attend_meeting(
    dialogue: String,
    #[server(flatten)] form: AttendForm,
) -> Result<(), AppError> {
    use crate::core::market::MarketAction;
    let p = published(&dialogue).await?;
    let actor = p
        .guard
        .actor_for(MarketAction::Attend, Some(&form.supplier))?;
    let attendees = super::Attendees::parse(&form)?;
    super::store::attend(
        &p.ctx.db,
        p.stored.key.id,
        &form.meeting,
        attendees.as_str(),
        actor,
    )
    .await?;
    p.back("kommer=1", "delta");
    Ok(())
}

/// A registered supplier asks the hosts a question, until the deadline.
#[server(endpoint = "market/ask")]
pub async fn ask_question(
    dialogue: String,
    #[server(flatten)] form: AskForm,
) -> Result<(), AppError> {
    use crate::core::market::MarketAction;
    let p = published(&dialogue).await?;
    let actor = p.guard.actor_for(MarketAction::Ask, Some(&form.supplier))?;
    let question = super::Question::parse(&form)?;
    super::store::ask(&p.ctx.db, p.stored.key.id, question.as_str(), actor).await?;
    p.back("fragat=1", "fraga");
    Ok(())
}

/// The market part of the dialogue page, for its hosts.
#[server(endpoint = "market/host")]
pub async fn host_view(dialogue: String) -> Result<super::HostView, AppError> {
    let v = crate::dialogues::api::visible_dialogue(&dialogue).await?;
    v.host()?;
    let publication = super::store::publication(&v.ctx.db, v.key.id).await?;
    host_part(&v, &publication).await
}

/// What hosts see of the market: questions with who asked, registered
/// suppliers with their numbers, the information log. Callers have
/// checked that the person hosts.
#[cfg(feature = "ssr")]
pub(crate) async fn host_part(
    v: &crate::dialogues::api::Visible,
    publication: &super::store::Publication,
) -> Result<super::HostView, AppError> {
    use super::{store, HostView};
    let db = &v.ctx.db;
    Ok(HostView {
        public_id: v.dialogue.public_id.clone(),
        published: publication.announced_at.is_some(),
        editable: v.editor().is_ok(),
        question_deadline: publication.question_deadline,
        supplier_places: publication.supplier_places,
        targeted: publication.targeted == 1,
        public_needs: publication.public_needs == 1,
        public_demand: publication.public_demand == 1,
        written_answers: publication.written_answers == 1,
        always_written: v.dialogue.form.takes_written_answers(),
        invited: store::invited(db, v.key.id).await?,
        audience_reason: publication.audience_reason.clone(),
        questions: store::questions(db, v.key.id).await?,
        suppliers: store::suppliers(db, v.key.id).await?,
        information: store::information(db, v.key.id).await?,
    })
}

/// Hosts choose the last time for questions and the supplier places per
/// meeting, until the dialogue is held.
#[server(endpoint = "market/publication")]
pub async fn set_publication(
    dialogue: String,
    #[server(flatten)] form: PublicationForm,
) -> Result<(), AppError> {
    let v = crate::dialogues::api::visible_dialogue(&dialogue).await?;
    let actor = v.editor()?;
    let current = super::store::publication(&v.ctx.db, v.key.id).await?;
    let fixed = current.announced_at.map(|_| current.announced());
    let publication = super::Publication::parse(
        &form,
        v.dialogue.answer_deadline,
        v.ctx.db.now(),
        fixed.as_ref(),
    )?;
    // Once announced, a new deadline or new places are news for every
    // registered supplier, as any other change.
    let changed = current.question_deadline != publication.question_deadline
        || current.supplier_places != publication.supplier_places;
    let told =
        (current.announced_at.is_some() && changed).then(|| publication_notice(&v, &publication));
    super::store::set_publication(&v.ctx.db, v.key, &publication, told.as_ref(), actor).await?;
    leptos_axum::redirect(&format!(
        "/dialoger/{}?publicering=1#publicering",
        v.dialogue.public_id
    ));
    Ok(())
}

/// Hosts invite a supplier, by its number, to a targeted dialogue; once
/// announced, its people are told at once.
#[server(endpoint = "market/invite")]
pub async fn invite_supplier(
    dialogue: String,
    #[server(flatten)] form: InviteForm,
) -> Result<(), AppError> {
    use crate::error::{Checker, FieldProblem};
    let v = crate::dialogues::api::visible_dialogue(&dialogue).await?;
    let actor = v.editor()?;
    let publication = super::store::publication(&v.ctx.db, v.key.id).await?;
    if publication.targeted != 1 {
        return Err(AppError::Forbidden);
    }
    let (country, identity) =
        crate::suppliers::parse_number(&form.country, &form.identifier, &form)?;
    let Some(found) = crate::suppliers::lookup(&v.ctx.db, country, &identity).await? else {
        let mut check = Checker::new();
        check.refuse("identifier", FieldProblem::UnknownSupplier);
        check.finish_form(&form)?;
        return Err(AppError::NotFound);
    };
    super::store::invite(&v.ctx.db, v.key, found.id, &invitation(&v), actor).await?;
    leptos_axum::redirect(&format!(
        "/dialoger/{}?inbjuden=1#inbjudna",
        v.dialogue.public_id
    ));
    Ok(())
}

/// The invitation to a targeted dialogue, in both languages.
#[cfg(feature = "ssr")]
pub(crate) fn invitation(v: &crate::dialogues::api::Visible) -> super::store::Mail {
    let purpose = v.dialogue.purpose.clone();
    mail(v, |t| (t.invitation_subject, t.invitation_mail), &|_| {
        purpose.clone()
    })
}

/// Hosts answer a supplier's question, worded as they publish it, and
/// the answer goes to every registered supplier at once.
#[server(endpoint = "market/answer")]
pub async fn answer_question(
    dialogue: String,
    #[server(flatten)] form: ReplyForm,
) -> Result<(), AppError> {
    let v = crate::dialogues::api::visible_dialogue(&dialogue).await?;
    let actor = v.host()?;
    let qa = form.parse()?;
    publish(&v, Some(&form.asked), &qa, actor).await?;
    leptos_axum::redirect(&format!(
        "/dialoger/{}?besvarad=1#leverantorsfragor",
        v.dialogue.public_id
    ));
    Ok(())
}

/// Publishes a Q&A and tells every registered supplier, in their language.
#[cfg(feature = "ssr")]
pub(crate) async fn publish(
    v: &crate::dialogues::api::Visible,
    asked: Option<&str>,
    qa: &crate::dialogues::QaAnswer,
    actor: crate::core::Actor,
) -> Result<(), AppError> {
    let content = format!("{}\n\n{}", qa.question(), qa.answer());
    let mail = mail(v, |t| (t.answer_subject, t.answer_mail), &|_| {
        content.clone()
    });
    super::store::publish_answer(&v.ctx.db, v.key, asked, qa, &mail, actor).await
}

/// Hosts send a message to every registered supplier; it is also shown
/// on the public page. Only once the dialogue is announced.
#[server(endpoint = "market/message")]
pub async fn message_suppliers(
    dialogue: String,
    #[server(flatten)] form: MessageForm,
) -> Result<(), AppError> {
    let v = crate::dialogues::api::visible_dialogue(&dialogue).await?;
    let actor = v.host()?;
    let publication = super::store::publication(&v.ctx.db, v.key.id).await?;
    if publication.announced_at.is_none() {
        return Err(AppError::Forbidden);
    }
    let message = super::Message::parse(&form)?;
    let mail = mail(&v, |t| (t.message_subject, t.message_mail), &|_| {
        message.as_str().to_string()
    });
    super::store::message(&v.ctx.db, v.key, message.as_str(), &mail, actor).await?;
    leptos_axum::redirect(&format!(
        "/dialoger/{}?meddelat=1#meddelande",
        v.dialogue.public_id
    ));
    Ok(())
}

/// What suppliers are told when hosts correct an announced dialogue: the
/// change in words (Swedish, for the log and the page) and its mail.
/// `subject` is the edit's audit subject ("title: deadline session_1_time").
#[cfg(feature = "ssr")]
pub(crate) fn change_notice(
    v: &crate::dialogues::api::Visible,
    subject: &str,
) -> (String, super::store::Mail) {
    use crate::{dialogues::log::edited, i18n::Lang};
    let mail = mail(v, |t| (t.change_subject, t.change_mail), &|lang| {
        edited(subject, lang)
    });
    (edited(subject, Lang::Sv), mail)
}

/// The change of the question deadline or the places, in words (Swedish
/// for the log and the page) and as a mail.
#[cfg(feature = "ssr")]
fn publication_notice(
    v: &crate::dialogues::api::Visible,
    publication: &super::Publication,
) -> (String, super::store::Mail) {
    use crate::i18n::Lang;
    let deadline = publication
        .question_deadline
        .map_or(v.dialogue.answer_deadline, |q| {
            q.min(v.dialogue.answer_deadline)
        });
    let words = |lang: Lang| {
        super::text::text(lang)
            .publication_changed
            .replace("{deadline}", &crate::dialogues::text::when(deadline, lang))
            .replace("{places}", &publication.supplier_places.to_string())
    };
    let mail = mail(v, |t| (t.change_subject, t.change_mail), &words);
    (words(Lang::Sv), mail)
}

/// The same mail in both languages: subject and introduction from the
/// text, what was told, the public page's address, and what this is not.
#[cfg(feature = "ssr")]
fn mail(
    v: &crate::dialogues::api::Visible,
    pick: impl Fn(&super::text::MarketText) -> (&'static str, &'static str),
    content: &dyn Fn(crate::i18n::Lang) -> String,
) -> super::store::Mail {
    mail_in(v, |lang| pick(super::text::text(lang)), content)
}

/// The same mail in both languages, with subject and introduction in
/// each language from `pick`.
#[cfg(feature = "ssr")]
pub(crate) fn mail_in(
    v: &crate::dialogues::api::Visible,
    pick: impl Fn(crate::i18n::Lang) -> (&'static str, &'static str),
    content: &dyn Fn(crate::i18n::Lang) -> String,
) -> super::store::Mail {
    use crate::i18n::Lang;
    let url = format!(
        "{}/marknadsdialoger/{}",
        v.ctx.site_origin, v.dialogue.public_id
    );
    let one = |lang: Lang| {
        let t = super::text::text(lang);
        let (subject, intro) = pick(lang);
        (
            format!("{subject}: {}", v.dialogue.title),
            format!(
                "{intro}\n\n{}\n\n{}\n\n{url}\n\n{}",
                v.dialogue.title,
                content(lang),
                t.mail_footer
            ),
        )
    };
    let (sv, en) = (one(Lang::Sv), one(Lang::En));
    super::store::Mail {
        subject: [sv.0, en.0],
        body: [sv.1, en.1],
    }
}
