//! Written answers from suppliers: drafts that are not answers, each
//! submission a version with a receipt whose digest anyone can recompute,
//! confidentiality requests per part, a deadline that locks at its minute
//! in Stockholm time, and who reads what.

use crate::dialogues::{dialogue_form, encode, plan, setup};
use crate::helpers::{form, ok, TestApp};
use crate::market::{announce, person, register, supplier_person};
use crate::networks::PASSWORD;
use app::dialogues::answers::{AnswerPage, Submission};

/// An announced RFI of Anna's network with its two questions: (dialogue,
/// Anna's cookie, her organisation, the network).
pub(crate) async fn rfi(app: &TestApp) -> (String, String, String, String) {
    let (network, anna, org, need) = setup(app).await;
    let pairs: Vec<(&'static str, String)> = dialogue_form(&network, &org, &need, "5")
        .into_iter()
        .map(|(k, v)| {
            if k == "form" {
                (k, "rfi".to_string())
            } else {
                (k, v)
            }
        })
        .collect();
    let id = plan(app, &anna, &pairs).await;
    announce(app, &anna, &id).await;
    (id, anna, org, network)
}

/// The questions of the tests' dialogue form.
pub(crate) const QUESTIONS: [&str; 2] = ["Hur långt räcker en laddning?", "Vilka depåkrav finns?"];

/// The answer form's body: one (answer, what, why, harm) per question.
fn answer_body(
    dialogue: &str,
    supplier: &str,
    parts: &[(&str, &str, &str, &str)],
    intent: &str,
) -> String {
    let questions = QUESTIONS.map(String::from);
    let mut pairs: Vec<(&str, String)> = vec![
        ("dialogue", dialogue.into()),
        ("supplier", supplier.into()),
        ("intent", intent.into()),
        (
            "questions",
            app::dialogues::answers::questions_key(&questions),
        ),
    ];
    for (answer, what, why, harm) in parts {
        pairs.push(("answer[]", answer.to_string()));
        pairs.push(("what[]", what.to_string()));
        pairs.push(("why[]", why.to_string()));
        pairs.push(("harm[]", harm.to_string()));
    }
    encode(&pairs)
}

pub(crate) async fn page(app: &TestApp, cookie: &str, dialogue: &str) -> AnswerPage {
    let res = app
        .post_as(
            cookie,
            "/api/answers/page",
            &form(&[("dialogue", dialogue)]),
        )
        .await;
    assert!(ok(&res), "{}", res.body);
    serde_json::from_str(&res.body).expect("answer page")
}

pub(crate) async fn receipt(
    app: &TestApp,
    cookie: &str,
    dialogue: &str,
    answer: &str,
) -> Submission {
    let res = app
        .post_as(
            cookie,
            "/api/answers/receipt",
            &form(&[("dialogue", dialogue), ("answer", answer)]),
        )
        .await;
    assert!(ok(&res), "{}", res.body);
    serde_json::from_str(&res.body).expect("receipt")
}

/// Submits and gives the new submission's public id.
pub(crate) async fn submit(
    app: &TestApp,
    cookie: &str,
    dialogue: &str,
    supplier: &str,
    parts: &[(&str, &str, &str, &str)],
) -> String {
    let res = app
        .post_as(
            cookie,
            "/api/answers/save",
            &answer_body(dialogue, supplier, parts, "submit"),
        )
        .await;
    assert!(ok(&res), "{}", res.body);
    let location = res.header("location");
    assert!(location.contains("inlamnat=1"), "{location}");
    location
        .split("/kvitto/")
        .nth(1)
        .unwrap()
        .split('?')
        .next()
        .unwrap()
        .to_string()
}

db_test!(
    a_supplier_drafts_then_submits_twice_and_each_receipt_states_a_digest_anyone_can_recompute,
    |app| {
        let (dialogue, anna, _, _) = rfi(&app).await;
        let (sara, s1) = supplier_person(&app, "Sara", "sara@lev1.se", 1).await;
        assert_eq!(register(&app, &sara, &dialogue, &s1).await, 200);

        // A draft is kept but is no answer.
        let res = app
            .post_as(
                &sara,
                "/api/answers/save",
                &answer_body(
                    &dialogue,
                    &s1,
                    &[("Ett utkast", "", "", ""), ("", "", "", "")],
                    "draft",
                ),
            )
            .await;
        assert!(ok(&res), "{}", res.body);
        assert!(res.header("location").contains("sparat=1"));
        let drafted = page(&app, &sara, &dialogue).await;
        assert!(drafted.open && drafted.registered);
        assert_eq!(drafted.parts.len(), 2);
        assert_eq!(drafted.parts[0].answer, "Ett utkast");
        assert_eq!(drafted.parts[1].question, "Vilka depåkrav finns?");
        assert!(drafted.submitted.is_empty());
        assert_eq!(app.count("supplier_answers").await, 0);

        let first = submit(
            &app,
            &sara,
            &dialogue,
            &s1,
            &[
                ("Cirka 300 km vintertid.", "", "", ""),
                (
                    "Vårt pris per depå är 2 Mkr.",
                    "Priset per depå",
                    "Affärshemlighet",
                    "Konkurrenterna kan underbjuda oss",
                ),
            ],
        )
        .await;
        let one = receipt(&app, &sara, &dialogue, &first).await;
        assert_eq!(one.content.version, 1);
        assert_eq!(one.submitted_by, "Sara");
        assert!(one.receipt.starts_with("SV-"));
        assert!(one.asks_confidentiality());
        // The digest is the SHA-256 of the content as compact JSON with
        // sorted keys: recomputed here from the content alone.
        let sorted = serde_json::to_value(&one.content).unwrap().to_string();
        assert_eq!(one.digest, app::core::ids::hash_token(&sorted));
        let secret = one.content.parts[1].secret.as_ref().unwrap();
        assert_eq!(
            (
                secret.what.as_str(),
                secret.why.as_str(),
                secret.harm.as_str()
            ),
            (
                "Priset per depå",
                "Affärshemlighet",
                "Konkurrenterna kan underbjuda oss"
            )
        );
        // The receipt is a mail too, with its number and digest.
        let mails = app.mails_to("sara@lev1.se").await;
        let (subject, body) = mails
            .iter()
            .find(|(subject, _)| subject.contains(&one.receipt))
            .expect("a receipt mail");
        assert!(subject.starts_with("Kvitto"));
        assert!(body.contains(&one.digest) && body.contains("UTC"), "{body}");
        assert!(body.contains("sekretess begärd"));

        let second = submit(
            &app,
            &sara,
            &dialogue,
            &s1,
            &[("Cirka 320 km vintertid.", "", "", ""), ("", "", "", "")],
        )
        .await;
        let two = receipt(&app, &sara, &dialogue, &second).await;
        assert_eq!(two.content.version, 2);
        assert_ne!(two.receipt, one.receipt);
        assert_ne!(two.digest, one.digest);
        assert!(!two.asks_confidentiality());
        assert_eq!(
            two.versions.iter().map(|(_, v, _)| *v).collect::<Vec<_>>(),
            vec![1, 2]
        );
        // Every version is kept as it was.
        let again = receipt(&app, &sara, &dialogue, &first).await;
        assert_eq!(again.digest, one.digest);
        assert_eq!(again.content, one.content);
        let now = page(&app, &sara, &dialogue).await;
        assert_eq!(now.submitted.len(), 2);
        assert_eq!(now.parts[0].answer, "Cirka 320 km vintertid.");

        // Hosts read both as they arrive, with the same digests, and the
        // record lists each with its receipt.
        let res = app
            .post_as(
                &anna,
                "/api/answers/submission",
                &form(&[("dialogue", &dialogue), ("answer", &first)]),
            )
            .await;
        let hosts: Submission = serde_json::from_str(&res.body).expect(&res.body);
        assert_eq!(hosts.digest, one.digest);
        let json = app
            .get_as(
                &anna,
                &format!("/dialoger/{dialogue}/svar/{first}/svar.json?diarienummer=KS%202027%2F12"),
            )
            .await;
        assert_eq!(json.status, 200, "{}", json.body);
        assert!(json.header("content-disposition").starts_with("attachment"));
        let exported: serde_json::Value = serde_json::from_str(&json.body).unwrap();
        assert_eq!(exported["diarienummer"], "KS 2027/12");
        assert_eq!(exported["digest_sha256"], one.digest.as_str());
        assert_eq!(
            app::core::ids::hash_token(&exported["content"].to_string()),
            one.digest,
            "the export's content gives the receipt's digest"
        );
        let record = app
            .get_as(&anna, &format!("/dialoger/{dialogue}/protokoll.json"))
            .await;
        let record: serde_json::Value = serde_json::from_str(&record.body).unwrap();
        let listed = record["answers"].as_array().unwrap();
        assert_eq!(listed.len(), 2);
        assert_eq!(listed[0]["receipt"], one.receipt.as_str());
        assert_eq!(listed[0]["secret"], true);
        assert_eq!(listed[1]["secret"], false);
        let host_page = app.get_as(&anna, &format!("/dialoger/{dialogue}")).await;
        assert!(host_page.body.contains(&one.receipt));
        let shown = app
            .get_as(&anna, &format!("/dialoger/{dialogue}/svar/{first}"))
            .await;
        assert!(shown.body.contains("Konkurrenterna kan underbjuda oss"));
        assert!(shown.body.contains(&one.digest));
    }
);

db_test!(
    the_answer_deadline_locks_at_its_minute_in_stockholm_summer_time_and_opens_the_answers_to_members,
    |app| {
        let (dialogue, anna, _, network) = rfi(&app).await;
        let (sara, s1) = supplier_person(&app, "Sara", "sara@lev1.se", 1).await;
        assert_eq!(register(&app, &sara, &dialogue, &s1).await, 200);
        // Maja's kommun is a member that hosts nothing; she signs in below.
        crate::networks::malmo_member(&app, &anna, &network).await;
        // The form's deadline is 30 April 23:59 in Stockholm, summer time
        // (UTC+2), while the clock now reads a winter day: 21:59 UTC.
        let deadline = page(&app, &sara, &dialogue).await.answer_deadline;
        let (y, m, d) = app::time::civil_date(deadline / 86_400_000);
        assert_eq!((m, d), (4, 30));
        assert_eq!(deadline % 86_400_000, (21 * 60 + 59) * 60_000, "{y}");

        // Sessions run out over months: sign in again at each new time.
        let again = |email: &'static str| {
            let app = &app;
            async move { app.sign_in(email, PASSWORD).await.expect("signed in") }
        };
        app.clock.set(deadline - 60_000);
        let (sara, maja) = (again("sara@lev1.se").await, again("maja@malmo.se").await);
        let first = submit(&app, &sara, &dialogue, &s1, &[("I sista minuten", "", "", ""), ("", "", "", "")]).await;
        let res = app
            .post_as(
                &maja,
                "/api/answers/submission",
                &form(&[("dialogue", &dialogue), ("answer", &first)]),
            )
            .await;
        assert_eq!(res.status, 404, "members wait for the deadline: {}", res.body);
        let member_page = app.get_as(&maja, &format!("/dialoger/{dialogue}")).await;
        assert!(member_page.body.contains("när svarstiden har gått ut"));
        assert!(!member_page.body.contains("I sista minuten"));

        app.clock.set(deadline);
        let (sara, maja) = (again("sara@lev1.se").await, again("maja@malmo.se").await);
        let before = (
            app.count("supplier_answers").await,
            app.count("answer_drafts").await,
        );
        for intent in ["submit", "draft"] {
            let res = app
                .post_as(
                    &sara,
                    "/api/answers/save",
                    &answer_body(&dialogue, &s1, &[("För sent", "", "", ""), ("", "", "", "")], intent),
                )
                .await;
            assert_eq!(res.status, 409, "{intent}: {}", res.body);
            assert!(res.body.contains("answers_closed"), "{}", res.body);
        }
        assert_eq!(
            before,
            (
                app.count("supplier_answers").await,
                app.count("answer_drafts").await
            )
        );
        let closed = page(&app, &sara, &dialogue).await;
        assert!(!closed.open);
        assert_eq!(closed.parts[0].answer, "I sista minuten", "nothing changed");
        assert_eq!(closed.submitted.len(), 1, "what was submitted stays readable");
        let res = app
            .post_as(
                &maja,
                "/api/answers/submission",
                &form(&[("dialogue", &dialogue), ("answer", &first)]),
            )
            .await;
        assert!(ok(&res), "members read after the deadline: {}", res.body);
    }
);

