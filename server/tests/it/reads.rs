//! The read-only server functions no other test names, against the
//! matrix: anonymous, a person of another organisation, a member
//! organisation demoted to observer, and one that left the network.

use crate::dialogues::{dialogue_form, plan, setup};
use crate::helpers::*;
use crate::networks::{coordinator, invited_and_accepted};

/// (endpoint, body) of every read this file covers.
fn reads(network: &str, need: &str, dialogue: &str, org: &str) -> Vec<(&'static str, String)> {
    vec![
        ("/api/accounts/sessions", String::new()),
        ("/api/accounts/two-factor/setup", String::new()),
        ("/api/dialogues/of-network", form(&[("network", network)])),
        ("/api/dialogues/record", form(&[("dialogue", dialogue)])),
        ("/api/needs/history", form(&[("need", need)])),
        ("/api/needs/mine", String::new()),
        ("/api/needs/of-network", form(&[("network", network)])),
        (
            "/api/needs/posting-organisations",
            form(&[("network", network)]),
        ),
        ("/api/networks/invitations", String::new()),
        ("/api/networks/mine", String::new()),
        ("/api/organisations/mine", String::new()),
        ("/api/organisations/view", form(&[("organisation", org)])),
    ]
}

db_test!(
    reads_answer_only_the_signed_in_and_only_with_what_each_may_see,
    |app| {
        let (network, anna, a_org, need) = setup(&app).await;
        let dialogue = plan(&app, &anna, &dialogue_form(&network, &a_org, &need, "10")).await;
        let all = reads(&network, &need, &dialogue, &a_org);

        for (path, body) in &all {
            let res = app.post_form(path, body, &[]).await;
            assert_eq!(res.status, 401, "anonymous {path}: {}", res.body);
        }

        // Everything answers its own person.
        for (path, body) in &all {
            let res = app.post_as(&anna, path, body).await;
            assert_eq!(res.status, 200, "coordinator {path}: {}", res.body);
        }
        let mine = app.post_as(&anna, "/api/networks/mine", "").await;
        assert!(mine.body.contains("Nätverket"), "{}", mine.body);

        // A person of another organisation reads none of the network's
        // content, and their own lists hold nothing of it.
        let (cilla, _) = coordinator(&app, "cilla@umea.se", "202100-5489").await;
        for path in [
            "/api/dialogues/of-network",
            "/api/dialogues/record",
            "/api/needs/history",
            "/api/needs/of-network",
        ] {
            let body = &all.iter().find(|(p, _)| *p == path).unwrap().1;
            let res = app.post_as(&cilla, path, body).await;
            assert!(
                res.status == 403 || res.status == 404,
                "outsider {path}: {} {}",
                res.status,
                res.body
            );
            assert!(
                !res.body.contains("Elbussar"),
                "outsider {path}: {}",
                res.body
            );
        }
        for path in [
            "/api/needs/mine",
            "/api/networks/mine",
            "/api/networks/invitations",
            "/api/organisations/mine",
        ] {
            let res = app.post_as(&cilla, path, "").await;
            assert_eq!(res.status, 200, "{path}");
            assert!(
                !res.body.contains("Elbussar") && !res.body.contains("Nätverket"),
                "{path} shows another organisation's content: {}",
                res.body
            );
        }
        let view = app
            .post_as(
                &cilla,
                "/api/organisations/view",
                &form(&[("organisation", &a_org)]),
            )
            .await;
        assert_eq!(
            view.status, 200,
            "an organisation's public facts are for the signed in"
        );
        assert!(
            !view.body.contains("anna@stockholm.se"),
            "but not its people: {}",
            view.body
        );
        let sessions = app.post_as(&cilla, "/api/accounts/sessions", "").await;
        assert_eq!(
            sessions.body.matches("\"id\"").count(),
            1,
            "one's own sessions only: {}",
            sessions.body
        );

        // Demoted to observer: still reads, no longer posts.
        let (bo, b_org) = coordinator(&app, "bo@lund.se", "212000-1355").await;
        invited_and_accepted(&app, &anna, &network, &bo, &b_org, "212000-1355", "member").await;
        let posting = app
            .post_as(
                &bo,
                "/api/needs/posting-organisations",
                &form(&[("network", &network)]),
            )
            .await;
        assert!(
            posting.body.contains(&b_org),
            "a member posts: {}",
            posting.body
        );
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
        let posting = app
            .post_as(
                &bo,
                "/api/needs/posting-organisations",
                &form(&[("network", &network)]),
            )
            .await;
        assert!(
            !posting.body.contains(&b_org),
            "an observer posts nothing: {}",
            posting.body
        );
        for path in [
            "/api/needs/history",
            "/api/dialogues/record",
            "/api/needs/of-network",
        ] {
            let body = &all.iter().find(|(p, _)| *p == path).unwrap().1;
            assert_eq!(
                app.post_as(&bo, path, body).await.status,
                200,
                "observer reads {path}"
            );
        }

        // Left the network: the next request reads nothing of it.
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
        for path in [
            "/api/needs/history",
            "/api/dialogues/record",
            "/api/needs/of-network",
            "/api/dialogues/of-network",
        ] {
            let body = &all.iter().find(|(p, _)| *p == path).unwrap().1;
            let res = app.post_as(&bo, path, body).await;
            assert!(!ok(&res), "departed {path}: {}", res.body);
        }
    }
);
