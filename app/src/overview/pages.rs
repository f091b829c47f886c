use super::text::text;
use crate::{accounts::signed_in_or_redirect, i18n::use_lang};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn OverviewPage() -> impl IntoView {
    let t = text(use_lang());
    let _user = signed_in_or_redirect();
    view! {
        <Title text=t.title />
        <h1>{t.title}</h1>
    }
}
