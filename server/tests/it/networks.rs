//! Networks: created by a verified organisation's member, the lifecycle's
//! arrows only (by coordinators, with a reason, in the audit log), and a
//! hidden network that answers outsiders exactly like no network at all.

use crate::helpers::{form, TestApp};

pub const PASSWORD: &str = "gröna äpplen i november";

/// A verified person in a verified organisation; (cookie, organisation id).
pub async fn coordinator(app: &TestApp, email: &str, number: &str) -> (String, String) {
    let cookie = app.verified_user(email, PASSWORD).await;
    let res = app
        .post_as(
            &cookie,
            "/api/organisations/register",
            &form(&[
                ("org_number", number),
                ("name", &format!("Organisation {number}")),
                ("kind", "kommun"),
                ("lan", "01"),
                ("kommun", "0180"),
                ("website", ""),
            ]),
        )
        .await;
    let org = res
        .header("location")
        .trim_start_matches("/organisationer/")
        .split('?')
        .next()
        .unwrap()
        .to_string();
    sqlx::query("UPDATE organisations SET verified_at = 1 WHERE public_id = $1")
        .bind(&org)
        .execute(app.db.pool())
        .await
        .unwrap();
    (cookie, org)
}

pub fn network_form(name: &str, organisation: &str, visibility: &str) -> String {
    form(&[
        ("name", name),
        ("purpose", "Fossilfria transporter i kommunerna."),
        ("organisation", organisation),
        ("staircase", "introducera"),
        ("regions[]", "01"),
        ("regions[]", "03"),
        ("themes[]", "60"),
        ("themes[]", "34"),
        ("visibility", visibility),
        ("join_policy", "request"),
    ])
}

pub async fn create(
    app: &TestApp,
    cookie: &str,
    name: &str,
    org: &str,
    visibility: &str,
) -> String {
    let res = app
        .post_as(
            cookie,
            "/api/networks/create",
            &network_form(name, org, visibility),
        )
        .await;
    assert!(
        res.status.is_success() || res.status.is_redirection(),
        "{}",
        res.body
    );
    res.header("location")
        .trim_start_matches("/natverk/")
        .split('?')
        .next()
        .unwrap()
        .to_string()
}

db_test!(
    a_verified_organisations_member_starts_a_network_as_coordinator,
    |app| {
        let (anna, org) = coordinator(&app, "anna@stockholm.se", "212000-0142").await;
        let network = create(&app, &anna, "Fossilfria transporter", &org, "listed").await;
        let page = app.get_as(&anna, &format!("/natverk/{network}")).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("Fossilfria transporter"));
        assert!(
            page.body.contains("Organisation 212000-0142")
                && page
                    .body
                    .contains(r#"<option value="coordinator" selected"#),
            "{}",
            page.body
        );
        assert!(page.body.contains("Stockholms län, Uppsala län"));
        assert!(
            page.body.contains(
                "Transportutrustning och transporthjälpmedel, Transporter (utom avfallstransport)"
            ),
            "themes by their official Swedish names"
        );
        assert!(page.body.contains("Under bildande"));
        let (action,): (String,) = sqlx::query_as("SELECT action FROM network_audit")
            .fetch_one(app.db.pool())
            .await
            .unwrap();
        assert_eq!(action, "created");

        let taken = app
            .post_as(
                &anna,
                "/api/networks/create",
                &network_form("  fossilfria   TRANSPORTER ", &org, "listed"),
            )
            .await;
        assert_eq!(taken.status, 409, "names are unique whatever their case");
    }
);

