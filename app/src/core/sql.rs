//! Every SQL statement the stores run is declared with [`sql!`] (or
//! [`sql_with_list!`] when it takes a list of values), which also registers
//! it here: one test prepares each registered statement on both engines,
//! so a misspelt column or a dialect slip fails in CI, not for a user.
//!
//! One dialect serves both engines: `$1…$n` placeholders, which SQLite and
//! PostgreSQL both bind by number.

/// A registered statement.
#[derive(Debug)]
pub struct Statement {
    pub name: &'static str,
    pub module: &'static str,
    pub sql: &'static str,
    /// For a statement with a list: the number of its list's first
    /// placeholder (`{list}` in the text).
    pub list_from: Option<usize>,
    /// The one engine a statement is written for (its full-text search
    /// syntax has no common dialect); `None` for both.
    pub engine: Option<crate::db::Engine>,
}

/// Every registered statement, of every crate that links this one.
#[linkme::distributed_slice]
pub static STATEMENTS: [Statement];

/// For the macros, so a crate using them needs no `linkme` of its own.
pub use linkme;

/// Declares `const NAME: &str = sql;` and registers it; with
/// `engine = Postgres` (or `Sqlite`) first, for that engine only.
#[macro_export]
macro_rules! sql {
    ($(#[$meta:meta])* $name:ident = $sql:expr) => {
        $crate::sql!(@ None; $(#[$meta])* $name = $sql);
    };
    (engine = $engine:ident, $(#[$meta:meta])* $name:ident = $sql:expr) => {
        $crate::sql!(@ Some($crate::db::Engine::$engine); $(#[$meta])* $name = $sql);
    };
    (@ $engine:expr; $(#[$meta:meta])* $name:ident = $sql:expr) => {
        $(#[$meta])*
        const $name: &str = $sql;
        const _: () = {
            #[$crate::core::sql::linkme::distributed_slice($crate::core::sql::STATEMENTS)]
            #[linkme(crate = $crate::core::sql::linkme)]
            static STATEMENT: $crate::core::sql::Statement = $crate::core::sql::Statement {
                name: stringify!($name),
                module: module_path!(),
                sql: $name,
                list_from: None,
                engine: $engine,
            };
        };
    };
}

/// Declares a statement whose `{list}` becomes as many placeholders as the
/// list has values, numbered from `from`; see [`with_list`].
#[macro_export]
macro_rules! sql_with_list {
    ($(#[$meta:meta])* $name:ident = $sql:expr, from = $from:literal) => {
        $(#[$meta])*
        const $name: $crate::core::sql::ListStatement =
            $crate::core::sql::ListStatement { sql: $sql, from: $from };
        const _: () = {
            #[$crate::core::sql::linkme::distributed_slice($crate::core::sql::STATEMENTS)]
            #[linkme(crate = $crate::core::sql::linkme)]
            static STATEMENT: $crate::core::sql::Statement = $crate::core::sql::Statement {
                name: stringify!($name),
                module: module_path!(),
                sql: $sql,
                list_from: Some($from),
                engine: None,
            };
        };
    };
}

/// A statement with a list of values (`IN ({list})`).
#[derive(Clone, Copy, Debug)]
pub struct ListStatement {
    pub sql: &'static str,
    pub from: usize,
}

impl ListStatement {
    /// The statement for a list of `count` values. An empty list matches
    /// nothing (`IN (NULL)`).
    pub fn with(self, count: usize) -> sqlx::AssertSqlSafe<String> {
        sqlx::AssertSqlSafe(with_list(self.sql, self.from, count))
    }
}

/// `sql` with `{list}` replaced by `$from, $from+1, …` (`count` of them).
pub fn with_list(sql: &str, from: usize, count: usize) -> String {
    let list = if count == 0 {
        "NULL".to_string()
    } else {
        (from..from + count)
            .map(|n| format!("${n}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    sql.replace("{list}", &list)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_becomes_numbered_placeholders() {
        let sql = "SELECT x FROM t WHERE a = $1 AND b IN ({list})";
        assert_eq!(
            with_list(sql, 2, 3),
            "SELECT x FROM t WHERE a = $1 AND b IN ($2, $3, $4)"
        );
        assert_eq!(
            with_list(sql, 2, 0),
            "SELECT x FROM t WHERE a = $1 AND b IN (NULL)"
        );
    }
}
