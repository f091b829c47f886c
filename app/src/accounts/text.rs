//! The accounts room's UI text, in Swedish and English.

use crate::i18n::Lang;

pub struct AccountText {
    pub sign_in: &'static str,
    pub sign_out: &'static str,
    pub sign_up: &'static str,
    pub my_account: &'static str,
    pub name: &'static str,
    pub email: &'static str,
    pub password: &'static str,
    pub password_hint: &'static str,
    pub new_password: &'static str,
    pub current_password: &'static str,
    pub title: &'static str,
    pub title_hint: &'static str,
    pub language: &'static str,
    pub swedish: &'static str,
    pub english: &'static str,
    pub sign_up_title: &'static str,
    pub sign_up_lead: &'static str,
    pub sign_up_done: &'static str,
    pub have_account: &'static str,
    pub sign_in_title: &'static str,
    pub sign_in_to_continue: &'static str,
    pub session_ending: &'static str,
    pub session_keep: &'static str,
    pub session_kept: &'static str,
    pub no_account: &'static str,
    pub forgot_link: &'static str,
    pub forgot_title: &'static str,
    pub forgot_lead: &'static str,
    pub forgot_button: &'static str,
    pub forgot_sent: &'static str,
    pub reset_title: &'static str,
    pub reset_button: &'static str,
    pub reset_done: &'static str,
    pub account_title: &'static str,
    pub profile_heading: &'static str,
    pub save_profile: &'static str,
    pub profile_saved: &'static str,
    pub password_heading: &'static str,
    pub change_password_button: &'static str,
    pub password_changed: &'static str,
    pub email_heading: &'static str,
    pub new_email: &'static str,
    pub change_email_button: &'static str,
    pub email_change_sent: &'static str,
    pub sessions_heading: &'static str,
    pub sessions_lead: &'static str,
    pub session_browser: &'static str,
    pub session_last_seen: &'static str,
    pub session_ip: &'static str,
    pub session_this: &'static str,
    pub session_revoke: &'static str,
    pub session_revoked: &'static str,
    pub session_unknown_browser: &'static str,
    pub data_heading: &'static str,
    pub data_lead: &'static str,
    pub data_download: &'static str,
    pub delete_heading: &'static str,
    pub delete_lead: &'static str,
    pub delete_button: &'static str,
    pub delete_explain: &'static str,
    pub delete_confirm: &'static str,
    pub confirm_label: &'static str,
    pub deleted: &'static str,
    pub deleted_user: &'static str,
    pub two_factor_heading: &'static str,
    pub two_factor_on: &'static str,
    pub two_factor_off_lead: &'static str,
    pub two_factor_start: &'static str,
    pub two_factor_password: &'static str,
    pub two_factor_setup_title: &'static str,
    pub two_factor_setup_lead: &'static str,
    pub two_factor_secret: &'static str,
    pub two_factor_open_app: &'static str,
    pub two_factor_codes_heading: &'static str,
    pub two_factor_codes_lead: &'static str,
    pub two_factor_code: &'static str,
    pub two_factor_code_hint: &'static str,
    pub two_factor_confirm: &'static str,
    pub two_factor_enabled: &'static str,
    pub two_factor_disable: &'static str,
    pub two_factor_disabled: &'static str,
    pub two_factor_verify_title: &'static str,
    pub two_factor_verify_lead: &'static str,
    pub two_factor_verify_button: &'static str,
    pub two_factor_admin_required: &'static str,
}

pub fn text(lang: Lang) -> &'static AccountText {
    match lang {
        Lang::Sv => &SV,
        Lang::En => &EN,
    }
}

