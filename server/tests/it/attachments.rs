//! Files attached to written answers: the kind read from the bytes, the
//! limits, a confidentiality request per file, files bound into the
//! receipt's digest, downloads only for those who may read the answer,
//! and every answer with its files as one ZIP for diarieföring.

use crate::answers::{page, receipt, rfi, QUESTIONS};
use crate::helpers::Multipart;
use crate::market::{person, register, supplier_person};
use crate::networks::PASSWORD;
use app::core::files::{sha256_hex, FILE_MAX};
use std::io::Read;

const PDF: &[u8] =
    b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";
const PNG: &[u8] = &[
    0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, b'I', b'H', b'D', b'R',
];
/// The start of a Windows program.
const EXE: &[u8] = &[0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00];

/// The answer form as the page sends it: the supplier, the questions'
/// key, one answer per question, then the files' fields and the button.
fn answer_form(supplier: &str, answers: [&str; 2]) -> Multipart {
    let key = app::dialogues::answers::questions_key(&QUESTIONS.map(String::from));
    let mut body = Multipart::default()
        .field("supplier", supplier)
        .field("questions", &key);
    for answer in answers {
        body = body
            .field("answer[]", answer)
            .field("what[]", "")
            .field("why[]", "")
            .field("harm[]", "");
    }
    body
}

fn save_path(dialogue: &str) -> String {
    format!("/marknadsdialoger/{dialogue}/svar/spara")
}

/// The answer's public id from the redirect after a submission.
fn submitted(location: &str) -> String {
    assert!(location.contains("inlamnat=1"), "{location}");
    location
        .split("/kvitto/")
        .nth(1)
        .and_then(|rest| rest.split('?').next())
        .unwrap()
        .to_string()
}

/// A path on our site from a Location that may name the site.
fn local(location: &str) -> String {
    location
        .strip_prefix(crate::helpers::SITE)
        .unwrap_or(location)
        .to_string()
}

