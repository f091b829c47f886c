//! Configuration from flags and the environment, checked once at start.

use app::db::Engine;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::net::SocketAddr;

#[derive(Parser, Debug)]
#[command(
    name = "samrad",
    version,
    about = "Samråd – beställarnätverk, gemensamma behov och marknadsdialoger"
)]
pub struct Cli {
    #[command(flatten)]
    pub settings: Settings,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Migrate the database and serve the site (the default).
    Serve,
    /// Apply the database migrations and exit.
    Migrate,
    /// Create a site admin, or make an existing account one. The password
    /// is read from SAMRAD_ADMIN_PASSWORD, or else from standard input.
    CreateAdmin {
        #[arg(long)]
        email: String,
        #[arg(long, default_value = "Administratör")]
        name: String,
    },
    /// Fill an empty database with believable data (the same every time):
    /// demo is a small story with accounts to sign in as; medium and large
    /// feed the benchmarks.
    Seed {
        #[arg(long, value_enum, default_value = "demo")]
        scale: crate::seed::Scale,
    },
    /// Write a consistent copy of the running SQLite database to FILE
    /// (online; the server may keep serving). PostgreSQL: use pg_dump.
    Backup { file: std::path::PathBuf },
    /// Replace everything in the SQLite database with the backup in FILE,
    /// in one transaction.
    Restore { file: std::path::PathBuf },
    /// Build the search index again from what the database holds.
    Reindex,
    /// Print the newest mails in the outbox (kept when no SMTP is set).
    Outbox {
        /// How many mails to print.
        #[arg(long, default_value_t = 5)]
        limit: i64,
        /// Only mails to this address.
        #[arg(long)]
        to: Option<String>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args, Debug, Clone)]
pub struct Settings {
    /// sqlite://PATH (created when missing) or postgres://USER@HOST/DB.
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "sqlite://data/samrad.db",
        global = true
    )]
    pub database_url: String,
    /// The address and port to listen on.
    #[arg(long, env = "BIND", default_value = "127.0.0.1:3000", global = true)]
    pub bind: String,
    /// The public address of the site, e.g. https://samrad.example.se; POSTs
    /// from any other origin are refused. Defaults to http://BIND.
    #[arg(long, env = "SITE_URL", global = true)]
    pub site_url: Option<String>,
    /// Log lines as readable text or as JSON.
    #[arg(
        long,
        env = "LOG_FORMAT",
        value_enum,
        default_value = "pretty",
        global = true
    )]
    pub log_format: LogFormat,
    /// A session ends after this many hours without a request.
    #[arg(long, env = "SESSION_IDLE_HOURS", default_value_t = 8, global = true)]
    pub session_idle_hours: u32,
    /// A session ends this many days after sign-in, however active.
    #[arg(long, env = "SESSION_MAX_DAYS", default_value_t = 30, global = true)]
    pub session_max_days: u32,
    /// Sign-in attempts allowed from one IP address per 15 minutes.
    #[arg(long, env = "SIGNIN_PER_IP", default_value_t = 100, global = true)]
    pub signin_per_ip: i64,
    /// Sign-ups allowed from one IP address per hour.
    #[arg(long, env = "SIGNUP_PER_IP", default_value_t = 10, global = true)]
    pub signup_per_ip: i64,
    /// Password-reset requests allowed from one IP address per hour.
    #[arg(long, env = "RESET_PER_IP", default_value_t = 10, global = true)]
    pub reset_per_ip: i64,
    /// Reports from the accessibility statement allowed from one IP address
    /// per hour.
    #[arg(long, env = "REPORTS_PER_IP", default_value_t = 5, global = true)]
    pub reports_per_ip: i64,
    /// Where mail is sent, e.g. smtps://user:pass@smtp.example.se:465. Without
    /// it, mail stays in the outbox (see `samrad outbox`).
    #[arg(long, env = "SMTP_URL", global = true)]
    pub smtp_url: Option<String>,
    /// The sender of every mail.
    #[arg(
        long,
        env = "MAIL_FROM",
        default_value = "Samråd <noreply@localhost>",
        global = true
    )]
    pub mail_from: String,
    /// Site admins get their admin rights only with two-step verification on.
    #[arg(
        long,
        env = "REQUIRE_2FA_FOR_ADMINS",
        default_value_t = false,
        global = true
    )]
    pub require_2fa_for_admins: bool,
    /// Reverse proxies in front of Samråd, as a comma-separated list of
    /// addresses or CIDR ranges (10.0.0.0/8, ::1). Only requests from
    /// these have their X-Forwarded-For / Forwarded headers read, to find
    /// the client's own address; unset, those headers are ignored.
    #[arg(long, env = "TRUSTED_PROXIES", default_value = "", global = true)]
    pub trusted_proxies: String,
    /// The folder with the built assets (cargo-leptos's site root).
    #[arg(long, env = "SITE_ROOT", default_value = "target/site", global = true)]
    pub site_root: String,

    /// A clock the browser tests move (`POST /__test/clock`); refused
    /// unless BIND is a loopback address. Never for a real site.
    #[arg(
        long,
        env = "TEST_CLOCK",
        default_value_t = false,
        global = true,
        hide = true
    )]
    pub test_clock: bool,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogFormat {
    Pretty,
    Json,
}

