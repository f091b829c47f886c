//! Market dialogues: planned by members for their network's needs, the
//! lifecycle's steps only, capacity that holds under simultaneous
//! registrations, calendar files with the right UTC times on both sides
//! of a summer-time change, a Q&A that never names the asker, approved
//! text that never changes, and a record that round-trips as JSON.

use crate::helpers::{form, ok, TestApp};
use crate::networks::{coordinator, create};
use app::dialogues::{DialogueRecord, DialogueStatus};

pub(crate) fn encode(pairs: &[(&str, String)]) -> String {
    let borrowed: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
    form(&borrowed)
}

/// The network, Anna's (coordinator) cookie and organisation, and a shared
/// need.
pub(crate) async fn setup(app: &TestApp) -> (String, String, String, String) {
    let (anna, a_org) = coordinator(app, "anna@stockholm.se", "212000-0142").await;
    let network = create(app, &anna, "Nätverket", &a_org, "listed").await;
    let need = crate::needs::post_need(
        app,
        &anna,
        &crate::needs::need_form(&network, &a_org, "Elbussar", "shared"),
    )
    .await;
    (network, anna, a_org, need)
}

/// A year from now, so every date in these tests is in the future.
fn next_year() -> i64 {
    let (year, _, _) =
        app::time::civil_date(app::core::clock::Clock::system().now_ms() / 86_400_000);
    year + 1
}

pub(crate) fn dialogue_form(
    network: &str,
    org: &str,
    need: &str,
    capacity: &str,
) -> Vec<(&'static str, String)> {
    let y = next_year();
    vec![
        ("network", network.into()),
        ("organisation", org.into()),
        ("title", "Dialog om elbussar".into()),
        (
            "purpose",
            "Vi vill höra hur marknaden ser på laddning i depå.".into(),
        ),
        ("form", "dialogmote".into()),
        ("needs[]", need.into()),
        (
            "questions",
            "Hur långt räcker en laddning?\nVilka depåkrav finns?".into(),
        ),
        ("cpv", "34144900-7".into()),
        ("lan", "01".into()),
        ("estimated_value", "120 000 000".into()),
        ("deadline_date", format!("{y}-04-30")),
        ("deadline_time", "23:59".into()),
        ("capacity", capacity.into()),
        // Friday before and Monday after summer time begins (last Sunday of March).
        ("session_date[]", last_sunday_of_march(y, -2)),
        ("session_start[]", "10:00".into()),
        ("session_end[]", "12:00".into()),
        ("session_place[]", "Stadshuset".into()),
        ("session_link[]", "".into()),
        ("session_date[]", last_sunday_of_march(y, 1)),
        ("session_start[]", "10:00".into()),
        ("session_end[]", "11:30".into()),
        ("session_place[]", "".into()),
        ("session_link[]", "https://mote.example.se/abc".into()),
    ]
}

/// The date `offset` days from the last Sunday of March of `year`.
fn last_sunday_of_march(year: i64, offset: i64) -> String {
    let (mut day, mut sunday) = (31, 31);
    while day > 24 {
        let at = app::time::parse_stockholm(&format!("{year}-03-{day:02}"), "12:00").unwrap();
        // 1970-01-01 was a Thursday.
        if (at / 86_400_000 + 4) % 7 == 0 {
            sunday = day;
            break;
        }
        day -= 1;
    }
    let at = app::time::parse_stockholm(&format!("{year}-03-{sunday:02}"), "12:00").unwrap()
        + offset * 86_400_000;
    app::time::stockholm_parts(at).0
}

/// Moves a dialogue on until it is being held, the time for minutes and
/// a summary: announced if it is planned, then open.
pub(crate) async fn hold(app: &TestApp, cookie: &str, id: &str) {
    let (status,): (String,) = sqlx::query_as("SELECT status FROM dialogues WHERE public_id = $1")
        .bind(id)
        .fetch_one(app.db.pool())
        .await
        .unwrap();
    let steps: &[&str] = if status == "planned" {
        &["announced", "open"]
    } else {
        &["open"]
    };
    for to in steps {
        crate::dialogue_steps::step(app, cookie, id, to).await;
    }
}