db_test!(
    attached_files_come_back_byte_identical_and_the_receipts_digest_binds_them,
    |app| {
        let (dialogue, anna, _, _) = rfi(&app).await;
        let (sara, s1) = supplier_person(&app, "Sara", "sara@lev1.se", 1).await;
        assert_eq!(register(&app, &sara, &dialogue, &s1).await, 200);

        let body = answer_form(&s1, ["Se bilagan.", ""])
            .field("intent", "draft")
            .file("files", "Offert å.pdf", PDF)
            .file("files", "", b"")
            .end();
        let res = app
            .post_multipart(Some(&sara), &save_path(&dialogue), body, true)
            .await;
        assert_eq!(res.status, 303, "{}", res.body);
        assert!(res.header("location").contains("bilagor=1"));
        let drafted = page(&app, &sara, &dialogue).await;
        assert_eq!(drafted.parts[0].answer, "Se bilagan.");
        assert_eq!(drafted.files.len(), 1, "the empty file input is no file");
        let file = drafted.files[0].clone();
        assert_eq!(
            (file.name.as_str(), file.size),
            ("Offert å.pdf", PDF.len() as i64)
        );
        let (status, _, bytes) = app
            .get_bytes(
                Some(&sara),
                &format!(
                    "/marknadsdialoger/{dialogue}/svar/bilagor/{}?leverantor={s1}",
                    file.public_id
                ),
            )
            .await;
        assert_eq!((status.as_u16(), bytes.as_slice()), (200, PDF));

        let body = answer_form(&s1, ["Se bilagan.", ""])
            .field("file[]", &file.public_id)
            .field("file_what[]", "Priserna i bilagan")
            .field("file_why[]", "Affärshemlighet")
            .field("file_harm[]", "Konkurrenter ser våra priser")
            .field("intent", "submit")
            .file("files", "skiss.png", PNG)
            .end();
        let res = app
            .post_multipart(Some(&sara), &save_path(&dialogue), body, true)
            .await;
        assert_eq!(res.status, 303, "{}", res.body);
        let first = submitted(res.header("location"));
        let r = receipt(&app, &sara, &dialogue, &first).await;
        let files = &r.content.attachments;
        assert_eq!(files.len(), 2);
        assert_eq!(
            (files[0].name.as_str(), files[0].sha256.as_str()),
            ("Offert å.pdf", sha256_hex(PDF).as_str())
        );
        assert_eq!(files[0].secret.as_ref().unwrap().why, "Affärshemlighet");
        assert_eq!(
            (files[1].media_type.as_str(), files[1].secret.as_ref()),
            ("image/png", None)
        );
        let recomputed = sha256_hex(serde_json::to_string(&r.content).unwrap().as_bytes());
        assert_eq!(recomputed, r.digest, "the digest covers the files' digests");
        assert!(r.asks_confidentiality());
        let mail = app
            .mails_to("sara@lev1.se")
            .await
            .into_iter()
            .find(|(subject, _)| subject.contains(&r.receipt))
            .expect("receipt mailed");
        let line = format!("Offert å.pdf ({} B, sekretess begärd)", PDF.len());
        assert!(mail.1.contains(&line), "{}", mail.1);

        for (who, cookie, path) in [
            (
                "the supplier",
                &sara,
                format!("/marknadsdialoger/{dialogue}/kvitto/{first}/bilagor/1"),
            ),
            (
                "the host",
                &anna,
                format!("/dialoger/{dialogue}/svar/{first}/bilagor/1"),
            ),
        ] {
            let (status, headers, bytes) = app.get_bytes(Some(cookie), &path).await;
            assert_eq!(status, 200, "{who}");
            assert_eq!(bytes, PDF, "{who} gets the bytes sent");
            let header = |name: &str| headers.get(name).unwrap().to_str().unwrap().to_string();
            assert_eq!(header("content-type"), "application/pdf");
            assert_eq!(
                header("content-disposition"),
                "attachment; filename=\"Offert _.pdf\"; filename*=UTF-8''Offert%20%C3%A5.pdf"
            );
            assert_eq!(header("x-content-type-options"), "nosniff");
            assert!(header("content-security-policy").starts_with("sandbox"));
        }

        // A second version without the PDF: the first keeps it.
        let body = answer_form(&s1, ["Nu utan offert.", ""])
            .field("intent", &format!("remove:{}", file.public_id))
            .end();
        let res = app
            .post_multipart(Some(&sara), &save_path(&dialogue), body, true)
            .await;
        assert_eq!(res.status, 303, "{}", res.body);
        assert_eq!(page(&app, &sara, &dialogue).await.files.len(), 1);
        let body = answer_form(&s1, ["Nu utan offert.", ""])
            .field("intent", "submit")
            .end();
        let res = app
            .post_multipart(Some(&sara), &save_path(&dialogue), body, true)
            .await;
        let second = submitted(res.header("location"));
        let r2 = receipt(&app, &sara, &dialogue, &second).await;
        assert_eq!(r2.content.version, 2);
        assert_eq!(r2.content.attachments.len(), 1);
        assert_eq!(r2.content.attachments[0].name, "skiss.png");
        let (status, _, bytes) = app
            .get_bytes(
                Some(&anna),
                &format!("/dialoger/{dialogue}/svar/{first}/bilagor/1"),
            )
            .await;
        assert_eq!((status.as_u16(), bytes.as_slice()), (200, PDF));
        assert_eq!(app.count("stored_files").await, 2, "each file stored once");
    }
);