db_test!(
    a_confidentiality_request_without_its_reason_and_an_empty_submission_are_refused_and_store_nothing,
    |app| {
        let (dialogue, _, _, _) = rfi(&app).await;
        let (sara, s1) = supplier_person(&app, "Sara", "sara@lev1.se", 1).await;
        assert_eq!(register(&app, &sara, &dialogue, &s1).await, 200);
        let refused = |parts: Vec<(&'static str, &'static str, &'static str, &'static str)>,
                       intent: &'static str| {
            let body = answer_body(&dialogue, &s1, &parts, intent);
            let (app, sara) = (&app, sara.clone());
            async move { app.post_as(&sara, "/api/answers/save", &body).await }
        };
        let res = refused(
            vec![("Svar", "Priset", "", "Skada"), ("", "", "", "")],
            "submit",
        )
        .await;
        assert_eq!(res.status, 400, "{}", res.body);
        assert!(res.body.contains("why_1"), "{}", res.body);
        let res = refused(vec![("", "", "", ""), ("  ", "", "", "")], "submit").await;
        assert_eq!(res.status, 400);
        assert!(res.body.contains("empty_answer"), "{}", res.body);
        let res = refused(vec![("", "Allt", "Hemligt", "Stor"), ("", "", "", "")], "submit").await;
        assert!(res.body.contains("secret_without_answer"), "{}", res.body);
        // What was typed comes back with the refusal, so nothing is lost.
        let res = refused(
            vec![("Långt svar som ska finnas kvar", "Priset", "", ""), ("", "", "", "")],
            "submit",
        )
        .await;
        assert!(res.body.contains("Långt svar som ska finnas kvar"));
        assert_eq!(app.count("supplier_answers").await, 0);
        assert_eq!(app.count("answer_drafts").await, 0);
        let too_long = "x".repeat(app::dialogues::answers::ANSWER_MAX + 1);
        let body = answer_body(&dialogue, &s1, &[(&too_long, "", "", ""), ("", "", "", "")], "draft");
        let res = app.post_as(&sara, "/api/answers/save", &body).await;
        assert_eq!(res.status, 400);
        assert!(res.body.contains("too_long"));
    }
);

