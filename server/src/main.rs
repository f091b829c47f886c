use anyhow::{anyhow, bail, Context};
use clap::Parser;
use server::{
    config::{redact, Cli, Command, Config},
    db, routes, telemetry,
};
use std::process::ExitCode;

app::sql!(
    SELECT_NETWORK_MEMBERS = "SELECT a.email FROM network_members nm \
             JOIN organisation_members om ON om.organisation_id = nm.organisation_id \
             AND om.role = 'admin' JOIN accounts a ON a.id = om.account_id \
             WHERE nm.role = 'coordinator' ORDER BY nm.network_id LIMIT 1"
);
app::sql!(SELECT_DIALOGUES = "SELECT public_id FROM dialogues ORDER BY id LIMIT 1");
app::sql!(
    SELECT_ACCOUNTS = "SELECT a.email, o.name FROM accounts a \
             JOIN organisation_members m ON m.account_id = a.id \
             JOIN organisations o ON o.id = m.organisation_id \
             UNION ALL SELECT a.email, s.name FROM accounts a \
             JOIN supplier_members m ON m.account_id = a.id \
             JOIN suppliers s ON s.id = m.supplier_id ORDER BY 1"
);

fn main() -> ExitCode {
    return_large_blocks_to_the_system();
    let cli = Cli::parse();
    telemetry::init(cli.settings.log_format);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("samrad: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            // The alternate form puts the whole cause chain on this one line.
            eprintln!("samrad: {error:#}");
            ExitCode::FAILURE
        }
    }
}

/// Each sign-in's argon2 hash takes a 19 MiB block. glibc raises its mmap
/// threshold after freeing the first such block and from then on keeps
/// them in per-thread arenas, so the resident size grew to 177 MiB under
/// sign-in load (bench/README.md). A fixed threshold gives every block of
/// a mebibyte or more back to the system when it is freed.
fn return_large_blocks_to_the_system() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets an allocator parameter; it is called once,
    // before any other thread exists.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20);
    }
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    let config = Config::from_settings(&cli.settings).map_err(|e| anyhow!(e))?;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(config).await,
        Command::Migrate => {
            let db = open(&config).await?;
            println!("samrad: the database is migrated ({})", db.engine().name());
            Ok(())
        }
        Command::CreateAdmin { email, name } => create_admin(&config, &email, &name).await,
        Command::Seed { scale } => seed(&config, scale).await,
        Command::Backup { file } => {
            let db = open(&config).await?;
            server::backup::backup(&db, &file).await?;
            println!("samrad: the database is backed up to {}", file.display());
            Ok(())
        }
        Command::Restore { file } => {
            server::backup::restore(&config.database_url, &file).await?;
            // The backup holds the index; one from before search existed
            // restores without it.
            let db = open(&config).await?;
            if app::core::search::is_empty(&db)
                .await
                .map_err(|e| anyhow!(e))?
            {
                reindex(&config).await?;
            }
            println!(
                "samrad: the database is restored from {} ({})",
                file.display(),
                redact(&config.database_url)
            );
            Ok(())
        }
        Command::Reindex => reindex(&config).await,
        Command::Outbox { limit, to, json } => outbox(&config, limit, to.as_deref(), json).await,
    }
}

async fn reindex(config: &Config) -> anyhow::Result<()> {
    let db = open(config).await?;
    let rows = app::core::search::rebuild(&db)
        .await
        .map_err(|e| anyhow!(e))
        .context("cannot rebuild the search index")?;
    println!("samrad: the search index holds {rows} entries");
    Ok(())
}

async fn seed(config: &Config, scale: server::seed::Scale) -> anyhow::Result<()> {
    let db = open(config).await?;
    server::seed::seed(&db, scale, &mut |step| println!("samrad seed: {step}")).await?;
    if scale != server::seed::Scale::Demo {
        // An admin of the first network's coordinating organisation: someone
        // who sees a directory, networks, needs and their demand.
        let (email,): (String,) = sqlx::query_as(SELECT_NETWORK_MEMBERS)
            .fetch_one(db.pool())
            .await
            .context("cannot find an organisation admin to sign in as")?;
        println!("samrad seed: an organisation admin to sign in as: {email}");
        let (dialogue,): (String,) = sqlx::query_as(SELECT_DIALOGUES)
            .fetch_one(db.pool())
            .await
            .context("cannot find the long discussion")?;
        println!("samrad seed: the long discussion: /dialoger/{dialogue}");
    } else {
        let people: Vec<(String, String)> = sqlx::query_as(SELECT_ACCOUNTS)
            .fetch_all(db.pool())
            .await
            .context("cannot list the demo's people")?;
        println!(
            "\nSign in as any of these, password {:?}:",
            server::seed::PASSWORD
        );
        for (email, organisation) in people {
            println!("  {email:<36} {organisation}");
        }
    }
    Ok(())
}

