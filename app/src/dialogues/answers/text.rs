//! The written answers' UI text and receipt mail, in Swedish and English.

use crate::i18n::Lang;

pub struct AnswerText {
    pub heading: &'static str,
    pub lead: &'static str,
    pub deadline: &'static str,
    pub closed: &'static str,
    pub not_registered: &'static str,
    pub for_supplier: &'static str,
    pub confidentiality_note: &'static str,
    pub question: &'static str,
    pub answer: &'static str,
    pub answer_hint: &'static str,
    pub secret_summary: &'static str,
    pub secret_what: &'static str,
    pub secret_why: &'static str,
    pub secret_harm: &'static str,
    pub summary_answer: &'static str,
    pub summary_what: &'static str,
    pub summary_why: &'static str,
    pub summary_harm: &'static str,
    pub save_draft: &'static str,
    pub submit: &'static str,
    pub submit_hint: &'static str,
    pub saved: &'static str,
    pub last_saved: &'static str,
    pub submitted_heading: &'static str,
    pub none_submitted: &'static str,
    pub version: &'static str,
    pub receipt_heading: &'static str,
    pub receipt_number: &'static str,
    pub received_at: &'static str,
    pub supplier: &'static str,
    pub submitted_by: &'static str,
    pub digest: &'static str,
    pub digest_hint: &'static str,
    pub received_notice: &'static str,
    pub parts: &'static str,
    pub chars: &'static str,
    pub secret_requested: &'static str,
    pub secret_request: &'static str,
    pub no_answer: &'static str,
    pub versions: &'static str,
    pub this_version: &'static str,
    pub back_to_answer: &'static str,
    pub back_to_dialogue: &'static str,
    pub received_heading: &'static str,
    pub none_received: &'static str,
    pub members_after_deadline: &'static str,
    pub open_answer: &'static str,
    pub json: &'static str,
    pub diarienummer: &'static str,
    pub write_answer: &'static str,
    pub written_lead: &'static str,
    pub receipt_subject: &'static str,
    pub receipt_intro: &'static str,
    pub dialogue: &'static str,
    pub receipt_link: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub files_heading: &'static str,
    pub files_rules: &'static str,
    pub files_none: &'static str,
    pub add_files: &'static str,
    pub add_files_hint: &'static str,
    pub attach: &'static str,
    pub remove_file: &'static str,
    pub files_saved: &'static str,
    pub refused_files: &'static str,
    pub unsent_files: &'static str,
    pub file_secret_summary: &'static str,
    pub summary_files: &'static str,
    pub summary_file_what: &'static str,
    pub summary_file_why: &'static str,
    pub summary_file_harm: &'static str,
    pub attachment: &'static str,
    pub zip: &'static str,
    pub zip_hint: &'static str,
    pub zip_file: &'static str,
    pub zip_bytes: &'static str,
}

pub fn text(lang: Lang) -> &'static AnswerText {
    match lang {
        Lang::Sv => &SV,
        Lang::En => &EN,
    }
}

