//! Search (#19): Swedish words found in their other forms, by prefix and
//! as phrases, the same documents on both engines; only what the reader
//! may read, in results and in counts; edits, hides and deletes seen at
//! once; and no query, however hostile, that fails the server.

use crate::helpers::{form, ok, TestApp};
use crate::networks::{coordinator, create};
use app::search::{Kind, Results};

/// A need's form with its own problem text.
fn need(
    network: &str,
    org: &str,
    title: &str,
    problem: &str,
    status: &str,
) -> Vec<(String, String)> {
    crate::needs::need_form(network, org, title, status)
        .into_iter()
        .map(|(k, v)| match k.as_str() {
            "problem" => (k, problem.to_string()),
            _ => (k, v),
        })
        .collect()
}

/// What `cookie` (None: not signed in) finds for `q` with the extra
/// filters.
pub(crate) async fn search(
    app: &TestApp,
    cookie: Option<&str>,
    q: &str,
    extra: &[(&str, &str)],
) -> Results {
    let mut pairs = vec![("q", q)];
    pairs.extend_from_slice(extra);
    let body = form(&pairs);
    let res = match cookie {
        Some(c) => app.post_as(c, "/api/search", &body).await,
        None => app.post_form("/api/search", &body, &[]).await,
    };
    assert!(ok(&res), "{q:?}: {} {}", res.status, res.body);
    serde_json::from_str(&res.body).expect("results")
}

/// The titles found, sorted, as plain text.
fn titles(results: &Results) -> Vec<String> {
    let mut titles: Vec<String> = results
        .hits
        .iter()
        .map(|hit| hit.title.iter().map(|p| p.text.as_str()).collect())
        .collect();
    titles.sort();
    titles
}

fn count(results: &Results, kind: Kind) -> i64 {
    results
        .counts
        .iter()
        .find(|(k, _)| *k == kind)
        .map_or(0, |(_, n)| *n)
}

/// A listed network of Anna's with four needs (one a draft).
async fn needs_in_swedish(app: &TestApp) -> (String, String) {
    let (anna, org) = coordinator(app, "anna@stockholm.se", "212000-0142").await;
    let network = create(app, &anna, "Laddning i Norr", &org, "listed").await;
    for (title, problem, status) in [
        (
            "Upphandlingen av laddstolpar",
            "Vi saknar laddinfrastruktur för elbilar vid kommunens förskolor.",
            "shared",
        ),
        (
            "Cyklar för hemtjänsten",
            "Personalen behöver elcyklar och en cykel per arbetsgrupp.",
            "shared",
        ),
        (
            "Gemensamma regler för upphandling",
            "Reglerna skiljer sig mellan kommunerna och det kostar tid.",
            "shared",
        ),
        (
            "Hemliga laddstolpar",
            "Ett utkast om laddstolpar som ingen annan ser.",
            "draft",
        ),
    ] {
        crate::needs::post_need(app, &anna, &need(&network, &org, title, problem, status)).await;
    }
    (anna, network)
}

db_test!(
    swedish_inflections_prefixes_and_phrases_find_the_same_needs_on_both_engines,
    |app| {
        let (anna, _) = needs_in_swedish(&app).await;
        let upphandling = "Upphandlingen av laddstolpar";
        let cyklar = "Cyklar för hemtjänsten";
        let regler = "Gemensamma regler för upphandling";
        // The same query set, the same documents: both engines run this.
        for (q, expected) in [
            ("upphandling", vec![upphandling, regler]),
            ("upphandlingar", vec![upphandling, regler]),
            ("cykel", vec![cyklar]),
            ("cyklarna", vec![cyklar]),
            ("laddstolpe", vec![upphandling]),
            ("laddinfra", vec![upphandling]),
            ("regel", vec![regler]),
            ("\"gemensamma regler\"", vec![regler]),
            ("\"regler gemensamma\"", vec![]),
            ("förskolor elbilar", vec![upphandling]),
            ("forskolor", vec![]),
            ("hemliga", vec![]),
        ] {
            let found = search(&app, Some(&anna), q, &[("typ", "behov")]).await;
            let mut expected = expected;
            expected.sort();
            assert_eq!(titles(&found), expected, "{q:?}");
            assert_eq!(found.total, expected.len() as i64, "{q:?}");
        }
        let found = search(&app, Some(&anna), "laddstolpar", &[]).await;
        let hit = &found.hits[0];
        assert!(
            hit.title
                .iter()
                .any(|p| p.marked && p.text == "laddstolpar"),
            "the matched word is marked: {:?}",
            hit.title
        );
        assert!(hit.path.starts_with("/behov/"), "{}", hit.path);
        assert_eq!(hit.network, "Laddning i Norr");
    }
);

