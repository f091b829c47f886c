//! The dialogues room's UI text, in Swedish and English, and how its
//! times read (the Swedish way: "12 mars 2027 kl. 14.00").

use super::{DialogueFormat, DialogueStatus};
use crate::i18n::Lang;

pub struct DialogueText {
    pub none: &'static str,
    pub plan_link: &'static str,
    pub new_title: &'static str,
    pub new_lead: &'static str,
    pub host: &'static str,
    pub title: &'static str,
    pub purpose: &'static str,
    pub form: &'static str,
    pub needs: &'static str,
    pub needs_hint: &'static str,
    pub questions: &'static str,
    pub questions_hint: &'static str,
    pub cpv: &'static str,
    pub cpv_hint: &'static str,
    pub lan: &'static str,
    pub value: &'static str,
    pub deadline: &'static str,
    pub date: &'static str,
    pub date_hint: &'static str,
    pub time: &'static str,
    pub capacity: &'static str,
    pub meetings: &'static str,
    pub meetings_hint: &'static str,
    pub meeting: &'static str,
    pub starts: &'static str,
    pub ends: &'static str,
    pub place: &'static str,
    pub link: &'static str,
    pub plan_button: &'static str,
    pub planned: &'static str,
    pub edit_link: &'static str,
    pub edit_title: &'static str,
    pub edit_lead: &'static str,
    pub edit_announced: &'static str,
    pub edit_button: &'static str,
    pub edited: &'static str,
    pub unchanged: &'static str,
    pub back: &'static str,
    pub status: &'static str,
    pub next_step: &'static str,
    pub hosts: &'static str,
    pub calendar: &'static str,
    pub change_status: &'static str,
    pub new_status: &'static str,
    pub reason: &'static str,
    pub status_changed: &'static str,
    pub registration: &'static str,
    pub places_left: &'static str,
    pub registration_later: &'static str,
    pub registration_closed: &'static str,
    pub attendees: &'static str,
    pub attendees_hint: &'static str,
    pub for_organisation: &'static str,
    pub register_button: &'static str,
    pub withdraw_button: &'static str,
    pub is_registered: &'static str,
    pub to: &'static str,
    pub and: &'static str,
    pub change_registration: &'static str,
    pub save_registration: &'static str,
    pub registered: &'static str,
    pub withdrawn: &'static str,
    pub attendance: &'static str,
    pub attendance_none: &'static str,
    pub download_attendance: &'static str,
    pub qa_heading: &'static str,
    pub qa_none: &'static str,
    pub qa_lead: &'static str,
    pub qa_form: &'static str,
    pub question: &'static str,
    pub answer: &'static str,
    pub publish_button: &'static str,
    pub published: &'static str,
    pub qa_published: &'static str,
    pub record_heading: &'static str,
    pub record_later: &'static str,
    pub minutes: &'static str,
    pub minutes_of: &'static str,
    pub summary: &'static str,
    pub summary_hint: &'static str,
    pub markdown_hint: &'static str,
    pub changes_heading: &'static str,
    pub changes_hint: &'static str,
    pub change_requirement: &'static str,
    pub change_none: &'static str,
    pub change_input: &'static str,
    pub change_version: &'static str,
    pub changes_none_possible: &'static str,
    pub draft: &'static str,
    pub approved: &'static str,
    pub approved_by: &'static str,
    pub written_by: &'static str,
    pub supersedes: &'static str,
    pub save_minutes: &'static str,
    pub save_summary: &'static str,
    pub approve_minutes: &'static str,
    pub approve_summary: &'static str,
    pub approve_explain: &'static str,
    pub confirm_minutes: &'static str,
    pub confirm_summary: &'static str,
    pub new_version: &'static str,
    pub text_saved: &'static str,
    pub text_approved: &'static str,
    pub export: &'static str,
    pub export_lead: &'static str,
    pub export_archived: &'static str,
    pub diarienummer: &'static str,
    pub show_record: &'static str,
    pub download_json: &'static str,
    pub print: &'static str,
    pub exported_at: &'static str,
    pub exported_by: &'static str,
    pub audit: &'static str,
    pub discussion_note: &'static str,
    pub add_host: &'static str,
    pub host_added: &'static str,
}

pub fn text(lang: Lang) -> &'static DialogueText {
    match lang {
        Lang::Sv => &SV,
        Lang::En => &EN,
    }
}

