//! The hosts' documents' UI text and mail, in Swedish and English.

use crate::i18n::Lang;

pub struct DocumentText {
    pub heading: &'static str,
    pub public_lead: &'static str,
    pub host_lead: &'static str,
    pub none: &'static str,
    pub version: &'static str,
    pub published: &'static str,
    pub download: &'static str,
    pub earlier: &'static str,
    pub register_to_download: &'static str,
    pub publish_heading: &'static str,
    pub what: &'static str,
    pub new_document: &'static str,
    pub new_version_of: &'static str,
    pub title: &'static str,
    pub title_hint: &'static str,
    pub file: &'static str,
    pub file_hint: &'static str,
    pub note: &'static str,
    pub note_hint: &'static str,
    pub publish: &'static str,
    pub published_notice: &'static str,
    pub not_yet: &'static str,
    pub downloads_heading: &'static str,
    pub downloads_none: &'static str,
    pub downloaded: &'static str,
    pub mail_subject: &'static str,
    pub mail_intro: &'static str,
    pub told_new: &'static str,
    pub told_version: &'static str,
    pub published_log: &'static str,
}

pub fn text(lang: Lang) -> &'static DocumentText {
    match lang {
        Lang::Sv => &SV,
        Lang::En => &EN,
    }
}

static SV: DocumentText = DocumentText {
    heading: "Dokument",
    public_lead: "Värdarnas dokument i dialogen, till exempel utkast till upphandlingsdokument att lämna synpunkter på. Varje nytt dokument och varje ny version meddelas alla anmälda leverantörer samtidigt.",
    host_lead: "Publicera dokument till alla anmälda leverantörer, till exempel utkast till upphandlingsdokument i en extern remiss. Varje version sparas; en ny version noteras i informationsloggen och skickas med e-post till alla anmälda leverantörer.",
    none: "Inga dokument är publicerade.",
    version: "version",
    published: "publicerad",
    download: "Ladda ner",
    earlier: "Tidigare versioner",
    register_to_download: "Anmäl leverantören till dialogen för att ladda ner dokumenten och få besked om nya versioner.",
    publish_heading: "Publicera ett dokument",
    what: "Vad publiceras?",
    new_document: "Ett nytt dokument",
    new_version_of: "Ny version av:",
    title: "Dokumentets namn",
    title_hint: "Till exempel ”Utkast till kravspecifikation”. Behövs för ett nytt dokument.",
    file: "Fil",
    file_hint: "PDF, DOCX, XLSX, ODT, ODS, PNG eller JPEG, högst 10 MB. Filens innehåll kontrolleras, inte bara dess namn.",
    note: "Vad är nytt",
    note_hint: "Valfritt. Står i meddelandet till leverantörerna.",
    publish: "Publicera och meddela alla anmälda leverantörer",
    published_notice: "Dokumentet är publicerat. Alla anmälda leverantörer har fått samma besked.",
    not_yet: "Dokument kan publiceras när dialogen är annonserad.",
    downloads_heading: "Nedladdningar (syns bara för värdarna)",
    downloads_none: "Ingen anmäld leverantör har laddat ner något ännu.",
    downloaded: "första gången {first}, senast {last}, {times} gånger",
    mail_subject: "Nytt dokument i dialogen",
    mail_intro: "Värdarna har publicerat ett dokument. Alla anmälda leverantörer får samma besked samtidigt; dokumentet laddas ner från dialogens sida.",
    told_new: "Nytt dokument: {title} (version 1, {name}, {size}).",
    told_version: "Ny version av {title}: version {version} ({name}, {size}).",
    published_log: "Publicerade dokumentet {subject}",
};

static EN: DocumentText = DocumentText {
    heading: "Documents",
    public_lead: "The hosts' documents in the dialogue, for example draft procurement documents to comment on. Every new document and every new version is told to every registered supplier at the same moment.",
    host_lead: "Publish documents to every registered supplier, for example draft procurement documents in an external consultation. Every version is kept; a new version is noted in the information log and mailed to every registered supplier.",
    none: "No documents are published.",
    version: "version",
    published: "published",
    download: "Download",
    earlier: "Earlier versions",
    register_to_download: "Register the supplier for the dialogue to download the documents and be told of new versions.",
    publish_heading: "Publish a document",
    what: "What is published?",
    new_document: "A new document",
    new_version_of: "New version of:",
    title: "The document's name",
    title_hint: "For example “Draft requirements”. Needed for a new document.",
    file: "File",
    file_hint: "PDF, DOCX, XLSX, ODT, ODS, PNG or JPEG, at most 10 MB. The file's content is checked, not only its name.",
    note: "What is new",
    note_hint: "Optional. It is in the message to the suppliers.",
    publish: "Publish and tell every registered supplier",
    published_notice: "The document is published. Every registered supplier has been told the same.",
    not_yet: "Documents can be published once the dialogue is announced.",
    downloads_heading: "Downloads (shown to the hosts only)",
    downloads_none: "No registered supplier has downloaded anything yet.",
    downloaded: "first {first}, last {last}, {times} times",
    mail_subject: "New document in the dialogue",
    mail_intro: "The hosts have published a document. Every registered supplier is told the same at the same moment; the document is downloaded from the dialogue's page.",
    told_new: "New document: {title} (version 1, {name}, {size}).",
    told_version: "New version of {title}: version {version} ({name}, {size}).",
    published_log: "Published the document {subject}",
};

/// How a publication reads in the audit log; `subject` is "title vN".
pub fn published_log(subject: &str, lang: Lang) -> String {
    text(lang).published_log.replace("{subject}", subject)
}

/// What suppliers are told of a publication.
pub fn told(title: &str, version: i64, name: &str, size: i64, note: &str, lang: Lang) -> String {
    let t = text(lang);
    let template = if version == 1 {
        t.told_new
    } else {
        t.told_version
    };
    let line = template
        .replace("{title}", title)
        .replace("{version}", &version.to_string())
        .replace("{name}", name)
        .replace("{size}", &crate::core::files::size_text(size, lang));
    if note.is_empty() {
        line
    } else {
        format!("{line}\n\n{note}")
    }
}