/// Settings that have passed their checks.
#[derive(Clone, Debug)]
pub struct Config {
    pub database_url: String,
    pub engine: Engine,
    pub bind: SocketAddr,
    /// `scheme://host[:port]`, without a trailing slash.
    pub site_origin: String,
    pub site_root: String,
    pub sessions: app::accounts::session::SessionPolicy,
    pub ip_allowance: app::accounts::limits::IpAllowance,
    pub smtp: Option<crate::mailer::Smtp>,
    pub trusted_proxies: Vec<ipnet::IpNet>,
    /// The clock everything reads; a test's own can be moved forward.
    pub clock: app::core::clock::Clock,
}

impl Config {
    pub fn from_settings(settings: &Settings) -> Result<Config, String> {
        let engine = Engine::from_url(&settings.database_url).ok_or_else(|| {
            format!(
                "DATABASE_URL {} is not supported: use sqlite://PATH or postgres://USER@HOST/DB",
                redact(&settings.database_url)
            )
        })?;
        let bind: SocketAddr = settings.bind.parse().map_err(|_| {
            format!(
                "BIND {:?} is not an address like 127.0.0.1:3000",
                settings.bind
            )
        })?;
        let site_url = settings
            .site_url
            .clone()
            .unwrap_or_else(|| format!("http://{bind}"));
        let site_origin = parse_origin(&site_url).ok_or_else(|| {
            format!("SITE_URL {site_url:?} is not an address like https://samrad.example.se")
        })?;
        if settings.session_idle_hours == 0 || settings.session_max_days == 0 {
            return Err("SESSION_IDLE_HOURS and SESSION_MAX_DAYS must be at least 1".into());
        }
        let hour_ms = 60 * 60 * 1000_i64;
        let smtp = match settings.smtp_url.as_deref().filter(|u| !u.is_empty()) {
            Some(url) => Some(crate::mailer::Smtp::new(url, &settings.mail_from)?),
            None => None,
        };
        // The clock's route takes no sign-in: it exists only on a server
        // nobody else can reach (loopback, no proxy in front, a local site).
        let local_site = ["http://127.0.0.1:", "http://localhost:", "http://[::1]:"]
            .iter()
            .any(|start| format!("{site_origin}:").starts_with(start));
        if settings.test_clock
            && (!bind.ip().is_loopback()
                || !local_site
                || !settings.trusted_proxies.trim().is_empty())
        {
            return Err(
                "TEST_CLOCK is for browser tests only: a loopback BIND, a local SITE_URL, no TRUSTED_PROXIES"
                    .into(),
            );
        }
        Ok(Config {
            smtp,
            trusted_proxies: parse_proxies(&settings.trusted_proxies)?,
            clock: if settings.test_clock {
                app::core::clock::Clock::adjustable()
            } else {
                app::core::clock::Clock::system()
            },
            ip_allowance: app::accounts::limits::IpAllowance {
                sign_ins_per_15_min: settings.signin_per_ip.max(1),
                sign_ups_per_hour: settings.signup_per_ip.max(1),
                resets_per_hour: settings.reset_per_ip.max(1),
                reports_per_hour: settings.reports_per_ip.max(1),
            },
            sessions: app::accounts::session::SessionPolicy {
                idle_ms: i64::from(settings.session_idle_hours) * hour_ms,
                absolute_ms: i64::from(settings.session_max_days) * 24 * hour_ms,
                admin_requires_two_factor: settings.require_2fa_for_admins,
            },
            database_url: settings.database_url.clone(),
            engine,
            bind,
            site_origin,
            site_root: settings.site_root.clone(),
        })
    }

    pub fn is_https(&self) -> bool {
        self.site_origin.starts_with("https://")
    }
}

