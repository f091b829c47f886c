//! What the security review of issue #12 found, one test per finding:
//! each failed before its fix. Item numbers are the review's.

use crate::dialogues::{dialogue_form, plan};
use crate::helpers::{form, ok, TestApp};
use crate::needs::{need_form, post_need};
use crate::networks::{coordinator, create, invited_and_accepted, PASSWORD};

fn status_form(key: &str, id: &str, status: &str, reason: &str) -> String {
    form(&[(key, id), ("status", status), ("reason", reason)])
}

/// Anna's organisation coordinates a listed network; Bo's is a member.
async fn network_with_member(app: &TestApp) -> (String, String, String, String, String) {
    let (anna, a_org) = coordinator(app, "anna@stockholm.se", "212000-0142").await;
    let network = create(app, &anna, "Nätverket", &a_org, "listed").await;
    let (bo, b_org) = coordinator(app, "bo@lund.se", "212000-1355").await;
    invited_and_accepted(app, &anna, &network, &bo, &b_org, "212000-1355", "member").await;
    (network, anna, a_org, bo, b_org)
}

async fn record_json(app: &TestApp, cookie: &str, dialogue: &str) -> String {
    let res = app
        .get_as(cookie, &format!("/dialoger/{dialogue}/protokoll.json"))
        .await;
    assert_eq!(res.status, 200, "{}", res.body);
    res.body
}

// 1. The dialogue record holds the entries about this dialogue, by key.
db_test!(
    review_01_the_record_holds_only_entries_about_its_own_dialogue,
    |app| {
        let (network, anna, a_org, bo, b_org) = network_with_member(&app).await;
        let need = post_need(
            &app,
            &bo,
            &need_form(&network, &b_org, "Laddning", "shared"),
        )
        .await;
        // A title that prefixes every organisation's name in the log.
        let mine = plan(
            &app,
            &bo,
            &with(&dialogue_form(&network, &b_org, &need, "5"), "title", "O"),
        )
        .await;
        let other = plan(&app, &anna, &dialogue_form(&network, &a_org, &need, "5")).await;
        let res = app
            .post_as(
                &anna,
                "/api/dialogues/status",
                &status_form("dialogue", &other, "announced", "Annan dialogs motivering"),
            )
            .await;
        assert!(ok(&res), "{}", res.body);
        let (xena, x_org) = coordinator(&app, "xena@kiruna.se", "212000-0159").await;
        let asked = app
            .post_as(
                &xena,
                "/api/networks/request-join",
                &crate::networks::join(&network, &x_org, "Vi vill vara med."),
            )
            .await;
        assert!(ok(&asked), "{}", asked.body);
        let refused = app
            .post_as(
                &anna,
                "/api/networks/decide-join",
                &form(&[
                    ("network", &network),
                    ("organisation", &x_org),
                    ("decision", "refuse"),
                    ("reason", "Hemlig motivering"),
                    ("confirm", "ja"),
                ]),
            )
            .await;
        assert!(ok(&refused), "{}", refused.body);
        let announced = app
            .post_as(
                &bo,
                "/api/dialogues/status",
                &status_form("dialogue", &mine, "announced", "Nu annonserar vi"),
            )
            .await;
        assert!(ok(&announced), "{}", announced.body);

        let record = record_json(&app, &bo, &mine).await;
        assert!(record.contains("Nu annonserar vi"), "{record}");
        for secret in [
            "Hemlig motivering",
            "Annan dialogs motivering",
            "Vi vill vara med",
        ] {
            assert!(!record.contains(secret), "{secret} leaked: {record}");
        }
        let parsed: app::dialogues::DialogueRecord = serde_json::from_str(&record).unwrap();
        let actions: Vec<&str> = parsed.audit.iter().map(|e| e.action.as_str()).collect();
        assert_eq!(actions, ["dialogue_created", "dialogue_status"], "{record}");
    }
);