const SV: AccountText = AccountText {
    sign_in: "Logga in",
    sign_out: "Logga ut",
    sign_up: "Skapa konto",
    my_account: "Mitt konto",
    name: "Namn",
    email: "E-postadress",
    password: "Lösenord",
    password_hint: "Minst 12 tecken. En mening du minns är ett bra lösenord.",
    new_password: "Nytt lösenord",
    current_password: "Nuvarande lösenord",
    title: "Titel",
    title_hint: "Till exempel upphandlare eller verksamhetsutvecklare.",
    language: "Språk",
    swedish: "Svenska",
    english: "English",
    sign_up_title: "Skapa konto",
    sign_up_lead: "Med ett konto kan du gå med i beställarnätverk för din organisation. \
        Vi skickar en länk för att bekräfta din e-postadress.",
    sign_up_done: "Tack! Om adressen kan användas har vi skickat en länk för att bekräfta den. \
        Du kan logga in redan nu.",
    have_account: "Har du redan ett konto? Logga in",
    sign_in_title: "Logga in",
    sign_in_to_continue: "Logga in för att komma till sidan du öppnade.",
    session_ending: "Du loggas ut om fem minuter eftersom inget har hänt på en stund. Text du har skrivit men inte skickat finns kvar när du loggar in igen.",
    session_keep: "Fortsätt vara inloggad",
    session_kept: "Du är fortfarande inloggad.",
    no_account: "Inget konto än? Skapa ett",
    forgot_link: "Glömt lösenordet?",
    forgot_title: "Glömt lösenordet",
    forgot_lead: "Skriv din e-postadress. Om den hör till ett konto skickar vi en länk \
        för att välja nytt lösenord. Länken gäller i en timme.",
    forgot_button: "Skicka länk",
    forgot_sent: "Om adressen hör till ett konto har vi skickat en länk. Kolla din e-post.",
    reset_title: "Välj nytt lösenord",
    reset_button: "Spara nytt lösenord",
    reset_done: "Ditt lösenord är bytt och alla inloggningar är avslutade. Logga in med det nya.",
    account_title: "Mitt konto",
    profile_heading: "Uppgifter",
    save_profile: "Spara uppgifter",
    profile_saved: "Dina uppgifter är sparade.",
    password_heading: "Byt lösenord",
    change_password_button: "Byt lösenord",
    password_changed: "Lösenordet är bytt. Dina andra inloggningar är avslutade.",
    email_heading: "Byt e-postadress",
    new_email: "Ny e-postadress",
    change_email_button: "Byt e-postadress",
    email_change_sent:
        "Vi har skickat en länk till den nya adressen. Bytet gäller när du har bekräftat den.",
    sessions_heading: "Inloggningar",
    sessions_lead:
        "Här är de webbläsare där du är inloggad. Avsluta en inloggning du inte känner igen.",
    session_browser: "Webbläsare",
    session_last_seen: "Senast aktiv",
    session_ip: "IP-adress",
    session_this: "den här",
    session_revoke: "Avsluta",
    session_revoked: "Inloggningen är avslutad.",
    session_unknown_browser: "Okänd webbläsare",
    data_heading: "Mina uppgifter",
    data_lead: "Ladda ner allt vi har sparat om dig, som en JSON-fil: kontot och inloggningarna, dina organisationer, allt du har skrivit (kommentarer med alla versioner, behov, krav, intresseanmälningar, anmälningar, protokoll och svar), det du har gjort i nätverkens logg, mejlen vi har skickat dig (utan innehåll) och säkerhetshändelser. Raderar du kontot tas dina personuppgifter bort; det du har skrivit finns kvar i nätverkens underlag men visas som \"Borttagen användare\".",
    data_download: "Ladda ner mina uppgifter",
    delete_heading: "Radera kontot",
    delete_lead: "Dina personuppgifter raderas och du loggas ut överallt. Det du har skrivit \
        i nätverk finns kvar och visas som från \"Borttagen användare\".",
    delete_button: "Radera mitt konto",
    delete_explain: "Kontot och dina personuppgifter raderas för gott och du loggas ut \
        överallt. Det går inte att ångra.",
    delete_confirm: "Ja, radera mitt konto",
    confirm_label: "Bekräftelse",
    deleted: "Ditt konto är raderat.",
    deleted_user: "Borttagen användare",
    two_factor_heading: "Tvåstegsverifiering",
    two_factor_on: "Tvåstegsverifiering är påslagen. Vid inloggning anger du också en kod från din app.",
    two_factor_off_lead: "Skydda kontot med en kod från en autentiseringsapp (till exempel Microsoft Authenticator eller FreeOTP) utöver lösenordet.",
    two_factor_start: "Slå på tvåstegsverifiering",
    two_factor_password: "Ditt lösenord, för att bekräfta att det är du",
    two_factor_setup_title: "Slå på tvåstegsverifiering",
    two_factor_setup_lead: "Lägg till kontot i din autentiseringsapp: öppna länken på telefonen eller skriv in nyckeln. Ange sedan koden som appen visar.",
    two_factor_secret: "Nyckel",
    two_factor_open_app: "Öppna i autentiseringsappen",
    two_factor_codes_heading: "Reservkoder",
    two_factor_codes_lead: "Spara koderna på ett säkert ställe. Varje kod fungerar en gång om du inte har tillgång till appen. De visas bara nu.",
    two_factor_code: "Kod",
    two_factor_code_hint: "Sex siffror från appen, eller en reservkod.",
    two_factor_confirm: "Bekräfta och slå på",
    two_factor_enabled: "Tvåstegsverifiering är påslagen.",
    two_factor_disable: "Stäng av tvåstegsverifiering",
    two_factor_disabled: "Tvåstegsverifiering är avstängd.",
    two_factor_verify_title: "Ange kod",
    two_factor_verify_lead: "Ange koden från din autentiseringsapp, eller en av dina reservkoder.",
    two_factor_verify_button: "Logga in",
    two_factor_admin_required: "Som webbplatsadministratör måste du slå på tvåstegsverifiering innan du kan använda administratörsbehörigheten.",
};

