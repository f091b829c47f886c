//! The overview: what it shows, and only what the person may see.

use crate::helpers::*;
use crate::needs::{encode, need_form};
use crate::networks::{coordinator, create, invited_and_accepted, join, PASSWORD};
use serde_json::Value;

const HOUR_MS: i64 = 3_600_000;

/// The person's overview as its server function answers it.
async fn overview(app: &TestApp, cookie: &str) -> Value {
    let res = app.post_as(cookie, "/api/overview", "").await;
    assert_eq!(res.status, 200, "{}", res.body);
    serde_json::from_str(&res.body).expect("the overview is JSON")
}

/// The items of one section that are of one kind ("JoinRequest", …).
fn of_kind<'a>(overview: &'a Value, section: &str, kind: &str) -> Vec<&'a Value> {
    overview[section]
        .as_array()
        .unwrap_or_else(|| panic!("{section} is a list: {overview}"))
        .iter()
        .filter_map(|item| item.get(kind))
        .collect()
}

async fn share_need(
    app: &TestApp,
    cookie: &str,
    network: &str,
    org: &str,
    title: &str,
    status: &str,
) -> String {
    let res = app
        .post_as(
            cookie,
            "/api/needs/create",
            &encode(&need_form(network, org, title, status)),
        )
        .await;
    assert!(ok(&res), "{}", res.body);
    res.header("location")
        .trim_start_matches("/behov/")
        .split('?')
        .next()
        .unwrap()
        .to_string()
}

db_test!(
    a_join_request_waits_for_the_networks_coordinators_and_no_one_else,
    |app| {
        let (anna, a_org) = coordinator(&app, "anna@stockholm.se", "212000-0142").await;
        let network = create(&app, &anna, "Fossilfria transporter", &a_org, "listed").await;
        let (bo, b_org) = coordinator(&app, "bo@lund.se", "212000-1355").await;
        let asked = app
            .post_as(
                &bo,
                "/api/networks/request-join",
                &join(&network, &b_org, "Vi köper bussar"),
            )
            .await;
        assert!(ok(&asked), "{}", asked.body);

        let seen = overview(&app, &anna).await;
        let requests = of_kind(&seen, "waiting", "JoinRequest");
        assert_eq!(requests.len(), 1, "{seen}");
        assert_eq!(requests[0]["network"]["public_id"], network.as_str());
        assert_eq!(requests[0]["organisation"], "Organisation 212000-1355");
        let page = app.get_as(&anna, "/oversikt").await;
        assert!(
            page.body
                .contains(&format!("/natverk/{network}#ansokningar")),
            "the item links to where it is decided"
        );
        assert!(page.body.contains("Ansökan om medlemskap från"));

        let asker = overview(&app, &bo).await;
        assert!(
            of_kind(&asker, "waiting", "JoinRequest").is_empty(),
            "the asker decides nothing: {asker}"
        );
        let (dan, _) = coordinator(&app, "dan@umea.se", "202100-5489").await;
        let outsider = overview(&app, &dan).await;
        assert!(
            of_kind(&outsider, "waiting", "JoinRequest").is_empty(),
            "{outsider}"
        );
        assert!(!app
            .get_as(&dan, "/oversikt")
            .await
            .body
            .contains("Organisation 212000-1355"));
    }
);

db_test!(
    proposed_requirements_wait_for_the_needs_owner_only_while_it_may_act_on_them,
    |app| {
        let (anna, a_org) = coordinator(&app, "anna@stockholm.se", "212000-0142").await;
        let network = create(&app, &anna, "Fossilfria transporter", &a_org, "hidden").await;
        let (bo, b_org) = coordinator(&app, "bo@lund.se", "212000-1355").await;
        let (cilla, c_org) = coordinator(&app, "cilla@umea.se", "202100-5489").await;
        invited_and_accepted(&app, &anna, &network, &bo, &b_org, "212000-1355", "member").await;
        invited_and_accepted(
            &app,
            &anna,
            &network,
            &cilla,
            &c_org,
            "202100-5489",
            "observer",
        )
        .await;
        let need = share_need(&app, &bo, &network, &b_org, "Elbussar", "shared").await;
        let proposed = app
            .post_as(
                &anna,
                "/api/needs/propose-requirement",
                &form(&[
                    ("need", &need),
                    ("text", "Räckvidd minst 250 km"),
                    ("motive", "Linjerna är långa"),
                    ("verification", "Provkörning"),
                    ("level", "ska"),
                ]),
            )
            .await;
        assert!(ok(&proposed), "{}", proposed.body);

        let owner = overview(&app, &bo).await;
        let waiting = of_kind(&owner, "waiting", "Requirements");
        assert_eq!(waiting.len(), 1, "{owner}");
        assert_eq!(waiting[0]["need"]["public_id"], need.as_str());
        assert_eq!(waiting[0]["count"], 1);
        for (who, cookie) in [("the proposer", &anna), ("an observer", &cilla)] {
            let seen = overview(&app, cookie).await;
            assert!(
                of_kind(&seen, "waiting", "Requirements").is_empty(),
                "{who}: {seen}"
            );
        }

        // Demoted to observer, the owner no longer acts on it: it no longer
        // waits for them.
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
        let after = overview(&app, &bo).await;
        assert!(
            of_kind(&after, "waiting", "Requirements").is_empty(),
            "{after}"
        );
    }
);

