//! Individual meetings offered equally to all: slots of one length told to
//! every registered supplier at the same moment, one slot per supplier and
//! one supplier per slot (also when twenty ask for the last at once),
//! moves and cancellations until the cut-off, minutes of a held meeting in
//! the record, and who may do what.

use crate::dialogues::encode;
use crate::helpers::{form, ok, TestApp};
use crate::market::{announced, person, register, supplier_person};
use app::dialogues::{market::PublicView, DialogueView};

/// Signs in again after the test's clock has moved past the sessions.
async fn again(app: &TestApp, email: &str) -> String {
    app.sign_in(email, crate::networks::PASSWORD)
        .await
        .unwrap_or_else(|r| panic!("sign in: {}", r.body))
}

/// A year from now, so the slots are ahead.
fn year() -> i64 {
    app::time::civil_date(app::core::clock::Clock::system().now_ms() / 86_400_000).0 + 1
}

/// The offer form: `count` slots of `minutes` from 09:00 on 10 March,
/// bookings until 8 March 16:00.
fn offer_form(dialogue: &str, count: &str, minutes: &str) -> String {
    let y = year();
    encode(&[
        ("dialogue", dialogue.to_string()),
        ("first_date", format!("{y}-03-10")),
        ("first_time", "09:00".into()),
        ("count", count.into()),
        ("minutes", minutes.into()),
        ("gap", "15".into()),
        ("place", "Stadshuset, rum 3".into()),
        ("link", "https://mote.example.se/enskilt".into()),
        ("cutoff_date", format!("{y}-03-08")),
        ("cutoff_time", "16:00".into()),
    ])
}

fn cutoff() -> i64 {
    app::time::parse_stockholm(&format!("{}-03-08", year()), "16:00").unwrap()
}

async fn offer(app: &TestApp, host: &str, dialogue: &str, count: &str) {
    let res = app
        .post_as(host, "/api/slots/offer", &offer_form(dialogue, count, "45"))
        .await;
    assert!(ok(&res), "{}", res.body);
    assert!(res.header("location").contains("tider=1"));
}

pub(crate) async fn public(app: &TestApp, cookie: Option<&str>, dialogue: &str) -> PublicView {
    let body = form(&[("dialogue", dialogue)]);
    let res = match cookie {
        Some(c) => app.post_as(c, "/api/market/dialogue", &body).await,
        None => app.post_form("/api/market/dialogue", &body, &[]).await,
    };
    assert!(ok(&res), "{}", res.body);
    serde_json::from_str(&res.body).expect("public view")
}

pub(crate) async fn view(app: &TestApp, cookie: &str, dialogue: &str) -> DialogueView {
    let res = app
        .post_as(
            cookie,
            "/api/dialogues/view",
            &form(&[("dialogue", dialogue)]),
        )
        .await;
    assert!(ok(&res), "{}", res.body);
    serde_json::from_str(&res.body).expect("dialogue view")
}

/// The public ids of the dialogue's slots, in time order.
async fn slot_ids(app: &TestApp, dialogue: &str) -> Vec<String> {
    public(app, None, dialogue)
        .await
        .slots
        .expect("slots offered")
        .slots
        .into_iter()
        .map(|s| s.public_id)
        .collect()
}

async fn book(
    app: &TestApp,
    cookie: &str,
    dialogue: &str,
    supplier: &str,
    slot: &str,
    intent: &str,
) -> crate::helpers::Answer {
    app.post_as(
        cookie,
        "/api/slots/book",
        &form(&[
            ("dialogue", dialogue),
            ("supplier", supplier),
            ("slot", slot),
            ("attendees", "Sara Ek, säljchef"),
            ("intent", intent),
        ]),
    )
    .await
}

async fn cancel(app: &TestApp, cookie: &str, dialogue: &str, supplier: &str) -> u16 {
    app.post_as(
        cookie,
        "/api/slots/cancel",
        &form(&[("dialogue", dialogue), ("supplier", supplier)]),
    )
    .await
    .status
    .as_u16()
}

/// The supplier names of booked slots, as stored.
async fn booked(app: &TestApp) -> Vec<i64> {
    sqlx::query_scalar(
        "SELECT supplier_id FROM meeting_slots WHERE supplier_id IS NOT NULL ORDER BY id",
    )
    .fetch_all(app.db.pool())
    .await
    .unwrap()
}

