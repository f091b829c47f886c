//! Needs: posted by member organisations (never observers), drafts seen
//! only by their owner, the lifecycle's arrows only, every version kept,
//! Markdown made inert, and the aggregated demand summed without counting
//! an organisation twice, also after a merge.

use crate::helpers::{form, ok, TestApp};
use crate::networks::{coordinator, create};
use app::needs::{NeedStatus, Quarter};

/// A network coordinated by Anna's organisation, with Bo's as a member
/// and Cilla's as an observer.
struct Cast {
    network: String,
    anna: String,
    a_org: String,
    bo: String,
    b_org: String,
    cilla: String,
    c_org: String,
}

async fn cast(app: &TestApp) -> Cast {
    let (anna, a_org) = coordinator(app, "anna@stockholm.se", "212000-0142").await;
    let network = create(app, &anna, "Fossilfria transporter", &a_org, "hidden").await;
    let (bo, b_org) = coordinator(app, "bo@lund.se", "212000-1355").await;
    let (cilla, c_org) = coordinator(app, "cilla@umea.se", "202100-5489").await;
    for (cookie, org, number, role) in [
        (&bo, &b_org, "212000-1355", "member"),
        (&cilla, &c_org, "202100-5489", "observer"),
    ] {
        crate::networks::invited_and_accepted(app, &anna, &network, cookie, org, number, role)
            .await;
    }
    Cast {
        network,
        anna,
        a_org,
        bo,
        b_org,
        cilla,
        c_org,
    }
}

pub(crate) fn next_quarter() -> String {
    let now = Quarter::of_ms(app::core::clock::Clock::system().now_ms());
    Quarter(now.0 + 1).code()
}

pub(crate) fn need_form(
    network: &str,
    organisation: &str,
    title: &str,
    status: &str,
) -> Vec<(String, String)> {
    [
        ("network", network),
        ("organisation", organisation),
        ("title", title),
        ("problem", "Bussarna går på diesel."),
        ("effect", "Fossilfria bussar i linjetrafik."),
        ("affected", "Resenärer och förare."),
        ("staircase", "introducera"),
        ("divisions[]", "34"),
        ("cpv_codes", "34144900-7"),
        ("regions[]", "01"),
        ("horizon", &next_quarter()),
        ("status", status),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect()
}

pub(crate) fn encode(pairs: &[(String, String)]) -> String {
    let borrowed: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    form(&borrowed)
}

fn with(pairs: &[(String, String)], key: &str, value: &str) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| {
            if k == key {
                (k.clone(), value.to_string())
            } else {
                (k.clone(), v.clone())
            }
        })
        .collect()
}

/// Posts a need and returns its public id.
pub(crate) async fn post_need(app: &TestApp, cookie: &str, pairs: &[(String, String)]) -> String {
    let res = app
        .post_as(cookie, "/api/needs/create", &encode(pairs))
        .await;
    assert!(ok(&res), "{}", res.body);
    res.header("location")
        .trim_start_matches("/behov/")
        .split('?')
        .next()
        .unwrap()
        .to_string()
}

fn declaration(
    need: &str,
    organisation: &str,
    quantity: &str,
    value: &str,
    confidence: &str,
) -> String {
    form(&[
        ("need", need),
        ("organisation", organisation),
        ("quantity", quantity),
        ("unit", "bussar"),
        ("value", value),
        ("earliest", &next_quarter()),
        ("confidence", confidence),
        ("comment", ""),
    ])
}

