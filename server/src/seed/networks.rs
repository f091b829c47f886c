//! Networks and their memberships: a topic in a län, with its regions,
//! its themes and the organisations that take part.

use super::{public_id, Scale};
use anyhow::Context;
use app::{cpv, regions};
use rand::{rngs::StdRng, Rng};

app::sql!(
    INSERT_NETWORKS =
        "INSERT INTO networks (public_id, name, name_key, purpose, staircase, visibility, \
         join_policy, status, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id"
);
app::sql!(
    INSERT_NETWORK_REGIONS = "INSERT INTO network_regions (network_id, lan_code) VALUES ($1, $2)"
);
app::sql!(
    INSERT_NETWORK_THEMES = "INSERT INTO network_themes (network_id, division) VALUES ($1, $2)"
);
app::sql!(
    INSERT_NETWORK_MEMBERS =
        "INSERT INTO network_members (network_id, organisation_id, role, status, since) \
             VALUES ($1, $2, $3, 'active', $4) ON CONFLICT DO NOTHING"
);

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

/// Where a network's needs go.
pub(super) struct NeedPlace {
    pub(super) network_id: i64,
    pub(super) lan: &'static str,
    pub(super) theme: &'static str,
    pub(super) topic: &'static str,
}

/// Inserts the `n`th network with its regions, themes and members. Gives
/// where its needs go and its posting members (observers do not post) as
/// (organisation id, the account id of an admin of theirs).
pub(super) async fn insert_network(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    rng: &mut StdRng,
    scale: Scale,
    n: usize,
    organisation_ids: &[i64],
    admins: &[i64],
    now: i64,
) -> anyhow::Result<(NeedPlace, Vec<(i64, i64)>)> {
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
    let (network_id,): (i64,) = sqlx::query_as(INSERT_NETWORKS)
        .bind(public_id(rng))
        .bind(&name)
        .bind(app::core::ids::name_key(&name))
        .bind(purpose)
        .bind(["infora", "introducera", "initiera"][rng.random_range(0..3)])
        .bind(visibility)
        .bind(policy)
        .bind(status)
        .bind(now)
        .fetch_one(&mut **tx)
        .await
        .with_context(|| format!("inserting the network {name}"))?;
    let mut lans = vec![lan.code.to_string()];
    let extra_lan = regions::LAN[rng.random_range(0..regions::LAN.len())].code;
    if extra_lan != lan.code && rng.random_bool(0.5) {
        lans.push(extra_lan.to_string());
    }
    for code in &lans {
        sqlx::query(INSERT_NETWORK_REGIONS)
            .bind(network_id)
            .bind(code)
            .execute(&mut **tx)
            .await
            .with_context(|| format!("placing the network {name} in län {code}"))?;
    }
    let divisions = cpv::divisions();
    let mut themes = vec![theme.to_string()];
    let extra_theme = divisions[rng.random_range(0..divisions.len())].code;
    if extra_theme != theme && rng.random_bool(0.5) {
        themes.push(extra_theme.to_string());
    }
    for code in &themes {
        sqlx::query(INSERT_NETWORK_THEMES)
            .bind(network_id)
            .bind(code)
            .execute(&mut **tx)
            .await
            .with_context(|| format!("giving the network {name} the theme {code}"))?;
    }
    let size = if scale == Scale::Demo {
        organisation_ids.len()
    } else {
        rng.random_range(6..=30).min(organisation_ids.len())
    };
    let first = rng.random_range(0..organisation_ids.len());
    let mut posting = Vec::new();
    for k in 0..size {
        let organisation = (first + k * 7) % organisation_ids.len();
        let role = match k {
            0 => "coordinator",
            _ if k % 9 == 8 => "observer",
            _ => "member",
        };
        if role != "observer" {
            posting.push(organisation);
        }
        sqlx::query(INSERT_NETWORK_MEMBERS)
            .bind(network_id)
            .bind(organisation_ids[organisation])
            .bind(role)
            .bind(now)
            .execute(&mut **tx)
            .await
            .with_context(|| format!("adding a {role} to the network {name}"))?;
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
    Ok((place, members))
}
