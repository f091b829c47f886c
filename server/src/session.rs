//! Resolves the session cookie once per request, and records who is
//! asking, so pages and server functions read both from the request.

use crate::state::AppState;
use app::{accounts::session, context::ClientInfo};
use axum::{
    extract::{ConnectInfo, Request, State},
    http::{header, HeaderMap, HeaderValue},
    middleware::Next,
    response::Response,
};
use std::net::{IpAddr, SocketAddr};

pub async fn resolve(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let path = req.uri().path();
    if path.starts_with("/pkg/") || path == "/healthz" {
        return next.run(req).await;
    }
    let ctx = &state.context;
    let token = req
        .headers()
        .get(header::COOKIE)
        .and_then(|v| v.to_str().ok())
        .and_then(|cookies| session::token_from_cookie_header(cookies, ctx.secure_cookies))
        .map(str::to_owned);
    let mut signed_in = false;
    if let Some(token) = token {
        let activity = match session::BACKGROUND_PATHS.contains(&path) {
            true => session::Activity::Background,
            false => session::Activity::Person,
        };
        match session::lookup(&ctx.db, &token, ctx.sessions, activity).await {
            Ok(Some(user)) => {
                signed_in = true;
                req.extensions_mut().insert(user);
            }
            Ok(None) => {}
            Err(_) => tracing::warn!("session lookup failed; serving as signed out"),
        }
    }
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip());
    let client = ClientInfo {
        ip: client_ip(peer, req.headers(), &state.trusted_proxies)
            .map(|ip| ip.to_string())
            .unwrap_or_default(),
        user_agent: req
            .headers()
            .get(header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string(),
    };
    req.extensions_mut().insert(client);
    let mut res = next.run(req).await;
    // What a signed-in person sees is theirs: no browser or proxy keeps it
    // (a page that already says so, and perhaps more, keeps its own words).
    let said = res
        .headers()
        .get(header::CACHE_CONTROL)
        .is_some_and(|v| v.as_bytes().starts_with(b"no-store"));
    if signed_in && !said {
        res.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    res
}

/// The client's own address. Behind a trusted reverse proxy the peer is
/// the proxy, and the client is the rightmost address in the forwarding
/// headers that is not itself a trusted proxy (every hop appends on the
/// right, so what a client writes itself stays further left). From anyone
/// else, forwarding headers are ignored.
pub fn client_ip(
    peer: Option<IpAddr>,
    headers: &HeaderMap,
    trusted: &[ipnet::IpNet],
) -> Option<IpAddr> {
    let peer = peer?;
    let is_trusted = |ip: &IpAddr| trusted.iter().any(|net| net.contains(ip));
    if !is_trusted(&peer) {
        return Some(peer);
    }
    let hops = forwarded_hops(headers);
    for hop in hops.iter().rev() {
        match hop {
            Some(ip) if is_trusted(ip) => continue,
            Some(ip) => return Some(*ip),
            // A hop no proxy of ours wrote: nothing further left is trusted.
            None => break,
        }
    }
    Some(peer)
}

/// The addresses in `Forwarded` (RFC 7239), or else `X-Forwarded-For`,
/// left to right; `None` for an entry that is not an address.
fn forwarded_hops(headers: &HeaderMap) -> Vec<Option<IpAddr>> {
    let values = |name: header::HeaderName| -> Vec<String> {
        headers
            .get_all(name)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(|v| v.trim().to_string())
            .collect()
    };
    let forwarded = values(header::FORWARDED);
    if !forwarded.is_empty() {
        return forwarded
            .iter()
            .map(|element| {
                element
                    .split(';')
                    .filter_map(|pair| pair.trim().split_once('='))
                    .find(|(k, _)| k.eq_ignore_ascii_case("for"))
                    .and_then(|(_, v)| parse_node(v))
            })
            .collect();
    }
    values(header::HeaderName::from_static("x-forwarded-for"))
        .iter()
        .map(|v| parse_node(v))
        .collect()
}

/// `192.0.2.1`, `"[2001:db8::1]:4711"`, `192.0.2.1:80` or `2001:db8::1`.
fn parse_node(node: &str) -> Option<IpAddr> {
    let node = node.trim().trim_matches('"');
    if let Ok(ip) = node.parse() {
        return Some(ip);
    }
    if let Some(rest) = node.strip_prefix('[') {
        return rest.split(']').next()?.parse().ok();
    }
    node.rsplit_once(':')?.0.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (k, v) in pairs {
            map.append(*k, v.parse().unwrap());
        }
        map
    }

    fn ip(s: &str) -> Option<IpAddr> {
        Some(s.parse().unwrap())
    }

    #[test]
    fn forwarding_headers_count_only_from_trusted_proxies() {
        let trusted = crate::config::parse_proxies("10.0.0.0/8").unwrap();
        let h = headers(&[("x-forwarded-for", "6.6.6.6, 203.0.113.7, 10.0.0.9")]);
        assert_eq!(client_ip(ip("10.0.0.5"), &h, &trusted), ip("203.0.113.7"));
        assert_eq!(
            client_ip(ip("198.51.100.1"), &h, &trusted),
            ip("198.51.100.1")
        );
        assert_eq!(client_ip(ip("10.0.0.5"), &h, &[]), ip("10.0.0.5"));
        let garbage = headers(&[("x-forwarded-for", "203.0.113.7, nonsense")]);
        assert_eq!(
            client_ip(ip("10.0.0.5"), &garbage, &trusted),
            ip("10.0.0.5")
        );
        let all_trusted = headers(&[("x-forwarded-for", "10.1.1.1")]);
        assert_eq!(
            client_ip(ip("10.0.0.5"), &all_trusted, &trusted),
            ip("10.0.0.5")
        );
    }

    #[test]
    fn the_forwarded_header_is_read_with_quotes_ports_and_ipv6() {
        let trusted = crate::config::parse_proxies("10.0.0.0/8").unwrap();
        let h = headers(&[(
            "forwarded",
            "for=6.6.6.6, for=\"[2001:db8::1]:4711\";proto=https, for=10.0.0.2:80",
        )]);
        assert_eq!(client_ip(ip("10.0.0.5"), &h, &trusted), ip("2001:db8::1"));
    }
}