static SV: AnswerText = AnswerText {
    heading: "Skriftligt svar",
    lead: "Svara på frågorna nedan. Du kan spara ett utkast och fortsätta senare; först när du lämnar in är det ett svar. Du kan lämna in igen före svarstiden: varje inlämning blir en ny version, och alla versioner sparas.",
    deadline: "Svarstid",
    closed: "Svarstiden har gått ut. Inga fler svar eller ändringar tas emot.",
    not_registered: "Anmäl leverantören till dialogen för att kunna svara.",
    for_supplier: "Svarar för",
    confidentiality_note: "Om sekretess: de organisationer som tar emot svaret kan inte lova att det hålls hemligt. Svaret blir en allmän handling när det kommer in. Om någon begär att få ta del av det prövar organisationen då, för varje del, om uppgifterna omfattas av sekretess (offentlighets- och sekretesslagen 31 kap. 16 §). Er begäran om sekretess, med skäl, följer med svaret och vägs in i den prövningen.",
    question: "Fråga",
    answer: "Svar",
    answer_hint: "Högst 20 000 tecken per svar och 100 000 i allt. Du kan använda Markdown för rubriker, listor och länkar; HTML visas som text.",
    secret_summary: "Begär sekretess för den här delen",
    secret_what: "Vilka uppgifter är känsliga?",
    secret_why: "Varför? (till exempel affärs- eller driftförhållanden)",
    secret_harm: "Vilken skada skulle det göra om uppgifterna lämnades ut?",
    summary_answer: "Svar på fråga",
    summary_what: "Känsliga uppgifter, fråga",
    summary_why: "Skäl för sekretess, fråga",
    summary_harm: "Skada vid utlämnande, fråga",
    save_draft: "Spara utkast",
    submit: "Lämna in svaret",
    submit_hint: "När du lämnar in får du ett kvitto här och med e-post.",
    saved: "Utkastet är sparat. Det är inte inlämnat.",
    last_saved: "Senast sparat",
    submitted_heading: "Inlämnade versioner",
    none_submitted: "Inget är inlämnat än.",
    version: "Version",
    receipt_heading: "Kvitto",
    receipt_number: "Kvittonummer",
    received_at: "Inkom",
    supplier: "Leverantör",
    submitted_by: "Inlämnat av",
    digest: "Kontrollsumma (SHA-256)",
    digest_hint: "Kontrollsumman är beräknad över svarets innehåll. Samma innehåll ger alltid samma summa, så den visar att svaret inte har ändrats efteråt.",
    received_notice: "Svaret är inlämnat. Här är ditt kvitto; det har också skickats med e-post.",
    parts: "Delar",
    chars: "tecken",
    secret_requested: "sekretess begärd",
    secret_request: "Begäran om sekretess",
    no_answer: "(inget svar)",
    versions: "Alla versioner",
    this_version: "den här",
    back_to_answer: "Till ert svar",
    back_to_dialogue: "Till dialogen",
    received_heading: "Inkomna skriftliga svar",
    none_received: "Inga svar har kommit in än.",
    members_after_deadline: "Svaren visas för nätverkets medlemmar när svarstiden har gått ut. Värdarna läser dem när de kommer in.",
    open_answer: "Läs svaret",
    json: "Svaret som JSON (med innehållet kontrollsumman beräknas över)",
    diarienummer: "Diarienummer (valfritt, följer med filen)",
    write_answer: "Skriv ert svar",
    written_lead: "Dialogen tar emot skriftliga svar från anmälda leverantörer.",
    receipt_subject: "Kvitto",
    receipt_intro: "Ert svar har kommit in till Samråd.",
    dialogue: "Dialog",
    receipt_link: "Kvittot och svaret",
    yes: "Ja",
    no: "Nej",
    files_heading: "Bilagor",
    files_rules: "Du kan bifoga PDF, DOCX, XLSX, ODT, ODS, PNG och JPEG: högst 10 MB per fil, 25 MB och 20 filer sammanlagt. Filens typ kontrolleras från dess innehåll.",
    files_none: "Inga bilagor ännu.",
    add_files: "Lägg till filer",
    add_files_hint: "Du kan välja flera filer. De bifogas när du sparar utkastet eller lämnar in; du kan sedan begära sekretess för varje fil.",
    attach: "Bifoga och spara utkast",
    remove_file: "Ta bort",
    files_saved: "Bilagorna är sparade i utkastet.",
    refused_files: "Inte bifogade",
    unsent_files: "Formuläret hade fel, så de här filerna bifogades inte heller. Rätta felen och välj filerna igen:",
    file_secret_summary: "Begär sekretess för filen",
    summary_files: "Bilagor",
    summary_file_what: "Bilaga: vad som är känsligt",
    summary_file_why: "Bilaga: varför",
    summary_file_harm: "Bilaga: vilken skada ett utlämnande skulle göra",
    attachment: "Bilaga",
    zip: "Alla svar som ZIP",
    zip_hint: "Varje version som utskriftsvänlig sida och som JSON, med bilagorna och en innehållsförteckning (innehall.csv) med varje fils SHA-256.",
    zip_file: "Fil",
    zip_bytes: "Byte",
};

