//! "Download my data" holds everything Samråd keeps about the person and
//! nothing about anyone else; deleting the account leaves no personal
//! field of theirs in any table (issue #21).

use crate::dialogues::{dialogue_form, plan};
use crate::helpers::{form, ok, org_number, TestApp};
use crate::needs::{need_form, post_need};
use crate::networks::{create, invited_and_accepted, PASSWORD};

const GRETA: &str = "greta.grondahl@uppsala.se";
const GRETAS_NAME: &str = "Greta Gröndahl";

/// A person with a name of her own, in a verified organisation.
async fn person(app: &TestApp, name: &str, email: &str, number: &str) -> (String, String) {
    let res = app.sign_up(name, email, PASSWORD).await;
    assert!(ok(&res), "{}", res.body);
    let token = app.token_mailed_to(email).await;
    let verified = app
        .post_form(
            "/api/accounts/verify-email",
            &form(&[("token", &token)]),
            &[],
        )
        .await;
    assert!(ok(&verified), "{}", verified.body);
    let cookie = app.sign_in(email, PASSWORD).await.unwrap();
    let res = app
        .post_as(
            &cookie,
            "/api/organisations/register",
            &form(&[
                ("org_number", number),
                ("name", &format!("Organisation {number}")),
                ("kind", "kommun"),
                ("lan", "03"),
                ("kommun", "0380"),
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

async fn post(app: &TestApp, cookie: &str, path: &str, pairs: &[(&str, &str)]) -> String {
    let res = app.post_as(cookie, path, &form(pairs)).await;
    assert!(ok(&res), "{path}: {}", res.body);
    res.header("location").to_string()
}

async fn download(app: &TestApp, cookie: &str) -> serde_json::Value {
    let res = app.get_as(cookie, "/konto/mina-uppgifter.json").await;
    assert_eq!(res.status, 200, "{}", res.body);
    assert!(!res.body.contains("token="), "no live link: {}", res.body);
    serde_json::from_str(&res.body).expect("valid JSON")
}

fn count(data: &serde_json::Value, key: &str) -> usize {
    data[key]
        .as_array()
        .unwrap_or_else(|| panic!("{key}"))
        .len()
}

db_test!(
    the_download_holds_everything_about_the_person_and_nothing_of_others,
    |app| {
        let (greta, g_org) = person(&app, GRETAS_NAME, GRETA, &org_number(10)).await;
        let hugos_number = org_number(11);
        let (hugo, h_org) = person(&app, "Hugo Holm", "hugo.holm@enkoping.se", &hugos_number).await;
        let network = create(&app, &greta, "Laddinfrastruktur", &g_org, "hidden").await;
        invited_and_accepted(
            &app,
            &greta,
            &network,
            &hugo,
            &h_org,
            &hugos_number,
            "member",
        )
        .await;
        // Greta writes a need and edits it once.
        let need = post_need(
            &app,
            &greta,
            &need_form(&network, &g_org, "Laddplatser", "shared"),
        )
        .await;
        let mut edit = need_form(&network, &g_org, "Laddplatser vid depåer", "shared");
        edit.retain(|(k, _)| !["network", "organisation", "status"].contains(&k.as_str()));
        edit.push(("need".into(), need.clone()));
        edit.push(("version".into(), "1".into()));
        let res = app
            .post_as(&greta, "/api/needs/edit", &crate::needs::encode(&edit))
            .await;
        assert!(ok(&res), "{}", res.body);
        post(
            &app,
            &greta,
            "/api/needs/propose-requirement",
            &[
                ("need", &need),
                ("text", "Laddaren ska klara 150 kW."),
                ("motive", "Snabb laddning."),
                ("verification", "Datablad."),
                ("level", "ska"),
            ],
        )
        .await;
        let (requirement,): (String,) = sqlx::query_as("SELECT public_id FROM requirements")
            .fetch_one(app.db.pool())
            .await
            .unwrap();
        post(
            &app,
            &greta,
            "/api/needs/edit-requirement",
            &[
                ("requirement", &requirement),
                ("version", "1"),
                ("text", "Laddaren ska klara 300 kW."),
                ("motive", "Snabb laddning."),
                ("verification", "Datablad."),
                ("level", "ska"),
            ],
        )
        .await;
        let quarter = crate::needs::next_quarter();
        for (cookie, org) in [(&greta, &g_org), (&hugo, &h_org)] {
            post(
                &app,
                cookie,
                "/api/needs/declare",
                &[
                    ("need", &need),
                    ("organisation", org),
                    ("quantity", "12"),
                    ("unit", "laddare"),
                    ("value", "600000"),
                    ("earliest", &quarter),
                    ("confidence", "high"),
                ],
            )
            .await;
        }
        // Both comment in one thread; Greta edits hers.
        let comment = |body: &'static str| {
            [
                ("subject", "need"),
                ("target", need.as_str()),
                ("parent", ""),
                ("body", body),
            ]
        };
        let at = post(
            &app,
            &greta,
            "/api/comments/post",
            &comment("Gretas första rad"),
        )
        .await;
        let gretas_comment = at.split("#kommentar-").nth(1).unwrap().to_string();
        post(
            &app,
            &greta,
            "/api/comments/edit",
            &[("comment", &gretas_comment), ("body", "Gretas ändrade rad")],
        )
        .await;
        post(
            &app,
            &hugo,
            "/api/comments/post",
            &comment("Hugos hemliga rad"),
        )
        .await;
        post(
            &app,
            &greta,
            "/api/comments/post",
            &comment("Gretas andra rad"),
        )
        .await;
        // A dialogue she plans, announces, registers for and minutes.
        let dialogue = plan(&app, &greta, &dialogue_form(&network, &g_org, &need, "5")).await;
        post(
            &app,
            &greta,
            "/api/dialogues/status",
            &[
                ("dialogue", &dialogue),
                ("status", "announced"),
                ("reason", "Klart"),
            ],
        )
        .await;
        for (cookie, org, names) in [
            (&greta, &g_org, "Två från Uppsala"),
            (&hugo, &h_org, "Hugos kollega"),
        ] {
            post(
                &app,
                cookie,
                "/api/dialogues/register",
                &[
                    ("dialogue", &dialogue),
                    ("organisation", org),
                    ("attendees", names),
                ],
            )
            .await;
        }
        post(
            &app,
            &greta,
            "/api/dialogues/qa",
            &[
                ("dialogue", &dialogue),
                ("question", "Vilken effekt?"),
                ("answer", "Minst 150 kW."),
            ],
        )
        .await;
        crate::dialogues::hold(&app, &greta, &dialogue).await;
        post(
            &app,
            &greta,
            "/api/dialogues/save-text",
            &[("dialogue", &dialogue), ("body", "Gretas sammanfattning")],
        )
        .await;
        let (text,): (String,) = sqlx::query_as("SELECT public_id FROM dialogue_texts")
            .fetch_one(app.db.pool())
            .await
            .unwrap();
        post(
            &app,
            &greta,
            "/api/dialogues/approve",
            &[("dialogue", &dialogue), ("text", &text), ("confirm", "ja")],
        )
        .await;
        // A failed sign-in and a report from the statement's form.
        assert!(app.sign_in(GRETA, "fel lösenord").await.is_err());
        post(
            &app,
            &greta,
            "/api/accessibility/report",
            &[
                ("description", "Knappen syns inte."),
                ("page", "/behov"),
                ("email", GRETA),
            ],
        )
        .await;

        let data = download(&app, &greta).await;
        let keys: Vec<&str> = data
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut documented = app::privacy::SECTIONS.to_vec();
        documented.sort_unstable();
        let mut found = keys.clone();
        found.sort_unstable();
        assert_eq!(found, documented, "the documented sections, no more");
        assert_eq!(data["format"], app::privacy::FORMAT);
        assert_eq!(data["account"]["name"], GRETAS_NAME);
        assert_eq!(count(&data, "organisations"), 1);
        assert_eq!(count(&data, "comments"), 2);
        let edited = data["comments"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == gretas_comment.as_str())
            .unwrap();
        assert_eq!(edited["versions"].as_array().unwrap().len(), 2);
        assert_eq!(edited["subject_title"], "Laddplatser vid depåer");
        assert_eq!(count(&data, "need_versions"), 2);
        assert_eq!(count(&data, "requirement_versions"), 2);
        assert_eq!(count(&data, "interests"), 1);
        assert_eq!(count(&data, "dialogue_registrations"), 1);
        assert_eq!(count(&data, "dialogues_started"), 1);
        assert_eq!(count(&data, "dialogue_texts"), 1);
        assert_eq!(data["dialogue_texts"][0]["wrote"], true);
        assert_eq!(data["dialogue_texts"][0]["approved"], true);
        assert_eq!(count(&data, "published_answers"), 1);
        // Hugo wrote in the discussion she follows by writing in it.
        assert_eq!(count(&data, "notifications"), 1);
        assert_eq!(data["notifications"][0]["kind"], "discussion");
        assert!(data["notifications"][0].get("body").is_none());
        assert_eq!(count(&data, "followed_discussions"), 1);
        assert_eq!(data["followed_discussions"][0]["subject_id"], need.as_str());
        assert_eq!(count(&data, "accessibility_reports"), 1);
        let actions: Vec<&str> = data["network_audit"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["action"].as_str().unwrap())
            .collect();
        for action in [
            "created",
            "invited",
            "need_shared",
            "dialogue_created",
            "dialogue_status",
        ] {
            assert!(actions.contains(&action), "{action} in {actions:?}");
        }
        assert!(!actions.contains(&"invitation_accepted"), "Hugo's act");
        let kinds: Vec<&str> = data["security_events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["kind"].as_str().unwrap())
            .collect();
        assert!(
            kinds.contains(&"sign_in") && kinds.contains(&"sign_in_failed"),
            "{kinds:?}"
        );
        assert!(count(&data, "mail") >= 1);
        assert!(data["mail"]
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m.get("body").is_none()));
        let text = data.to_string();
        for other in [
            "Hugo Holm",
            "hugo.holm@enkoping.se",
            "Hugos hemliga rad",
            "Hugos kollega",
        ] {
            assert!(
                !text.contains(other),
                "{other} leaked into Greta's download"
            );
        }

        // Once Greta's organisation leaves, what she did not write there goes.
        let left = app
            .post_as(
                &greta,
                "/api/networks/leave",
                &form(&[
                    ("network", &network),
                    ("organisation", &g_org),
                    ("confirm", "ja"),
                ]),
            )
            .await;
        assert_eq!(
            left.status, 409,
            "the last coordinator stays: {}",
            left.body
        );
        post(
            &app,
            &greta,
            "/api/networks/role",
            &[
                ("network", &network),
                ("organisation", &h_org),
                ("role", "coordinator"),
            ],
        )
        .await;
        post(
            &app,
            &greta,
            "/api/networks/leave",
            &[
                ("network", &network),
                ("organisation", &g_org),
                ("confirm", "ja"),
            ],
        )
        .await;
        let after = download(&app, &greta).await;
        assert_eq!(count(&after, "comments"), 2, "what she wrote stays hers");
        assert!(after["comments"][0]["subject_title"].is_null());
        assert_eq!(after["comments"][0]["body"], "Gretas ändrade rad");
        assert!(after["interests"][0]["need_title"].is_null());
        assert_eq!(after["need_versions"][1]["title"], "Laddplatser vid depåer");
    }
);

/// Every text column of every table: (table, column).
async fn text_columns(app: &TestApp) -> Vec<(String, String)> {
    let sql = match app.db.engine() {
        app::db::Engine::Sqlite => {
            "SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> '_sqlx_migrations' \
             AND upper(p.type) = 'TEXT' ORDER BY 1, 2"
        }
        app::db::Engine::Postgres => {
            "SELECT table_name::text, column_name::text FROM information_schema.columns \
             WHERE table_schema = 'public' AND data_type = 'text' \
             AND table_name <> '_sqlx_migrations' ORDER BY 1, 2"
        }
    };
    sqlx::query_as(sql).fetch_all(app.db.pool()).await.unwrap()
}

db_test!(
    after_deletion_no_table_holds_the_persons_name_or_address,
    |app| {
        let (greta, g_org) = person(&app, GRETAS_NAME, GRETA, &org_number(10)).await;
        let network = create(&app, &greta, "Laddinfrastruktur", &g_org, "listed").await;
        let need = post_need(
            &app,
            &greta,
            &need_form(&network, &g_org, "Laddplatser", "shared"),
        )
        .await;
        post(
            &app,
            &greta,
            "/api/comments/post",
            &[
                ("subject", "need"),
                ("target", &need),
                ("parent", ""),
                ("body", "Min rad"),
            ],
        )
        .await;
        assert!(app.sign_in(GRETA, "fel lösenord").await.is_err());
        post(
            &app,
            &greta,
            "/api/accessibility/report",
            &[
                ("description", "Knappen syns inte."),
                ("page", ""),
                ("email", GRETA),
            ],
        )
        .await;
        let refused = app
            .post_form(
                "/api/accounts/update-profile",
                &form(&[("name", GRETAS_NAME), ("title", ""), ("language", "fr")]),
                &[
                    ("cookie", &greta),
                    ("accept", "text/html"),
                    ("referer", "http://localhost:3000/konto"),
                ],
            )
            .await;
        assert_eq!(refused.status, 302, "a refused form keeps what was typed");
        assert_eq!(app.count("form_feedback").await, 1);
        assert_eq!(
            app.count("discussion_follows").await,
            1,
            "she follows where she wrote"
        );
        post(
            &app,
            &greta,
            "/api/accounts/delete",
            &[("confirm_password", PASSWORD), ("confirm", "ja")],
        )
        .await;
        let gone = app.get_as(&greta, "/konto/mina-uppgifter.json").await;
        assert_eq!(gone.status, 401);
        let mut found = Vec::new();
        for (table, column) in text_columns(&app).await {
            let sql = format!(
                "SELECT COUNT(*) FROM \"{table}\" WHERE \"{column}\" LIKE $1 OR \"{column}\" LIKE $2"
            );
            let (n,): (i64,) = sqlx::query_as(sqlx::AssertSqlSafe(sql))
                .bind(format!("%{GRETAS_NAME}%"))
                .bind(format!("%{GRETA}%"))
                .fetch_one(app.db.pool())
                .await
                .unwrap();
            if n > 0 {
                found.push(format!("{table}.{column}"));
            }
        }
        assert!(found.is_empty(), "personal data left in {found:?}");
        assert_eq!(
            app.count("discussion_follows").await,
            0,
            "what she followed goes too"
        );
        let (author,): (Option<i64>,) =
            sqlx::query_as("SELECT account_id FROM comments WHERE body = 'Min rad'")
                .fetch_one(app.db.pool())
                .await
                .unwrap();
        assert!(author.is_some(), "the comment stays, its author erased");
    }
);
