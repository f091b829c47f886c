//! An organisation's people: who belongs, who waits to join, who decides
//! on them (its admins once a site admin has verified it, and site admins
//! always), and the log of those decisions.

pub mod api;
#[cfg(feature = "ssr")]
pub mod store;

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    Admin,
    Member,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    Pending,
    Active,
    Refused,
}

impl Role {
    pub fn code(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Member => "member",
        }
    }

    pub fn parse(code: &str) -> Option<Role> {
        [Role::Admin, Role::Member]
            .into_iter()
            .find(|r| r.code() == code)
    }
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::Active => "active",
            Status::Refused => "refused",
        }
    }

    pub fn parse(code: &str) -> Option<Status> {
        [Status::Pending, Status::Active, Status::Refused]
            .into_iter()
            .find(|s| s.code() == code)
    }
}

/// A person's place in an organisation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub account_id: i64,
    pub name: String,
    pub title: String,
    /// Shown to those who decide (the organisation's admins, site admins).
    pub email: String,
    pub role: Role,
    pub status: Status,
    /// When the person asked to join (or registered the organisation).
    pub requested_at: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_and_statuses_round_trip_through_their_codes() {
        for role in [Role::Admin, Role::Member] {
            assert_eq!(Role::parse(role.code()), Some(role));
        }
        for status in [Status::Pending, Status::Active, Status::Refused] {
            assert_eq!(Status::parse(status.code()), Some(status));
        }
        assert_eq!(Role::parse("coordinator"), None);
        assert_eq!(Status::parse(""), None);
    }
}
