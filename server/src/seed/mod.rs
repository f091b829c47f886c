//! `samrad seed`: fills a database with believable Swedish data, the same
//! every time (a fixed random seed), for demos and for the benchmarks.
//!
//! Scales: `demo` is a small story a newcomer can click through; `medium`
//! and `large` (a tenth of and the full national size) feed the load
//! benchmarks. Rooms added later (needs, dialogues, comments) add their
//! rows here too.
//!
//! The random draws come in a fixed order: organisations, people, then
//! network by network its members, needs and dialogues. Reordering them
//! changes every seeded database.

mod dialogues;
mod market;
mod needs;
mod networks;
mod people;

use anyhow::Context;
use app::db::Db;
use rand::{rngs::StdRng, Rng, SeedableRng};
use std::time::Instant;

app::sql!(SELECT_ORGANISATIONS = "SELECT COUNT(*) FROM organisations");
app::sql!(ANALYZE_2 = "ANALYZE");

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Scale {
    Demo,
    Medium,
    Large,
}

/// How many of each thing a scale makes.
struct Counts {
    organisations: usize,
    people: usize,
    networks: usize,
    /// Needs per network, and declared interests per need (at most the
    /// network's posting members).
    needs_per_network: usize,
    interests_per_need: usize,
    /// Dialogues per network, comments per dialogue, and the comments of
    /// the one long thread (the first network's first dialogue).
    dialogues_per_network: usize,
    comments_per_dialogue: usize,
    long_thread: usize,
    /// Suppliers registered for the one crowded dialogue (the first
    /// network's), whom an answer to all mails.
    crowded: usize,
}

impl Scale {
    fn counts(self) -> Counts {
        match self {
            Scale::Demo => Counts {
                organisations: 6,
                people: 6,
                networks: 1,
                needs_per_network: 0,
                interests_per_need: 0,
                dialogues_per_network: 0,
                comments_per_dialogue: 0,
                long_thread: 0,
                crowded: 0,
            },
            Scale::Medium => Counts {
                organisations: 200,
                people: 2_000,
                networks: 50,
                needs_per_network: 40,
                interests_per_need: 6,
                dialogues_per_network: 40,
                comments_per_dialogue: 25,
                long_thread: 500,
                crowded: 500,
            },
            Scale::Large => Counts {
                organisations: 2_000,
                people: 20_000,
                networks: 500,
                needs_per_network: 40,
                interests_per_need: 6,
                dialogues_per_network: 40,
                comments_per_dialogue: 25,
                long_thread: 2_000,
                crowded: 500,
            },
        }
    }
}

/// Every seeded person signs in with this password.
pub const PASSWORD: &str = "samråd-demo-2026";