static EN: AnswerText = AnswerText {
    heading: "Written answer",
    lead: "Answer the questions below. You can save a draft and go on later; only when you submit is it an answer. You can submit again before the deadline: each submission becomes a new version, and every version is kept.",
    deadline: "Answer deadline",
    closed: "The answer deadline has passed. No more answers or changes are taken.",
    not_registered: "Register the supplier for the dialogue to answer.",
    for_supplier: "Answering for",
    confidentiality_note: "On confidentiality: the organisations that receive the answer cannot promise to keep it secret. The answer becomes an official document when it arrives. If someone asks to see it, each organisation then decides, part by part, whether the information is covered by secrecy (Swedish Public Access to Information and Secrecy Act, chapter 31, section 16). Your request for confidentiality, with its reasons, goes with the answer and is weighed in that decision.",
    question: "Question",
    answer: "Answer",
    answer_hint: "At most 20,000 characters per answer and 100,000 in all. You can use Markdown for headings, lists and links; HTML is shown as text.",
    secret_summary: "Ask for this part to be kept confidential",
    secret_what: "Which information is sensitive?",
    secret_why: "Why? (for example business or operating conditions)",
    secret_harm: "What harm would disclosure do?",
    summary_answer: "Answer to question",
    summary_what: "Sensitive information, question",
    summary_why: "Reason for confidentiality, question",
    summary_harm: "Harm of disclosure, question",
    save_draft: "Save draft",
    submit: "Submit the answer",
    submit_hint: "When you submit you get a receipt here and by e-mail.",
    saved: "The draft is saved. It is not submitted.",
    last_saved: "Last saved",
    submitted_heading: "Submitted versions",
    none_submitted: "Nothing has been submitted yet.",
    version: "Version",
    receipt_heading: "Receipt",
    receipt_number: "Receipt number",
    received_at: "Received",
    supplier: "Supplier",
    submitted_by: "Submitted by",
    digest: "Checksum (SHA-256)",
    digest_hint: "The checksum is computed over the answer's content. The same content always gives the same checksum, so it shows that the answer has not been changed since.",
    received_notice: "The answer is submitted. Here is your receipt; it has also been sent by e-mail.",
    parts: "Parts",
    chars: "characters",
    secret_requested: "confidentiality requested",
    secret_request: "Request for confidentiality",
    no_answer: "(no answer)",
    versions: "All versions",
    this_version: "this one",
    back_to_answer: "To your answer",
    back_to_dialogue: "To the dialogue",
    received_heading: "Written answers received",
    none_received: "No answers have arrived yet.",
    members_after_deadline: "The network's members see the answers once the deadline has passed. The hosts read them as they arrive.",
    open_answer: "Read the answer",
    json: "The answer as JSON (with the content the checksum is computed over)",
    diarienummer: "Registration number (optional, goes with the file)",
    write_answer: "Write your answer",
    written_lead: "The dialogue takes written answers from registered suppliers.",
    receipt_subject: "Receipt",
    receipt_intro: "Your answer has reached Samråd.",
    dialogue: "Dialogue",
    receipt_link: "The receipt and the answer",
    yes: "Yes",
    no: "No",
    files_heading: "Attachments",
    files_rules: "You can attach PDF, DOCX, XLSX, ODT, ODS, PNG and JPEG: at most 10 MB per file, 25 MB and 20 files in all. A file's type is checked from its content.",
    files_none: "No attachments yet.",
    add_files: "Add files",
    add_files_hint: "You can choose several files. They are attached when you save the draft or submit; you can then request confidentiality for each file.",
    attach: "Attach and save draft",
    remove_file: "Remove",
    files_saved: "The attachments are saved in the draft.",
    refused_files: "Not attached",
    unsent_files: "The form had errors, so these files were not attached either. Correct the errors and choose the files again:",
    file_secret_summary: "Request confidentiality for the file",
    summary_files: "Attachments",
    summary_file_what: "Attachment: what is sensitive",
    summary_file_why: "Attachment: why",
    summary_file_harm: "Attachment: what harm disclosure would do",
    attachment: "Attachment",
    zip: "All answers as ZIP",
    zip_hint: "Every version as a printable page and as JSON, with the attachments and a table of contents (innehall.csv) giving each file's SHA-256.",
    zip_file: "File",
    zip_bytes: "Bytes",
};

/// A part as the receipt lists it: "1. Question? (1 234 characters,
/// confidentiality requested)".
pub fn part_line(part: &super::AnswerPart, lang: Lang) -> String {
    let t = text(lang);
    let length = part.answer.chars().count();
    let secret = if part.secret.is_some() {
        format!(", {}", t.secret_requested)
    } else {
        String::new()
    };
    format!(
        "{}. {} ({length} {}{secret})",
        part.position, part.question, t.chars
    )
}

/// A file as the receipt lists it: "bilaga.pdf (1,2 MB, confidentiality
/// requested)".
pub fn file_line(file: &super::AttachedFile, lang: Lang) -> String {
    let t = text(lang);
    let secret = if file.secret.is_some() {
        format!(", {}", t.secret_requested)
    } else {
        String::new()
    };
    format!(
        "{} ({}{secret})",
        file.name,
        crate::core::files::size_text(file.size, lang)
    )
}

/// The receipt mail (subject, body) in the person's language.
#[cfg(feature = "ssr")]
pub fn receipt_mail(
    lang: Lang,
    title: &str,
    supplier: &str,
    person: &str,
    s: &super::store::Submitted,
    url: &str,
) -> (String, String) {
    let t = text(lang);
    let (local, utc) = crate::time::receipt_times(s.content.submitted_at);
    let parts: Vec<String> = s
        .content
        .parts
        .iter()
        .filter(|p| !p.answer.is_empty())
        .map(|p| format!("  {}", part_line(p, lang)))
        .collect();
    let files: String = s
        .content
        .attachments
        .iter()
        .map(|f| format!("\n{} {}: {}", t.attachment, f.position, file_line(f, lang)))
        .collect();
    (
        format!("{} {}: {title}", t.receipt_subject, s.receipt),
        format!(
            "{}\n\n{}: {}\n{}: {local}\n    {utc}\n{}: {title}\n{}: {supplier}\n{}: {person}\n{}: {}\n{}:\n{}{files}\n{}: {}\n\n{}: {url}\n\n{}",
            t.receipt_intro,
            t.receipt_number,
            s.receipt,
            t.received_at,
            t.dialogue,
            t.supplier,
            t.submitted_by,
            t.version,
            s.content.version,
            t.parts,
            parts.join("\n"),
            t.digest,
            s.digest,
            t.receipt_link,
            t.confidentiality_note,
        ),
    )
}
