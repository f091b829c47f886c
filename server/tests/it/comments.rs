//! Comments on needs: threads three levels deep, written by members (not
//! observers, not outsiders), edited with the earlier text kept, deleted
//! as a tombstone, hidden by coordinators with a logged reason, paged by
//! thread, and still readable after their author deletes the account.

use crate::helpers::{form, ok, Answer, TestApp};
use crate::networks::{coordinator, create, PASSWORD};

/// Anna's organisation coordinates, Bo's is a member, Cilla's observes;
/// Bo's organisation has shared a need. (anna, bo, cilla, need)
async fn cast(app: &TestApp) -> (String, String, String, String) {
    let (anna, a_org) = coordinator(app, "anna@stockholm.se", "212000-0142").await;
    let network = create(app, &anna, "Nätverket", &a_org, "listed").await;
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
    (anna, bo, cilla, need)
}

pub(crate) async fn comment(
    app: &TestApp,
    cookie: &str,
    need: &str,
    parent: &str,
    body: &str,
) -> Answer {
    app.post_as(
        cookie,
        "/api/comments/post",
        &form(&[
            ("subject", "need"),
            ("target", need),
            ("parent", parent),
            ("body", body),
        ]),
    )
    .await
}

/// The new comment's id, from where the post sends the browser.
pub(crate) fn id_of(res: &Answer) -> String {
    res.header("location")
        .split("#kommentar-")
        .nth(1)
        .unwrap()
        .to_string()
}

db_test!(
    members_comment_and_reply_three_levels_deep_and_observers_only_read,
    |app| {
        let (anna, bo, cilla, need) = cast(&app).await;
        let top = comment(&app, &bo, &need, "", "Vi behöver **minst** tio bussar.").await;
        assert!(ok(&top), "{}", top.body);
        let top = id_of(&top);
        let reply = id_of(&comment(&app, &anna, &need, &top, "Vi också.").await);
        let deeper = comment(&app, &bo, &need, &reply, "Bra, då är vi två.").await;
        assert!(ok(&deeper), "{}", deeper.body);
        let too_deep = comment(&app, &anna, &need, &id_of(&deeper), "En nivå för mycket").await;
        assert_eq!(too_deep.status, 400, "replies stop at three levels");
        let observer = comment(&app, &cilla, &need, "", "Får jag skriva?").await;
        assert_eq!(observer.status, 403);
        let outsider = app.verified_user("dan@example.se", PASSWORD).await;
        assert_eq!(comment(&app, &outsider, &need, "", "Hej").await.status, 404);
        let empty = comment(&app, &bo, &need, "", "   ").await;
        assert_eq!(empty.status, 400);
        let foreign_parent = comment(&app, &bo, &need, "finnsinte12345678", "Svar").await;
        assert_eq!(foreign_parent.status, 404);
        assert_eq!(app.count("comments").await, 3, "nothing half-saved");

        let page = app.get_as(&cilla, &format!("/behov/{need}")).await;
        assert!(
            page.body.contains("<strong>minst</strong>"),
            "Markdown rendered"
        );
        let (a, b, c) = (
            page.body.find("tio bussar").unwrap(),
            page.body.find("Vi också.").unwrap(),
            page.body.find("då är vi två").unwrap(),
        );
        assert!(a < b && b < c, "a thread reads in order");
        assert!(page.body.contains("comment--depth-2"));
        assert!(page.body.contains("Observatörer läser men skriver inte."));
    }
);

