//! `samrad seed`: fills a database with believable Swedish data, the same
//! every time (a fixed random seed), for demos and for the benchmarks.
//!
//! Scales: `demo` is a small story a newcomer can click through; `medium`
//! and `large` (a tenth of and the full national size) feed the load
//! benchmarks. Rooms added later (needs, dialogues, comments) add their
//! rows here too.

use app::{cpv, db::Db, regions};
use rand::{rngs::StdRng, Rng, SeedableRng};
use std::time::Instant;

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
            },
        }
    }
}

/// Every seeded person signs in with this password.
pub const PASSWORD: &str = "samråd-demo-2026";

const FIRST_NAMES: [&str; 24] = [
    "Anna", "Erik", "Maria", "Lars", "Karin", "Anders", "Eva", "Johan", "Sara", "Per", "Lena",
    "Mikael", "Emma", "Nils", "Ingrid", "Olof", "Fatima", "Ali", "Sofia", "Jonas", "Elin",
    "Hassan", "Maja", "Oskar",
];
const LAST_NAMES: [&str; 20] = [
    "Andersson",
    "Johansson",
    "Karlsson",
    "Nilsson",
    "Eriksson",
    "Larsson",
    "Olsson",
    "Persson",
    "Svensson",
    "Gustafsson",
    "Pettersson",
    "Jonsson",
    "Lindberg",
    "Lindqvist",
    "Berg",
    "Holm",
    "Ahmed",
    "Nyström",
    "Sundberg",
    "Öberg",
];
const TITLES: [&str; 6] = [
    "Upphandlare",
    "Strateg",
    "Verksamhetsutvecklare",
    "Inköpschef",
    "Miljösamordnare",
    "Innovationsledare",
];
const COMPANY_KINDS: [&str; 6] = [
    "Energi AB",
    "Bostäder AB",
    "Vatten AB",
    "Fastigheter AB",
    "Hamn AB",
    "Renhållning AB",
];
const NETWORK_TOPICS: [(&str, &str, &str); 8] = [
    (
        "Fossilfria transporter",
        "60",
        "Vi vill ställa om kommunernas fordon och transporter till fossilfritt.",
    ),
    (
        "Hållbara skolmåltider",
        "15",
        "Mer närodlat och mindre matsvinn i skolornas kök.",
    ),
    (
        "Digital vård i hemmet",
        "33",
        "Trygg vård och omsorg på distans för äldre som bor hemma.",
    ),
    (
        "Cirkulära möbler",
        "39",
        "Återbrukade och reparerbara möbler i offentliga lokaler.",
    ),
    (
        "Klimatsmart byggande",
        "45",
        "Lägre klimatpåverkan när vi bygger skolor, förskolor och äldreboenden.",
    ),
    (
        "Smart belysning",
        "31",
        "Energisnål och styrbar gatubelysning.",
    ),
    (
        "Säker e-legitimation",
        "72",
        "Gemensamma krav på inloggning i kommunala e-tjänster.",
    ),
    (
        "Avfall som resurs",
        "90",
        "Insamling och återvinning som fler hushåll faktiskt använder.",
    ),
];