db_test!(
    edits_hides_and_deletes_are_found_or_gone_at_once_and_a_rebuild_agrees,
    |app| {
        let (anna, org) = coordinator(&app, "anna@stockholm.se", "212000-0142").await;
        let network = create(&app, &anna, "Nätverket", &org, "listed").await;
        let base = crate::needs::need_form(&network, &org, "Elbussar", "shared");
        let id = crate::needs::post_need(&app, &anna, &base).await;
        assert_eq!(search(&app, Some(&anna), "elbussar", &[]).await.total, 1);
        let mut edit: Vec<(String, String)> = base
            .into_iter()
            .filter(|(k, _)| k != "network" && k != "organisation" && k != "status")
            .map(|(k, v)| match k.as_str() {
                "title" => (k, "Vätgasbussar".to_string()),
                _ => (k, v),
            })
            .collect();
        edit.push(("need".into(), id.clone()));
        edit.push(("version".into(), "1".into()));
        let res = app
            .post_as(&anna, "/api/needs/edit", &crate::needs::encode(&edit))
            .await;
        assert!(ok(&res), "{}", res.body);
        assert_eq!(search(&app, Some(&anna), "elbussar", &[]).await.total, 0);
        assert_eq!(search(&app, Some(&anna), "vätgasbuss", &[]).await.total, 1);

        let mut comments = Vec::new();
        for body in ["Depåladdning räcker inte", "Depåladdning om natten"] {
            let res = crate::comments::comment(&app, &anna, &id, "", body).await;
            assert!(ok(&res), "{}", res.body);
            comments.push(crate::comments::id_of(&res));
        }
        let found = search(&app, Some(&anna), "depåladdning", &[]).await;
        assert_eq!(count(&found, Kind::Comment), 2);
        assert!(found.hits.iter().all(|h| h.parent == "Vätgasbussar"));
        let res = app
            .post_as(
                &anna,
                "/api/comments/edit",
                &form(&[
                    ("comment", &comments[0]),
                    ("body", "Snabbladdning vid ändhållplatsen"),
                ]),
            )
            .await;
        assert!(ok(&res), "{}", res.body);
        assert_eq!(
            count(
                &search(&app, Some(&anna), "depåladdning", &[]).await,
                Kind::Comment
            ),
            1
        );
        assert_eq!(
            search(&app, Some(&anna), "ändhållplats", &[]).await.total,
            1
        );
        let res = app
            .post_as(
                &anna,
                "/api/comments/hide",
                &form(&[("comment", &comments[1]), ("reason", "Fel tråd")]),
            )
            .await;
        assert!(ok(&res), "{}", res.body);
        let found = search(&app, Some(&anna), "depåladdning", &[]).await;
        assert_eq!(
            (found.total, found.counts.len()),
            (0, 0),
            "a hidden comment is not counted"
        );
        let res = app
            .post_as(
                &anna,
                "/api/comments/delete",
                &form(&[("comment", &comments[0]), ("confirm", "ja")]),
            )
            .await;
        assert!(ok(&res), "{}", res.body);
        assert_eq!(
            search(&app, Some(&anna), "ändhållplats", &[]).await.total,
            0
        );

        // What the writes kept is what a rebuild from the tables makes.
        let rows = || async {
            let rows: Vec<(String, i64, String, String, String)> = sqlx::query_as(
                "SELECT kind, item_id, audience, title_terms, body_terms \
                 FROM search_documents ORDER BY kind, item_id, audience",
            )
            .fetch_all(app.db.pool())
            .await
            .unwrap();
            rows
        };
        let kept = rows().await;
        assert!(kept.len() >= 2, "{kept:?}");
        let built = app::core::search::rebuild(&app.db).await.unwrap();
        assert_eq!(rows().await, kept);
        assert_eq!(built, kept.len() as u64);
    }
);