/// Fills the database; refuses one that already has organisations, so a
/// seed never mixes with real data.
pub async fn seed(db: &Db, scale: Scale, progress: &mut dyn FnMut(&str)) -> anyhow::Result<()> {
    let (existing,): (i64,) = sqlx::query_as(SELECT_ORGANISATIONS)
        .fetch_one(db.pool())
        .await
        .context("counting the organisations already there")?;
    if existing > 0 {
        anyhow::bail!("the database already has organisations; seed an empty one");
    }
    let started = Instant::now();
    let mut rng = StdRng::seed_from_u64(2026);
    let counts = scale.counts();
    let hash = app::accounts::password::hash(PASSWORD.to_string())
        .await
        .context("hashing the seeded people's password")?;
    let now = app::core::clock::Clock::system().now_ms();

    let mut tx = db
        .pool()
        .begin()
        .await
        .context("starting the seed's transaction")?;
    let organisations = people::organisation_rows(scale, counts.organisations);
    let organisation_ids =
        people::insert_organisations(&mut tx, &mut rng, &organisations, now).await?;
    progress(&format!("{} organisations", organisations.len()));

    let admins = people::insert_people(
        &mut tx,
        &mut rng,
        scale,
        counts.people,
        &organisations,
        &organisation_ids,
        &hash,
        now,
        progress,
    )
    .await?;
    progress(&format!("{} people", counts.people));

    let mut first_network = None;
    for n in 0..counts.networks {
        let (place, members) =
            networks::insert_network(&mut tx, &mut rng, scale, n, &organisation_ids, &admins, now)
                .await?;
        if scale == Scale::Demo {
            let need = needs::demo_needs(&mut tx, &place, &members, now).await?;
            let dialogue =
                dialogues::demo_dialogue(&mut tx, &mut rng, &place, &members, need, now).await?;
            market::demo_market(&mut tx, &mut rng, dialogue, members[0], &hash, now).await?;
        } else {
            let mut shared = Vec::new();
            for k in 0..counts.needs_per_network {
                shared.extend(
                    needs::random_need(
                        &mut tx,
                        &mut rng,
                        &place,
                        &members,
                        k,
                        counts.interests_per_need,
                        now,
                    )
                    .await?,
                );
            }
            for k in 0..counts.dialogues_per_network {
                let comments = if n == 0 && k == 0 {
                    counts.long_thread
                } else {
                    counts.comments_per_dialogue
                };
                dialogues::random_dialogue(
                    &mut tx, &mut rng, &place, &members, &shared, k, comments, now,
                )
                .await?;
            }
        }
        if (n + 1) % 100 == 0 {
            progress(&format!("{} networks with their needs", n + 1));
        }
        if n == 0 {
            first_network = Some((place, members));
        }
    }
    progress(&format!(
        "{} networks, {} needs, {} dialogues",
        counts.networks,
        counts.networks * counts.needs_per_network,
        counts.networks * counts.dialogues_per_network
    ));
    // After every network, so the other rows' random draws stay as they were.
    if let Some((place, members)) = first_network.filter(|_| counts.crowded > 0) {
        let crowded = market::crowded_dialogue(
            &mut tx,
            &mut rng,
            &place,
            members[0],
            counts.crowded,
            &hash,
            now,
        )
        .await?;
        progress(&format!(
            "the dialogue with {} registered suppliers: /dialoger/{crowded}",
            counts.crowded
        ));
    }
    tx.commit().await.context("committing the seeded rows")?;
    let indexing = Instant::now();
    let indexed = app::core::search::rebuild(db)
        .await
        .map_err(|e| anyhow::anyhow!(e))
        .context("indexing the seeded rows for search")?;
    progress(&format!(
        "{indexed} entries in the search index, built in {:.1} s",
        indexing.elapsed().as_secs_f64()
    ));
    // Fresh statistics, so the planners pick the indexes from the first
    // request on (PostgreSQL would otherwise wait for autovacuum).
    sqlx::query(ANALYZE_2)
        .execute(db.pool())
        .await
        .context("analysing the seeded tables")?;
    progress(&format!("done in {:.1} s", started.elapsed().as_secs_f64()));
    Ok(())
}

/// "Norrköping" → "Norrköpings", but "Uppsala", "Västerås" stay as they are.
fn genitive(name: &str) -> String {
    match name.chars().last() {
        Some(c) if !"aeiouyåäösxz".contains(c) => format!("{name}s"),
        _ => name.to_string(),
    }
}

/// A valid, unique organisationsnummer: 2120NN-NNNC.
fn org_number(i: usize) -> String {
    app::organisations::OrgNumber::completing(&format!("2120{i:05}"))
        .map(|n| n.as_str().to_string())
        .unwrap_or_default()
}

fn public_id(rng: &mut StdRng) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    (0..16)
        .map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeded_organisation_numbers_pass_the_products_own_rules() {
        for i in [0, 1, 42, 1999] {
            let number = org_number(i);
            assert!(
                app::organisations::OrgNumber::parse(&number).is_ok(),
                "{number}"
            );
        }
        assert_ne!(org_number(1), org_number(2));
    }
}
