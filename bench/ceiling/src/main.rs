//! `GET /behov`: the needs across one person's networks, as the product's
//! `/behov` lists them, written straight into a string.
//!
//! DATABASE_URL and BIND as for samrad; CEILING_EMAIL names the person
//! (the product finds them from the session cookie instead).

use app::{
    core::ids::AccountId,
    db::Db,
    i18n::Lang,
    needs::{
        list::store,
        text::{kronor, status_label},
        NeedFilter, PAGE_SIZE,
    },
    staircase::Staircase,
    time::format_stockholm,
};
use axum::{extract::State, http::header, response::IntoResponse, routing::get, Router};
use std::fmt::Write;

app::sql!(ACCOUNT = "SELECT id FROM accounts WHERE email = $1");

#[derive(Clone)]
struct Ceiling {
    db: Db,
    account_id: AccountId,
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

async fn needs(State(c): State<Ceiling>) -> impl IntoResponse {
    // The product reads one need more than a page, to know whether a next
    // page follows; so does this.
    let filter = NeedFilter::default();
    let rows = match store::list(&c.db, c.account_id, None, &filter, PAGE_SIZE + 1).await {
        Ok(mut rows) => {
            rows.truncate(PAGE_SIZE as usize);
            rows
        }
        Err(_) => {
            return (
                axum::http::StatusCode::SERVICE_UNAVAILABLE,
                [(header::CONTENT_TYPE, "text/plain")],
                String::new(),
            )
        }
    };
    let lang = Lang::Sv;
    let mut html = String::from(
        "<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>Behov</title>\
         </head><body><h1>Behov</h1><ul class=\"cards\">",
    );
    for n in rows {
        let staircase = Staircase::parse(&n.staircase)
            .map(|s| s.label(lang))
            .unwrap_or_default();
        let _ = write!(
            html,
            "<li class=\"card\"><h3 class=\"card__title\"><a href=\"/behov/{}\">{}</a></h3>\
             <dl class=\"facts\"><dt>Status</dt><dd>{}</dd><dt>Ägare</dt><dd>{}</dd>\
             <dt>Nätverk</dt><dd>{}</dd><dt>Nivå</dt><dd>{}</dd><dt>Samlad efterfrågan</dt>\
             <dd>{} organisationer, {}</dd><dt>Upplagt</dt><dd>{}</dd></dl></li>",
            n.public_id,
            escape(&n.title),
            status_label(n.status, lang),
            escape(&n.owner),
            escape(&n.network_name),
            staircase,
            n.organisations,
            kronor(n.total_value, lang),
            format_stockholm(n.created_at),
        );
    }
    html.push_str("</ul></body></html>");
    (
        axum::http::StatusCode::OK,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        html,
    )
}

#[tokio::main]
async fn main() -> Result<(), String> {
    let url = std::env::var("DATABASE_URL").map_err(|_| "DATABASE_URL is not set")?;
    let bind = std::env::var("BIND").unwrap_or_else(|_| "127.0.0.1:3299".into());
    let email = std::env::var("CEILING_EMAIL").map_err(|_| "CEILING_EMAIL is not set")?;
    let db = server::db::connect(&url).await?;
    let account_id = sqlx::query_scalar(ACCOUNT)
        .bind(&email)
        .fetch_one(db.pool())
        .await
        .map(AccountId)
        .map_err(|e| format!("no account {email}: {e}"))?;
    let app = Router::new()
        .route("/behov", get(needs))
        .with_state(Ceiling { db, account_id });
    let listener = tokio::net::TcpListener::bind(&bind)
        .await
        .map_err(|e| format!("cannot listen on {bind}: {e}"))?;
    println!("ceiling at http://{bind}/behov");
    axum::serve(listener, app).await.map_err(|e| e.to_string())
}
