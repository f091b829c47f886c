//! Organisations: registration with the organisationsnummer rules, join
//! requests decided by the organisation's admins, verification by a site
//! admin, and who sees an organisation's people.

use crate::helpers::{form, Answer, TestApp};

const PASSWORD: &str = "gröna äpplen i november";

fn registration(number: &str, lan: &str, kommun: &str) -> String {
    form(&[
        ("org_number", number),
        ("name", "Stockholms stad"),
        ("kind", "kommun"),
        ("lan", lan),
        ("kommun", kommun),
        ("website", "https://start.stockholm"),
    ])
}

fn field_problems(res: &Answer) -> Vec<(String, String)> {
    let json: serde_json::Value = serde_json::from_str(&res.body).unwrap_or_default();
    json["fields"]
        .as_array()
        .map(|fields| {
            fields
                .iter()
                .map(|f| {
                    (
                        f["field"].as_str().unwrap_or_default().to_string(),
                        f["problem"]["problem"]
                            .as_str()
                            .unwrap_or_default()
                            .to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Registers Stockholms stad as `cookie`'s person; returns the page path.
async fn register(app: &TestApp, cookie: &str, number: &str) -> String {
    let res = app
        .post_as(
            cookie,
            "/api/organisations/register",
            &registration(number, "01", "0180"),
        )
        .await;
    assert!(
        res.status.is_success() || res.status.is_redirection(),
        "{}",
        res.body
    );
    res.header("location").to_string()
}

/// Marks the organisation verified, as a site admin does after checking.
async fn verified(app: &TestApp, org: &str) {
    sqlx::query("UPDATE organisations SET verified_at = 1 WHERE public_id = $1")
        .bind(org)
        .execute(app.db.pool())
        .await
        .unwrap();
}

fn public_id(location: &str) -> String {
    location
        .trim_start_matches("/organisationer/")
        .split('?')
        .next()
        .unwrap()
        .to_string()
}

async fn account_id(app: &TestApp, email: &str) -> i64 {
    let (id,): (i64,) = sqlx::query_as("SELECT id FROM accounts WHERE email = $1")
        .bind(email)
        .fetch_one(app.db.pool())
        .await
        .unwrap();
    id
}

db_test!(
    registering_needs_a_signed_in_person_with_a_verified_address,
    |app| {
        let anonymous = app
            .post_form(
                "/api/organisations/register",
                &registration("212000-0142", "01", "0180"),
                &[],
            )
            .await;
        assert_eq!(anonymous.status, 401);
        app.sign_up("Anna", "anna@stockholm.se", PASSWORD).await;
        let unverified = app.sign_in("anna@stockholm.se", PASSWORD).await.unwrap();
        let res = app
            .post_as(
                &unverified,
                "/api/organisations/register",
                &registration("212000-0142", "01", "0180"),
            )
            .await;
        assert_eq!(res.status, 403);
        assert!(res.body.contains("not_verified"));
        assert_eq!(app.count("organisations").await, 0);
    }
);

db_test!(
    each_broken_number_rule_is_named_beside_the_field_and_nothing_is_saved,
    |app| {
        let cookie = app.verified_user("anna@stockholm.se", PASSWORD).await;
        for (number, problem) in [
            ("212000-0143", "org_number_check_digit"),
            ("212000-014", "org_number_length"),
            ("21200001420", "org_number_length"),
            ("21200A-0142", "org_number_not_digits"),
            ("811218-9876", "org_number_not_organisation"),
            ("", "required"),
        ] {
            let res = app
                .post_as(
                    &cookie,
                    "/api/organisations/register",
                    &registration(number, "01", "0180"),
                )
                .await;
            assert_eq!(res.status, 400, "{number}");
            assert_eq!(
                field_problems(&res),
                [("org_number".to_string(), problem.to_string())],
                "{number}"
            );
        }
        let res = app
            .post_as(
                &cookie,
                "/api/organisations/register",
                &registration("212000-0142", "14", "0180"),
            )
            .await;
        assert_eq!(
            field_problems(&res),
            [("kommun".to_string(), "kommun_outside_lan".to_string())]
        );
        let res = app
            .post_as(
                &cookie,
                "/api/organisations/register",
                &registration("212000-0142", "99", "0180"),
            )
            .await;
        assert!(field_problems(&res).contains(&("lan".to_string(), "invalid_choice".to_string())));
        assert_eq!(app.count("organisations").await, 0);
        assert_eq!(app.count("organisation_members").await, 0);
    }
);

db_test!(
    the_first_person_becomes_admin_and_a_taken_number_becomes_a_join_request,
    |app| {
        let anna = app.verified_user("anna@stockholm.se", PASSWORD).await;
        let location = register(&app, &anna, "212000-0142").await;
        assert!(location.ends_with("?registrerad=1"), "{location}");
        let bo = app.verified_user("bo@stockholm.se", PASSWORD).await;
        let again = register(&app, &bo, "2120000142").await;
        assert!(again.ends_with("?ansokt=1"), "{again}");
        assert_eq!(public_id(&again), public_id(&location));
        assert_eq!(app.count("organisations").await, 1);
        let twice = register(&app, &bo, "212000-0142").await;
        assert!(twice.ends_with("?redan=1"));
        // Once a site admin has verified it, its admin decides (before, only
        // a site admin may: issue #12, item 3).
        verified(&app, &public_id(&location)).await;
        let page = app
            .get_as(&anna, &format!("/organisationer/{}", public_id(&location)))
            .await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("Stockholms stad") && page.body.contains("212000-0142"));
        assert!(page.body.contains("Godkänn"), "the admin sees the request");
    }
);

db_test!(only_the_organisations_admins_decide_on_requests, |app| {
    let anna = app.verified_user("anna@stockholm.se", PASSWORD).await;
    let org = public_id(&register(&app, &anna, "212000-0142").await);
    verified(&app, &org).await;
    let bo = app.verified_user("bo@stockholm.se", PASSWORD).await;
    register(&app, &bo, "212000-0142").await;
    let cilla = app.verified_user("cilla@lund.se", PASSWORD).await;
    let bo_id = account_id(&app, "bo@stockholm.se").await;
    let decide = |decision: &str| {
        form(&[
            ("organisation", &org),
            ("account_id", &bo_id.to_string()),
            ("decision", decision),
        ])
    };

    let outsider = app
        .post_as(&cilla, "/api/organisations/decide", &decide("approve"))
        .await;
    assert_eq!(outsider.status, 403);
    let applicant = app
        .post_as(&bo, "/api/organisations/decide", &decide("approve"))
        .await;
    assert_eq!(
        applicant.status, 403,
        "a pending member cannot approve themself"
    );
    let nonsense = app
        .post_as(&anna, "/api/organisations/decide", &decide("maybe"))
        .await;
    assert_eq!(nonsense.status, 400);

    let res = app
        .post_as(&anna, "/api/organisations/decide", &decide("approve"))
        .await;
    assert!(
        res.status.is_success() || res.status.is_redirection(),
        "{}",
        res.body
    );
    let again = app
        .post_as(&anna, "/api/organisations/decide", &decide("refuse"))
        .await;
    assert_eq!(again.status, 404, "nothing is pending any more");
    let page = app.get_as(&bo, &format!("/organisationer/{org}")).await;
    assert!(
        page.body.contains("Anna Andersson (administratör)"),
        "members see each other"
    );

    let promote = form(&[("organisation", &org), ("account_id", &bo_id.to_string())]);
    let by_member = app
        .post_as(&bo, "/api/organisations/make-admin", &promote)
        .await;
    assert_eq!(by_member.status, 403);
    let res = app
        .post_as(&anna, "/api/organisations/make-admin", &promote)
        .await;
    assert!(res.status.is_success() || res.status.is_redirection());
    let mine = app.get_as(&bo, "/konto").await;
    assert!(mine.body.contains("Stockholms stad") && mine.body.contains("administratör"));
});

db_test!(
    people_are_shown_only_to_members_and_unknown_ids_answer_404,
    |app| {
        let anna = app.verified_user("anna@stockholm.se", PASSWORD).await;
        let org = public_id(&register(&app, &anna, "212000-0142").await);
        let cilla = app.verified_user("cilla@lund.se", PASSWORD).await;
        let page = app.get_as(&cilla, &format!("/organisationer/{org}")).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("Stockholms stad"));
        assert!(
            !page.body.contains("(administratör)") && !page.body.contains(r#"id="personer""#),
            "an outsider sees no people"
        );
        let missing = app.get_as(&cilla, "/organisationer/finns-inte-alls").await;
        assert_eq!(missing.status, 404);
        let anonymous = app.get(&format!("/organisationer/{org}")).await;
        assert_eq!(
            anonymous.header("location"),
            format!("/konto/logga-in?till=%2Forganisationer%2F{org}")
        );
    }
);

db_test!(only_a_site_admin_marks_an_organisation_verified, |app| {
    let anna = app.verified_user("anna@stockholm.se", PASSWORD).await;
    let org = public_id(&register(&app, &anna, "212000-0142").await);
    let body = form(&[("organisation", &org)]);
    let res = app.post_as(&anna, "/api/organisations/verify", &body).await;
    assert_eq!(res.status, 403);
    let hash = app::accounts::password::hash(PASSWORD.into())
        .await
        .unwrap();
    let admin_email = app::accounts::Email::parse("admin@samrad.se").unwrap();
    app::accounts::store::create_site_admin(&app.db, &admin_email, "Admin", &hash)
        .await
        .unwrap();
    let admin = app.sign_in("admin@samrad.se", PASSWORD).await.unwrap();
    let res = app
        .post_as(&admin, "/api/organisations/verify", &body)
        .await;
    assert!(
        res.status.is_success() || res.status.is_redirection(),
        "{}",
        res.body
    );
    let page = app.get_as(&anna, &format!("/organisationer/{org}")).await;
    assert!(page.body.contains("badge--verified"));
});
