//! The `samrad` server: configuration, database, middleware and routing.
//! The UI and the server functions live in the `app` crate.

pub mod assets;
pub mod backup;
pub mod compression;
pub mod config;
pub mod db;
pub mod feedback;
pub mod files;
pub mod health;
pub mod housekeeping;
pub mod mailer;
pub mod outage;
pub mod restore;
pub mod routes;
pub mod security;
pub mod seed;
pub mod session;
pub mod state;
pub mod telemetry;
