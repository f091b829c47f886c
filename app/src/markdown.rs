//! Markdown that people write (needs, requirements, comments), rendered on
//! the server into HTML that cannot run anything: raw HTML is shown as
//! text, only http(s), mailto and same-site links survive, every link gets
//! rel="nofollow noopener", and images become their alt text.

use pulldown_cmark::{html, CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};

/// Which renderer made a stored HTML text. Raise it whenever `to_html`
/// gives other HTML for the same source (an option, a link rule, a new
/// pulldown-cmark that renders differently): stored texts of an older
/// renderer are then rendered again, on the page and by housekeeping.
pub const RENDERER: i64 = 1;

pub fn to_html(source: &str) -> String {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options.insert(Options::ENABLE_TABLES);
    let mut in_image = false;
    let mut open_links: Vec<bool> = Vec::new();
    let events = Parser::new_ext(source, options).filter_map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Some(Event::Text(raw)),
        Event::Start(Tag::Image { .. }) => {
            in_image = true;
            None
        }
        Event::End(TagEnd::Image) => {
            in_image = false;
            None
        }
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            ..
        }) => {
            let safe = safe_url(link_type, &dest_url);
            open_links.push(safe.is_some());
            safe.map(|url| {
                Event::Html(CowStr::from(format!(
                    "<a href=\"{}\" rel=\"nofollow noopener\">",
                    escape_attribute(&url)
                )))
            })
        }
        Event::End(TagEnd::Link) => open_links
            .pop()
            .unwrap_or(false)
            .then_some(Event::Html(CowStr::Borrowed("</a>"))),
        other if in_image => match other {
            Event::Text(_) | Event::Code(_) => Some(other),
            _ => None,
        },
        other => Some(other),
    });
    let mut out = String::with_capacity(source.len() * 3 / 2);
    html::push_html(&mut out, events);
    out
}

/// What a reader of the rendered text reads, without markup: the words the
/// search index holds and its snippets show. Raw HTML stays its text, as
/// on the page; link addresses, which a reader does not see, are left out.
pub fn to_text(source: &str) -> String {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options.insert(Options::ENABLE_TABLES);
    let mut out = String::with_capacity(source.len());
    for event in Parser::new_ext(source, options) {
        match event {
            Event::Text(text) | Event::Code(text) | Event::Html(text) | Event::InlineHtml(text) => {
                out.push_str(&text)
            }
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_)
                | TagEnd::TableCell,
            ) => out.push('\n'),
            _ => {}
        }
    }
    out.trim_end().to_string()
}

/// The link's address if it is one a reader may safely follow.
fn safe_url(link_type: LinkType, url: &str) -> Option<String> {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    // A browser reads "/\host" as "//host": another site.
    let relative = link_type != LinkType::Email
        && !url.contains('\\')
        && ((url.starts_with('/') && !url.starts_with("//")) || url.starts_with('#'));
    let allowed = lower.starts_with("https://")
        || lower.starts_with("http://")
        || lower.starts_with("mailto:")
        || link_type == LinkType::Email
        || relative;
    allowed.then(|| url.to_string())
}

fn escape_attribute(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Stored HTML is trusted while `RENDERER` stays: when this fails,
    /// the renderer's output changed, so raise `RENDERER` with the new text.
    #[test]
    fn the_renderer_number_goes_with_what_it_renders() {
        assert_eq!(RENDERER, 1);
        assert_eq!(
            to_html("Vi *vill* **ha** ~~det~~ `kod` [här](https://x.se) ![bild](https://x.se/b.png) <b>rå</b>\n\n| a |\n|---|\n| b |"),
            "<p>Vi <em>vill</em> <strong>ha</strong> <del>det</del> <code>kod</code> \
             <a href=\"https://x.se\" rel=\"nofollow noopener\">här</a> bild &lt;b&gt;rå&lt;/b&gt;</p>\n\
             <table><thead><tr><th>a</th></tr></thead><tbody>\n<tr><td>b</td></tr>\n</tbody></table>\n"
        );
    }

    #[test]
    fn the_text_of_markdown_is_what_a_reader_reads() {
        assert_eq!(
            to_text("# Cyklar\n\nVi behöver **fler** [cykelställ](https://x.se).\n\n- en\n- två"),
            "Cyklar\nVi behöver fler cykelställ.\nen\ntvå"
        );
        assert_eq!(to_text("<b>rå</b> text"), "<b>rå</b> text");
    }

    #[test]
    fn raw_html_and_scripts_are_shown_as_text() {
        let html = to_html("Hej <script>alert(1)</script> och <img src=x onerror=alert(2)>");
        assert!(
            !html.contains("<script") && !html.contains("<img"),
            "{html}"
        );
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    #[test]
    fn javascript_links_lose_their_link_and_keep_their_text() {
        let html = to_html("[klicka](javascript:alert(1)) och [data](data:text/html,x)");
        assert!(!html.contains("href"), "{html}");
        assert!(html.contains("klicka") && html.contains("data"), "{html}");
        let html = to_html("[klicka](JavaScript:alert(1))");
        assert!(!html.contains("href"), "{html}");
        let html = to_html("[hem](/\\evil.example)");
        assert!(
            !html.contains("href"),
            "a backslash path is another site: {html}"
        );
    }

    #[test]
    fn ordinary_links_get_nofollow_noopener() {
        let html = to_html(
            "Se [upphandlingsmyndigheten](https://www.upphandlingsmyndigheten.se/?a=1&b=\"2\").",
        );
        assert!(
            html.contains(r#"<a href="https://www.upphandlingsmyndigheten.se/?a=1&amp;b=&quot;2&quot;" rel="nofollow noopener">upphandlingsmyndigheten</a>"#),
            "{html}"
        );
        let auto = to_html("<https://example.se>");
        assert!(auto.contains(r#"rel="nofollow noopener""#), "{auto}");
    }

    #[test]
    fn images_become_their_alt_text_and_lists_stay_lists() {
        let html = to_html("![ett diagram](https://evil.example/x.png)\n\n- ett\n- två");
        assert!(
            !html.contains("<img") && html.contains("ett diagram"),
            "{html}"
        );
        assert!(html.contains("<ul>\n<li>ett</li>"), "{html}");
    }
}