db_test!(
    an_unverified_organisation_cannot_start_a_network_and_nothing_is_saved,
    |app| {
        let (anna, org) = coordinator(&app, "anna@stockholm.se", "212000-0142").await;
        sqlx::query("UPDATE organisations SET verified_at = NULL")
            .execute(app.db.pool())
            .await
            .unwrap();
        let res = app
            .post_as(
                &anna,
                "/api/networks/create",
                &network_form("Nätverket", &org, "listed"),
            )
            .await;
        assert_eq!(res.status, 400);
        assert!(
            res.body.contains(r#""field":"organisation""#),
            "{}",
            res.body
        );
        let no_regions = form(&[
            ("name", "Nätverket"),
            ("purpose", "Syfte"),
            ("organisation", &org),
            ("staircase", "initiera"),
            ("visibility", "listed"),
            ("join_policy", "request"),
        ]);
        let res = app
            .post_as(&anna, "/api/networks/create", &no_regions)
            .await;
        assert!(res.body.contains(r#""field":"regions""#), "{}", res.body);
        assert!(res.body.contains(r#""field":"themes""#), "{}", res.body);
        let unknown_theme =
            network_form("Nätverket", &org, "listed").replace("themes%5B%5D=60", "themes%5B%5D=46");
        let res = app
            .post_as(&anna, "/api/networks/create", &unknown_theme)
            .await;
        assert_eq!(res.status, 400, "46 is no CPV division");
        assert!(res.body.contains(r#""field":"themes""#), "{}", res.body);
        assert_eq!(app.count("networks").await, 0);
    }
);

db_test!(
    only_the_lifecycle_arrows_are_taken_by_coordinators_with_a_reason,
    |app| {
        let (anna, org) = coordinator(&app, "anna@stockholm.se", "212000-0142").await;
        let network = create(&app, &anna, "Nätverket", &org, "listed").await;
        let status = |to: &str, reason: &str| {
            form(&[("network", &network), ("status", to), ("reason", reason)])
        };
        let bo = app.verified_user("bo@lund.se", PASSWORD).await;
        let outsider = app
            .post_as(&bo, "/api/networks/status", &status("active", "Vi börjar"))
            .await;
        assert_eq!(outsider.status, 403);

        let skip = app
            .post_as(&anna, "/api/networks/status", &status("closed", "Direkt"))
            .await;
        assert_eq!(skip.status, 400, "forming cannot close at once");
        let no_reason = app
            .post_as(&anna, "/api/networks/status", &status("active", " "))
            .await;
        assert_eq!(no_reason.status, 400);
        for (to, ok) in [
            ("active", true),
            ("forming", false),
            ("dormant", true),
            ("active", true),
            ("dormant", true),
            ("closed", true),
            ("active", false),
        ] {
            let res = app
                .post_as(
                    &anna,
                    "/api/networks/status",
                    &status(to, "Beslut på mötet"),
                )
                .await;
            assert_eq!(
                res.status.is_success() || res.status.is_redirection(),
                ok,
                "→ {to}: {}",
                res.body
            );
        }
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM network_audit WHERE action = 'status_changed' AND reason = 'Beslut på mötet'")
        .fetch_one(app.db.pool())
        .await
        .unwrap();
        assert_eq!(n, 5);
        let page = app.get_as(&anna, &format!("/natverk/{network}")).await;
        assert!(
            page.body
                .contains("Ändrade nätverkets status från Vilande till Avslutat"),
            "the log reads as words, not codes"
        );
        assert!(!page.body.contains("dormant → closed"));
    }
);

db_test!(
    a_hidden_network_answers_outsiders_like_one_that_does_not_exist,
    |app| {
        let (anna, org) = coordinator(&app, "anna@stockholm.se", "212000-0142").await;
        let hidden = create(&app, &anna, "Det dolda nätverket", &org, "hidden").await;
        let listed = create(&app, &anna, "Det öppna nätverket", &org, "listed").await;
        let bo = app.verified_user("bo@lund.se", PASSWORD).await;

        let secret = app.get_as(&bo, &format!("/natverk/{hidden}")).await;
        let nothing = app.get_as(&bo, "/natverk/finnsinteallsxyz").await;
        assert_eq!(secret.status, 404);
        assert_eq!(nothing.status, 404);
        assert!(!secret.body.contains("Det dolda"));
        let strip = |body: &str| body.replace(&hidden, "").replace("finnsinteallsxyz", "");
        assert_eq!(
            strip(&secret.body).len(),
            strip(&nothing.body).len(),
            "the same page"
        );
        let via_api = app
            .post_as(&bo, "/api/networks/view", &form(&[("network", &hidden)]))
            .await;
        assert_eq!(via_api.status, 404);
        let status = app
            .post_as(
                &bo,
                "/api/networks/status",
                &form(&[("network", &hidden), ("status", "active"), ("reason", "x")]),
            )
            .await;
        assert_eq!(
            status.status, 404,
            "not even its existence leaks through a mutation"
        );

        let open = app.get_as(&bo, &format!("/natverk/{listed}")).await;
        assert_eq!(open.status, 200);
        assert!(
            open.body.contains("Det öppna nätverket")
                && open
                    .body
                    .contains("Innehållet visas bara för nätverkets medlemmar")
        );
        assert!(
            !open.body.contains(r#"id="behov""#),
            "no content for outsiders"
        );
        assert_eq!(
            app.get(&format!("/natverk/{listed}"))
                .await
                .header("location"),
            format!("/konto/logga-in?till=%2Fnatverk%2F{listed}")
        );
    }
);

/// Maja of Malmö, whose kommun the coordinator invites into `network`
/// as a member and which accepts: a member that hosts nothing. Her cookie.
pub async fn malmo_member(app: &TestApp, coordinator_cookie: &str, network: &str) -> String {
    let (maja, org) = coordinator(app, "maja@malmo.se", "212000-1173").await;
    invited_and_accepted(
        app,
        coordinator_cookie,
        network,
        &maja,
        &org,
        "212000-1173",
        "member",
    )
    .await;
    maja
}

/// The coordinator invites the organisation `number` with `role`, and its
/// admin accepts.
#[allow(clippy::too_many_arguments)]
pub async fn invited_and_accepted(
    app: &TestApp,
    coordinator: &str,
    network: &str,
    member: &str,
    organisation: &str,
    number: &str,
    role: &str,
) {
    let invited = app
        .post_as(
            coordinator,
            "/api/networks/invite",
            &form(&[("network", network), ("org_number", number), ("role", role)]),
        )
        .await;
    assert!(crate::helpers::ok(&invited), "{}", invited.body);
    let accepted = app
        .post_as(
            member,
            "/api/networks/answer-invitation",
            &form(&[
                ("network", network),
                ("organisation", organisation),
                ("answer", "accept"),
            ]),
        )
        .await;
    assert!(crate::helpers::ok(&accepted), "{}", accepted.body);
}

pub fn join(network: &str, organisation: &str, motivation: &str) -> String {
    form(&[
        ("network", network),
        ("organisation", organisation),
        ("motivation", motivation),
    ])
}

/// A coordinator's decision; a refusal is sent by its confirming button.
fn decision(network: &str, organisation: &str, decision: &str, reason: &str) -> String {
    form(&[
        ("network", network),
        ("organisation", organisation),
        ("decision", decision),
        ("reason", reason),
        ("confirm", if decision == "refuse" { "ja" } else { "" }),
    ])
}

pub async fn audit_actions(app: &TestApp) -> Vec<String> {
    sqlx::query_as::<_, (String,)>("SELECT action FROM network_audit ORDER BY id")
        .fetch_all(app.db.pool())
        .await
        .unwrap()
        .into_iter()
        .map(|(a,)| a)
        .collect()
}

db_test!(
    an_organisation_asks_to_join_a_coordinator_approves_and_it_reads_the_content,
    |app| {
        let (anna, a_org) = coordinator(&app, "anna@stockholm.se", "212000-0142").await;
        let network = create(&app, &anna, "Nätverket", &a_org, "listed").await;
        let (bo, b_org) = coordinator(&app, "bo@lund.se", "212000-1355").await;
        let before = app.get_as(&bo, &format!("/natverk/{network}")).await;
        assert!(
            before.body.contains("Ansök om medlemskap") && !before.body.contains(r#"id="behov""#)
        );

        let res = app
            .post_as(
                &bo,
                "/api/networks/request-join",
                &join(&network, &b_org, "Vi har samma behov."),
            )
            .await;
        assert!(
            res.status.is_success() || res.status.is_redirection(),
            "{}",
            res.body
        );
        let again = app
            .post_as(
                &bo,
                "/api/networks/request-join",
                &join(&network, &b_org, "Igen"),
            )
            .await;
        assert_eq!(again.status, 409, "one request at a time");
        assert!(app
            .get_as(&bo, &format!("/natverk/{network}"))
            .await
            .body
            .contains("väntar på beslut"));
        assert!(app
            .get_as(&anna, &format!("/natverk/{network}"))
            .await
            .body
            .contains("Vi har samma behov."));

        let res = app
            .post_as(
                &anna,
                "/api/networks/decide-join",
                &decision(&network, &b_org, "approve", ""),
            )
            .await;
        assert!(
            res.status.is_success() || res.status.is_redirection(),
            "{}",
            res.body
        );
        let after = app.get_as(&bo, &format!("/natverk/{network}")).await;
        assert!(
            after.body.contains(r#"id="behov""#),
            "a member reads the content"
        );
        assert!(after.body.contains("Organisation 212000-1355") && after.body.contains("(medlem)"));
        assert_eq!(
            audit_actions(&app).await,
            ["created", "join_requested", "join_approved"]
        );
    }
);

db_test!(a_refusal_needs_a_reason_and_the_requester_sees_it, |app| {
    let (anna, a_org) = coordinator(&app, "anna@stockholm.se", "212000-0142").await;
    let network = create(&app, &anna, "Nätverket", &a_org, "listed").await;
    let (bo, b_org) = coordinator(&app, "bo@lund.se", "212000-1355").await;
    app.post_as(
        &bo,
        "/api/networks/request-join",
        &join(&network, &b_org, "Vi vill vara med."),
    )
    .await;
    let bare = app
        .post_as(
            &anna,
            "/api/networks/decide-join",
            &decision(&network, &b_org, "refuse", " "),
        )
        .await;
    assert_eq!(bare.status, 400);
    let res = app
        .post_as(
            &anna,
            "/api/networks/decide-join",
            &decision(
                &network,
                &b_org,
                "refuse",
                "Nätverket gäller bara Stockholms län.",
            ),
        )
        .await;
    assert!(
        res.status.is_success() || res.status.is_redirection(),
        "{}",
        res.body
    );
    let page = app.get_as(&bo, &format!("/natverk/{network}")).await;
    let state = page
        .body
        .split("class=\"request-state\"")
        .nth(1)
        .expect("the requester sees the state of the request");
    assert!(state.contains("avslogs: "), "{state}");
    assert!(
        state.contains("Nätverket gäller bara Stockholms län."),
        "{state}"
    );
    let (reason,): (String,) =
        sqlx::query_as("SELECT reason FROM network_audit WHERE action = 'join_refused'")
            .fetch_one(app.db.pool())
            .await
            .unwrap();
    assert_eq!(reason, "Nätverket gäller bara Stockholms län.");
});

db_test!(
    only_an_organisations_admin_asks_and_only_coordinators_decide,
    |app| {
        let (anna, a_org) = coordinator(&app, "anna@stockholm.se", "212000-0142").await;
        let network = create(&app, &anna, "Nätverket", &a_org, "listed").await;
        let invite_only = create(&app, &anna, "Slutna nätverket", &a_org, "listed").await;
        sqlx::query("UPDATE networks SET join_policy = 'invitation' WHERE public_id = $1")
            .bind(&invite_only)
            .execute(app.db.pool())
            .await
            .unwrap();
        let (bo, b_org) = coordinator(&app, "bo@lund.se", "212000-1355").await;
        let cilla = app.verified_user("cilla@lund.se", PASSWORD).await;

        let not_admin = app
            .post_as(
                &cilla,
                "/api/networks/request-join",
                &join(&network, &b_org, "Hej"),
            )
            .await;
        assert_eq!(not_admin.status, 403);
        let closed_door = app
            .post_as(
                &bo,
                "/api/networks/request-join",
                &join(&invite_only, &b_org, "Hej"),
            )
            .await;
        assert_eq!(closed_door.status, 403, "invitation only");
        app.post_as(
            &bo,
            "/api/networks/request-join",
            &join(&network, &b_org, "Hej"),
        )
        .await;
        let by_requester = app
            .post_as(
                &bo,
                "/api/networks/decide-join",
                &decision(&network, &b_org, "approve", ""),
            )
            .await;
        assert_eq!(by_requester.status, 403);
        let nonsense = app
            .post_as(
                &anna,
                "/api/networks/decide-join",
                &decision(&network, &b_org, "kanske", ""),
            )
            .await;
        assert_eq!(nonsense.status, 400);
        let nothing = app
            .post_as(
                &anna,
                "/api/networks/decide-join",
                &decision(&network, &a_org, "approve", ""),
            )
            .await;
        assert_eq!(nothing.status, 404, "nothing waits from that organisation");
    }
);

db_test!(the_last_coordinator_cannot_leave_but_a_member_can, |app| {
    let (anna, a_org) = coordinator(&app, "anna@stockholm.se", "212000-0142").await;
    let network = create(&app, &anna, "Nätverket", &a_org, "listed").await;
    let (bo, b_org) = coordinator(&app, "bo@lund.se", "212000-1355").await;
    app.post_as(
        &bo,
        "/api/networks/request-join",
        &join(&network, &b_org, "Hej"),
    )
    .await;
    app.post_as(
        &anna,
        "/api/networks/decide-join",
        &decision(&network, &b_org, "approve", ""),
    )
    .await;

    let unconfirmed = app
        .post_as(
            &bo,
            "/api/networks/leave",
            &form(&[("network", &network), ("organisation", &b_org)]),
        )
        .await;
    assert_eq!(unconfirmed.status, 400, "leaving is confirmed first");
    assert!(
        unconfirmed.body.contains("not_confirmed"),
        "{}",
        unconfirmed.body
    );
    let leave = |org: &str| {
        form(&[
            ("network", &network),
            ("organisation", org),
            ("confirm", "ja"),
        ])
    };
    let last = app
        .post_as(&anna, "/api/networks/leave", &leave(&a_org))
        .await;
    assert_eq!(last.status, 409);
    assert!(last.body.contains("last_coordinator"));
    let res = app
        .post_as(&bo, "/api/networks/leave", &leave(&b_org))
        .await;
    assert!(
        res.status.is_success() || res.status.is_redirection(),
        "{}",
        res.body
    );
    assert!(!app
        .get_as(&bo, &format!("/natverk/{network}"))
        .await
        .body
        .contains(r#"id="behov""#));
    assert_eq!(
        audit_actions(&app).await.last().map(String::as_str),
        Some("left")
    );
    let someone_elses = app
        .post_as(&bo, "/api/networks/leave", &leave(&a_org))
        .await;
    assert_eq!(someone_elses.status, 403);
});

db_test!(
    my_networks_lists_my_organisations_networks_and_only_those,
    |app| {
        let (anna, a_org) = coordinator(&app, "anna@stockholm.se", "212000-0142").await;
        create(&app, &anna, "Fossilfria transporter", &a_org, "hidden").await;
        let mine = app.get_as(&anna, "/natverk/mina").await;
        assert!(mine.body.contains("Fossilfria transporter") && mine.body.contains("samordnare"));
        let bo = app.verified_user("bo@lund.se", PASSWORD).await;
        let theirs = app.get_as(&bo, "/natverk/mina").await;
        assert!(!theirs.body.contains("Fossilfria transporter"));
    }
);

db_test!(
    coordinators_download_the_audit_log_as_csv_and_nobody_else,
    |app| {
        let (anna, a_org) = coordinator(&app, "anna@stockholm.se", "212000-0142").await;
        let network = create(&app, &anna, "Nätverket", &a_org, "hidden").await;
        app.post_as(
            &anna,
            "/api/networks/status",
            &form(&[
                ("network", &network),
                ("status", "active"),
                ("reason", "Startmöte; alla eniga"),
            ]),
        )
        .await;
        let csv = app
            .get_as(&anna, &format!("/natverk/{network}/logg.csv"))
            .await;
        assert_eq!(csv.status, 200);
        assert!(csv.header("content-type").starts_with("text/csv"));
        assert!(
            csv.body.contains("\"created\";\"Nätverket\""),
            "{}",
            csv.body
        );
        assert!(
            csv.body.contains("\"Startmöte; alla eniga\""),
            "{}",
            csv.body
        );
        assert_eq!(csv.body.lines().count(), 3, "a header and two entries");

        let (bo, b_org) = coordinator(&app, "bo@lund.se", "212000-1355").await;
        assert_eq!(
            app.get_as(&bo, &format!("/natverk/{network}/logg.csv"))
                .await
                .status,
            404,
            "hidden: as if absent"
        );
        let listed = create(&app, &bo, "Öppet", &b_org, "listed").await;
        assert_eq!(
            app.get_as(&anna, &format!("/natverk/{listed}/logg.csv"))
                .await
                .status,
            403
        );
        assert_eq!(
            app.get(&format!("/natverk/{listed}/logg.csv")).await.status,
            401
        );
    }
);