db_test!(a_draft_is_listed_for_its_own_organisation_only, |app| {
    let (anna, a_org) = coordinator(&app, "anna@stockholm.se", "212000-0142").await;
    let network = create(&app, &anna, "Fossilfria transporter", &a_org, "hidden").await;
    let (bo, b_org) = coordinator(&app, "bo@lund.se", "212000-1355").await;
    invited_and_accepted(&app, &anna, &network, &bo, &b_org, "212000-1355", "member").await;
    let draft = share_need(&app, &bo, &network, &b_org, "Hemligt utkast", "draft").await;

    let mine = overview(&app, &bo).await;
    let drafts = mine["drafts"].as_array().unwrap();
    assert_eq!(drafts.len(), 1, "{mine}");
    assert_eq!(drafts[0]["need"]["public_id"], draft.as_str());
    let page = app.get_as(&bo, "/oversikt").await;
    assert!(page.body.contains(&format!("/behov/{draft}")));

    let coordinators = overview(&app, &anna).await;
    assert!(
        coordinators["drafts"].as_array().unwrap().is_empty(),
        "{coordinators}"
    );
    assert!(!app
        .get_as(&anna, "/oversikt")
        .await
        .body
        .contains("Hemligt utkast"));
});

db_test!(
    news_since_the_last_visit_shows_what_members_may_read_and_nothing_twice,
    |app| {
        let (anna, a_org) = coordinator(&app, "anna@stockholm.se", "212000-0142").await;
        let network = create(&app, &anna, "Fossilfria transporter", &a_org, "hidden").await;
        let (cilla, c_org) = coordinator(&app, "cilla@umea.se", "202100-5489").await;
        invited_and_accepted(
            &app,
            &anna,
            &network,
            &cilla,
            &c_org,
            "202100-5489",
            "observer",
        )
        .await;
        let (dan, _) = coordinator(&app, "dan@umea.se", "202100-6255").await;

        let first = overview(&app, &cilla).await;
        assert_eq!(first["first_visit"], true);
        app.clock.advance(2 * HOUR_MS);
        let need = share_need(&app, &anna, &network, &a_org, "Laddinfrastruktur", "shared").await;
        share_need(
            &app,
            &anna,
            &network,
            &a_org,
            "Ett utkast ingen annan ser",
            "draft",
        )
        .await;
        app.clock.advance(60_000);

        let second = overview(&app, &cilla).await;
        assert_eq!(second["first_visit"], false);
        let news = second["news"].as_array().unwrap();
        assert!(
            news.iter()
                .any(|n| n["subject"]["Need"]["public_id"] == need.as_str()
                    && n["change"].get("NeedShared").is_some()),
            "an observer reads the network's news: {second}"
        );
        let page = app.get_as(&cilla, "/oversikt").await;
        assert!(page.body.contains("Laddinfrastruktur"));
        assert!(
            !page.body.contains("Ett utkast ingen annan ser"),
            "drafts are no news"
        );

        let outsider = overview(&app, &dan).await;
        assert!(
            outsider["news"].as_array().unwrap().is_empty(),
            "{outsider}"
        );

        app.clock.advance(2 * HOUR_MS);
        let third = overview(&app, &cilla).await;
        assert!(
            !third["news"]
                .as_array()
                .unwrap()
                .iter()
                .any(|n| n["subject"]["Need"]["public_id"] == need.as_str()),
            "seen at the last visit, so not new again: {third}"
        );
    }
);

db_test!(
    the_overview_is_for_the_signed_in_and_a_newcomer_is_told_the_first_step,
    |app| {
        let anonymous = app.get_with("/oversikt", &[("accept", "text/html")]).await;
        assert!(anonymous.status.is_redirection(), "{}", anonymous.status);
        assert_eq!(
            anonymous.header("location"),
            "/konto/logga-in?till=%2Foversikt"
        );
        let refused = app.post_form("/api/overview", "", &[]).await;
        assert_eq!(refused.status, 401);

        let newcomer = app.verified_user("eva@example.se", PASSWORD).await;
        let seen = overview(&app, &newcomer).await;
        assert_eq!(seen["start"], "NoOrganisation", "{seen}");
        let page = app.get_as(&newcomer, "/oversikt").await;
        assert!(page
            .body
            .contains("Du hör inte till någon organisation än."));
        assert!(page
            .body
            .contains("Gå med i eller registrera en organisation"));
    }
);
