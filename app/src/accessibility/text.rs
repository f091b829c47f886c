//! The accessibility statement, its report form and the reports page, in
//! Swedish and English. The statement follows Digg's model: who stands
//! behind the service, the compliance status in the act's words, what is
//! not accessible and why, what the act does not cover, how it was
//! assessed and when, and where to report and complain.

use crate::i18n::Lang;

/// One known shortcoming: what it is, the criterion it fails, and why it
/// is so and what we do about it.
pub struct Shortcoming {
    pub title: &'static str,
    /// May hold `{idle}`, the idle time after which a session ends.
    pub text: &'static str,
    pub criterion: &'static str,
    pub reason: &'static str,
}

pub struct Text {
    /// Holds `{operator}`.
    pub intro: &'static str,
    pub how_heading: &'static str,
    pub how_text: &'static str,
    pub alternative_heading: &'static str,
    pub alternative_text: &'static str,
    pub contact_email: &'static str,
    pub contact_phone: &'static str,
    pub contact_form: &'static str,
    pub response_time: &'static str,
    pub report_heading: &'static str,
    pub report_text: &'static str,
    pub field_description: &'static str,
    pub field_description_hint: &'static str,
    pub field_page: &'static str,
    pub field_email: &'static str,
    pub field_email_hint: &'static str,
    pub submit: &'static str,
    pub thanks: &'static str,
    pub reports_link: &'static str,
    pub supervision_heading: &'static str,
    pub supervision_text: &'static str,
    pub digg_link: &'static str,
    pub technical_heading: &'static str,
    pub compliance: &'static str,
    /// In the English statement: a lead-in and the act's own Swedish words.
    pub compliance_in_swedish: Option<(&'static str, &'static str)>,
    pub standard: &'static str,
    pub gaps_heading: &'static str,
    pub gaps_intro: &'static str,
    pub noncompliance_heading: &'static str,
    pub criterion_label: &'static str,
    pub reason_label: &'static str,
    pub shortcomings: &'static [Shortcoming],
    pub burden_heading: &'static str,
    pub burden_text: &'static str,
    pub outside_heading: &'static str,
    pub outside_items: &'static [&'static str],
    pub method_heading: &'static str,
    pub method_intro: &'static str,
    pub method_items: &'static [&'static str],
    pub assessed: &'static str,
    pub updated: &'static str,
    pub months: [&'static str; 12],
    pub hour: &'static str,
    pub hours: &'static str,
    pub reports_title: &'static str,
    pub reports_lead: &'static str,
    pub reports_none: &'static str,
    pub reports_for_admins: &'static str,
    /// Holds `{n}`, the report's number.
    pub report_number: &'static str,
    pub report_received: &'static str,
    pub report_page: &'static str,
    pub report_page_none: &'static str,
    pub report_contact: &'static str,
    pub report_anonymous: &'static str,
    pub reports_back: &'static str,
}

pub fn text(lang: Lang) -> &'static Text {
    match lang {
        Lang::Sv => &SV,
        Lang::En => &EN,
    }
}

impl Text {
    /// "1 december 2026" from "2026-12-01".
    pub fn long_date(&self, iso: &str) -> String {
        let mut parts = iso.splitn(3, '-').map(|p| p.parse::<usize>().unwrap_or(0));
        let (year, month, day) = (
            parts.next().unwrap_or(0),
            parts.next().unwrap_or(0),
            parts.next().unwrap_or(0),
        );
        let month = self
            .months
            .get(month.wrapping_sub(1))
            .copied()
            .unwrap_or_default();
        format!("{day} {month} {year}")
    }

    /// "8 timmar", "1 timme".
    pub fn idle_time(&self, idle_ms: i64) -> String {
        let hours = (idle_ms / 3_600_000).max(1);
        let unit = if hours == 1 { self.hour } else { self.hours };
        format!("{hours} {unit}")
    }
}