/// Fills the database; refuses one that already has organisations, so a
/// seed never mixes with real data.
pub async fn seed(db: &Db, scale: Scale, progress: &mut dyn FnMut(&str)) -> Result<(), String> {
    let (existing,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM organisations")
        .fetch_one(db.pool())
        .await
        .map_err(|e| e.to_string())?;
    if existing > 0 {
        return Err("the database already has organisations; seed an empty one".into());
    }
    let started = Instant::now();
    let mut rng = StdRng::seed_from_u64(2026);
    let counts = scale.counts();
    let hash = app::accounts::password::hash(PASSWORD.to_string())
        .await
        .map_err(|e| e.to_string())?;
    let now = app::db::Clock::system().now_ms();

    let mut tx = db.pool().begin().await.map_err(|e| e.to_string())?;
    let organisations = organisation_rows(scale, counts.organisations);
    let mut organisation_ids = Vec::with_capacity(organisations.len());
    for (i, org) in organisations.iter().enumerate() {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO organisations (public_id, org_number, name, kind, lan_code, kommun_code, \
             website, verified_at, created_at, name_key) \
             VALUES ($1, $2, $3, $4, $5, $6, '', $7, $7, $8) RETURNING id",
        )
        .bind(public_id(&mut rng))
        .bind(org_number(i))
        .bind(&org.name)
        .bind(org.kind)
        .bind(&org.lan)
        .bind(org.kommun.clone())
        .bind(now)
        .bind(app::db::name_key(&org.name))
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| e.to_string())?;
        organisation_ids.push(id);
    }
    progress(&format!("{} organisations", organisations.len()));

    let mut admins: Vec<i64> = Vec::with_capacity(organisations.len());
    for i in 0..counts.people {
        let first = FIRST_NAMES[rng.random_range(0..FIRST_NAMES.len())];
        let last = LAST_NAMES[rng.random_range(0..LAST_NAMES.len())];
        let organisation = i % organisations.len();
        let email = person_email(scale, i, first, last, &organisations[organisation].domain);
        let (account_id,): (i64,) = sqlx::query_as(
            "INSERT INTO accounts (email, name, password_hash, language, email_verified_at, \
             created_at, title) VALUES ($1, $2, $3, 'sv', $4, $4, $5) RETURNING id",
        )
        .bind(&email)
        .bind(format!("{first} {last}"))
        .bind(&hash)
        .bind(now)
        .bind(TITLES[i % TITLES.len()])
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| e.to_string())?;
        // The first person of each organisation is its admin.
        let role = if i < organisations.len() {
            admins.push(account_id);
            "admin"
        } else {
            "member"
        };
        sqlx::query(
            "INSERT INTO organisation_members (organisation_id, account_id, role, status, \
             requested_at, decided_at) VALUES ($1, $2, $3, 'active', $4, $4)",
        )
        .bind(organisation_ids[organisation])
        .bind(account_id)
        .bind(role)
        .bind(now)
        .execute(&mut *tx)
        .await
        .map_err(|e| e.to_string())?;
        if (i + 1) % 5_000 == 0 {
            progress(&format!("{} people", i + 1));
        }
    }
    progress(&format!("{} people", counts.people));

    let divisions = cpv::divisions();
    for n in 0..counts.networks {
        let (topic, theme, purpose) = NETWORK_TOPICS[n % NETWORK_TOPICS.len()];
        let lan = &regions::LAN[rng.random_range(0..regions::LAN.len())];
        let name = if scale == Scale::Demo {
            format!("{topic} i Mälardalen")
        } else {
            format!("{topic} – {} {}", lan.name, n / NETWORK_TOPICS.len() + 1)
        };
        let visibility = if rng.random_bool(0.85) {
            "listed"
        } else {
            "hidden"
        };
        let policy = if rng.random_bool(0.8) {
            "request"
        } else {
            "invitation"
        };
        let drawn =
            ["active", "active", "active", "forming", "dormant", "closed"][rng.random_range(0..6)];
        // The first network holds the demo's story and the benchmarks' long
        // discussion: it must take part, so it is always active.
        let status = if n == 0 { "active" } else { drawn };
        let (network_id,): (i64,) = sqlx::query_as(
            "INSERT INTO networks (public_id, name, name_key, purpose, staircase, visibility, \
             join_policy, status, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        )
        .bind(public_id(&mut rng))
        .bind(&name)
        .bind(app::db::name_key(&name))
        .bind(purpose)
        .bind(["infora", "introducera", "initiera"][rng.random_range(0..3)])
        .bind(visibility)
        .bind(policy)
        .bind(status)
        .bind(now)
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| e.to_string())?;
        let mut lans = vec![lan.code.to_string()];
        let extra_lan = regions::LAN[rng.random_range(0..regions::LAN.len())].code;
        if extra_lan != lan.code && rng.random_bool(0.5) {
            lans.push(extra_lan.to_string());
        }
        for code in &lans {
            sqlx::query("INSERT INTO network_regions (network_id, lan_code) VALUES ($1, $2)")
                .bind(network_id)
                .bind(code)
                .execute(&mut *tx)
                .await
                .map_err(|e| e.to_string())?;
        }
        let mut themes = vec![theme.to_string()];
        let extra_theme = divisions[rng.random_range(0..divisions.len())].code;
        if extra_theme != theme && rng.random_bool(0.5) {
            themes.push(extra_theme.to_string());
        }
        for code in &themes {
            sqlx::query("INSERT INTO network_themes (network_id, division) VALUES ($1, $2)")
                .bind(network_id)
                .bind(code)
                .execute(&mut *tx)
                .await
                .map_err(|e| e.to_string())?;
        }
        let size = if scale == Scale::Demo {
            organisations.len()
        } else {
            rng.random_range(6..=30).min(organisations.len())
        };
        let first = rng.random_range(0..organisations.len());
        let mut posting = Vec::new();
        for k in 0..size {
            let organisation = (first + k * 7) % organisations.len();
            let role = match k {
                0 => "coordinator",
                _ if k % 9 == 8 => "observer",
                _ => "member",
            };
            if role != "observer" {
                posting.push(organisation);
            }
            sqlx::query(
                "INSERT INTO network_members (network_id, organisation_id, role, status, since) \
                 VALUES ($1, $2, $3, 'active', $4) ON CONFLICT DO NOTHING",
            )
            .bind(network_id)
            .bind(organisation_ids[organisation])
            .bind(role)
            .bind(now)
            .execute(&mut *tx)
            .await
            .map_err(|e| e.to_string())?;
        }
        let place = NeedPlace {
            network_id,
            lan: lan.code,
            theme,
            topic,
        };
        let members: Vec<(i64, i64)> = posting
            .iter()
            .map(|o| (organisation_ids[*o], admins[*o % admins.len()]))
            .collect();
        if scale == Scale::Demo {
            let need = demo_needs(&mut tx, &place, &members, now).await?;
            demo_dialogue(&mut tx, &mut rng, &place, &members, need, now).await?;
        } else {
            let mut shared = Vec::new();
            for k in 0..counts.needs_per_network {
                shared.extend(
                    random_need(
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
                random_dialogue(
                    &mut tx, &mut rng, &place, &members, &shared, k, comments, now,
                )
                .await?;
            }
        }
        if (n + 1) % 100 == 0 {
            progress(&format!("{} networks with their needs", n + 1));
        }
    }
    progress(&format!(
        "{} networks, {} needs, {} dialogues",
        counts.networks,
        counts.networks * counts.needs_per_network,
        counts.networks * counts.dialogues_per_network
    ));
    tx.commit().await.map_err(|e| e.to_string())?;
    // Fresh statistics, so the planners pick the indexes from the first
    // request on (PostgreSQL would otherwise wait for autovacuum).
    sqlx::query("ANALYZE")
        .execute(db.pool())
        .await
        .map_err(|e| e.to_string())?;
    progress(&format!("done in {:.1} s", started.elapsed().as_secs_f64()));
    Ok(())
}

/// Where a network's needs go.
struct NeedPlace {
    network_id: i64,
    lan: &'static str,
    theme: &'static str,
    topic: &'static str,
}

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
) -> Result<i64, String> {
    let (title, problem, effect) = text;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO needs (public_id, network_id, owner_organisation_id, title, problem, effect, \
         affected, staircase, horizon, status, version, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, 'Invånare och personal.', 'infora', $7, $8, 1, $9, $9) \
         RETURNING id",
    )
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
    .map_err(|e| e.to_string())?;
    let division = cpv::division(place.theme)
        .map(|d| d.full)
        .unwrap_or("45000000-7");
    sqlx::query("INSERT INTO need_cpv (need_id, code, division) VALUES ($1, $2, $3)")
        .bind(id)
        .bind(division)
        .bind(place.theme)
        .execute(&mut **tx)
        .await
        .map_err(|e| e.to_string())?;
    sqlx::query("INSERT INTO need_regions (need_id, lan_code) VALUES ($1, $2)")
        .bind(id)
        .bind(place.lan)
        .execute(&mut **tx)
        .await
        .map_err(|e| e.to_string())?;
    sqlx::query(
        "INSERT INTO need_versions (need_id, version, at, account_id, organisation_id, title, \
         problem, effect, affected, staircase, horizon, cpv, regions) \
         VALUES ($1, 1, $2, $3, $4, $5, $6, $7, 'Invånare och personal.', 'infora', $8, $9, $10)",
    )
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
    .map_err(|e| e.to_string())?;
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
) -> Result<(), String> {
    sqlx::query(
        "INSERT INTO need_interests (need_id, organisation_id, quantity, unit, value_sek, \
         earliest, confidence, comment, account_id, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, '', $8, $9)",
    )
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
    .map_err(|e| e.to_string())?;
    Ok(())
}

