//! `samrad seed`: the demo story is there to sign in to, the same every
//! time, and a seed never mixes with data already in the database.

use crate::helpers::TestApp;
use server::seed::{seed, Scale, PASSWORD};

async fn first_network(app: &TestApp) -> (String, String) {
    sqlx::query_as("SELECT public_id, name FROM networks ORDER BY id LIMIT 1")
        .fetch_one(app.db.pool())
        .await
        .unwrap()
}

db_test!(
    the_demo_story_can_be_signed_in_to_and_shows_a_need_with_its_demand,
    |app| {
        seed(&app.db, Scale::Demo, &mut |_| {})
            .await
            .expect("seeded");
        let cookie = app
            .sign_in("ali@uppsala.se", PASSWORD)
            .await
            .expect("a demo account");
        let (network, name) = first_network(&app).await;
        assert_eq!(name, "Fossilfria transporter i Mälardalen");
        let page = app.get_as(&cookie, &format!("/natverk/{network}")).await;
        assert!(
            page.body.contains("Eldrivna bussar i linjetrafik"),
            "{}",
            page.body
        );
        let (need,): (String,) =
            sqlx::query_as("SELECT public_id FROM needs WHERE status = 'shared'")
                .fetch_one(app.db.pool())
                .await
                .unwrap();
        let need_page = app.get_as(&cookie, &format!("/behov/{need}")).await;
        assert!(
            need_page.body.contains("<dt>Organisationer</dt><dd>3</dd>"),
            "{}",
            need_page.body
        );
        assert!(need_page.body.contains("Krav 2"));

        let (dialogue,): (String,) = sqlx::query_as("SELECT public_id FROM dialogues")
            .fetch_one(app.db.pool())
            .await
            .unwrap();
        let dialogue_page = app.get_as(&cookie, &format!("/dialoger/{dialogue}")).await;
        assert!(dialogue_page.body.contains("Dialogmöte om eldrivna bussar"));
        assert!(
            dialogue_page
                .body
                .contains("Ja, och om laddtider när det är kallt.")
                && dialogue_page.body.contains("comment--depth-1"),
            "the demo discussion is a thread"
        );

        let again = seed(&app.db, Scale::Demo, &mut |_| {}).await;
        assert!(again.is_err(), "a second seed is refused");
        assert_eq!(app.count("organisations").await, 6);
    }
);

db_test!(seeding_is_deterministic, |app| {
    seed(&app.db, Scale::Demo, &mut |_| {})
        .await
        .expect("seeded");
    let other = TestApp::spawn(app.db.engine())
        .await
        .expect("a second database");
    seed(&other.db, Scale::Demo, &mut |_| {})
        .await
        .expect("seeded");
    assert_eq!(first_network(&app).await, first_network(&other).await);
    let ids = |a: &TestApp| {
        let pool = a.db.pool().clone();
        async move {
            sqlx::query_as::<_, (String, String)>(
                "SELECT public_id, org_number FROM organisations ORDER BY id",
            )
            .fetch_all(&pool)
            .await
            .unwrap()
        }
    };
    assert_eq!(ids(&app).await, ids(&other).await);
});
