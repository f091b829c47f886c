//! What hosts do towards the market, on the dialogue's own page: choose
//! the public part, invite suppliers to a targeted dialogue, answer the
//! suppliers' questions to all, message them, and see who registered and
//! the information log.

use super::{
    api::{AnswerQuestion, InviteSupplier, MessageSuppliers, SetPublication},
    text::{text, MarketText},
    HostView, InformationKind,
};
use crate::{
    dialogues::{record::pages::written_lang, text::when, TEXT_MAX},
    i18n::use_lang,
    time::format_stockholm,
    ui::{
        form::{ErrorSummary, FieldGroup, FormFeedback, Notice, SelectField, TextField},
        query_has, query_value,
    },
};
use leptos::{prelude::*, server_fn::ServerFn};

/// What hosts do towards the market, on the dialogue's own page.
#[component]
pub fn HostMarket(h: HostView) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let id = h.public_id.clone();
    view! {
        <section aria-labelledby="marknaden">
            <h2 id="marknaden">{t.market_heading}</h2>
            {if h.published && !h.targeted {
                view! { <p><a href=format!("/marknadsdialoger/{id}")>{t.public_page}</a></p> }.into_any()
            } else if h.published {
                view! { <p>{t.targeted_note}</p> }.into_any()
            } else {
                view! { <p>{t.not_published}</p> }.into_any()
            }}
            {h.editable.then(|| view! { <PublicationForm h=h.clone() /> })}
            {h.targeted.then(|| view! { <Invited h=h.clone() /> })}
            <SupplierQuestions h=h.clone() />
            {h.published.then(|| view! { <MessageForm id=id.clone() /> })}
            <RegisteredSuppliers h=h.clone() />
            <InformationLog entries=h.information.clone() />
        </section>
    }
}

#[component]
fn PublicationForm(h: HostView) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let action = ServerAction::<SetPublication>::new();
    let form = FormFeedback::for_action(SetPublication::PATH);
    let (date, time) = match (form.error(), h.question_deadline) {
        (Some(_), _) => (form.value("question_date"), form.value("question_time")),
        (None, Some(at)) => crate::time::stockholm_parts(at),
        (None, None) => (String::new(), String::new()),
    };
    let places = match form.error() {
        Some(_) => form.value("supplier_places"),
        None => h.supplier_places.to_string(),
    };
    let problem = form.problem("question_deadline");
    let places_problem = form.problem("supplier_places");
    let (audience, reason) = match form.error() {
        Some(_) => (form.value("audience"), form.value("audience_reason")),
        None if h.targeted => ("invited".to_string(), h.audience_reason.clone()),
        None => ("open".to_string(), String::new()),
    };
    let (needs, demand, written) = match form.error() {
        Some(_) => (
            form.value("public_needs") == "1",
            form.value("public_demand") == "1",
            form.value("written_answers") == "1",
        ),
        None => (h.public_needs, h.public_demand, h.written_answers),
    };
    let flag = |on: bool| if on { "1" } else { "" };
    // Who the dialogue is for and what its page shows are chosen before
    // it is announced, and stay.
    let audience_fields = if h.published {
        let note = if h.targeted {
            t.audience_invited
        } else {
            t.audience_open
        };
        let shown: Vec<&str> = [
            (needs, t.show_needs),
            (demand, t.show_demand),
            (written || h.always_written, t.take_written),
        ]
        .into_iter()
        .filter_map(|(on, label)| on.then_some(label))
        .collect();
        view! {
            <p>{format!("{}: {note}", t.audience)}</p>
            {(!shown.is_empty()).then(|| view! { <p>{format!("{}: {}", t.public_parts, shown.join("; "))}</p> })}
            <input type="hidden" name="audience" value=audience />
            <input type="hidden" name="audience_reason" value=reason />
            <input type="hidden" name="public_needs" value=flag(needs) />
            <input type="hidden" name="public_demand" value=flag(demand) />
            <input type="hidden" name="written_answers" value=flag(written) />
        }
        .into_any()
    } else {
        let audience_problem = form.problem("audience");
        let reason_problem = form.problem("audience_reason");
        view! {
            <FieldGroup name="audience" legend=t.audience problem=audience_problem>
                <div class="choice">
                    <input type="radio" id="field-audience-open" name="audience" value="open"
                        checked=audience != "invited" />
                    <label for="field-audience-open">{t.audience_open}</label>
                </div>
                <div class="choice">
                    <input type="radio" id="field-audience-invited" name="audience" value="invited"
                        checked=audience == "invited" />
                    <label for="field-audience-invited">{t.audience_invited}</label>
                </div>
            </FieldGroup>
            <TextField name="audience_reason" label=t.audience_reason hint=t.audience_reason_hint
                multiline=true max_length=super::REASON_MAX value=reason problem=reason_problem />
            <FieldGroup name="public_parts" legend=t.public_parts hint=t.public_parts_hint
                problem=form.problem("public_parts")>
                <div class="choice">
                    <input type="checkbox" id="field-public_needs" name="public_needs" value="1" checked=needs />
                    <label for="field-public_needs">{t.show_needs}</label>
                </div>
                <div class="choice">
                    <input type="checkbox" id="field-public_demand" name="public_demand" value="1" checked=demand />
                    <label for="field-public_demand">{t.show_demand}</label>
                </div>
                {if h.always_written {
                    view! { <p>{t.always_written}</p> }.into_any()
                } else {
                    view! {
                        <div class="choice">
                            <input type="checkbox" id="field-written_answers" name="written_answers"
                                value="1" checked=written />
                            <label for="field-written_answers">{t.take_written}</label>
                        </div>
                    }
                    .into_any()
                }}
            </FieldGroup>
        }
        .into_any()
    };
    let error = form.error();
    let open = error.is_some() || query_has("publicering");
    let described = problem.map(|_| "field-question_deadline-error");
    let invalid = problem.map(|_| "true");
    view! {
        <details class="disclosure" id="publicering" open=open>
            <summary>{t.publication_heading}</summary>
            <Notice show=query_has("publicering") text=t.publication_saved id="publicering-sparad" />
            <ErrorSummary level=3 error labels=vec![
                ("question_deadline", t.question_deadline),
                ("supplier_places", t.supplier_places),
                ("audience", t.audience),
                ("audience_reason", t.audience_reason),
                ("public_parts", t.public_parts),
            ] />
            <ActionForm action>
                <input type="hidden" name="dialogue" value=h.public_id.clone() />
                <FieldGroup name="question_deadline" legend=t.question_deadline hint=t.publication_hint problem>
                    <div class="session-fields">
                        <div class="field">
                            <label for="field-question_date">{t.date}</label>
                            <input type="date" id="field-question_date" name="question_date" value=date
                                aria-describedby=described aria-invalid=invalid />
                        </div>
                        <div class="field">
                            <label for="field-question_time">{t.time}</label>
                            <input type="time" id="field-question_time" name="question_time" value=time
                                aria-describedby=described aria-invalid=invalid />
                        </div>
                    </div>
                </FieldGroup>
                <TextField name="supplier_places" label=t.supplier_places required=true kind="text"
                    value=places problem=places_problem />
                {audience_fields}
                <button type="submit" class="button">{t.save_publication}</button>
            </ActionForm>
        </details>
    }
}