db_test!(
    hosts_offer_slots_of_one_length_and_every_registered_supplier_is_told_at_the_same_moment,
    |app| {
        let (dialogue, anna, _, _) = announced(&app).await;
        let (sara, s1) = supplier_person(&app, "Sara Ek", "sara@lev.se", 1).await;
        let (olle, s2) = supplier_person(&app, "Olle Ås", "olle@lev.se", 2).await;
        assert_eq!(register(&app, &sara, &dialogue, &s1).await, 200);
        assert_eq!(register(&app, &olle, &dialogue, &s2).await, 200);
        offer(&app, &anna, &dialogue, "3").await;

        let seen = public(&app, Some(&sara), &dialogue).await.slots.unwrap();
        assert_eq!(seen.slots.len(), 3);
        assert_eq!(seen.cutoff, cutoff());
        assert!(seen.open && seen.slots.iter().all(|s| s.free && s.ahead));
        let lengths: Vec<i64> = seen.slots.iter().map(|s| s.ends_at - s.starts_at).collect();
        assert_eq!(lengths, vec![45 * 60_000; 3]);
        assert_eq!(
            seen.slots[1].starts_at - seen.slots[0].starts_at,
            60 * 60_000,
            "45 minutes and a 15-minute pause"
        );
        assert_eq!(seen.slots[0].link, "https://mote.example.se/enskilt");
        let anonymous = public(&app, None, &dialogue).await.slots.unwrap();
        assert!(
            anonymous
                .slots
                .iter()
                .all(|s| s.link.is_empty() && s.has_link),
            "the link goes to registered suppliers only"
        );

        // Told once, to both, at one moment, in the log and by mail.
        let host = view(&app, &anna, &dialogue).await;
        let told: Vec<_> = host
            .market
            .unwrap()
            .information
            .into_iter()
            .filter(|e| e.body.contains("enskilda möten"))
            .collect();
        assert_eq!(told.len(), 1, "{told:?}");
        assert_eq!(told[0].recipients.len(), 2);
        assert!(
            !told[0].body.contains("mote.example.se"),
            "the log is public; the link is not in it: {}",
            told[0].body
        );
        for email in ["sara@lev.se", "olle@lev.se"] {
            let mails = app.mails_to(email).await;
            assert!(
                mails
                    .iter()
                    .any(|(s, _)| s.starts_with("Tider för enskilda möten")),
                "{email}: {mails:?}"
            );
        }
        let slots = host.slots.expect("hosts see the slots");
        assert_eq!(slots.minutes, Some(45));
        assert!(slots.may_offer);

        // Every slot of a dialogue has one length: another is refused,
        // nothing is stored and the form keeps what was typed.
        let before = crate::helpers::table_contents(&app.db, &["sessions"]).await;
        let res = app
            .post_as(&anna, "/api/slots/offer", &offer_form(&dialogue, "2", "30"))
            .await;
        assert_eq!(res.status, 400, "{}", res.body);
        assert!(res.body.contains("slot_length_fixed"), "{}", res.body);
        assert!(res.body.contains("Stadshuset, rum 3"), "{}", res.body);
        let after = crate::helpers::table_contents(&app.db, &["sessions"]).await;
        assert_eq!(before, after, "a refused offer stores nothing");

        // More slots later: the same length, announced to all again.
        let y = year();
        let more = encode(&[
            ("dialogue", dialogue.clone()),
            ("first_date", format!("{y}-03-11")),
            ("first_time", "13:00".into()),
            ("count", "2".into()),
            ("minutes", "45".into()),
            ("gap", "".into()),
            ("place", "".into()),
            ("link", "https://mote.example.se/enskilt".into()),
            ("cutoff_date", format!("{y}-03-08")),
            ("cutoff_time", "16:00".into()),
        ]);
        let res = app.post_as(&anna, "/api/slots/offer", &more).await;
        assert!(ok(&res), "{}", res.body);
        assert_eq!(slot_ids(&app, &dialogue).await.len(), 5);
        let told = view(&app, &anna, &dialogue)
            .await
            .market
            .unwrap()
            .information
            .into_iter()
            .filter(|e| e.body.contains("enskilda möten"))
            .count();
        assert_eq!(told, 2);
    }
);

