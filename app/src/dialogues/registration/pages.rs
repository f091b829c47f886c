//! Registration on the dialogue page: places left, and for each
//! organisation the person may register either a form to register it or
//! its registration as it stands, with who attends, a form to change it
//! and a separate button to withdraw; for hosts who is coming. Outside
//! the time for registrations it says when they open, or that they closed.

use super::{
    api::{RegisterAttendance, WithdrawAttendance},
    RegisterFor, ATTENDEES_MAX,
};
use crate::{
    dialogues::{
        record::pages::{written_lang, AttendeeList},
        text::text,
        DialogueStatus, DialogueView,
    },
    i18n::use_lang,
    ui::{
        form::{ErrorSummary, FormFeedback, Notice, TextField},
        query_has,
    },
};
use leptos::{prelude::*, server_fn::ServerFn};

#[component]
pub fn RegistrationSection(id: String, view: DialogueView) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let sent = FormFeedback::for_action(RegisterAttendance::PATH);
    // The form is repeated per organisation: the refusal is the one sent.
    let part = sent
        .error()
        .map(|_| sent.value("organisation"))
        .filter(|org| !org.is_empty());
    let form = sent
        .error()
        .or(FormFeedback::for_action(WithdrawAttendance::PATH).error());
    let status = view.dialogue.status;
    let left = (view.dialogue.capacity - view.registered).max(0);
    let title = view.dialogue.title.clone();
    view! {
        <section aria-labelledby="anmalan">
            <h2 id="anmalan">{t.registration}</h2>
            <Notice show=query_has("anmald") text=t.registered id="anmald" />
            <Notice show=query_has("avanmald") text=t.withdrawn id="anmald" />
            {if status.takes_registrations() {
                view! {
                    <p>{format!("{left} {} {}", t.places_left, view.dialogue.capacity)}</p>
                    <ErrorSummary error=form labels=vec![("attendees", t.attendees)] level=3 part repeated=&["attendees"] />
                    {view.register_for.into_iter().map(|org| view! {
                        <OrganisationRegistration id=id.clone() title=title.clone() org sent=sent.clone() />
                    }).collect_view()}
                }
                .into_any()
            } else if status == DialogueStatus::Planned {
                view! { <p>{t.registration_later}</p> }.into_any()
            } else {
                view! { <p>{t.registration_closed}</p> }.into_any()
            }}
            {view.rights.host.then(|| view! { <Attendance registrations=view.registrations /> })}
        </section>
    }
}

/// One organisation the person may register: registered already (who
/// attends, change it, withdraw) or not (register).
#[component]
fn OrganisationRegistration(
    id: String,
    title: String,
    org: RegisterFor,
    /// What a refused registration sent; it is this organisation's when
    /// it names it.
    sent: FormFeedback,
) -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    let register = ServerAction::<RegisterAttendance>::new();
    let RegisterFor {
        organisation,
        name,
        attendees,
    } = org;
    let refused = sent.error().is_some() && sent.value("organisation") == organisation;
    let registered = attendees.is_some();
    let button = if registered {
        t.save_registration
    } else {
        t.register_button
    };
    let (form_id, form_org, form_name) = (id.clone(), organisation.clone(), name.clone());
    let written = if refused {
        sent.value("attendees")
    } else {
        attendees.clone().unwrap_or_default()
    };
    let problem = refused.then(|| sent.problem("attendees")).flatten();
    let field_id = format!("attendees_{organisation}");
    let form = view! {
        <ActionForm action=register>
            <input type="hidden" name="dialogue" value=form_id />
            <input type="hidden" name="organisation" value=form_org />
            <TextField name="attendees" label=t.attendees hint=t.attendees_hint required=true multiline=true
                max_length=ATTENDEES_MAX value=written problem field_id />
            <button type="submit" class="button">{button}<span class="visually-hidden">{format!(": {form_name}")}</span></button>
        </ActionForm>
    };
    view! {
        <article class="card">
            <h3>{name.clone()}</h3>
            {match attendees {
                Some(attendees) => {
                    let withdraw = ServerAction::<WithdrawAttendance>::new();
                    view! {
                        <p>{format!("{name} {} ", t.is_registered)}<span lang=written_lang(lang)>{title}</span>"."</p>
                        <AttendeeList attendees />
                        <div class="button-row">
                            <details class="disclosure" open=refused>
                                <summary>
                                    {t.change_registration}
                                    <span class="visually-hidden">{format!(": {name}")}</span>
                                </summary>
                                {form}
                            </details>
                            <ActionForm action=withdraw>
                                <input type="hidden" name="dialogue" value=id />
                                <input type="hidden" name="organisation" value=organisation />
                                <button type="submit" class="button button--quiet-dark">
                                    {t.withdraw_button}<span class="visually-hidden">{format!(": {name}")}</span>
                                </button>
                            </ActionForm>
                        </div>
                    }
                    .into_any()
                }
                None => form.into_any(),
            }}
        </article>
    }
}

/// Who is coming, for hosts.
#[component]
fn Attendance(registrations: Vec<super::Registration>) -> impl IntoView {
    let t = text(use_lang());
    view! {
        <h3>{t.attendance}</h3>
        {if registrations.is_empty() {
            view! { <p>{t.attendance_none}</p> }.into_any()
        } else {
            view! {
                <dl class="attendance">
                    {registrations.into_iter().map(|r| view! {
                        <dt>{r.organisation}</dt>
                        <dd><AttendeeList attendees=r.attendees /></dd>
                    }).collect_view()}
                </dl>
            }
            .into_any()
        }}
        <p class="hint">{t.download_attendance}</p>
    }
}