/// One need of a benchmark-sized network, with interest from up to
/// `interests` of its posting members.
async fn random_need(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    rng: &mut StdRng,
    place: &NeedPlace,
    members: &[(i64, i64)],
    k: usize,
    interests: usize,
    now: i64,
) -> Result<Option<i64>, String> {
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
/// organisations and two requirements, and a draft.
async fn demo_needs(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    place: &NeedPlace,
    members: &[(i64, i64)],
    now: i64,
) -> Result<i64, String> {
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
        sqlx::query(
            "INSERT INTO requirements (public_id, need_id, position, text, motive, verification, \
             level, accepted, version, organisation_id) \
             VALUES ($1, $2, $3, $4, 'Linjerna är långa och vintrarna kalla.', \
             'Provkörning en vintervecka.', $5, 0, 1, $6)",
        )
        .bind(public_id(&mut rng))
        .bind(buses)
        .bind(position as i64 + 1)
        .bind(text)
        .bind(level)
        .bind(members[0].0)
        .execute(&mut **tx)
        .await
        .map_err(|e| e.to_string())?;
    }
    sqlx::query(
        "INSERT INTO requirement_versions (requirement_id, version, at, account_id, \
         organisation_id, text, motive, verification, level, accepted) \
         SELECT id, version, $1, $2, organisation_id, text, motive, verification, level, accepted \
         FROM requirements WHERE need_id = $3",
    )
    .bind(now)
    .bind(members[0].1)
    .bind(buses)
    .execute(&mut **tx)
    .await
    .map_err(|e| e.to_string())?;
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
async fn random_dialogue(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    rng: &mut StdRng,
    place: &NeedPlace,
    members: &[(i64, i64)],
    needs: &[i64],
    k: usize,
    comments: usize,
    now: i64,
) -> Result<(), String> {
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
    let id = insert_dialogue(tx, rng, place, host, &title, status, starts, now).await?;
    if let Some(need) = needs.get(k % needs.len().max(1)) {
        sqlx::query("INSERT INTO dialogue_needs (dialogue_id, need_id) VALUES ($1, $2)")
            .bind(id)
            .bind(need)
            .execute(&mut **tx)
            .await
            .map_err(|e| e.to_string())?;
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

#[allow(clippy::too_many_arguments)]
async fn insert_dialogue(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    rng: &mut StdRng,
    place: &NeedPlace,
    host: (i64, i64),
    title: &str,
    status: &str,
    starts: i64,
    now: i64,
) -> Result<i64, String> {
    let division = cpv::division(place.theme)
        .map(|d| d.full)
        .unwrap_or("45000000-7");
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO dialogues (public_id, network_id, title, purpose, form, cpv, lan_code, \
         estimated_value, answer_deadline, capacity, status, created_at) \
         VALUES ($1, $2, $3, 'Vi vill höra hur marknaden ser på behovet och vad som går att leverera.', \
         'dialogmote', $4, $5, NULL, $6, 20, $7, $8) RETURNING id",
    )
    .bind(public_id(rng))
    .bind(place.network_id)
    .bind(title)
    .bind(division)
    .bind(place.lan)
    .bind(starts + 14 * 86_400_000)
    .bind(status)
    .bind(now)
    .fetch_one(&mut **tx)
    .await
    .map_err(|e| e.to_string())?;
    sqlx::query("INSERT INTO dialogue_hosts (dialogue_id, organisation_id) VALUES ($1, $2)")
        .bind(id)
        .bind(host.0)
        .execute(&mut **tx)
        .await
        .map_err(|e| e.to_string())?;
    sqlx::query(
        "INSERT INTO dialogue_questions (dialogue_id, position, text) \
         VALUES ($1, 1, 'Vilka lösningar finns i dag, och vad kostar de att äga i tio år?')",
    )
    .bind(id)
    .execute(&mut **tx)
    .await
    .map_err(|e| e.to_string())?;
    sqlx::query(
        "INSERT INTO dialogue_sessions (public_id, dialogue_id, starts_at, ends_at, place, link) \
         VALUES ($1, $2, $3, $4, 'Stadshuset', '')",
    )
    .bind(public_id(rng))
    .bind(id)
    .bind(starts)
    .bind(starts + 2 * 3_600_000)
    .execute(&mut **tx)
    .await
    .map_err(|e| e.to_string())?;
    Ok(id)
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
) -> Result<i64, String> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO comments (public_id, network_id, subject_kind, subject_id, thread_id, \
         parent_id, depth, account_id, organisation_id, body, version, created_at) \
         VALUES ($1, $2, 'dialogue', $3, $4, $5, $6, $7, $8, $9, 1, $10) RETURNING id",
    )
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
    .fetch_one(&mut **tx)
    .await
    .map_err(|e| e.to_string())?;
    if parent.is_none() {
        sqlx::query("UPDATE comments SET thread_id = id WHERE id = $1")
            .bind(id)
            .execute(&mut **tx)
            .await
            .map_err(|e| e.to_string())?;
    }
    Ok(id)
}