db_test!(
    authors_edit_and_delete_their_own_and_coordinators_hide_with_a_logged_reason,
    |app| {
        let (anna, bo, cilla, need) = cast(&app).await;
        let first = id_of(&comment(&app, &bo, &need, "", "Första versionen").await);
        let answer = id_of(&comment(&app, &anna, &need, &first, "Ett svar som ska stå kvar").await);
        let by_other = app
            .post_as(
                &anna,
                "/api/comments/edit",
                &form(&[("comment", &first), ("body", "Kapat")]),
            )
            .await;
        assert_eq!(by_other.status, 403);
        let edit = app
            .post_as(
                &bo,
                "/api/comments/edit",
                &form(&[("comment", &first), ("body", "Andra versionen")]),
            )
            .await;
        assert!(ok(&edit), "{}", edit.body);
        let back = edit.header("location").to_string();
        assert!(back.contains("andrad=1"), "{back}");
        let said = app.get_as(&bo, back.split('#').next().unwrap()).await;
        assert!(
            said.body.contains("Kommentaren är ändrad."),
            "an edit is not told as a new comment"
        );
        assert!(!said.body.contains("Kommentaren är publicerad."));
        let page = app.get_as(&cilla, &format!("/behov/{need}")).await;
        assert!(page.body.contains("Andra versionen") && page.body.contains("(redigerad)"));
        let versions: Vec<(String,)> =
            sqlx::query_as("SELECT body FROM comment_versions ORDER BY comment_id, version")
                .fetch_all(app.db.pool())
                .await
                .unwrap();
        assert_eq!(
            versions.len(),
            3,
            "both texts of the first comment and the answer"
        );
        assert!(versions.iter().any(|(b,)| b == "Första versionen"));

        // Deleting cannot be undone: without the confirming button's value
        // nothing happens, and the refusal says why.
        let unconfirmed = app
            .post_as(&bo, "/api/comments/delete", &form(&[("comment", &first)]))
            .await;
        assert!(
            !ok(&unconfirmed),
            "deleting without confirming must be refused"
        );
        let page = app.get_as(&cilla, &format!("/behov/{need}")).await;
        assert!(
            page.body.contains("Andra versionen"),
            "the comment is still there"
        );

        let delete = app
            .post_as(
                &bo,
                "/api/comments/delete",
                &form(&[("comment", &first), ("confirm", "ja")]),
            )
            .await;
        assert!(ok(&delete), "{}", delete.body);
        let page = app.get_as(&cilla, &format!("/behov/{need}")).await;
        assert!(!page.body.contains("Andra versionen"));
        assert!(page
            .body
            .contains("Kommentaren är borttagen av den som skrev den."));
        assert!(
            page.body.contains("Ett svar som ska stå kvar"),
            "the thread stays readable"
        );

        let by_member = app
            .post_as(
                &bo,
                "/api/comments/hide",
                &form(&[("comment", &answer), ("reason", "x")]),
            )
            .await;
        assert_eq!(by_member.status, 403, "members do not moderate");
        let no_reason = app
            .post_as(
                &anna,
                "/api/comments/hide",
                &form(&[("comment", &answer), ("reason", " ")]),
            )
            .await;
        assert_eq!(no_reason.status, 400);
        let hide = app
            .post_as(
                &anna,
                "/api/comments/hide",
                &form(&[("comment", &answer), ("reason", "Personuppgifter")]),
            )
            .await;
        assert!(ok(&hide), "{}", hide.body);
        let page = app.get_as(&cilla, &format!("/behov/{need}")).await;
        assert!(!page.body.contains("Ett svar som ska stå kvar"));
        let tombstone = page
            .body
            .split("class=\"comment__tombstone\"")
            .find(|t| t.starts_with(">Dold av en samordnare"))
            .expect("the hidden comment leaves a note");
        let tombstone = tombstone.split("</p>").next().unwrap();
        assert!(
            tombstone.contains("Dold av en samordnare: ") && tombstone.contains("Personuppgifter"),
            "{tombstone}"
        );
        let (reason,): (String,) =
            sqlx::query_as("SELECT reason FROM network_audit WHERE action = 'comment_hidden'")
                .fetch_one(app.db.pool())
                .await
                .unwrap();
        assert_eq!(reason, "Personuppgifter");
    }
);

