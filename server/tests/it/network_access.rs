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
    if res.status == 302 && res.header("location").starts_with("/konto/logga-in?till=") {
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
                    &form(&[
                        ("network", network),
                        ("organisation", &person.org),
                        ("confirm", "ja"),
                    ]),
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

/// Who asks, in the content matrix below.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Asker {
    Anonymous,
    /// Signed in, in no organisation of the network.
    Outsider,
    /// Was in a member organisation until its admin removed them.
    Removed,
    Observer,
    /// Their organisation was a member and is now an observer; it still
    /// owns a need and hosts a dialogue it made before.
    Demoted,
    /// Bo: his organisation owns one need and hosts two dialogues.
    Member,
    Coordinator,
}

/// The expected answer of a content function in an active network
/// (`closed` false) or a closed one. The owner of "bo's" things is
/// Member; of "eva's" things Demoted. `allowed` calls carry input refused
/// right after the gate (400), or end on the network's or dialogue's
/// state (409).
fn content_expected(function: &str, who: Asker, closed: bool) -> u16 {
    use Asker::*;
    let allowed = if closed { 409 } else { 400 };
    let reads = matches!(who, Observer | Demoted | Member | Coordinator);
    match (function, who) {
        ("feed of a departed organisation", _) => 404,
        ("feed of bo's organisation", _) => 200,
        (_, Anonymous) => 401,
        (_, Outsider | Removed) => 404,
        ("view bo's need", _) if reads => 200,
        // Following is reading: an observer, a demoted organisation's
        // person and a closed network's reader may still follow.
        ("follow the discussion on bo's need", _) if reads => 400,
        // The owner organisation while it writes, or a coordinator.
        ("edit bo's need", Member | Coordinator) => allowed,
        ("edit eva's need", Coordinator) => allowed,
        // Members and coordinators take part; observers only read.
        ("comment on bo's need" | "declare on bo's need", Member | Coordinator) => allowed,
        // Only a host organisation that writes runs a dialogue.
        ("run bo's dialogue", Member) => allowed,
        // An archived dialogue is frozen (409) whatever the network's state.
        ("answer in bo's archived dialogue", Member) => 409,
        _ => 403,
    }
}

