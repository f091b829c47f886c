//! Spreadsheet downloads (CSV) as Swedish Excel opens them: UTF-8 with a
//! byte-order mark (so å, ä and ö survive), semicolons, CRLF, every value
//! quoted, and nothing a spreadsheet would run as a formula.

use csv::{QuoteStyle, Terminator, WriterBuilder};

/// A sheet with a header row and one row per entry.
pub fn sheet(header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut out = "\u{feff}".as_bytes().to_vec();
    write(
        &mut out,
        QuoteStyle::Necessary,
        [header.iter().map(|h| h.to_string()).collect()],
    );
    write(
        &mut out,
        QuoteStyle::Always,
        rows.into_iter()
            .map(|row| row.iter().map(|value| defuse(value)).collect()),
    );
    String::from_utf8(out).unwrap_or_default()
}

fn write(out: &mut Vec<u8>, style: QuoteStyle, rows: impl IntoIterator<Item = Vec<String>>) {
    let mut writer = WriterBuilder::new()
        .delimiter(b';')
        .quote_style(style)
        .terminator(Terminator::CRLF)
        .from_writer(out);
    for row in rows {
        // Writing to memory cannot fail.
        let _ = writer.write_record(&row);
    }
    let _ = writer.flush();
}

/// A value that starts like a formula (`=`, `+`, `-`, `@`, tab, CR) gets
/// a leading apostrophe, which spreadsheets show as text.
pub fn defuse(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sheet_quotes_values_and_defuses_formulas() {
        let csv = sheet(
            &["tid", "namn"],
            [vec![
                "=HYPERLINK(\"x\")".to_string(),
                "Fel län; fel tid".to_string(),
            ]],
        );
        assert_eq!(
            csv,
            "\u{feff}tid;namn\r\n\"'=HYPERLINK(\"\"x\"\")\";\"Fel län; fel tid\"\r\n"
        );
    }
}