db_test!(
    written_answers_are_read_by_their_supplier_and_hosts_and_by_nobody_else,
    |app| {
        let (dialogue, anna, _, network) = rfi(&app).await;
        let (sara, s1) = supplier_person(&app, "Sara", "sara@lev1.se", 1).await;
        let (omar, s2) = supplier_person(&app, "Omar", "omar@lev2.se", 2).await;
        let (olle, s3) = supplier_person(&app, "Olle", "olle@lev3.se", 3).await;
        assert_eq!(register(&app, &sara, &dialogue, &s1).await, 200);
        assert_eq!(register(&app, &omar, &dialogue, &s2).await, 200);
        let signed = person(&app, "Utan Organisation", "ingen@example.se").await;
        let maja = crate::networks::malmo_member(&app, &anna, &network).await;
        let (bo, _) = crate::networks::coordinator(&app, "bo@lund.se", "212000-1355").await;
        let answer = submit(
            &app,
            &sara,
            &dialogue,
            &s1,
            &[("Vårt svar", "", "", ""), ("", "", "", "")],
        )
        .await;

        // (who, cookie, the supplier they would act for)
        let actors: [(&str, Option<&str>, &str); 8] = [
            ("anonymous", None, &s1),
            ("signed in without organisation", Some(&signed), &s1),
            ("another registered supplier", Some(&omar), &s2),
            ("a supplier not registered", Some(&olle), &s3),
            ("a member, not a host, before the deadline", Some(&maja), ""),
            ("a buyer of another network", Some(&bo), ""),
            ("the host", Some(&anna), ""),
            ("the supplier itself", Some(&sara), &s1),
        ];
        let calls: [(&str, [u16; 8]); 3] = [
            (
                "/api/answers/receipt",
                [401, 403, 404, 404, 403, 403, 403, 200],
            ),
            (
                "/api/answers/submission",
                [401, 404, 404, 404, 404, 404, 200, 404],
            ),
            (
                "/api/answers/save",
                [401, 403, 200, 403, 403, 403, 403, 200],
            ),
        ];
        for (path, expected) in calls {
            for ((who, cookie, supplier), want) in actors.iter().zip(expected) {
                let body = if path.ends_with("save") {
                    answer_body(
                        &dialogue,
                        supplier,
                        &[("Utkast", "", "", ""), ("", "", "", "")],
                        "draft",
                    )
                } else {
                    form(&[("dialogue", &dialogue), ("answer", &answer)])
                };
                let res = match cookie {
                    Some(c) => app.post_as(c, path, &body).await,
                    None => app.post_form(path, &body, &[]).await,
                };
                assert_eq!(res.status.as_u16(), want, "{path} as {who}: {}", res.body);
            }
        }
        for (who, cookie, want) in [
            ("anonymous", None, 401),
            ("another supplier", Some(&omar), 404),
            ("a member before the deadline", Some(&maja), 404),
            ("a buyer of another network", Some(&bo), 404),
            ("the host", Some(&anna), 200),
        ] {
            let path = format!("/dialoger/{dialogue}/svar/{answer}/svar.json");
            let res = match cookie {
                Some(c) => app.get_as(c, &path).await,
                None => app.get(&path).await,
            };
            assert_eq!(res.status.as_u16(), want, "json as {who}: {}", res.body);
        }
        // The other supplier's own page shows its own draft, nothing of Sara's.
        let theirs = page(&app, &omar, &dialogue).await;
        assert!(theirs.submitted.is_empty());
        assert_eq!(theirs.parts[0].answer, "Utkast");
        let public = app.get(&format!("/marknadsdialoger/{dialogue}")).await;
        assert!(!public.body.contains("Vårt svar"));
    }
);

