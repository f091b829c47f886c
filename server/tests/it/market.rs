//! Suppliers in the market dialogue: supplier organisations and their
//! numbers, the public part of an announced dialogue (page, board, Atom
//! feed), registration with places that hold under simultaneous requests,
//! questions seen with the asker by hosts only, answers and messages that
//! reach every registered supplier alike, and the information log that
//! proves who was told what, when.

use crate::dialogues::{dialogue_form, encode, plan, setup};
use crate::helpers::{form, ok, TestApp};
use crate::networks::PASSWORD;
use app::dialogues::market::{HostView, InformationKind, PublicView};

/// A verified, signed-in person with this name; returns the cookie.
pub(crate) async fn person(app: &TestApp, name: &str, email: &str) -> String {
    let res = app.sign_up(name, email, PASSWORD).await;
    assert!(ok(&res), "{}", res.body);
    let token = app.token_mailed_to(email).await;
    let res = app
        .post_form(
            "/api/accounts/verify-email",
            &form(&[("token", &token)]),
            &[],
        )
        .await;
    assert!(ok(&res), "{}", res.body);
    app.sign_in(email, PASSWORD)
        .await
        .unwrap_or_else(|r| panic!("sign in: {}", r.body))
}

/// Registers a supplier; returns its public id (from the redirect).
pub(crate) async fn supplier(
    app: &TestApp,
    cookie: &str,
    name: &str,
    country: &str,
    identifier: &str,
) -> String {
    let res = app
        .post_as(
            cookie,
            "/api/suppliers/register",
            &form(&[
                ("name", name),
                ("country", country),
                ("identifier", identifier),
            ]),
        )
        .await;
    assert!(ok(&res), "{}", res.body);
    res.header("location")
        .trim_start_matches("/leverantorer/")
        .split('?')
        .next()
        .unwrap()
        .to_string()
}

/// A supplier's person and the supplier, registered with the i-th
/// organisationsnummer of the 5560… series.
pub(crate) async fn supplier_person(
    app: &TestApp,
    name: &str,
    email: &str,
    i: usize,
) -> (String, String) {
    let cookie = person(app, name, email).await;
    let number =
        app::organisations::OrgNumber::completing(&format!("5560{i:05}")).expect("nine digits");
    let id = supplier(
        app,
        &cookie,
        &format!("Leverantör {i} AB"),
        "SE",
        number.as_str(),
    )
    .await;
    (cookie, id)
}

/// An announced dialogue: (dialogue, host cookie, host organisation, network).
pub(crate) async fn announced(app: &TestApp) -> (String, String, String, String) {
    let (network, anna, org, need) = setup(app).await;
    let id = plan(app, &anna, &dialogue_form(&network, &org, &need, "5")).await;
    announce(app, &anna, &id).await;
    (id, anna, org, network)
}

pub(crate) async fn announce(app: &TestApp, host: &str, id: &str) {
    let res = app
        .post_as(
            host,
            "/api/dialogues/status",
            &form(&[
                ("dialogue", id),
                ("status", "announced"),
                ("reason", "Ut på marknaden"),
            ]),
        )
        .await;
    assert!(ok(&res), "{}", res.body);
}

pub(crate) async fn register(app: &TestApp, cookie: &str, dialogue: &str, supplier: &str) -> u16 {
    app.post_as(
        cookie,
        "/api/market/register",
        &form(&[("dialogue", dialogue), ("supplier", supplier)]),
    )
    .await
    .status
    .as_u16()
}

async fn public(app: &TestApp, cookie: Option<&str>, dialogue: &str) -> (u16, Option<PublicView>) {
    let body = form(&[("dialogue", dialogue)]);
    let res = match cookie {
        Some(c) => app.post_as(c, "/api/market/dialogue", &body).await,
        None => app.post_form("/api/market/dialogue", &body, &[]).await,
    };
    (res.status.as_u16(), serde_json::from_str(&res.body).ok())
}

async fn host_view(app: &TestApp, host: &str, dialogue: &str) -> HostView {
    let res = app
        .post_as(host, "/api/market/host", &form(&[("dialogue", dialogue)]))
        .await;
    assert!(ok(&res), "{}", res.body);
    serde_json::from_str(&res.body).expect("host view")
}

db_test!(
    suppliers_register_by_each_kind_of_number_and_each_broken_rule_is_named,
    |app| {
        let (anna, _) =
            crate::networks::coordinator(&app, "anna@stockholm.se", "212000-0142").await;
        let sara = person(&app, "Sara Säljare", "sara@laddbolaget.se").await;
        for (country, identifier) in [
            ("SE", "556036-0793"),
            ("SE", "811218-9876"),
            ("DE", "DE 136 695 976"),
            ("NO", "923 609 016 MVA"),
        ] {
            let id = supplier(&app, &sara, "Bolaget", country, identifier).await;
            assert_eq!(id.len(), 16, "{country} {identifier}");
        }
        for (country, identifier, problem) in [
            ("SE", "556036-0794", "org_number_check_digit"),
            ("SE", "55603-0793", "org_number_length"),
            ("SE", "811218-9875", "personnummer_invalid"),
            ("DE", "136695976", "vat_country"),
            ("DE", "DE13669597", "vat_format"),
            ("DE", "DE136695977", "vat_check_digit"),
            ("US", "<b>", "national_id_format"),
            ("XX", "1", "invalid_choice"),
            ("SE", "212000-0142", "buyer_number"),
            ("SE", " ", "required"),
        ] {
            let res = app
                .post_as(
                    &sara,
                    "/api/suppliers/register",
                    &form(&[
                        ("name", "Bolaget"),
                        ("country", country),
                        ("identifier", identifier),
                    ]),
                )
                .await;
            assert_eq!(res.status, 400, "{country} {identifier}: {}", res.body);
            assert!(
                res.body.contains(problem),
                "{country} {identifier}: {}",
                res.body
            );
            assert!(
                res.body.contains("Bolaget"),
                "what was typed comes back: {}",
                res.body
            );
        }
        assert_eq!(app.count("suppliers").await, 4);
        // One person cannot make up suppliers to fill a dialogue's places.
        supplier(&app, &sara, "Femte", "US", "EIN 12-3456789").await;
        let res = app
            .post_as(
                &sara,
                "/api/suppliers/register",
                &form(&[
                    ("name", "Sjätte"),
                    ("country", "US"),
                    ("identifier", "EIN 98-7654321"),
                ]),
            )
            .await;
        assert_eq!(res.status, 429, "{}", res.body);
        assert_eq!(
            app.count("suppliers").await,
            5,
            "nothing kept of the refused one"
        );
        // A buyer's person may also act for a supplier, never as the buyer.
        let own = supplier(&app, &anna, "Annas konsult", "SE", "556036-0793").await;
        assert_eq!(
            app.count("suppliers").await,
            5,
            "the same number is the same supplier"
        );
        let waiting: (String,) = sqlx::query_as(
            "SELECT m.status FROM supplier_members m JOIN suppliers s ON s.id = m.supplier_id \
             JOIN accounts a ON a.id = m.account_id WHERE s.public_id = $1 AND a.email = $2",
        )
        .bind(&own)
        .bind("anna@stockholm.se")
        .fetch_one(app.db.pool())
        .await
        .unwrap();
        assert_eq!(waiting.0, "pending");
    }
);

