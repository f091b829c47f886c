//! Needs with their regions, themes and first versions, the requirements
//! on them and the organisations' declared interest; and the demo story's
//! needs.

use super::{networks::NeedPlace, public_id};
use anyhow::Context;
use app::cpv;
use rand::{rngs::StdRng, Rng, SeedableRng};

app::sql!(
    INSERT_NEEDS =
        "INSERT INTO needs (public_id, network_id, owner_organisation_id, title, problem, effect, \
         affected, staircase, horizon, status, version, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, 'Invånare och personal.', 'infora', $7, $8, 1, $9, $9) \
         RETURNING id"
);
app::sql!(INSERT_NEED_CPV = "INSERT INTO need_cpv (need_id, code, division) VALUES ($1, $2, $3)");
app::sql!(INSERT_NEED_REGIONS = "INSERT INTO need_regions (need_id, lan_code) VALUES ($1, $2)");
app::sql!(
    INSERT_NEED_VERSIONS =
        "INSERT INTO need_versions (need_id, version, at, account_id, organisation_id, title, \
         problem, effect, affected, staircase, horizon, cpv, regions) \
         VALUES ($1, 1, $2, $3, $4, $5, $6, $7, 'Invånare och personal.', 'infora', $8, $9, $10)"
);
app::sql!(
    INSERT_NEED_INTERESTS =
        "INSERT INTO need_interests (need_id, organisation_id, quantity, unit, value_sek, \
         earliest, confidence, comment, account_id, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, '', $8, $9)"
);
app::sql!(
    INSERT_REQUIREMENTS =
        "INSERT INTO requirements (public_id, need_id, position, text, motive, verification, \
             level, accepted, version, organisation_id) \
             VALUES ($1, $2, $3, $4, 'Linjerna är långa och vintrarna kalla.', \
             'Provkörning en vintervecka.', $5, 0, 1, $6)"
);
app::sql!(
    INSERT_REQUIREMENT_VERSIONS =
        "INSERT INTO requirement_versions (requirement_id, version, at, account_id, \
         organisation_id, text, motive, verification, level, accepted) \
         SELECT id, version, $1, $2, organisation_id, text, motive, verification, level, accepted \
         FROM requirements WHERE need_id = $3"
);

const NEED_KINDS: [(&str, &str, &str); 6] = [
    (
        "Gemensam upphandling av",
        "Dagens avtal räcker inte till och varje organisation förhandlar för sig.",
        "En samlad efterfrågan som leverantörer kan planera för.",
    ),
    (
        "Uppföljning av",
        "Vi vet för lite om hur väl dagens lösningar fungerar.",
        "Gemensamma mätetal som alla kan följa upp.",
    ),
    (
        "Fossilfritt inom",
        "Utsläppen är för höga och målen för 2030 nås inte.",
        "Fossilfria alternativ i drift hos flera organisationer.",
    ),
    (
        "Digitalt stöd för",
        "Arbetet sker med papper och e-post och tar för lång tid.",
        "Ett digitalt flöde som sparar tid för personalen.",
    ),
    (
        "Tillgänglighet i",
        "Alla invånare kan inte använda dagens lösningar.",
        "Lösningar som fungerar för alla, också med hjälpmedel.",
    ),
    (
        "Cirkulära flöden för",
        "Mycket slängs som hade kunnat användas igen.",
        "Återbruk och reparation som standard.",
    ),
];
const NEED_STATUSES: [&str; 8] = [
    "shared",
    "shared",
    "shared",
    "in_dialogue",
    "in_dialogue",
    "specified",
    "draft",
    "in_procurement",
];
const UNITS: [&str; 4] = ["st", "licenser", "fordon", "portioner per år"];
const CONFIDENCES: [&str; 3] = ["low", "medium", "high"];

#[allow(clippy::too_many_arguments)]
async fn insert_need(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    place: &NeedPlace,
    owner: (i64, i64),
    text: (&str, &str, &str),
    status: &str,
    horizon: i64,
    public_id: String,
    now: i64,
) -> anyhow::Result<i64> {
    let (title, problem, effect) = text;
    let (id,): (i64,) = sqlx::query_as(INSERT_NEEDS)
        .bind(public_id)
        .bind(place.network_id)
        .bind(owner.0)
        .bind(title)
        .bind(problem)
        .bind(effect)
        .bind(horizon)
        .bind(status)
        .bind(now)
        .fetch_one(&mut **tx)
        .await
        .with_context(|| format!("inserting the need {title}"))?;
    let division = cpv::division(place.theme)
        .map(|d| d.full)
        .unwrap_or("45000000-7");
    sqlx::query(INSERT_NEED_CPV)
        .bind(id)
        .bind(division)
        .bind(place.theme)
        .execute(&mut **tx)
        .await
        .with_context(|| format!("giving the need {title} its CPV code"))?;
    sqlx::query(INSERT_NEED_REGIONS)
        .bind(id)
        .bind(place.lan)
        .execute(&mut **tx)
        .await
        .with_context(|| format!("placing the need {title} in län {}", place.lan))?;
    sqlx::query(INSERT_NEED_VERSIONS)
        .bind(id)
        .bind(now)
        .bind(owner.1)
        .bind(owner.0)
        .bind(title)
        .bind(problem)
        .bind(effect)
        .bind(horizon)
        .bind(division)
        .bind(place.lan)
        .execute(&mut **tx)
        .await
        .with_context(|| format!("recording the first version of the need {title}"))?;
    Ok(id)
}

