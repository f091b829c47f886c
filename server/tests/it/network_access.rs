//! The authorisation matrix: every network server function, called by
//! every kind of person, on a listed and on a hidden network.
//!
//! Each call carries an input that the function refuses right after its
//! authorisation gate (an empty reason, an unknown decision…), so "allowed"
//! shows as 400 and nothing changes, while "denied" shows as 401 (not
//! signed in), 403 (may not) or 404 (may not know the network exists).
//! Leaving is real and runs last.

use crate::helpers::{form, TestApp};
use crate::networks::{coordinator, create, PASSWORD};

const ALLOWED: u16 = 400;
const DONE: u16 = 200;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Who {
    Anonymous,
    SignedIn,
    OtherNetwork,
    SiteAdmin,
    Observer,
    Member,
    Coordinator,
}

struct Person {
    who: Who,
    cookie: Option<String>,
    /// The organisation the person administers, if any.
    org: String,
}

/// Anna's organisation coordinates both networks; Mia's is a member and
/// Olle's an observer in both; Xena's coordinates a network of its own.
async fn cast(app: &TestApp) -> (Vec<Person>, String, String) {
    let (anna, a_org) = coordinator(app, "anna@stockholm.se", "212000-0142").await;
    let listed = create(app, &anna, "Det listade", &a_org, "listed").await;
    let hidden = create(app, &anna, "Det dolda", &a_org, "hidden").await;
    let (mia, m_org) = coordinator(app, "mia@lund.se", "212000-1355").await;
    let (olle, o_org) = coordinator(app, "olle@umea.se", "202100-5489").await;
    let (xena, x_org) = coordinator(app, "xena@kiruna.se", "212000-0159").await;
    create(app, &xena, "Xenas nätverk", &x_org, "listed").await;
    for network in [&listed, &hidden] {
        for (cookie, org, number, role) in [
            (&mia, &m_org, "212000-1355", "member"),
            (&olle, &o_org, "202100-5489", "observer"),
        ] {
            crate::networks::invited_and_accepted(app, &anna, network, cookie, org, number, role)
                .await;
        }
    }
    let sven = app.verified_user("sven@example.se", PASSWORD).await;
    let admin = app.verified_user("admin@samrad.se", PASSWORD).await;
    sqlx::query("UPDATE accounts SET is_site_admin = 1 WHERE email = 'admin@samrad.se'")
        .execute(app.db.pool())
        .await
        .unwrap();
    let people = vec![
        Person {
            who: Who::Anonymous,
            cookie: None,
            org: String::new(),
        },
        Person {
            who: Who::SignedIn,
            cookie: Some(sven),
            org: String::new(),
        },
        Person {
            who: Who::OtherNetwork,
            cookie: Some(xena),
            org: x_org,
        },
        Person {
            who: Who::SiteAdmin,
            cookie: Some(admin),
            org: String::new(),
        },
        Person {
            who: Who::Observer,
            cookie: Some(olle),
            org: o_org,
        },
        Person {
            who: Who::Member,
            cookie: Some(mia),
            org: m_org,
        },
        Person {
            who: Who::Coordinator,
            cookie: Some(anna),
            org: a_org,
        },
    ];
    (people, listed, hidden)
}

async fn call(app: &TestApp, person: &Person, path: &str, body: &str) -> u16 {
    let res = match &person.cookie {
        Some(cookie) => app.post_as(cookie, path, body).await,
        None => app.post_form(path, body, &[]).await,
    };
    res.status.as_u16()
}

/// A page load as a browser makes it (which is what makes a redirect 302).
async fn get(app: &TestApp, person: &Person, path: &str) -> u16 {
    let mut headers = vec![("accept", "text/html")];
    if let Some(cookie) = &person.cookie {
        headers.push(("cookie", cookie));
    }
    let res = app.get_with(path, &headers).await;
    if res.status == 302 && res.header("location") == "/konto/logga-in" {
        401
    } else {
        res.status.as_u16()
    }
}

/// What an outsider gets: 403 where the network may be known, 404 where
/// it is hidden.
fn outsider(hidden: bool) -> u16 {
    if hidden {
        404
    } else {
        403
    }
}

/// The expected answer of `function` for `who` on a listed or hidden
/// network. This table is the specification.
fn expected(function: &str, who: Who, hidden: bool) -> u16 {
    use Who::*;
    let knows = !hidden || matches!(who, SiteAdmin | Observer | Member | Coordinator);
    match (function, who) {
        (_, Anonymous) => 401,
        ("view" | "page", _) if knows => 200,
        ("view" | "page", _) => 404,
        ("status" | "decide" | "invite" | "role" | "find", Coordinator) => {
            if function == "find" {
                200
            } else {
                ALLOWED
            }
        }
        ("audit.csv", Coordinator) => 200,
        ("status" | "decide" | "invite" | "role" | "find" | "audit.csv", _) if knows => 403,
        ("status" | "decide" | "invite" | "role" | "find" | "audit.csv", _) => outsider(hidden),
        // Asking to join needs an organisation one administers.
        ("request", SignedIn | SiteAdmin) => outsider(hidden && who == SignedIn),
        ("request", OtherNetwork) if hidden => 404,
        ("request", _) => ALLOWED,
        ("leave", SignedIn | SiteAdmin) => outsider(hidden && who == SignedIn),
        ("leave", OtherNetwork) => 404,
        ("leave", Observer | Member) => DONE,
        ("leave", Coordinator) => 409,
        _ => unreachable!("{function} {who:?}"),
    }
}