const EN: AccountText = AccountText {
    sign_in: "Sign in",
    sign_out: "Sign out",
    sign_up: "Create account",
    my_account: "My account",
    name: "Name",
    email: "Email address",
    password: "Password",
    password_hint: "At least 12 characters. A sentence you remember makes a good password.",
    new_password: "New password",
    current_password: "Current password",
    title: "Title",
    title_hint: "For example procurement officer or business developer.",
    language: "Language",
    swedish: "Svenska",
    english: "English",
    sign_up_title: "Create an account",
    sign_up_lead: "With an account you can join buyer networks for your organisation. \
        We will send a link to verify your email address.",
    sign_up_done: "Thank you! If the address can be used, we have sent a link to verify it. \
        You can sign in already.",
    have_account: "Already have an account? Sign in",
    sign_in_title: "Sign in",
    sign_in_to_continue: "Sign in to reach the page you opened.",
    session_ending: "You will be signed out in five minutes because nothing has happened for a while. Text you have written but not sent is kept when you sign in again.",
    session_keep: "Stay signed in",
    session_kept: "You are still signed in.",
    no_account: "No account yet? Create one",
    forgot_link: "Forgot your password?",
    forgot_title: "Forgot password",
    forgot_lead: "Enter your email address. If it belongs to an account we will send a link \
        to choose a new password. The link is valid for one hour.",
    forgot_button: "Send link",
    forgot_sent: "If the address belongs to an account, we have sent a link. Check your email.",
    reset_title: "Choose a new password",
    reset_button: "Save new password",
    reset_done: "Your password is changed and every session has ended. Sign in with the new one.",
    account_title: "My account",
    profile_heading: "Details",
    save_profile: "Save details",
    profile_saved: "Your details are saved.",
    password_heading: "Change password",
    change_password_button: "Change password",
    password_changed: "The password is changed. Your other sessions have ended.",
    email_heading: "Change email address",
    new_email: "New email address",
    change_email_button: "Change email address",
    email_change_sent:
        "We have sent a link to the new address. The change applies once you verify it.",
    sessions_heading: "Sessions",
    sessions_lead:
        "These are the browsers where you are signed in. End any session you do not recognise.",
    session_browser: "Browser",
    session_last_seen: "Last active",
    session_ip: "IP address",
    session_this: "this one",
    session_revoke: "End",
    session_revoked: "The session has ended.",
    session_unknown_browser: "Unknown browser",
    data_heading: "My data",
    data_lead: "Download everything we store about you, as a JSON file: your account and sign-ins, your organisations, everything you wrote (comments with every version, needs, requirements, declared interest, registrations, minutes and answers), what you did in the networks' logs, the mails we sent you (without their text) and security events. If you delete the account your personal data is erased; what you wrote stays in the networks' records, shown as \"Deleted user\".",
    data_download: "Download my data",
    delete_heading: "Delete the account",
    delete_lead: "Your personal data is erased and you are signed out everywhere. What you have \
        written in networks stays and is shown as from \"Deleted user\".",
    delete_button: "Delete my account",
    delete_explain: "The account and your personal data are erased for good and you are \
        signed out everywhere. This cannot be undone.",
    delete_confirm: "Yes, delete my account",
    confirm_label: "Confirmation",
    deleted: "Your account is deleted.",
    deleted_user: "Deleted user",
    two_factor_heading: "Two-step verification",
    two_factor_on: "Two-step verification is on. When signing in you also enter a code from your app.",
    two_factor_off_lead: "Protect the account with a code from an authenticator app (such as Microsoft Authenticator or FreeOTP) besides the password.",
    two_factor_start: "Turn on two-step verification",
    two_factor_password: "Your password, to confirm it is you",
    two_factor_setup_title: "Turn on two-step verification",
    two_factor_setup_lead: "Add the account to your authenticator app: open the link on your phone or type in the key. Then enter the code the app shows.",
    two_factor_secret: "Key",
    two_factor_open_app: "Open in the authenticator app",
    two_factor_codes_heading: "Recovery codes",
    two_factor_codes_lead: "Keep these codes somewhere safe. Each works once if you cannot reach the app. They are shown only now.",
    two_factor_code: "Code",
    two_factor_code_hint: "Six digits from the app, or a recovery code.",
    two_factor_confirm: "Confirm and turn on",
    two_factor_enabled: "Two-step verification is on.",
    two_factor_disable: "Turn off two-step verification",
    two_factor_disabled: "Two-step verification is off.",
    two_factor_verify_title: "Enter code",
    two_factor_verify_lead: "Enter the code from your authenticator app, or one of your recovery codes.",
    two_factor_verify_button: "Sign in",
    two_factor_admin_required: "As a site admin you must turn on two-step verification before you can use admin rights.",
};

