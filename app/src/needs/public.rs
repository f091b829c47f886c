//! What a need shows on a market dialogue's public page, when the hosts
//! choose it: its title, problem and wished effect with its accepted
//! functional requirements; and, separately chosen, the demand summed over
//! the needs. Never one organisation's figures: with fewer than
//! `DEMAND_MIN` organisations behind it, only their number is shown.

use super::{Level, Quarter};
use serde::{Deserialize, Serialize};

/// The fewest organisations whose demand may be summed in public.
pub const DEMAND_MIN: i64 = 2;

/// A need as the public sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicNeed {
    pub title: String,
    pub problem: String,
    pub effect: String,
    /// The accepted functional requirements: (must or should, text).
    pub requirements: Vec<(Level, String)>,
}

/// The demand behind a dialogue's needs, summed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicDemand {
    /// Organisations that declared an interest in any of the needs.
    pub organisations: i64,
    /// The sum of their estimated values; `None` below `DEMAND_MIN`.
    pub total_value: Option<i64>,
    /// The earliest quarter any of them could buy; `None` below `DEMAND_MIN`.
    pub earliest: Option<Quarter>,
}

#[cfg(feature = "ssr")]
mod sql {
    use super::*;
    use crate::{db::Db, error::AppError};

    #[derive(sqlx::FromRow)]
    struct NeedRow {
        id: i64,
        title: String,
        problem: String,
        effect: String,
    }

    #[derive(sqlx::FromRow)]
    struct RequirementRow {
        need_id: i64,
        level: String,
        text: String,
    }

    #[derive(sqlx::FromRow)]
    struct DemandRow {
        organisations: i64,
        total_value: Option<i64>,
        earliest: Option<i64>,
    }

    crate::sql_with_list!(
        NEEDS = "SELECT id, title, problem, effect FROM needs \
         WHERE public_id IN ({list}) ORDER BY title, id",
        from = 1
    );
    crate::sql_with_list!(
        REQUIREMENTS = "SELECT r.need_id, r.level, r.text FROM requirements r \
         JOIN needs n ON n.id = r.need_id WHERE r.accepted = 1 AND n.public_id IN ({list}) \
         ORDER BY r.need_id, r.position",
        from = 1
    );
    crate::sql_with_list!(
        DEMAND = "SELECT COUNT(DISTINCT i.organisation_id) AS organisations, \
         CAST(SUM(i.value_sek) AS BIGINT) AS total_value, \
         CAST(MIN(i.earliest) AS BIGINT) AS earliest FROM need_interests i \
         JOIN needs n ON n.id = i.need_id WHERE n.public_id IN ({list})",
        from = 1
    );

    /// The needs with these public ids as the public sees them.
    #[tracing::instrument(skip_all)]
    pub async fn public_needs(db: &Db, ids: &[String]) -> Result<Vec<PublicNeed>, AppError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let mut needs = sqlx::query_as::<_, NeedRow>(NEEDS.with(ids.len()));
        let mut requirements = sqlx::query_as::<_, RequirementRow>(REQUIREMENTS.with(ids.len()));
        for id in ids {
            needs = needs.bind(id);
            requirements = requirements.bind(id);
        }
        let needs = needs.fetch_all(db.pool()).await?;
        let requirements = requirements.fetch_all(db.pool()).await?;
        Ok(needs
            .into_iter()
            .map(|n| PublicNeed {
                requirements: requirements
                    .iter()
                    .filter(|r| r.need_id == n.id)
                    .filter_map(|r| Some((Level::parse(&r.level)?, r.text.clone())))
                    .collect(),
                title: n.title,
                problem: n.problem,
                effect: n.effect,
            })
            .collect())
    }

    /// The demand behind the needs with these public ids, summed.
    #[tracing::instrument(skip_all)]
    pub async fn public_demand(db: &Db, ids: &[String]) -> Result<PublicDemand, AppError> {
        if ids.is_empty() {
            return Ok(PublicDemand::default());
        }
        let mut query = sqlx::query_as::<_, DemandRow>(DEMAND.with(ids.len()));
        for id in ids {
            query = query.bind(id);
        }
        let row = query.fetch_one(db.pool()).await?;
        let enough = row.organisations >= DEMAND_MIN;
        Ok(PublicDemand {
            organisations: row.organisations,
            total_value: row.total_value.filter(|_| enough),
            earliest: row.earliest.filter(|_| enough).map(Quarter),
        })
    }
}

#[cfg(feature = "ssr")]
pub use sql::{public_demand, public_needs};
