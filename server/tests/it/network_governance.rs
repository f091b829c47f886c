//! Governing a network: invitations (by number, accepted or declined),
//! role changes that always keep a coordinator, and the directory with its
//! filters and pages, which never shows or counts a hidden network to
//! outsiders.

use crate::helpers::{form, ok as done, TestApp};
use crate::networks::{audit_actions, coordinator, create, network_form, PASSWORD};

fn invite(network: &str, number: &str, role: &str) -> String {
    form(&[("network", network), ("org_number", number), ("role", role)])
}

fn answer(network: &str, organisation: &str, answer: &str) -> String {
    form(&[
        ("network", network),
        ("organisation", organisation),
        ("answer", answer),
    ])
}

db_test!(
    a_coordinator_invites_by_number_and_the_invited_organisation_accepts,
    |app| {
        let (anna, a_org) = coordinator(&app, "anna@stockholm.se", "212000-0142").await;
        let network = create(&app, &anna, "Det dolda nätverket", &a_org, "hidden").await;
        let (bo, b_org) = coordinator(&app, "bo@lund.se", "212000-1355").await;

        let typo = app
            .post_as(
                &anna,
                "/api/networks/invite",
                &invite(&network, "212000-1356", "member"),
            )
            .await;
        assert_eq!(typo.status, 400);
        assert!(
            typo.body.contains("org_number_check_digit"),
            "{}",
            typo.body
        );
        let unknown = app
            .post_as(
                &anna,
                "/api/networks/invite",
                &invite(&network, "202100-5489", "member"),
            )
            .await;
        assert!(
            unknown.body.contains("unknown_organisation"),
            "{}",
            unknown.body
        );
        let as_coordinator = app
            .post_as(
                &anna,
                "/api/networks/invite",
                &invite(&network, "212000-1355", "coordinator"),
            )
            .await;
        assert_eq!(
            as_coordinator.status, 400,
            "an invitation offers member or observer"
        );

        let res = app
            .post_as(
                &anna,
                "/api/networks/invite",
                &invite(&network, "2120001355", "observer"),
            )
            .await;
        assert!(done(&res), "{}", res.body);
        let again = app
            .post_as(
                &anna,
                "/api/networks/invite",
                &invite(&network, "212000-1355", "member"),
            )
            .await;
        assert_eq!(again.status, 409, "one invitation at a time");
        let coordinator_page = app.get_as(&anna, &format!("/natverk/{network}")).await;
        assert!(coordinator_page
            .body
            .contains("Inbjudna som inte svarat än"));

        // The hidden network is still hidden from the invited organisation's
        // page, but its invitation names it on "Mina nätverk".
        assert_eq!(
            app.get_as(&bo, &format!("/natverk/{network}")).await.status,
            404
        );
        let mine = app.get_as(&bo, "/natverk/mina").await;
        assert!(
            mine.body.contains("Det dolda nätverket")
                && mine.body.contains("inbjuden som observatör"),
            "{}",
            mine.body
        );
        let someone = app.verified_user("cilla@lund.se", PASSWORD).await;
        let not_theirs = app
            .post_as(
                &someone,
                "/api/networks/answer-invitation",
                &answer(&network, &b_org, "accept"),
            )
            .await;
        assert_eq!(
            not_theirs.status, 404,
            "only the invited organisation's admins answer"
        );

        let res = app
            .post_as(
                &bo,
                "/api/networks/answer-invitation",
                &answer(&network, &b_org, "accept"),
            )
            .await;
        assert!(done(&res), "{}", res.body);
        let page = app.get_as(&bo, &format!("/natverk/{network}")).await;
        assert_eq!(page.status, 200);
        assert!(
            page.body.contains("Organisation 212000-1355") && page.body.contains("(observatör)")
        );
        assert!(
            page.body.contains(r#"id="behov""#),
            "observers read the content"
        );
        let twice = app
            .post_as(
                &bo,
                "/api/networks/answer-invitation",
                &answer(&network, &b_org, "accept"),
            )
            .await;
        assert_eq!(twice.status, 404, "the invitation is used up");
        assert_eq!(
            audit_actions(&app).await,
            ["created", "invited", "invitation_accepted"]
        );
    }
);

db_test!(
    a_declined_invitation_leaves_no_membership_and_may_be_sent_again,
    |app| {
        let (anna, a_org) = coordinator(&app, "anna@stockholm.se", "212000-0142").await;
        let network = create(&app, &anna, "Nätverket", &a_org, "listed").await;
        let (bo, b_org) = coordinator(&app, "bo@lund.se", "212000-1355").await;
        app.post_as(
            &anna,
            "/api/networks/invite",
            &invite(&network, "212000-1355", "member"),
        )
        .await;
        let res = app
            .post_as(
                &bo,
                "/api/networks/answer-invitation",
                &answer(&network, &b_org, "decline"),
            )
            .await;
        assert!(done(&res), "{}", res.body);
        assert!(!app
            .get_as(&bo, "/natverk/mina")
            .await
            .body
            .contains("Tacka ja"));
        let page = app.get_as(&bo, &format!("/natverk/{network}")).await;
        assert!(!page.body.contains(r#"id="behov""#), "not a member");
        let again = app
            .post_as(
                &anna,
                "/api/networks/invite",
                &invite(&network, "212000-1355", "member"),
            )
            .await;
        assert!(done(&again), "{}", again.body);
        assert_eq!(
            audit_actions(&app).await,
            ["created", "invited", "invitation_declined", "invited"]
        );
    }
);

db_test!(
    roles_change_but_the_last_coordinator_cannot_be_demoted,
    |app| {
        let (anna, a_org) = coordinator(&app, "anna@stockholm.se", "212000-0142").await;
        let network = create(&app, &anna, "Nätverket", &a_org, "listed").await;
        let (bo, b_org) = coordinator(&app, "bo@lund.se", "212000-1355").await;
        app.post_as(
            &anna,
            "/api/networks/invite",
            &invite(&network, "212000-1355", "member"),
        )
        .await;
        app.post_as(
            &bo,
            "/api/networks/answer-invitation",
            &answer(&network, &b_org, "accept"),
        )
        .await;
        let role = |organisation: &str, role: &str| {
            form(&[
                ("network", &network),
                ("organisation", organisation),
                ("role", role),
            ])
        };

        let alone = app
            .post_as(&anna, "/api/networks/role", &role(&a_org, "member"))
            .await;
        assert_eq!(alone.status, 409);
        assert!(alone.body.contains("last_coordinator"), "{}", alone.body);
        let by_member = app
            .post_as(&bo, "/api/networks/role", &role(&b_org, "coordinator"))
            .await;
        assert_eq!(
            by_member.status, 403,
            "members do not give themselves roles"
        );
        let bogus = app
            .post_as(&anna, "/api/networks/role", &role(&b_org, "chef"))
            .await;
        assert_eq!(bogus.status, 400);

        let promote = app
            .post_as(&anna, "/api/networks/role", &role(&b_org, "coordinator"))
            .await;
        assert!(done(&promote), "{}", promote.body);
        let step_down = app
            .post_as(&anna, "/api/networks/role", &role(&a_org, "observer"))
            .await;
        assert!(done(&step_down), "{}", step_down.body);
        let anna_now = app
            .post_as(
                &anna,
                "/api/networks/status",
                &form(&[("network", &network), ("status", "active"), ("reason", "x")]),
            )
            .await;
        assert_eq!(anna_now.status, 403, "an observer no longer governs");
        let last = app
            .post_as(&bo, "/api/networks/role", &role(&b_org, "member"))
            .await;
        assert_eq!(
            last.status, 409,
            "now Bo's organisation is the last coordinator"
        );
        let (subject,): (String,) = sqlx::query_as(
            "SELECT subject FROM network_audit WHERE action = 'role_changed' ORDER BY id DESC LIMIT 1",
        )
        .fetch_one(app.db.pool())
        .await
        .unwrap();
        assert_eq!(subject, "Organisation 212000-0142: coordinator → observer");
    }
);

/// Creates a listed network with one theme and one län, straight through
/// the API, by the coordinator's organisation.
async fn listed(app: &TestApp, cookie: &str, org: &str, name: &str, theme: &str, lan: &str) {
    let body = network_form(name, org, "listed")
        .replace(
            "themes%5B%5D=60&themes%5B%5D=34",
            &format!("themes%5B%5D={theme}"),
        )
        .replace(
            "regions%5B%5D=01&regions%5B%5D=03",
            &format!("regions%5B%5D={lan}"),
        );
    let res = app.post_as(cookie, "/api/networks/create", &body).await;
    assert!(done(&res), "{}", res.body);
}

fn directory(params: &[(&str, &str)]) -> String {
    form(params)
}

/// The networks' names on one directory answer, and the total.
fn names_and_total(body: &str) -> (Vec<String>, i64) {
    let page: serde_json::Value = serde_json::from_str(body).expect(body);
    let names = page["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap().to_string())
        .collect();
    (names, page["total"].as_i64().unwrap())
}

db_test!(
    the_directory_filters_by_name_theme_lan_and_openness_and_hides_hidden_networks,
    |app| {
        let (anna, a_org) = coordinator(&app, "anna@stockholm.se", "212000-0142").await;
        listed(&app, &anna, &a_org, "Fossilfria transporter", "60", "01").await;
        listed(&app, &anna, &a_org, "Skolmåltider", "15", "03").await;
        listed(&app, &anna, &a_org, "Transporter i norr", "60", "25").await;
        create(&app, &anna, "Hemliga transporter", &a_org, "hidden").await;
        let closed_to_requests = network_form("Inbjudna transporter", &a_org, "listed")
            .replace("join_policy=request", "join_policy=invitation");
        app.post_as(&anna, "/api/networks/create", &closed_to_requests)
            .await;
        let bo = app.verified_user("bo@lund.se", PASSWORD).await;

        let all = app
            .post_as(&bo, "/api/networks/directory", &directory(&[]))
            .await;
        assert_eq!(all.status, 200, "{}", all.body);
        let (names, total) = names_and_total(&all.body);
        assert_eq!(
            names,
            [
                "Fossilfria transporter",
                "Inbjudna transporter",
                "Skolmåltider",
                "Transporter i norr"
            ]
        );
        assert_eq!(total, 4, "the hidden network is not counted");
        let (names, total) = names_and_total(
            &app.post_as(
                &bo,
                "/api/networks/directory",
                &directory(&[("text", "TRANSPORTER")]),
            )
            .await
            .body,
        );
        assert_eq!(
            names,
            [
                "Fossilfria transporter",
                "Inbjudna transporter",
                "Transporter i norr"
            ]
        );
        assert_eq!(total, 3);
        let (names, _) = names_and_total(
            &app.post_as(
                &bo,
                "/api/networks/directory",
                &directory(&[("theme", "60"), ("lan", "25")]),
            )
            .await
            .body,
        );
        assert_eq!(names, ["Transporter i norr"]);
        let (names, _) = names_and_total(
            &app.post_as(
                &bo,
                "/api/networks/directory",
                &directory(&[("text", "transporter"), ("open", "true")]),
            )
            .await
            .body,
        );
        assert_eq!(names, ["Fossilfria transporter", "Transporter i norr"]);
        let (names, total) = names_and_total(
            &app.post_as(&bo, "/api/networks/directory", &directory(&[("text", "%")]))
                .await
                .body,
        );
        assert!(
            names.is_empty() && total == 0,
            "a % is searched for, not a wildcard"
        );

        // The coordinator's organisation is a member: it sees its hidden one.
        let (names, total) = names_and_total(
            &app.post_as(
                &anna,
                "/api/networks/directory",
                &directory(&[("text", "hemliga")]),
            )
            .await
            .body,
        );
        assert_eq!((names, total), (vec!["Hemliga transporter".to_string()], 1));

        let page = app
            .get_as(&bo, "/natverk?namn=transporter&tema=60&oppna=1")
            .await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("2 nätverk") && page.body.contains("Transporter i norr"));
        assert!(!page.body.contains("Hemliga transporter") && !page.body.contains("Skolmåltider"));
        assert_eq!(
            app.get("/natverk").await.header("location"),
            "/konto/logga-in?till=%2Fnatverk"
        );
    }
);

db_test!(the_directory_pages_by_name_without_gaps_or_repeats, |app| {
    let (anna, a_org) = coordinator(&app, "anna@stockholm.se", "212000-0142").await;
    for i in 0..45 {
        listed(&app, &anna, &a_org, &format!("Nätverk {i:02}"), "60", "01").await;
    }
    let bo = app.verified_user("bo@lund.se", PASSWORD).await;
    let mut seen = Vec::new();
    let mut after = String::new();
    let mut pages = 0;
    loop {
        let res = app
            .post_as(
                &bo,
                "/api/networks/directory",
                &directory(&[("after", &after)]),
            )
            .await;
        let page: serde_json::Value = serde_json::from_str(&res.body).unwrap();
        assert_eq!(page["total"], 45);
        let entries = page["entries"].as_array().unwrap();
        assert!(entries.len() <= 20);
        seen.extend(
            entries
                .iter()
                .map(|e| e["name"].as_str().unwrap().to_string()),
        );
        pages += 1;
        match page["next"].as_str() {
            Some(next) => after = next.to_string(),
            None => break,
        }
    }
    assert_eq!(pages, 3);
    let expected: Vec<String> = (0..45).map(|i| format!("Nätverk {i:02}")).collect();
    assert_eq!(seen, expected);

    let first = app.get_as(&bo, "/natverk").await;
    assert!(first.body.contains("45 nätverk") && first.body.contains(r#"rel="next""#));
    assert!(first.body.contains("Nätverk 19") && !first.body.contains("Nätverk 20"));
});

db_test!(
    coordinators_find_organisations_to_invite_by_name_or_number,
    |app| {
        let (anna, a_org) = coordinator(&app, "anna@stockholm.se", "212000-0142").await;
        let network = create(&app, &anna, "Nätverket", &a_org, "listed").await;
        coordinator(&app, "bo@lund.se", "212000-1355").await;
        let find = |text: &str| form(&[("network", &network), ("text", text)]);
        let by_name = app
            .post_as(
                &anna,
                "/api/networks/find-organisations",
                &find("ORGANISATION 212000-13"),
            )
            .await;
        assert_eq!(by_name.status, 200, "{}", by_name.body);
        assert!(
            by_name.body.contains("Organisation 212000-1355")
                && !by_name.body.contains("212000-0142"),
            "{}",
            by_name.body
        );
        let by_number = app
            .post_as(
                &anna,
                "/api/networks/find-organisations",
                &find("212000-1355"),
            )
            .await;
        assert!(
            by_number.body.contains("Organisation 212000-1355"),
            "{}",
            by_number.body
        );
        let wildcard = app
            .post_as(&anna, "/api/networks/find-organisations", &find("%%"))
            .await;
        assert_eq!(wildcard.body, "[]", "a % is searched for, not a wildcard");
        let page = app
            .get_as(&anna, &format!("/natverk/{network}?sok_org=212000-1355"))
            .await;
        assert!(
            page.body.contains("Organisation 212000-1355 (212000-1355)")
                && page.body.contains("Bjud in")
        );
    }
);