/// A targeted dialogue's invited suppliers, and inviting one more by its
/// number while the dialogue is not yet held.
#[component]
fn Invited(h: HostView) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let action = ServerAction::<InviteSupplier>::new();
    let form = FormFeedback::for_action(InviteSupplier::PATH);
    let country = Some(form.value("country"))
        .filter(|c| crate::suppliers::Country::find(c).is_some())
        .unwrap_or_else(|| "SE".into());
    view! {
        <section aria-labelledby="inbjudna">
            <h3 id="inbjudna" tabindex="-1">{t.invited_heading}</h3>
            <p class="hint">{format!("{} {}", t.audience_reason, h.audience_reason)}</p>
            <Notice show=query_has("inbjuden") text=t.invite_saved id="inbjuden" />
            {if h.invited.is_empty() {
                view! { <p>{t.none_invited}</p> }.into_any()
            } else {
                view! { <ul>{h.invited.iter().map(|name| view! { <li>{name.clone()}</li> }).collect_view()}</ul> }.into_any()
            }}
            {h.editable.then(|| view! {
                <ErrorSummary level=4 error=form.error() labels=vec![("country", t.country), ("identifier", t.identifier)] />
                <ActionForm action>
                    <input type="hidden" name="dialogue" value=h.public_id.clone() />
                    <SelectField name="country" label=t.country required=true
                        options=crate::suppliers::pages::country_options(lang) selected=country
                        problem=form.problem("country") />
                    <TextField name="identifier" label=t.identifier required=true
                        value=form.value("identifier") problem=form.problem("identifier") />
                    <button type="submit" class="button">{t.invite}</button>
                </ActionForm>
            })}
        </section>
    }
}

