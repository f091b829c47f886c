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
    a11y_menu: "Meny",

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