db_test!(
    a_second_claimant_of_a_number_asks_to_join_and_only_an_admin_decides,
    |app| {
        let sara = person(&app, "Sara Säljare", "sara@laddbolaget.se").await;
        let olle = person(&app, "Olle Oljud", "olle@laddbolaget.se").await;
        let id = supplier(&app, &sara, "Laddbolaget AB", "SE", "556036-0793").await;
        let res = app
            .post_as(
                &olle,
                "/api/suppliers/register",
                &form(&[
                    ("name", "Ladd"),
                    ("country", "SE"),
                    ("identifier", "5560360793"),
                ]),
            )
            .await;
        assert!(
            res.header("location").contains("ansokt=1"),
            "{}",
            res.header("location")
        );
        let view = |cookie: String| {
            let app = &app;
            let id = id.clone();
            async move {
                let res = app
                    .post_as(&cookie, "/api/suppliers/view", &form(&[("supplier", &id)]))
                    .await;
                serde_json::from_str::<app::suppliers::SupplierView>(&res.body).expect("view")
            }
        };
        let waiting = view(olle.clone()).await;
        assert!(!waiting.member && waiting.identifier.is_empty() && waiting.people.is_empty());
        let admin = view(sara.clone()).await;
        let olle_id = admin
            .people
            .iter()
            .find(|p| p.name == "Olle Oljud")
            .expect("asks")
            .account_id;
        let decide = |cookie: &str, decision: &str| {
            let body = form(&[
                ("supplier", &id),
                ("account_id", &olle_id.to_string()),
                ("decision", decision),
            ]);
            let cookie = cookie.to_string();
            let app = &app;
            async move {
                app.post_as(&cookie, "/api/suppliers/decide", &body)
                    .await
                    .status
                    .as_u16()
            }
        };
        assert_eq!(
            decide(&olle, "approve").await,
            404,
            "one who asks cannot let themselves in"
        );
        assert_eq!(decide(&sara, "approve").await, 200);
        let member = view(olle.clone()).await;
        assert!(member.member && !member.admin);
        assert_eq!(member.identifier, "556036-0793");
        assert!(
            member.people.iter().all(|p| p.email.is_empty()),
            "addresses only for admins"
        );
        assert_eq!(
            decide(&sara, "approve").await,
            404,
            "nothing waits any more"
        );
    }
);

db_test!(
    an_enskild_firmas_personnummer_is_shown_only_to_its_admins_and_the_hosts,
    |app| {
        let (dialogue, anna, _, _) = announced(&app).await;
        let ulla = person(&app, "Ulla Ensam", "ulla@firma.se").await;
        let firm = supplier(&app, &ulla, "Ullas Städ", "SE", "811218-9876").await;
        let pia = person(&app, "Pia Hjälp", "pia@firma.se").await;
        supplier(&app, &pia, "Ullas Städ", "SE", "8112189876").await;
        let pia_id: (i64,) = sqlx::query_as("SELECT id FROM accounts WHERE email = 'pia@firma.se'")
            .fetch_one(app.db.pool())
            .await
            .unwrap();
        let waiting = app
            .post_as(&pia, "/api/suppliers/view", &form(&[("supplier", &firm)]))
            .await
            .body;
        assert!(
            !waiting.contains("Ullas Städ"),
            "a firm's name is hidden until one is let in: {waiting}"
        );
        let mine = app.post_as(&pia, "/api/suppliers/mine", "").await.body;
        assert!(
            !mine.contains("Ullas Städ") && mine.contains("enskild firma"),
            "{mine}"
        );
        let res = app
            .post_as(
                &ulla,
                "/api/suppliers/decide",
                &form(&[
                    ("supplier", &firm),
                    ("account_id", &pia_id.0.to_string()),
                    ("decision", "approve"),
                ]),
            )
            .await;
        assert!(ok(&res), "{}", res.body);
        let seen = |cookie: String| {
            let (app, firm) = (&app, firm.clone());
            async move {
                app.post_as(
                    &cookie,
                    "/api/suppliers/view",
                    &form(&[("supplier", &firm)]),
                )
                .await
                .body
            }
        };
        assert!(
            seen(ulla.clone()).await.contains("811218-9876"),
            "its admin sees it"
        );
        let member = seen(pia.clone()).await;
        assert!(
            !member.contains("811218") && member.contains("personnumret visas inte"),
            "{member}"
        );
        assert_eq!(register(&app, &ulla, &dialogue, &firm).await, 200);
        let host = host_view(&app, &anna, &dialogue).await;
        assert_eq!(
            host.suppliers[0].identifier, "811218-9876",
            "hosts see who registered"
        );
        let page = app.get(&format!("/marknadsdialoger/{dialogue}")).await;
        let feed = app.get("/marknadsdialoger.atom").await;
        let record = app
            .get_as(&anna, &format!("/dialoger/{dialogue}/protokoll.json"))
            .await;
        assert!(
            record.body.contains("Ullas Städ"),
            "the log names the supplier"
        );
        for (what, body) in [
            ("public page", &page.body),
            ("feed", &feed.body),
            ("record", &record.body),
        ] {
            assert!(!body.contains("811218"), "no personnummer in the {what}");
        }
    }
);

db_test!(
    a_planned_dialogue_is_not_public_and_an_announcement_needs_a_future_deadline,
    |app| {
        let (network, anna, org, need) = setup(&app).await;
        let id = plan(&app, &anna, &dialogue_form(&network, &org, &need, "5")).await;
        assert_eq!(public(&app, None, &id).await.0, 404);
        assert!(!app
            .get("/marknadsdialoger")
            .await
            .body
            .contains("Dialog om elbussar"));
        // Two years on, the planned answer deadline has passed.
        app.clock.advance(2 * 366 * 86_400_000);
        let anna = app
            .sign_in("anna@stockholm.se", PASSWORD)
            .await
            .expect("signed in again");
        let res = app
            .post_as(
                &anna,
                "/api/dialogues/status",
                &form(&[("dialogue", &id), ("status", "announced"), ("reason", "Ut")]),
            )
            .await;
        assert_eq!(res.status, 400, "{}", res.body);
        assert!(res.body.contains("deadline_passed"), "{}", res.body);
        assert_eq!(
            public(&app, None, &id).await.0,
            404,
            "nothing was published"
        );
        app.clock.advance(-2 * 366 * 86_400_000);
        let anna = app
            .sign_in("anna@stockholm.se", PASSWORD)
            .await
            .expect("signed in again");
        announce(&app, &anna, &id).await;
        let (status, view) = public(&app, None, &id).await;
        assert_eq!(status, 200);
        let view = view.expect("the public part");
        assert_eq!(view.title, "Dialog om elbussar");
        assert!(!view.signed_in && view.registrations_open && view.suppliers.is_empty());
        assert!(
            view.meetings.iter().all(|m| m.link.is_empty()),
            "links go to registered suppliers only"
        );
        let page = app.get(&format!("/marknadsdialoger/{id}")).await;
        assert_eq!(page.status, 200);
        assert!(
            page.body.contains("inte en upphandling"),
            "the page says what it is not"
        );
        assert!(!page.body.contains("Nätverket"), "nothing of the network");
        for (query, listed) in [
            ("", true),
            ("?avdelning=34", true),
            ("?avdelning=45", false),
            ("?lan=01", true),
            ("?lan=03", false),
            ("?form=dialogmote", true),
            ("?form=rfi", false),
            ("?oppen=1", true),
        ] {
            let board = app.get(&format!("/marknadsdialoger{query}")).await;
            assert_eq!(
                board.body.contains("Dialog om elbussar"),
                listed,
                "board {query}"
            );
            let feed = app.get(&format!("/marknadsdialoger.atom{query}")).await;
            assert_eq!(feed.status, 200);
            assert!(feed
                .header("content-type")
                .starts_with("application/atom+xml"));
            assert_eq!(
                feed.body.contains("Dialog om elbussar"),
                listed,
                "feed {query}"
            );
        }
        let feed = app.get("/marknadsdialoger.atom?lan=01").await;
        assert!(
            feed.body.contains("marknadsdialoger.atom?lan=01"),
            "each filter has its own feed: {}",
            feed.body
        );
        let board = app.get("/marknadsdialoger?lan=99").await;
        assert!(
            board.body.contains("kunde inte läsas"),
            "a filter not understood is named"
        );
    }
);