db_test!(
    a_supplier_books_one_slot_moves_and_cancels_it_and_a_taken_slot_or_a_second_one_is_refused,
    |app| {
        let (dialogue, anna, _, _) = announced(&app).await;
        let (sara, s1) = supplier_person(&app, "Sara Ek", "sara@lev.se", 1).await;
        let (olle, s2) = supplier_person(&app, "Olle Ås", "olle@lev.se", 2).await;
        assert_eq!(register(&app, &sara, &dialogue, &s1).await, 200);
        assert_eq!(register(&app, &olle, &dialogue, &s2).await, 200);
        offer(&app, &anna, &dialogue, "3").await;
        let ids = slot_ids(&app, &dialogue).await;

        let res = book(&app, &sara, &dialogue, &s1, &ids[0], "").await;
        assert!(ok(&res), "{}", res.body);
        assert!(res.header("location").ends_with("?bokad=1#boka"));
        let mine = public(&app, Some(&sara), &dialogue).await.slots.unwrap();
        assert_eq!(mine.slots[0].held_by.as_deref(), Some(s1.as_str()));
        assert_eq!(mine.slots[0].attendees, "Sara Ek, säljchef");

        // Olle sees it taken, never by whom.
        let his = public(&app, Some(&olle), &dialogue).await.slots.unwrap();
        assert!(!his.slots[0].free && his.slots[0].held_by.is_none());
        assert!(his.slots[0].attendees.is_empty());
        let res = book(&app, &olle, &dialogue, &s2, &ids[0], "").await;
        assert_eq!(res.status, 409);
        assert!(res.body.contains("slot_taken"), "{}", res.body);

        // A second slot is refused; moving gives up the first.
        let res = book(&app, &sara, &dialogue, &s1, &ids[1], "").await;
        assert_eq!(res.status, 409);
        assert!(res.body.contains("slot_held"), "{}", res.body);
        let res = book(&app, &sara, &dialogue, &s1, &ids[1], "move").await;
        assert!(ok(&res), "{}", res.body);
        let now = public(&app, Some(&sara), &dialogue).await.slots.unwrap();
        assert!(now.slots[0].free, "the first is free again");
        assert_eq!(now.slots[1].held_by.as_deref(), Some(s1.as_str()));
        assert_eq!(booked(&app).await.len(), 1);

        // Olle takes the freed slot; Sara cancels hers.
        assert!(ok(&book(&app, &olle, &dialogue, &s2, &ids[0], "").await));
        assert_eq!(cancel(&app, &sara, &dialogue, &s1).await, 200);
        assert_eq!(
            cancel(&app, &sara, &dialogue, &s1).await,
            404,
            "nothing to cancel"
        );
        let host = view(&app, &anna, &dialogue).await.slots.unwrap();
        let taken: Vec<&str> = host.slots.iter().map(|s| s.supplier.as_str()).collect();
        assert_eq!(
            taken,
            vec!["Leverantör 2 AB", "", ""],
            "hosts see who booked"
        );
        assert_eq!(host.slots[0].attendees, "Sara Ek, säljchef");

        // No slot of that name, no attendees: clear refusals, nothing stored.
        let res = book(&app, &olle, &dialogue, &s2, "ingen-sadan", "move").await;
        assert_eq!(res.status, 404);
        let res = app
            .post_as(
                &olle,
                "/api/slots/book",
                &form(&[
                    ("dialogue", &dialogue),
                    ("supplier", &s2),
                    ("slot", &ids[2]),
                    ("attendees", " "),
                    ("intent", "move"),
                ]),
            )
            .await;
        assert_eq!(res.status, 400);
        assert!(res.body.contains("attendees"), "{}", res.body);
        assert_eq!(booked(&app).await.len(), 1);

        // Withdrawing gives up a meeting still ahead.
        let res = app
            .post_as(
                &olle,
                "/api/market/withdraw",
                &form(&[("dialogue", &dialogue), ("supplier", &s2)]),
            )
            .await;
        assert!(ok(&res), "{}", res.body);
        assert!(booked(&app).await.is_empty());
    }
);

db_test!(
    twenty_suppliers_booking_the_last_slot_at_once_get_it_exactly_once,
    config = |c| {
        c.ip_allowance.sign_ups_per_hour = 1000;
        c.ip_allowance.sign_ins_per_15_min = 1000;
    },
    |app| {
        let (dialogue, anna, _, _) = announced(&app).await;
        let mut people = Vec::new();
        for i in 0..20 {
            let (cookie, s) =
                supplier_person(&app, "Säljare", &format!("s{i}@lev.se"), 100 + i).await;
            assert_eq!(register(&app, &cookie, &dialogue, &s).await, 200);
            people.push((cookie, s));
        }
        offer(&app, &anna, &dialogue, "1").await;
        let slot = slot_ids(&app, &dialogue).await.remove(0);
        let app = std::sync::Arc::new(app);
        let mut tasks = Vec::new();
        for (cookie, s) in people {
            let (app, dialogue, slot) = (app.clone(), dialogue.clone(), slot.clone());
            tasks.push(tokio::spawn(async move {
                let res = book(&app, &cookie, &dialogue, &s, &slot, "").await;
                (res.status.as_u16(), res.body)
            }));
        }
        let mut answers = Vec::new();
        for task in tasks {
            answers.push(task.await.unwrap());
        }
        let won = answers.iter().filter(|(s, _)| *s == 200).count();
        let taken = answers
            .iter()
            .filter(|(s, b)| *s == 409 && b.contains("slot_taken"))
            .count();
        assert_eq!((won, taken), (1, 19), "{answers:?}");
        assert_eq!(booked(&app).await.len(), 1);
    }
);