db_test!(
    a_dialogue_takes_written_answers_only_as_its_form_or_its_hosts_say,
    |app| {
        let (network, anna, org, need) = setup(&app).await;
        let dialogue = plan(&app, &anna, &dialogue_form(&network, &org, &need, "5")).await;
        announce(&app, &anna, &dialogue).await;
        let (sara, s1) = supplier_person(&app, "Sara", "sara@lev1.se", 1).await;
        assert_eq!(register(&app, &sara, &dialogue, &s1).await, 200);
        let body = answer_body(
            &dialogue,
            &s1,
            &[("Svar", "", "", ""), ("", "", "", "")],
            "submit",
        );
        let res = app.post_as(&sara, "/api/answers/save", &body).await;
        assert_eq!(
            res.status, 404,
            "a dialogue meeting takes none: {}",
            res.body
        );

        // Hosts turn them on before announcing; then it is fixed.
        let other = plan(&app, &anna, &dialogue_form(&network, &org, &need, "5")).await;
        let publication = |flag: &'static str| {
            form(&[
                ("dialogue", &other),
                ("supplier_places", "5"),
                ("audience", "open"),
                ("written_answers", flag),
            ])
        };
        let res = app
            .post_as(&anna, "/api/market/publication", &publication("1"))
            .await;
        assert!(ok(&res), "{}", res.body);
        announce(&app, &anna, &other).await;
        let res = app
            .post_as(&anna, "/api/market/publication", &publication(""))
            .await;
        assert_eq!(res.status, 400, "fixed once announced: {}", res.body);
        assert!(res.body.contains("public_part_fixed"), "{}", res.body);
        assert_eq!(register(&app, &sara, &other, &s1).await, 200);
        let body = answer_body(
            &other,
            &s1,
            &[("Svar", "", "", ""), ("", "", "", "")],
            "submit",
        );
        let res = app.post_as(&sara, "/api/answers/save", &body).await;
        assert!(ok(&res), "{}", res.body);
        let public = app
            .get_as(&sara, &format!("/marknadsdialoger/{other}"))
            .await;
        assert!(public
            .body
            .contains(&format!("/marknadsdialoger/{other}/svar")));
    }
);

