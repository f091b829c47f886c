use crate::{
    accounts::{
        api::SignOut, current_user, sessions::warning::SessionWarning, text::text, SessionUser,
    },
    i18n::{api::SetLanguage, use_lang, Lang},
};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Header, navigation, main and footer landmarks around every page, with a
/// skip link first so keyboard users reach the content at once. On narrow
/// screens the menu folds behind one "Meny" button (a disclosure, so it
/// works without JavaScript) and the header takes a single line; wide
/// screens show the same links in a row. CSS shows one of the two.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let lang = use_lang();
    let t = lang.t();
    let path = use_location().pathname.get_untracked();
    let switch = ServerAction::<SetLanguage>::new();
    let sign_out = ServerAction::<SignOut>::new();
    let user = current_user();
    let idle_ms = session_idle_ms().filter(|_| user.is_some());
    // One count for both copies of the menu; only a signed-in page asks.
    let unread = user
        .is_some()
        .then(|| Resource::new(|| (), |_| crate::notifications::api::unread_count()));
    let links = || nav_links(lang, &path, user.as_ref(), sign_out, unread);
    view! {
        <a class="skip-link" href="#main">
            {t.skip_to_content}
        </a>
        <header class="site-header">
            <div class="site-header__inner">
                <a class="site-name" href="/">
                    {t.site_name}
                    <span class="site-tagline">{t.site_tagline}</span>
                </a>
                <crate::search::pages::HeaderSearch id="header-q" class="site-search site-search--wide" />
                <nav aria-label=t.nav_label class="site-nav site-nav--wide">
                    {links()}
                </nav>
                <ActionForm action=switch attr:class="site-language">
                    <input type="hidden" name="lang" value=lang.other().code() />
                    <button
                        type="submit"
                        class="button button--quiet"
                        lang=lang.other().code()
                    >
                        {t.switch_language}
                    </button>
                </ActionForm>
                <details class="site-menu">
                    <summary class="site-menu__button">
                        {t.a11y_menu}
                        <span aria-hidden="true">" ▾"</span>
                    </summary>
                    <nav aria-label=t.nav_label class="site-nav site-menu__panel">
                        {links()}
                    </nav>
                    <crate::search::pages::HeaderSearch id="menu-q" class="site-search" />
                </details>
            </div>
        </header>
        <main id="main" tabindex="-1">
            {idle_ms.map(|idle_ms| view! { <SessionWarning idle_ms lang /> })}
            {children()}
        </main>
        <footer class="site-footer" aria-label=t.footer_label>
            <p>{t.footer_text}</p>
            <p>
                <a href="/tillganglighet">{t.a11y_title}</a>
            </p>
        </footer>
    }
}

/// The main menu's links, the current page marked; signed in, the
/// person's pages and signing out, else signing in and up.
fn nav_links(
    lang: Lang,
    path: &str,
    user: Option<&SessionUser>,
    sign_out: ServerAction<SignOut>,
    unread: Option<Resource<Result<i64, crate::error::AppError>>>,
) -> AnyView {
    let t = lang.t();
    let a = text(lang);
    let current = |href: &str| (path == href).then_some("page");
    let account = match user {
        Some(user) => view! {
            <li>
                <a href="/oversikt" aria-current=current("/oversikt")>
                    {crate::overview::text::text(lang).title}
                </a>
            </li>
            <li>
                <a href="/natverk" aria-current=current("/natverk")>
                    {crate::networks::text::text(lang).networks_nav}
                </a>
            </li>
            <li>
                <a href="/natverk/mina" aria-current=current("/natverk/mina")>
                    {crate::networks::text::text(lang).my_networks}
                </a>
            </li>
            <li>
                <a href="/behov" aria-current=current("/behov")>
                    {crate::needs::text::text(lang).needs_heading}
                </a>
            </li>
            <li>
                <a href="/leverantorer" aria-current=current("/leverantorer")>
                    {crate::suppliers::text::text(lang).list_title}
                </a>
            </li>
            <li>
                <a href="/aviseringar" aria-current=current("/aviseringar")>
                    {crate::notifications::text::text(lang).title}" "
                    <Suspense fallback=|| ()>
                        {move || Suspend::new(async move {
                            let initial = match unread {
                                Some(unread) => unread.await.unwrap_or(0),
                                None => 0,
                            };
                            view! { <crate::notifications::pages::UnreadCount initial lang /> }
                        })}
                    </Suspense>
                </a>
            </li>
            <li>
                <a href="/konto" aria-current=current("/konto")>
                    {a.my_account}
                    <span class="visually-hidden">{format!(" ({})", user.name)}</span>
                </a>
            </li>
            <li>
                <ActionForm action=sign_out>
                    <button type="submit" class="link-button">{a.sign_out}</button>
                </ActionForm>
            </li>
        }
        .into_any(),
        None => view! {
            <li>
                <a href="/konto/logga-in" aria-current=current("/konto/logga-in")>{a.sign_in}</a>
            </li>
            <li>
                <a href="/konto/skapa" aria-current=current("/konto/skapa")>{a.sign_up}</a>
            </li>
        }
        .into_any(),
    };
    view! {
        <ul>
            <li>
                <a href="/" aria-current=current("/")>
                    {t.nav_start}
                </a>
            </li>
            <li>
                <a href="/marknadsdialoger" aria-current=current("/marknadsdialoger")>
                    {crate::dialogues::market::text::text(lang).board_title}
                </a>
            </li>
            <li>
                <a href="/tillganglighet" aria-current=current("/tillganglighet")>
                    {t.nav_accessibility}
                </a>
            </li>
            {account}
        </ul>
    }
    .into_any()
}

/// How long a session lives without a request.
fn session_idle_ms() -> Option<i64> {
    #[cfg(feature = "ssr")]
    return crate::context::maybe_app_context().map(|ctx| ctx.sessions.idle_ms);
    #[cfg(not(feature = "ssr"))]
    None
}