db_test!(
    a_disguised_empty_or_oversized_file_is_refused_with_the_text_kept_and_nothing_stored,
    |app| {
        let (dialogue, _, _, _) = rfi(&app).await;
        let (sara, s1) = supplier_person(&app, "Sara", "sara@lev1.se", 1).await;
        assert_eq!(register(&app, &sara, &dialogue, &s1).await, 200);
        let path = save_path(&dialogue);
        let stored = || async {
            (
                app.count("stored_files").await,
                app.count("answer_drafts").await,
                app.count("answer_draft_files").await,
            )
        };

        let disguised = || {
            answer_form(&s1, ["Text som inte får försvinna", ""])
                .field("intent", "draft")
                .file("files", "bra.pdf", PDF)
                .file("files", "program.pdf", EXE)
                .end()
        };
        let res = app
            .post_multipart(Some(&sara), &path, disguised(), false)
            .await;
        assert_eq!(res.status, 400, "{}", res.body);
        assert!(res.body.contains("\"file_kind\""), "{}", res.body);
        assert!(res.body.contains("program.pdf"), "{}", res.body);
        assert_eq!(
            stored().await,
            (0, 0, 0),
            "nothing kept, not even the good file"
        );

        // A browser is sent back to the form: the error waits on the
        // server, the page shows it with what was typed.
        let res = app
            .post_multipart(Some(&sara), &path, disguised(), true)
            .await;
        assert_eq!(res.status, 303);
        let location = res.header("location").to_string();
        assert!(
            location.contains("__fb=") && !location.contains("__err="),
            "{location}"
        );
        assert!(!location.contains("Text"), "{location}");
        let back = app.get_as(&sara, &local(&location)).await;
        assert!(
            back.body.contains("id=\"field-files-error\""),
            "{}",
            back.body
        );
        assert!(back.body.contains("Inte bifogade: program.pdf."));
        assert!(back.body.contains("Text som inte får försvinna"));
        assert!(back.body.contains("aria-invalid=\"true\""));

        let mut big = PDF.to_vec();
        big.resize(FILE_MAX + 1, b' ');
        for (what, body, problem) in [
            (
                "over 10 MB",
                answer_form(&s1, ["Svar", ""])
                    .field("intent", "draft")
                    .file("files", "stor.pdf", &big)
                    .end(),
                "file_too_large",
            ),
            (
                "empty",
                answer_form(&s1, ["Svar", ""])
                    .field("intent", "draft")
                    .file("files", "tom.pdf", b"")
                    .end(),
                "file_empty",
            ),
            (
                "a picture named as a PDF",
                answer_form(&s1, ["Svar", ""])
                    .field("intent", "draft")
                    .file("files", "bild.pdf", PNG)
                    .end(),
                "file_disguised",
            ),
            (
                "a submission with nothing in it",
                answer_form(&s1, ["", ""]).field("intent", "submit").end(),
                "empty_answer",
            ),
        ] {
            let res = app.post_multipart(Some(&sara), &path, body, false).await;
            assert_eq!(res.status, 400, "{what}: {}", res.body);
            assert!(res.body.contains(problem), "{what}: {}", res.body);
        }
        assert_eq!(stored().await, (0, 0, 0));

        // A body larger than any answer may be is refused unread.
        let huge = Multipart::default()
            .file(
                "files",
                "enorm.pdf",
                &vec![0u8; server::files::UPLOAD_LIMIT],
            )
            .end();
        let res = app.post_multipart(Some(&sara), &path, huge, false).await;
        assert_eq!(res.status, 413, "{}", res.body);
        // Not a multipart body at all: a plain refusal, no crash.
        let res = app.post_as(&sara, &path, "supplier=x&intent=draft").await;
        assert_eq!(res.status, 400, "{}", res.body);

        // After the deadline no file is taken.
        let deadline = page(&app, &sara, &dialogue).await.answer_deadline;
        app.clock.set(deadline);
        let sara = app.sign_in("sara@lev1.se", PASSWORD).await.unwrap();
        let body = answer_form(&s1, ["Sent", ""])
            .field("intent", "draft")
            .file("files", "sen.pdf", PDF)
            .end();
        let res = app.post_multipart(Some(&sara), &path, body, false).await;
        assert_eq!(res.status, 409, "{}", res.body);
        assert_eq!(stored().await, (0, 0, 0));
    }
);