pub(crate) async fn plan(app: &TestApp, cookie: &str, pairs: &[(&'static str, String)]) -> String {
    let res = app
        .post_as(cookie, "/api/dialogues/create", &encode(pairs))
        .await;
    assert!(ok(&res), "{}", res.body);
    res.header("location")
        .trim_start_matches("/dialoger/")
        .split('?')
        .next()
        .unwrap()
        .to_string()
}

fn with(pairs: &[(&'static str, String)], key: &str, value: &str) -> Vec<(&'static str, String)> {
    let mut done = false;
    pairs
        .iter()
        .map(|(k, v)| {
            if *k == key && !done {
                done = true;
                (*k, value.to_string())
            } else {
                (*k, v.clone())
            }
        })
        .collect()
}

db_test!(
    bad_dialogue_input_is_refused_field_by_field_and_nothing_is_saved,
    |app| {
        let (network, anna, a_org, need) = setup(&app).await;
        let base = dialogue_form(&network, &a_org, &need, "5");
        let y = next_year();
        for (field, value, problem) in [
            ("session_end[]", "09:00", "ends_before_start"),
            (
                "session_date[]",
                &format!("{y}-02-30") as &str,
                "no_such_date",
            ),
            ("deadline_date", "2001-01-01", "in_the_past"),
            ("deadline_date", &format!("{y}-13-01"), "no_such_date"),
            ("capacity", "0", "out_of_range"),
            ("cpv", "34144900-8", "cpv_check_digit"),
            ("needs[]", "finnsinte", "invalid_choice"),
            ("questions", " ", "required"),
            ("session_link[]", "javascript:alert(1)", "invalid_url"),
        ] {
            let res = app
                .post_as(
                    &anna,
                    "/api/dialogues/create",
                    &encode(&with(&base, field, value)),
                )
                .await;
            assert_eq!(res.status, 400, "{field}={value}: {}", res.body);
            assert!(res.body.contains(problem), "{field}={value}: {}", res.body);
        }
        // 02:30 on the morning summer time begins does not exist.
        let skipped = with(
            &with(&base, "session_date[]", &last_sunday_of_march(y, 0)),
            "session_start[]",
            "02:30",
        );
        let res = app
            .post_as(&anna, "/api/dialogues/create", &encode(&skipped))
            .await;
        assert!(res.body.contains("no_such_time"), "{}", res.body);
        assert_eq!(app.count("dialogues").await, 0);
        assert_eq!(app.count("dialogue_sessions").await, 0);
    }
);

db_test!(
    the_lifecycle_takes_one_step_at_a_time_and_only_hosts_take_it,
    |app| {
        let (network, anna, a_org, need) = setup(&app).await;
        let id = plan(&app, &anna, &dialogue_form(&network, &a_org, &need, "5")).await;
        let (bo, b_org) = coordinator(&app, "bo@lund.se", "212000-1355").await;
        crate::networks::invited_and_accepted(
            &app,
            &anna,
            &network,
            &bo,
            &b_org,
            "212000-1355",
            "member",
        )
        .await;
        let status = |to: &str| form(&[("dialogue", &id), ("status", to), ("reason", "Beslut")]);
        assert_eq!(
            app.post_as(&bo, "/api/dialogues/status", &status("announced"))
                .await
                .status,
            403,
            "not a host"
        );
        let mut current = DialogueStatus::Planned;
        for to in DialogueStatus::ALL {
            let res = app
                .post_as(&anna, "/api/dialogues/status", &status(to.code()))
                .await;
            let allowed = current.can_become(to);
            assert_eq!(ok(&res), allowed, "{current:?} → {to:?}: {}", res.body);
            if allowed {
                current = to;
            }
        }
        assert_eq!(current, DialogueStatus::Archived);
        let page = app.get_as(&bo, &format!("/dialoger/{id}")).await;
        assert!(page.body.contains("Arkiverad"));
        let comment = app
            .post_as(
                &bo,
                "/api/comments/post",
                &form(&[
                    ("subject", "dialogue"),
                    ("target", &id),
                    ("body", "Sent inlägg"),
                ]),
            )
            .await;
        assert_eq!(
            comment.status, 409,
            "an archived dialogue takes no comments: it is frozen"
        );
        assert!(comment.body.contains("frozen"), "{}", comment.body);
    }
);

db_test!(
    twenty_simultaneous_registrations_fill_five_places_and_no_more,
    |app| {
        // Twenty people sign up from one address: lift the per-IP limits.
        let app = TestApp::spawn_with(app.db.engine(), |c| {
            c.ip_allowance.sign_ups_per_hour = 1000;
            c.ip_allowance.sign_ins_per_15_min = 1000;
        })
        .await
        .expect("a test app");
        let (network, anna, a_org, need) = setup(&app).await;
        let id = plan(&app, &anna, &dialogue_form(&network, &a_org, &need, "5")).await;
        app.post_as(
            &anna,
            "/api/dialogues/status",
            &form(&[("dialogue", &id), ("status", "announced"), ("reason", "Ut")]),
        )
        .await;
        // Twenty member organisations, each with its own person.
        let mut people = Vec::new();
        for i in 0..20 {
            let number = crate::helpers::org_number(300 + i);
            let (cookie, org) =
                coordinator(&app, &format!("person{i}@kommun{i}.se"), &number).await;
            crate::networks::invited_and_accepted(
                &app, &anna, &network, &cookie, &org, &number, "member",
            )
            .await;
            people.push((cookie, org));
        }
        let app = std::sync::Arc::new(app);
        let mut tasks = Vec::new();
        for (cookie, org) in people {
            let (app, id) = (app.clone(), id.clone());
            tasks.push(tokio::spawn(async move {
                app.post_as(
                    &cookie,
                    "/api/dialogues/register",
                    &form(&[
                        ("dialogue", &id),
                        ("organisation", &org),
                        ("attendees", "En person"),
                    ]),
                )
                .await
                .status
                .as_u16()
            }));
        }
        let mut statuses = Vec::new();
        for task in tasks {
            statuses.push(task.await.unwrap());
        }
        assert_eq!(
            statuses.iter().filter(|s| **s == 200).count(),
            5,
            "{statuses:?}"
        );
        assert_eq!(
            statuses.iter().filter(|s| **s == 409).count(),
            15,
            "{statuses:?}"
        );
        let (taken,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM dialogue_registrations WHERE withdrawn_at IS NULL",
        )
        .fetch_one(app.db.pool())
        .await
        .unwrap();
        assert_eq!(taken, 5);
    }
);

db_test!(
    the_calendar_file_has_the_right_utc_times_on_both_sides_of_summer_time,
    |app| {
        let (network, anna, a_org, need) = setup(&app).await;
        let id = plan(&app, &anna, &dialogue_form(&network, &a_org, &need, "5")).await;
        let ics = app
            .get_as(&anna, &format!("/dialoger/{id}/kalender.ics"))
            .await;
        assert_eq!(ics.status, 200);
        assert!(ics.header("content-type").starts_with("text/calendar"));
        let events = app::dialogues::calendar::parse_events(&ics.body);
        assert_eq!(events.len(), 2);
        let y = next_year();
        let friday = last_sunday_of_march(y, -2).replace('-', "");
        let monday = last_sunday_of_march(y, 1).replace('-', "");
        assert_eq!(
            events[0].1,
            format!("{friday}T090000Z"),
            "10:00 CET is 09:00 UTC"
        );
        assert_eq!(
            events[1].1,
            format!("{monday}T080000Z"),
            "10:00 CEST is 08:00 UTC"
        );
        assert_eq!(events[0].3, "Dialog om elbussar");

        let outsider = app
            .verified_user("dan@example.se", crate::networks::PASSWORD)
            .await;
        assert_eq!(
            app.get_as(&outsider, &format!("/dialoger/{id}/kalender.ics"))
                .await
                .status,
            404
        );
        let page = app.get_as(&anna, &format!("/natverk/{network}")).await;
        let token = page
            .body
            .split("/kalender/")
            .nth(1)
            .unwrap()
            .split(".ics")
            .next()
            .unwrap()
            .to_string();
        let feed = app.get(&format!("/kalender/{token}.ics")).await;
        assert_eq!(
            feed.status, 200,
            "a calendar program subscribes without signing in"
        );
        assert_eq!(app::dialogues::calendar::parse_events(&feed.body).len(), 2);
        assert_eq!(app.get("/kalender/gissat.ics").await.status, 404);
    }
);

db_test!(
    qa_never_names_the_asker_approved_text_is_frozen_and_the_record_round_trips,
    |app| {
        let (network, anna, a_org, need) = setup(&app).await;
        let id = plan(&app, &anna, &dialogue_form(&network, &a_org, &need, "5")).await;
        let qa = app
            .post_as(
                &anna,
                "/api/dialogues/qa",
                &form(&[
                    ("dialogue", &id),
                    ("question", "Får vi lämna förslag på krav?"),
                    ("answer", "Ja, alla får samma chans."),
                ]),
            )
            .await;
        assert!(ok(&qa), "{}", qa.body);
        let page = app.get_as(&anna, &format!("/dialoger/{id}")).await;
        assert!(page.body.contains("Får vi lämna förslag på krav?"));
        let view = app
            .post_as(&anna, "/api/dialogues/view", &form(&[("dialogue", &id)]))
            .await;
        assert!(
            !view.body.contains("anna@stockholm.se") && !view.body.contains("account"),
            "{}",
            view.body
        );

        let summary = |text: &str, body: &str| {
            form(&[
                ("dialogue", &id),
                ("session", ""),
                ("text", text),
                ("body", body),
            ])
        };
        hold(&app, &anna, &id).await;
        assert!(ok(&app
            .post_as(
                &anna,
                "/api/dialogues/save-text",
                &summary("", "Marknaden kan leverera.")
            )
            .await));
        let (text,): (String,) = sqlx::query_as("SELECT public_id FROM dialogue_texts")
            .fetch_one(app.db.pool())
            .await
            .unwrap();
        assert!(ok(&app
            .post_as(
                &anna,
                "/api/dialogues/save-text",
                &summary(&text, "Marknaden kan leverera 2028.")
            )
            .await));
        let approve = app
            .post_as(
                &anna,
                "/api/dialogues/approve",
                &form(&[("dialogue", &id), ("text", &text), ("confirm", "ja")]),
            )
            .await;
        assert!(ok(&approve), "{}", approve.body);
        let frozen = app
            .post_as(
                &anna,
                "/api/dialogues/save-text",
                &summary(&text, "Ändrat i efterhand"),
            )
            .await;
        assert_eq!(frozen.status, 409);
        assert!(frozen.body.contains("frozen"), "{}", frozen.body);
        let newer = app
            .post_as(
                &anna,
                "/api/dialogues/supersede",
                &form(&[("dialogue", &id), ("text", &text), ("body", "Ny version")]),
            )
            .await;
        assert!(ok(&newer), "{}", newer.body);
        let bodies: Vec<(String, String)> =
            sqlx::query_as("SELECT body, status FROM dialogue_texts ORDER BY id")
                .fetch_all(app.db.pool())
                .await
                .unwrap();
        assert_eq!(
            bodies,
            [
                (
                    "Marknaden kan leverera 2028.".to_string(),
                    "approved".to_string()
                ),
                ("Ny version".to_string(), "draft".to_string())
            ]
        );

        let json = app
            .get_as(
                &anna,
                &format!("/dialoger/{id}/protokoll.json?diarienummer=KS%202027%2F123"),
            )
            .await;
        assert_eq!(json.status, 200);
        let record: DialogueRecord =
            serde_json::from_str(&json.body).expect("the record parses back");
        assert_eq!(record.diarienummer, "KS 2027/123");
        assert_eq!(record.dialogue.questions.len(), 2);
        assert_eq!(record.qa.len(), 1);
        assert_eq!(record.texts.len(), 2);
        assert!(record.audit.iter().any(|e| e.action == "dialogue_created"));
        assert_eq!(
            serde_json::to_string_pretty(&record).unwrap(),
            json.body,
            "round-trips exactly"
        );
        let html = app
            .get_as(
                &anna,
                &format!("/dialoger/{id}/protokoll?diarienummer=KS+2027%2F123"),
            )
            .await;
        assert!(
            html.body.contains("KS 2027/123") && html.body.contains("Marknaden kan leverera 2028.")
        );
    }
);

db_test!(
    a_host_adds_a_member_as_co_host_who_may_then_run_the_dialogue,
    |app| {
        let (network, anna, a_org, need) = setup(&app).await;
        let id = plan(&app, &anna, &dialogue_form(&network, &a_org, &need, "5")).await;
        let (bo, b_org) = coordinator(&app, "bo@lund.se", "212000-1355").await;
        crate::networks::invited_and_accepted(
            &app,
            &anna,
            &network,
            &bo,
            &b_org,
            "212000-1355",
            "member",
        )
        .await;
        let announce = form(&[("dialogue", &id), ("status", "announced"), ("reason", "Ut")]);
        assert_eq!(
            app.post_as(&bo, "/api/dialogues/status", &announce)
                .await
                .status,
            403
        );
        let self_made = app
            .post_as(
                &bo,
                "/api/dialogues/add-host",
                &form(&[("dialogue", &id), ("organisation", &b_org)]),
            )
            .await;
        assert_eq!(self_made.status, 403, "only hosts add hosts");
        let added = app
            .post_as(
                &anna,
                "/api/dialogues/add-host",
                &form(&[("dialogue", &id), ("organisation", &b_org)]),
            )
            .await;
        assert!(ok(&added), "{}", added.body);
        let again = app
            .post_as(
                &anna,
                "/api/dialogues/add-host",
                &form(&[("dialogue", &id), ("organisation", &b_org)]),
            )
            .await;
        assert_eq!(again.status, 403, "already a host");
        assert!(
            ok(&app.post_as(&bo, "/api/dialogues/status", &announce).await),
            "a co-host runs it"
        );
        let page = app.get_as(&bo, &format!("/dialoger/{id}")).await;
        assert!(page
            .body
            .contains("Organisation 212000-0142, Organisation 212000-1355"));
    }
);

db_test!(
    a_summary_links_input_to_the_requirement_version_it_changed_and_the_link_freezes_with_it,
    |app| {
        let (network, anna, a_org, need) = setup(&app).await;
        let proposed = app
            .post_as(
                &anna,
                "/api/needs/propose-requirement",
                &form(&[
                    ("need", &need),
                    ("text", "Räckvidd minst 200 km"),
                    ("motive", "Linjerna är långa"),
                    ("verification", "Provkörning"),
                    ("level", "ska"),
                ]),
            )
            .await;
        assert!(ok(&proposed), "{}", proposed.body);
        let (requirement,): (String,) = sqlx::query_as("SELECT public_id FROM requirements")
            .fetch_one(app.db.pool())
            .await
            .unwrap();
        let edited = app
            .post_as(
                &anna,
                "/api/needs/edit-requirement",
                &form(&[
                    ("requirement", &requirement),
                    ("version", "1"),
                    ("text", "Räckvidd minst 300 km"),
                    ("motive", "Linjerna är långa"),
                    ("verification", "Provkörning"),
                    ("level", "ska"),
                ]),
            )
            .await;
        assert!(ok(&edited), "{}", edited.body);
        let id = plan(&app, &anna, &dialogue_form(&network, &a_org, &need, "5")).await;
        let version_2 = format!("{requirement}:2");
        let summary = |text: &str, body: &str, change: &str, input: &str| {
            form(&[
                ("dialogue", &id),
                ("session", ""),
                ("text", text),
                ("body", body),
                ("change[]", change),
                ("input[]", input),
                ("change[]", ""),
                ("input[]", ""),
            ])
        };
        let texts = || async {
            let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM dialogue_texts")
                .fetch_one(app.db.pool())
                .await
                .unwrap();
            n
        };

        hold(&app, &anna, &id).await;
        let no_input = app
            .post_as(
                &anna,
                "/api/dialogues/save-text",
                &summary("", "Vi lärde oss.", &version_2, " "),
            )
            .await;
        assert_eq!(no_input.status, 400, "{}", no_input.body);
        assert!(no_input.body.contains("input_1"), "{}", no_input.body);
        let unknown = app
            .post_as(
                &anna,
                "/api/dialogues/save-text",
                &summary("", "Vi lärde oss.", &format!("{requirement}:9"), "Inspel"),
            )
            .await;
        assert_eq!(unknown.status, 400, "{}", unknown.body);
        assert!(unknown.body.contains("change_1"), "{}", unknown.body);
        assert!(
            unknown.body.contains("Vi lärde oss."),
            "what was written comes back: {}",
            unknown.body
        );
        let (session,): (String,) =
            sqlx::query_as("SELECT public_id FROM dialogue_sessions ORDER BY id LIMIT 1")
                .fetch_one(app.db.pool())
                .await
                .unwrap();
        let on_minutes = app
            .post_as(
                &anna,
                "/api/dialogues/save-text",
                &form(&[
                    ("dialogue", &id),
                    ("session", &session),
                    ("body", "Protokoll"),
                    ("change[]", &version_2),
                    ("input[]", "Inspel"),
                ]),
            )
            .await;
        assert_eq!(on_minutes.status, 400, "minutes link no requirements");
        assert_eq!(texts().await, 0, "nothing half-saved");

        let said = "Tre leverantörer visade bussar som klarar 300 km.";
        let saved = app
            .post_as(
                &anna,
                "/api/dialogues/save-text",
                &summary("", "**Räckvidden** räcker.", &version_2, said),
            )
            .await;
        assert!(ok(&saved), "{}", saved.body);
        let view: app::dialogues::DialogueView = serde_json::from_str(
            &app.post_as(&anna, "/api/dialogues/view", &form(&[("dialogue", &id)]))
                .await
                .body,
        )
        .unwrap();
        let text = &view.texts[0];
        assert_eq!(
            text.body_html.trim(),
            "<p><strong>Räckvidden</strong> räcker.</p>"
        );
        let expected = app::dialogues::RequirementChange {
            requirement: app::dialogues::RequirementRef {
                need: need.clone(),
                need_title: "Elbussar".into(),
                requirement: requirement.clone(),
                version: 2,
                text: "Räckvidd minst 300 km".into(),
            },
            input: said.into(),
        };
        assert_eq!(text.changes, std::slice::from_ref(&expected));
        assert_eq!(
            view.requirement_versions
                .iter()
                .map(|r| r.key())
                .collect::<Vec<_>>(),
            [format!("{requirement}:1"), version_2.clone()],
            "hosts choose among every version of the covered needs' requirements"
        );
        let href = format!("/behov/{need}/historik#krav-{requirement}-v2");
        let page = app.get_as(&anna, &format!("/dialoger/{id}")).await;
        assert!(
            page.body.contains(&href),
            "the summary links to the version"
        );
        let history = app.get_as(&anna, &format!("/behov/{need}/historik")).await;
        assert!(
            history
                .body
                .contains(&format!("id=\"krav-{requirement}-v2\"")),
            "the history page has the link's target"
        );

        let draft = text.public_id.clone();
        assert!(ok(&app
            .post_as(
                &anna,
                "/api/dialogues/approve",
                &form(&[("dialogue", &id), ("text", &draft), ("confirm", "ja")]),
            )
            .await));
        let frozen = app
            .post_as(
                &anna,
                "/api/dialogues/save-text",
                &summary(&draft, "**Räckvidden** räcker.", "", ""),
            )
            .await;
        assert_eq!(frozen.status, 409, "the approved links cannot be removed");
        let newer = app
            .post_as(
                &anna,
                "/api/dialogues/supersede",
                &form(&[("dialogue", &id), ("text", &draft), ("body", "Ny version")]),
            )
            .await;
        assert!(ok(&newer), "{}", newer.body);
        let record: DialogueRecord = serde_json::from_str(
            &app.get_as(&anna, &format!("/dialoger/{id}/protokoll.json"))
                .await
                .body,
        )
        .unwrap();
        assert_eq!(record.texts.len(), 2);
        assert_eq!(
            record.texts[0].changes,
            [expected],
            "the approved version keeps its link"
        );
        assert!(record.texts[1].changes.is_empty());
    }
);
