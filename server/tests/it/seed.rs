//! `samrad seed`: the demo story is there to sign in to, the same every
//! time, and a seed never mixes with data already in the database.

use crate::helpers::TestApp;
use server::seed::{seed, Scale, PASSWORD};

async fn first_network(app: &TestApp) -> (String, String) {
    sqlx::query_as("SELECT public_id, name FROM networks ORDER BY id LIMIT 1")
        .fetch_one(app.db.pool())
        .await
        .unwrap()
}

db_test!(
    the_demo_story_can_be_signed_in_to_and_shows_a_need_with_its_demand,
    |app| {
        seed(&app.db, Scale::Demo, &mut |_| {})
            .await
            .expect("seeded");
        let cookie = app
            .sign_in("ali@uppsala.se", PASSWORD)
            .await
            .expect("a demo account");
        let (network, name) = first_network(&app).await;
        assert_eq!(name, "Fossilfria transporter i Mälardalen");
        let page = app.get_as(&cookie, &format!("/natverk/{network}")).await;
        assert!(
            page.body.contains("Eldrivna bussar i linjetrafik"),
            "{}",
            page.body
        );
        let (need,): (String,) =
            sqlx::query_as("SELECT public_id FROM needs WHERE status = 'shared'")
                .fetch_one(app.db.pool())
                .await
                .unwrap();
        let need_page = app.get_as(&cookie, &format!("/behov/{need}")).await;
        assert!(
            need_page.body.contains("<dt>Organisationer</dt><dd>3</dd>"),
            "{}",
            need_page.body
        );
        assert!(need_page.body.contains("Krav 2"));

        let (dialogue,): (String,) = sqlx::query_as("SELECT public_id FROM dialogues")
            .fetch_one(app.db.pool())
            .await
            .unwrap();
        let dialogue_page = app.get_as(&cookie, &format!("/dialoger/{dialogue}")).await;
        assert!(dialogue_page.body.contains("Dialogmöte om eldrivna bussar"));
        assert!(
            dialogue_page
                .body
                .contains("Ja, och om laddtider när det är kallt.")
                && dialogue_page.body.contains("comment--depth-1"),
            "the demo discussion is a thread"
        );

        let again = seed(&app.db, Scale::Demo, &mut |_| {}).await;
        assert!(again.is_err(), "a second seed is refused");
        assert_eq!(app.count("organisations").await, 6);
    }
);

db_test!(seeding_is_deterministic, |app| {
    seed(&app.db, Scale::Demo, &mut |_| {})
        .await
        .expect("seeded");
    let other = TestApp::spawn(app.db.engine())
        .await
        .expect("a second database");
    seed(&other.db, Scale::Demo, &mut |_| {})
        .await
        .expect("seeded");
    assert_eq!(first_network(&app).await, first_network(&other).await);
    let ids = |a: &TestApp| {
        let pool = a.db.pool().clone();
        async move {
            sqlx::query_as::<_, (String, String)>(
                "SELECT public_id, org_number FROM organisations ORDER BY id",
            )
            .fetch_all(&pool)
            .await
            .unwrap()
        }
    };
    assert_eq!(ids(&app).await, ids(&other).await);
});

