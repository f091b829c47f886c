//! One pool type for both engines. SQL is written once, with `$1…$n`
//! placeholders, which SQLite and PostgreSQL both bind by number.

use sqlx::AnyPool;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

impl Engine {
    pub fn from_url(url: &str) -> Option<Engine> {
        if url.starts_with("sqlite:") {
            Some(Engine::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Some(Engine::Postgres)
        } else {
            None
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Engine::Sqlite => "sqlite",
            Engine::Postgres => "postgres",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Db {
    pool: AnyPool,
    engine: Engine,
    clock: crate::core::clock::Clock,
}

impl Db {
    pub fn new(pool: AnyPool, engine: Engine) -> Self {
        Self {
            pool,
            engine,
            clock: crate::core::clock::Clock::system(),
        }
    }

    /// The same database read with another clock (a test's own).
    pub fn with_clock(self, clock: crate::core::clock::Clock) -> Self {
        Self { clock, ..self }
    }

    /// Now, as stored: milliseconds since the Unix epoch, UTC.
    pub fn now(&self) -> i64 {
        self.clock.now_ms()
    }

    pub fn clock(&self) -> &crate::core::clock::Clock {
        &self.clock
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    pub fn engine(&self) -> Engine {
        self.engine
    }
}

/// A database error where a unique constraint means "that already exists"
/// (a taken name or address) rather than a fault.
pub fn conflict_if_taken(err: sqlx::Error) -> crate::error::AppError {
    match err {
        sqlx::Error::Database(e) if e.is_unique_violation() => crate::error::AppError::Conflict,
        other => other.into(),
    }
}