db_test!(
    search_shows_only_what_the_reader_may_read_in_results_and_in_counts,
    |app| {
        let (anna, a_org) = coordinator(&app, "anna@stockholm.se", "212000-0142").await;
        let hidden = create(&app, &anna, "Hamnarna", &a_org, "hidden").await;
        let (bo, b_org) = coordinator(&app, "bo@lund.se", "212000-1355").await;
        let listed = create(&app, &bo, "Skolorna", &b_org, "listed").await;
        let (dora, _) = coordinator(&app, "dora@umea.se", "202100-5489").await;
        crate::needs::post_need(
            &app,
            &anna,
            &need(
                &hidden,
                &a_org,
                "Laddstolpar i hamnen",
                "Färjorna laddas vid kaj.",
                "shared",
            ),
        )
        .await;
        crate::needs::post_need(
            &app,
            &bo,
            &need(
                &listed,
                &b_org,
                "Laddstolpar vid skolor",
                "Personalens bilar.",
                "shared",
            ),
        )
        .await;

        let by_anna = search(&app, Some(&anna), "laddstolpar", &[]).await;
        assert_eq!(titles(&by_anna), vec!["Laddstolpar i hamnen"]);
        assert_eq!(by_anna.counts, vec![(Kind::Need, 1)]);
        assert_eq!(
            by_anna.networks,
            vec![(hidden.clone(), "Hamnarna".to_string())]
        );
        let by_bo = search(&app, Some(&bo), "laddstolpar", &[]).await;
        assert_eq!(titles(&by_bo), vec!["Laddstolpar vid skolor"]);
        let by_dora = search(&app, Some(&dora), "laddstolpar", &[]).await;
        assert_eq!((by_dora.total, by_dora.counts.len()), (0, 0));

        // A network's own row: its members, and anyone signed in when it is
        // listed; never a hidden one to outsiders, nothing to the public.
        let networks = |r: &Results| titles(r);
        assert_eq!(
            networks(&search(&app, Some(&dora), "transporter", &[]).await),
            vec!["Skolorna"]
        );
        assert_eq!(
            networks(&search(&app, Some(&anna), "transporter", &[]).await),
            vec!["Hamnarna", "Skolorna"]
        );
        let anonymous = search(&app, None, "transporter", &[]).await;
        assert_eq!((anonymous.total, anonymous.counts.len()), (0, 0));
        assert!(anonymous.networks.is_empty());

        // Filtering by a network one does not read finds nothing of it.
        let probed = search(&app, Some(&dora), "laddstolpar", &[("natverk", &hidden)]).await;
        assert_eq!(probed.total, 0);
        let own = search(&app, Some(&anna), "laddstolpar", &[("natverk", &listed)]).await;
        assert_eq!(own.total, 0, "{:?} {:?}", own.hits, own.counts);

        // A dialogue announced to the market: its public part for everyone
        // (suppliers, the public), its members' part for its network only,
        // never both to the same reader.
        let need_id = crate::needs::post_need(
            &app,
            &anna,
            &need(&hidden, &a_org, "Elfärjor", "Färjor på el.", "shared"),
        )
        .await;
        let dialogue = crate::dialogues::plan(
            &app,
            &anna,
            &crate::dialogues::dialogue_form(&hidden, &a_org, &need_id, "5"),
        )
        .await;
        let planned = search(&app, None, "depå", &[]).await;
        assert_eq!(planned.total, 0, "a planned dialogue is not public");
        crate::market::announce(&app, &anna, &dialogue).await;
        let (supplier, _) = crate::market::supplier_person(&app, "Sam", "sam@lev.se", 1).await;
        for reader in [None, Some(supplier.as_str()), Some(dora.as_str())] {
            let found = search(&app, reader, "depå", &[]).await;
            let paths: Vec<&str> = found.hits.iter().map(|h| h.path.as_str()).collect();
            assert_eq!(
                paths,
                vec![format!("/marknadsdialoger/{dialogue}")],
                "{reader:?}"
            );
            assert_eq!(found.hits[0].network, "", "a hidden network is not named");
            assert_eq!(found.counts, vec![(Kind::Dialogue, 1)]);
        }
        let host = search(&app, Some(&anna), "depå", &[]).await;
        let paths: Vec<&str> = host.hits.iter().map(|h| h.path.as_str()).collect();
        assert_eq!(paths, vec![format!("/dialoger/{dialogue}")]);
        assert_eq!(host.counts, vec![(Kind::Dialogue, 1)], "not counted twice");
        let public = app
            .post_form("/api/search/public", &form(&[("q", "depå")]), &[])
            .await;
        let public: Results = serde_json::from_str(&public.body).unwrap();
        assert_eq!(public.hits[0].path, format!("/marknadsdialoger/{dialogue}"));
    }
);