/// Connects and applies the migrations.
async fn open(config: &Config) -> anyhow::Result<app::db::Db> {
    let db = db::connect(&config.database_url)
        .await
        .map_err(|e| anyhow!(e))
        .with_context(|| format!("cannot open the database {}", redact(&config.database_url)))?;
    db::migrate(&db).await.map_err(|e| anyhow!(e))?;
    Ok(db)
}

async fn serve(config: Config) -> anyhow::Result<()> {
    let listener = tokio::net::TcpListener::bind(config.bind)
        .await
        .with_context(|| format!("cannot listen on {}", config.bind))?;
    let db = open(&config).await?;
    // A site upgraded to search starts with its index empty: fill it from
    // what the database holds before the first search. Another instance
    // doing the same at once may win; the index is then built either way.
    if app::core::search::is_empty(&db).await.unwrap_or(false) {
        match app::core::search::rebuild(&db).await {
            Ok(rows) => tracing::info!(rows, "the search index was empty and is built"),
            Err(e) => tracing::warn!(error = %e, "the search index could not be built at start"),
        }
    }
    // Comments an older Markdown renderer made are rendered again in the
    // background; until then a page renders them as it reads them.
    let rendering = db.clone();
    tokio::spawn(async move {
        match app::comments::store::rerender_stale(&rendering).await {
            Ok(0) => {}
            Ok(rows) => tracing::info!(rows, "comments rendered again by this release"),
            Err(e) => tracing::warn!(error = %e, "comments could not be rendered again at start"),
        }
    });
    if let Some(smtp) = config.smtp.clone() {
        server::mailer::spawn(db.clone(), smtp);
    }
    server::housekeeping::spawn(db.clone());
    let app = routes::router(&config, db);
    if config.clock.is_adjustable() {
        tracing::warn!(
            "TEST_CLOCK: POST /__test/clock moves this server's time (browser tests only)"
        );
    }
    tracing::info!(engine = config.engine.name(), "Samråd is listening");
    println!("Samråd is running at {}", config.site_origin);
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
    .context("the server stopped")?;
    tracing::info!("Samråd has stopped");
    Ok(())
}

/// Ctrl-C or SIGTERM: stop taking connections, let requests in flight finish.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}

async fn create_admin(config: &Config, email: &str, name: &str) -> anyhow::Result<()> {
    use app::accounts::{password, store, Email};
    let email =
        Email::parse(email).with_context(|| format!("{email:?} is not an email address"))?;
    let password = match std::env::var("SAMRAD_ADMIN_PASSWORD") {
        Ok(p) => p,
        Err(_) => {
            eprintln!(
                "Password for {} (at least {} characters):",
                email.as_str(),
                password::MIN_LENGTH
            );
            let mut line = String::new();
            std::io::stdin()
                .read_line(&mut line)
                .context("cannot read the password")?;
            line.trim_end_matches(['\r', '\n']).to_string()
        }
    };
    let length = password.chars().count();
    if !(password::MIN_LENGTH..=password::MAX_LENGTH).contains(&length) {
        bail!(
            "the password must have {} to {} characters",
            password::MIN_LENGTH,
            password::MAX_LENGTH
        );
    }
    let db = open(config).await?;
    let hash = password::hash(password)
        .await
        .context("cannot hash the password")?;
    let outcome = store::create_site_admin(&db, &email, name.trim(), &hash)
        .await
        .context("cannot save the admin")?;
    match outcome {
        store::AdminOutcome::Created => println!("samrad: created site admin {}", email.as_str()),
        store::AdminOutcome::Promoted => {
            println!(
                "samrad: {} is now a site admin (password unchanged)",
                email.as_str()
            )
        }
    }
    Ok(())
}

/// Prints the newest mails that went to the outbox instead of SMTP.
async fn outbox(config: &Config, limit: i64, to: Option<&str>, json: bool) -> anyhow::Result<()> {
    let db = open(config).await?;
    let to = to.map(|t| t.trim().to_lowercase());
    let mails: Vec<_> = app::mail::latest(&db, limit.clamp(1, 1000) * 10)
        .await
        .context("cannot read the outbox")?
        .into_iter()
        .filter(|m| to.as_deref().is_none_or(|t| m.recipient == t))
        .take(limit.max(1) as usize)
        .collect();
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&mails).context("cannot write the outbox as JSON")?
        );
        return Ok(());
    }
    for mail in &mails {
        let status = match mail.sent_at {
            Some(at) => format!("sent {}", app::time::format_stockholm(at)),
            None => "not sent".into(),
        };
        println!(
            "To: {}\nDate: {} ({status})\nSubject: {}\n\n{}\n{}",
            mail.recipient,
            app::time::format_stockholm(mail.created_at),
            mail.subject,
            mail.body,
            "-".repeat(72)
        );
    }
    if mails.is_empty() {
        println!("The outbox is empty.");
    }
    Ok(())
}
