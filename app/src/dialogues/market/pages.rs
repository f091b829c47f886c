//! The market part's pages: the public board and a dialogue's public
//! page (neither needs a sign-in), with what a supplier does there; and,
//! on the dialogue's own page, what its hosts do towards the market.

use super::{
    api::{
        AnswerQuestion, AskQuestion, AttendMeeting, InviteSupplier, MessageSuppliers,
        RegisterForDialogue, SetPublication, WithdrawFromDialogue,
    },
    text::{text, MarketText},
    BoardPage as Page, BoardQuery, HostView, InformationKind, PublicView, SupplierPart,
};
use crate::{
    dialogues::{
        record::pages::written_lang,
        text::{format_label, span, status_label, when},
        DialogueFormat, QUESTION_MAX, TEXT_MAX,
    },
    i18n::{use_lang, Lang},
    regions,
    time::format_stockholm,
    ui::{
        form::{ErrorSummary, FieldGroup, FormFeedback, Notice, SelectField, TextField},
        query_has, query_value, url_encode,
    },
};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::{Link, Title};

fn board_query() -> BoardQuery {
    BoardQuery {
        avdelning: query_value("avdelning"),
        lan: query_value("lan"),
        form: query_value("form"),
        oppen: query_value("oppen"),
        svar_fran: query_value("svar_fran"),
        efter: query_value("efter"),
    }
}

/// The public board of announced market dialogues.
#[component]
pub fn BoardPage() -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let query = board_query();
    // Searching, the board shows what the words found instead of the list.
    let searching = !query_value("q").is_empty();
    let filters = super::BoardFilter::query(&query);
    let feed = match filters.as_str() {
        "" => "/marknadsdialoger.atom".to_string(),
        q => format!("/marknadsdialoger.atom?{q}"),
    };
    let page = {
        let query = query.clone();
        Resource::new(|| (), move |_| super::api::board(query.clone()))
    };
    view! {
        <Title text=t.board_title />
        <Link rel="alternate" type_="application/atom+xml" href=feed.clone() title=t.board_title />
        <h1>{t.board_title}</h1>
        <p class="lead">{t.board_lead}</p>
        <p class="notice">{t.not_procurement}</p>
        <crate::search::pages::BoardSearch />
        {searching.then(|| view! { <p><a href="/marknadsdialoger">{t.show_all}</a></p> })}
        {(!searching).then(|| view! {
            <BoardFilters query=query.clone() />
            <p><a href=feed.clone()>{t.feed}</a></p>
        })}
        <Suspense fallback=|| ()>
            {move || {
                let filters = filters.clone();
                let first = !query.efter.is_empty();
                Suspend::new(async move {
                    if searching {
                        return ().into_any();
                    }
                    match page.await {
                        Ok(page) => view! { <BoardList page filters first /> }.into_any(),
                        Err(_) => view! { <p>{t.no_dialogues}</p> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// The board's filters: a plain GET form, so each filtered list has an
/// address (and a feed) of its own.
#[component]
fn BoardFilters(query: BoardQuery) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let divisions: Vec<(String, String)> = crate::cpv::divisions()
        .iter()
        .map(|d| {
            let name = if lang == Lang::Sv { d.sv } else { d.en };
            (d.code.to_string(), format!("{} {name}", d.code))
        })
        .collect();
    let lans: Vec<(String, String)> = regions::LAN
        .iter()
        .map(|l| (l.code.to_string(), l.name.to_string()))
        .collect();
    let forms: Vec<(String, String)> = DialogueFormat::ALL
        .iter()
        .map(|f| (f.code().to_string(), format_label(*f, lang).to_string()))
        .collect();
    let select = move |name: &'static str,
                       label: &'static str,
                       any: &'static str,
                       options: Vec<(String, String)>,
                       chosen: String| {
        let id = format!("filter-{name}");
        view! {
            <div class="field">
                <label for=id.clone()>{label}</label>
                <select id=id name=name>
                    <option value="" selected=chosen.is_empty()>{any}</option>
                    {options.into_iter().map(|(value, text)| {
                        let selected = value == chosen;
                        view! { <option value=value selected=selected>{text}</option> }
                    }).collect_view()}
                </select>
            </div>
        }
    };
    view! {
        <form method="get" action="/marknadsdialoger" class="filters" role="search" aria-label=t.filters>
            {select("avdelning", t.division, t.any_division, divisions, query.avdelning.clone())}
            {select("lan", t.lan, t.any_lan, lans, query.lan.clone())}
            {select("form", t.form, t.any_form, forms, query.form.clone())}
            <div class="field">
                <label for="filter-svar_fran">{t.deadline_from}</label>
                <input id="filter-svar_fran" name="svar_fran" type="text" inputmode="numeric"
                    autocomplete="off" value=query.svar_fran.clone() />
            </div>
            <div class="choice">
                <input id="filter-oppen" name="oppen" type="checkbox" value="1"
                    checked=query.oppen == "1" />
                <label for="filter-oppen">{t.open_only}</label>
            </div>
            <button type="submit" class="button">{t.filter_button}</button>
        </form>
    }
}

#[component]
fn BoardList(page: Page, filters: String, first: bool) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let written = written_lang(lang);
    let next = page.next.map(|cursor| match filters.as_str() {
        "" => format!("/marknadsdialoger?efter={}", url_encode(&cursor)),
        q => format!("/marknadsdialoger?{q}&efter={}", url_encode(&cursor)),
    });
    let start = match filters.as_str() {
        "" => "/marknadsdialoger".to_string(),
        q => format!("/marknadsdialoger?{q}"),
    };
    view! {
        {(!page.ignored.is_empty()).then(|| view! {
            <p class="notice" role="status">{format!("{} {}", t.ignored, page.ignored.join(", "))}</p>
        })}
        {if page.items.is_empty() {
            view! { <p>{t.no_dialogues}</p> }.into_any()
        } else {
            view! {
                <ul class="cards">
                    {page.items.into_iter().map(|item| {
                        let lan = regions::lan(&item.lan).map(|l| l.name).unwrap_or_default();
                        view! {
                            <li class="card">
                                <h2><a href=format!("/marknadsdialoger/{}", item.public_id) lang=written>{item.title}</a></h2>
                                <dl class="facts">
                                    <dt>{t.hosts}</dt><dd>{item.hosts}</dd>
                                    <dt>{t.form}</dt><dd>{format_label(item.form, lang)}</dd>
                                    <dt>{t.lan}</dt><dd>{lan}</dd>
                                    <dt>{t.answer_deadline}</dt><dd>{when(item.answer_deadline, lang)}</dd>
                                    <dt>{t.status}</dt><dd>{status_label(item.status, lang)}</dd>
                                </dl>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }
            .into_any()
        }}
        {(next.is_some() || first).then(|| view! {
            <nav aria-label=t.pages>
                {next.map(|href| view! { <p><a href=href rel="next">{t.next_page}</a></p> })}
                {first.then(|| view! { <p><a href=start>{t.first_page}</a></p> })}
            </nav>
        })}
    }
}

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
