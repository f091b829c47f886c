//! The market part's pages: a dialogue's public page (it needs no
//! sign-in), with what a supplier does there. What its hosts do towards
//! the market, on the dialogue's own page, is in `hosts`.

use super::{
    api::{AskQuestion, AttendMeeting, RegisterForDialogue, WithdrawFromDialogue},
    text::text,
    PublicView, SupplierPart,
};
use crate::{
    dialogues::{
        record::pages::written_lang,
        text::{format_label, span, status_label, when},
        QUESTION_MAX,
    },
    i18n::use_lang,
    regions,
    time::format_stockholm,
    ui::{
        form::{ErrorSummary, FormFeedback, Notice, SelectField, TextField},
        query_has, url_encode,
    },
};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;

/// A dialogue's public page.
#[component]
pub fn PublicDialoguePage() -> impl IntoView {
    let id = crate::dialogues::pages::param("id");
    let view = Resource::new(move || id.clone(), super::api::public_dialogue);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match view.await {
                    Ok(v) => view! { <PublicDialogue v /> }.into_any(),
                    Err(crate::error::AppError::NotSignedIn) => view! { <SignInToRead /> }.into_any(),
                    Err(_) => view! { <crate::pages::not_found::NotFoundPage /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// A targeted dialogue, asked for signed out: the invited sign in to read it.
#[component]
fn SignInToRead() -> impl IntoView {
    let t = text(use_lang());
    let here = format!("/marknadsdialoger/{}", crate::dialogues::pages::param("id"));
    view! {
        <Title text=t.board_title />
        <h1>{t.board_title}</h1>
        <p>{t.sign_in_to_read}</p>
        <p>
            <a class="button" href=format!("/konto/logga-in?till={}", url_encode(&here))>
                {crate::accounts::text::text(use_lang()).sign_in}
            </a>
        </p>
    }
}

#[component]
fn PublicDialogue(v: PublicView) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let written = written_lang(lang);
    let lan = regions::lan(&v.lan).map(|l| l.name).unwrap_or_default();
    let id = v.public_id.clone();
    view! {
        <Title text=v.title.clone() />
        <p class="breadcrumb"><a href="/marknadsdialoger">{t.board_title}</a></p>
        <h1 lang=written>{v.title.clone()}</h1>
        <p class="notice">{t.not_procurement}</p>
        {v.targeted.then(|| view! { <p>{t.targeted_note}</p> })}
        {v.host.then(|| view! { <p><a href=format!("/dialoger/{id}")>{t.host_link}</a></p> })}
        <dl class="facts">
            <dt>{t.hosts}</dt><dd>{v.hosts.join(", ")}</dd>
            <dt>{t.status}</dt><dd>{status_label(v.status, lang)}</dd>
            <dt>{t.form}</dt><dd>{format_label(v.form, lang)}</dd>
            <dt>"CPV"</dt><dd>{v.cpv.clone()}</dd>
            <dt>{t.lan}</dt><dd>{lan}</dd>
            <dt>{t.question_deadline}</dt><dd>{when(v.question_deadline, lang)}</dd>
            <dt>{t.answer_deadline}</dt><dd>{when(v.answer_deadline, lang)}</dd>
            {v.estimated_value.map(|value| view! {
                <dt>{t.value}</dt><dd>{crate::needs::text::kronor(value, lang)}</dd>
            })}
            <dt>{t.announced}</dt><dd>{format_stockholm(v.announced_at)}</dd>
        </dl>
        <h2>{t.purpose}</h2>
        <p lang=written>{v.purpose.clone()}</p>
        <h2>{t.questions_to_market}</h2>
        <ol lang=written>{v.questions.iter().map(|q| view! { <li>{q.clone()}</li> }).collect_view()}</ol>
        {(!v.needs.is_empty()).then(|| view! { <PublicNeeds needs=v.needs.clone() /> })}
        {v.demand.clone().map(|demand| view! { <PublicDemandFacts demand /> })}
        <h2>{t.meetings}</h2>
        {if v.meetings.is_empty() {
            view! { <p>{t.no_meetings}</p> }.into_any()
        } else {
            view! {
                <ul>
                    {v.meetings.iter().map(|m| view! {
                        <li>
                            {span(m.starts_at, m.ends_at, lang)}
                            {(!m.place.is_empty()).then(|| view! { ", "<span lang=written>{m.place.clone()}</span> })}
                            {if !m.link.is_empty() {
                                view! { ", "<a href=m.link.clone() rel="nofollow noopener">{m.link.clone()}</a> }.into_any()
                            } else if m.has_link {
                                view! { " "{t.link_to_registered} }.into_any()
                            } else {
                                ().into_any()
                            }}
                            {format!(" ({} {})", m.places_left, t.places_left)}
                        </li>
                    }).collect_view()}
                </ul>
            }
            .into_any()
        }}
        <section aria-labelledby="svar">
            <h2 id="svar">{t.qa}</h2>
            {if v.qa.is_empty() {
                view! { <p>{t.no_qa}</p> }.into_any()
            } else {
                view! {
                    <dl class="qa" lang=written>
                        {v.qa.iter().map(|e| view! {
                            <dt>{e.question.clone()}</dt>
                            <dd>{e.answer.clone()}<br /><span class="hint">{format_stockholm(e.published_at)}</span></dd>
                        }).collect_view()}
                    </dl>
                }
                .into_any()
            }}
        </section>
        {(!v.messages.is_empty()).then(|| view! {
            <section aria-labelledby="meddelanden">
                <h2 id="meddelanden">{t.messages}</h2>
                <ul lang=written>
                    {v.messages.iter().map(|m| view! {
                        <li>
                            <span class="hint">{format_stockholm(m.at)}{m.change.then(|| format!(", {}", t.change))}</span>
                            <br />{m.body.clone()}
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        })}
        {v.documents.clone().map(|documents| view! {
            <crate::dialogues::documents::pages::PublicDocumentsSection dialogue=id.clone() documents />
        })}
        <TakePart v=v.clone() />
        {v.slots.clone().map(|slots| view! {
            <crate::dialogues::slots::pages::BookSlots dialogue=id.clone() slots
                registered=v.suppliers.iter().filter(|s| s.registered)
                    .map(|s| (s.public_id.clone(), s.name.clone())).collect() />
        })}
        {v.takes_answers.then(|| view! {
            <crate::dialogues::answers::pages::WriteAnswer dialogue=id.clone()
                registered=v.suppliers.iter().filter(|s| s.registered)
                    .map(|s| (s.public_id.clone(), s.name.clone())).collect()
                open=v.answers_open
                deadline=v.answer_deadline />
        })}
    }
}

/// The needs the dialogue covers, as the hosts chose to show them.
#[component]
fn PublicNeeds(needs: Vec<crate::needs::PublicNeed>) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let written = written_lang(lang);
    view! {
        <section aria-labelledby="behoven">
            <h2 id="behoven">{t.needs_heading}</h2>
            {needs.into_iter().map(|n| view! {
                <h3 lang=written>{n.title}</h3>
                <p lang=written>{n.problem}</p>
                <p lang=written>{n.effect}</p>
                {(!n.requirements.is_empty()).then(|| view! {
                    <ul>
                        {n.requirements.into_iter().map(|(level, text)| view! {
                            <li>
                                <strong>{format!("{}: ", crate::needs::requirements::text::level_label(level, lang))}</strong>
                                <span lang=written>{text}</span>
                            </li>
                        }).collect_view()}
                    </ul>
                })}
            }).collect_view()}
        </section>
    }
}

/// The demand summed over the needs; sums only when enough organisations
/// stand behind them that no one's own figures show.
#[component]
fn PublicDemandFacts(demand: crate::needs::PublicDemand) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let summed = demand.total_value.is_some();
    view! {
        <section aria-labelledby="efterfragan">
            <h2 id="efterfragan">{t.demand_heading}</h2>
            <dl class="facts">
                <dt>{t.demand_organisations}</dt><dd>{demand.organisations}</dd>
                {demand.total_value.map(|v| view! {
                    <dt>{t.demand_value}</dt><dd>{crate::needs::text::kronor(v, lang)}</dd>
                })}
                {demand.earliest.map(|q| view! {
                    <dt>{t.demand_earliest}</dt><dd>{q.label(lang)}</dd>
                })}
            </dl>
            {(!summed).then(|| view! { <p class="hint">{t.demand_too_few}</p> })}
        </section>
    }
}

/// What a supplier does: the next step its state calls for.
#[component]
fn TakePart(v: PublicView) -> impl IntoView {
    let t = text(use_lang());
    let register = FormFeedback::for_action(RegisterForDialogue::PATH)
        .error()
        .or(FormFeedback::for_action(WithdrawFromDialogue::PATH).error())
        .or(FormFeedback::for_action(AttendMeeting::PATH).error());
    let here = format!("/marknadsdialoger/{}", v.public_id);
    let body = if !v.signed_in {
        view! {
            <p>{t.sign_in_to_take_part}</p>
            <p>
                <a class="button" href=format!("/konto/logga-in?till={}", url_encode(&here))>{crate::accounts::text::text(crate::i18n::use_lang()).sign_in}</a>
                " "
                <a href="/konto/skapa">{crate::accounts::text::text(crate::i18n::use_lang()).sign_up}</a>
            </p>
        }
        .into_any()
    } else if v.suppliers.is_empty() {
        view! {
            <p>{t.register_supplier_first}</p>
            <p><a class="button" href="/leverantorer/ny">{crate::suppliers::text::text(crate::i18n::use_lang()).register_link}</a></p>
        }
        .into_any()
    } else if !v.registrations_open && !v.suppliers.iter().any(|s| s.registered) {
        view! { <p>{t.registration_closed}</p> }.into_any()
    } else {
        let registered: Vec<SupplierPart> = v
            .suppliers
            .iter()
            .filter(|s| s.registered)
            .cloned()
            .collect();
        let parts = v
            .suppliers
            .iter()
            .map(|s| view! { <SupplierTakesPart v=v.clone() s=s.clone() /> })
            .collect_view();
        let ask = if v.questions_open && !registered.is_empty() {
            view! { <AskForm v=v.clone() registered /> }.into_any()
        } else if !registered.is_empty() && !v.frozen {
            view! { <p>{t.questions_closed}</p> }.into_any()
        } else {
            ().into_any()
        };
        view! { {parts} {ask} }.into_any()
    };
    view! {
        <section aria-labelledby="delta" class="next-step">
            <h2 id="delta" tabindex="-1">{t.take_part}</h2>
            <Notice show=query_has("anmald") text=t.registration_saved id="anmald" />
            <Notice show=query_has("avanmald") text=t.withdrawn id="avanmald" />
            <Notice show=query_has("kommer") text=t.attending_saved id="kommer" />
            <ErrorSummary level=3 error=register labels=vec![("attendees", t.attendees)] />
            {body}
        </section>
    }
}

#[component]
fn SupplierTakesPart(v: PublicView, s: SupplierPart) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let heading = format!("{} {}", t.act_for, s.name);
    if !s.registered {
        let action = ServerAction::<RegisterForDialogue>::new();
        return view! {
            <h3>{heading}</h3>
            {if v.registrations_open {
                view! {
                    <ActionForm action>
                        <input type="hidden" name="dialogue" value=v.public_id.clone() />
                        <input type="hidden" name="supplier" value=s.public_id.clone() />
                        <button type="submit" class="button">
                            {t.register}<span class="visually-hidden">{format!(": {}", s.name)}</span>
                        </button>
                    </ActionForm>
                }
                .into_any()
            } else {
                view! { <p>{t.registration_closed}</p> }.into_any()
            }}
        }
        .into_any();
    }
    let withdraw = ServerAction::<WithdrawFromDialogue>::new();
    let meetings = if v.registrations_open {
        v.meetings.clone()
    } else {
        Vec::new()
    };
    // A refused attendance comes back in the form it was sent from, tied
    // to its field (the one the error summary links to).
    let sent = FormFeedback::for_action(AttendMeeting::PATH);
    let attend_forms = meetings
        .into_iter()
        .map(|m| {
            let attend = ServerAction::<AttendMeeting>::new();
            let refused = sent.error().is_some()
                && sent.value("supplier") == s.public_id
                && sent.value("meeting") == m.public_id;
            let field = if refused {
                "field-attendees".to_string()
            } else {
                format!("kommer-{}-{}", s.public_id, m.public_id)
            };
            let problem = refused.then(|| sent.problem("attendees")).flatten();
            let written = if refused {
                sent.value("attendees")
            } else {
                s.attending
                    .iter()
                    .find(|(id, _)| *id == m.public_id)
                    .map(|(_, who)| who.clone())
                    .unwrap_or_default()
            };
            let described = match problem {
                Some(_) => format!("{field}-hint {field}-error"),
                None => format!("{field}-hint"),
            };
            let (dialogue, supplier) = (v.public_id.clone(), s.public_id.clone());
            view! {
                <ActionForm action=attend>
                    <input type="hidden" name="dialogue" value=dialogue />
                    <input type="hidden" name="supplier" value=supplier />
                    <input type="hidden" name="meeting" value=m.public_id.clone() />
                    <div class="field" class:field--invalid=problem.is_some()>
                        <label for=field.clone()>{format!("{}: {}", t.attendees, span(m.starts_at, m.ends_at, lang))}</label>
                        <p class="hint" id=format!("{field}-hint")>{t.attendees_hint}</p>
                        {problem.map(|p| view! { <p class="field-error" id=format!("{field}-error")>{p.message(lang)}</p> })}
                        <textarea id=field.clone() name="attendees" rows="3"
                            aria-describedby=described aria-invalid=problem.map(|_| "true")>{written}</textarea>
                    </div>
                    <button type="submit" class="button button--small">{t.attend}</button>
                </ActionForm>
            }
        })
        .collect_view();
    view! {
        <h3>{heading}</h3>
        <p>{t.registered_note}</p>
        {attend_forms}
        {(!v.frozen).then(|| view! {
            <ActionForm action=withdraw>
                <input type="hidden" name="dialogue" value=v.public_id.clone() />
                <input type="hidden" name="supplier" value=s.public_id.clone() />
                <button type="submit" class="button button--quiet-dark">
                    {t.withdraw}<span class="visually-hidden">{format!(": {}", s.name)}</span>
                </button>
            </ActionForm>
        })}
    }
    .into_any()
}

/// One question form, whichever of the person's registered suppliers
/// asks: with several, the person chooses which.
#[component]
fn AskForm(v: PublicView, registered: Vec<SupplierPart>) -> impl IntoView {
    let t = text(use_lang());
    let action = ServerAction::<AskQuestion>::new();
    let form = FormFeedback::for_action(AskQuestion::PATH);
    let supplier = if registered.len() == 1 {
        view! { <input type="hidden" name="supplier" value=registered[0].public_id.clone() /> }
            .into_any()
    } else {
        let options: Vec<(String, String)> = registered
            .iter()
            .map(|s| (s.public_id.clone(), s.name.clone()))
            .collect();
        view! {
            <SelectField name="supplier" label=t.act_for options required=true
                selected=form.value("supplier") problem=form.problem("supplier") />
        }
        .into_any()
    };
    view! {
        <section aria-labelledby="fraga">
            <h3 id="fraga" tabindex="-1">{t.ask_heading}</h3>
            <Notice show=query_has("fragat") text=t.asked id="fragat" />
            <ErrorSummary level=4 error=form.error() labels=vec![("question", t.question)] />
            <ActionForm action>
                <input type="hidden" name="dialogue" value=v.public_id.clone() />
                {supplier}
                <TextField name="question" label=t.question hint=t.ask_hint required=true multiline=true
                    max_length=QUESTION_MAX value=form.value("question") problem=form.problem("question") />
                <button type="submit" class="button">{t.ask}</button>
            </ActionForm>
        </section>
    }
}