db_test!(
    only_the_supplier_the_hosts_and_members_after_the_deadline_download_files_and_the_zip,
    |app| {
        let (dialogue, anna, _, network) = rfi(&app).await;
        let (sara, s1) = supplier_person(&app, "Sara", "sara@lev1.se", 1).await;
        let (omar, s2) = supplier_person(&app, "Omar", "omar@lev2.se", 2).await;
        assert_eq!(register(&app, &sara, &dialogue, &s1).await, 200);
        assert_eq!(register(&app, &omar, &dialogue, &s2).await, 200);
        let signed = person(&app, "Utan Organisation", "ingen@example.se").await;
        let maja = crate::networks::malmo_member(&app, &anna, &network).await;
        let (bo, _) = crate::networks::coordinator(&app, "bo@lund.se", "212000-1355").await;
        let body = answer_form(&s1, ["Svar", ""])
            .field("intent", "draft")
            .file("files", "offert.pdf", PDF)
            .end();
        app.post_multipart(Some(&sara), &save_path(&dialogue), body, true)
            .await;
        let draft_file = page(&app, &sara, &dialogue).await.files[0]
            .public_id
            .clone();
        let body = answer_form(&s1, ["Svar", ""])
            .field("intent", "submit")
            .end();
        let res = app
            .post_multipart(Some(&sara), &save_path(&dialogue), body, true)
            .await;
        let answer = submitted(res.header("location"));

        let draft =
            format!("/marknadsdialoger/{dialogue}/svar/bilagor/{draft_file}?leverantor={s1}");
        let own = format!("/marknadsdialoger/{dialogue}/kvitto/{answer}/bilagor/1");
        let hosts = format!("/dialoger/{dialogue}/svar/{answer}/bilagor/1");
        let zip = format!("/dialoger/{dialogue}/svar.zip");
        let actors: [(&str, Option<&str>); 7] = [
            ("anonymous", None),
            ("signed in without organisation", Some(&signed)),
            ("another registered supplier", Some(&omar)),
            ("a member, not a host, before the deadline", Some(&maja)),
            ("a buyer of another network", Some(&bo)),
            ("the host", Some(&anna)),
            ("the supplier itself", Some(&sara)),
        ];
        let routes: [(&str, &str, [u16; 7]); 4] = [
            ("draft file", &draft, [401, 403, 403, 403, 403, 403, 200]),
            ("own file", &own, [401, 403, 404, 403, 403, 403, 200]),
            ("hosts' file", &hosts, [401, 404, 404, 404, 404, 200, 404]),
            ("zip", &zip, [401, 404, 404, 404, 404, 200, 404]),
        ];
        for (route, path, expected) in routes {
            for ((who, cookie), want) in actors.iter().zip(expected) {
                let (status, _, bytes) = app.get_bytes(*cookie, path).await;
                assert_eq!(status.as_u16(), want, "{route} as {who}");
                if want != 200 {
                    assert!(
                        !bytes.windows(4).any(|w| w == b"%PDF"),
                        "{route} as {who} leaks nothing"
                    );
                }
            }
        }
        // Another supplier's draft file, asked for by its id, is not found.
        let theirs =
            format!("/marknadsdialoger/{dialogue}/svar/bilagor/{draft_file}?leverantor={s2}");
        let (status, _, _) = app.get_bytes(Some(&omar), &theirs).await;
        assert_eq!(status, 404);

        let deadline = page(&app, &sara, &dialogue).await.answer_deadline;
        app.clock.set(deadline);
        let maja = app.sign_in("maja@malmo.se", PASSWORD).await.unwrap();
        for path in [&hosts, &zip] {
            let (status, _, _) = app.get_bytes(Some(&maja), path).await;
            assert_eq!(status, 200, "members read after the deadline: {path}");
        }
    }
);

