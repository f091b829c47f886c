//! Dialogues with their host, needs, question and session, and the
//! discussions on them; and the demo story's dialogue.

use super::{networks::NeedPlace, public_id};
use anyhow::Context;
use app::cpv;
use rand::{rngs::StdRng, Rng};

app::sql!(
    INSERT_DIALOGUE_NEEDS = "INSERT INTO dialogue_needs (dialogue_id, need_id) VALUES ($1, $2)"
);
app::sql!(INSERT_DIALOGUES = "INSERT INTO dialogues (public_id, network_id, title, purpose, form, cpv, lan_code, \
         estimated_value, answer_deadline, capacity, status, created_at, announced_at) \
         VALUES ($1, $2, $3, 'Vi vill höra hur marknaden ser på behovet och vad som går att leverera.', \
         'dialogmote', $4, $5, NULL, $6, 20, $7, $8, CAST($9 AS BIGINT)) RETURNING id");
app::sql!(
    INSERT_DIALOGUE_HOSTS =
        "INSERT INTO dialogue_hosts (dialogue_id, organisation_id) VALUES ($1, $2)"
);
app::sql!(
    INSERT_DIALOGUE_QUESTIONS = "INSERT INTO dialogue_questions (dialogue_id, position, text) \
         VALUES ($1, 1, 'Vilka lösningar finns i dag, och vad kostar de att äga i tio år?')"
);
app::sql!(
    INSERT_DIALOGUE_SESSIONS =
        "INSERT INTO dialogue_sessions (public_id, dialogue_id, starts_at, ends_at, place, link) \
         VALUES ($1, $2, $3, $4, 'Stadshuset', '')"
);
app::sql!(
    INSERT_COMMENTS =
        "INSERT INTO comments (public_id, network_id, subject_kind, subject_id, thread_id, \
         parent_id, depth, account_id, organisation_id, body, version, created_at, \
         body_html, html_renderer, html_version) \
         VALUES ($1, $2, 'dialogue', $3, $4, $5, $6, $7, $8, $9, 1, $10, $11, $12, 1) RETURNING id"
);
app::sql!(UPDATE_COMMENTS = "UPDATE comments SET thread_id = id WHERE id = $1");

const COMMENT_LINES: [&str; 6] = [
    "Vi har samma erfarenhet i vår kommun.",
    "Kan vi be leverantörerna svara på det skriftligt?",
    "Bra fråga. Vi tar med den i frågorna till marknaden.",
    "Hur gör ni med uppföljningen efter första året?",
    "Vi kan dela vårt underlag från förra upphandlingen.",
    "Jag håller med, det är viktigt för likabehandlingen.",
];

/// A dialogue of a benchmark-sized network: one session, a host, the
/// needs it covers, a question, and a discussion of `comments` comments
/// in threads of a comment and up to four replies.
#[allow(clippy::too_many_arguments)]
pub(super) async fn random_dialogue(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    rng: &mut StdRng,
    place: &NeedPlace,
    members: &[(i64, i64)],
    needs: &[i64],
    k: usize,
    comments: usize,
    now: i64,
) -> anyhow::Result<()> {
    if members.is_empty() {
        return Ok(());
    }
    let host = members[rng.random_range(0..members.len())];
    let title = format!(
        "Marknadsdialog om {} ({})",
        place.topic.to_lowercase(),
        k + 1
    );
    let status = ["planned", "announced", "open", "closed", "summarised"][rng.random_range(0..5)];
    let starts = now + rng.random_range(-60..120) * 86_400_000;
    let (id, _) = insert_dialogue(tx, rng, place, host, &title, status, starts, now).await?;
    if let Some(need) = needs.get(k % needs.len().max(1)) {
        sqlx::query(INSERT_DIALOGUE_NEEDS)
            .bind(id)
            .bind(need)
            .execute(&mut **tx)
            .await
            .with_context(|| format!("linking the dialogue {title} to a need"))?;
    }
    let mut thread: Option<(i64, i64)> = None;
    for c in 0..comments {
        let author = members[rng.random_range(0..members.len())];
        let body = COMMENT_LINES[rng.random_range(0..COMMENT_LINES.len())];
        // Every fifth comment starts a thread; the others reply in it.
        let parent = if c % 5 == 0 { None } else { thread };
        let created = now - (comments - c) as i64 * 60_000;
        let comment =
            insert_comment(tx, rng, place.network_id, id, parent, author, body, created).await?;
        if parent.is_none() {
            thread = Some((comment, comment));
        }
    }
    Ok(())
}