db_test!(
    the_board_pages_by_key_and_shows_each_announced_dialogue_once,
    |app| {
        let (network, anna, org, need) = setup(&app).await;
        let mut ids = Vec::new();
        for _ in 0..(app::dialogues::market::board::BOARD_PAGE + 3) {
            let id = plan(&app, &anna, &dialogue_form(&network, &org, &need, "5")).await;
            announce(&app, &anna, &id).await;
            ids.push(id);
            app.clock.advance(1000);
        }
        let page = |efter: String| {
            let app = &app;
            async move {
                let res = app
                    .post_form("/api/market/board", &form(&[("efter", &efter)]), &[])
                    .await;
                serde_json::from_str::<app::dialogues::market::board::BoardPage>(&res.body)
                    .expect("a page")
            }
        };
        let first = page(String::new()).await;
        assert_eq!(
            first.items.len() as i64,
            app::dialogues::market::board::BOARD_PAGE
        );
        assert_eq!(
            first.items[0].public_id,
            *ids.last().unwrap(),
            "newest first"
        );
        let second = page(first.next.clone().expect("a next page")).await;
        assert_eq!(second.items.len(), 3);
        assert!(second.next.is_none());
        let mut seen: Vec<_> = first
            .items
            .iter()
            .chain(&second.items)
            .map(|i| i.public_id.clone())
            .collect();
        seen.sort();
        ids.sort();
        assert_eq!(seen, ids);
    }
);

db_test!(
    twenty_suppliers_at_once_for_five_places_get_exactly_five,
    config = |c| {
        c.ip_allowance.sign_ups_per_hour = 1000;
        c.ip_allowance.sign_ins_per_15_min = 1000;
    },
    |app| {
        let (network, anna, org, need) = setup(&app).await;
        let id = plan(&app, &anna, &dialogue_form(&network, &org, &need, "5")).await;
        let res = app
            .post_as(
                &anna,
                "/api/market/publication",
                &form(&[
                    ("dialogue", &id),
                    ("question_date", ""),
                    ("question_time", ""),
                    ("supplier_places", "5"),
                ]),
            )
            .await;
        assert!(ok(&res), "{}", res.body);
        announce(&app, &anna, &id).await;
        let meeting = public(&app, None, &id).await.1.unwrap().meetings[0]
            .public_id
            .clone();
        let mut people = Vec::new();
        for i in 0..20 {
            let (cookie, s) =
                supplier_person(&app, "Säljare", &format!("s{i}@lev.se"), 100 + i).await;
            assert_eq!(register(&app, &cookie, &id, &s).await, 200);
            people.push((cookie, s));
        }
        let app = std::sync::Arc::new(app);
        let mut tasks = Vec::new();
        for (cookie, s) in people {
            let (app, id, meeting) = (app.clone(), id.clone(), meeting.clone());
            tasks.push(tokio::spawn(async move {
                let body = form(&[
                    ("dialogue", &id),
                    ("supplier", &s),
                    ("meeting", &meeting),
                    ("attendees", "En person"),
                ]);
                app.post_as(&cookie, "/api/market/attend", &body)
                    .await
                    .status
                    .as_u16()
            }));
        }
        let mut statuses = Vec::new();
        for task in tasks {
            statuses.push(task.await.unwrap());
        }
        assert_eq!(
            statuses.iter().filter(|s| **s == 200).count(),
            5,
            "{statuses:?}"
        );
        assert_eq!(
            statuses.iter().filter(|s| **s == 409).count(),
            15,
            "{statuses:?}"
        );
        assert_eq!(app.count("meeting_suppliers").await, 5);
        let view = public(&app, None, &id).await.1.unwrap();
        assert_eq!(view.meetings[0].places_left, 0);
    }
);

/// The mails of the newest `n` outbox rows with this subject start.
async fn mails(app: &TestApp, subject: &str) -> Vec<(String, String, String)> {
    sqlx::query_as(
        "SELECT recipient, subject, body FROM outbox WHERE subject LIKE $1 ORDER BY recipient",
    )
    .bind(format!("{subject}%"))
    .fetch_all(app.db.pool())
    .await
    .unwrap()
}