db_test!(
    one_supplier_asking_for_two_slots_at_once_gets_one_and_is_told_it_holds_it,
    |app| {
        let (dialogue, anna, _, _) = announced(&app).await;
        let (sara, s1) = supplier_person(&app, "Sara Ek", "sara@lev.se", 1).await;
        assert_eq!(register(&app, &sara, &dialogue, &s1).await, 200);
        offer(&app, &anna, &dialogue, "2").await;
        let ids = slot_ids(&app, &dialogue).await;
        let app = std::sync::Arc::new(app);
        let tasks: Vec<_> = ids
            .iter()
            .map(|slot| {
                let (app, sara, dialogue, s1, slot) = (
                    app.clone(),
                    sara.clone(),
                    dialogue.clone(),
                    s1.clone(),
                    slot.clone(),
                );
                tokio::spawn(async move {
                    let res = book(&app, &sara, &dialogue, &s1, &slot, "").await;
                    (res.status.as_u16(), res.body)
                })
            })
            .collect();
        let mut answers = Vec::new();
        for task in tasks {
            answers.push(task.await.unwrap());
        }
        answers.sort();
        assert_eq!(answers[0].0, 200, "{answers:?}");
        assert_eq!(answers[1].0, 409, "{answers:?}");
        assert!(answers[1].1.contains("slot_held"), "{answers:?}");
        assert_eq!(booked(&app).await.len(), 1);
    }
);

db_test!(
    bookings_close_at_the_cutoff_and_a_begun_meeting_is_neither_moved_nor_cancelled,
    |app| {
        let (dialogue, anna, _, _) = announced(&app).await;
        let (sara, s1) = supplier_person(&app, "Sara Ek", "sara@lev.se", 1).await;
        assert_eq!(register(&app, &sara, &dialogue, &s1).await, 200);
        offer(&app, &anna, &dialogue, "2").await;
        let ids = slot_ids(&app, &dialogue).await;
        app.clock.set(cutoff() - 60_000);
        let sara = again(&app, "sara@lev.se").await;
        app.clock.set(cutoff() - 1_000);
        let res = book(&app, &sara, &dialogue, &s1, &ids[0], "").await;
        assert!(ok(&res), "{}", res.body);
        app.clock.set(cutoff());
        let res = book(&app, &sara, &dialogue, &s1, &ids[1], "move").await;
        assert_eq!(res.status, 409);
        assert!(res.body.contains("bookings_closed"), "{}", res.body);
        assert_eq!(cancel(&app, &sara, &dialogue, &s1).await, 409);
        let seen = public(&app, Some(&sara), &dialogue).await.slots.unwrap();
        assert!(!seen.open);
        assert_eq!(seen.slots[0].held_by.as_deref(), Some(s1.as_str()));

        // Once every slot offered has begun, new slots may have a later
        // cut-off; a meeting that has begun still stays where it is.
        let start = seen.slots[0].starts_at;
        app.clock.set(start + 61 * 60_000);
        let (anna, sara) = (
            again(&app, "anna@stockholm.se").await,
            again(&app, "sara@lev.se").await,
        );
        let y = year();
        let later = encode(&[
            ("dialogue", dialogue.clone()),
            ("first_date", format!("{y}-03-20")),
            ("first_time", "09:00".into()),
            ("count", "1".into()),
            ("minutes", "45".into()),
            ("place", "Stadshuset".into()),
            ("cutoff_date", format!("{y}-03-19")),
            ("cutoff_time", "12:00".into()),
        ]);
        assert!(ok(&app.post_as(&anna, "/api/slots/offer", &later).await));
        let ids = slot_ids(&app, &dialogue).await;
        let res = book(&app, &sara, &dialogue, &s1, &ids[2], "move").await;
        assert_eq!(res.status, 409);
        assert!(res.body.contains("bookings_closed"), "{}", res.body);
        assert_eq!(cancel(&app, &sara, &dialogue, &s1).await, 409);
        // A slot already begun cannot be booked either.
        let (olle, s2) = supplier_person(&app, "Olle Ås", "olle@lev.se", 2).await;
        assert_eq!(register(&app, &olle, &dialogue, &s2).await, 200);
        let res = book(&app, &olle, &dialogue, &s2, &ids[1], "").await;
        assert_eq!(res.status, 409, "{}", res.body);
        assert!(ok(&book(&app, &olle, &dialogue, &s2, &ids[2], "").await));
    }
);

