//! Every written answer of a dialogue as one ZIP, for diarieföring: each
//! submission (every version) as a print-ready page and as JSON with its
//! files, and a table of contents that lists every file in the ZIP with
//! its SHA-256, so the registrar can check that nothing changed.
//!
//! The files are stored uncompressed: PDF, DOCX, XLSX, ODF, PNG and JPEG
//! are compressed already, and a stored entry opens in every unzip tool.

use super::{text::text, Submission};
use crate::{
    core::files::{sha256_hex, size_text},
    error::AppError,
    i18n::Lang,
    time::receipt_times,
};
use std::io::{Seek, Write};

/// One submission's files for the ZIP: its JSON, its page, its files.
pub struct Entry {
    pub submission: Submission,
    pub json: String,
    pub files: Vec<(String, Vec<u8>)>,
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Writing to a String cannot fail.
    let _ = pulldown_cmark_escape::escape_html(&mut out, text);
    out
}

/// A folder name from a supplier's name: letters, digits and hyphens, so
/// every unzip tool on every system takes it.
fn folder(n: usize, s: &Submission) -> String {
    let mut name: String = s
        .supplier_name
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    while name.contains("--") {
        name = name.replace("--", "-");
    }
    let name: String = name.trim_matches('-').chars().take(60).collect();
    format!("{n:03}-{name}-v{}", s.content.version)
}

/// A submission as a page to print, in the exporter's language.
fn page(s: &Submission, title: &str, diarienummer: &str, lang: Lang) -> String {
    let t = text(lang);
    let (local, utc) = receipt_times(s.content.submitted_at);
    let mut out = format!(
        "<!doctype html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{} {}</title>\
         <style>body{{font-family:sans-serif;max-width:50rem;margin:2rem auto;line-height:1.5}}\
         .secret{{border:3px solid #000;padding:0 1rem}}</style></head><body>\n<h1>{} {}</h1>\n",
        lang.code(),
        escape(t.receipt_heading),
        escape(&s.receipt),
        escape(t.receipt_heading),
        escape(&s.receipt),
    );
    let mut fact = |label: &str, value: &str| {
        out.push_str(&format!(
            "<p><strong>{}:</strong> {}</p>\n",
            escape(label),
            escape(value)
        ));
    };
    if !diarienummer.is_empty() {
        fact(t.diarienummer, diarienummer);
    }
    fact(t.dialogue, title);
    fact(t.supplier, &s.supplier_name);
    fact(t.submitted_by, &s.submitted_by);
    fact(t.received_at, &format!("{local} ({utc})"));
    fact(t.version, &s.content.version.to_string());
    fact(t.digest, &s.digest);
    let secrets: Vec<(String, &super::SecretRequest)> = s
        .content
        .parts
        .iter()
        .filter_map(|p| {
            p.secret
                .as_ref()
                .map(|r| (format!("{} {}: {}", t.question, p.position, p.question), r))
        })
        .chain(s.content.attachments.iter().filter_map(|f| {
            f.secret
                .as_ref()
                .map(|r| (format!("{} {}: {}", t.attachment, f.position, f.name), r))
        }))
        .collect();
    if !secrets.is_empty() {
        out.push_str(&format!(
            "<section class=\"secret\"><h2>{}</h2>\n<p>{}</p>\n",
            escape(t.secret_request),
            escape(t.confidentiality_note)
        ));
        for (what_part, r) in secrets {
            out.push_str(&format!(
                "<h3>{}</h3>\n<p><strong>{}:</strong> {}</p>\n<p><strong>{}:</strong> {}</p>\n\
                 <p><strong>{}:</strong> {}</p>\n",
                escape(&what_part),
                escape(t.secret_what),
                escape(&r.what),
                escape(t.secret_why),
                escape(&r.why),
                escape(t.secret_harm),
                escape(&r.harm),
            ));
        }
        out.push_str("</section>\n");
    }
    out.push_str(&format!("<h2>{}</h2>\n", escape(t.parts)));
    for (p, html) in s.content.parts.iter().zip(&s.html) {
        out.push_str(&format!(
            "<h3>{} {}: {}</h3>\n",
            escape(t.question),
            p.position,
            escape(&p.question)
        ));
        if p.answer.is_empty() {
            out.push_str(&format!("<p>{}</p>\n", escape(t.no_answer)));
        } else {
            out.push_str(html);
        }
    }
    if !s.content.attachments.is_empty() {
        out.push_str(&format!("<h2>{}</h2>\n<ul>\n", escape(t.files_heading)));
        for f in &s.content.attachments {
            out.push_str(&format!(
                "<li>{} ({}), SHA-256 {}</li>\n",
                escape(&f.name),
                escape(&size_text(f.size, lang)),
                escape(&f.sha256)
            ));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</body></html>\n");
    out
}

/// The ZIP, written one submission at a time into `W` (a temporary file
/// for the download), so only one submission's files are ever in memory:
/// a folder per submission, oldest first, and `innehall.csv` at the end.
pub struct ZipOut<W: Write + Seek> {
    writer: zip::ZipWriter<W>,
    rows: Vec<Vec<String>>,
    added: usize,
    title: String,
    diarienummer: String,
    lang: Lang,
}

fn stored() -> zip::write::SimpleFileOptions {
    zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .unix_permissions(0o644)
}

impl<W: Write + Seek> ZipOut<W> {
    pub fn new(out: W, title: &str, diarienummer: &str, lang: Lang) -> ZipOut<W> {
        ZipOut {
            writer: zip::ZipWriter::new(out),
            rows: Vec::new(),
            added: 0,
            title: title.to_string(),
            diarienummer: diarienummer.to_string(),
            lang,
        }
    }

    fn write(&mut self, path: &str, bytes: &[u8]) -> Result<(), AppError> {
        self.writer
            .start_file(path, stored())
            .map_err(AppError::internal)?;
        self.writer.write_all(bytes).map_err(AppError::internal)
    }

    /// The next submission's folder: its page, its JSON, its files.
    pub fn add(&mut self, entry: Entry) -> Result<(), AppError> {
        self.added += 1;
        let s = &entry.submission;
        let dir = folder(self.added, s);
        let (local, _) = receipt_times(s.content.submitted_at);
        let page = page(s, &self.title, &self.diarienummer, self.lang);
        let mut parts = vec![
            (format!("{dir}/svar.html"), page.into_bytes()),
            (format!("{dir}/svar.json"), entry.json.into_bytes()),
        ];
        parts.extend(
            entry
                .files
                .into_iter()
                .enumerate()
                .map(|(i, (name, bytes))| (format!("{dir}/bilagor/{}-{name}", i + 1), bytes)),
        );
        for (path, bytes) in parts {
            self.write(&path, &bytes)?;
            self.rows.push(vec![
                path,
                s.supplier_name.clone(),
                s.content.version.to_string(),
                s.receipt.clone(),
                local.clone(),
                bytes.len().to_string(),
                sha256_hex(&bytes),
            ]);
        }
        Ok(())
    }

    /// The table of contents, and the ZIP closed.
    pub fn finish(mut self) -> Result<W, AppError> {
        let t = text(self.lang);
        let contents = crate::core::sheet::sheet(
            &[
                t.zip_file,
                t.supplier,
                t.version,
                t.receipt_number,
                t.received_at,
                t.zip_bytes,
                "SHA-256",
            ],
            std::mem::take(&mut self.rows),
        );
        self.write("innehall.csv", contents.as_bytes())?;
        self.writer.finish().map_err(AppError::internal)
    }
}