db_test!(
    a_published_answer_reaches_every_registered_supplier_alike_and_never_names_the_asker,
    |app| {
        let (dialogue, anna, _, _) = announced(&app).await;
        let (sara, s1) = supplier_person(&app, "Sara Frågesson", "sara@lev1.se", 1).await;
        let (olle, s2) = supplier_person(&app, "Olle Tvåsson", "olle@lev2.se", 2).await;
        let pia = person(&app, "Pia Tvåsson", "pia@lev2.se").await;
        supplier(
            &app,
            &pia,
            "x",
            "SE",
            app::organisations::OrgNumber::completing("556000002")
                .unwrap()
                .as_str(),
        )
        .await;
        let pia_id: (i64,) = sqlx::query_as("SELECT id FROM accounts WHERE email = 'pia@lev2.se'")
            .fetch_one(app.db.pool())
            .await
            .unwrap();
        app.post_as(
            &olle,
            "/api/suppliers/decide",
            &form(&[
                ("supplier", &s2),
                ("account_id", &pia_id.0.to_string()),
                ("decision", "approve"),
            ]),
        )
        .await;
        let (gone, s3) = supplier_person(&app, "Gunnar Gått", "gunnar@lev3.se", 3).await;
        let (late, s4) = supplier_person(&app, "Lena Sen", "lena@lev4.se", 4).await;
        for (cookie, s) in [(&sara, &s1), (&olle, &s2), (&gone, &s3)] {
            assert_eq!(register(&app, cookie, &dialogue, s).await, 200);
        }
        let res = app
            .post_as(
                &gone,
                "/api/market/withdraw",
                &form(&[("dialogue", &dialogue), ("supplier", &s3)]),
            )
            .await;
        assert!(ok(&res), "{}", res.body);

        let ask = |cookie: Option<&str>, s: &str| {
            let body = form(&[
                ("dialogue", &dialogue),
                ("supplier", s),
                (
                    "question",
                    "Räcker 350 kW laddning i depå för Saras linjer?",
                ),
            ]);
            let cookie = cookie.map(str::to_string);
            let app = &app;
            async move {
                match cookie {
                    Some(c) => app
                        .post_as(&c, "/api/market/ask", &body)
                        .await
                        .status
                        .as_u16(),
                    None => app
                        .post_form("/api/market/ask", &body, &[])
                        .await
                        .status
                        .as_u16(),
                }
            }
        };
        assert_eq!(ask(None, &s1).await, 401);
        assert_eq!(ask(Some(&late), &s4).await, 403, "not registered");
        assert_eq!(
            ask(Some(&late), &s1).await,
            403,
            "a supplier one does not act for"
        );
        assert_eq!(ask(Some(&sara), &s1).await, 200);
        let host = host_view(&app, &anna, &dialogue).await;
        let asked = &host.questions[0];
        assert_eq!(asked.supplier, "Leverantör 1 AB", "hosts see who asked");
        assert!(!asked.answered);
        let res = app
            .post_as(
                &anna,
                "/api/market/answer",
                &form(&[
                    ("dialogue", &dialogue),
                    ("asked", &asked.public_id),
                    ("wording", "Räcker 350 kW laddning i depå?"),
                    ("reply", "Ja, för linjer upp till 250 km."),
                ]),
            )
            .await;
        assert!(ok(&res), "{}", res.body);
        let sent = mails(&app, "Nytt svar i marknadsdialogen").await;
        let to: Vec<_> = sent.iter().map(|(r, _, _)| r.as_str()).collect();
        assert_eq!(
            to,
            ["olle@lev2.se", "pia@lev2.se", "sara@lev1.se"],
            "every person of every registered supplier, once"
        );
        for (_, subject, body) in &sent {
            assert_eq!((subject, body), (&sent[0].1, &sent[0].2), "identical text");
            assert!(
                body.contains("Ja, för linjer upp till 250 km.")
                    && body.contains(&format!("/marknadsdialoger/{dialogue}"))
            );
            for other in ["@lev", "Sara", "Leverantör 1", "Saras linjer"] {
                assert!(!body.contains(other), "{other} in {body}");
            }
        }
        let page = app.get(&format!("/marknadsdialoger/{dialogue}")).await;
        assert!(page.body.contains("Ja, för linjer upp till 250 km."));
        let feed = app.get("/marknadsdialoger.atom").await;
        for body in [&page.body, &feed.body] {
            for asker in ["Sara", "Leverantör 1", "Saras linjer"] {
                assert!(!body.contains(asker), "the asker ({asker}) is never public");
            }
        }
        assert!(host_view(&app, &anna, &dialogue).await.questions[0].answered);

        let res = app
            .post_as(
                &anna,
                "/api/market/message",
                &form(&[("dialogue", &dialogue), ("message", "Mötet börjar 10.30.")]),
            )
            .await;
        assert!(ok(&res), "{}", res.body);
        assert_eq!(mails(&app, "Meddelande i marknadsdialogen").await.len(), 3);
        assert_eq!(register(&app, &late, &dialogue, &s4).await, 200);
        let res = app
            .post_as(
                &anna,
                "/api/dialogues/qa",
                &form(&[
                    ("dialogue", &dialogue),
                    ("question", "Finns depåer?"),
                    ("answer", "Två."),
                ]),
            )
            .await;
        assert!(ok(&res), "{}", res.body);
        assert_eq!(
            mails(&app, "Nytt svar i marknadsdialogen").await.len(),
            7,
            "the late supplier gets what comes after"
        );

        let log = host_view(&app, &anna, &dialogue).await.information;
        let told: Vec<(InformationKind, Vec<String>)> = log
            .iter()
            .filter(|e| {
                matches!(
                    e.kind,
                    InformationKind::Answer | InformationKind::Message | InformationKind::Announced
                )
            })
            .map(|e| (e.kind, e.recipients.clone()))
            .collect();
        let names = |n: &[usize]| {
            n.iter()
                .map(|i| format!("Leverantör {i} AB"))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            told,
            vec![
                (InformationKind::Announced, vec![]),
                (InformationKind::Answer, names(&[1, 2])),
                (InformationKind::Message, names(&[1, 2])),
                (InformationKind::Answer, names(&[1, 2, 4])),
            ],
            "each item lists exactly the suppliers registered then"
        );
        let moves: Vec<_> = log
            .iter()
            .filter(|e| {
                matches!(
                    e.kind,
                    InformationKind::Registered | InformationKind::Withdrawn
                )
            })
            .map(|e| (e.kind, e.supplier.clone().unwrap_or_default()))
            .collect();
        assert_eq!(
            moves,
            vec![
                (InformationKind::Registered, "Leverantör 1 AB".into()),
                (InformationKind::Registered, "Leverantör 2 AB".into()),
                (InformationKind::Registered, "Leverantör 3 AB".into()),
                (InformationKind::Withdrawn, "Leverantör 3 AB".into()),
                (InformationKind::Registered, "Leverantör 4 AB".into()),
            ]
        );
        let record: app::dialogues::DialogueRecord = serde_json::from_str(
            &app.get_as(&anna, &format!("/dialoger/{dialogue}/protokoll.json"))
                .await
                .body,
        )
        .expect("the record");
        assert_eq!(record.information, log, "the log is part of the record");
        assert!(
            !serde_json::to_string(&record)
                .unwrap()
                .contains("Saras linjer"),
            "the question as asked stays internal"
        );
    }
);

db_test!(
    questions_close_at_their_deadline_and_nothing_is_kept,
    |app| {
        let (network, anna, org, need) = setup(&app).await;
        let id = plan(&app, &anna, &dialogue_form(&network, &org, &need, "5")).await;
        let in_a_week = app.clock.now_ms() + 7 * 86_400_000;
        let (date, time) = app::time::stockholm_parts(in_a_week);
        let res = app
            .post_as(
                &anna,
                "/api/market/publication",
                &form(&[
                    ("dialogue", &id),
                    ("question_date", &date),
                    ("question_time", &time),
                    ("supplier_places", "20"),
                ]),
            )
            .await;
        assert!(ok(&res), "{}", res.body);
        announce(&app, &anna, &id).await;
        let (sara, s1) = supplier_person(&app, "Sara", "sara@lev1.se", 1).await;
        assert_eq!(register(&app, &sara, &id, &s1).await, 200);
        app.clock.advance(8 * 86_400_000);
        let sara = app
            .sign_in("sara@lev1.se", PASSWORD)
            .await
            .expect("signed in again");
        let res = app
            .post_as(
                &sara,
                "/api/market/ask",
                &form(&[
                    ("dialogue", &id),
                    ("supplier", &s1),
                    ("question", "För sent?"),
                ]),
            )
            .await;
        assert_eq!(res.status, 409, "{}", res.body);
        assert!(res.body.contains("questions_closed"), "{}", res.body);
        assert_eq!(app.count("supplier_questions").await, 0);
        let view = public(&app, Some(&sara), &id).await.1.unwrap();
        assert!(!view.questions_open && view.registrations_open);
    }
);