db_test!(
    a_held_individual_meeting_gets_minutes_that_freeze_and_the_record_names_the_supplier_to_hosts_only,
    |app| {
        let (dialogue, anna, _, network) = announced(&app).await;
        let (sara, s1) = supplier_person(&app, "Sara Ek", "sara@lev.se", 1).await;
        assert_eq!(register(&app, &sara, &dialogue, &s1).await, 200);
        offer(&app, &anna, &dialogue, "2").await;
        let ids = slot_ids(&app, &dialogue).await;
        assert!(ok(&book(&app, &sara, &dialogue, &s1, &ids[0], "").await));
        let minutes = |body: &str| {
            form(&[
                ("dialogue", &dialogue),
                ("session", &ids[0]),
                ("body", body),
            ])
        };
        let res = app
            .post_as(&anna, "/api/dialogues/save-text", &minutes("För tidigt"))
            .await;
        assert_eq!(res.status, 404, "minutes wait for the meeting: {}", res.body);
        let start = public(&app, None, &dialogue).await.slots.unwrap().slots[0].starts_at;
        app.clock.set(start + 50 * 60_000);
        let anna = again(&app, "anna@stockholm.se").await;
        let held = view(&app, &anna, &dialogue).await.held;
        assert_eq!(held.len(), 1, "only the booked one is held");
        assert_eq!(held[0].supplier, "Leverantör 1 AB");
        let res = app
            .post_as(
                &anna,
                "/api/dialogues/save-text",
                &minutes("Leverantören visade laddning i depå."),
            )
            .await;
        assert!(ok(&res), "{}", res.body);
        let res = app
            .post_as(
                &anna,
                "/api/dialogues/save-text",
                &minutes("Ett andra utkast"),
            )
            .await;
        assert_eq!(res.status, 409, "one first draft per meeting");
        let text = view(&app, &anna, &dialogue).await.texts[0].clone();
        assert_eq!(text.meeting.as_deref(), Some(ids[0].as_str()));
        let res = app
            .post_as(
                &anna,
                "/api/dialogues/approve",
                &form(&[
                    ("dialogue", &dialogue),
                    ("text", &text.public_id),
                    ("confirm", "ja"),
                ]),
            )
            .await;
        assert!(ok(&res), "{}", res.body);
        let res = app
            .post_as(
                &anna,
                "/api/dialogues/save-text",
                &form(&[
                    ("dialogue", &dialogue),
                    ("session", &ids[0]),
                    ("text", &text.public_id),
                    ("body", "Ändrat"),
                ]),
            )
            .await;
        assert_eq!(res.status, 409, "approved minutes are frozen");

        let record: serde_json::Value = serde_json::from_str(
            &app.get_as(&anna, &format!("/dialoger/{dialogue}/protokoll.json"))
                .await
                .body,
        )
        .unwrap();
        assert_eq!(record["individual"][0]["supplier"], "Leverantör 1 AB");
        assert_eq!(record["texts"][0]["session"], ids[0].as_str());
        let member = crate::networks::malmo_member(&app, &anna, &network).await;
        let res = app
            .get_as(&member, &format!("/dialoger/{dialogue}/protokoll.json"))
            .await;
        assert!(ok(&res), "{}", res.body);
        let record: serde_json::Value = serde_json::from_str(&res.body).unwrap();
        assert_eq!(record["individual"][0]["supplier"], "");
        assert_eq!(
            record["texts"][0]["body"], "Leverantören visade laddning i depå.",
            "members read the minutes"
        );
        assert!(!res.body.contains("Leverantör 1 AB"), "{}", res.body);
        let page = app.get_as(&anna, &format!("/dialoger/{dialogue}/protokoll")).await;
        assert!(
            page.body.contains("Protokoll, enskilt möte 1 med Leverantör 1 AB"),
            "the printed record names the meeting"
        );
    }
);