fn pick(lang: Lang, [sv, en]: [&'static str; 2]) -> &'static str {
    if lang == Lang::Sv {
        sv
    } else {
        en
    }
}

pub fn status_label(status: DialogueStatus, lang: Lang) -> &'static str {
    pick(
        lang,
        match status {
            DialogueStatus::Planned => ["Planerad", "Planned"],
            DialogueStatus::Announced => ["Annonserad", "Announced"],
            DialogueStatus::Open => ["Pågår", "Open"],
            DialogueStatus::Closed => ["Avslutad", "Closed"],
            DialogueStatus::Summarised => ["Sammanfattad", "Summarised"],
            DialogueStatus::Archived => ["Arkiverad", "Archived"],
        },
    )
}

/// What a status means, in one line, where the status is shown.
pub fn status_explained(status: DialogueStatus, lang: Lang) -> &'static str {
    pick(lang, match status {
        DialogueStatus::Planned => [
            "Värdarna förbereder dialogen. Den är inte utlyst än, och ingen kan anmäla sig.",
            "The hosts are preparing the dialogue. It is not announced yet, and no one can register.",
        ],
        DialogueStatus::Announced => [
            "Dialogen är utlyst till marknaden. Nätverkets organisationer kan anmäla sig.",
            "The dialogue is announced to the market. The network's organisations can register.",
        ],
        DialogueStatus::Open => [
            "Dialogen pågår: tillfällena hålls och frågor besvaras.",
            "The dialogue is under way: the sessions are held and questions answered.",
        ],
        DialogueStatus::Closed => [
            "Alla tillfällen är hållna. Värdarna skriver minnesanteckningar och en sammanfattning.",
            "All sessions are held. The hosts write the minutes and a summary.",
        ],
        DialogueStatus::Summarised => [
            "Sammanfattningen är skriven. Nästa steg är att arkivera dialogen.",
            "The summary is written. The next step is to archive the dialogue.",
        ],
        DialogueStatus::Archived => [
            "Dialogen är arkiverad och låst. Protokollet kan diarieföras men inte ändras.",
            "The dialogue is archived and locked. The record can be filed but not changed.",
        ],
    })
}

pub fn format_label(form: DialogueFormat, lang: Lang) -> &'static str {
    pick(
        lang,
        match form {
            DialogueFormat::Rfi => [
                "Förfrågan om information (RFI)",
                "Request for information (RFI)",
            ],
            DialogueFormat::Dialogmote => ["Dialogmöte", "Dialogue meeting"],
            DialogueFormat::EnskildaMoten => ["Enskilda möten", "One-to-one meetings"],
            DialogueFormat::Workshop => ["Workshop", "Workshop"],
            DialogueFormat::Hearing => ["Hearing", "Hearing"],
            DialogueFormat::Webbinarium => ["Webbinarium", "Webinar"],
            DialogueFormat::ExternRemiss => ["Extern remiss", "External consultation"],
        },
    )
}

const MONTHS: [[&str; 2]; 12] = [
    ["januari", "January"],
    ["februari", "February"],
    ["mars", "March"],
    ["april", "April"],
    ["maj", "May"],
    ["juni", "June"],
    ["juli", "July"],
    ["augusti", "August"],
    ["september", "September"],
    ["oktober", "October"],
    ["november", "November"],
    ["december", "December"],
];

/// "12 mars 2027" / "12 March 2027", in Stockholm.
pub fn day(utc_ms: i64, lang: Lang) -> String {
    let (date, _) = crate::time::stockholm_parts(utc_ms);
    let mut parts = date.split('-');
    let (year, month, day) = (parts.next(), parts.next(), parts.next());
    let month = month
        .and_then(|m| m.parse::<usize>().ok())
        .and_then(|m| MONTHS.get(m.wrapping_sub(1)));
    match (year, month, day.and_then(|d| d.parse::<u32>().ok())) {
        (Some(year), Some(month), Some(day)) => format!("{day} {} {year}", pick(lang, *month)),
        _ => date,
    }
}

/// "14.00" (Swedish) / "14:00", in Stockholm.
pub fn clock(utc_ms: i64, lang: Lang) -> String {
    let (_, time) = crate::time::stockholm_parts(utc_ms);
    match lang {
        Lang::Sv => time.replace(':', "."),
        Lang::En => time,
    }
}