db_test!(
    every_network_function_allows_and_denies_exactly_per_the_matrix,
    |app| {
        let (people, listed, hidden) = cast(&app).await;
        let mut wrong = Vec::new();
        for (network, is_hidden) in [(&listed, false), (&hidden, true)] {
            for person in &people {
                let n = network.as_str();
                let org = person.org.as_str();
                let calls: Vec<(&str, u16)> = vec![
                    (
                        "view",
                        call(&app, person, "/api/networks/view", &form(&[("network", n)])).await,
                    ),
                    ("page", get(&app, person, &format!("/natverk/{n}")).await),
                    (
                        "status",
                        call(
                            &app,
                            person,
                            "/api/networks/status",
                            &form(&[("network", n), ("status", "active"), ("reason", "")]),
                        )
                        .await,
                    ),
                    (
                        "decide",
                        call(
                            &app,
                            person,
                            "/api/networks/decide-join",
                            &form(&[
                                ("network", n),
                                ("organisation", org),
                                ("decision", "kanske"),
                            ]),
                        )
                        .await,
                    ),
                    (
                        "invite",
                        call(
                            &app,
                            person,
                            "/api/networks/invite",
                            &form(&[("network", n), ("org_number", "1"), ("role", "member")]),
                        )
                        .await,
                    ),
                    (
                        "role",
                        call(
                            &app,
                            person,
                            "/api/networks/role",
                            &form(&[("network", n), ("organisation", org), ("role", "chef")]),
                        )
                        .await,
                    ),
                    (
                        "find",
                        call(
                            &app,
                            person,
                            "/api/networks/find-organisations",
                            &form(&[("network", n), ("text", "Organisation")]),
                        )
                        .await,
                    ),
                    (
                        "audit.csv",
                        get(&app, person, &format!("/natverk/{n}/logg.csv")).await,
                    ),
                    (
                        "request",
                        call(
                            &app,
                            person,
                            "/api/networks/request-join",
                            &form(&[("network", n), ("organisation", org), ("motivation", "")]),
                        )
                        .await,
                    ),
                ];
                for (function, got) in calls {
                    let want = expected(function, person.who, is_hidden);
                    if got != want {
                        wrong.push(format!(
                            "{function} by {:?} on {} network: got {got}, want {want}",
                            person.who,
                            if is_hidden { "hidden" } else { "listed" }
                        ));
                    }
                }
            }
            // Leaving changes membership, so it runs after everything else.
            for person in &people {
                let got = call(
                    &app,
                    person,
                    "/api/networks/leave",
                    &form(&[("network", network), ("organisation", &person.org)]),
                )
                .await;
                let want = expected("leave", person.who, is_hidden);
                if got != want {
                    wrong.push(format!(
                        "leave by {:?} (hidden: {is_hidden}): got {got}, want {want}",
                        person.who
                    ));
                }
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }
);

db_test!(
    hidden_networks_leak_nothing_to_outsiders_in_lists_or_counts,
    |app| {
        let (people, _, _) = cast(&app).await;
        for person in people.iter().filter(|p| p.cookie.is_some()) {
            let cookie = person.cookie.as_deref().unwrap();
            let directory = app.post_as(cookie, "/api/networks/directory", "").await;
            let page: serde_json::Value = serde_json::from_str(&directory.body).unwrap();
            let insider = matches!(person.who, Who::Observer | Who::Member | Who::Coordinator);
            assert_eq!(
                directory.body.contains("Det dolda"),
                insider,
                "{:?}: {}",
                person.who,
                directory.body
            );
            assert_eq!(
                page["total"],
                if insider { 3 } else { 2 },
                "{:?}",
                person.who
            );
            let html = app.get_as(cookie, "/natverk").await;
            assert_eq!(html.body.contains("Det dolda"), insider, "{:?}", person.who);
            let mine = app.get_as(cookie, "/natverk/mina").await;
            assert_eq!(mine.body.contains("Det dolda"), insider, "{:?}", person.who);
            let organisation_search = app
                .post_as(
                    cookie,
                    "/api/networks/find-organisations",
                    &form(&[("network", "x"), ("text", "Det dolda")]),
                )
                .await;
            assert_eq!(organisation_search.status, 404);
        }
    }
);