/// A function, what it is sent besides the dialogue and the supplier, and
/// the status each actor of the matrix gets.
type Call = (&'static str, Vec<(&'static str, String)>, [u16; 7]);

db_test!(
    who_may_offer_book_and_cancel_slots_and_what_each_sees,
    |app| {
        let (dialogue, anna, _, network) = announced(&app).await;
        let signed = person(&app, "Utan Organisation", "ingen@example.se").await;
        let (sup, s_unreg) = supplier_person(&app, "Oanmäld", "oanmald@lev.se", 1).await;
        let (reg, s_reg) = supplier_person(&app, "Anmäld", "anmald@lev.se", 2).await;
        assert_eq!(register(&app, &reg, &dialogue, &s_reg).await, 200);
        let member = crate::networks::malmo_member(&app, &anna, &network).await;
        let (bo, _) = crate::networks::coordinator(&app, "bo@lund.se", "212000-1355").await;
        offer(&app, &anna, &dialogue, "3").await;
        let ids = slot_ids(&app, &dialogue).await;

        // (name, cookie, the supplier they would act for)
        let actors: [(&str, Option<&str>, &str); 7] = [
            ("anonymous", None, &s_reg),
            ("signed in without organisation", Some(&signed), &s_reg),
            ("supplier not registered", Some(&sup), &s_unreg),
            ("supplier acting for another's supplier", Some(&sup), &s_reg),
            ("buyer of another network", Some(&bo), &s_reg),
            ("buyer member, not a host", Some(&member), &s_reg),
            ("registered supplier", Some(&reg), &s_reg),
        ];
        let calls: [Call; 3] = [
            (
                "/api/slots/offer",
                vec![],
                [401, 404, 404, 404, 404, 403, 404],
            ),
            (
                "/api/slots/book",
                vec![("slot", ids[0].clone()), ("attendees", "En".into())],
                [401, 403, 403, 403, 403, 403, 200],
            ),
            (
                "/api/slots/cancel",
                vec![],
                [401, 403, 403, 403, 403, 403, 200],
            ),
        ];
        for (path, extra, expected) in &calls {
            for ((who, cookie, s), want) in actors.iter().zip(expected) {
                let body = if *path == "/api/slots/offer" {
                    offer_form(&dialogue, "1", "45")
                } else {
                    let mut body: Vec<(&str, String)> =
                        vec![("dialogue", dialogue.clone()), ("supplier", s.to_string())];
                    body.extend(extra.iter().cloned());
                    encode(&body)
                };
                let res = match cookie {
                    Some(c) => app.post_as(c, path, &body).await,
                    None => app.post_form(path, &body, &[]).await,
                };
                assert_eq!(res.status.as_u16(), *want, "{path} as {who}: {}", res.body);
            }
        }
        assert_eq!(slot_ids(&app, &dialogue).await.len(), 3, "only hosts offer");
        // Members see neither the bookings nor who booked; hosts do.
        let seen = view(&app, &member, &dialogue).await;
        assert!(seen.slots.is_none());
        assert!(view(&app, &anna, &dialogue).await.slots.is_some());

        // An archived dialogue takes no bookings; its slots still show.
        assert!(ok(&book(&app, &reg, &dialogue, &s_reg, &ids[1], "").await));
        for status in ["open", "closed", "summarised", "archived"] {
            let res = app
                .post_as(
                    &anna,
                    "/api/dialogues/status",
                    &form(&[
                        ("dialogue", &dialogue),
                        ("status", status),
                        ("reason", "Vidare"),
                    ]),
                )
                .await;
            assert!(ok(&res), "{status}: {}", res.body);
        }
        let res = book(&app, &reg, &dialogue, &s_reg, &ids[2], "move").await;
        assert_eq!(res.status, 409);
        assert!(res.body.contains("bookings_closed"), "{}", res.body);
        assert_eq!(cancel(&app, &reg, &dialogue, &s_reg).await, 409);
        let res = app
            .post_as(&anna, "/api/slots/offer", &offer_form(&dialogue, "1", "45"))
            .await;
        assert_eq!(res.status, 409, "an archived dialogue offers nothing");
        assert!(res.body.contains("frozen"), "{}", res.body);
        let seen = public(&app, Some(&reg), &dialogue).await.slots.unwrap();
        assert!(!seen.open);
        assert_eq!(seen.slots[1].held_by.as_deref(), Some(s_reg.as_str()));
    }
);