/// The demo story's dialogue: planned for the buses, with a short
/// discussion between two kommuner.
async fn demo_dialogue(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    rng: &mut StdRng,
    place: &NeedPlace,
    members: &[(i64, i64)],
    need: i64,
    now: i64,
) -> Result<(), String> {
    let starts = now + 30 * 86_400_000;
    let id = insert_dialogue(
        tx,
        rng,
        place,
        members[0],
        "Dialogmöte om eldrivna bussar",
        "planned",
        starts,
        now,
    )
    .await?;
    sqlx::query("INSERT INTO dialogue_needs (dialogue_id, need_id) VALUES ($1, $2)")
        .bind(id)
        .bind(need)
        .execute(&mut **tx)
        .await
        .map_err(|e| e.to_string())?;
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
    if let Some(other) = members.get(1) {
        insert_comment(
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
    }
    Ok(())
}

struct OrgRow {
    name: String,
    kind: &'static str,
    lan: String,
    kommun: Option<String>,
    domain: String,
}

/// Kommuner first, then regions, then municipal companies, up to `count`.
/// The demo story is four kommuner and their region around Mälaren.
fn organisation_rows(scale: Scale, count: usize) -> Vec<OrgRow> {
    let domain = |name: &str| {
        name.to_lowercase()
            .replace(['å', 'ä'], "a")
            .replace('ö', "o")
            .replace('é', "e")
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
    };
    let kommun = |k: &regions::Kommun| OrgRow {
        name: format!("{} kommun", genitive(k.name)),
        kind: "kommun",
        lan: k.code[..2].to_string(),
        kommun: Some(k.code.to_string()),
        domain: format!("{}.se", domain(k.name)),
    };
    let region = |l: &regions::Lan| {
        let short = l.name.trim_end_matches(" län");
        let short = short.strip_suffix('s').unwrap_or(short);
        OrgRow {
            name: format!("Region {short}"),
            kind: "region",
            lan: l.code.to_string(),
            kommun: None,
            domain: format!("region{}.se", domain(short)),
        }
    };
    if scale == Scale::Demo {
        let mut rows: Vec<OrgRow> = ["0380", "1980", "0484", "0486", "1880"]
            .iter()
            .filter_map(|code| regions::kommun(code))
            .map(kommun)
            .collect();
        rows.extend(regions::lan("03").map(region));
        return rows;
    }
    let mut rows: Vec<OrgRow> = regions::KOMMUNER.iter().map(kommun).collect();
    rows.extend(regions::LAN.iter().map(region));
    let mut n = 0;
    while rows.len() < count {
        let k = &regions::KOMMUNER[n % regions::KOMMUNER.len()];
        let kind = COMPANY_KINDS[(n / regions::KOMMUNER.len()) % COMPANY_KINDS.len()];
        rows.push(OrgRow {
            name: format!("{} {kind}", k.name),
            kind: "kommunalt_bolag",
            lan: k.code[..2].to_string(),
            kommun: Some(k.code.to_string()),
            domain: format!("{}{}.se", domain(k.name), domain(kind)),
        });
        n += 1;
    }
    rows.truncate(count);
    rows
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

/// Demo people have short addresses that are easy to type.
fn person_email(scale: Scale, i: usize, first: &str, last: &str, domain: &str) -> String {
    let ascii = |s: &str| s.to_lowercase().replace(['å', 'ä'], "a").replace('ö', "o");
    if scale == Scale::Demo {
        format!("{}@{domain}", ascii(first))
    } else {
        format!("{}.{}{i}@{domain}", ascii(first), ascii(last))
    }
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

    #[test]
    fn the_large_scale_makes_2000_distinct_organisations() {
        let rows = organisation_rows(Scale::Large, 2_000);
        assert_eq!(rows.len(), 2_000);
        let names: std::collections::HashSet<_> = rows.iter().map(|r| &r.name).collect();
        assert_eq!(names.len(), 2_000);
        assert!(rows.iter().any(|r| r.name == "Region Stockholm"));
        assert!(rows.iter().any(|r| r.name == "Region Dalarna"));
        assert!(rows.iter().any(|r| r.name == "Norrköpings kommun"));
        assert!(rows.iter().any(|r| r.name == "Uppsala kommun"));
    }
}