db_test!(
    a_deleted_users_comments_are_still_readable_as_deleted_user,
    |app| {
        let (_, bo, cilla, need) = cast(&app).await;
        comment(
            &app,
            &bo,
            &need,
            "",
            "Jag slutar snart men texten ska stå kvar.",
        )
        .await;
        let deleted = app
            .post_as(
                &bo,
                "/api/accounts/delete",
                &form(&[("confirm_password", PASSWORD), ("confirm", "ja")]),
            )
            .await;
        assert!(ok(&deleted), "{}", deleted.body);
        let page = app.get_as(&cilla, &format!("/behov/{need}")).await;
        assert!(page
            .body
            .contains("Jag slutar snart men texten ska stå kvar."));
        assert!(
            page.body.contains("<strong>Borttagen användare</strong>"),
            "{}",
            page.body
        );
        assert!(!page
            .body
            .contains("Anna Andersson</strong>, Organisation 212000-1355"));
    }
);

db_test!(
    long_discussions_page_by_thread_and_new_comments_can_be_fetched,
    |app| {
        let (anna, bo, _, need) = cast(&app).await;
        let per_page = app::comments::THREADS_PER_PAGE;
        for i in 0..per_page + 5 {
            let res = comment(&app, &bo, &need, "", &format!("Tråd nummer {i:02}")).await;
            assert!(ok(&res));
        }
        let first: serde_json::Value = serde_json::from_str(
            &app.post_as(
                &anna,
                "/api/comments/page",
                &form(&[("subject", "need"), ("target", &need)]),
            )
            .await
            .body,
        )
        .unwrap();
        assert_eq!(first["threads"].as_array().unwrap().len(), per_page);
        let next = first["next"].as_str().expect("a second page").to_string();
        let page = app
            .get_as(&anna, &format!("/behov/{need}?kommentarer={next}"))
            .await;
        let (last, before) = (
            format!("Tråd nummer {:02}", per_page + 4),
            format!("Tråd nummer {:02}", per_page - 1),
        );
        assert!(page.body.contains(&last) && !page.body.contains(&before));
        let newest = first["newest"].as_i64().unwrap();

        let since = |after: i64| {
            form(&[
                ("subject", "need"),
                ("target", &need),
                ("after", &after.to_string()),
            ])
        };
        let none: serde_json::Value = serde_json::from_str(
            &app.post_as(&anna, "/api/comments/since", &since(newest))
                .await
                .body,
        )
        .unwrap();
        assert_eq!(none.as_array().unwrap().len(), 0);
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        comment(&app, &bo, &need, "", "Alldeles ny").await;
        let fresh: serde_json::Value = serde_json::from_str(
            &app.post_as(&anna, "/api/comments/since", &since(newest))
                .await
                .body,
        )
        .unwrap();
        assert_eq!(fresh[0]["body"], "Alldeles ny");
    }
);

db_test!(
    a_comment_offers_links_and_the_address_opens_one_form_at_a_time,
    |app| {
        let (anna, bo, _, need) = cast(&app).await;
        let first = comment(&app, &bo, &need, "", "Första inlägget").await;
        let id = id_of(&first);
        comment(&app, &bo, &need, "", "Andra inlägget").await;
        let posting = "action=\"/api/comments/post\"";

        let page = app.get_as(&anna, &format!("/behov/{need}")).await;
        assert_eq!(
            page.body.matches(posting).count(),
            1,
            "only the new-comment form"
        );
        assert!(page.body.contains(&format!("?svara={id}#svara-{id}")));

        let open = app
            .get_as(&anna, &format!("/behov/{need}?svara={id}"))
            .await;
        assert_eq!(
            open.body.matches(posting).count(),
            2,
            "and the reply to {id}"
        );
        assert!(open
            .body
            .contains(&format!("name=\"parent\" value=\"{id}\"")));

        let mine = app.get_as(&bo, &format!("/behov/{need}?andra={id}")).await;
        assert!(
            mine.body.contains(">Första inlägget</textarea>"),
            "the author edits their text"
        );
        let not_mine = app
            .get_as(&anna, &format!("/behov/{need}?andra={id}"))
            .await;
        assert!(
            !not_mine.body.contains("action=\"/api/comments/edit\""),
            "only the author"
        );
    }
);