db_test!(
    members_post_needs_and_observers_cannot_and_bad_input_saves_nothing,
    |app| {
        let c = cast(&app).await;
        let base = need_form(&c.network, &c.b_org, "Elbussar", "shared");
        let need = post_need(&app, &c.bo, &base).await;
        assert_eq!(app.count("needs").await, 1);

        let observer = app
            .post_as(
                &c.cilla,
                "/api/needs/create",
                &encode(&need_form(&c.network, &c.c_org, "X", "shared")),
            )
            .await;
        assert_eq!(observer.status, 403, "observers read, they do not post");
        let outsider = app
            .verified_user("dan@example.se", crate::networks::PASSWORD)
            .await;
        let hidden = app
            .post_as(
                &outsider,
                "/api/needs/create",
                &encode(&need_form(&c.network, &c.b_org, "X", "shared")),
            )
            .await;
        assert_eq!(
            hidden.status, 404,
            "a hidden network is not there for outsiders"
        );
        let for_other_org = app
            .post_as(
                &c.bo,
                "/api/needs/create",
                &encode(&need_form(&c.network, &c.a_org, "X", "shared")),
            )
            .await;
        assert!(
            for_other_org.body.contains(r#""field":"organisation""#),
            "{}",
            for_other_org.body
        );

        for (field, value, problem) in [
            ("cpv_codes", "34144900-8", "cpv_check_digit"),
            ("cpv_codes", "3414", "cpv_incomplete"),
            ("cpv_codes", "46000000-4", "unknown_cpv"),
            ("horizon", "2001-1", "in_the_past"),
            ("horizon", "2030-5", "invalid_choice"),
            ("staircase", "trappa", "invalid_choice"),
            ("title", " ", "required"),
        ] {
            let res = app
                .post_as(
                    &c.bo,
                    "/api/needs/create",
                    &encode(&with(&base, field, value)),
                )
                .await;
            assert_eq!(res.status, 400, "{field}={value}: {}", res.body);
            assert!(res.body.contains(problem), "{field}={value}: {}", res.body);
        }
        let unknown_status = app
            .post_as(
                &c.bo,
                "/api/needs/create",
                &encode(&with(&base, "status", "fulfilled")),
            )
            .await;
        assert_eq!(unknown_status.status, 400);
        assert_eq!(app.count("needs").await, 1, "nothing half-saved");
        assert_eq!(app.count("need_cpv").await, 2);
        assert_eq!(app.count("need_versions").await, 1);

        let page = app.get_as(&c.cilla, &format!("/behov/{need}")).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("Elbussar") && page.body.contains("34144900-7"));
        assert!(
            !page.body.contains("Anmäl intresse</h2>"),
            "observers do not declare"
        );
    }
);

db_test!(a_draft_is_seen_only_by_its_owner_organisation, |app| {
    let c = cast(&app).await;
    let draft = post_need(
        &app,
        &c.bo,
        &need_form(&c.network, &c.b_org, "Hemligt utkast", "draft"),
    )
    .await;
    let own = app.get_as(&c.bo, &format!("/behov/{draft}")).await;
    assert_eq!(own.status, 200);
    assert!(own.body.contains("Utkast"));
    for cookie in [&c.anna, &c.cilla] {
        let page = app.get_as(cookie, &format!("/behov/{draft}")).await;
        assert_eq!(page.status, 404, "not even coordinators see a draft");
        let list = app.get_as(cookie, &format!("/natverk/{}", c.network)).await;
        assert!(!list.body.contains("Hemligt utkast"));
        let mine = app.get_as(cookie, "/behov").await;
        assert!(!mine.body.contains("Hemligt utkast"));
    }
    let view = app
        .post_as(&c.anna, "/api/needs/view", &form(&[("need", &draft)]))
        .await;
    assert_eq!(view.status, 404);
    assert!(app
        .get_as(&c.bo, "/behov")
        .await
        .body
        .contains("Hemligt utkast"));
});

