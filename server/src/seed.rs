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
}

impl Scale {
    fn counts(self) -> Counts {
        match self {
            Scale::Demo => Counts {
                organisations: 6,
                people: 6,
                networks: 1,
            },
            Scale::Medium => Counts {
                organisations: 200,
                people: 2_000,
                networks: 50,
            },
            Scale::Large => Counts {
                organisations: 2_000,
                people: 20_000,
                networks: 500,
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
    let now = app::db::now_ms();

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
        let status =
            ["active", "active", "active", "forming", "dormant", "closed"][rng.random_range(0..6)];
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
            rng.random_range(3..=30).min(organisations.len())
        };
        let first = rng.random_range(0..organisations.len());
        for k in 0..size {
            let organisation = (first + k * 7) % organisations.len();
            let role = match k {
                0 => "coordinator",
                _ if k % 9 == 8 => "observer",
                _ => "member",
            };
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
    }
    progress(&format!("{} networks", counts.networks));
    tx.commit().await.map_err(|e| e.to_string())?;
    progress(&format!("done in {:.1} s", started.elapsed().as_secs_f64()));
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

/// A valid, unique organisationsnummer: 2120NN-NNNC with a Luhn check digit.
fn org_number(i: usize) -> String {
    let body = format!("2120{i:05}");
    let sum: u32 = body
        .chars()
        .enumerate()
        .map(|(k, c)| {
            let d = c.to_digit(10).unwrap_or(0) * if k % 2 == 0 { 2 } else { 1 };
            d / 10 + d % 10
        })
        .sum();
    let check = (10 - sum % 10) % 10;
    format!("{}-{}{check}", &body[..6], &body[6..])
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
