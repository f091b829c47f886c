//! The individual meetings' parts of two pages: on the dialogue's own
//! page the hosts see every slot with who booked it and offer more; on
//! the public page a registered supplier chooses one free slot, moves or
//! cancels it, until the cut-off.

use super::{
    api::{BookSlot, CancelBooking, OfferSlots},
    text::text,
    HostSlots, OfferedSlot, OfferedSlots,
};
use crate::{
    dialogues::{record::pages::written_lang, text::span, text::when, LINK_MAX, PLACE_MAX},
    i18n::use_lang,
    time::format_stockholm,
    ui::{
        form::{ErrorSummary, FieldGroup, FormFeedback, Notice, TextField},
        query_has,
    },
};
use leptos::{prelude::*, server_fn::ServerFn};

/// "Stadshuset, rum 3": where a slot is held, as a page shows it.
fn place_of(place: &str, has_link: bool, link: &str, link_note: &'static str) -> String {
    let online = match (link.is_empty(), has_link) {
        (false, _) => link.to_string(),
        (true, true) => link_note.to_string(),
        (true, false) => String::new(),
    };
    [place.to_string(), online]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The hosts' view of the individual meetings, with the form to offer
/// (more) slots while the dialogue takes registrations.
#[component]
pub fn HostSlotsSection(id: String, s: HostSlots) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let written = written_lang(lang);
    let list = if s.slots.is_empty() {
        view! { <p>{t.none_offered}</p> }.into_any()
    } else {
        view! {
            {s.cutoff.map(|at| view! { <p>{format!("{}: {}.", t.cutoff, when(at, lang))}</p> })}
            <ul class="plain-list slots">
                {s.slots.iter().map(|slot| {
                    let booking = if slot.supplier.is_empty() {
                        view! { <strong>{t.free}</strong> }.into_any()
                    } else {
                        view! {
                            <strong>{slot.supplier.clone()}</strong>
                            {slot.booked_at.map(|at| format!(" ({} {})", t.booked_at.to_lowercase(), format_stockholm(at)))}
                            {(!slot.attendees.is_empty()).then(|| view! {
                                <br /><span lang=written>{format!("{}: {}", t.attendees, slot.attendees.lines().collect::<Vec<_>>().join(", "))}</span>
                            })}
                        }
                        .into_any()
                    };
                    view! {
                        <li>
                            {span(slot.starts_at, slot.ends_at, lang)}
                            <span lang=written>{format!(", {}", place_of(&slot.place, false, &slot.link, ""))}</span>
                            " – "{booking}
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section aria-labelledby="enskilda-moten">
            <h2 id="enskilda-moten" tabindex="-1">{t.heading}</h2>
            <Notice show=query_has("tider") text=t.offered id="tider" />
            <p>{t.host_lead}</p>
            {list}
            {if s.may_offer {
                view! { <OfferForm id s=s.clone() /> }.into_any()
            } else if s.slots.is_empty() {
                view! { <p>{t.not_yet}</p> }.into_any()
            } else {
                ().into_any()
            }}
        </section>
    }
}

#[component]
fn OfferForm(id: String, s: HostSlots) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let action = ServerAction::<OfferSlots>::new();
    let form = FormFeedback::for_action(OfferSlots::PATH);
    let error = form.error();
    let sent = |name: &str, default: String| {
        if error.is_some() {
            form.value(name)
        } else {
            default
        }
    };
    let last = s.slots.last();
    let (cutoff_date, cutoff_time) = s
        .cutoff
        .map(crate::time::stockholm_parts)
        .unwrap_or_default();
    let minutes_hint = match s.minutes {
        Some(_) => t.minutes_fixed,
        None => t.minutes_hint,
    };
    let minutes_default = s.minutes.map(|m| m.to_string()).unwrap_or_default();
    // A date and a time under one legend; the problem is the group's.
    let pair = |group: &'static str,
                fields: [(&'static str, &'static str, &'static str, String); 2]| {
        let described = form.problem(group).map(|_| format!("field-{group}-error"));
        let invalid = form.problem(group).map(|_| "true");
        view! {
            <div class="session-fields">
                {fields.into_iter().map(|(name, label, kind, value)| view! {
                    <div class="field">
                        <label for=format!("field-{name}")>{label}</label>
                        <input type=kind id=format!("field-{name}") name=name value=value
                            aria-describedby=described.clone() aria-invalid=invalid />
                    </div>
                }).collect_view()}
            </div>
        }
    };
    let minutes_hint = minutes_hint.replace("{minutes}", &minutes_default);
    let first_fields = pair(
        "first",
        [
            (
                "first_date",
                t.date,
                "date",
                sent("first_date", String::new()),
            ),
            (
                "first_time",
                t.time,
                "time",
                sent("first_time", String::new()),
            ),
        ],
    );
    let cutoff_fields = pair(
        "cutoff",
        [
            (
                "cutoff_date",
                t.cutoff_date,
                "date",
                sent("cutoff_date", cutoff_date),
            ),
            (
                "cutoff_time",
                t.cutoff_time,
                "time",
                sent("cutoff_time", cutoff_time),
            ),
        ],
    );
    let (count, gap) = (sent("count", String::new()), sent("gap", String::new()));
    let minutes = sent("minutes", minutes_default);
    let place = sent("place", last.map(|l| l.place.clone()).unwrap_or_default());
    let link = sent("link", last.map(|l| l.link.clone()).unwrap_or_default());
    let problem = |name: &str| form.problem(name);
    let (first_problem, cutoff_problem) = (problem("first"), problem("cutoff"));
    let (count_problem, gap_problem) = (problem("count"), problem("gap"));
    let (place_problem, link_problem) = (problem("place"), problem("link"));
    let minutes_problem = problem("minutes");
    let minutes_described = match minutes_problem {
        Some(_) => "field-minutes-hint field-minutes-error",
        None => "field-minutes-hint",
    };
    let open = error.is_some() || s.slots.is_empty();
    let summary = if s.slots.is_empty() {
        t.offer_heading
    } else {
        t.offer_more
    };
    view! {
        <details class="disclosure" id="erbjud-tider" open=open>
            <summary>{summary}</summary>
            <ErrorSummary level=3 error=error labels=vec![
                ("first", t.start),
                ("count", t.count),
                ("minutes", t.minutes),
                ("gap", t.gap),
                ("place", t.place),
                ("link", t.link),
                ("cutoff", t.cutoff),
            ] />
            <ActionForm action>
                <input type="hidden" name="dialogue" value=id />
                <FieldGroup name="first" legend=t.start required=true problem=first_problem>
                    {first_fields}
                </FieldGroup>
                <TextField name="count" label=t.count hint=t.count_hint required=true
                    value=count problem=count_problem />
                <div class="field" class:field--invalid=minutes_problem.is_some()>
                    <label for="field-minutes">{t.minutes}<span aria-hidden="true">" *"</span></label>
                    <p class="hint" id="field-minutes-hint">{minutes_hint}</p>
                    {minutes_problem.map(|p| view! { <p class="field-error" id="field-minutes-error">{p.message(lang)}</p> })}
                    <input id="field-minutes" name="minutes" type="text" inputmode="numeric"
                        value=minutes aria-required="true" aria-describedby=minutes_described
                        aria-invalid=minutes_problem.map(|_| "true") />
                </div>
                <TextField name="gap" label=t.gap hint=t.gap_hint value=gap problem=gap_problem />
                <TextField name="place" label=t.place hint=t.where_hint max_length=PLACE_MAX
                    value=place problem=place_problem />
                <TextField name="link" label=t.link kind="url" max_length=LINK_MAX
                    value=link problem=link_problem />
                <FieldGroup name="cutoff" legend=t.cutoff hint=t.cutoff_hint required=true
                    problem=cutoff_problem>
                    {cutoff_fields}
                </FieldGroup>
                <button type="submit" class="button">{t.offer_button}</button>
            </ActionForm>
        </details>
    }
}

/// The slots on the public page, and for each of the person's registered
/// suppliers its booking and the form to book, move or cancel.
#[component]
pub fn BookSlots(
    dialogue: String,
    slots: OfferedSlots,
    /// The person's registered suppliers: (public id, name).
    registered: Vec<(String, String)>,
) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let written = written_lang(lang);
    let book = FormFeedback::for_action(BookSlot::PATH);
    let cancel = FormFeedback::for_action(CancelBooking::PATH);
    let error = book.error().or(cancel.error());
    let several = registered.len() > 1;
    let when_open = if slots.open {
        format!(
            "{} {}: {}.",
            t.book_lead,
            t.bookings_until,
            when(slots.cutoff, lang)
        )
    } else if slots.past_cutoff {
        t.closed.to_string()
    } else {
        t.dialogue_closed.to_string()
    };
    let body = if registered.is_empty() {
        view! {
            <ul class="plain-list slots">
                {slots.slots.iter().map(|slot| view! {
                    <li>
                        {span(slot.starts_at, slot.ends_at, lang)}
                        <span lang=written>{format!(", {}", place_of(&slot.place, slot.has_link, &slot.link, t.link_to_registered))}</span>
                        " – "<strong>{if slot.free { t.free } else { t.taken }}</strong>
                    </li>
                }).collect_view()}
            </ul>
            {slots.open.then(|| view! { <p>{t.register_first}</p> })}
        }
        .into_any()
    } else {
        registered
            .into_iter()
            .map(|(supplier, name)| {
                view! {
                    {several.then(|| view! { <h3>{format!("{} {name}", t.for_supplier)}</h3> })}
                    <SupplierBooking dialogue=dialogue.clone() slots=slots.clone() supplier name />
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <section aria-labelledby="boka" class="next-step">
            <h2 id="boka" tabindex="-1">{t.book_heading}</h2>
            <Notice show=query_has("bokad") text=t.booked id="bokad" />
            <Notice show=query_has("avbokad") text=t.cancelled id="avbokad" />
            <p>{when_open}</p>
            <ErrorSummary level=3 error labels=vec![("slot", t.time), ("attendees", t.attendees)] />
            {body}
        </section>
    }
}

/// One supplier's booking: the slot it holds, and the form to choose one.
/// A form sent and refused comes back in the block it was sent from, with
/// the ids the error summary links to.
#[component]
fn SupplierBooking(
    dialogue: String,
    slots: OfferedSlots,
    supplier: String,
    name: String,
) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let written = written_lang(lang);
    let sent = FormFeedback::for_action(BookSlot::PATH);
    let refused = sent.error().is_some() && sent.value("supplier") == supplier;
    let held: Option<OfferedSlot> = slots
        .slots
        .iter()
        .find(|s| s.held_by.as_deref() == Some(supplier.as_str()))
        .cloned();
    let id = |name: &str| {
        if refused {
            format!("field-{name}")
        } else {
            format!("{name}-{supplier}")
        }
    };
    let (group, who) = (id("slot"), id("attendees"));
    let chosen = if refused {
        sent.value("slot")
    } else {
        held.as_ref()
            .map(|h| h.public_id.clone())
            .unwrap_or_default()
    };
    let attendees = if refused {
        sent.value("attendees")
    } else {
        held.as_ref()
            .map(|h| h.attendees.clone())
            .unwrap_or_default()
    };
    let holding = held.as_ref().map(|h| {
        let (dialogue, supplier, name) = (dialogue.clone(), supplier.clone(), name.clone());
        let cancel = ServerAction::<CancelBooking>::new();
        view! {
            <p>
                <strong>{format!("{}: ", t.yours)}</strong>
                {span(h.starts_at, h.ends_at, lang)}
                <span lang=written>{format!(", {}", place_of(&h.place, h.has_link, &h.link, t.link_to_registered))}</span>
            </p>
            {(!h.attendees.is_empty()).then(|| view! {
                <p lang=written>{format!("{}: {}", t.attendees, h.attendees.lines().collect::<Vec<_>>().join(", "))}</p>
            })}
            {if !h.ahead {
                view! { <p>{t.begun}</p> }.into_any()
            } else if slots.open {
                view! {
                    <ActionForm action=cancel>
                        <input type="hidden" name="dialogue" value=dialogue />
                        <input type="hidden" name="supplier" value=supplier />
                        <button type="submit" class="button button--quiet-dark">
                            {t.cancel}<span class="visually-hidden">{format!(": {name}")}</span>
                        </button>
                    </ActionForm>
                }
                .into_any()
            } else {
                ().into_any()
            }}
        }
    });
    let may_choose = slots.open && held.as_ref().is_none_or(|h| h.ahead);
    let holds = held.is_some();
    let form = may_choose.then(|| {
        let (dialogue, supplier, name) = (dialogue.clone(), supplier.clone(), name.clone());
        let action = ServerAction::<BookSlot>::new();
        let slot_problem = refused.then(|| sent.problem("slot")).flatten();
        let who_problem = refused.then(|| sent.problem("attendees")).flatten();
        let group_error = format!("{group}-error");
        let who_described = match who_problem {
            Some(_) => format!("{who}-hint {who}-error"),
            None => format!("{who}-hint"),
        };
        let choices = slots
            .slots
            .iter()
            .filter(|s| s.ahead)
            .map(|s| {
                let mine = s.held_by.as_deref() == Some(supplier.as_str());
                let radio = format!("{group}-{}", s.public_id);
                let status = if mine {
                    t.yours
                } else if s.free {
                    t.free
                } else {
                    t.taken
                };
                view! {
                    <div class="choice">
                        <input type="radio" id=radio.clone() name="slot" value=s.public_id.clone()
                            checked=chosen == s.public_id && (s.free || mine) disabled=!(s.free || mine) />
                        <label for=radio>
                            {span(s.starts_at, s.ends_at, lang)}
                            <span lang=written>{format!(", {}", place_of(&s.place, s.has_link, &s.link, t.link_to_registered))}</span>
                            {format!(" – {status}")}
                        </label>
                    </div>
                }
            })
            .collect_view();
        view! {
            <ActionForm action>
                <input type="hidden" name="dialogue" value=dialogue />
                <input type="hidden" name="supplier" value=supplier.clone() />
                {holds.then(|| view! { <input type="hidden" name="intent" value="move" /> })}
                <fieldset class="field field-group" class:field--invalid=slot_problem.is_some()
                    id=group.clone() tabindex="-1" aria-describedby=slot_problem.map(|_| group_error.clone())>
                    <legend>{t.time}<span aria-hidden="true">" *"</span></legend>
                    {slot_problem.map(|p| view! { <p class="field-error" id=group_error.clone()>{p.message(lang)}</p> })}
                    {choices}
                </fieldset>
                <div class="field" class:field--invalid=who_problem.is_some()>
                    <label for=who.clone()>{t.attendees}<span aria-hidden="true">" *"</span></label>
                    <p class="hint" id=format!("{who}-hint")>{t.attendees_hint}</p>
                    {who_problem.map(|p| view! { <p class="field-error" id=format!("{who}-error")>{p.message(lang)}</p> })}
                    <textarea id=who.clone() name="attendees" rows="3" aria-required="true"
                        aria-describedby=who_described aria-invalid=who_problem.map(|_| "true")>{attendees}</textarea>
                </div>
                <button type="submit" class="button">
                    {if holds { t.move_here } else { t.book }}
                    <span class="visually-hidden">{format!(": {name}")}</span>
                </button>
            </ActionForm>
        }
    });
    view! {
        {holding}
        {form}
    }
}