db_test!(
    the_demo_story_has_a_supplier_side_on_the_public_board,
    |app| {
        seed(&app.db, Scale::Demo, &mut |_| {})
            .await
            .expect("seeded");
        let board = app.get("/marknadsdialoger").await;
        assert!(
            board.body.contains("Dialogmöte om eldrivna bussar"),
            "{}",
            board.body
        );
        let (dialogue,): (String,) = sqlx::query_as("SELECT public_id FROM dialogues")
            .fetch_one(app.db.pool())
            .await
            .unwrap();
        let page = app.get(&format!("/marknadsdialoger/{dialogue}")).await;
        assert!(
            page.body.contains("Högst sex timmar"),
            "the published answer"
        );
        assert!(
            !page.body.contains("för vår offert"),
            "the question as asked stays with the hosts"
        );
        let sara = app
            .sign_in("sara@laddbolaget.se", PASSWORD)
            .await
            .expect("the demo supplier's person");
        let res = app
            .post_as(
                &sara,
                "/api/market/dialogue",
                &crate::helpers::form(&[("dialogue", &dialogue)]),
            )
            .await;
        let view: app::dialogues::market::PublicView = serde_json::from_str(&res.body).unwrap();
        assert_eq!(view.suppliers.len(), 1);
        assert!(view.suppliers[0].registered && view.questions_open);
        let slots = view
            .slots
            .as_ref()
            .expect("individual meetings are offered");
        assert_eq!(slots.slots.len(), 4);
        assert!(slots.open && slots.slots.iter().all(|s| s.ahead));
        assert_eq!(
            slots.slots.iter().filter(|s| !s.free).count(),
            1,
            "Elbuss booked one"
        );
        assert!(
            slots.slots.iter().all(|s| s.held_by.is_none()),
            "and Sara sees it taken, not by whom"
        );
        let (email,): (String,) = sqlx::query_as(
            "SELECT a.email FROM dialogue_hosts h \
             JOIN organisation_members m ON m.organisation_id = h.organisation_id \
             JOIN accounts a ON a.id = m.account_id ORDER BY a.id LIMIT 1",
        )
        .fetch_one(app.db.pool())
        .await
        .unwrap();
        let host = app.sign_in(&email, PASSWORD).await.expect("a host");
        let res = app
            .post_as(
                &host,
                "/api/market/host",
                &crate::helpers::form(&[("dialogue", &dialogue)]),
            )
            .await;
        let host_view: app::dialogues::market::HostView =
            serde_json::from_str(&res.body).unwrap_or_else(|_| panic!("{}", res.body));
        let told = host_view
            .information
            .iter()
            .find(|e| e.kind == app::dialogues::market::InformationKind::Answer)
            .expect("the answer is logged");
        assert_eq!(
            told.recipients,
            ["Elbuss Sverige AB", "Laddbolaget Norden AB"]
        );
        // Laddbolaget's written answer, with its request for confidentiality
        // and a digest the product's own rule gives.
        let mine: app::dialogues::answers::AnswerPage = serde_json::from_str(
            &app.post_as(
                &sara,
                "/api/answers/page",
                &crate::helpers::form(&[("dialogue", &dialogue)]),
            )
            .await
            .body,
        )
        .unwrap();
        assert_eq!(mine.submitted.len(), 1);
        assert!(mine.submitted[0].secret && mine.open);
        let res = app
            .post_as(
                &host,
                "/api/answers/submission",
                &crate::helpers::form(&[
                    ("dialogue", &dialogue),
                    ("answer", &mine.submitted[0].public_id),
                ]),
            )
            .await;
        let answer: app::dialogues::answers::Submission =
            serde_json::from_str(&res.body).unwrap_or_else(|_| panic!("{}", res.body));
        assert_eq!(answer.digest, answer.content.digest().unwrap());
        assert_eq!(answer.supplier_name, "Laddbolaget Norden AB");
        // Its price sheet is a PDF as the upload would have taken it, and
        // the answer form still holds it.
        let sheet = &answer.content.attachments[0];
        assert!(sheet.secret.is_some());
        let (status, _, bytes) = app
            .get_bytes(
                Some(&host),
                &format!(
                    "/dialoger/{dialogue}/svar/{}/bilagor/1",
                    mine.submitted[0].public_id
                ),
            )
            .await;
        assert_eq!(status, 200);
        assert_eq!(app::core::files::sha256_hex(&bytes), sheet.sha256);
        let taken = app::core::files::Upload::parse(app::core::files::SentFile {
            name: sheet.name.clone(),
            bytes,
            over_limit: false,
        });
        assert!(taken.is_ok(), "{taken:?}");
        assert_eq!(mine.files.len(), 1);
    }
);
