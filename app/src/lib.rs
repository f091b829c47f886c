//! Samråd's user interface, routes and server functions. Pages render on
//! the server; only `#[island]` components ship to the browser.
#![recursion_limit = "256"]

pub mod accessibility;
pub mod accounts;
pub mod comments;
pub mod context;
pub mod core;
pub mod cpv;
pub mod dialogues;
pub mod error;
pub mod i18n;
pub mod needs;
pub mod networks;
pub mod notifications;
pub mod organisations;
pub mod overview;
pub mod pages;
pub mod privacy;
pub mod regions;
pub mod search;
pub mod staircase;
pub mod suppliers;
pub mod time;
pub mod ui;

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod mail;
#[cfg(feature = "ssr")]
pub mod markdown;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, MetaTags, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    path, SsrMode,
};

/// The whole HTML document, rendered on the server for every page.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let lang = context::request_lang();
    provide_context(lang);
    #[cfg(feature = "ssr")]
    context::apply_content_security_policy();
    #[cfg(feature = "ssr")]
    provide_context(dialogues::api::SeenDialogues::default());
    view! {
        <!DOCTYPE html>
        <html lang=lang.code()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <HashedStylesheet options=options.clone() />
                <HydrationScripts options islands=true />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let refused = ui::form::page_shows_refusal();
    let prefix = context::request_lang().t().error_title_prefix;
    let formatter = move |title: String| {
        let title = match refused {
            true => format!("{prefix}{title}"),
            false => title,
        };
        // leptos_meta writes the title into the served page unescaped:
        // what people typed (a network's name, a search) must not be able
        // to end the element. In the browser it is set as text.
        #[cfg(feature = "ssr")]
        let title = ui::escape_text(&title);
        title
    };
    view! {
        <Title formatter />
        <Router>
            <ui::layout::Layout>
                <Routes fallback=pages::not_found::NotFoundPage>
                    <Route path=path!("/") view=pages::start::StartPage ssr=SsrMode::Async />
                    <Route path=path!("/oversikt") view=overview::pages::OverviewPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/aviseringar")
                        view=notifications::pages::NotificationsPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/konto") view=accounts::pages::AccountPage ssr=SsrMode::Async />
                    <Route path=path!("/konto/skapa") view=accounts::pages::SignUpPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/konto/logga-in")
                        view=accounts::pages::SignInPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/konto/verifiera")
                        view=accounts::pages::VerifyPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/konto/glomt-losenord")
                        view=accounts::pages::ForgotPasswordPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/konto/aterstall")
                        view=accounts::pages::ResetPasswordPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/konto/tvasteg")
                        view=accounts::pages::TwoFactorSetupPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/konto/tvasteg/verifiera")
                        view=accounts::pages::TwoFactorVerifyPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/organisationer/ny")
                        view=organisations::pages::JoinOrRegisterPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/organisationer/ansprak")
                        view=organisations::claims::ClaimsPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/organisationer/:id")
                        view=organisations::pages::OrganisationPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/natverk") view=networks::pages::DirectoryPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/natverk/mina")
                        view=networks::pages::MyNetworksPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/natverk/nytt")
                        view=networks::pages::NewNetworkPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/natverk/:id")
                        view=networks::pages::NetworkPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/natverk/:id/behov/nytt")
                        view=needs::pages::NewNeedPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/natverk/:id/dialoger/ny")
                        view=dialogues::pages::NewDialoguePage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/dialoger/:id")
                        view=dialogues::pages::DialoguePage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/dialoger/:id/andra")
                        view=dialogues::edit::EditDialoguePage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/dialoger/:id/protokoll")
                        view=dialogues::pages::RecordPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/dialoger/:id/svar/:answer")
                        view=dialogues::answers::pages::SubmissionPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/marknadsdialoger/:id/svar")
                        view=dialogues::answers::pages::AnswerFormPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/marknadsdialoger/:id/kvitto/:answer")
                        view=dialogues::answers::pages::ReceiptPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/sok") view=search::pages::SearchPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/marknadsdialoger")
                        view=dialogues::market::board::pages::BoardPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/marknadsdialoger/:id")
                        view=dialogues::market::pages::PublicDialoguePage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/leverantorer")
                        view=suppliers::pages::SuppliersPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/leverantorer/ny")
                        view=suppliers::pages::NewSupplierPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/leverantorer/:id")
                        view=suppliers::pages::SupplierPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/behov") view=needs::pages::MyNeedsPage ssr=SsrMode::Async />
                    <Route path=path!("/behov/:id") view=needs::pages::NeedPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/behov/:id/andra")
                        view=needs::pages::EditNeedPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/behov/:id/historik")
                        view=needs::pages::NeedHistoryPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/tillganglighet/rapporter")
                        view=accessibility::page::ReportsPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/tillganglighet")
                        view=accessibility::page::AccessibilityPage
                        ssr=SsrMode::Async
                    />
                </Routes>
            </ui::layout::Layout>
        </Router>
    }
}

/// The browser entry: wakes up the islands on the page, nothing else.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