const SV: Text = Text {
    intro: "{operator} står bakom Samråd, en webbtjänst för beställarnätverk, gemensamma \
        behov och marknadsdialoger mellan offentliga organisationer. Vi vill att så många \
        som möjligt ska kunna använda tjänsten. Här beskriver vi hur Samråd uppfyller lagen \
        (2018:1937) om tillgänglighet till digital offentlig service, vilka brister vi känner \
        till och hur du kan rapportera brister till oss så att vi kan åtgärda dem.",
    how_heading: "Hur tillgänglig är webbplatsen?",
    how_text: "Vi är medvetna om att delar av Samråd inte är helt tillgängliga. Vilka delar \
        det gäller står under",
    alternative_heading: "Vad kan du göra om du inte kan använda delar av webbplatsen?",
    alternative_text: "Om du behöver innehåll från Samråd som inte är tillgängligt för dig, \
        till exempel en nedladdad fil i ett annat format, kan du be oss om det:",
    contact_email: "Skicka e-post till",
    contact_phone: "Ring",
    contact_form: "Använd formuläret under",
    response_time: "Vi bekräftar inom två arbetsdagar att vi har fått ditt meddelande, om du \
        har lämnat en e-postadress eller ett telefonnummer, och berättar då när du kan vänta \
        dig svar.",
    report_heading: "Rapportera brister i webbplatsens tillgänglighet",
    report_text: "Vi strävar hela tiden efter att förbättra tillgängligheten. Om du upptäcker \
        problem som inte beskrivs på den här sidan, eller om du anser att vi inte uppfyller \
        lagens krav, meddela oss så att vi får veta att problemet finns.",
    field_description: "Beskriv problemet",
    field_description_hint: "Vad försökte du göra, och vad hände?",
    field_page: "Vilken sida gäller det?",
    field_email: "Din e-postadress",
    field_email_hint: "Om du vill ha svar. Vi bekräftar inom två arbetsdagar att vi har fått \
        rapporten.",
    submit: "Skicka rapporten",
    thanks: "Tack! Din rapport är mottagen.",
    reports_link: "Läs rapporterna som har kommit in",
    supervision_heading: "Tillsyn",
    supervision_text: "Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn \
        över lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med \
        hur vi hanterar dina synpunkter kan du kontakta Digg och påtala det.",
    digg_link: "Anmäl bristande tillgänglighet till Digg",
    technical_heading: "Teknisk information om webbplatsens tillgänglighet",
    compliance: "Samråd är delvis förenlig med lagen om tillgänglighet till digital \
        offentlig service, på grund av de brister som beskrivs nedan.",
    compliance_in_swedish: None,
    standard: "Lagens krav är de i standarden EN 301 549, som för webbsidor är WCAG 2.1 \
        nivå A och AA.",
    gaps_heading: "Innehåll som inte är tillgängligt",
    gaps_intro: "Det innehåll som beskrivs nedan är på ett eller annat sätt inte helt \
        tillgängligt.",
    noncompliance_heading: "Bristande förenlighet med lagkraven",
    criterion_label: "Kriterium",
    reason_label: "Varför, och vad vi gör",
    shortcomings: &[
        Shortcoming {
            title: "Ingen varning före utloggning utan JavaScript",
            text: "Efter {idle} utan aktivitet loggas du ut. Med JavaScript påslaget varnar \
                sidan fem minuter innan, och du kan välja att fortsätta. Utan JavaScript \
                kommer ingen varning och tiden går inte att förlänga i förväg.",
            criterion: "2.2.1 Justerbar tidsgräns (nivå A)",
            reason: "En varning kräver att sidan gör något av sig själv, vilket den inte \
                kan utan JavaScript. Det du skickar efter att du har loggats ut sparas och \
                kommer tillbaka ifyllt när du har loggat in igen, så inget du skrivit går \
                förlorat.",
        },
        Shortcoming {
            title: "Nya kommentarer medan sidan är öppen",
            text: "Kommentarer som andra skriver medan du har en diskussion öppen visas \
                under rutan där du skriver, så att den aldrig flyttar sig, och hur många \
                de är meddelas som statusmeddelande; en knapp pausar dem. Hur \
                statusmeddelanden läses upp skiljer sig mellan skärmläsare, och vi har inte \
                kunnat prova alla kombinationer av skärmläsare och webbläsare.",
            criterion: "4.1.3 Statusmeddelanden (nivå AA)",
            reason: "Vi provar fler kombinationer. Ladda om sidan för att se de nya \
                kommentarerna på sin plats i tråden.",
        },
        Shortcoming {
            title: "Språket i text som användarna skriver",
            text: "Rubriker, beskrivningar, krav och kommentarer som användarna skriver är \
                märkta som svenska. Skriver någon på ett annat språk, till exempel \
                engelska, läser en skärmläsare texten med svenskt uttal.",
            criterion: "3.1.2 Språk för delar av sidan (nivå AA)",
            reason: "Samråd vet inte vilket språk en text är skriven på. Vi undersöker om \
                den som skriver ska kunna ange språket.",
        },
        Shortcoming {
            title: "Filer att ladda ned och skriva ut",
            text: "Nätverkets logg och ett behovs efterfrågan kan laddas ned som CSV-filer. \
                Första raden är kolumnernas rubriker, men filformatet kan inte märka den som \
                rubrikrad, så en skärmläsare i ett kalkylprogram läser den som vilken rad \
                som helst. Ett protokoll som du sparar som PDF med webbläsarens utskrift är \
                taggat eller inte beroende på webbläsaren; Samråd gör inga PDF-filer själv.",
            criterion: "1.3.1 Information och relationer (nivå A)",
            reason: "Samma uppgifter finns på sidorna, i tabeller med rubriker, och \
                protokollet som en webbsida. Kalenderfilerna (.ics) öppnas i ditt \
                kalenderprogram, och hur de läses upp beror på det programmet. Behöver du \
                en fil i ett annat format, skriv till oss.",
        },
    ],
    burden_heading: "Oskäligt betungande anpassning",
    burden_text: "Vi åberopar inte undantaget för oskäligt betungande anpassning (12 § lagen \
        om tillgänglighet till digital offentlig service) för något innehåll i Samråd.",
    outside_heading: "Innehåll som inte omfattas av lagkraven",
    outside_items: &[
        "Text, länkar och formatering som användarna själva skriver i behov, krav, \
            kommentarer, protokoll och sammanfattningar är innehåll från tredje part som vi \
            inte har tagit fram (9 §). Den som skriver svarar till exempel för rubriknivåer \
            och länktexter i sin text.",
        "Onlinemöten som en marknadsdialog länkar till hålls i andra tjänster, som har egna \
            tillgänglighetsredogörelser.",
    ],
    method_heading: "Hur vi testat webbplatsen",
    method_intro: "Vi har gjort en självskattning (intern granskning) av Samråd mot WCAG 2.1 \
        nivå A och AA:",
    method_items: &[
        "Automatiska tester i en webbläsare (Chromium, med Playwright) kör axe-core på varje \
            sida som testerna når, både med och utan JavaScript.",
        "Testerna kontrollerar också att sidorna som de når inte blir bredare än 320 pixlar, \
            så att de går att läsa förstorade 400 procent utan att rulla i sidled.",
        "Testerna går igenom de viktigaste flödena med enbart tangentbord: skapa konto och \
            logga in, starta ett nätverk, beskriva ett behov, anmäla intresse, kommentera och svara, annonsera en dialog, \
            anmäla en leverantör till den, ställa en fråga och publicera svaret. De \
            kontrollerar att ett formulär som inte gick igenom öppnas vid \
            felsammanfattningen, med fokus där, och att varje fel hör till sitt fält. Med \
            skärmläsare har Samråd ännu inte provats.",
    ],
    assessed: "Senaste bedömningen gjordes den",
    updated: "Redogörelsen uppdaterades senast den",
    months: [
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ],
    hour: "timme",
    hours: "timmar",
    reports_title: "Rapporter om tillgänglighet",
    reports_lead: "Det som har skickats via formuläret i tillgänglighetsredogörelsen, nyaste \
        först. Bekräfta inom två arbetsdagar till den som har lämnat en adress.",
    reports_none: "Inga rapporter har kommit in.",
    reports_for_admins: "Sidan är till för Samråds administratörer.",
    report_number: "Rapport {n}",
    report_received: "Inkom",
    report_page: "Sida",
    report_page_none: "ingen sida angiven",
    report_contact: "Kontakt",
    report_anonymous: "ingen adress lämnad",
    reports_back: "Till tillgänglighetsredogörelsen",
};