db_test!(
    a_refused_comment_comes_back_in_its_box_with_the_error_at_the_field,
    |app| {
        let (_, bo, _, need) = cast(&app).await;
        let long = "å".repeat(app::comments::BODY_MAX + 1);
        let res = app
            .post_form(
                "/api/comments/post",
                &form(&[
                    ("subject", "need"),
                    ("target", &need),
                    ("parent", ""),
                    ("body", &long),
                ]),
                &[
                    ("cookie", &bo),
                    ("accept", "text/html"),
                    ("referer", &format!("http://localhost:3000/behov/{need}")),
                ],
            )
            .await;
        assert!(res.status.is_redirection(), "{}", res.status);
        let back = res
            .header("location")
            .split('#')
            .next()
            .unwrap()
            .to_string();
        let page = app.get_as(&bo, &back).await;
        let field = page
            .body
            .split("<textarea")
            .find(|t| t.contains("id=\"field-body\""))
            .expect("the summary's link lands on the new comment's box");
        assert!(field.contains("aria-invalid=\"true\""), "{field}");
        assert!(
            field.contains("field-body-error"),
            "the error is tied to the box"
        );
        assert!(field.contains(&long), "what was typed is still there");
    }
);

/// The comment's stored HTML and the renderer that made it.
async fn stored_html(app: &TestApp, id: &str) -> (String, i64) {
    sqlx::query_as("SELECT body_html, html_renderer FROM comments WHERE public_id = $1")
        .bind(id)
        .fetch_one(app.db.pool())
        .await
        .unwrap()
}

db_test!(
    a_comment_is_rendered_once_when_written_and_again_when_the_renderer_changes,
    |app| {
        let (_anna, bo, cilla, need) = cast(&app).await;
        let id = id_of(&comment(&app, &bo, &need, "", "Vi behöver **tio** bussar.").await);
        let current = app::markdown::RENDERER;
        let (html, renderer) = stored_html(&app, &id).await;
        assert!(html.contains("<strong>tio</strong>"), "{html}");
        assert_eq!(renderer, current, "rendered when written");

        let edit = app
            .post_as(
                &bo,
                "/api/comments/edit",
                &form(&[("comment", &id), ("body", "Vi behöver *elva* bussar.")]),
            )
            .await;
        assert!(ok(&edit), "{}", edit.body);
        let (html, _) = stored_html(&app, &id).await;
        assert!(
            html.contains("<em>elva</em>") && !html.contains("tio"),
            "{html}"
        );

        // What an older renderer left: the page does not show it, and the
        // start's pass renders the row again.
        sqlx::query("UPDATE comments SET body_html = '<p>gammal</p>', html_renderer = 0")
            .execute(app.db.pool())
            .await
            .unwrap();
        let page = app.get_as(&cilla, &format!("/behov/{need}")).await;
        assert!(page.body.contains("<em>elva</em>") && !page.body.contains("gammal"));
        assert_eq!(
            app::comments::store::rerender_stale(&app.db).await.unwrap(),
            1
        );
        let (html, renderer) = stored_html(&app, &id).await;
        assert!(html.contains("<em>elva</em>"), "{html}");
        assert_eq!(renderer, current);
        assert_eq!(
            app::comments::store::rerender_stale(&app.db).await.unwrap(),
            0,
            "nothing is rendered twice"
        );

        // The release before this one edits without rendering: its text is
        // what the page shows, and the start's pass renders it.
        sqlx::query("UPDATE comments SET body = 'Vi behöver **nio**.', version = version + 1")
            .execute(app.db.pool())
            .await
            .unwrap();
        let page = app.get_as(&cilla, &format!("/behov/{need}")).await;
        assert!(page.body.contains("<strong>nio</strong>") && !page.body.contains("elva"));
        assert_eq!(
            app::comments::store::rerender_stale(&app.db).await.unwrap(),
            1
        );
        assert!(stored_html(&app, &id)
            .await
            .0
            .contains("<strong>nio</strong>"));

        let gone = app
            .post_as(
                &bo,
                "/api/comments/delete",
                &form(&[("comment", &id), ("confirm", "ja")]),
            )
            .await;
        assert!(ok(&gone), "{}", gone.body);
        assert_eq!(
            stored_html(&app, &id).await.0,
            "",
            "a deleted text leaves its HTML too"
        );
    }
);