db_test!(
    the_zip_opens_and_its_table_of_contents_lists_every_file_with_its_digest,
    |app| {
        let (dialogue, anna, _, _) = rfi(&app).await;
        let (sara, s1) = supplier_person(&app, "Sara", "sara@lev1.se", 1).await;
        let (omar, s2) = supplier_person(&app, "Omar", "omar@lev2.se", 2).await;
        assert_eq!(register(&app, &sara, &dialogue, &s1).await, 200);
        assert_eq!(register(&app, &omar, &dialogue, &s2).await, 200);
        for (cookie, supplier, text, file) in [
            (&sara, &s1, "Saras svar", Some(("offert.pdf", PDF))),
            (&omar, &s2, "Omars svar <script>", None),
            (&sara, &s1, "Saras andra version", None),
        ] {
            let mut body = answer_form(supplier, [text, ""]).field("intent", "submit");
            if let Some((name, bytes)) = file {
                body = body.file("files", name, bytes);
            }
            let res = app
                .post_multipart(Some(cookie), &save_path(&dialogue), body.end(), true)
                .await;
            submitted(res.header("location"));
        }
        let (status, headers, bytes) = app
            .get_bytes(
                Some(&anna),
                &format!("/dialoger/{dialogue}/svar.zip?diarienummer=KS+2026%2F123"),
            )
            .await;
        assert_eq!(status, 200);
        assert_eq!(headers.get("content-type").unwrap(), "application/zip");
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a ZIP");
        let mut read = |name: &str| {
            let mut out = Vec::new();
            archive
                .by_name(name)
                .unwrap_or_else(|_| panic!("{name} in the ZIP"))
                .read_to_end(&mut out)
                .unwrap();
            out
        };
        let contents = String::from_utf8(read("innehall.csv")).unwrap();
        let rows: Vec<Vec<String>> = contents
            .trim_start_matches('\u{feff}')
            .lines()
            .skip(1)
            .map(|l| {
                l.split(';')
                    .map(|v| v.trim_matches('"').to_string())
                    .collect()
            })
            .collect();
        // Three versions, a page and JSON each, and Sara's PDF in both of
        // hers: a new version keeps the files attached before.
        assert_eq!(rows.len(), 8, "{contents}");
        for row in &rows {
            let bytes = read(&row[0]);
            assert_eq!(sha256_hex(&bytes), row[6], "{}", row[0]);
            assert_eq!(bytes.len().to_string(), row[5]);
        }
        let pdfs: Vec<&Vec<String>> = rows.iter().filter(|r| r[0].ends_with(".pdf")).collect();
        assert_eq!(pdfs.len(), 2);
        assert!(pdfs[0][0].starts_with("001-") && pdfs[0][0].ends_with("/bilagor/1-offert.pdf"));
        assert!(pdfs[1][0].starts_with("003-"));
        assert_eq!(read(&pdfs[0][0]), PDF);
        let omars = rows
            .iter()
            .find(|r| r[0].ends_with("svar.html") && r[0].starts_with("002-"))
            .unwrap();
        let html = String::from_utf8(read(&omars[0])).unwrap();
        assert!(html.contains("Omars svar &lt;script&gt;"), "{html}");
        assert!(html.contains("KS 2026/123"));
        let json = rows
            .iter()
            .find(|r| r[0].ends_with("svar.json") && r[0].starts_with("001-"))
            .unwrap();
        let json: serde_json::Value = serde_json::from_slice(&read(&json[0])).unwrap();
        assert_eq!(json["diarienummer"], "KS 2026/123");
        assert_eq!(
            json["content"]["attachments"][0]["sha256"],
            sha256_hex(PDF).as_str()
        );
    }
);

db_test!(
    an_answer_sent_after_the_session_ended_comes_back_after_signing_in_again,
    |app| {
        let (dialogue, _, _, _) = rfi(&app).await;
        let (sara, s1) = supplier_person(&app, "Sara", "sara@lev1.se", 1).await;
        assert_eq!(register(&app, &sara, &dialogue, &s1).await, 200);
        app.clock.advance(8 * 3_600_000 + 60_000);
        let body = answer_form(&s1, ["Ett långt svar skrivet under eftermiddagen", ""])
            .field("intent", "draft")
            .end();
        let res = app
            .post_multipart(Some(&sara), &save_path(&dialogue), body, true)
            .await;
        assert!(res.status.is_redirection(), "{}", res.status);
        assert!(
            res.header("location").starts_with("/konto/logga-in?till="),
            "{}",
            res.header("location")
        );
        let kept = res
            .cookie("samrad_kept")
            .expect("the browser holds the key");
        let form_page = format!("/marknadsdialoger/{dialogue}/svar?leverantor={s1}");
        let res = app
            .post_form(
                "/api/accounts/sign-in",
                &crate::helpers::form(&[
                    ("email", "sara@lev1.se"),
                    ("password", PASSWORD),
                    ("till", &form_page),
                ]),
                &[
                    ("accept", "text/html"),
                    ("referer", "http://localhost:3000/konto/logga-in"),
                    ("cookie", &kept),
                ],
            )
            .await;
        let session = res.cookie("samrad_session").expect("signed in");
        assert_eq!(res.header("location"), form_page);
        let page = app.get_as(&format!("{session}; {kept}"), &form_page).await;
        assert_eq!(page.status, 200);
        assert!(
            page.body.contains("Det du skrev finns kvar"),
            "{}",
            page.body
        );
        assert!(page
            .body
            .contains("Ett långt svar skrivet under eftermiddagen"));
        assert_eq!(app.count("answer_drafts").await, 0, "nothing saved unseen");
    }
);
