//! Pages that belong to no single domain concept.

pub mod not_found;
pub mod start;
