//! Organisations and their people: kommuner, regions and municipal
//! companies, each with an admin and members who all sign in with the
//! seed's password.

use super::{genitive, org_number, public_id, Scale};
use anyhow::Context;
use app::regions;
use rand::{rngs::StdRng, Rng};

app::sql!(
    INSERT_ORGANISATIONS =
        "INSERT INTO organisations (public_id, org_number, name, kind, lan_code, kommun_code, \
             website, verified_at, created_at, name_key) \
             VALUES ($1, $2, $3, $4, $5, $6, '', $7, $7, $8) RETURNING id"
);
app::sql!(
    INSERT_ACCOUNTS =
        "INSERT INTO accounts (email, name, password_hash, language, email_verified_at, \
             created_at, title) VALUES ($1, $2, $3, 'sv', $4, $4, $5) RETURNING id"
);
app::sql!(
    INSERT_ORGANISATION_MEMBERS =
        "INSERT INTO organisation_members (organisation_id, account_id, role, status, \
             requested_at, decided_at) VALUES ($1, $2, $3, 'active', $4, $4)"
);

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

pub(super) struct OrgRow {
    name: String,
    kind: &'static str,
    lan: String,
    kommun: Option<String>,
    domain: String,
}

/// Inserts the organisations, verified, and gives their ids in order.
pub(super) async fn insert_organisations(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    rng: &mut StdRng,
    organisations: &[OrgRow],
    now: i64,
) -> anyhow::Result<Vec<i64>> {
    let mut ids = Vec::with_capacity(organisations.len());
    for (i, org) in organisations.iter().enumerate() {
        let (id,): (i64,) = sqlx::query_as(INSERT_ORGANISATIONS)
            .bind(public_id(rng))
            .bind(org_number(i))
            .bind(&org.name)
            .bind(org.kind)
            .bind(&org.lan)
            .bind(org.kommun.clone())
            .bind(now)
            .bind(app::core::ids::name_key(&org.name))
            .fetch_one(&mut **tx)
            .await
            .with_context(|| format!("inserting the organisation {}", org.name))?;
        ids.push(id);
    }
    Ok(ids)
}

/// Inserts `count` people, dealt out to the organisations in turn, and
/// gives the admins' account ids: the first person of each organisation
/// is its admin.
#[allow(clippy::too_many_arguments)]
pub(super) async fn insert_people(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    rng: &mut StdRng,
    scale: Scale,
    count: usize,
    organisations: &[OrgRow],
    organisation_ids: &[i64],
    password_hash: &str,
    now: i64,
    progress: &mut dyn FnMut(&str),
) -> anyhow::Result<Vec<i64>> {
    let mut admins = Vec::with_capacity(organisations.len());
    for i in 0..count {
        let first = FIRST_NAMES[rng.random_range(0..FIRST_NAMES.len())];
        let last = LAST_NAMES[rng.random_range(0..LAST_NAMES.len())];
        let organisation = i % organisations.len();
        let email = person_email(scale, i, first, last, &organisations[organisation].domain);
        let (account_id,): (i64,) = sqlx::query_as(INSERT_ACCOUNTS)
            .bind(&email)
            .bind(format!("{first} {last}"))
            .bind(password_hash)
            .bind(now)
            .bind(TITLES[i % TITLES.len()])
            .fetch_one(&mut **tx)
            .await
            .with_context(|| format!("inserting the account {email}"))?;
        let role = if i < organisations.len() {
            admins.push(account_id);
            "admin"
        } else {
            "member"
        };
        sqlx::query(INSERT_ORGANISATION_MEMBERS)
            .bind(organisation_ids[organisation])
            .bind(account_id)
            .bind(role)
            .bind(now)
            .execute(&mut **tx)
            .await
            .with_context(|| {
                format!(
                    "making {email} a member of {}",
                    organisations[organisation].name
                )
            })?;
        if (i + 1) % 5_000 == 0 {
            progress(&format!("{} people", i + 1));
        }
    }
    Ok(admins)
}

/// Kommuner first, then regions, then municipal companies, up to `count`.
/// The demo story is four kommuner and their region around Mälaren.
pub(super) fn organisation_rows(scale: Scale, count: usize) -> Vec<OrgRow> {
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

/// Demo people have short addresses that are easy to type.
fn person_email(scale: Scale, i: usize, first: &str, last: &str, domain: &str) -> String {
    let ascii = |s: &str| s.to_lowercase().replace(['å', 'ä'], "a").replace('ö', "o");
    if scale == Scale::Demo {
        format!("{}@{domain}", ascii(first))
    } else {
        format!("{}.{}{i}@{domain}", ascii(first), ascii(last))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