/// "12 mars 2027 kl. 14.00" / "12 March 2027, 14:00".
pub fn when(utc_ms: i64, lang: Lang) -> String {
    let at = pick(lang, [" kl. ", ", "]);
    format!("{}{at}{}", day(utc_ms, lang), clock(utc_ms, lang))
}

/// "12 mars 2027 kl. 14.00–16.00"; a meeting over midnight names both days.
pub fn span(starts_at: i64, ends_at: i64, lang: Lang) -> String {
    if day(starts_at, lang) == day(ends_at, lang) {
        format!("{}–{}", when(starts_at, lang), clock(ends_at, lang))
    } else {
        format!("{} – {}", when(starts_at, lang), when(ends_at, lang))
    }
}

/// "Tillfälle 3": the legend of the plan form's nth meeting row (1 to 8;
/// beyond that the row is named without its number).
pub fn meeting_legend(n: usize, lang: Lang) -> &'static str {
    const SV: [&str; 8] = [
        "Tillfälle 1",
        "Tillfälle 2",
        "Tillfälle 3",
        "Tillfälle 4",
        "Tillfälle 5",
        "Tillfälle 6",
        "Tillfälle 7",
        "Tillfälle 8",
    ];
    const EN: [&str; 8] = [
        "Session 1",
        "Session 2",
        "Session 3",
        "Session 4",
        "Session 5",
        "Session 6",
        "Session 7",
        "Session 8",
    ];
    let names = if lang == Lang::Sv { &SV } else { &EN };
    names
        .get(n.wrapping_sub(1))
        .copied()
        .unwrap_or(text(lang).meeting)
}

/// "a, b och c" / "a, b and c".
pub fn list(items: &[String], lang: Lang) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {} {last}", rest.join(", "), text(lang).and),
    }
}