db_test!(
    filters_by_kind_state_and_day_and_pages_of_twenty_keep_the_counts,
    // The clock moves a day on; the session outlives it.
    config = |c| {
        c.sessions.idle_ms = 30 * 24 * 3_600_000;
    },
    |app| {
        let (anna, org) = coordinator(&app, "anna@stockholm.se", "212000-0142").await;
        let network = create(&app, &anna, "Nätverket", &org, "listed").await;
        // Days of the app's clock a little ahead, so the need's quarter is
        // never in the past.
        let ahead = app::core::clock::Clock::system().now_ms() + 5 * 86_400_000;
        let (first, _) = app::time::stockholm_parts(ahead);
        let day = app::time::parse_stockholm(&first, "12:00").unwrap();
        let (next, _) = app::time::stockholm_parts(day + 86_400_000);
        app.clock.set(day);
        let id = crate::needs::post_need(
            &app,
            &anna,
            &crate::needs::need_form(&network, &org, "Budget för bussar", "shared"),
        )
        .await;
        for n in 0..24 {
            app.clock.set(day + 86_400_000 + n * 60_000);
            let res =
                crate::comments::comment(&app, &anna, &id, "", &format!("Budgeten, punkt {n}"))
                    .await;
            assert!(ok(&res), "{}", res.body);
        }
        let all = search(&app, Some(&anna), "budget", &[]).await;
        assert_eq!(all.counts, vec![(Kind::Need, 1), (Kind::Comment, 24)]);
        assert_eq!((all.total, all.hits.len(), all.pages()), (25, 20, 2));
        let second = search(&app, Some(&anna), "budget", &[("sida", "2")]).await;
        assert_eq!(second.hits.len(), 5);
        let comments = search(&app, Some(&anna), "budget", &[("typ", "kommentar")]).await;
        assert_eq!(comments.total, 24);
        assert!(comments.hits.iter().all(|h| h.kind == Kind::Comment));
        assert_eq!(comments.counts, all.counts, "the counts offer every kind");
        let first_day = search(
            &app,
            Some(&anna),
            "budget",
            &[("fran", &first), ("till", &first)],
        )
        .await;
        assert_eq!(titles(&first_day), vec!["Budget för bussar"]);
        let later = search(&app, Some(&anna), "budget", &[("fran", &next)]).await;
        assert_eq!(later.total, 24);
        let closed = search(&app, Some(&anna), "budget", &[("status", "avslutade")]).await;
        assert_eq!(closed.total, 0);
        let current = search(&app, Some(&anna), "budget", &[("status", "aktuella")]).await;
        assert_eq!(current.total, 25);
        let odd = search(
            &app,
            Some(&anna),
            "budget",
            &[("typ", "allt"), ("fran", "igår")],
        )
        .await;
        assert_eq!(
            (odd.total, odd.ignored.clone()),
            (25, vec!["typ".to_string(), "fran".to_string()])
        );
    }
);