/// A list of proxy addresses or ranges: `10.0.0.0/8, 192.0.2.7, ::1`.
pub fn parse_proxies(list: &str) -> Result<Vec<ipnet::IpNet>, String> {
    list.split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(|item| {
            item.parse::<ipnet::IpNet>()
                .or_else(|_| item.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
                .map_err(|_| {
                    format!("TRUSTED_PROXIES: {item:?} is not an address or range like 10.0.0.0/8")
                })
        })
        .collect()
}

/// `scheme://host[:port]` of an http(s) URL with no path beyond `/`.
fn parse_origin(url: &str) -> Option<String> {
    let url = url.trim().trim_end_matches('/');
    let (scheme, rest) = url.split_once("://")?;
    let valid_host = !rest.is_empty()
        && rest
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
    (matches!(scheme, "http" | "https") && valid_host).then(|| format!("{scheme}://{rest}"))
}

/// The URL with any password replaced, safe to print.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(start), Some(at)) if at > start => {
            let userinfo = &url[start + 3..at];
            match userinfo.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..start + 3], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(db: &str, bind: &str, site: Option<&str>) -> Settings {
        let mut args = vec!["samrad", "--database-url", db, "--bind", bind];
        if let Some(site) = site {
            args.extend(["--site-url", site]);
        }
        Cli::try_parse_from(args).expect("settings").settings
    }

    #[test]
    fn site_origin_defaults_to_the_bind_address() {
        let c = Config::from_settings(&settings("sqlite://x.db", "127.0.0.1:3000", None)).unwrap();
        assert_eq!(c.site_origin, "http://127.0.0.1:3000");
        assert!(!c.is_https());
        let c = Config::from_settings(&settings(
            "postgres://u@h/d",
            "0.0.0.0:80",
            Some("https://samrad.se/"),
        ))
        .unwrap();
        assert_eq!(c.site_origin, "https://samrad.se");
        assert!(c.is_https());
    }

    #[test]
    fn unsupported_urls_and_addresses_are_refused_with_the_reason() {
        let e = Config::from_settings(&settings("mysql://u:hemligt@h/d", "127.0.0.1:3000", None))
            .unwrap_err();
        assert!(e.contains("not supported") && !e.contains("hemligt"), "{e}");
        let e = Config::from_settings(&settings("sqlite://x.db", "localhost", None)).unwrap_err();
        assert!(e.contains("BIND"), "{e}");
        let e = Config::from_settings(&settings("sqlite://x.db", "127.0.0.1:1", Some("ftp://x")))
            .unwrap_err();
        assert!(e.contains("SITE_URL"), "{e}");
    }

    #[test]
    fn a_test_clock_is_only_for_a_loopback_address() {
        let with_clock = |bind: &str| {
            let mut s = settings("sqlite://x.db", bind, None);
            s.test_clock = true;
            Config::from_settings(&s)
        };
        assert!(with_clock("127.0.0.1:3100").unwrap().clock.is_adjustable());
        let e = with_clock("0.0.0.0:80").unwrap_err();
        assert!(e.contains("TEST_CLOCK"), "{e}");
        let mut behind_proxy = settings("sqlite://x.db", "127.0.0.1:3000", None);
        behind_proxy.test_clock = true;
        behind_proxy.trusted_proxies = "127.0.0.1".into();
        assert!(Config::from_settings(&behind_proxy).is_err());
        let mut public_site = settings(
            "sqlite://x.db",
            "127.0.0.1:3000",
            Some("https://samrad.example.se"),
        );
        public_site.test_clock = true;
        assert!(Config::from_settings(&public_site).is_err());
        let plain = Config::from_settings(&settings("sqlite://x.db", "127.0.0.1:3000", None));
        assert!(!plain.unwrap().clock.is_adjustable());
    }

    #[test]
    fn trusted_proxies_are_addresses_or_ranges() {
        let list = parse_proxies(" 10.0.0.0/8, 192.0.2.7 ,::1").unwrap();
        assert_eq!(list.len(), 3);
        assert!(list[1].contains(&"192.0.2.7".parse::<std::net::IpAddr>().unwrap()));
        assert!(parse_proxies("").unwrap().is_empty());
        let e = parse_proxies("10.0.0.0/8, proxy.local").unwrap_err();
        assert!(e.contains("proxy.local"), "{e}");
    }

    #[test]
    fn passwords_in_database_urls_are_redacted() {
        assert_eq!(
            redact("postgres://u:pw@h:5432/d"),
            "postgres://u:***@h:5432/d"
        );
        assert_eq!(redact("postgres://u@h/d"), "postgres://u@h/d");
        assert_eq!(redact("sqlite://data/x.db"), "sqlite://data/x.db");
    }
}