db_test!(
    bad_market_input_is_refused_field_by_field_and_changes_nothing,
    |app| {
        let (dialogue, anna, _, _) = announced(&app).await;
        let (sara, s1) = supplier_person(&app, "Sara", "sara@lev1.se", 1).await;
        assert_eq!(register(&app, &sara, &dialogue, &s1).await, 200);
        let before = crate::helpers::table_contents(&app.db, &["sessions", "outbox"]).await;
        let long = "x".repeat(app::dialogues::QUESTION_MAX + 1);
        for (who, path, pairs, problem) in [
            (
                &sara,
                "/api/market/ask",
                vec![("supplier", s1.clone()), ("question", " ".into())],
                "required",
            ),
            (
                &sara,
                "/api/market/ask",
                vec![("supplier", s1.clone()), ("question", long)],
                "too_long",
            ),
            (
                &sara,
                "/api/market/attend",
                vec![
                    ("supplier", s1.clone()),
                    ("meeting", "finnsinte".into()),
                    ("attendees", "En".into()),
                ],
                "not_found",
            ),
            (
                &sara,
                "/api/market/attend",
                vec![
                    ("supplier", s1.clone()),
                    ("meeting", "x".into()),
                    ("attendees", "".into()),
                ],
                "required",
            ),
            (
                &anna,
                "/api/market/message",
                vec![("message", "".into())],
                "required",
            ),
            (
                &anna,
                "/api/market/answer",
                vec![
                    ("asked", "finnsinte".into()),
                    ("wording", "F".into()),
                    ("reply", "S".into()),
                ],
                "not_found",
            ),
            (
                &anna,
                "/api/market/answer",
                vec![
                    ("asked", "x".into()),
                    ("wording", "".into()),
                    ("reply", "".into()),
                ],
                "required",
            ),
            (
                &anna,
                "/api/market/publication",
                vec![
                    ("question_date", "2001-01-01".into()),
                    ("question_time", "10:00".into()),
                    ("supplier_places", "5".into()),
                ],
                "in_the_past",
            ),
            (
                &anna,
                "/api/market/publication",
                vec![
                    ("question_date", "".into()),
                    ("question_time", "".into()),
                    ("supplier_places", "noll".into()),
                ],
                "not_a_whole_number",
            ),
        ] {
            let mut body: Vec<(&str, String)> = vec![("dialogue", dialogue.clone())];
            body.extend(pairs);
            let res = app.post_as(who, path, &encode(&body)).await;
            assert!(!ok(&res), "{path}: {}", res.body);
            assert!(res.body.contains(problem), "{path} {problem}: {}", res.body);
        }
        let after = crate::helpers::table_contents(&app.db, &["sessions", "outbox"]).await;
        assert_eq!(before, after, "a refused call changes nothing");
    }
);

/// A server function, what it is sent besides the dialogue and the
/// supplier, and the status each actor of the matrix gets.
type Call = (&'static str, Vec<(&'static str, String)>, [u16; 6]);

db_test!(
    the_market_matrix_every_new_actor_over_every_new_function,
    |app| {
        let (dialogue, anna, _, network) = announced(&app).await;
        let (bo, b_org) = crate::networks::coordinator(&app, "bo@lund.se", "212000-1355").await;
        let other_network =
            crate::networks::create(&app, &bo, "Andra nätverket", &b_org, "listed").await;
        let bikes = crate::needs::need_form(&other_network, &b_org, "Cyklar", "shared");
        let bikes = crate::needs::post_need(&app, &bo, &bikes).await;
        let other_dialogue = plan(
            &app,
            &bo,
            &dialogue_form(&other_network, &b_org, &bikes, "5"),
        )
        .await;
        announce(&app, &bo, &other_dialogue).await;
        let signed = person(&app, "Utan Organisation", "ingen@example.se").await;
        let (sup, s_unreg) = supplier_person(&app, "Oanmäld", "oanmald@lev.se", 1).await;
        let (reg, s_reg) = supplier_person(&app, "Anmäld", "anmald@lev.se", 2).await;
        let (other, s_other) = supplier_person(&app, "Annan", "annan@lev.se", 3).await;
        assert_eq!(register(&app, &reg, &dialogue, &s_reg).await, 200);
        assert_eq!(register(&app, &other, &other_dialogue, &s_other).await, 200);
        let member = crate::networks::malmo_member(&app, &anna, &network).await;
        let meeting = public(&app, None, &dialogue).await.1.unwrap().meetings[0]
            .public_id
            .clone();

        // (name, cookie, the supplier they would act for)
        let actors: [(&str, Option<&str>, &str); 6] = [
            ("anonymous", None, &s_reg),
            ("signed in without organisation", Some(&signed), &s_reg),
            ("supplier not registered", Some(&sup), &s_unreg),
            ("supplier of another dialogue", Some(&other), &s_other),
            ("buyer member, not a host", Some(&member), &s_reg),
            ("registered supplier", Some(&reg), &s_reg),
        ];
        let calls: [Call; 10] = [
            (
                "/api/market/dialogue",
                vec![],
                [200, 200, 200, 200, 200, 200],
            ),
            (
                "/api/market/attend",
                vec![("meeting", meeting.clone()), ("attendees", "En".into())],
                [401, 403, 403, 403, 403, 200],
            ),
            (
                "/api/market/ask",
                vec![("question", "Hur?".into())],
                [401, 403, 403, 403, 403, 200],
            ),
            ("/api/market/host", vec![], [401, 404, 404, 404, 403, 404]),
            (
                "/api/market/publication",
                vec![("supplier_places", "5".into())],
                [401, 404, 404, 404, 403, 404],
            ),
            (
                "/api/market/answer",
                vec![
                    ("asked", "x".into()),
                    ("wording", "F".into()),
                    ("reply", "S".into()),
                ],
                [401, 404, 404, 404, 403, 404],
            ),
            (
                "/api/market/message",
                vec![("message", "Hej".into())],
                [401, 404, 404, 404, 403, 404],
            ),
            (
                "/api/dialogues/view",
                vec![],
                [401, 404, 404, 404, 200, 404],
            ),
            (
                "/api/market/invite",
                vec![
                    ("country", "SE".into()),
                    ("identifier", "556036-0793".into()),
                ],
                [401, 404, 404, 404, 403, 404],
            ),
            (
                "/api/market/withdraw",
                vec![],
                [401, 403, 403, 403, 403, 200],
            ),
        ];
        for (path, extra, expected) in &calls {
            for ((who, cookie, s), want) in actors.iter().zip(expected) {
                let mut body: Vec<(&str, String)> =
                    vec![("dialogue", dialogue.clone()), ("supplier", s.to_string())];
                body.extend(extra.iter().cloned());
                let body = encode(&body);
                let res = match cookie {
                    Some(c) => app.post_as(c, path, &body).await,
                    None => app.post_form(path, &body, &[]).await,
                };
                assert_eq!(res.status.as_u16(), *want, "{path} as {who}: {}", res.body);
            }
        }
        // Acting for a supplier one does not belong to is refused whatever else holds.
        assert_eq!(register(&app, &sup, &dialogue, &s_reg).await, 403);
        // A buyer person without a supplier is told to register one.
        let res = app
            .post_as(
                &member,
                "/api/market/register",
                &form(&[("dialogue", &dialogue), ("supplier", "")]),
            )
            .await;
        assert_eq!(res.status, 403);
        assert!(res.body.contains("not_a_supplier"), "{}", res.body);
        // A supplier gets nothing of the network beyond the public part.
        for path in [
            format!("/dialoger/{dialogue}/protokoll.json"),
            format!("/dialoger/{dialogue}/kalender.ics"),
        ] {
            assert_eq!(app.get_as(&reg, &path).await.status, 404, "{path}");
        }
        // A listed network's existence is known to anyone signed in (403
        // for its content); its dialogues' insides are not (404).
        for (path, pairs, status) in [
            (
                "/api/dialogues/of-network",
                vec![("network", network.clone())],
                403,
            ),
            (
                "/api/dialogues/register",
                vec![
                    ("dialogue", dialogue.clone()),
                    ("organisation", s_reg.clone()),
                    ("attendees", "En".into()),
                ],
                404,
            ),
            (
                "/api/dialogues/qa",
                vec![
                    ("dialogue", dialogue.clone()),
                    ("question", "F".into()),
                    ("answer", "S".into()),
                ],
                404,
            ),
        ] {
            let res = app.post_as(&reg, path, &encode(&pairs)).await;
            assert_eq!(res.status, status, "{path}: {}", res.body);
        }
        let host = host_view(&app, &anna, &dialogue).await;
        assert_eq!(
            host.suppliers.len(),
            0,
            "the registered supplier withdrew in the matrix"
        );
        assert_eq!(host.questions.len(), 1);
        // Another supplier's page shows its name, nothing more.
        let res = app
            .post_as(&sup, "/api/suppliers/view", &form(&[("supplier", &s_reg)]))
            .await;
        let view: app::suppliers::SupplierView = serde_json::from_str(&res.body).unwrap();
        assert!(!view.member && view.identifier.is_empty() && view.people.is_empty());
        assert_eq!(
            app.post_as(
                &sup,
                "/api/suppliers/decide",
                &form(&[
                    ("supplier", &s_reg),
                    ("account_id", "1"),
                    ("decision", "approve")
                ])
            )
            .await
            .status,
            404
        );
        // An archived dialogue is still read, and takes nothing more.
        for to in ["open", "closed", "summarised", "archived"] {
            let res = app
                .post_as(
                    &anna,
                    "/api/dialogues/status",
                    &form(&[("dialogue", &dialogue), ("status", to), ("reason", "Steg")]),
                )
                .await;
            assert!(ok(&res), "{to}: {}", res.body);
        }
        assert_eq!(public(&app, None, &dialogue).await.0, 200);
        let res = app
            .post_as(
                &reg,
                "/api/market/register",
                &form(&[("dialogue", &dialogue), ("supplier", &s_reg)]),
            )
            .await;
        assert_eq!(res.status, 409);
        assert!(res.body.contains("registration_closed"), "{}", res.body);
    }
);