/// The mails that tell a person about their account. Bodies that carry a
/// link or an address are made from it.
#[cfg(feature = "ssr")]
pub struct MailText {
    pub reset_subject: &'static str,
    pub reset_body: fn(link: &str) -> String,
    pub verify_subject: &'static str,
    pub verify_body: fn(link: &str) -> String,
    pub password_changed_subject: &'static str,
    pub password_changed_body: &'static str,
    pub email_changed_subject: &'static str,
    pub email_changed_body: fn(new_address: &str) -> String,
}

#[cfg(feature = "ssr")]
pub fn mail_text(lang: Lang) -> &'static MailText {
    match lang {
        Lang::Sv => &SV_MAIL,
        Lang::En => &EN_MAIL,
    }
}

#[cfg(feature = "ssr")]
const SV_MAIL: MailText = MailText {
    reset_subject: "Välj nytt lösenord i Samråd",
    reset_body: |link| {
        format!("Hej!\n\nNågon (förhoppningsvis du) bad om ett nytt lösenord. Välj ett här inom en timme:\n{link}\n\nBad du inte om det kan du strunta i det här mejlet.")
    },
    verify_subject: "Bekräfta din e-postadress i Samråd",
    verify_body: |link| {
        format!("Hej!\n\nBekräfta din e-postadress i Samråd genom att öppna länken inom 24 timmar:\n{link}\n")
    },
    password_changed_subject: "Ditt lösenord i Samråd är ändrat",
    password_changed_body:
        "Hej!\n\nLösenordet till ditt Samråd-konto har just ändrats. Var det inte du, \
         välj ett nytt lösenord med \"Glömt lösenordet\" och kontakta din organisation.",
    email_changed_subject: "Din e-postadress i Samråd är ändrad",
    email_changed_body: |new| {
        format!(
            "Hej!\n\nDitt Samråd-konto använder nu adressen {new}. Var det inte du, \
             kontakta Samråds support genast."
        )
    },
};

#[cfg(feature = "ssr")]
const EN_MAIL: MailText = MailText {
    reset_subject: "Choose a new password in Samråd",
    reset_body: |link| {
        format!("Hello!\n\nSomeone (hopefully you) asked for a new password. Choose one here within an hour:\n{link}\n\nIf you did not ask, ignore this email.")
    },
    verify_subject: "Verify your email address in Samråd",
    verify_body: |link| {
        format!("Hello!\n\nVerify your email address in Samråd by opening this link within 24 hours:\n{link}\n")
    },
    password_changed_subject: "Your Samråd password was changed",
    password_changed_body:
        "Hello!\n\nThe password of your Samråd account was just changed. If it was not you, \
         choose a new one with \"Forgot password\" and contact your organisation.",
    email_changed_subject: "Your Samråd email address was changed",
    email_changed_body: |new| {
        format!(
            "Hello!\n\nYour Samråd account now uses the address {new}. If it was not you, \
             contact Samråd's support at once."
        )
    },
};