db_test!(
    content_functions_follow_current_roles_and_the_network_state,
    |app| {
        use crate::dialogues::{dialogue_form, plan};
        use crate::helpers::{ok, org_number};
        use crate::needs::{need_form, post_need};
        let (anna, a_org) = coordinator(&app, "anna@stockholm.se", "212000-0142").await;
        let network = create(&app, &anna, "Nätverket", &a_org, "listed").await;
        let status =
            |to: &str| form(&[("network", &network), ("status", to), ("reason", "Beslut")]);
        assert!(ok(&app
            .post_as(&anna, "/api/networks/status", &status("active"))
            .await));
        let mut cast = Vec::new();
        for (email, i, role) in [
            ("bo@lund.se", 1, "member"),
            ("eva@umea.se", 2, "member"),
            ("olle@kiruna.se", 3, "observer"),
            ("fia@mora.se", 4, "member"),
        ] {
            let number = org_number(i);
            let (cookie, org) = coordinator(&app, email, &number).await;
            crate::networks::invited_and_accepted(
                &app, &anna, &network, &cookie, &org, &number, role,
            )
            .await;
            cast.push((cookie, org));
        }
        let [(bo, b_org), (eva, e_org), (olle, _), (fia, f_org)] = cast.try_into().unwrap();
        // Dag joins Bo's organisation and is removed from it again.
        let dag = app.verified_user("dag@lund.se", PASSWORD).await;
        let joined = app
            .post_as(
                &dag,
                "/api/organisations/register",
                &form(&[
                    ("org_number", &org_number(1)),
                    ("name", "x"),
                    ("kind", "kommun"),
                    ("lan", "01"),
                    ("kommun", "0180"),
                    ("website", ""),
                ]),
            )
            .await;
        assert!(ok(&joined), "{}", joined.body);
        let (dag_id,): (i64,) =
            sqlx::query_as("SELECT id FROM accounts WHERE email = 'dag@lund.se'")
                .fetch_one(app.db.pool())
                .await
                .unwrap();
        let dag_id = dag_id.to_string();
        let member = form(&[("organisation", &b_org), ("account_id", &dag_id)]);
        let approve = format!("{member}&decision=approve");
        assert!(ok(&app
            .post_as(&bo, "/api/organisations/decide", &approve)
            .await));
        let bos_need = post_need(
            &app,
            &bo,
            &need_form(&network, &b_org, "Bo:s behov", "shared"),
        )
        .await;
        let evas_need = post_need(
            &app,
            &eva,
            &need_form(&network, &e_org, "Evas behov", "shared"),
        )
        .await;
        let bos_dialogue = plan(&app, &bo, &dialogue_form(&network, &b_org, &bos_need, "5")).await;
        let archived = plan(&app, &bo, &dialogue_form(&network, &b_org, &bos_need, "5")).await;
        for step in ["announced", "open", "closed", "summarised", "archived"] {
            let res = app
                .post_as(
                    &bo,
                    "/api/dialogues/status",
                    &form(&[
                        ("dialogue", &archived),
                        ("status", step),
                        ("reason", "Steg"),
                    ]),
                )
                .await;
            assert!(ok(&res), "{}", res.body);
        }
        let feed_of = |cookie: String| {
            let app = &app;
            let network = network.clone();
            async move {
                let page = app.get_as(&cookie, &format!("/natverk/{network}")).await;
                let at = page.body.find("/kalender/").expect("a feed address");
                let rest = &page.body[at..];
                rest[..rest.find(".ics").unwrap() + 4].to_string()
            }
        };
        let bos_feed = feed_of(bo.clone()).await;
        let departed_feed = feed_of(fia.clone()).await;
        let left = app
            .post_as(
                &fia,
                "/api/networks/leave",
                &form(&[
                    ("network", &network),
                    ("organisation", &f_org),
                    ("confirm", "ja"),
                ]),
            )
            .await;
        assert!(ok(&left), "{}", left.body);
        let demoted = app
            .post_as(
                &anna,
                "/api/networks/role",
                &form(&[
                    ("network", &network),
                    ("organisation", &e_org),
                    ("role", "observer"),
                ]),
            )
            .await;
        assert!(ok(&demoted), "{}", demoted.body);
        assert!(ok(&app
            .post_as(
                &bo,
                "/api/organisations/remove-member",
                &format!("{member}&confirm=ja")
            )
            .await));
        let sven = app.verified_user("sven@example.se", PASSWORD).await;
        let people = [
            (Asker::Anonymous, None),
            (Asker::Outsider, Some(sven)),
            (Asker::Removed, Some(dag)),
            (Asker::Observer, Some(olle)),
            (Asker::Demoted, Some(eva)),
            (Asker::Member, Some(bo.clone())),
            (Asker::Coordinator, Some(anna.clone())),
        ];
        let edit = |need: &str| {
            let mut pairs = need_form(&network, &b_org, "", "shared");
            pairs.retain(|(k, _)| !["network", "organisation", "status"].contains(&k.as_str()));
            pairs.push(("need".into(), need.into()));
            pairs.push(("version".into(), "1".into()));
            crate::needs::encode(&pairs)
        };
        let calls: Vec<(&str, &str, String)> = vec![
            (
                "view bo's need",
                "/api/needs/view",
                form(&[("need", &bos_need)]),
            ),
            ("edit bo's need", "/api/needs/edit", edit(&bos_need)),
            ("edit eva's need", "/api/needs/edit", edit(&evas_need)),
            (
                "comment on bo's need",
                "/api/comments/post",
                form(&[("subject", "need"), ("target", &bos_need), ("body", "")]),
            ),
            (
                "follow the discussion on bo's need",
                "/api/comments/follow",
                form(&[
                    ("subject", "need"),
                    ("target", &bos_need),
                    ("follow", "kanske"),
                ]),
            ),
            (
                "declare on bo's need",
                "/api/needs/declare",
                form(&[
                    ("need", &bos_need),
                    ("organisation", ""),
                    ("quantity", ""),
                    ("unit", ""),
                    ("value", ""),
                    ("earliest", ""),
                    ("confidence", ""),
                ]),
            ),
            (
                "run bo's dialogue",
                "/api/dialogues/status",
                form(&[
                    ("dialogue", &bos_dialogue),
                    ("status", "announced"),
                    ("reason", ""),
                ]),
            ),
            (
                "answer in bo's archived dialogue",
                "/api/dialogues/qa",
                form(&[("dialogue", &archived), ("question", ""), ("answer", "")]),
            ),
        ];
        let mut wrong = Vec::new();
        for closed in [false, true] {
            if closed {
                for step in ["dormant", "closed"] {
                    assert!(ok(&app
                        .post_as(&anna, "/api/networks/status", &status(step))
                        .await));
                }
            }
            for (who, cookie) in &people {
                for (function, path, body) in &calls {
                    let res = match cookie {
                        Some(cookie) => app.post_as(cookie, path, body).await,
                        None => app.post_form(path, body, &[]).await,
                    };
                    let want = content_expected(function, *who, closed);
                    if res.status.as_u16() != want {
                        wrong.push(format!(
                            "{function} by {who:?} (closed: {closed}): got {} {}, want {want}",
                            res.status, res.body
                        ));
                    }
                }
            }
            // The search finds the network's needs for its readers only,
            // in its results and its counts alike.
            for (who, cookie) in &people {
                let found = crate::search::search(&app, cookie.as_deref(), "behov", &[]).await;
                let reads = matches!(
                    who,
                    Asker::Observer | Asker::Demoted | Asker::Member | Asker::Coordinator
                );
                let want = if reads { 2 } else { 0 };
                let counted: i64 = found.counts.iter().map(|(_, n)| n).sum();
                if (found.hits.len() as i64, found.total, counted) != (want, want, want) {
                    wrong.push(format!(
                        "search by {who:?} (closed: {closed}): {} hits, {} total, {counted} counted, want {want}",
                        found.hits.len(),
                        found.total
                    ));
                }
            }
            for (function, path) in [
                ("feed of bo's organisation", &bos_feed),
                ("feed of a departed organisation", &departed_feed),
            ] {
                let got = app.get(path).await.status.as_u16();
                let want = content_expected(function, Asker::Anonymous, closed);
                if got != want {
                    wrong.push(format!(
                        "{function} (closed: {closed}): got {got}, want {want}"
                    ));
                }
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }
);
