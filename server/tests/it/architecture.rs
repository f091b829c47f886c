//! The code's shape, checked: rooms never reach into each other's stores
//! or server functions, every SQL statement is registered where it is
//! written, and every registered statement prepares on both engines.

use std::path::{Path, PathBuf};

/// The rooms: one folder per domain concept under app/src.
const ROOMS: [&str; 12] = [
    "accounts",
    "organisations",
    "networks",
    "needs",
    "comments",
    "dialogues",
    "accessibility",
    "privacy",
    "overview",
    "suppliers",
    "search",
    "notifications",
];

fn source_dir(crate_dir: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(crate_dir)
        .join("src")
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// The source without its comments, so prose never counts as code.
fn code_of(source: &str) -> String {
    source
        .lines()
        .map(|line| match line.find("//") {
            Some(at) if !line[..at].contains('"') => &line[..at],
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The other rooms whose `store` or `api` this code names: `crate::needs::store`,
/// `needs::api::x`, or nested as in `use crate::{needs::{api::x, store as s}}`.
fn reaches_into(source: &str, own: &str) -> Vec<String> {
    let code = code_of(source);
    let mut found = Vec::new();
    for room in ROOMS.iter().filter(|r| **r != own) {
        let needle = format!("{room}::");
        let mut from = 0;
        while let Some(at) = code[from..].find(&needle) {
            let start = from + at;
            from = start + needle.len();
            let preceded_by_word = code[..start]
                .chars()
                .last()
                .is_some_and(|c| c.is_alphanumeric() || c == '_');
            // A room sits at the crate's root: `organisations::search::api`
            // is the organisations room's own search, not the search room.
            let nested = code[..start].ends_with("::") && !code[..start].ends_with("crate::");
            if preceded_by_word || nested {
                continue;
            }
            let rest = code[from..].trim_start();
            let inside = match rest.strip_prefix('{') {
                Some(group) => &group[..closing_brace(group)],
                None => rest,
            };
            let names_inside = |word: &str| {
                inside
                    .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .take(if rest.starts_with('{') { usize::MAX } else { 1 })
                    .any(|w| w == word)
            };
            if names_inside("store") || names_inside("api") {
                found.push(format!(
                    "{room}::{}",
                    rest.chars().take(40).collect::<String>()
                ));
            }
        }
    }
    found
}

fn closing_brace(group: &str) -> usize {
    let mut depth = 0;
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => return i,
            '}' => depth -= 1,
            _ => {}
        }
    }
    group.len()
}

/// A room file that may not reach into other rooms: its store and its
/// server functions (pages may compose other rooms' components).
fn is_store_or_api(path: &Path) -> bool {
    matches!(
        path.file_stem().and_then(|s| s.to_str()),
        Some("store" | "api")
    )
}

#[test]
fn no_rooms_store_or_server_functions_reach_into_another_rooms() {
    let app = source_dir("app");
    let mut wrong = Vec::new();
    for room in ROOMS {
        for file in rust_files(&app.join(room)) {
            if !is_store_or_api(&file) {
                continue;
            }
            let source = std::fs::read_to_string(&file).unwrap();
            for reach in reaches_into(&source, room) {
                wrong.push(format!("{}: {reach}", file.display()));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "a room's store or server functions use another room's insides; \
         go through the core or the other room's mod.rs:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_boundary_check_sees_every_way_of_naming_another_rooms_insides() {
    for reaching in [
        "let x = crate::needs::store::find(db).await;",
        "use crate::{needs::{api::check, store as needs}};",
        "use crate::needs::{self, api};",
        "crate::needs::api::discussion_place(target)",
        "crate::search::store::search(db)",
    ] {
        assert!(
            !reaches_into(reaching, "dialogues").is_empty(),
            "{reaching}"
        );
    }
    for fine in [
        "use crate::needs::{NeedStatus, Quarter};",
        "crate::needs::pages::NeedList",
        "super::store::find(db)",
        "// crate::needs::store is not used here",
        "crate::dialogues::store::find(db)",
        "let xneeds::store = 1;",
        "pub use super::search::api::{ask_to_join};",
    ] {
        assert!(reaches_into(fine, "dialogues").is_empty(), "{fine}");
    }
}

/// SQL text outside the registering macros: a string literal handed to a
/// query (with or without a turbofish, also on the next line), or a
/// `const` holding SQL.
fn unregistered_sql(source: &str) -> Vec<String> {
    let code = code_of(source);
    let mut found = Vec::new();
    for call in ["query", "query_as", "query_scalar"] {
        let mut from = 0;
        while let Some(at) = code[from..].find(call) {
            let start = from + at;
            from = start + call.len();
            let whole_word = !code[..start]
                .chars()
                .last()
                .is_some_and(|c| c.is_alphanumeric() || c == '_');
            let mut rest = &code[from..];
            if let Some(generic) = rest.strip_prefix("::<") {
                rest = generic.find(">(").map_or("", |end| &generic[end + 1..]);
            }
            let Some(args) = rest.strip_prefix('(') else {
                continue;
            };
            if whole_word && args.trim_start().starts_with('"') {
                found.push(code[start..].lines().next().unwrap_or("").to_string());
            }
        }
    }
    for line in code.lines().map(str::trim) {
        let holds_sql = ["\"SELECT", "\"INSERT", "\"UPDATE", "\"DELETE", "\"WITH"]
            .iter()
            .any(|k| line.contains(k));
        if line.starts_with("const ") && line.contains(": &str") && holds_sql {
            found.push(line.to_string());
        }
    }
    found
}

/// SQLite maintenance (VACUUM INTO, ATTACH, PRAGMA, statements built from
/// each table's own schema) is not a statement either engine could prepare
/// on its own.
const MAINTENANCE: &str = "backup.rs";

#[test]
fn every_sql_statement_in_the_app_and_server_is_registered() {
    let mut wrong = Vec::new();
    for dir in ["app", "server"] {
        for file in rust_files(&source_dir(dir)) {
            if file.ends_with(MAINTENANCE) {
                continue;
            }
            let source = std::fs::read_to_string(&file).unwrap();
            for line in unregistered_sql(&source) {
                wrong.push(format!("{}: {line}", file.display()));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "SQL that `app::sql!` does not register (so no test prepares it):\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_registration_check_sees_sql_that_escapes_it() {
    assert!(!unregistered_sql("sqlx::query(\"DELETE FROM x\")").is_empty());
    assert!(!unregistered_sql("sqlx::query::<sqlx::Any>(\"SELECT 1\")").is_empty());
    assert!(!unregistered_sql("sqlx::query_as::<_, Row>(\n    \"SELECT 1\")").is_empty());
    assert!(unregistered_sql("sqlx::query_as::<_, Row>(FIND)").is_empty());
    assert!(!unregistered_sql("const FIND: &str = \"SELECT 1\";").is_empty());
    assert!(unregistered_sql("crate::sql!(FIND = \"SELECT 1\");").is_empty());
    assert!(unregistered_sql("sqlx::query(FIND)").is_empty());
}

db_test!(every_registered_statement_prepares_on_this_engine, |app| {
    use sqlx::{Executor, SqlSafeStr};
    let statements = app::core::sql::STATEMENTS;
    assert!(
        statements.len() > 150,
        "only {} statements registered",
        statements.len()
    );
    let mut wrong = Vec::new();
    let engine = app.db.engine();
    for st in statements
        .iter()
        .filter(|st| st.engine.is_none_or(|e| e == engine))
    {
        let sql = match st.list_from {
            Some(from) => app::core::sql::with_list(st.sql, from, 2),
            None => st.sql.to_string(),
        };
        if let Err(e) = app
            .db
            .pool()
            .prepare(sqlx::AssertSqlSafe(sql).into_sql_str())
            .await
        {
            wrong.push(format!("{}::{}: {e}", st.module, st.name));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
});