db_test!(
    two_submissions_of_one_supplier_at_once_get_two_versions_in_order,
    |app| {
        let (dialogue, _, _, _) = rfi(&app).await;
        let (sara, s1) = supplier_person(&app, "Sara", "sara@lev1.se", 1).await;
        assert_eq!(register(&app, &sara, &dialogue, &s1).await, 200);
        let body = answer_body(
            &dialogue,
            &s1,
            &[("Samtidigt", "", "", ""), ("", "", "", "")],
            "submit",
        );
        let (a, b) = tokio::join!(
            app.post_as(&sara, "/api/answers/save", &body),
            app.post_as(&sara, "/api/answers/save", &body)
        );
        assert!(ok(&a) && ok(&b), "{} {}", a.body, b.body);
        let versions: Vec<(i64,)> =
            sqlx::query_as("SELECT version FROM supplier_answers ORDER BY version")
                .fetch_all(app.db.pool())
                .await
                .unwrap();
        assert_eq!(versions, vec![(1,), (2,)]);
        let mine = page(&app, &sara, &dialogue).await;
        assert!(
            mine.submitted[0].version == 2
                && mine.submitted[0].submitted_at >= mine.submitted[1].submitted_at,
            "numbered and stamped under one lock"
        );
    }
);

db_test!(
    a_withdrawn_supplier_answers_no_more_and_reads_what_it_sent_and_an_answer_is_found_only_in_its_own_dialogue,
    |app| {
        let (dialogue, anna, org, network) = rfi(&app).await;
        let (sara, s1) = supplier_person(&app, "Sara", "sara@lev1.se", 1).await;
        assert_eq!(register(&app, &sara, &dialogue, &s1).await, 200);
        let answer = submit(&app, &sara, &dialogue, &s1, &[("Svar", "", "", ""), ("", "", "", "")]).await;
        // Another dialogue of the same network does not know the answer.
        let need = crate::needs::post_need(
            &app,
            &anna,
            &crate::needs::need_form(&network, &org, "Cyklar", "shared"),
        )
        .await;
        let other = plan(&app, &anna, &dialogue_form(&network, &org, &need, "5")).await;
        announce(&app, &anna, &other).await;
        for (cookie, path) in [(&sara, "/api/answers/receipt"), (&anna, "/api/answers/submission")] {
            let res = app
                .post_as(cookie, path, &form(&[("dialogue", &other), ("answer", &answer)]))
                .await;
            assert_eq!(res.status, 404, "{path}: {}", res.body);
        }
        let res = app
            .post_as(&sara, "/api/market/withdraw", &form(&[("dialogue", &dialogue), ("supplier", &s1)]))
            .await;
        assert!(ok(&res), "{}", res.body);
        let body = answer_body(&dialogue, &s1, &[("Efteråt", "", "", ""), ("", "", "", "")], "submit");
        let res = app.post_as(&sara, "/api/answers/save", &body).await;
        assert_eq!(res.status, 403, "{}", res.body);
        assert_eq!(receipt(&app, &sara, &dialogue, &answer).await.content.parts[0].answer, "Svar");
        let json = app
            .get_as(&sara, &format!("/marknadsdialoger/{dialogue}/kvitto/{answer}/svar.json"))
            .await;
        assert_eq!(json.status, 200, "{}", json.body);
        let exported: serde_json::Value = serde_json::from_str(&json.body).unwrap();
        assert_eq!(
            app::core::ids::hash_token(&exported["content"].to_string()),
            exported["digest_sha256"].as_str().unwrap(),
            "the supplier recomputes its own digest"
        );
        assert_eq!(exported["content"]["receipt"], exported["receipt"]);
    }
);