db_test!(
    a_correction_after_the_announcement_is_a_dated_change_told_to_every_registered_supplier,
    |app| {
        let (network, anna, org, need) = setup(&app).await;
        let plan_pairs = dialogue_form(&network, &org, &need, "5");
        let id = plan(&app, &anna, &plan_pairs).await;
        let meetings: Vec<(String,)> = sqlx::query_as("SELECT public_id FROM dialogue_sessions")
            .fetch_all(app.db.pool())
            .await
            .unwrap();
        let meetings: Vec<String> = meetings.into_iter().map(|(m,)| m).collect();
        // A correction while planned is no news: nothing is public yet.
        let mut corrected = crate::dialogue_steps::edit_form(&id, &plan_pairs, &meetings);
        crate::dialogue_steps::set(&mut corrected, "session_place[]", 0, "Rådhuset");
        let res = app
            .post_as(&anna, "/api/dialogues/edit", &encode(&corrected))
            .await;
        assert!(ok(&res), "{}", res.body);
        announce(&app, &anna, &id).await;
        let (sara, s1) = supplier_person(&app, "Sara", "sara@lev1.se", 1).await;
        assert_eq!(register(&app, &sara, &id, &s1).await, 200);
        crate::dialogue_steps::set(&mut corrected, "session_place[]", 0, "Stadshuset, sal 2");
        let res = app
            .post_as(&anna, "/api/dialogues/edit", &encode(&corrected))
            .await;
        assert!(ok(&res), "{}", res.body);
        let view = public(&app, None, &id).await.1.unwrap();
        assert_eq!(
            view.messages.len(),
            1,
            "one dated change, none from before the announcement"
        );
        assert!(view.messages[0].change);
        assert_eq!(view.messages[0].body, "Ändrade plats för tillfälle 1");
        assert_eq!(view.meetings[0].place, "Stadshuset, sal 2");
        let sent = mails(&app, "Ändring i marknadsdialogen").await;
        assert_eq!(sent.len(), 1);
        assert_eq!(sent[0].0, "sara@lev1.se");
        assert!(
            sent[0].2.contains("Ändrade plats för tillfälle 1"),
            "{}",
            sent[0].2
        );
        let log = host_view(&app, &anna, &id).await.information;
        let change = log
            .iter()
            .find(|e| e.kind == InformationKind::Changed)
            .expect("logged");
        assert_eq!(change.recipients, ["Leverantör 1 AB"]);
    }
);

db_test!(
    a_form_refused_twice_shows_the_second_refusal_at_its_summary,
    |app| {
        let sara = person(&app, "Sara", "sara@lev1.se").await;
        let mut page = format!("{}/leverantorer/ny", crate::helpers::SITE);
        for (identifier, problem) in [
            ("", "Fältet måste fyllas i."),
            ("556036-0794", "Kontrollsiffran"),
        ] {
            let res = app
                .post_form(
                    "/api/suppliers/register",
                    &form(&[
                        ("name", "Bolaget"),
                        ("country", "SE"),
                        ("identifier", identifier),
                    ]),
                    &[
                        ("cookie", &sara),
                        ("accept", "text/html"),
                        ("referer", &page),
                    ],
                )
                .await;
            assert_eq!(res.status, 302, "{}", res.body);
            page = res.header("location").to_string();
            assert_eq!(page.matches("__fb=").count(), 1, "{page}");
            assert_eq!(page.matches("__path=").count(), 1, "{page}");
            let shown = app
                .get_with(&page, &[("cookie", &sara), ("accept", "text/html")])
                .await;
            assert!(
                shown.body.contains("id=\"error-summary\""),
                "{identifier:?}: {page}"
            );
            assert!(shown.body.contains(problem), "{identifier:?}");
            assert!(
                shown.body.contains("value=\"Bolaget\""),
                "what was typed is back"
            );
        }
    }
);

db_test!(
    after_the_announcement_a_new_question_deadline_is_told_and_the_record_is_the_hosts,
    |app| {
        let (dialogue, anna, _, network) = announced(&app).await;
        let (sara, s1) = supplier_person(&app, "Sara", "sara@lev1.se", 1).await;
        assert_eq!(register(&app, &sara, &dialogue, &s1).await, 200);
        let in_a_week = app.clock.now_ms() + 7 * 86_400_000;
        let (date, time) = app::time::stockholm_parts(in_a_week);
        let res = app
            .post_as(
                &anna,
                "/api/market/publication",
                &form(&[
                    ("dialogue", &dialogue),
                    ("question_date", &date),
                    ("question_time", &time),
                    ("supplier_places", "7"),
                ]),
            )
            .await;
        assert!(ok(&res), "{}", res.body);
        let view = public(&app, None, &dialogue).await.1.unwrap();
        assert_eq!(view.question_deadline, in_a_week - in_a_week % 60_000);
        assert_eq!(view.messages.len(), 1);
        assert!(
            view.messages[0].change
                && view.messages[0]
                    .body
                    .contains("Leverantörsplatser per möte: 7")
        );
        assert_eq!(mails(&app, "Ändring i marknadsdialogen").await.len(), 1);
        // The same settings again are no news.
        let res = app
            .post_as(
                &anna,
                "/api/market/publication",
                &form(&[
                    ("dialogue", &dialogue),
                    ("question_date", &date),
                    ("question_time", &time),
                    ("supplier_places", "7"),
                ]),
            )
            .await;
        assert!(ok(&res), "{}", res.body);
        assert_eq!(mails(&app, "Ändring i marknadsdialogen").await.len(), 1);
        // A member that does not host files the record without the list
        // of suppliers; the hosts' record has it.
        let maja = crate::networks::malmo_member(&app, &anna, &network).await;
        let path = format!("/dialoger/{dialogue}/protokoll.json");
        let member = app.get_as(&maja, &path).await;
        assert_eq!(member.status, 200);
        assert!(!member.body.contains("Leverantör 1 AB"), "{}", member.body);
        assert!(app
            .get_as(&anna, &path)
            .await
            .body
            .contains("Leverantör 1 AB"));
    }
);