const SV: DialogueText = DialogueText {
    none: "Nätverket har inga marknadsdialoger än.",
    plan_link: "Planera en marknadsdialog",
    new_title: "Planera en marknadsdialog",
    new_lead: "Alla leverantörer ska få samma information. Uppgifterna räcker också för att annonsera dialogen i EU:s annonsdatabas TED som ett förberedande marknadssamråd.",
    host: "Värdorganisation",
    title: "Rubrik",
    purpose: "Syfte och beskrivning",
    form: "Form",
    needs: "Behov som dialogen gäller",
    needs_hint: "Välj ett eller flera av nätverkets behov.",
    questions: "Frågor till marknaden",
    questions_hint: "En fråga per rad, i den ordning de ska ställas.",
    cpv: "CPV-kod",
    cpv_hint: "En hel kod (34144900-7), koden utan kontrollsiffra (34144900) eller en huvudgrupps två siffror (34).",
    lan: "Plats (län)",
    value: "Uppskattat värde i kronor",
    deadline: "Sista dag för svar",
    date: "Datum",
    date_hint: "Till exempel 2027-03-12.",
    time: "Klockan",
    capacity: "Antal platser (organisationer)",
    meetings: "Tillfällen",
    meetings_hint: "Svensk tid, till exempel 9.30 eller 14.00. Fyll i minst ett tillfälle och lämna resten tomma.",
    meeting: "Tillfälle",
    starts: "Börjar",
    ends: "Slutar",
    place: "Plats",
    link: "Länk till onlinemöte",
    plan_button: "Planera dialogen",
    planned: "Dialogen är planerad.",
    edit_link: "Ändra dialogen",
    edit_title: "Ändra dialogen",
    edit_lead: "Rätta datum, plats, länk eller andra uppgifter. Varje ändring loggas och syns i protokollet.",
    edit_announced: "Dialogen är redan annonserad: berätta för de anmälda organisationerna vad som har ändrats.",
    edit_button: "Spara ändringarna",
    edited: "Ändringarna är sparade och loggade.",
    unchanged: "Inget ändrades.",
    back: "Tillbaka till dialogen",
    status: "Status",
    next_step: "Nästa steg",
    hosts: "Värdar",
    calendar: "Lägg i kalendern (.ics)",
    change_status: "Ändra status",
    new_status: "Ny status",
    reason: "Motivering",
    status_changed: "Statusen är ändrad och loggad.",
    registration: "Anmälan",
    places_left: "platser kvar av",
    registration_later: "Anmälan öppnar när dialogen annonseras.",
    registration_closed: "Anmälan är stängd.",
    attendees: "Vilka deltar",
    attendees_hint: "Namn och roll, till exempel: Anna Berg, upphandlare.",
    for_organisation: "Organisation",
    register_button: "Anmäl",
    withdraw_button: "Avanmäl",
    is_registered: "är anmäld till",
    to: "till",
    and: "och",
    change_registration: "Ändra anmälan",
    save_registration: "Spara anmälan",
    registered: "Anmälan är sparad.",
    withdrawn: "Anmälan är återtagen.",
    attendance: "Anmälda organisationer",
    attendance_none: "Ingen organisation är anmäld än.",
    download_attendance: "Deltagarlistan finns i protokollet för diariet.",
    qa_heading: "Frågor och svar",
    qa_none: "Inga frågor är besvarade än.",
    qa_lead: "Frågorna publiceras som de kom in, utan att visa vem som frågade.",
    qa_form: "Publicera en fråga och ett svar",
    question: "Fråga",
    answer: "Svar",
    publish_button: "Publicera frågan och svaret",
    published: "Publicerad",
    qa_published: "Frågan och svaret är publicerade.",
    record_heading: "Minnesanteckningar och sammanfattning",
    record_later: "Minnesanteckningar och sammanfattning skrivs när dialogen har hållits.",
    minutes: "Minnesanteckningar",
    minutes_of: "Minnesanteckningar från tillfälle",
    summary: "Sammanfattning",
    summary_hint: "Vad lärde ni er av dialogen?",
    markdown_hint: "Du kan använda Markdown: *kursiv*, **fet**, listor med - och länkar.",
    changes_heading: "Inspel som ändrade krav",
    changes_hint: "Koppla det som sades i dialogen till den version av kravet som det ledde till. Lämna raderna tomma om inget krav ändrades.",
    change_requirement: "Kravversion",
    change_none: "Inget valt",
    change_input: "Inspel som ledde till ändringen",
    change_version: "version",
    changes_none_possible: "Behoven som dialogen gäller har inga krav ännu.",
    draft: "Utkast",
    approved: "Godkänd",
    approved_by: "godkänd av",
    written_by: "skriven av",
    supersedes: "ersätter en tidigare version",
    save_minutes: "Spara utkastet till minnesanteckningarna",
    save_summary: "Spara utkastet till sammanfattningen",
    approve_minutes: "Godkänn minnesanteckningarna",
    approve_summary: "Godkänn sammanfattningen",
    approve_explain: "En godkänd text låses och kan inte ändras. Behöver något rättas senare skriver ni en ny version som ersätter den; båda finns kvar i protokollet.",
    confirm_minutes: "Ja, godkänn och lås minnesanteckningarna",
    confirm_summary: "Ja, godkänn och lås sammanfattningen",
    new_version: "Skriv en ny version",
    text_saved: "Utkastet är sparat.",
    text_approved: "Texten är godkänd och låst.",
    export: "Protokoll för diariet",
    export_lead: "Allt om dialogen på ett ställe: uppgifter, tillfällen, anmälda, frågor och svar, minnesanteckningar, sammanfattning och logg.",
    export_archived: "Dialogen är arkiverad. Protokollet är klart att diarieföra.",
    diarienummer: "Ert diarienummer",
    show_record: "Visa protokollet",
    download_json: "Ladda ner som JSON",
    print: "Skriv ut eller spara som PDF med webbläsarens utskrift.",
    exported_at: "Exporterad",
    exported_by: "av",
    audit: "Logg",
    discussion_note: "Diskussionen nedan är öppen för nätverkets medlemmar.",
    add_host: "Lägg till en medvärd",
    host_added: "Medvärden är tillagd och loggad.",
};