#[allow(clippy::too_many_arguments)]
async fn insert_interest(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    need_id: i64,
    organisation: (i64, i64),
    quantity: i64,
    unit: &str,
    value: i64,
    earliest: i64,
    confidence: &str,
    now: i64,
) -> anyhow::Result<()> {
    sqlx::query(INSERT_NEED_INTERESTS)
        .bind(need_id)
        .bind(organisation.0)
        .bind(quantity)
        .bind(unit)
        .bind(value)
        .bind(earliest)
        .bind(confidence)
        .bind(organisation.1)
        .bind(now)
        .execute(&mut **tx)
        .await
        .context("declaring an organisation's interest in a need")?;
    Ok(())
}

/// One need of a benchmark-sized network, with interest from up to
/// `interests` of its posting members. Gives the need unless it is a
/// draft.
pub(super) async fn random_need(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    rng: &mut StdRng,
    place: &NeedPlace,
    members: &[(i64, i64)],
    k: usize,
    interests: usize,
    now: i64,
) -> anyhow::Result<Option<i64>> {
    if members.is_empty() {
        return Ok(None);
    }
    let (lead, problem, effect) = NEED_KINDS[rng.random_range(0..NEED_KINDS.len())];
    let title = format!("{lead} {} ({})", place.topic.to_lowercase(), k + 1);
    let owner = members[rng.random_range(0..members.len())];
    let status = NEED_STATUSES[rng.random_range(0..NEED_STATUSES.len())];
    let horizon = app::needs::Quarter::of_ms(now).0 + rng.random_range(0..12);
    let created = now - rng.random_range(0..365) * 86_400_000;
    let id = insert_need(
        tx,
        place,
        owner,
        (&title, problem, effect),
        status,
        horizon,
        public_id(rng),
        created,
    )
    .await?;
    if status == "draft" {
        return Ok(None);
    }
    let start = rng.random_range(0..members.len());
    for j in 0..interests.min(members.len()) {
        let organisation = members[(start + j) % members.len()];
        insert_interest(
            tx,
            id,
            organisation,
            rng.random_range(1..200),
            UNITS[rng.random_range(0..UNITS.len())],
            rng.random_range(1..500) * 100_000,
            horizon + rng.random_range(0..4),
            CONFIDENCES[rng.random_range(0..3)],
            now,
        )
        .await?;
    }
    Ok(Some(id))
}

/// The demo story's needs: electric buses with interest from three
/// organisations and two requirements, and a draft. Gives the buses.
pub(super) async fn demo_needs(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    place: &NeedPlace,
    members: &[(i64, i64)],
    now: i64,
) -> anyhow::Result<i64> {
    let horizon = app::needs::Quarter::of_ms(now).0 + 2;
    let mut rng = StdRng::seed_from_u64(7);
    let buses = insert_need(
        tx,
        place,
        members[0],
        (
            "Eldrivna bussar i linjetrafik",
            "Bussarna i våra tätorter går på **diesel**. De bullrar och släpper ut \
             avgaser där människor bor.",
            "Tysta, fossilfria bussar i all linjetrafik senast 2030.",
        ),
        "shared",
        horizon,
        public_id(&mut rng),
        now,
    )
    .await?;
    for (position, (text, level)) in [
        (
            "Bussen ska klara en vinterdag i linjetrafik på en laddning.",
            "ska",
        ),
        (
            "Bussen bör kunna laddas över natten i befintliga depåer.",
            "bor",
        ),
    ]
    .into_iter()
    .enumerate()
    {
        sqlx::query(INSERT_REQUIREMENTS)
            .bind(public_id(&mut rng))
            .bind(buses)
            .bind(position as i64 + 1)
            .bind(text)
            .bind(level)
            .bind(members[0].0)
            .execute(&mut **tx)
            .await
            .with_context(|| format!("inserting the requirement {text}"))?;
    }
    sqlx::query(INSERT_REQUIREMENT_VERSIONS)
        .bind(now)
        .bind(members[0].1)
        .bind(buses)
        .execute(&mut **tx)
        .await
        .context("recording the first versions of the buses' requirements")?;
    for (i, (quantity, value, confidence)) in [
        (24, 120_000_000, "high"),
        (10, 48_000_000, "medium"),
        (6, 30_000_000, "low"),
    ]
    .into_iter()
    .enumerate()
    {
        if let Some(member) = members.get(i) {
            insert_interest(
                tx,
                buses,
                *member,
                quantity,
                "bussar",
                value,
                horizon + i as i64,
                confidence,
                now,
            )
            .await?;
        }
    }
    if let Some(owner) = members.get(1) {
        insert_need(
            tx,
            place,
            *owner,
            (
                "Laddplatser vid kommunens förskolor",
                "Personalen kan inte ladda tjänstebilarna på jobbet.",
                "Laddplatser vid varje förskola.",
            ),
            "draft",
            horizon,
            public_id(&mut rng),
            now,
        )
        .await?;
    }
    Ok(buses)
}