db_test!(
    every_transition_is_allowed_or_refused_as_the_lifecycle_says,
    |app| {
        let c = cast(&app).await;
        let mut checked = 0;
        for from in NeedStatus::ALL {
            for to in NeedStatus::ALL {
                // A fresh need walked to `from` along allowed arrows.
                let need = post_need(
                    &app,
                    &c.bo,
                    &need_form(&c.network, &c.b_org, &format!("{from:?} {to:?}"), "draft"),
                )
                .await;
                let path = [
                    NeedStatus::Shared,
                    NeedStatus::InDialogue,
                    NeedStatus::Specified,
                    NeedStatus::InProcurement,
                    NeedStatus::Fulfilled,
                ];
                let steps: Vec<NeedStatus> = match from {
                    NeedStatus::Draft => vec![],
                    NeedStatus::Withdrawn => vec![NeedStatus::Withdrawn],
                    _ => path
                        .iter()
                        .copied()
                        .take_while(|s| *s != from)
                        .chain([from])
                        .collect(),
                };
                for step in steps {
                    let res = app
                        .post_as(
                            &c.bo,
                            "/api/needs/status",
                            &form(&[("need", &need), ("status", step.code()), ("reason", "steg")]),
                        )
                        .await;
                    assert!(ok(&res), "{from:?} via {step:?}: {}", res.body);
                }
                let res = app
                    .post_as(
                        &c.bo,
                        "/api/needs/status",
                        &form(&[("need", &need), ("status", to.code()), ("reason", "prov")]),
                    )
                    .await;
                let allowed = from.can_become(to);
                // A closed need (fulfilled, withdrawn) can no longer be edited at all.
                let expected = if allowed {
                    200
                } else if from.is_open() {
                    400
                } else {
                    403
                };
                assert_eq!(
                    res.status.as_u16(),
                    expected,
                    "{from:?} → {to:?}: {}",
                    res.body
                );
                checked += 1;
            }
        }
        assert_eq!(checked, 49);
        let bogus = post_need(
            &app,
            &c.bo,
            &need_form(&c.network, &c.b_org, "Bogus", "shared"),
        )
        .await;
        let res = app
            .post_as(
                &c.bo,
                "/api/needs/status",
                &form(&[("need", &bogus), ("status", "archived"), ("reason", "x")]),
            )
            .await;
        assert_eq!(res.status, 400, "an unknown status");
        let by_observer = app
            .post_as(
                &c.cilla,
                "/api/needs/status",
                &form(&[("need", &bogus), ("status", "withdrawn"), ("reason", "x")]),
            )
            .await;
        assert_eq!(by_observer.status, 403);
        let (logged,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM network_audit WHERE action = 'need_status' AND reason = 'prov'",
        )
        .fetch_one(app.db.pool())
        .await
        .unwrap();
        // A draft is its owner's alone: what becomes of it stays out of the
        // log (sharing it is logged as `need_shared`).
        let allowed = NeedStatus::ALL
            .iter()
            .filter(|f| **f != NeedStatus::Draft)
            .flat_map(|f| NeedStatus::ALL.iter().map(move |t| f.can_become(*t)))
            .filter(|a| *a)
            .count();
        assert_eq!(
            logged as usize, allowed,
            "each allowed move is in the audit log"
        );
    }
);