db_test!(
    hostile_queries_are_plain_words_or_a_clear_refusal_never_a_failure,
    |app| {
        let (anna, _) = needs_in_swedish(&app).await;
        let long = "laddstolpe ".repeat(1_000);
        for q in [
            "\"laddstolpar",
            "laddstolpar\"",
            "\"\"\"",
            "NEAR(laddstolpar cyklar",
            "NEAR(a b, 2)",
            "*",
            "laddstolpar*",
            "-laddstolpar",
            "laddstolpar OR cyklar",
            "laddstolpar AND NOT cyklar",
            "title_terms:laddstolpar",
            "{title_terms body_terms}: x",
            "a:* & !b | c <-> d",
            "'); DROP TABLE search_documents; --",
            "\u{0}\u{7}laddstolpar\u{1b}[31m",
            "^laddstolpar",
            "laddstolpar + cyklar ( ) [ ]",
            long.as_str(),
            "",
            "   ",
        ] {
            for cookie in [Some(anna.as_str()), None] {
                let body = form(&[("q", q)]);
                let res = match cookie {
                    Some(c) => app.post_as(c, "/api/search", &body).await,
                    None => app.post_form("/api/search", &body, &[]).await,
                };
                assert!(
                    res.status.is_success() || res.status == 400,
                    "{q:?}: {} {}",
                    res.status,
                    res.body
                );
                let path = format!("/sok?q={}", app::ui::url_encode(q));
                let page = match cookie {
                    Some(c) => app.get_as(c, &path).await,
                    None => app.get(&path).await,
                };
                assert_eq!(page.status, 200, "{q:?}");
            }
        }
        assert_eq!(
            titles(&search(&app, Some(&anna), "laddstolpar OR cyklar", &[]).await),
            Vec::<String>::new(),
            "OR is a word here, and no need has it"
        );
    }
);

db_test!(
    the_search_page_marks_the_words_and_says_a_refused_query_at_a_focused_summary,
    |app| {
        let (anna, _) = needs_in_swedish(&app).await;
        let page = app.get_as(&anna, "/sok?q=laddstolpe").await;
        assert_eq!(page.status, 200);
        assert!(
            page.body.contains("<mark>laddstolpar</mark>"),
            "{}",
            page.body
        );
        assert!(page.body.contains("1 träff för ”laddstolpe”"));
        assert!(page.body.contains("<title>laddstolpe – Sök</title>"));
        let refused = app
            .get_as(&anna, &format!("/sok?q={}", "a".repeat(300)))
            .await;
        assert_eq!(refused.status, 200);
        assert!(
            refused.body.contains("<title>Fel: Sök</title>"),
            "the title says so first"
        );
        assert!(refused.body.contains("id=\"error-summary\""));
        assert!(refused.body.contains("href=\"#field-q\""));
        assert!(refused.body.contains("aria-invalid=\"true\""));
        assert!(
            refused.body.contains(&"a".repeat(300)),
            "what was typed is given back"
        );
        let hostile = app
            .get_as(
                &anna,
                "/sok?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E+laddstolpar",
            )
            .await;
        assert!(
            !hostile.body.contains("<script>alert"),
            "typed text is never HTML: {}",
            hostile
                .body
                .match_indices("alert")
                .map(|(i, _)| &hostile.body[i.saturating_sub(80)..i + 40])
                .collect::<Vec<_>>()
                .join(" | ")
        );
        let anonymous = app.get("/sok?q=laddstolpar").await;
        assert!(anonymous.body.contains("Du är inte inloggad"));
        assert!(anonymous.body.contains("0 träffar"));
        let header = app.get("/").await;
        assert!(header.body.contains("role=\"search\""));
        assert!(header.body.contains("action=\"/sok#traffar\""));
    }
);

/// A refresh after one write reads that item's rows through an index,
/// never a whole table: once, each comment posted made SQLite read all
/// 500,000 comments of the large seed (`$1 = 0 OR c.id = $1` defeats the
/// index). The full rebuild's statements (`every!()`) may scan.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refresh_reads_only_its_own_rows_through_an_index() {
    let app = TestApp::spawn(app::db::Engine::Sqlite).await.unwrap();
    let refreshes: Vec<_> = app::core::sql::STATEMENTS
        .iter()
        .filter(|st| st.module.ends_with("core::search::index"))
        .filter(|st| st.sql.contains("$1") && !st.name.starts_with("LOCK_"))
        .collect();
    assert!(refreshes.len() >= 10, "{} refreshes", refreshes.len());
    for st in refreshes {
        let plan: Vec<(i64, i64, i64, String)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "EXPLAIN QUERY PLAN {}",
            st.sql
        )))
        .fetch_all(app.db.pool())
        .await
        .unwrap();
        let scans: Vec<&str> = plan
            .iter()
            .map(|(_, _, _, detail)| detail.as_str())
            .filter(|detail| detail.starts_with("SCAN"))
            .collect();
        assert!(scans.is_empty(), "{}: {scans:?}", st.name);
    }
}
