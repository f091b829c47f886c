//! Search (#19), in Swedish first. This room holds the language side that
//! every query goes through: what a typed query means ([`query`]) and the
//! marked snippet of a result ([`snippet`]). The words themselves — split,
//! lower-cased, stemmed — are the core's ([`crate::core::search::words`]),
//! because the rooms that write content index it with the same function.

#[cfg(feature = "ssr")]
pub mod query;
#[cfg(feature = "ssr")]
pub mod snippet;
