use super::Strings;

pub const STRINGS: Strings = Strings {
    site_name: "Samråd",
    site_tagline: "Beställarnätverk för offentliga organisationer",
    skip_to_content: "Hoppa till innehållet",
    nav_label: "Huvudmeny",
    nav_start: "Start",
    nav_accessibility: "Tillgänglighet",
    switch_language: "In English",
    footer_label: "Sidfot",
    footer_text: "Samråd – för beställarnätverk, gemensamma behov och marknadsdialoger.",

    start_title: "Samråd – beställarnätverk för offentliga organisationer",
    start_lead: "Samråd hjälper kommuner, regioner, myndigheter och kommunala bolag att \
        gå ihop i beställarnätverk, beskriva gemensamma behov, visa hur stor den samlade \
        efterfrågan är och föra marknadsdialog med leverantörer innan de upphandlar.",
    start_networks_heading: "Beställarnätverk",
    start_networks_text: "Ett beställarnätverk är organisationer som arbetar tillsammans med \
        behov, krav och dialoger. Nätverket är inte juridiskt bindande. En samordnare driver \
        arbetet, och andra organisationer kan ansöka om att gå med eller bjudas in.",
    start_needs_heading: "Behov",
    start_needs_text: "Ett behov beskriver ett problem och den effekt ni vill uppnå – vad, \
        aldrig hur. Medlemmarna skriver funktionskrav tillsammans och anmäler sitt intresse \
        med volym och värde, så att den samlade efterfrågan syns.",
    start_dialogue_heading: "Marknadsdialog",
    start_dialogue_text: "I en marknadsdialog möter nätverket leverantörerna innan \
        upphandlingen: en förfrågan om information, dialogmöten, workshoppar eller hearingar. \
        Alla leverantörer får samma information, frågor och svar delas med alla, och varje \
        möte protokollförs.",
    start_rules_heading: "Likabehandling och offentlighet",
    start_rules_text: "Det som sägs i en dialog kan bli allmän handling. Samråd sparar vem \
        som sa vad och när, så att varje medlem kan diarieföra underlaget och visa att \
        leverantörerna behandlats lika.",

    staircase_heading: "Innovationstrappan",
    staircase_intro: "Hur nytt är det ni behöver? Innovationstrappan har tre steg. Välj ett \
        steg för att läsa vad det innebär.",
    staircase_steps_label: "Stegen i innovationstrappan",
    staircase_infora: "Införa",
    staircase_infora_text: "Köp det som redan finns, men ställ funktionskrav som ger \
        utrymme för nya lösningar (utvecklingsfrämjande upphandling).",
    staircase_introducera: "Introducera",
    staircase_introducera_text: "Var först ut eller referenskund för nya lösningar och \
        prototyper som ännu inte är etablerade på marknaden.",
    staircase_initiera: "Initiera",
    staircase_initiera_text: "Starta forskning och utveckling när marknaden saknar lösning, \
        till exempel genom innovationspartnerskap eller förkommersiell upphandling.",

    a11y_title: "Tillgänglighetsredogörelse",
    a11y_intro: "Samråd ska kunna användas av så många som möjligt. Här beskriver vi hur \
        tjänsten uppfyller lagen om tillgänglighet till digital offentlig service, kända \
        brister och hur du rapporterar problem till oss.",
    a11y_status_heading: "Hur tillgänglig är tjänsten?",
    a11y_status_text: "Tjänsten är byggd för att uppfylla WCAG 2.1 nivå AA (EN 301 549). \
        Alla sidor fungerar med tangentbord och skärmläsare, och med JavaScript avstängt. \
        Varje sida kontrolleras automatiskt med axe-core i våra tester.",
    a11y_known_heading: "Kända brister",
    a11y_known_text: "Vi känner inte till några brister just nu. Automatiska tester hittar \
        inte allt, så berätta gärna om du stöter på problem.",
    a11y_report_heading: "Rapportera ett problem",
    a11y_report_text: "Upplever du problem med tillgängligheten, eller behöver du innehåll \
        i ett annat format? Beskriv det här, så återkommer vi om du lämnar en e-postadress.",
    a11y_field_description: "Beskriv problemet",
    a11y_field_description_hint: "Vad försökte du göra, och vad hände?",
    a11y_field_page: "Vilken sida gäller det?",
    a11y_field_email: "Din e-postadress",
    a11y_field_email_hint: "Om du vill att vi svarar dig.",
    a11y_submit: "Skicka rapporten",
    a11y_thanks: "Tack! Din rapport är mottagen.",
    a11y_reports_title: "Rapporter om tillgänglighet",
    a11y_reports_lead:
        "Det som har skickats via formuläret i tillgänglighetsredogörelsen, nyaste först.",
    a11y_reports_none: "Inga rapporter har kommit in.",
    a11y_reports_for_admins: "Sidan är till för Samråds administratörer.",
    a11y_report_contact: "Kontakt",
    a11y_report_anonymous: "ingen adress lämnad",
    a11y_supervision_heading: "Tillsyn",
    a11y_supervision_text: "Myndigheten för digital förvaltning (Digg) har ansvar för tillsyn \
        över lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med \
        hur vi hanterar dina synpunkter kan du kontakta Digg.",
    a11y_made_heading: "Hur vi testat webbplatsen",
    a11y_made_text: "Vi testar varje sida automatiskt med axe-core i en riktig webbläsare, \
        med och utan JavaScript, och går igenom tangentbordsnavigering vid varje ändring.",

    not_found_title: "Sidan finns inte",
    not_found_text: "Vi hittar ingen sida på den adressen. Den kan ha flyttats, eller så \
        är adressen felskriven.",
    not_found_back: "Till startsidan",

    optional: "frivilligt",
    error_summary_heading: "Något behöver rättas",
    required: "obligatoriskt",
    error_title_prefix: "Fel: ",
    chars_count: "{n} av högst {max} tecken",
    chars_over: "{n} tecken för mycket",
    restored_heading: "Det du skrev finns kvar",
};
