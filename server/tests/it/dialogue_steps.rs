//! The dialogue's first-week items (#14): hosts correct a plan before it
//! is held, every change logged in words; the page shows the next step
//! the status calls for; approving minutes or a summary takes a second,
//! confirming step.

use crate::dialogues::{dialogue_form, encode, plan, setup};
use crate::helpers::{form, ok, TestApp};
use crate::networks::{coordinator, invited_and_accepted};

/// The plan form as the edit page sends it: the dialogue instead of the
/// network and the host, and each row's meeting.
pub(crate) fn edit_form(
    id: &str,
    plan: &[(&'static str, String)],
    meetings: &[String],
) -> Vec<(&'static str, String)> {
    let mut pairs: Vec<(&'static str, String)> = plan
        .iter()
        .filter(|(k, _)| *k != "network" && *k != "organisation")
        .cloned()
        .collect();
    pairs.insert(0, ("dialogue", id.to_string()));
    pairs.extend(meetings.iter().map(|m| ("session_id[]", m.clone())));
    pairs
}

/// Sets the nth value of a (possibly repeated) field.
pub(crate) fn set(pairs: &mut [(&'static str, String)], key: &str, nth: usize, value: &str) {
    if let Some(pair) = pairs.iter_mut().filter(|(k, _)| *k == key).nth(nth) {
        pair.1 = value.to_string();
    }
}

async fn meeting_ids(app: &TestApp) -> Vec<String> {
    sqlx::query_as::<_, (String,)>("SELECT public_id FROM dialogue_sessions ORDER BY starts_at")
        .fetch_all(app.db.pool())
        .await
        .unwrap()
        .into_iter()
        .map(|(id,)| id)
        .collect()
}

async fn edit_subjects(app: &TestApp) -> Vec<String> {
    sqlx::query_as::<_, (String,)>(
        "SELECT subject FROM network_audit WHERE action = 'dialogue_edited' ORDER BY id",
    )
    .fetch_all(app.db.pool())
    .await
    .unwrap()
    .into_iter()
    .map(|(s,)| s)
    .collect()
}

pub(crate) async fn step(app: &TestApp, cookie: &str, id: &str, to: &str) {
    let res = app
        .post_as(
            cookie,
            "/api/dialogues/status",
            &form(&[("dialogue", id), ("status", to), ("reason", "Beslut")]),
        )
        .await;
    assert!(ok(&res), "{to}: {}", res.body);
}

db_test!(
    a_host_corrects_the_plan_and_the_log_says_what_changed_in_words,
    |app| {
        let (network, anna, a_org, need) = setup(&app).await;
        let planned = dialogue_form(&network, &a_org, &need, "5");
        let id = plan(&app, &anna, &planned).await;
        let meetings = meeting_ids(&app).await;
        assert_eq!(meetings.len(), 2);

        let page = app.get_as(&anna, &format!("/dialoger/{id}/andra")).await;
        assert_eq!(page.status, 200, "{}", page.body);
        assert!(page.body.contains("Ändra dialogen"));
        assert!(
            page.body.contains("value=\"Dialog om elbussar\""),
            "prefilled"
        );
        assert!(
            page.body.contains("value=\"Stadshuset\""),
            "the meetings too"
        );
        for meeting in &meetings {
            assert!(
                page.body.contains(&format!("value=\"{meeting}\"")),
                "{meeting}"
            );
        }
        let dialogue_page = app.get_as(&anna, &format!("/dialoger/{id}")).await;
        assert!(dialogue_page
            .body
            .contains(&format!("href=\"/dialoger/{id}/andra\"")));

        let mut corrected = edit_form(&id, &planned, &meetings);
        set(&mut corrected, "title", 0, "Dialog om elbussar i depå");
        set(&mut corrected, "session_place[]", 0, "Rådhuset");
        let res = app
            .post_as(&anna, "/api/dialogues/edit", &encode(&corrected))
            .await;
        assert!(ok(&res), "{}", res.body);
        assert!(
            res.header("location").contains("andrad=1"),
            "{}",
            res.header("location")
        );
        let (title,): (String,) = sqlx::query_as("SELECT title FROM dialogues")
            .fetch_one(app.db.pool())
            .await
            .unwrap();
        assert_eq!(title, "Dialog om elbussar i depå");
        assert_eq!(
            meeting_ids(&app).await,
            meetings,
            "the meetings keep who they are"
        );
        assert_eq!(
            edit_subjects(&app).await,
            ["Dialog om elbussar i depå: title session_1_place"]
        );
        let notice = app.get_as(&anna, &format!("/dialoger/{id}?andrad=1")).await;
        assert!(notice.body.contains("Ändringarna är sparade och loggade."));
        assert!(notice.body.contains("Rådhuset"));
        let record = app
            .get_as(&anna, &format!("/dialoger/{id}/protokoll"))
            .await;
        assert!(
            record
                .body
                .contains("Ändrade rubriken och plats för tillfälle 1"),
            "the log reads in words: {}",
            record.body
        );
        assert!(
            !record.body.contains("dialogue_edited"),
            "no action codes in the record"
        );

        let again = app
            .post_as(&anna, "/api/dialogues/edit", &encode(&corrected))
            .await;
        assert!(ok(&again), "{}", again.body);
        assert!(again.header("location").contains("oforandrad=1"));
        assert_eq!(
            edit_subjects(&app).await.len(),
            1,
            "nothing changed, nothing logged"
        );
        let unchanged = app
            .get_as(&anna, &format!("/dialoger/{id}?oforandrad=1"))
            .await;
        assert!(unchanged.body.contains("Inget ändrades."));

        let mut fewer = corrected.clone();
        for key in ["session_date[]", "session_start[]", "session_end[]"] {
            set(&mut fewer, key, 1, "");
        }
        let res = app
            .post_as(&anna, "/api/dialogues/edit", &encode(&fewer))
            .await;
        assert!(ok(&res), "{}", res.body);
        assert_eq!(meeting_ids(&app).await, meetings[..1]);
        assert_eq!(
            edit_subjects(&app).await[1],
            "Dialog om elbussar i depå: session_2_removed"
        );

        let mut bad = fewer.clone();
        set(&mut bad, "session_start[]", 0, "25.00");
        let refused = app
            .post_as(&anna, "/api/dialogues/edit", &encode(&bad))
            .await;
        assert_eq!(refused.status, 400, "{}", refused.body);
        assert!(refused.body.contains("session_1"), "{}", refused.body);

        step(&app, &anna, &id, "announced").await;
        let status = app
            .get_as(&anna, &format!("/dialoger/{id}/protokoll"))
            .await;
        assert!(
            status.body.contains(
                "Ändrade status för ”Dialog om elbussar i depå” från Planerad till Annonserad"
            ),
            "{}",
            status.body
        );
    }
);

db_test!(
    only_hosts_correct_a_plan_and_only_before_the_dialogue_is_held,
    |app| {
        let (network, anna, a_org, need) = setup(&app).await;
        let planned = dialogue_form(&network, &a_org, &need, "5");
        let id = plan(&app, &anna, &planned).await;
        let meetings = meeting_ids(&app).await;
        let mut corrected = edit_form(&id, &planned, &meetings);
        set(&mut corrected, "title", 0, "Ändrad rubrik");
        let body = encode(&corrected);
        let edit_page = format!("/dialoger/{id}/andra");

        let (bo, b_org) = coordinator(&app, "bo@lund.se", "212000-1355").await;
        invited_and_accepted(&app, &anna, &network, &bo, &b_org, "212000-1355", "member").await;
        assert_eq!(
            app.post_as(&bo, "/api/dialogues/edit", &body).await.status,
            403,
            "a member that does not host"
        );
        assert_eq!(app.get_as(&bo, &edit_page).await.status, 404);
        let member_page = app.get_as(&bo, &format!("/dialoger/{id}")).await;
        assert!(
            !member_page.body.contains(&edit_page),
            "no link for members"
        );

        let dan = app
            .verified_user("dan@example.se", crate::networks::PASSWORD)
            .await;
        assert_eq!(
            app.post_as(&dan, "/api/dialogues/edit", &body).await.status,
            404,
            "another organisation, outside the network"
        );
        assert_eq!(app.get_as(&dan, &edit_page).await.status, 404);
        assert_eq!(
            app.post_form("/api/dialogues/edit", &body, &[])
                .await
                .status,
            401,
            "anonymous"
        );
        let anonymous_page = app.get(&edit_page).await;
        assert!(
            !anonymous_page.body.contains("session_id[]")
                && !anonymous_page.body.contains("Dialog om elbussar"),
            "no plan for anonymous visitors: {}",
            anonymous_page.body
        );

        step(&app, &anna, &id, "announced").await;
        let announced = app.get_as(&anna, &edit_page).await;
        assert_eq!(
            announced.status, 200,
            "an announced dialogue is still corrected"
        );
        assert!(announced.body.contains("Dialogen är redan annonserad"));
        step(&app, &anna, &id, "open").await;
        assert_eq!(
            app.post_as(&anna, "/api/dialogues/edit", &body)
                .await
                .status,
            403,
            "a dialogue being held"
        );
        assert_eq!(app.get_as(&anna, &edit_page).await.status, 404);
        for to in ["closed", "summarised", "archived"] {
            step(&app, &anna, &id, to).await;
        }
        let archived = app.post_as(&anna, "/api/dialogues/edit", &body).await;
        assert_eq!(archived.status, 409, "{}", archived.body);
        assert!(archived.body.contains("frozen"), "{}", archived.body);

        let other = plan(&app, &anna, &planned).await;
        let other_meetings: Vec<String> = meeting_ids(&app)
            .await
            .into_iter()
            .filter(|m| !meetings.contains(m))
            .collect();
        let other_body = encode(&edit_form(&other, &planned, &other_meetings));
        let foreign = encode(&edit_form(&other, &planned, &meetings));
        assert_eq!(
            app.post_as(&anna, "/api/dialogues/edit", &foreign)
                .await
                .status,
            400,
            "rows name only the dialogue's own meetings"
        );
        for (to, reason) in [("active", "Igång"), ("dormant", "Vilar")] {
            let res = app
                .post_as(
                    &anna,
                    "/api/networks/status",
                    &form(&[("network", &network), ("status", to), ("reason", reason)]),
                )
                .await;
            assert!(ok(&res), "{to}: {}", res.body);
        }
        let dormant = app.post_as(&anna, "/api/dialogues/edit", &other_body).await;
        assert_eq!(dormant.status, 409, "{}", dormant.body);
        assert!(dormant.body.contains("dormant"), "{}", dormant.body);
        assert!(edit_subjects(&app).await.is_empty(), "nothing was changed");
    }
);

db_test!(
    the_page_shows_the_next_step_and_approving_takes_a_confirmation,
    |app| {
        let (network, anna, a_org, need) = setup(&app).await;
        let id = plan(&app, &anna, &dialogue_form(&network, &a_org, &need, "5")).await;
        let planned = app.get_as(&anna, &format!("/dialoger/{id}")).await;
        assert!(planned.body.contains("Nästa steg"));
        assert!(
            !planned
                .body
                .contains("Spara utkastet till minnesanteckningarna")
                && !planned
                    .body
                    .contains("Spara utkastet till sammanfattningen"),
            "no minutes forms before the dialogue is held"
        );
        assert!(planned
            .body
            .contains("Minnesanteckningar och sammanfattning skrivs när dialogen har hållits."));
        assert!(planned
            .body
            .contains("Anmälan öppnar när dialogen annonseras."));

        step(&app, &anna, &id, "announced").await;
        let announced = app.get_as(&anna, &format!("/dialoger/{id}")).await;
        assert!(
            announced.body.contains("Dialogen är utlyst till marknaden"),
            "what Annonserad means"
        );
        assert!(
            announced.body.contains("name=\"attendees\""),
            "registration is open"
        );
        let registered = app
            .post_as(
                &anna,
                "/api/dialogues/register",
                &form(&[
                    ("dialogue", &id),
                    ("organisation", &a_org),
                    ("attendees", "Anna Berg, upphandlare\nOla Ek, tekniker"),
                ]),
            )
            .await;
        assert!(ok(&registered), "{}", registered.body);
        let own = app.get_as(&anna, &format!("/dialoger/{id}")).await;
        assert!(
            own.body.contains("är anmäld till"),
            "one's own registration shows"
        );
        assert!(
            own.body.contains("Ola Ek, tekniker</li>"),
            "attendees as a list"
        );
        assert!(own.body.contains("Ändra anmälan") && own.body.contains(">Avanmäl<"));

        step(&app, &anna, &id, "open").await;
        let held = app.get_as(&anna, &format!("/dialoger/{id}")).await;
        assert!(held
            .body
            .contains("Spara utkastet till minnesanteckningarna"));
        assert!(held.body.contains("Spara utkastet till sammanfattningen"));
        assert!(held.body.contains("Anmälan") && !held.body.contains("Anmälan öppnar"));

        let saved = app
            .post_as(
                &anna,
                "/api/dialogues/save-text",
                &form(&[
                    ("dialogue", &id),
                    ("session", ""),
                    ("body", "Vi lärde oss mycket."),
                ]),
            )
            .await;
        assert!(ok(&saved), "{}", saved.body);
        let (text,): (String,) = sqlx::query_as("SELECT public_id FROM dialogue_texts")
            .fetch_one(app.db.pool())
            .await
            .unwrap();
        let draft = app.get_as(&anna, &format!("/dialoger/{id}")).await;
        assert!(draft.body.contains("Godkänn sammanfattningen"));
        assert!(draft.body.contains("Ja, godkänn och lås sammanfattningen"));
        let unconfirmed = app
            .post_as(
                &anna,
                "/api/dialogues/approve",
                &form(&[("dialogue", &id), ("text", &text)]),
            )
            .await;
        assert_eq!(unconfirmed.status, 400, "{}", unconfirmed.body);
        assert!(
            unconfirmed.body.contains("not_confirmed"),
            "{}",
            unconfirmed.body
        );
        let (status,): (String,) = sqlx::query_as("SELECT status FROM dialogue_texts")
            .fetch_one(app.db.pool())
            .await
            .unwrap();
        assert_eq!(status, "draft");
        let confirmed = app
            .post_as(
                &anna,
                "/api/dialogues/approve",
                &form(&[("dialogue", &id), ("text", &text), ("confirm", "ja")]),
            )
            .await;
        assert!(ok(&confirmed), "{}", confirmed.body);
        let (subject,): (String,) =
            sqlx::query_as("SELECT subject FROM network_audit WHERE action = 'text_approved'")
                .fetch_one(app.db.pool())
                .await
                .unwrap();
        assert_eq!(subject, format!("summary {text}"));
        let record = app
            .get_as(&anna, &format!("/dialoger/{id}/protokoll"))
            .await;
        assert!(
            record.body.contains("Godkände sammanfattningen"),
            "{}",
            record.body
        );
        assert!(
            record.body.contains("Sammanfattning</h3>"),
            "a heading for the summary"
        );
        assert!(record.body.contains("Ola Ek, tekniker</li>"));
    }
);

db_test!(
    a_correction_keeps_every_place_taken_and_minutes_wait_until_the_dialogue_is_held,
    |app| {
        let (network, anna, a_org, need) = setup(&app).await;
        let planned = dialogue_form(&network, &a_org, &need, "5");
        let id = plan(&app, &anna, &planned).await;
        let meetings = meeting_ids(&app).await;
        let (bo, b_org) = coordinator(&app, "bo@lund.se", "212000-1355").await;
        invited_and_accepted(&app, &anna, &network, &bo, &b_org, "212000-1355", "member").await;
        step(&app, &anna, &id, "announced").await;
        for (who, org) in [(&anna, &a_org), (&bo, &b_org)] {
            let res = app
                .post_as(
                    who,
                    "/api/dialogues/register",
                    &form(&[
                        ("dialogue", &id),
                        ("organisation", org),
                        ("attendees", "En deltagare"),
                    ]),
                )
                .await;
            assert!(ok(&res), "{}", res.body);
        }

        // Two places are taken: one place is too few, and the form comes back.
        let mut fewer = edit_form(&id, &planned, &meetings);
        set(&mut fewer, "capacity", 0, "1");
        let refused = app
            .post_as(&anna, "/api/dialogues/edit", &encode(&fewer))
            .await;
        assert_eq!(refused.status, 400, "{}", refused.body);
        let error: serde_json::Value = serde_json::from_str(&refused.body).unwrap();
        assert_eq!(error["fields"][0]["field"], "capacity", "{}", refused.body);
        let problem = &error["fields"][0]["problem"];
        assert_eq!(problem["problem"], "out_of_range");
        assert_eq!(problem["min"], 2, "as many as are registered");
        let (capacity,): (i64,) = sqlx::query_as("SELECT capacity FROM dialogues")
            .fetch_one(app.db.pool())
            .await
            .unwrap();
        assert_eq!(capacity, 5, "nothing changed");
        assert!(edit_subjects(&app).await.is_empty(), "nothing logged");
        set(&mut fewer, "capacity", 0, "2");
        let res = app
            .post_as(&anna, "/api/dialogues/edit", &encode(&fewer))
            .await;
        assert!(ok(&res), "as many places as registrations: {}", res.body);

        // Minutes and a summary are for a dialogue that has been held,
        // whatever the page shows: a post before that stores nothing.
        let texts = |session: String| {
            form(&[
                ("dialogue", &id),
                ("session", &session),
                ("body", "Skrivet för tidigt."),
            ])
        };
        for session in [meetings[0].clone(), String::new()] {
            let early = app
                .post_as(&anna, "/api/dialogues/save-text", &texts(session))
                .await;
            assert_eq!(early.status, 409, "{}", early.body);
            assert!(early.body.contains("not_held"), "{}", early.body);
        }
        let (stored,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM dialogue_texts")
            .fetch_one(app.db.pool())
            .await
            .unwrap();
        assert_eq!(stored, 0);
        step(&app, &anna, &id, "open").await;
        let held = app
            .post_as(
                &anna,
                "/api/dialogues/save-text",
                &texts(meetings[0].clone()),
            )
            .await;
        assert!(ok(&held), "{}", held.body);
    }
);
