//! What every room uses and no room owns: the clock and the ids, a
//! network's roles and lifecycle, the one guard that says who may do what
//! for which organisation, and the audit log. Rooms use these and never
//! each other's stores.

pub mod files;
pub mod network;
pub mod notify;
pub mod search;
pub mod subject;

#[cfg(feature = "ssr")]
pub mod audit;
#[cfg(feature = "ssr")]
pub mod clock;
#[cfg(feature = "ssr")]
pub mod guard;
#[cfg(feature = "ssr")]
pub mod ids;
#[cfg(feature = "ssr")]
pub mod market;
#[cfg(feature = "ssr")]
pub mod sheet;
#[cfg(feature = "ssr")]
pub mod sql;

#[cfg(feature = "ssr")]
pub use guard::{Actor, Guard};

/// A person's name as the records show it: once their account is deleted,
/// `deleted_user` ("Borttagen användare") in its place.
#[cfg(feature = "ssr")]
pub fn shown_name<T>(name: String, deleted: Option<T>, deleted_user: &str) -> String {
    match deleted {
        Some(_) => deleted_user.to_string(),
        None => name,
    }
}

use serde::{Deserialize, Serialize};

/// One entry of a network's audit log, as its readers see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub at: i64,
    pub actor: String,
    pub organisation: String,
    /// The action's code ("dialogue_status"), for machines.
    pub action: String,
    pub subject: String,
    pub reason: String,
    /// What happened, in words and the reader's language ("Ändrade
    /// dialogens status från Planerad till Annonserad").
    pub summary: String,
}

/// SQL, the one rule of who reads a network: the memberships through
/// which the person `$1` reads one (`rm`): one of their verified
/// organisations is an active member and they actively belong to it.
#[doc(hidden)]
#[macro_export]
macro_rules! network_readers {
    () => {
        "FROM network_members rm \
         JOIN organisation_members ro ON ro.organisation_id = rm.organisation_id \
         JOIN organisations rg ON rg.id = rm.organisation_id AND rg.verified_at IS NOT NULL \
         WHERE rm.status = 'active' AND ro.account_id = $1 AND ro.status = 'active'"
    };
}

/// SQL: whether the person `$1` reads the network whose id is the given
/// column. The one definition every list and export uses, so none can
/// show more than the guard allows.
#[macro_export]
macro_rules! reads_network {
    ($network:literal) => {
        concat!(
            "EXISTS (SELECT 1 ",
            $crate::network_readers!(),
            " AND rm.network_id = ",
            $network,
            ")"
        )
    };
}

/// SQL: the ids of the networks the person `$1` reads, by the same rule,
/// as one list computed once per statement: for a query that checks very
/// many rows (search), where an `EXISTS` per row costs a join per row.
#[macro_export]
macro_rules! networks_read {
    () => {
        concat!("SELECT rm.network_id ", $crate::network_readers!())
    };
}