#[component]
fn SupplierQuestions(h: HostView) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let chosen = query_value("besvara");
    let open = h
        .questions
        .iter()
        .find(|q| !q.answered && (chosen.is_empty() || q.public_id == chosen))
        .cloned();
    view! {
        <section aria-labelledby="leverantorsfragor">
            <h3 id="leverantorsfragor" tabindex="-1">{t.supplier_questions}</h3>
            <Notice show=query_has("besvarad") text=t.published id="besvarad" />
            {if h.questions.is_empty() {
                view! { <p>{t.no_supplier_questions}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list">
                        {h.questions.iter().map(|q| {
                            let state = if q.answered {
                                view! { <p class="hint">{t.answered}</p> }.into_any()
                            } else {
                                view! { <p><a href=format!("/dialoger/{}?besvara={}#besvara", h.public_id, q.public_id)>{t.answer}</a></p> }.into_any()
                            };
                            view! {
                                <li class="request">
                                    <p>{q.body.clone()}</p>
                                    <p class="hint">{format!("{} {}, {}", t.asked_by, q.supplier, format_stockholm(q.asked_at))}</p>
                                    {state}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
            {open.map(|q| view! { <AnswerForm id=h.public_id.clone() asked=q.public_id body=q.body /> })}
        </section>
    }
}

#[component]
fn AnswerForm(id: String, asked: String, body: String) -> impl IntoView {
    let t = text(use_lang());
    let action = ServerAction::<AnswerQuestion>::new();
    let form = FormFeedback::for_action(AnswerQuestion::PATH);
    let wording = match form.error() {
        Some(_) => form.value("wording"),
        None => body.clone(),
    };
    view! {
        <div id="besvara">
            <ErrorSummary level=4 error=form.error() labels=vec![("wording", t.reworded), ("reply", t.answer)] />
            <ActionForm action>
                <input type="hidden" name="dialogue" value=id />
                <input type="hidden" name="asked" value=asked />
                <TextField name="wording" label=t.reworded hint=t.reworded_hint required=true multiline=true
                    max_length=TEXT_MAX value=wording problem=form.problem("wording") />
                <TextField name="reply" label=t.answer required=true multiline=true
                    max_length=TEXT_MAX value=form.value("reply") problem=form.problem("reply") />
                <button type="submit" class="button">{t.publish}</button>
            </ActionForm>
        </div>
    }
}

#[component]
fn MessageForm(id: String) -> impl IntoView {
    let t = text(use_lang());
    let action = ServerAction::<MessageSuppliers>::new();
    let form = FormFeedback::for_action(MessageSuppliers::PATH);
    let open = form.error().is_some() || query_has("meddelat");
    view! {
        <details class="disclosure" id="meddelande" open=open>
            <summary>{t.message_heading}</summary>
            <Notice show=query_has("meddelat") text=t.message_sent id="meddelat" />
            <ErrorSummary level=3 error=form.error() labels=vec![("message", t.message)] />
            <ActionForm action>
                <input type="hidden" name="dialogue" value=id />
                <TextField name="message" label=t.message hint=t.message_hint required=true multiline=true
                    max_length=TEXT_MAX value=form.value("message") problem=form.problem("message") />
                <button type="submit" class="button">{t.send_message}</button>
            </ActionForm>
        </details>
    }
}

#[component]
fn RegisteredSuppliers(h: HostView) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    view! {
        <h3>{t.registered_suppliers}</h3>
        {if h.suppliers.is_empty() {
            view! { <p>{t.no_suppliers}</p> }.into_any()
        } else {
            view! {
                <ul>
                    {h.suppliers.into_iter().map(|s| view! {
                        <li>
                            {format!("{} ({}, {}), {}", s.name, s.country, s.identifier, format_stockholm(s.registered_at))}
                            {(!s.attending.is_empty()).then(|| view! {
                                <ul>
                                    {s.attending.into_iter().map(|(at, who)| view! {
                                        <li>{format!("{}: {who}", when(at, lang))}</li>
                                    }).collect_view()}
                                </ul>
                            })}
                        </li>
                    }).collect_view()}
                </ul>
            }
            .into_any()
        }}
    }
}

fn kind_label(t: &MarketText, kind: InformationKind) -> &'static str {
    match kind {
        InformationKind::Announced => t.kind_announced,
        InformationKind::Changed => t.kind_changed,
        InformationKind::Answer => t.kind_answer,
        InformationKind::Message => t.kind_message,
        InformationKind::Invited => t.kind_invited,
        InformationKind::Registered => t.kind_registered,
        InformationKind::Withdrawn => t.kind_withdrawn,
    }
}

/// The information log: on the dialogue's page (under the market's
/// heading) and in its record (`top`: a section of its own).
#[component]
pub fn InformationLog(
    entries: Vec<super::InformationEntry>,
    #[prop(optional)] top: bool,
) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let written = written_lang(lang);
    view! {
        <section aria-labelledby="informationslogg">
            {if top {
                view! { <h2 id="informationslogg">{t.information_log}</h2> }.into_any()
            } else {
                view! { <h3 id="informationslogg">{t.information_log}</h3> }.into_any()
            }}
            <p class="hint">{t.information_hint}</p>
            {if entries.is_empty() {
                view! { <p>{t.no_information}</p> }.into_any()
            } else {
                view! {
                    <ol class="information-log">
                        {entries.into_iter().map(|e| {
                            let told = matches!(e.kind, InformationKind::Announced | InformationKind::Changed | InformationKind::Answer | InformationKind::Message);
                            let recipients = if e.recipients.is_empty() {
                                t.told_to_none.to_string()
                            } else {
                                e.recipients.join(", ")
                            };
                            view! {
                                <li>
                                    <strong>{format!("{}, {}", format_stockholm(e.at), kind_label(t, e.kind))}</strong>
                                    {e.supplier.map(|s| format!(": {s}"))}
                                    {(!e.body.is_empty()).then(|| view! { <p class="pre-wrap" lang=written>{e.body.clone()}</p> })}
                                    {told.then(|| view! { <p>{format!("{}: {recipients}", t.told_to)}</p> })}
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }
                .into_any()
            }}
        </section>
    }
}