fn with(pairs: &[(&'static str, String)], key: &str, value: &str) -> Vec<(&'static str, String)> {
    pairs
        .iter()
        .map(|(k, v)| {
            if *k == key {
                (*k, value.to_string())
            } else {
                (*k, v.clone())
            }
        })
        .collect()
}

// 2. Owner and host rights follow the organisation's current role.
db_test!(
    review_02_an_organisation_demoted_to_observer_loses_owner_and_host_rights_at_once,
    |app| {
        let (network, anna, _, bo, b_org) = network_with_member(&app).await;
        let need = post_need(
            &app,
            &bo,
            &need_form(&network, &b_org, "Bo:s behov", "shared"),
        )
        .await;
        let dialogue = plan(&app, &bo, &dialogue_form(&network, &b_org, &need, "5")).await;
        let demoted = app
            .post_as(
                &anna,
                "/api/networks/role",
                &form(&[
                    ("network", &network),
                    ("organisation", &b_org),
                    ("role", "observer"),
                ]),
            )
            .await;
        assert!(ok(&demoted), "{}", demoted.body);
        let mut edit = need_form(&network, &b_org, "Ändrad titel", "shared");
        edit.retain(|(k, _)| !["network", "organisation", "status"].contains(&k.as_str()));
        edit.push(("need".into(), need.clone()));
        edit.push(("version".into(), "1".into()));
        let pairs: Vec<(&str, &str)> = edit.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let attempts = [
            ("/api/needs/edit", form(&pairs)),
            (
                "/api/needs/status",
                status_form("need", &need, "withdrawn", "Vi drar tillbaka"),
            ),
            (
                "/api/dialogues/status",
                status_form("dialogue", &dialogue, "announced", "Nu kör vi"),
            ),
            (
                "/api/dialogues/qa",
                form(&[
                    ("dialogue", &dialogue),
                    ("question", "Hur?"),
                    ("answer", "Så här."),
                ]),
            ),
            (
                "/api/dialogues/save-text",
                form(&[("dialogue", &dialogue), ("body", "Sammanfattning")]),
            ),
        ];
        for (path, body) in attempts {
            let res = app.post_as(&bo, path, &body).await;
            assert_eq!(res.status, 403, "{path}: {}", res.body);
        }
        let (title, status): (String, String) =
            sqlx::query_as("SELECT title, status FROM needs WHERE public_id = $1")
                .bind(&need)
                .fetch_one(app.db.pool())
                .await
                .unwrap();
        assert_eq!((title.as_str(), status.as_str()), ("Bo:s behov", "shared"));
        assert_eq!(app.count("dialogue_qa").await, 0);
        assert_eq!(app.count("dialogue_texts").await, 0);
        let page = app.get_as(&bo, &format!("/dialoger/{dialogue}")).await;
        assert!(!page.body.contains("action=\"/api/dialogues/status\""));
    }
);

/// Registers an organisation for `cookie` and returns where it was sent.
async fn register_organisation(app: &TestApp, cookie: &str, number: &str, name: &str) -> String {
    let res = app
        .post_as(
            cookie,
            "/api/organisations/register",
            &form(&[
                ("org_number", number),
                ("name", name),
                ("kind", "kommun"),
                ("lan", "03"),
                ("kommun", "0381"),
                ("website", ""),
            ]),
        )
        .await;
    assert!(ok(&res), "{}", res.body);
    res.header("location").to_string()
}

async fn site_admin(app: &TestApp) -> String {
    let admin = app.verified_user("admin@samrad.se", PASSWORD).await;
    sqlx::query("UPDATE accounts SET is_site_admin = 1 WHERE email = 'admin@samrad.se'")
        .execute(app.db.pool())
        .await
        .unwrap();
    admin
}

async fn account_id(app: &TestApp, email: &str) -> String {
    let (id,): (i64,) = sqlx::query_as("SELECT id FROM accounts WHERE email = $1")
        .bind(email)
        .fetch_one(app.db.pool())
        .await
        .unwrap();
    id.to_string()
}

// 3. An unverified organisation cannot take part; a site admin settles claims.
db_test!(
    review_03_an_unverified_organisation_cannot_take_part_and_a_site_admin_settles_competing_claims,
    |app| {
        let (anna, a_org) = coordinator(&app, "anna@stockholm.se", "212000-0142").await;
        let network = create(&app, &anna, "Nätverket", &a_org, "hidden").await;
        let squatter = app.verified_user("squatter@example.com", PASSWORD).await;
        let location =
            register_organisation(&app, &squatter, "212000-0688", "Enköpings kommun").await;
        let org = location
            .trim_start_matches("/organisationer/")
            .split('?')
            .next()
            .unwrap()
            .to_string();
        let invited = app
            .post_as(
                &anna,
                "/api/networks/invite",
                &form(&[
                    ("network", &network),
                    ("org_number", "212000-0688"),
                    ("role", "member"),
                ]),
            )
            .await;
        assert_eq!(invited.status, 400, "{}", invited.body);
        assert!(
            invited.body.contains("organisation_not_verified"),
            "{}",
            invited.body
        );
        let listed = create(&app, &anna, "Det öppna", &a_org, "listed").await;
        let asked = app
            .post_as(
                &squatter,
                "/api/networks/request-join",
                &crate::networks::join(&listed, &org, "Släpp in oss."),
            )
            .await;
        assert_eq!(asked.status, 403, "{}", asked.body);
        assert!(
            asked.body.contains("organisation_not_verified"),
            "{}",
            asked.body
        );
        // The real employee claims the same number: a claim, not the
        // squatter's member to approve.
        let real = app.verified_user("anna.berg@enkoping.se", PASSWORD).await;
        let claimed = register_organisation(&app, &real, "212000-0688", "Enköpings kommun").await;
        assert!(claimed.contains("ansokt=1"), "{claimed}");
        let real_id = account_id(&app, "anna.berg@enkoping.se").await;
        let squatter_id = account_id(&app, "squatter@example.com").await;
        let decide = form(&[
            ("organisation", &org),
            ("account_id", &real_id),
            ("decision", "refuse"),
        ]);
        let refused = app
            .post_as(&squatter, "/api/organisations/decide", &decide)
            .await;
        assert_eq!(refused.status, 403, "{}", refused.body);
        // A site admin sees both claimants with their addresses.
        let admin = site_admin(&app).await;
        let claims = app.post_as(&admin, "/api/organisations/claims", "").await;
        assert_eq!(claims.status, 200, "{}", claims.body);
        assert!(
            claims.body.contains("squatter@example.com"),
            "{}",
            claims.body
        );
        assert!(
            claims.body.contains("anna.berg@enkoping.se"),
            "{}",
            claims.body
        );
        let nobody = app.post_as(&anna, "/api/organisations/claims", "").await;
        assert_eq!(nobody.status, 403);
        // …and hands the organisation to the right person.
        for (path, body) in [
            (
                "/api/organisations/decide",
                form(&[
                    ("organisation", &org),
                    ("account_id", &real_id),
                    ("decision", "approve"),
                ]),
            ),
            (
                "/api/organisations/make-admin",
                form(&[("organisation", &org), ("account_id", &real_id)]),
            ),
            (
                "/api/organisations/remove-member",
                form(&[
                    ("organisation", &org),
                    ("account_id", &squatter_id),
                    ("confirm", "ja"),
                ]),
            ),
            ("/api/organisations/verify", form(&[("organisation", &org)])),
        ] {
            let res = app.post_as(&admin, path, &body).await;
            assert!(ok(&res), "{path}: {}", res.body);
        }
        let again = app
            .post_as(
                &squatter,
                "/api/networks/request-join",
                &crate::networks::join(&listed, &org, "Släpp in oss."),
            )
            .await;
        assert_eq!(again.status, 403, "{}", again.body);
        let page = app
            .get_as(&squatter, &format!("/organisationer/{org}"))
            .await;
        assert!(!page.body.contains("anna.berg@enkoping.se"));
        let joined = app
            .post_as(
                &real,
                "/api/networks/request-join",
                &crate::networks::join(&listed, &org, "Vi vill vara med."),
            )
            .await;
        assert!(ok(&joined), "{}", joined.body);
    }
);

// 4. Organisation admins remove people and demote admins, never the last.
db_test!(
    review_04_an_organisation_admin_removes_a_person_whose_rights_end_at_once,
    |app| {
        let (anna, a_org) = coordinator(&app, "anna@stockholm.se", "212000-0142").await;
        let network = create(&app, &anna, "Det dolda", &a_org, "hidden").await;
        let need = post_need(
            &app,
            &anna,
            &need_form(&network, &a_org, "Dolt behov", "shared"),
        )
        .await;
        let karl = app.verified_user("karl@stockholm.se", PASSWORD).await;
        register_organisation(&app, &karl, "212000-0142", "x").await;
        let karl_id = account_id(&app, "karl@stockholm.se").await;
        let approved = app
            .post_as(
                &anna,
                "/api/organisations/decide",
                &form(&[
                    ("organisation", &a_org),
                    ("account_id", &karl_id),
                    ("decision", "approve"),
                ]),
            )
            .await;
        assert!(ok(&approved), "{}", approved.body);
        assert_eq!(
            app.get_as(&karl, &format!("/behov/{need}")).await.status,
            200
        );
        let made = app
            .post_as(
                &anna,
                "/api/organisations/make-admin",
                &form(&[("organisation", &a_org), ("account_id", &karl_id)]),
            )
            .await;
        assert!(ok(&made), "{}", made.body);
        let demoted = app
            .post_as(
                &anna,
                "/api/organisations/demote-admin",
                &form(&[("organisation", &a_org), ("account_id", &karl_id)]),
            )
            .await;
        assert!(ok(&demoted), "{}", demoted.body);
        let removed = app
            .post_as(
                &anna,
                "/api/organisations/remove-member",
                &form(&[
                    ("organisation", &a_org),
                    ("account_id", &karl_id),
                    ("confirm", "ja"),
                ]),
            )
            .await;
        assert!(ok(&removed), "{}", removed.body);
        assert_eq!(
            app.get_as(&karl, &format!("/behov/{need}")).await.status,
            404
        );
        let view = app
            .post_as(&karl, "/api/networks/view", &form(&[("network", &network)]))
            .await;
        assert_eq!(view.status, 404);
        // The last admin stays.
        let anna_id = account_id(&app, "anna@stockholm.se").await;
        for (path, confirm) in [
            ("/api/organisations/remove-member", Some(("confirm", "ja"))),
            ("/api/organisations/demote-admin", None),
        ] {
            let mut fields = vec![("organisation", a_org.as_str()), ("account_id", &anna_id)];
            fields.extend(confirm);
            let res = app.post_as(&anna, path, &form(&fields)).await;
            assert_eq!(res.status, 409, "{path}: {}", res.body);
            assert!(res.body.contains("last_admin"), "{}", res.body);
        }
        let actions: Vec<(String,)> =
            sqlx::query_as("SELECT action FROM organisation_audit ORDER BY id")
                .fetch_all(app.db.pool())
                .await
                .unwrap();
        let actions: Vec<&str> = actions.iter().map(|(a,)| a.as_str()).collect();
        assert_eq!(
            actions,
            [
                "member_approved",
                "admin_made",
                "admin_demoted",
                "member_removed"
            ]
        );
    }
);

async fn move_network(app: &TestApp, cookie: &str, network: &str, steps: &[&str]) {
    for step in steps {
        let res = app
            .post_as(
                cookie,
                "/api/networks/status",
                &status_form("network", network, step, "Beslut i styrgruppen"),
            )
            .await;
        assert!(ok(&res), "{step}: {}", res.body);
    }
}

// 5. A closed network is read-only; a dormant one starts nothing new.
db_test!(
    review_05_a_closed_network_is_read_only_and_a_dormant_one_starts_nothing_new,
    |app| {
        let (network, anna, a_org, bo, b_org) = network_with_member(&app).await;
        let need = post_need(&app, &bo, &need_form(&network, &b_org, "Behovet", "shared")).await;
        let dialogue = plan(&app, &anna, &dialogue_form(&network, &a_org, &need, "5")).await;
        move_network(&app, &anna, &network, &["active", "dormant"]).await;
        let refused = app
            .post_as(
                &bo,
                "/api/needs/create",
                &crate::needs::encode(&need_form(&network, &b_org, "Nytt", "shared")),
            )
            .await;
        assert_eq!(refused.status, 409, "{}", refused.body);
        assert!(refused.body.contains("network_dormant"), "{}", refused.body);
        let comment = form(&[
            ("subject", "need"),
            ("target", &need),
            ("parent", ""),
            ("body", "Vi fortsätter i lugn takt."),
        ]);
        assert!(ok(&app.post_as(&bo, "/api/comments/post", &comment).await));
        move_network(&app, &anna, &network, &["closed"]).await;
        let declaration = form(&[
            ("need", &need),
            ("organisation", &a_org),
            ("quantity", "3"),
            ("unit", "bussar"),
            ("value", "1000"),
            ("earliest", &crate::needs::next_quarter()),
            ("confidence", "high"),
        ]);
        // Each write by the people who could make it in an active network.
        let both = vec![anna.clone(), bo.clone()];
        let hosts = vec![anna.clone()];
        let writes = [
            (
                &both,
                "/api/needs/create",
                crate::needs::encode(&need_form(&network, &b_org, "Nytt", "shared")),
            ),
            (&both, "/api/comments/post", comment.clone()),
            (&hosts, "/api/needs/declare", declaration),
            (
                &both,
                "/api/needs/propose-requirement",
                form(&[
                    ("need", &need),
                    ("text", "Bussen ska klara -30 grader."),
                    ("motive", "Vinter."),
                    ("verification", "Test."),
                    ("level", "ska"),
                ]),
            ),
            (
                &both,
                "/api/needs/status",
                status_form("need", &need, "withdrawn", "Nej"),
            ),
            (
                &hosts,
                "/api/dialogues/status",
                status_form("dialogue", &dialogue, "announced", "Nu"),
            ),
            (
                &hosts,
                "/api/dialogues/create",
                crate::dialogues::encode(&dialogue_form(&network, &a_org, &need, "5")),
            ),
            (
                &hosts,
                "/api/networks/invite",
                form(&[
                    ("network", &network),
                    ("org_number", "212000-0159"),
                    ("role", "member"),
                ]),
            ),
        ];
        let before = crate::helpers::table_contents(&app.db, &["sessions", "auth_events"]).await;
        for (people, path, body) in writes {
            for who in people {
                let res = app.post_as(who, path, &body).await;
                assert_eq!(res.status, 409, "{path}: {}", res.body);
                assert!(res.body.contains("network_closed"), "{path}: {}", res.body);
            }
        }
        let after = crate::helpers::table_contents(&app.db, &["sessions", "auth_events"]).await;
        assert_eq!(before, after, "a closed network changed");
        let page = app.get_as(&bo, &format!("/natverk/{network}")).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("Nätverket är stängt"), "{}", page.body);
        assert!(!page.body.contains("/behov/nytt"));
        let need_page = app.get_as(&bo, &format!("/behov/{need}")).await;
        assert_eq!(need_page.status, 200);
        assert!(!need_page.body.contains("action=\"/api/comments/post\""));
        let csv = app
            .get_as(&bo, &format!("/behov/{need}/efterfragan.csv"))
            .await;
        assert_eq!(csv.status, 200);
    }
);

// 6. An archived dialogue's record is frozen.
db_test!(
    review_06_an_archived_dialogue_accepts_no_change_to_its_record,
    |app| {
        let (network, anna, a_org, bo, b_org) = network_with_member(&app).await;
        let need = post_need(
            &app,
            &anna,
            &need_form(&network, &a_org, "Behovet", "shared"),
        )
        .await;
        let dialogue = plan(&app, &anna, &dialogue_form(&network, &a_org, &need, "5")).await;
        for step in ["announced", "open"] {
            let res = app
                .post_as(
                    &anna,
                    "/api/dialogues/status",
                    &status_form("dialogue", &dialogue, step, "Steg"),
                )
                .await;
            assert!(ok(&res), "{}", res.body);
        }
        let registered = app
            .post_as(
                &bo,
                "/api/dialogues/register",
                &form(&[
                    ("dialogue", &dialogue),
                    ("organisation", &b_org),
                    ("attendees", "Bo Berg"),
                ]),
            )
            .await;
        assert!(ok(&registered), "{}", registered.body);
        let posted = app
            .post_as(
                &bo,
                "/api/comments/post",
                &form(&[
                    ("subject", "dialogue"),
                    ("target", &dialogue),
                    ("parent", ""),
                    ("body", "Bra möte."),
                ]),
            )
            .await;
        let comment = posted
            .header("location")
            .split("#kommentar-")
            .nth(1)
            .unwrap()
            .to_string();
        for step in ["closed", "summarised", "archived"] {
            let res = app
                .post_as(
                    &anna,
                    "/api/dialogues/status",
                    &status_form("dialogue", &dialogue, step, "Steg"),
                )
                .await;
            assert!(ok(&res), "{}", res.body);
        }
        let before = crate::helpers::table_contents(&app.db, &["sessions", "auth_events"]).await;
        let attempts = [
            (
                &bo,
                "/api/comments/edit",
                form(&[("comment", &comment), ("body", "Ändrat i efterhand.")]),
            ),
            (
                &bo,
                "/api/comments/delete",
                form(&[("comment", &comment), ("confirm", "ja")]),
            ),
            (
                &bo,
                "/api/dialogues/withdraw",
                form(&[("dialogue", &dialogue), ("organisation", &b_org)]),
            ),
            (
                &anna,
                "/api/dialogues/save-text",
                form(&[("dialogue", &dialogue), ("body", "En sen sammanfattning.")]),
            ),
            (
                &anna,
                "/api/dialogues/add-host",
                form(&[("dialogue", &dialogue), ("organisation", &b_org)]),
            ),
        ];
        for (who, path, body) in attempts {
            let res = app.post_as(who, path, &body).await;
            assert_eq!(res.status, 409, "{path}: {}", res.body);
            assert!(res.body.contains("frozen"), "{path}: {}", res.body);
        }
        let after = crate::helpers::table_contents(&app.db, &["sessions", "auth_events"]).await;
        assert_eq!(before, after, "the archived record changed");
        let record = record_json(&app, &bo, &dialogue).await;
        assert!(record.contains("Bo Berg"), "{record}");
    }
);

/// The calendar feed address the network page shows `cookie`.
async fn feed_path(app: &TestApp, cookie: &str, network: &str) -> String {
    let page = app.get_as(cookie, &format!("/natverk/{network}")).await;
    let start = page.body.find("/kalender/").expect("a feed address");
    let rest = &page.body[start..];
    rest[..rest.find(".ics").unwrap() + 4].to_string()
}

// 7. The calendar secret is per organisation, revoked by leaving, rotatable.
db_test!(
    review_07_leaving_a_network_revokes_its_calendar_feed_and_coordinators_rotate_it,
    |app| {
        let (network, anna, a_org, bo, b_org) = network_with_member(&app).await;
        let need = post_need(
            &app,
            &anna,
            &need_form(&network, &a_org, "Behovet", "shared"),
        )
        .await;
        plan(&app, &anna, &dialogue_form(&network, &a_org, &need, "5")).await;
        let bos = feed_path(&app, &bo, &network).await;
        let annas = feed_path(&app, &anna, &network).await;
        assert_ne!(bos, annas, "each organisation has its own secret");
        let feed = app.get(&bos).await;
        assert_eq!(feed.status, 200);
        assert!(feed.body.contains("Dialog om elbussar"));
        let left = app
            .post_as(
                &bo,
                "/api/networks/leave",
                &form(&[
                    ("network", &network),
                    ("organisation", &b_org),
                    ("confirm", "ja"),
                ]),
            )
            .await;
        assert!(ok(&left), "{}", left.body);
        let gone = app.get(&bos).await;
        assert_eq!(gone.status, 404);
        assert!(!gone.body.contains("elbussar"));
        assert_eq!(app.get(&annas).await.status, 200);
        let rotated = app
            .post_as(
                &anna,
                "/api/networks/rotate-feed",
                &form(&[("network", &network)]),
            )
            .await;
        assert!(ok(&rotated), "{}", rotated.body);
        assert_eq!(app.get(&annas).await.status, 404);
        let fresh = feed_path(&app, &anna, &network).await;
        assert_ne!(fresh, annas);
        assert_eq!(app.get(&fresh).await.status, 200);
        let not_coordinator = app
            .post_as(
                &bo,
                "/api/networks/rotate-feed",
                &form(&[("network", &network)]),
            )
            .await;
        assert_eq!(not_coordinator.status, 403);
    }
);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn review_07_the_log_names_the_calendar_route_and_never_its_secret() {
    use crate::process::{samrad, Server, TempDir};
    let dir = TempDir::new("samrad-feed-log");
    let url = format!("sqlite://{}", dir.path().join("logg.db").display());
    samrad(&url, &["seed", "--scale", "demo"]);
    let db = server::db::connect(&url).await.unwrap();
    let secret = "HemligKalenderadressSomAldrigFarSynasILoggen0123";
    sqlx::query(
        "INSERT INTO network_feeds (network_id, organisation_id, token, created_at) \
         SELECT network_id, organisation_id, $1, 0 FROM network_members \
         WHERE status = 'active' ORDER BY network_id, organisation_id LIMIT 1",
    )
    .bind(secret)
    .execute(db.pool())
    .await
    .unwrap();
    db.pool().close().await;
    let server = Server::start_logging(&url, "info").await;
    let feed = server
        .request("GET", &format!("/kalender/{secret}.ics"), None, None)
        .await;
    assert_eq!(feed.status, 200, "{}", feed.body);
    let log = std::fs::read_to_string(&server.log).unwrap();
    assert!(log.contains("/kalender/{id}.ics"), "{log}");
    assert!(!log.contains(secret), "{log}");
}

// 8. A draft's title stays out of the log; a hidden comment stays hidden.
db_test!(
    review_08_a_withdrawn_draft_leaves_no_title_in_the_log,
    |app| {
        let (network, anna, _, bo, b_org) = network_with_member(&app).await;
        let draft = post_need(
            &app,
            &bo,
            &need_form(&network, &b_org, "Hemligt utkast", "draft"),
        )
        .await;
        let res = app
            .post_as(
                &bo,
                "/api/needs/status",
                &status_form("need", &draft, "withdrawn", "Inte aktuellt"),
            )
            .await;
        assert!(ok(&res), "{}", res.body);
        let csv = app
            .get_as(&anna, &format!("/natverk/{network}/logg.csv"))
            .await;
        assert_eq!(csv.status, 200);
        assert!(!csv.body.contains("Hemligt utkast"), "{}", csv.body);
        assert!(!csv.body.contains("Inte aktuellt"), "{}", csv.body);
    }
);

db_test!(
    review_08_a_hidden_comments_author_cannot_delete_it_away,
    |app| {
        let (network, anna, a_org, bo, _) = network_with_member(&app).await;
        let need = post_need(
            &app,
            &anna,
            &need_form(&network, &a_org, "Behovet", "shared"),
        )
        .await;
        let posted = app
            .post_as(
                &bo,
                "/api/comments/post",
                &form(&[
                    ("subject", "need"),
                    ("target", &need),
                    ("parent", ""),
                    ("body", "Olämpligt."),
                ]),
            )
            .await;
        let comment = posted
            .header("location")
            .split("#kommentar-")
            .nth(1)
            .unwrap()
            .to_string();
        let hidden = app
            .post_as(
                &anna,
                "/api/comments/hide",
                &form(&[("comment", &comment), ("reason", "Personangrepp")]),
            )
            .await;
        assert!(ok(&hidden), "{}", hidden.body);
        let deleted = app
            .post_as(
                &bo,
                "/api/comments/delete",
                &form(&[("comment", &comment), ("confirm", "ja")]),
            )
            .await;
        assert_eq!(deleted.status, 403, "{}", deleted.body);
        let (deleted_at, hidden_at): (Option<i64>, Option<i64>) =
            sqlx::query_as("SELECT deleted_at, hidden_at FROM comments WHERE public_id = $1")
                .bind(&comment)
                .fetch_one(app.db.pool())
                .await
                .unwrap();
        assert!(deleted_at.is_none() && hidden_at.is_some());
        let page = app.get_as(&anna, &format!("/behov/{need}")).await;
        assert!(page.body.contains("Personangrepp"), "{}", page.body);
    }
);

const EMAIL: &str = "anna.andersson@vaxjo.se";

async fn forgot(app: &TestApp) {
    let res = app
        .post_form(
            "/api/accounts/forgot-password",
            &form(&[("email", EMAIL)]),
            &[],
        )
        .await;
    assert!(ok(&res), "{}", res.body);
}

// 9. A reset revokes a pending email change; changes notify the old address.
db_test!(
    review_09_a_password_reset_revokes_a_pending_email_change,
    |app| {
        let attacker = app.verified_user(EMAIL, PASSWORD).await;
        let started = app
            .post_as(
                &attacker,
                "/api/accounts/change-email",
                &form(&[
                    ("new_email", "attacker@evil.example"),
                    ("password", PASSWORD),
                ]),
            )
            .await;
        assert!(ok(&started), "{}", started.body);
        let change_link = app.token_mailed_to("attacker@evil.example").await;
        forgot(&app).await;
        let reset = app.token_mailed_to(EMAIL).await;
        let res = app
            .post_form(
                "/api/accounts/reset-password",
                &form(&[("token", &reset), ("password", "blå cyklar längs älven")]),
                &[],
            )
            .await;
        assert!(ok(&res), "{}", res.body);
        let used = app
            .post_form(
                "/api/accounts/verify-email",
                &form(&[("token", &change_link)]),
                &[],
            )
            .await;
        assert_eq!(used.status, 400, "{}", used.body);
        assert!(used.body.contains("invalid_token"));
        let (email,): (String,) = sqlx::query_as("SELECT email FROM accounts")
            .fetch_one(app.db.pool())
            .await
            .unwrap();
        assert_eq!(email, EMAIL);
    }
);

db_test!(
    review_09_email_and_password_changes_send_a_notice_to_the_old_address,
    |app| {
        let cookie = app.verified_user(EMAIL, PASSWORD).await;
        let before = app.mails_to(EMAIL).await.len();
        let new = "en ny vår i skogen";
        let changed = app
            .post_as(
                &cookie,
                "/api/accounts/change-password",
                &form(&[("current_password", PASSWORD), ("new_password", new)]),
            )
            .await;
        assert!(ok(&changed), "{}", changed.body);
        let mails = app.mails_to(EMAIL).await;
        assert_eq!(mails.len(), before + 1);
        assert!(mails[0].0.contains("lösenord"), "{:?}", mails[0]);
        let started = app
            .post_as(
                &cookie,
                "/api/accounts/change-email",
                &form(&[("new_email", "ny@vaxjo.se"), ("password", new)]),
            )
            .await;
        assert!(ok(&started), "{}", started.body);
        let token = app.token_mailed_to("ny@vaxjo.se").await;
        let verified = app
            .post_form(
                "/api/accounts/verify-email",
                &form(&[("token", &token)]),
                &[],
            )
            .await;
        assert!(ok(&verified), "{}", verified.body);
        let old = app.mails_to(EMAIL).await;
        assert_eq!(old.len(), before + 2, "{old:?}");
        assert!(old[0].1.contains("ny@vaxjo.se"), "{:?}", old[0]);
        assert!(!old[0].1.contains("token="), "no link to the old address");
    }
);

// 10. One live reset link; a password change revokes it.
db_test!(
    review_10_only_the_newest_reset_link_works_and_a_password_change_revokes_it,
    |app| {
        let cookie = app.verified_user(EMAIL, PASSWORD).await;
        forgot(&app).await;
        let first = app.token_mailed_to(EMAIL).await;
        forgot(&app).await;
        let second = app.token_mailed_to(EMAIL).await;
        let reset =
            |token: String| form(&[("token", &token), ("password", "blå cyklar längs älven")]);
        let old = app
            .post_form("/api/accounts/reset-password", &reset(first), &[])
            .await;
        assert!(old.body.contains("invalid_token"), "{}", old.body);
        let changed = app
            .post_as(
                &cookie,
                "/api/accounts/change-password",
                &form(&[
                    ("current_password", PASSWORD),
                    ("new_password", "en ny vår i skogen"),
                ]),
            )
            .await;
        assert!(ok(&changed), "{}", changed.body);
        let revoked = app
            .post_form("/api/accounts/reset-password", &reset(second), &[])
            .await;
        assert!(revoked.body.contains("invalid_token"), "{}", revoked.body);
    }
);

// 11. Password re-checks count toward the lockout.
db_test!(
    review_11_wrong_current_passwords_count_toward_the_lockout,
    |app| {
        let cookie = app.verified_user(EMAIL, PASSWORD).await;
        let mut statuses = Vec::new();
        for _ in 0..6 {
            let res = app
                .post_as(
                    &cookie,
                    "/api/accounts/change-email",
                    &form(&[("new_email", "ny@vaxjo.se"), ("password", "fel gissning")]),
                )
                .await;
            statuses.push(res.status.as_u16());
        }
        assert_eq!(statuses, [400, 400, 400, 400, 400, 429]);
        let right = app
            .post_as(
                &cookie,
                "/api/accounts/change-email",
                &form(&[("new_email", "ny@vaxjo.se"), ("password", PASSWORD)]),
            )
            .await;
        assert_eq!(right.status, 429, "locked, even with the right password");
        assert!(app.sign_in(EMAIL, PASSWORD).await.is_err());
        let (events,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM auth_events WHERE kind = 'signin_failure'")
                .fetch_one(app.db.pool())
                .await
                .unwrap();
        assert!(events >= 5, "{events}");
    }
);

db_test!(
    review_11_turning_on_two_step_verification_asks_for_the_password,
    |app| {
        let cookie = app.verified_user(EMAIL, PASSWORD).await;
        let without = app
            .post_as(
                &cookie,
                "/api/accounts/two-factor/start",
                &form(&[("enable_password", "fel gissning")]),
            )
            .await;
        assert_eq!(without.status, 400, "{}", without.body);
        assert!(without.body.contains("wrong_password"));
        let (pending,): (Option<String>,) =
            sqlx::query_as("SELECT totp_pending_secret FROM accounts")
                .fetch_one(app.db.pool())
                .await
                .unwrap();
        assert!(pending.is_none());
        let with = app
            .post_as(
                &cookie,
                "/api/accounts/two-factor/start",
                &form(&[("enable_password", PASSWORD)]),
            )
            .await;
        assert!(ok(&with), "{}", with.body);
    }
);

// 12. Mail bodies are kept only until delivered, or a day.
db_test!(
    review_12_mail_bodies_are_purged_after_a_day_and_links_never_reach_the_log,
    |app| {
        app.verified_user(EMAIL, PASSWORD).await;
        forgot(&app).await;
        let (body,): (String,) = sqlx::query_as("SELECT body FROM outbox ORDER BY id DESC LIMIT 1")
            .fetch_one(app.db.pool())
            .await
            .unwrap();
        assert!(body.contains("token="));
        app.clock.advance(23 * 3_600_000);
        app::mail::purge(&app.db).await.unwrap();
        assert_eq!(app.mails_to(EMAIL).await[0].1, body, "kept within a day");
        app.clock.advance(2 * 3_600_000);
        app::mail::purge(&app.db).await.unwrap();
        let mails = app.mails_to(EMAIL).await;
        assert!(mails.iter().all(|(_, b)| b.is_empty()), "{mails:?}");
        assert!(!mails.is_empty(), "the mail itself is still listed");
        let (sent,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM outbox WHERE id = $1")
            .bind(1)
            .fetch_one(app.db.pool())
            .await
            .unwrap();
        assert_eq!(sent, 1);
    }
);

db_test!(review_12_a_delivered_mail_keeps_no_body, |app| {
    app.verified_user(EMAIL, PASSWORD).await;
    let mails = app::mail::claim_unsent(&app.db, 10).await.unwrap();
    for mail in &mails {
        app::mail::mark_sent(&app.db, mail.id).await.unwrap();
    }
    let bodies: Vec<(String,)> = sqlx::query_as("SELECT body FROM outbox")
        .fetch_all(app.db.pool())
        .await
        .unwrap();
    assert!(!bodies.is_empty());
    assert!(bodies.iter().all(|(b,)| b.is_empty()));
});

// 13. Typed text stays on the server; the address carries a short key.
db_test!(
    review_13_a_refused_long_text_comes_back_through_a_short_key,
    |app| {
        let (network, _, _, bo, b_org) = network_with_member(&app).await;
        let problem: String = "Bussarna i Lund går på diesel och behöver bytas ut. "
            .repeat(160)
            .chars()
            .take(8000)
            .collect();
        let mut pairs = need_form(&network, &b_org, "", "shared");
        for (k, v) in pairs.iter_mut() {
            if k == "problem" {
                *v = problem.clone();
            }
        }
        let referer = format!("{}/natverk/{network}/behov/nytt", app.site);
        let res = app
            .post_form(
                "/api/needs/create",
                &crate::needs::encode(&pairs),
                &[
                    ("cookie", &bo),
                    ("accept", "text/html"),
                    ("referer", &referer),
                ],
            )
            .await;
        assert_eq!(res.status, 302);
        let location = res.header("location").to_string();
        assert!(location.len() < 1024, "{} bytes", location.len());
        assert!(!location.contains("diesel"));
        assert!(!location.contains("__err"), "{location}");
        let back = app.get_as(&bo, &location).await;
        assert_eq!(back.status, 200);
        assert!(back.body.contains(&problem), "the typed text is back");
        assert!(back.body.contains("field-title-error"));
        let again = app.get_as(&bo, &location).await;
        assert!(!again.body.contains(&problem), "read once, then gone");
        let other = app.verified_user("other@example.se", PASSWORD).await;
        let stolen = app.get_as(&other, &location).await;
        assert!(!stolen.body.contains(&problem));
    }
);

fn from(ip: &str) -> std::net::SocketAddr {
    format!("{ip}:4711").parse().unwrap()
}

const NOBODY: &str = "ingen@example.se";

async fn sign_in_from(
    app: &TestApp,
    peer: &str,
    forwarded_for: Option<&str>,
    email: &str,
    password: &str,
) -> u16 {
    use axum::body::Body;
    let body = form(&[("email", email), ("password", password)]);
    let mut req = axum::http::Request::post("/api/accounts/sign-in")
        .header("content-type", "application/x-www-form-urlencoded")
        .header("origin", app.site.as_str());
    if let Some(ip) = forwarded_for {
        req = req.header("x-forwarded-for", ip);
    }
    let mut req = req.body(Body::from(body)).unwrap();
    req.extensions_mut()
        .insert(axum::extract::ConnectInfo(from(peer)));
    app.send(req).await.status.as_u16()
}

// 14. Behind a trusted proxy the client's own address is what counts.
db_test!(
    review_14_behind_a_trusted_proxy_each_client_is_counted_by_its_own_address,
    config = |c| {
        c.ip_allowance.sign_ins_per_15_min = 5;
        c.trusted_proxies = server::config::parse_proxies("10.0.0.0/8, ::1").unwrap();
    },
    |app| {
        app.verified_user(EMAIL, PASSWORD).await;
        // Someone behind the proxy guesses at an address with no account
        // (so no account is locked): only their own address runs out.
        for _ in 0..5 {
            assert_eq!(
                sign_in_from(&app, "10.0.0.5", Some("203.0.113.7"), NOBODY, "fel").await,
                401
            );
        }
        assert_eq!(
            sign_in_from(&app, "10.0.0.5", Some("203.0.113.7"), NOBODY, "fel").await,
            429
        );
        assert_eq!(
            sign_in_from(
                &app,
                "10.0.0.5",
                Some("203.0.113.7, 10.0.0.9"),
                EMAIL,
                PASSWORD
            )
            .await,
            429,
            "trusted hops are skipped from the right"
        );
        assert_eq!(
            sign_in_from(&app, "10.0.0.5", Some("198.51.100.2"), EMAIL, PASSWORD).await,
            200,
            "another client behind the same proxy signs in"
        );
        // A client that is not a trusted proxy cannot choose its address.
        for _ in 0..5 {
            sign_in_from(&app, "198.51.100.9", Some("192.0.2.1"), NOBODY, "fel").await;
        }
        assert_eq!(
            sign_in_from(&app, "198.51.100.9", Some("192.0.2.2"), EMAIL, PASSWORD).await,
            429
        );
    }
);

db_test!(
    review_14_without_trusted_proxies_forwarded_headers_are_ignored,
    |app| {
        app.verified_user(EMAIL, PASSWORD).await;
        for i in 0..12 {
            sign_in_from(
                &app,
                "10.0.0.5",
                Some(&format!("203.0.113.{i}")),
                NOBODY,
                "fel",
            )
            .await;
        }
        let subjects: Vec<(String,)> = sqlx::query_as(
            "SELECT DISTINCT subject FROM auth_events WHERE kind = 'signin_ip' AND subject <> ''",
        )
        .fetch_all(app.db.pool())
        .await
        .unwrap();
        assert_eq!(
            subjects,
            [("10.0.0.5".to_string(),)],
            "every attempt counted for the peer"
        );
    }
);

// 15. Headers, request ids, calendar text and accessibility reports.
db_test!(
    review_15_signed_in_pages_are_never_stored_and_request_ids_are_checked,
    |app| {
        let cookie = app.verified_user(EMAIL, PASSWORD).await;
        let page = app.get_as(&cookie, "/konto").await;
        assert_eq!(page.header("cache-control"), "no-store");
        let public = app.get("/tillganglighet").await;
        assert_ne!(public.header("cache-control"), "no-store");
        let good = app
            .get_with("/healthz", &[("x-request-id", "abc-123_4.5")])
            .await;
        assert_eq!(good.header("x-request-id"), "abc-123_4.5");
        let long = "a".repeat(200);
        for bad in ["<script>", "en id med mellanslag", long.as_str()] {
            let res = app.get_with("/healthz", &[("x-request-id", bad)]).await;
            assert!(!res.header("x-request-id").is_empty());
            assert_ne!(res.header("x-request-id"), bad);
        }
    }
);

#[tokio::test]
async fn review_15_an_https_site_sends_hsts() {
    let app = TestApp::spawn_at(app::db::Engine::Sqlite, "https://samrad.example.se")
        .await
        .unwrap();
    let res = app.get("/").await;
    assert!(
        res.header("strict-transport-security")
            .starts_with("max-age=31536000"),
        "{:?}",
        res.headers
    );
    let plain = TestApp::spawn(app::db::Engine::Sqlite).await.unwrap();
    assert!(plain
        .get("/")
        .await
        .header("strict-transport-security")
        .is_empty());
}

db_test!(
    review_15_accessibility_reports_are_limited_and_site_admins_read_them,
    |app| {
        let report = form(&[
            ("description", "Knappen går inte att nå med tangentbordet."),
            ("page", "/natverk"),
            ("email", ""),
        ]);
        let mut statuses = Vec::new();
        for _ in 0..7 {
            let res = app
                .post_form("/api/accessibility/report", &report, &[])
                .await;
            statuses.push(res.status.as_u16());
        }
        assert_eq!(statuses[..5], [200; 5]);
        assert_eq!(statuses[5..], [429, 429]);
        assert_eq!(app.count("accessibility_reports").await, 5);
        let admin = site_admin(&app).await;
        let listed = app.get_as(&admin, "/tillganglighet/rapporter").await;
        assert_eq!(listed.status, 200);
        assert!(listed.body.contains("Knappen går inte att nå"));
        let person = app.verified_user("utomstaende@example.se", PASSWORD).await;
        let refused = app.get_as(&person, "/tillganglighet/rapporter").await;
        assert!(!refused.body.contains("Knappen går inte att nå"));
        let api = app.post_as(&person, "/api/accessibility/reports", "").await;
        assert_eq!(api.status, 403);
    }
);

// 16. No existence oracles.
db_test!(
    review_16_anonymous_visitors_get_the_same_answer_for_real_and_missing_networks,
    |app| {
        let (anna, a_org) = coordinator(&app, "anna@stockholm.se", "212000-0142").await;
        let network = create(&app, &anna, "Det dolda", &a_org, "hidden").await;
        let real = app
            .post_form("/api/networks/view", &form(&[("network", &network)]), &[])
            .await;
        let missing = app
            .post_form(
                "/api/networks/view",
                &form(&[("network", "finnsinteallsxyz")]),
                &[],
            )
            .await;
        assert_eq!(real.status, missing.status);
        assert_eq!(real.body, missing.body);
        let page_real = app.get(&format!("/natverk/{network}")).await;
        let page_missing = app.get("/natverk/finnsinteallsxyz").await;
        assert_eq!(page_real.status, page_missing.status);
        // Both go to sign-in, returning to the address asked for: the
        // same answer but for the id each address holds.
        assert_eq!(
            page_real.header("location").replace(&network, "ID"),
            page_missing
                .header("location")
                .replace("finnsinteallsxyz", "ID")
        );
    }
);

db_test!(
    review_16_a_cursor_of_a_network_one_may_not_see_is_ignored,
    |app| {
        let (anna, a_org) = coordinator(&app, "anna@stockholm.se", "212000-0142").await;
        create(&app, &anna, "Alfa", &a_org, "listed").await;
        let hidden = create(&app, &anna, "Mitten", &a_org, "hidden").await;
        create(&app, &anna, "Omega", &a_org, "listed").await;
        let outsider = app.verified_user("utomstaende@example.se", PASSWORD).await;
        let first = app.post_as(&outsider, "/api/networks/directory", "").await;
        let after_hidden = app
            .post_as(
                &outsider,
                "/api/networks/directory",
                &form(&[("after", &hidden)]),
            )
            .await;
        assert_eq!(first.body, after_hidden.body, "{}", after_hidden.body);
    }
);
