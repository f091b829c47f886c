//! Notifications in the app: a reply reaches the comment's author, a new
//! comment the discussion's followers, never the writer and nobody who
//! may not read the discussion; what its reader may no longer see leaves
//! their list and count; each person reads and marks only their own.

use crate::comments::{comment, id_of};
use crate::helpers::{form, ok, TestApp};
use crate::networks::{coordinator, create, PASSWORD};
use app::notifications::{About, Inbox, Kind, Notification};

/// Anna's organisation coordinates a hidden network, Bo's is a member and
/// Cilla's observes; Bo's organisation has shared a need. Dan
/// coordinates a network of his own, Sven belongs to no organisation and
/// Siv acts for a supplier. (people, network, need)
struct Cast {
    anna: String,
    bo: String,
    cilla: String,
    outsiders: Vec<(&'static str, String)>,
    network: String,
    need: String,
    b_org: String,
}

async fn cast(app: &TestApp) -> Cast {
    let (anna, a_org) = coordinator(app, "anna@stockholm.se", "212000-0142").await;
    let network = create(app, &anna, "Det dolda", &a_org, "hidden").await;
    let (bo, b_org) = coordinator(app, "bo@lund.se", "212000-1355").await;
    let (cilla, c_org) = coordinator(app, "cilla@umea.se", "202100-5489").await;
    for (cookie, org, number, role) in [
        (&bo, &b_org, "212000-1355", "member"),
        (&cilla, &c_org, "202100-5489", "observer"),
    ] {
        crate::networks::invited_and_accepted(app, &anna, &network, cookie, org, number, role)
            .await;
    }
    let need = crate::needs::post_need(
        app,
        &bo,
        &crate::needs::need_form(&network, &b_org, "Elbussar", "shared"),
    )
    .await;
    let (dan, d_org) = coordinator(app, "dan@kiruna.se", "212000-0159").await;
    create(app, &dan, "Dans nätverk", &d_org, "listed").await;
    let sven = app.verified_user("sven@example.se", PASSWORD).await;
    let (siv, _) = crate::market::supplier_person(app, "Siv Leverantör", "siv@lev.se", 1).await;
    Cast {
        anna,
        bo,
        cilla,
        outsiders: vec![("dan", dan), ("sven", sven), ("siv", siv)],
        network,
        need,
        b_org,
    }
}

async fn inbox(app: &TestApp, cookie: &str) -> Inbox {
    let res = app.post_as(cookie, "/api/notifications", "").await;
    assert!(ok(&res), "{} {}", res.status, res.body);
    serde_json::from_str(&res.body).expect("an inbox")
}

async fn unread(app: &TestApp, cookie: &str) -> i64 {
    let res = app.post_as(cookie, "/api/notifications/unread", "").await;
    assert!(ok(&res), "{} {}", res.status, res.body);
    res.body.trim().parse().expect("a count")
}

/// What the person's notifications are: (kind, the comment's public id
/// or the asking organisation's name), newest first.
async fn seen(app: &TestApp, cookie: &str) -> Vec<(Kind, String)> {
    inbox(app, cookie).await.items.iter().map(what).collect()
}

fn what(n: &Notification) -> (Kind, String) {
    match &n.about {
        About::Comment { comment, .. } => (n.kind, comment.clone()),
        About::Joining { organisation, .. } => (n.kind, organisation.clone()),
    }
}

/// The first digit of the header's unread count, if it shows one (at
/// nought the number is there, hidden).
fn header_count(page: &str) -> Option<char> {
    let class = page.find(r#"class="unread-count""#)?;
    let start = page[..class].rfind('<')?;
    let end = class + page[class..].find('>')?;
    if page[start..end].contains("hidden") {
        return None;
    }
    page[end..].chars().find(char::is_ascii_digit)
}

/// A form post that went through (a redirect, or 200 for a script).
fn done(status: u16) -> bool {
    (200..400).contains(&status)
}

async fn follow(app: &TestApp, cookie: &str, need: &str, follow: &str) -> u16 {
    app.post_as(
        cookie,
        "/api/comments/follow",
        &form(&[("subject", "need"), ("target", need), ("follow", follow)]),
    )
    .await
    .status
    .as_u16()
}

db_test!(
    a_reply_reaches_its_author_and_the_followers_never_the_writer_or_outsiders,
    |app| {
        let c = cast(&app).await;
        let top = id_of(&comment(&app, &c.bo, &c.need, "", "Vi behöver tio bussar.").await);
        assert!(
            seen(&app, &c.bo).await.is_empty(),
            "nobody is told of their own comment"
        );
        let reply = id_of(&comment(&app, &c.anna, &c.need, &top, "Vi också.").await);
        assert_eq!(seen(&app, &c.bo).await, vec![(Kind::Reply, reply.clone())]);
        assert!(seen(&app, &c.anna).await.is_empty());
        assert!(
            seen(&app, &c.cilla).await.is_empty(),
            "an observer who neither wrote nor follows is not told"
        );

        assert!(done(follow(&app, &c.cilla, &c.need, "ja").await));
        let page = app.get_as(&c.cilla, &format!("/behov/{}", c.need)).await;
        assert!(
            page.body.contains("Sluta följa diskussionen"),
            "{}",
            page.body
        );
        let deeper = id_of(&comment(&app, &c.bo, &c.need, &reply, "Bra, då är vi två.").await);
        assert_eq!(
            seen(&app, &c.anna).await,
            vec![(Kind::Reply, deeper.clone())],
            "a reply to her comment, once, though she also follows"
        );
        assert_eq!(
            seen(&app, &c.cilla).await,
            vec![(Kind::Discussion, deeper.clone())]
        );
        assert_eq!(
            seen(&app, &c.bo).await,
            vec![(Kind::Reply, reply.clone())],
            "Bo is not told of what he wrote himself"
        );
        assert_eq!(unread(&app, &c.bo).await, 1);

        for (who, cookie) in &c.outsiders {
            assert!(seen(&app, cookie).await.is_empty(), "{who} sees nothing");
            assert_eq!(unread(&app, cookie).await, 0, "{who} counts nothing");
            assert_eq!(follow(&app, cookie, &c.need, "ja").await, 404, "{who}");
        }
        let stored: i64 = app.count("notifications").await;
        assert_eq!(stored, 3, "three notifications, none for anyone else");

        let page = app.get_as(&c.bo, "/aviseringar").await;
        assert!(
            page.body.contains("svarade på din kommentar om"),
            "{}",
            page.body
        );
        assert!(page
            .body
            .contains(&format!("/behov/{}#kommentar-{reply}", c.need)));
        assert!(page.body.contains("Du har 1 oläst avisering."));
        let header = app.get_as(&c.bo, "/natverk").await;
        assert_eq!(
            header_count(&header.body),
            Some('1'),
            "the header counts on every page, without JavaScript"
        );
        let none = app.get_as(&c.outsiders[0].1, "/natverk").await;
        assert!(none.body.contains(r#"class="unread-count""#));
        assert_eq!(header_count(&none.body), None, "no count when all is read");
    }
);

db_test!(
    unfollowing_stops_news_of_the_discussion_but_not_replies_to_ones_own_comments,
    |app| {
        let c = cast(&app).await;
        let bos = id_of(&comment(&app, &c.bo, &c.need, "", "Första").await);
        comment(&app, &c.anna, &c.need, "", "Andra").await;
        assert_eq!(
            seen(&app, &c.bo).await.len(),
            1,
            "he follows where he wrote"
        );
        assert!(done(follow(&app, &c.bo, &c.need, "nej").await));
        assert_eq!(follow(&app, &c.bo, &c.need, "kanske").await, 400);
        comment(&app, &c.anna, &c.need, "", "Tredje").await;
        assert_eq!(seen(&app, &c.bo).await.len(), 1, "no news once unfollowed");
        let reply = id_of(&comment(&app, &c.anna, &c.need, &bos, "Svar till Bo").await);
        assert_eq!(
            seen(&app, &c.bo).await.first(),
            Some(&(Kind::Reply, reply)),
            "a reply to his own comment still reaches him"
        );
        let page = app.get_as(&c.bo, &format!("/behov/{}", c.need)).await;
        assert!(page.body.contains("Följ diskussionen"), "{}", page.body);
        assert!(!page.body.contains("Sluta följa"));
    }
);

db_test!(
    a_notification_leaves_when_its_reader_may_no_longer_see_what_it_is_about,
    |app| {
        let c = cast(&app).await;
        let top = id_of(&comment(&app, &c.bo, &c.need, "", "Första").await);
        let hidden = id_of(&comment(&app, &c.anna, &c.need, &top, "Dolt svar").await);
        let kept = id_of(&comment(&app, &c.anna, &c.need, &top, "Kvar").await);
        assert_eq!(unread(&app, &c.bo).await, 2);
        let hide = app
            .post_as(
                &c.anna,
                "/api/comments/hide",
                &form(&[("comment", &hidden), ("reason", "Utanför ämnet")]),
            )
            .await;
        assert!(ok(&hide), "{}", hide.body);
        assert_eq!(seen(&app, &c.bo).await, vec![(Kind::Reply, kept.clone())]);
        assert_eq!(unread(&app, &c.bo).await, 1, "the count follows the list");

        // The app has no way back to draft today; were one added, a draft
        // is its owner's alone, and so are the notifications about it.
        assert!(done(follow(&app, &c.cilla, &c.need, "ja").await));
        assert!(ok(&comment(&app, &c.anna, &c.need, "", "Till alla").await));
        assert_eq!(seen(&app, &c.cilla).await.len(), 1);
        sqlx::query("UPDATE needs SET status = 'draft' WHERE public_id = $1")
            .bind(&c.need)
            .execute(app.db.pool())
            .await
            .unwrap();
        assert!(
            seen(&app, &c.cilla).await.is_empty(),
            "another organisation's draft"
        );
        assert_eq!(
            seen(&app, &c.bo).await.len(),
            2,
            "his organisation's own draft"
        );
        sqlx::query("UPDATE needs SET status = 'shared' WHERE public_id = $1")
            .bind(&c.need)
            .execute(app.db.pool())
            .await
            .unwrap();

        let left = app
            .post_as(
                &c.bo,
                "/api/networks/leave",
                &form(&[
                    ("network", &c.network),
                    ("organisation", &c.b_org),
                    ("confirm", "ja"),
                ]),
            )
            .await;
        assert!(ok(&left), "{}", left.body);
        assert!(
            seen(&app, &c.bo).await.is_empty(),
            "nothing of a network his organisation left"
        );
        assert_eq!(unread(&app, &c.bo).await, 0);
    }
);

db_test!(
    a_person_marks_their_own_notifications_read_and_nobody_elses,
    |app| {
        let c = cast(&app).await;
        let top = id_of(&comment(&app, &c.bo, &c.need, "", "Första").await);
        comment(&app, &c.anna, &c.need, &top, "Ett").await;
        comment(&app, &c.anna, &c.need, &top, "Två").await;
        let items = inbox(&app, &c.bo).await.items;
        assert_eq!(items.len(), 2);
        // The newer one: its id is not 1, so the address must carry its own.
        let first = items[0].id.to_string();
        assert_ne!(first, "1");
        let mark = |cookie: String, id: String| {
            let app = &app;
            async move {
                app.post_as(
                    &cookie,
                    "/api/notifications/read",
                    &form(&[("notification", &id)]),
                )
                .await
            }
        };
        assert_eq!(mark(c.anna.clone(), first.clone()).await.status, 404);
        assert_eq!(mark(c.bo.clone(), "inte ett tal".into()).await.status, 400);
        assert_eq!(
            unread(&app, &c.bo).await,
            2,
            "another's attempt changed nothing"
        );
        let marked = mark(c.bo.clone(), first.clone()).await;
        assert!(ok(&marked));
        assert_eq!(
            marked.header("location"),
            format!("/aviseringar?last={first}#notice")
        );
        assert!(
            ok(&mark(c.bo.clone(), first.clone()).await),
            "again: no change"
        );
        assert_eq!(unread(&app, &c.bo).await, 1);
        let page = app.get_as(&c.bo, marked.header("location")).await;
        assert!(page.body.contains("Aviseringen är markerad som läst."));
        let all = app.post_as(&c.bo, "/api/notifications/read-all", "").await;
        assert!(ok(&all));
        assert_eq!(unread(&app, &c.bo).await, 0);
        let inbox = inbox(&app, &c.bo).await;
        assert!(
            inbox.items.iter().all(|n| n.read),
            "the history stays, read"
        );
        assert_eq!(inbox.items.len(), 2);

        assert_eq!(
            app.post_form("/api/notifications", "", &[]).await.status,
            401
        );
        let page = app
            .get_with("/aviseringar", &[("accept", "text/html")])
            .await;
        assert_eq!(page.status, 302);
        assert!(page.header("location").starts_with("/konto/logga-in?till="));

        let deleted = app
            .post_as(
                &c.bo,
                "/api/accounts/delete",
                &form(&[("confirm_password", PASSWORD), ("confirm", "ja")]),
            )
            .await;
        assert!(ok(&deleted), "{}", deleted.body);
        let (left,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM notifications n JOIN accounts a ON a.id = n.account_id \
             WHERE a.deleted_at IS NOT NULL",
        )
        .fetch_one(app.db.pool())
        .await
        .unwrap();
        assert_eq!(left, 0, "a deleted account's notifications go with it");
    }
);

db_test!(
    a_join_request_reaches_the_coordinators_and_its_answer_the_asking_admins,
    |app| {
        use crate::helpers::org_number;
        let (anna, a_org) = coordinator(&app, "anna@stockholm.se", "212000-0142").await;
        let network = create(&app, &anna, "Det listade", &a_org, "listed").await;
        let (bo, b_org) = coordinator(&app, "bo@lund.se", "212000-1355").await;
        crate::networks::invited_and_accepted(
            &app,
            &anna,
            &network,
            &bo,
            &b_org,
            "212000-1355",
            "member",
        )
        .await;
        let mut asking = Vec::new();
        for (email, i) in [("eva@umea.se", 1), ("fia@mora.se", 2)] {
            let (cookie, org) = coordinator(&app, email, &org_number(i)).await;
            let asked = app
                .post_as(
                    &cookie,
                    "/api/networks/request-join",
                    &form(&[
                        ("network", &network),
                        ("organisation", &org),
                        ("motivation", "Vi köper också bussar."),
                    ]),
                )
                .await;
            assert!(ok(&asked), "{}", asked.body);
            asking.push((cookie, org, format!("Organisation {}", org_number(i))));
        }
        let [(eva, e_org, e_name), (fia, f_org, f_name)] = asking.try_into().unwrap();
        assert_eq!(
            seen(&app, &anna).await,
            vec![
                (Kind::JoinRequest, f_name.clone()),
                (Kind::JoinRequest, e_name.clone())
            ]
        );
        let first = &inbox(&app, &anna).await.items[0];
        assert_eq!(first.href(), format!("/natverk/{network}#ansokningar"));
        assert!(seen(&app, &bo).await.is_empty(), "a member does not decide");
        assert!(
            seen(&app, &eva).await.is_empty(),
            "nor is the asker told of asking"
        );

        let decide = |org: String, decision: &'static str| {
            let (app, anna, network) = (&app, anna.clone(), network.clone());
            async move {
                app.post_as(
                    &anna,
                    "/api/networks/decide-join",
                    &form(&[
                        ("network", &network),
                        ("organisation", &org),
                        ("decision", decision),
                        ("reason", "Nätverket gäller Stockholms län."),
                        ("confirm", "ja"),
                    ]),
                )
                .await
            }
        };
        assert!(ok(&decide(e_org.clone(), "approve").await));
        assert!(ok(&decide(f_org.clone(), "refuse").await));
        assert_eq!(
            seen(&app, &eva).await,
            vec![(Kind::JoinApproved, e_name.clone())]
        );
        assert_eq!(
            seen(&app, &fia).await,
            vec![(Kind::JoinRefused, f_name.clone())]
        );
        assert_eq!(seen(&app, &anna).await.len(), 2, "the decider is not told");
        let page = app.get_as(&fia, "/aviseringar").await;
        assert!(page.body.contains("fick nej till att gå med i nätverket"));

        // Bo's organisation now coordinates too; Anna's becomes a member:
        // the requests are the coordinators' of today.
        for (org, role) in [(&b_org, "coordinator"), (&a_org, "member")] {
            let res = app
                .post_as(
                    &anna,
                    "/api/networks/role",
                    &form(&[("network", &network), ("organisation", org), ("role", role)]),
                )
                .await;
            assert!(ok(&res), "{}", res.body);
        }
        assert!(
            seen(&app, &anna).await.is_empty(),
            "no longer a coordinator"
        );
        assert!(
            seen(&app, &bo).await.is_empty(),
            "asked before Bo coordinated: told to those who did"
        );
    }
);

db_test!(the_headers_poll_never_keeps_an_idle_session_alive, |app| {
    let c = cast(&app).await;
    let last_seen = || async {
        let (at,): (i64,) = sqlx::query_as("SELECT MAX(last_seen_at) FROM sessions")
            .fetch_one(app.db.pool())
            .await
            .unwrap();
        at
    };
    let before = last_seen().await;
    // Seven hours of an open tab asking every minute, nobody at it.
    for _ in 0..7 {
        app.clock.advance(3_600_000);
        assert_eq!(unread(&app, &c.bo).await, 0);
    }
    assert_eq!(last_seen().await, before, "a poll is not the person");
    app.clock.advance(3_600_000 + 1);
    let gone = app.post_as(&c.bo, "/api/notifications/unread", "").await;
    assert_eq!(gone.status, 401, "eight idle hours end the session");
});

db_test!(
    join_notifications_are_in_the_data_download_and_never_reach_an_erased_account,
    |app| {
        let (anna, a_org) = coordinator(&app, "anna@stockholm.se", "212000-0142").await;
        let network = create(&app, &anna, "Det listade", &a_org, "listed").await;
        let (bo, b_org) = coordinator(&app, "bo@lund.se", "212000-1355").await;
        let asked = app
            .post_as(
                &bo,
                "/api/networks/request-join",
                &form(&[
                    ("network", &network),
                    ("organisation", &b_org),
                    ("motivation", "Vi köper också bussar."),
                ]),
            )
            .await;
        assert!(ok(&asked), "{}", asked.body);
        let data = app.get_as(&anna, "/konto/mina-uppgifter.json").await;
        let data: serde_json::Value = serde_json::from_str(&data.body).expect("json");
        assert_eq!(data["notifications"][0]["kind"], "join_request");
        assert!(data["notifications"][0]["subject"].is_null());

        let deleted = app
            .post_as(
                &anna,
                "/api/accounts/delete",
                &form(&[("confirm_password", PASSWORD), ("confirm", "ja")]),
            )
            .await;
        assert!(ok(&deleted), "{}", deleted.body);
        let (cecilia, c_org) = coordinator(&app, "cecilia@umea.se", "202100-5489").await;
        let asked = app
            .post_as(
                &cecilia,
                "/api/networks/request-join",
                &form(&[
                    ("network", &network),
                    ("organisation", &c_org),
                    ("motivation", "Vi också."),
                ]),
            )
            .await;
        assert!(ok(&asked), "{}", asked.body);
        assert_eq!(
            app.count("notifications").await,
            0,
            "the erased coordinator's row went, and no new one came"
        );
    }
);