const EN: Text = Text {
    intro: "{operator} is responsible for Samråd, a web service for buyer networks, shared \
        needs and market dialogues between public organisations. We want as many people as \
        possible to be able to use it. This statement describes how Samråd meets the Swedish \
        Act (2018:1937) on accessibility to digital public services, which shortcomings we \
        know of, and how you can report problems to us so that we can fix them.",
    how_heading: "How accessible is the website?",
    how_text: "We are aware that parts of Samråd are not fully accessible. Which parts, you \
        can read under",
    alternative_heading: "What can you do if you cannot use parts of the website?",
    alternative_text: "If you need content from Samråd that is not accessible to you, for \
        example a downloaded file in another format, you can ask us for it:",
    contact_email: "Send an email to",
    contact_phone: "Call",
    contact_form: "Use the form under",
    response_time: "If you have left an email address or a phone number, we confirm within \
        two working days that we have received your message, and tell you when you can \
        expect an answer.",
    report_heading: "Report accessibility problems",
    report_text: "We keep working to improve accessibility. If you find problems that are not \
        described on this page, or if you think we do not meet the requirements of the act, \
        please tell us so that we know the problem exists.",
    field_description: "Describe the problem",
    field_description_hint: "What were you trying to do, and what happened?",
    field_page: "Which page is it about?",
    field_email: "Your email address",
    field_email_hint: "If you would like a reply. We confirm within two working days that we \
        have received the report.",
    submit: "Send the report",
    thanks: "Thank you! Your report has been received.",
    reports_link: "Read the reports that have come in",
    supervision_heading: "Supervision",
    supervision_text: "The Agency for Digital Government (Digg) supervises the Act on \
        accessibility to digital public services. If you are not satisfied with how we \
        handle your report, you can contact Digg and tell them.",
    digg_link: "Report inaccessibility to Digg",
    technical_heading: "Technical information about the website's accessibility",
    compliance: "Samråd is partially compliant with the Act on accessibility to digital \
        public services, because of the shortcomings described below.",
    compliance_in_swedish: Some(("In the act's Swedish wording:", "delvis förenlig")),
    standard: "The act's requirements are those of the standard EN 301 549, which for web \
        pages are WCAG 2.1 levels A and AA.",
    gaps_heading: "Content that is not accessible",
    gaps_intro: "The content described below is in one way or another not fully accessible.",
    noncompliance_heading: "Non-compliance with the requirements",
    criterion_label: "Criterion",
    reason_label: "Why, and what we do",
    shortcomings: &[
        Shortcoming {
            title: "No warning before signing out without JavaScript",
            text: "After {idle} without activity you are signed out. With JavaScript on, the \
                page warns you five minutes before and you can choose to continue. Without \
                JavaScript there is no warning, and the time cannot be extended in advance.",
            criterion: "2.2.1 Timing Adjustable (level A)",
            reason: "A warning needs the page to act on its own, which it cannot do without \
                JavaScript. What you send after being signed out is kept and comes back \
                filled in once you have signed in again, so nothing you wrote is lost.",
        },
        Shortcoming {
            title: "New comments while the page is open",
            text: "Comments that others write while you have a discussion open appear below \
                the box you write in, so it never moves, and how many came is announced as \
                a status message; a button pauses them. How status messages are read out \
                differs between screen readers, and we have not been able to try every \
                combination of screen reader and browser.",
            criterion: "4.1.3 Status Messages (level AA)",
            reason: "We are trying more combinations. Reload the page to see the new \
                comments in their place in the thread.",
        },
        Shortcoming {
            title: "The language of text that users write",
            text: "Titles, descriptions, requirements and comments that users write are \
                marked as Swedish. If someone writes in another language, English for \
                example, a screen reader reads the text with a Swedish pronunciation.",
            criterion: "3.1.2 Language of Parts (level AA)",
            reason: "Samråd does not know which language a text is written in. We are \
                looking into letting the writer state the language.",
        },
        Shortcoming {
            title: "Files to download and print",
            text: "A network's log and a need's demand can be downloaded as CSV files. The \
                first row holds the column headings, but the file format cannot mark it as \
                a header row, so a screen reader in a spreadsheet program reads it like any \
                other row. Whether a record you save as PDF with the browser's print is \
                tagged depends on the browser; Samråd makes no PDF files itself.",
            criterion: "1.3.1 Info and Relationships (level A)",
            reason: "The same information is on the pages, in tables with headers, and the \
                record as a web page. Calendar files (.ics) open in your calendar program, \
                and how they are read out depends on that program. If you need a file in \
                another format, write to us.",
        },
    ],
    burden_heading: "Disproportionate burden",
    burden_text: "We do not claim the exemption for disproportionate burden (section 12 of \
        the Act on accessibility to digital public services) for any content in Samråd.",
    outside_heading: "Content not within the scope of the act",
    outside_items: &[
        "Text, links and formatting that users write themselves in needs, requirements, \
            comments, minutes and summaries are third-party content that we have not \
            produced (section 9). Whoever writes is responsible, for example, for the \
            heading levels and link texts in their text.",
        "Online meetings that a market dialogue links to are held in other services, which \
            have their own accessibility statements.",
    ],
    method_heading: "How we tested the website",
    method_intro: "We have made a self-assessment (internal review) of Samråd against WCAG \
        2.1 levels A and AA:",
    method_items: &[
        "Automated tests in a browser (Chromium, with Playwright) run axe-core on every page \
            the tests reach, both with and without JavaScript.",
        "The tests also check that the pages they reach grow no wider than 320 pixels, so \
            that they can be read enlarged 400 percent without scrolling sideways.",
        "The tests go through the main flows with a keyboard only: signing up and in, \
            starting a network, describing a need, declaring interest, commenting and replying, announcing a dialogue, \
            registering a supplier for it, asking a question and publishing the answer. They \
            check that a form that did not go through opens at the error summary, with focus \
            there, and that each error belongs to its field. Samråd has not yet been tried \
            with a screen reader.",
    ],
    assessed: "The latest assessment was made on",
    updated: "This statement was last updated on",
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    hour: "hour",
    hours: "hours",
    reports_title: "Accessibility reports",
    reports_lead: "What has been sent through the accessibility statement's form, newest \
        first. Confirm within two working days to those who left an address.",
    reports_none: "No reports have come in.",
    reports_for_admins: "This page is for Samråd's administrators.",
    report_number: "Report {n}",
    report_received: "Received",
    report_page: "Page",
    report_page_none: "no page given",
    report_contact: "Contact",
    report_anonymous: "no address given",
    reports_back: "To the accessibility statement",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_idle_times_read_as_words_in_both_languages() {
        assert_eq!(text(Lang::Sv).long_date("2026-12-01"), "1 december 2026");
        assert_eq!(text(Lang::En).long_date("2026-03-09"), "9 March 2026");
        assert_eq!(text(Lang::Sv).idle_time(8 * 3_600_000), "8 timmar");
        assert_eq!(text(Lang::Sv).idle_time(3_600_000), "1 timme");
        assert_eq!(text(Lang::En).idle_time(20 * 3_600_000), "20 hours");
    }

    #[test]
    fn both_statements_list_the_same_shortcomings_each_with_a_criterion() {
        let (sv, en) = (text(Lang::Sv), text(Lang::En));
        assert_eq!(sv.shortcomings.len(), en.shortcomings.len());
        for (s, e) in sv.shortcomings.iter().zip(en.shortcomings) {
            let number = |c: &str| c.split(' ').next().unwrap_or_default().to_string();
            assert_eq!(number(s.criterion), number(e.criterion), "{}", s.title);
        }
        assert!(sv.compliance.contains("delvis förenlig"));
    }
}