db_test!(
    an_answer_written_against_questions_since_changed_is_refused_with_what_was_typed,
    |app| {
        let (dialogue, _, _, _) = rfi(&app).await;
        let (sara, s1) = supplier_person(&app, "Sara", "sara@lev1.se", 1).await;
        assert_eq!(register(&app, &sara, &dialogue, &s1).await, 200);
        let body = answer_body(
            &dialogue,
            &s1,
            &[("Mitt svar", "", "", ""), ("", "", "", "")],
            "submit",
        )
        .replace("questions=", "questions=gammal");
        let res = app.post_as(&sara, "/api/answers/save", &body).await;
        assert_eq!(res.status, 400, "{}", res.body);
        assert!(res.body.contains("questions_changed"), "{}", res.body);
        assert!(res.body.contains("Mitt svar"));
        assert_eq!(app.count("supplier_answers").await, 0);
        assert_eq!(
            page(&app, &sara, &dialogue).await.questions_key,
            app::dialogues::answers::questions_key(&QUESTIONS.map(String::from))
        );
    }
);

db_test!(
    a_closed_networks_dialogue_stays_on_the_board_but_not_among_the_open_and_takes_no_more_answers,
    |app| {
        let (dialogue, anna, _, network) = rfi(&app).await;
        let (sara, s1) = supplier_person(&app, "Sara", "sara@lev1.se", 1).await;
        assert_eq!(register(&app, &sara, &dialogue, &s1).await, 200);
        let title = "Dialog om elbussar";
        assert!(app
            .get("/marknadsdialoger?oppen=1")
            .await
            .body
            .contains(title));
        for step in ["active", "dormant", "closed"] {
            let res = app
                .post_as(
                    &anna,
                    "/api/networks/status",
                    &form(&[("network", &network), ("status", step), ("reason", "Klart")]),
                )
                .await;
            assert!(ok(&res), "{step}: {}", res.body);
        }
        assert!(app.get("/marknadsdialoger").await.body.contains(title));
        assert!(!app
            .get("/marknadsdialoger?oppen=1")
            .await
            .body
            .contains(title));
        let body = answer_body(
            &dialogue,
            &s1,
            &[("Sent", "", "", ""), ("", "", "", "")],
            "submit",
        );
        let res = app.post_as(&sara, "/api/answers/save", &body).await;
        assert_eq!(res.status, 409, "{}", res.body);
        assert!(res.body.contains("answers_closed"));
        assert!(!page(&app, &sara, &dialogue).await.open);
    }
);

db_test!(
    a_targeted_dialogue_asks_a_signed_out_visitor_to_sign_in_and_shows_nothing_else,
    |app| {
        let (network, anna, org, need) = setup(&app).await;
        let dialogue = plan(&app, &anna, &dialogue_form(&network, &org, &need, "5")).await;
        let res = app
            .post_as(
                &anna,
                "/api/market/publication",
                &form(&[
                    ("dialogue", &dialogue),
                    ("supplier_places", "5"),
                    ("audience", "invited"),
                    ("audience_reason", "Bara tre tillverkare finns."),
                ]),
            )
            .await;
        assert!(ok(&res), "{}", res.body);
        announce(&app, &anna, &dialogue).await;
        let page = app.get(&format!("/marknadsdialoger/{dialogue}")).await;
        assert!(page.body.contains("/konto/logga-in?till="), "{}", page.body);
        assert!(!page.body.contains("Dialog om elbussar"));
        assert!(!page.body.contains("Bara tre tillverkare"));
    }
);