db_test!(
    demand_sums_several_organisations_and_a_merge_counts_nobody_twice,
    |app| {
        let c = cast(&app).await;
        let buses = post_need(
            &app,
            &c.bo,
            &need_form(&c.network, &c.b_org, "Elbussar", "shared"),
        )
        .await;
        let duplicate = post_need(
            &app,
            &c.anna,
            &need_form(&c.network, &c.a_org, "Eldrivna bussar", "shared"),
        )
        .await;

        for (cookie, org, quantity, value, confidence) in [
            (&c.bo, &c.b_org, "10", "50 000 000", "high"),
            (&c.anna, &c.a_org, "4", "20000000", "low"),
        ] {
            let res = app
                .post_as(
                    cookie,
                    "/api/needs/declare",
                    &declaration(&buses, org, quantity, value, confidence),
                )
                .await;
            assert!(ok(&res), "{}", res.body);
        }
        // Bo's organisation changes its answer: still one declaration.
        let res = app
            .post_as(
                &c.bo,
                "/api/needs/declare",
                &declaration(&buses, &c.b_org, "12", "60000000", "medium"),
            )
            .await;
        assert!(ok(&res), "{}", res.body);
        for (quantity, value, problem) in [
            ("-3", "1000", "out_of_range"),
            ("0", "1000", "out_of_range"),
            ("999999999999", "1000", "out_of_range"),
            ("tio", "1000", "not_a_whole_number"),
            ("3", "-1", "out_of_range"),
            ("3", "1e12", "not_a_whole_number"),
            ("3", "100000000000000", "out_of_range"),
        ] {
            let res = app
                .post_as(
                    &c.bo,
                    "/api/needs/declare",
                    &declaration(&buses, &c.b_org, quantity, value, "high"),
                )
                .await;
            assert_eq!(res.status, 400, "{quantity} {value}");
            assert!(
                res.body.contains(problem),
                "{quantity} {value}: {}",
                res.body
            );
        }
        let observer = app
            .post_as(
                &c.cilla,
                "/api/needs/declare",
                &declaration(&buses, &c.c_org, "1", "1", "low"),
            )
            .await;
        assert_eq!(observer.status, 403);

        let view: serde_json::Value = serde_json::from_str(
            &app.post_as(&c.anna, "/api/needs/view", &form(&[("need", &buses)]))
                .await
                .body,
        )
        .unwrap();
        assert_eq!(view["demand"]["organisations"], 2);
        assert_eq!(view["demand"]["total_value"], 80_000_000_i64);
        assert_eq!(
            view["demand"]["by_confidence"],
            serde_json::json!([
                ["Low", 1, 20000000],
                ["Medium", 1, 60000000],
                ["High", 0, 0]
            ])
        );

        // The duplicate has interest from Anna's organisation (already on
        // the target) and from nobody else.
        app.post_as(
            &c.anna,
            "/api/needs/declare",
            &declaration(&duplicate, &c.a_org, "4", "5000000", "high"),
        )
        .await;
        let by_member = app
            .post_as(
                &c.bo,
                "/api/needs/merge",
                &form(&[
                    ("need", &duplicate),
                    ("into", &buses),
                    ("reason", "Samma behov"),
                ]),
            )
            .await;
        assert_eq!(by_member.status, 403, "only coordinators merge");
        let merged = app
            .post_as(
                &c.anna,
                "/api/needs/merge",
                &form(&[
                    ("need", &duplicate),
                    ("into", &buses),
                    ("reason", "Samma behov"),
                ]),
            )
            .await;
        assert!(ok(&merged), "{}", merged.body);
        let view: serde_json::Value = serde_json::from_str(
            &app.post_as(&c.anna, "/api/needs/view", &form(&[("need", &buses)]))
                .await
                .body,
        )
        .unwrap();
        assert_eq!(
            view["demand"]["organisations"], 2,
            "Anna's organisation is counted once"
        );
        assert_eq!(view["demand"]["total_value"], 80_000_000_i64);
        let old = app.get_as(&c.anna, &format!("/behov/{duplicate}")).await;
        assert!(
            old.body.contains("Det här behovet är sammanslaget med")
                && old.body.contains(&format!("/behov/{buses}"))
        );
        assert!(old.body.contains("Tillbakadraget"));

        let page = app.get_as(&c.bo, &format!("/behov/{buses}")).await;
        assert!(
            page.body.contains("80\u{a0}000\u{a0}000\u{a0}kr"),
            "the total on the page"
        );
        assert!(page.body.contains("<svg") && page.body.contains(r#"role="img""#));
        let csv = app
            .get_as(&c.bo, &format!("/behov/{buses}/efterfragan.csv"))
            .await;
        assert_eq!(csv.status, 200);
        assert!(
            csv.body.contains("\"60000000\"") && csv.body.contains("80000000"),
            "{}",
            csv.body
        );
        let outsider = app
            .verified_user("dan@example.se", crate::networks::PASSWORD)
            .await;
        assert_eq!(
            app.get_as(&outsider, &format!("/behov/{buses}/efterfragan.csv"))
                .await
                .status,
            404
        );

        let sorted = app
            .get_as(
                &c.cilla,
                &format!("/natverk/{}?sortering=efterfragan", c.network),
            )
            .await;
        let first = sorted.body.find("Elbussar").unwrap();
        let second = sorted.body.find("Eldrivna bussar").unwrap();
        assert!(first < second, "most demand first");
    }
);

db_test!(
    markdown_with_scripts_and_javascript_links_is_rendered_inert,
    |app| {
        let c = cast(&app).await;
        let base = need_form(&c.network, &c.b_org, "Farlig text", "shared");
        let hostile = with(
            &base,
            "problem",
            "<script>alert('x')</script>\n\n[klicka här](javascript:alert(1)) **viktigt**",
        );
        let need = post_need(&app, &c.bo, &hostile).await;
        let page = app.get_as(&c.anna, &format!("/behov/{need}")).await;
        assert!(!page.body.contains("<script>alert"), "no live script");
        assert!(
            !page.body.contains("javascript:alert"),
            "no javascript: link"
        );
        assert!(
            page.body.contains("&lt;script&gt;") && page.body.contains("<strong>viktigt</strong>")
        );
    }
);

db_test!(
    every_edit_keeps_the_previous_version_and_the_history_shows_the_change,
    |app| {
        let c = cast(&app).await;
        let base = need_form(&c.network, &c.b_org, "Elbussar", "shared");
        let need = post_need(&app, &c.bo, &base).await;
        let mut edit = with(&base, "title", "Elbussar i linjetrafik");
        edit.retain(|(k, _)| k != "network" && k != "organisation" && k != "status");
        edit.push(("need".into(), need.clone()));
        edit.push(("version".into(), "1".into()));
        let res = app.post_as(&c.bo, "/api/needs/edit", &encode(&edit)).await;
        assert!(ok(&res), "{}", res.body);
        let stale = app
            .post_as(&c.anna, "/api/needs/edit", &encode(&edit))
            .await;
        assert_eq!(
            stale.status, 409,
            "an edit of version 1 after version 2 is refused"
        );
        let by_observer = app
            .post_as(
                &c.cilla,
                "/api/needs/edit",
                &encode(&with(&edit, "version", "2")),
            )
            .await;
        assert_eq!(by_observer.status, 403);
        let third = with(
            &with(&edit, "version", "2"),
            "problem",
            "Bussarna går på diesel.\nDe bullrar också.",
        );
        let res = app
            .post_as(&c.anna, "/api/needs/edit", &encode(&third))
            .await;
        assert!(ok(&res), "a coordinator may edit: {}", res.body);

        let versions: Vec<(i64, String)> =
            sqlx::query_as("SELECT version, title FROM need_versions ORDER BY version")
                .fetch_all(app.db.pool())
                .await
                .unwrap();
        assert_eq!(
            versions,
            [
                (1, "Elbussar".to_string()),
                (2, "Elbussar i linjetrafik".to_string()),
                (3, "Elbussar i linjetrafik".to_string())
            ]
        );
        let history = app
            .get_as(&c.cilla, &format!("/behov/{need}/historik"))
            .await;
        assert_eq!(history.status, 200);
        assert!(history.body.contains("Version 3") && history.body.contains("Version 1"));
        assert!(
            history
                .body
                .contains("<del><span class=\"visually-hidden\">Borttaget: </span>Elbussar</del>"),
            "{}",
            history.body
        );
        assert!(history.body.contains(
            "<ins><span class=\"visually-hidden\">Tillagt: </span>De bullrar också.</ins>"
        ));
        assert!(history.body.contains("Anna") || history.body.contains("anna"));
    }
);

fn requirement(need: &str, text: &str, level: &str) -> String {
    form(&[
        ("need", need),
        ("text", text),
        ("motive", "Motiv"),
        ("verification", "Provkörning"),
        ("level", level),
    ])
}

async fn requirement_ids(app: &TestApp) -> Vec<(String, String, i64)> {
    sqlx::query_as("SELECT public_id, text, accepted FROM requirements ORDER BY position")
        .fetch_all(app.db.pool())
        .await
        .unwrap()
}

db_test!(
    members_propose_and_reorder_requirements_and_the_owner_accepts_them_with_every_version_kept,
    |app| {
        let c = cast(&app).await;
        let need = post_need(
            &app,
            &c.anna,
            &need_form(&c.network, &c.a_org, "Elbussar", "shared"),
        )
        .await;
        for (text, level) in [
            ("Räckvidd minst 250 km", "ska"),
            ("Laddning över natten", "bor"),
        ] {
            let res = app
                .post_as(
                    &c.bo,
                    "/api/needs/propose-requirement",
                    &requirement(&need, text, level),
                )
                .await;
            assert!(ok(&res), "{}", res.body);
        }
        let observer = app
            .post_as(
                &c.cilla,
                "/api/needs/propose-requirement",
                &requirement(&need, "X", "ska"),
            )
            .await;
        assert_eq!(observer.status, 403);
        let bad = app
            .post_as(
                &c.bo,
                "/api/needs/propose-requirement",
                &requirement(&need, " ", "kanske"),
            )
            .await;
        assert_eq!(bad.status, 400);
        assert!(bad.body.contains(r#""field":"text""#) && bad.body.contains(r#""field":"level""#));
        let ids = requirement_ids(&app).await;
        assert_eq!(ids.len(), 2, "nothing half-saved");
        let (first, second) = (ids[0].0.clone(), ids[1].0.clone());

        let moved = app
            .post_as(
                &c.bo,
                "/api/needs/move-requirement",
                &form(&[("requirement", &second), ("direction", "up")]),
            )
            .await;
        assert!(ok(&moved), "{}", moved.body);
        let order: Vec<String> = requirement_ids(&app)
            .await
            .into_iter()
            .map(|(_, t, _)| t)
            .collect();
        assert_eq!(order, ["Laddning över natten", "Räckvidd minst 250 km"]);

        let by_member = app
            .post_as(
                &c.bo,
                "/api/needs/accept-requirement",
                &form(&[("requirement", &first)]),
            )
            .await;
        assert_eq!(
            by_member.status, 403,
            "Bo's organisation does not own the need"
        );
        let by_owner = app
            .post_as(
                &c.anna,
                "/api/needs/accept-requirement",
                &form(&[("requirement", &first)]),
            )
            .await;
        assert!(ok(&by_owner), "{}", by_owner.body);

        let edit = form(&[
            ("requirement", &first),
            ("version", "2"),
            ("text", "Räckvidd minst 300 km"),
            ("motive", "Motiv"),
            ("verification", "Provkörning"),
            ("level", "ska"),
        ]);
        let res = app
            .post_as(&c.bo, "/api/needs/edit-requirement", &edit)
            .await;
        assert!(ok(&res), "{}", res.body);
        let again = app
            .post_as(&c.bo, "/api/needs/edit-requirement", &edit)
            .await;
        assert_eq!(again.status, 409, "version 2 is gone");
        let now = requirement_ids(&app).await;
        assert!(
            now.iter()
                .any(|(_, t, accepted)| t == "Räckvidd minst 300 km" && *accepted == 0),
            "an edit needs accepting again"
        );
        let (versions,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM requirement_versions")
            .fetch_one(app.db.pool())
            .await
            .unwrap();
        assert_eq!(versions, 4, "two proposals, one acceptance, one edit");

        let page = app.get_as(&c.cilla, &format!("/behov/{need}")).await;
        assert!(
            page.body.contains("Krav 1 – Bör (önskvärt)")
                && page.body.contains("Krav 2 – Ska (obligatoriskt)"),
            "{}",
            page.body
        );
        let history = app
            .get_as(&c.cilla, &format!("/behov/{need}/historik"))
            .await;
        assert!(history.body.contains("<del><span class=\"visually-hidden\">Borttaget: </span>Ska: Räckvidd minst 250 km</del>"), "{}", history.body);
        assert!(history.body.contains("Ska: Räckvidd minst 300 km"));
        assert!(
            !history.body.contains("(ska)"),
            "the history shows words, not codes"
        );
    }
);

/// The needs a list page links to, in order.
fn listed(page: &str) -> Vec<String> {
    page.split("<h3 class=\"card__title\"><a href=\"/behov/")
        .skip(1)
        .filter_map(|rest| rest.split('"').next().map(str::to_string))
        .collect()
}

/// The next page's address, if the page has one.
fn next_page(page: &str) -> Option<String> {
    let at = page.find("rel=\"next\"")?;
    let start = page[..at].rfind("href=\"")? + "href=\"".len();
    let end = start + page[start..].find('"')?;
    Some(page[start..end].replace("&amp;", "&"))
}

db_test!(
    need_lists_come_in_pages_of_25_that_together_hold_every_need_once_in_either_order,
    |app| {
        let c = cast(&app).await;
        let mut posted = Vec::new();
        for i in 0..30 {
            let id = post_need(
                &app,
                &c.anna,
                &need_form(&c.network, &c.a_org, &format!("Behov nummer {i}"), "shared"),
            )
            .await;
            posted.push(id);
        }
        // Some demand, to sort by: need i gets i organisations' worth of value.
        for (i, need) in posted.iter().enumerate().take(6) {
            let res = app
                .post_as(
                    &c.bo,
                    "/api/needs/declare",
                    &declaration(need, &c.b_org, "1", &format!("{}", (i + 1) * 1000), "high"),
                )
                .await;
            assert!(ok(&res), "{}", res.body);
        }
        for start in [
            format!("/natverk/{}", c.network),
            "/behov".to_string(),
            format!("/natverk/{}?sortering=efterfragan", c.network),
        ] {
            let first = app.get_as(&c.anna, &start).await;
            let page_one = listed(&first.body);
            assert_eq!(page_one.len(), 25, "{start}");
            let next = next_page(&first.body).expect("a next page");
            assert!(!first.body.contains("Första sidan"));
            let second = app.get_as(&c.anna, &next).await;
            let page_two = listed(&second.body);
            assert_eq!(page_two.len(), 5, "{next}");
            assert!(next_page(&second.body).is_none(), "the last page");
            assert!(second.body.contains("Första sidan"));
            let mut all: Vec<String> = page_one.iter().chain(&page_two).cloned().collect();
            if start.contains("efterfragan") {
                let most: Vec<String> = posted.iter().take(6).rev().cloned().collect();
                assert_eq!(all[..6], most[..], "most demand first");
                assert!(
                    next.contains("sortering=efterfragan"),
                    "the sort carries over"
                );
            } else {
                let newest: Vec<String> = posted.iter().rev().cloned().collect();
                assert_eq!(all, newest, "newest first, across the pages");
            }
            all.sort();
            all.dedup();
            assert_eq!(all.len(), 30, "every need once");
        }
    }
);

db_test!(
    a_dialogue_can_cover_the_networks_shared_open_needs_and_outsiders_see_none,
    |app| {
        let c = cast(&app).await;
        let shared = post_need(
            &app,
            &c.anna,
            &need_form(&c.network, &c.a_org, "Delat", "shared"),
        )
        .await;
        post_need(
            &app,
            &c.anna,
            &need_form(&c.network, &c.a_org, "Utkast", "draft"),
        )
        .await;
        let withdrawn = post_need(
            &app,
            &c.anna,
            &need_form(&c.network, &c.a_org, "Återkallat", "shared"),
        )
        .await;
        let res = app
            .post_as(
                &c.anna,
                "/api/needs/status",
                &form(&[
                    ("need", &withdrawn),
                    ("status", "withdrawn"),
                    ("reason", "Dubblett"),
                ]),
            )
            .await;
        assert!(ok(&res), "{}", res.body);
        let ask = form(&[("network", &c.network)]);

        let open = app.post_as(&c.bo, "/api/needs/open-in-network", &ask).await;
        let open: Vec<(String, String)> = serde_json::from_str(&open.body).unwrap();
        assert_eq!(open, [(shared, "Delat".to_string())]);

        let (outsider, _) =
            coordinator(&app, "dan@malmo.se", &crate::helpers::org_number(910)).await;
        let refused = app
            .post_as(&outsider, "/api/needs/open-in-network", &ask)
            .await;
        assert_eq!(
            refused.status, 404,
            "a hidden network stays hidden: {}",
            refused.body
        );
        assert_eq!(
            app.post_form("/api/needs/open-in-network", &ask, &[])
                .await
                .status,
            401
        );
    }
);

/// The lists across a person's networks read the needs of those networks
/// through their index, not every need there is (on SQLite, whose plan a
/// test can read; the statements are the same text on both engines).
#[tokio::test]
async fn the_need_lists_read_only_the_needs_of_the_persons_networks() {
    let app = TestApp::spawn(app::db::Engine::Sqlite).await.unwrap();
    let lists: Vec<_> = app::core::sql::STATEMENTS
        .iter()
        .filter(|st| st.module.ends_with("needs::list::store") && st.name.starts_with("LIST_"))
        .filter(|st| st.name != "LIST_CURSOR")
        .collect();
    assert_eq!(
        lists.len(),
        4,
        "newest and most demand, everywhere and in one network"
    );
    for st in lists {
        let plan: Vec<(i64, i64, i64, String)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "EXPLAIN QUERY PLAN {}",
            st.sql
        )))
        .fetch_all(app.db.pool())
        .await
        .unwrap();
        let details: Vec<&str> = plan.iter().map(|(_, _, _, d)| d.as_str()).collect();
        assert!(
            details
                .iter()
                .all(|d| *d != "SCAN n" && !d.starts_with("SCAN n ")),
            "{}: {details:?}",
            st.name
        );
        assert!(
            details
                .iter()
                .any(|d| d.starts_with("SEARCH n USING INDEX needs_network_idx")),
            "{}: {details:?}",
            st.name
        );
    }
}