db_test!(
    a_targeted_dialogue_is_for_the_invited_suppliers_only_with_the_hosts_reason_on_record,
    |app| {
        let (network, anna, org, need) = setup(&app).await;
        let id = plan(&app, &anna, &dialogue_form(&network, &org, &need, "5")).await;
        let (sara, s1) = supplier_person(&app, "Sara", "sara@lev1.se", 1).await;
        let (olle, s2) = supplier_person(&app, "Olle", "olle@lev2.se", 2).await;
        let (pia, s3) = supplier_person(&app, "Pia", "pia@lev3.se", 3).await;
        let publication = |audience: &str, reason: &str| {
            form(&[
                ("dialogue", &id),
                ("supplier_places", "5"),
                ("audience", audience),
                ("audience_reason", reason),
            ])
        };
        let res = app
            .post_as(
                &anna,
                "/api/market/publication",
                &publication("invited", " "),
            )
            .await;
        assert_eq!(res.status, 400);
        assert!(
            res.body.contains("audience_reason"),
            "a selection needs its reason: {}",
            res.body
        );
        let res = app
            .post_as(
                &anna,
                "/api/market/publication",
                &publication(
                    "invited",
                    "Bara tre tillverkare bygger laddare över 600 kW.",
                ),
            )
            .await;
        assert!(ok(&res), "{}", res.body);
        let invite = |country: &str, number: &str| {
            let body = form(&[
                ("dialogue", &id),
                ("country", country),
                ("identifier", number),
            ]);
            let app = &app;
            let anna = anna.clone();
            async move { app.post_as(&anna, "/api/market/invite", &body).await }
        };
        let res = invite("SE", "556036-0793").await;
        assert_eq!(res.status, 400);
        assert!(res.body.contains("unknown_supplier"), "{}", res.body);
        let number = |i: usize| {
            app::organisations::OrgNumber::completing(&format!("5560{i:05}"))
                .unwrap()
                .as_str()
                .to_string()
        };
        assert!(ok(&invite("SE", &number(1)).await));
        announce(&app, &anna, &id).await;
        let invitation = mails(&app, "Inbjudan till en marknadsdialog").await;
        assert_eq!(
            invitation.len(),
            1,
            "the invited supplier is told at the announcement"
        );
        assert_eq!(invitation[0].0, "sara@lev1.se");
        assert!(ok(&invite("SE", &number(2)).await));
        assert_eq!(
            mails(&app, "Inbjudan till en marknadsdialog").await.len(),
            2,
            "and one invited later at once"
        );

        assert!(!app
            .get("/marknadsdialoger")
            .await
            .body
            .contains("Dialog om elbussar"));
        assert!(!app
            .get("/marknadsdialoger.atom")
            .await
            .body
            .contains("Dialog om elbussar"));
        assert_eq!(
            public(&app, None, &id).await.0,
            401,
            "sign in to see whether one is invited"
        );
        assert_eq!(
            public(&app, Some(&pia), &id).await.0,
            404,
            "not invited: as if there were none"
        );
        assert_eq!(register(&app, &pia, &id, &s3).await, 404);
        let view = public(&app, Some(&sara), &id)
            .await
            .1
            .expect("the invited read it");
        assert!(view.targeted);
        assert_eq!(register(&app, &sara, &id, &s1).await, 200);
        assert_eq!(register(&app, &olle, &id, &s2).await, 200);
        // Who it is for stays once announced.
        let res = app
            .post_as(&anna, "/api/market/publication", &publication("open", ""))
            .await;
        assert_eq!(res.status, 400);
        assert!(res.body.contains("audience_fixed"), "{}", res.body);
        let host = host_view(&app, &anna, &id).await;
        assert!(host.targeted);
        assert_eq!(host.invited, ["Leverantör 1 AB", "Leverantör 2 AB"]);
        let invited: Vec<_> = host
            .information
            .iter()
            .filter(|e| e.kind == InformationKind::Invited)
            .map(|e| (e.supplier.clone().unwrap_or_default(), e.recipients.clone()))
            .collect();
        assert_eq!(
            invited,
            vec![
                ("Leverantör 1 AB".to_string(), vec![]),
                (
                    "Leverantör 2 AB".to_string(),
                    vec!["Leverantör 2 AB".to_string()]
                ),
            ],
            "an invitation before the announcement is told with it"
        );
        let announced = host
            .information
            .iter()
            .find(|e| e.kind == InformationKind::Announced)
            .unwrap();
        assert_eq!(announced.recipients, ["Leverantör 1 AB"]);
        let record = app
            .get_as(&anna, &format!("/dialoger/{id}/protokoll.json"))
            .await
            .body;
        assert!(
            record.contains("Bara tre tillverkare"),
            "the reason is on record"
        );
    }
);