/// Gives the dialogue's id and public id.
#[allow(clippy::too_many_arguments)]
pub(super) async fn insert_dialogue(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    rng: &mut StdRng,
    place: &NeedPlace,
    host: (i64, i64),
    title: &str,
    status: &str,
    starts: i64,
    now: i64,
) -> anyhow::Result<(i64, String)> {
    let division = cpv::division(place.theme)
        .map(|d| d.full)
        .unwrap_or("45000000-7");
    let dialogue_key = public_id(rng);
    let (id,): (i64,) = sqlx::query_as(INSERT_DIALOGUES)
        .bind(&dialogue_key)
        .bind(place.network_id)
        .bind(title)
        .bind(division)
        .bind(place.lan)
        .bind(starts + 14 * 86_400_000)
        .bind(status)
        .bind(now)
        // Everything past planning has its public part, published a
        // little before its first meeting.
        .bind((status != "planned").then_some(starts.min(now) - 21 * 86_400_000))
        .fetch_one(&mut **tx)
        .await
        .with_context(|| format!("inserting the dialogue {title}"))?;
    sqlx::query(INSERT_DIALOGUE_HOSTS)
        .bind(id)
        .bind(host.0)
        .execute(&mut **tx)
        .await
        .with_context(|| format!("giving the dialogue {title} its host"))?;
    sqlx::query(INSERT_DIALOGUE_QUESTIONS)
        .bind(id)
        .execute(&mut **tx)
        .await
        .with_context(|| format!("asking the dialogue {title}'s question"))?;
    sqlx::query(INSERT_DIALOGUE_SESSIONS)
        .bind(public_id(rng))
        .bind(id)
        .bind(starts)
        .bind(starts + 2 * 3_600_000)
        .execute(&mut **tx)
        .await
        .with_context(|| format!("planning the session of the dialogue {title}"))?;
    Ok((id, dialogue_key))
}

/// A comment on a dialogue; `parent` is (parent id, thread id).
#[allow(clippy::too_many_arguments)]
async fn insert_comment(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    rng: &mut StdRng,
    network_id: i64,
    dialogue_id: i64,
    parent: Option<(i64, i64)>,
    author: (i64, i64),
    body: &str,
    created: i64,
) -> anyhow::Result<i64> {
    let (id,): (i64,) = sqlx::query_as(INSERT_COMMENTS)
        .bind(public_id(rng))
        .bind(network_id)
        .bind(dialogue_id)
        .bind(parent.map(|(_, thread)| thread))
        .bind(parent.map(|(id, _)| id))
        .bind(i64::from(parent.is_some()))
        .bind(author.1)
        .bind(author.0)
        .bind(body)
        .bind(created)
        .bind(app::markdown::to_html(body))
        .bind(app::markdown::RENDERER)
        .fetch_one(&mut **tx)
        .await
        .context("inserting a comment on a dialogue")?;
    if parent.is_none() {
        sqlx::query(UPDATE_COMMENTS)
            .bind(id)
            .execute(&mut **tx)
            .await
            .context("starting a thread with a comment")?;
    }
    Ok(id)
}

/// The demo story's dialogue: announced for the buses, with a short
/// discussion between two kommuner; its market side is in `market`.
/// Gives the dialogue's id.
pub(super) async fn demo_dialogue(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    rng: &mut StdRng,
    place: &NeedPlace,
    members: &[(i64, i64)],
    need: i64,
    now: i64,
) -> anyhow::Result<i64> {
    let starts = now + 30 * 86_400_000;
    let (id, _) = insert_dialogue(
        tx,
        rng,
        place,
        members[0],
        "Dialogmöte om eldrivna bussar",
        "announced",
        starts,
        now,
    )
    .await?;
    sqlx::query(INSERT_DIALOGUE_NEEDS)
        .bind(id)
        .bind(need)
        .execute(&mut **tx)
        .await
        .context("linking the demo dialogue to the buses")?;
    let first = insert_comment(
        tx,
        rng,
        place.network_id,
        id,
        None,
        members[0],
        "Ska vi fråga leverantörerna om drift vintertid?",
        now - 3_600_000,
    )
    .await?;
    follow(tx, members[0].1, id, now - 3_600_000).await?;
    if let Some(other) = members.get(1) {
        let reply = insert_comment(
            tx,
            rng,
            place.network_id,
            id,
            Some((first, first)),
            *other,
            "Ja, och om laddtider när det är kallt.",
            now - 1_800_000,
        )
        .await?;
        follow(tx, other.1, id, now - 1_800_000).await?;
        // The first writer has not yet seen the reply: the demo's header
        // shows one unread notification.
        sqlx::query(INSERT_REPLY_NOTIFICATION)
            .bind(members[0].1)
            .bind(place.network_id)
            .bind(reply)
            .bind(now - 1_800_000)
            .execute(&mut **tx)
            .await
            .context("notifying the first writer of the reply")?;
    }
    Ok(id)
}

app::sql!(
    INSERT_FOLLOW =
        "INSERT INTO discussion_follows (account_id, subject_kind, subject_id, created_at) \
     VALUES ($1, 'dialogue', $2, $3)"
);
app::sql!(
    INSERT_REPLY_NOTIFICATION = "INSERT INTO notifications \
     (account_id, kind, network_id, comment_id, created_at) VALUES ($1, 'reply', $2, $3, $4)"
);

/// The writer follows the dialogue's discussion, as writing in it does.
async fn follow(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    account: i64,
    dialogue: i64,
    at: i64,
) -> anyhow::Result<()> {
    sqlx::query(INSERT_FOLLOW)
        .bind(account)
        .bind(dialogue)
        .bind(at)
        .execute(&mut **tx)
        .await
        .context("following the demo discussion")?;
    Ok(())
}
