//! The claims site admins settle: organisations waiting for verification
//! and everyone who claims each one.

use super::text::text;
use crate::i18n::use_lang;
use leptos::prelude::*;
use leptos_meta::Title;

/// Organisations waiting for verification and everyone who claims each
/// one, for site admins: where a squatted number is settled.
#[component]
pub fn ClaimsPage() -> impl IntoView {
    let lang = use_lang();
    let t = text(lang);
    if crate::accounts::signed_in_or_redirect().is_none() {
        return ().into_any();
    }
    let claims = Resource::new(|| (), |_| super::api::claims());
    view! {
        <Title text=t.claims_heading />
        <h1>{t.claims_heading}</h1>
        <p class="lead">{t.claims_lead}</p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match claims.await {
                    Err(_) => view! { <p>{t.claims_for_admins}</p> }.into_any(),
                    Ok(list) if list.is_empty() => view! { <p>{t.no_claims}</p> }.into_any(),
                    Ok(list) => view! {
                        <ul class="plain-list">
                            {list.into_iter().map(|claim| view! {
                                <li>
                                    <h2>
                                        <a href=format!("/organisationer/{}", claim.public_id)>{claim.name}</a>
                                        {format!(" ({})", claim.org_number)}
                                    </h2>
                                    {(claim.claimants.len() > 1).then(|| view! {
                                        <p class="notice">{t.competing_claims}</p>
                                    })}
                                    <ul>
                                        {claim.claimants.into_iter().map(|c| {
                                            let state = match (c.admin, c.pending) {
                                                (_, true) => t.status_pending,
                                                (true, _) => t.role_admin,
                                                _ => t.role_member,
                                            };
                                            let who = [c.name, c.title, c.email]
                                                .into_iter()
                                                .filter(|p| !p.is_empty())
                                                .collect::<Vec<_>>()
                                                .join(", ");
                                            view! {
                                                <li>{format!("{who} – {state}, {}", crate::time::format_stockholm(c.requested_at))}</li>
                                            }
                                        }).collect_view()}
                                    </ul>
                                </li>
                            }).collect_view()}
                        </ul>
                    }
                    .into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}