const EN: DialogueText = DialogueText {
    none: "The network has no market dialogues yet.",
    plan_link: "Plan a market dialogue",
    new_title: "Plan a market dialogue",
    new_lead: "All suppliers must get the same information. These details are also what it takes to announce the dialogue in the EU's notice database TED as a pre-market consultation.",
    host: "Host organisation",
    title: "Title",
    purpose: "Purpose and description",
    form: "Form",
    needs: "Needs the dialogue covers",
    needs_hint: "Choose one or more of the network's needs.",
    questions: "Questions to the market",
    questions_hint: "One question per line, in the order they are asked.",
    cpv: "CPV code",
    cpv_hint: "A full code (34144900-7), the code without its check digit (34144900) or a division's two digits (34).",
    lan: "Place (county)",
    value: "Estimated value in SEK",
    deadline: "Answer deadline",
    date: "Date",
    date_hint: "For example 2027-03-12.",
    time: "Time",
    capacity: "Places (organisations)",
    meetings: "Sessions",
    meetings_hint: "Swedish time, for example 9.30 or 14:00. Fill in at least one session and leave the rest empty.",
    meeting: "Session",
    starts: "Starts",
    ends: "Ends",
    place: "Place",
    link: "Online meeting link",
    plan_button: "Plan the dialogue",
    planned: "The dialogue is planned.",
    edit_link: "Change the dialogue",
    edit_title: "Change the dialogue",
    edit_lead: "Correct dates, place, link or other details. Every change is logged and shows in the record.",
    edit_announced: "The dialogue is announced already: tell the registered organisations what has changed.",
    edit_button: "Save the changes",
    edited: "The changes are saved and logged.",
    unchanged: "Nothing was changed.",
    back: "Back to the dialogue",
    status: "Status",
    next_step: "Next step",
    hosts: "Hosts",
    calendar: "Add to calendar (.ics)",
    change_status: "Change status",
    new_status: "New status",
    reason: "Reason",
    status_changed: "The status is changed and logged.",
    registration: "Registration",
    places_left: "places left of",
    registration_later: "Registration opens when the dialogue is announced.",
    registration_closed: "Registration is closed.",
    attendees: "Who attends",
    attendees_hint: "Names and roles, for example: Anna Berg, procurement officer.",
    for_organisation: "Organisation",
    register_button: "Register",
    withdraw_button: "Withdraw",
    is_registered: "is registered for",
    to: "to",
    and: "and",
    change_registration: "Change the registration",
    save_registration: "Save the registration",
    registered: "The registration is saved.",
    withdrawn: "The registration is withdrawn.",
    attendance: "Registered organisations",
    attendance_none: "No organisation has registered yet.",
    download_attendance: "The list of attendees is in the record to file.",
    qa_heading: "Questions and answers",
    qa_none: "No questions have been answered yet.",
    qa_lead: "Questions are published as received, without showing who asked.",
    qa_form: "Publish a question and its answer",
    question: "Question",
    answer: "Answer",
    publish_button: "Publish the question and answer",
    published: "Published",
    qa_published: "The question and answer are published.",
    record_heading: "Minutes and summary",
    record_later: "The minutes and the summary are written once the dialogue has been held.",
    minutes: "Minutes",
    minutes_of: "Minutes of session",
    summary: "Summary",
    summary_hint: "What did you learn from the dialogue?",
    markdown_hint: "You can use Markdown: *italic*, **bold**, lists with - and links.",
    changes_heading: "Input that changed requirements",
    changes_hint: "Link what was said in the dialogue to the version of the requirement it led to. Leave the rows empty if no requirement changed.",
    change_requirement: "Requirement version",
    change_none: "None chosen",
    change_input: "Input that led to the change",
    change_version: "version",
    changes_none_possible: "The needs this dialogue covers have no requirements yet.",
    draft: "Draft",
    approved: "Approved",
    approved_by: "approved by",
    written_by: "written by",
    supersedes: "replaces an earlier version",
    save_minutes: "Save the draft of the minutes",
    save_summary: "Save the draft of the summary",
    approve_minutes: "Approve the minutes",
    approve_summary: "Approve the summary",
    approve_explain: "Approved text is locked and cannot change. If something needs correcting later, you write a new version that replaces it; both stay in the record.",
    confirm_minutes: "Yes, approve and lock the minutes",
    confirm_summary: "Yes, approve and lock the summary",
    new_version: "Write a new version",
    text_saved: "The draft is saved.",
    text_approved: "The text is approved and locked.",
    export: "Record to file",
    export_lead: "Everything about the dialogue in one place: details, sessions, registrations, Q&A, minutes, summary and log.",
    export_archived: "The dialogue is archived. The record is ready to file.",
    diarienummer: "Your registry number (diarienummer)",
    show_record: "Show the record",
    download_json: "Download as JSON",
    print: "Print, or save as PDF with the browser's print.",
    exported_at: "Exported",
    exported_by: "by",
    audit: "Log",
    discussion_note: "The discussion below is open to the network's members.",
    add_host: "Add a co-host",
    host_added: "The co-host is added and logged.",
};