db_test!(
    the_hosts_choose_to_show_the_needs_and_the_summed_demand_but_never_one_organisations_figures,
    |app| {
        let (network, anna, org, need) = setup(&app).await;
        let id = plan(&app, &anna, &dialogue_form(&network, &org, &need, "5")).await;
        let res = app
            .post_as(
                &anna,
                "/api/needs/propose-requirement",
                &form(&[
                    ("need", &need),
                    ("text", "Räckvidd minst 300 km"),
                    ("motive", "Långa linjer."),
                    ("verification", "Provkörning"),
                    ("level", "ska"),
                ]),
            )
            .await;
        assert!(ok(&res), "{}", res.body);
        let interest = |cookie: String, organisation: String, value: &'static str| {
            let app = &app;
            let need = need.clone();
            async move {
                let year = app::time::civil_date(app.clock.now_ms() / 86_400_000).0 + 1;
                app.post_as(
                    &cookie,
                    "/api/needs/declare",
                    &form(&[
                        ("need", &need),
                        ("organisation", &organisation),
                        ("quantity", "10"),
                        ("unit", "st"),
                        ("value", value),
                        ("earliest", &format!("{year}-2")),
                        ("confidence", "high"),
                        ("comment", ""),
                    ]),
                )
                .await
            }
        };
        assert!(ok(&interest(anna.clone(), org.clone(), "4000000").await));
        let publication = form(&[
            ("dialogue", &id),
            ("supplier_places", "5"),
            ("audience", "open"),
            ("public_needs", "1"),
            ("public_demand", "1"),
        ]);
        let res = app
            .post_as(&anna, "/api/market/publication", &publication)
            .await;
        assert!(ok(&res), "{}", res.body);
        announce(&app, &anna, &id).await;
        let view = public(&app, None, &id).await.1.unwrap();
        assert_eq!(view.needs.len(), 1);
        assert_eq!(view.needs[0].title, "Elbussar");
        let demand = view.demand.clone().expect("chosen");
        assert_eq!(demand.organisations, 1);
        assert_eq!(
            (demand.total_value, demand.earliest),
            (None, None),
            "one organisation's figures stay hidden"
        );
        let page = app.get(&format!("/marknadsdialoger/{id}")).await.body;
        assert!(
            !page.contains("4 000 000") && !page.contains("4000000"),
            "nor on the page"
        );
        let (bo, b_org) = crate::networks::coordinator(&app, "bo@lund.se", "212000-1355").await;
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
        assert!(ok(&interest(bo, b_org, "6000000").await));
        let demand = public(&app, None, &id).await.1.unwrap().demand.unwrap();
        assert_eq!(
            (demand.organisations, demand.total_value),
            (2, Some(10_000_000)),
            "two together are summed"
        );
        assert!(demand.earliest.is_some());
        // What the page shows is fixed once announced.
        let res = app
            .post_as(
                &anna,
                "/api/market/publication",
                &form(&[
                    ("dialogue", &id),
                    ("supplier_places", "5"),
                    ("audience", "open"),
                    ("public_needs", "1"),
                ]),
            )
            .await;
        assert_eq!(res.status, 400);
        assert!(res.body.contains("public_part_fixed"), "{}", res.body);
    }
);

db_test!(
    a_supplier_loses_a_person_at_once_and_always_keeps_an_admin,
    |app| {
        let (dialogue, _, _, _) = announced(&app).await;
        let (sara, s1) = supplier_person(&app, "Sara", "sara@lev1.se", 1).await;
        let olle = person(&app, "Olle", "olle@lev1.se").await;
        supplier(
            &app,
            &olle,
            "x",
            "SE",
            app::organisations::OrgNumber::completing("556000001")
                .unwrap()
                .as_str(),
        )
        .await;
        let olle_id: (i64,) =
            sqlx::query_as("SELECT id FROM accounts WHERE email = 'olle@lev1.se'")
                .fetch_one(app.db.pool())
                .await
                .unwrap();
        let sara_id: (i64,) =
            sqlx::query_as("SELECT id FROM accounts WHERE email = 'sara@lev1.se'")
                .fetch_one(app.db.pool())
                .await
                .unwrap();
        let call = |cookie: &str, path: &str, account: i64, confirm: &str| {
            let body = form(&[
                ("supplier", &s1),
                ("account_id", &account.to_string()),
                ("confirm", confirm),
                ("decision", "approve"),
            ]);
            let (app, cookie, path) = (&app, cookie.to_string(), path.to_string());
            async move { app.post_as(&cookie, &path, &body).await }
        };
        assert!(ok(
            &call(&sara, "/api/suppliers/decide", olle_id.0, "").await
        ));
        assert_eq!(register(&app, &olle, &dialogue, &s1).await, 200);
        // The last admin cannot leave; a second admin can remove the first.
        let res = call(&sara, "/api/suppliers/remove", sara_id.0, "ja").await;
        assert_eq!(res.status, 409, "{}", res.body);
        assert!(res.body.contains("last_admin"));
        assert_eq!(
            call(&olle, "/api/suppliers/make-admin", olle_id.0, "")
                .await
                .status,
            403,
            "a member cannot promote itself"
        );
        let res = call(&sara, "/api/suppliers/remove", olle_id.0, "").await;
        assert!(
            res.body.contains("not_confirmed"),
            "two steps: {}",
            res.body
        );
        assert!(ok(
            &call(&sara, "/api/suppliers/make-admin", olle_id.0, "").await
        ));
        assert!(ok(
            &call(&olle, "/api/suppliers/remove", sara_id.0, "ja").await
        ));
        // Removed, Sara acts for the supplier no more, from the next request on.
        let res = app
            .post_as(
                &sara,
                "/api/market/ask",
                &form(&[
                    ("dialogue", &dialogue),
                    ("supplier", &s1),
                    ("question", "Får jag fråga?"),
                ]),
            )
            .await;
        assert_eq!(res.status, 403, "{}", res.body);
        let view: PublicView = serde_json::from_str(
            &app.post_as(
                &sara,
                "/api/market/dialogue",
                &form(&[("dialogue", &dialogue)]),
            )
            .await
            .body,
        )
        .unwrap();
        assert!(view.suppliers.is_empty());
        // Olle leaves last? Not while the only admin.
        let res = call(&olle, "/api/suppliers/remove", olle_id.0, "ja").await;
        assert_eq!(res.status, 409);
        // Strangers remove nobody.
        let (other, _) = supplier_person(&app, "Annan", "annan@lev9.se", 9).await;
        assert_eq!(
            call(&other, "/api/suppliers/remove", olle_id.0, "ja")
                .await
                .status,
            404
        );
    }
);

db_test!(
    a_person_waiting_to_join_a_supplier_withdraws_the_request_and_its_only_admin_is_asked_to_name_another_before_leaving,
    |app| {
        let (sara, s1) = supplier_person(&app, "Sara", "sara@lev1.se", 1).await;
        let olle = person(&app, "Olle", "olle@lev1.se").await;
        let number = app::organisations::OrgNumber::completing("556000001").unwrap();
        supplier(&app, &olle, "x", "SE", number.as_str()).await;
        let page = app.get_as(&olle, &format!("/leverantorer/{s1}")).await;
        assert!(page.body.contains("Återkalla ansökan"), "{}", page.body);
        let cancel = form(&[("supplier", &s1)]);
        // Nobody else's request is withdrawn by a stranger's call.
        let (stranger, _) = supplier_person(&app, "Annan", "annan@lev9.se", 9).await;
        let res = app
            .post_as(&stranger, "/api/suppliers/cancel-request", &cancel)
            .await;
        assert_eq!(res.status, 404, "{}", res.body);
        let res = app
            .post_form("/api/suppliers/cancel-request", &cancel, &[])
            .await;
        assert_eq!(res.status, 401, "{}", res.body);
        let res = app
            .post_as(&olle, "/api/suppliers/cancel-request", &cancel)
            .await;
        assert!(ok(&res), "{}", res.body);
        assert!(res.header("location").contains("aterkallad=1"));
        let admin_page = app.get_as(&sara, &format!("/leverantorer/{s1}")).await;
        assert!(admin_page.body.contains("Ingen väntar på beslut."));
        assert!(!admin_page.body.contains("olle@lev1.se"));
        let mine = app.get_as(&olle, "/leverantorer").await;
        assert!(mine.body.contains("Du företräder ingen leverantör än."));
        let res = app
            .post_as(&olle, "/api/suppliers/cancel-request", &cancel)
            .await;
        assert_eq!(res.status, 404, "withdrawn once: {}", res.body);
        // The only admin is told what to do instead of offered a leave that fails.
        assert!(admin_page
            .body
            .contains("Gör någon annan till administratör innan du lämnar."));
        assert!(!admin_page.body.contains("Lämna leverantören"));
    }
);
