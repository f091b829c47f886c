//! Documents from the hosts: published with the written answers' file
//! rules, versioned and every version kept, each told to every registered
//! supplier at once; downloaded byte-identical by registered suppliers
//! (counted, for the hosts' eyes only) and members; refused whole on bad
//! input.

use crate::helpers::{Multipart, TestApp};
use crate::market::{announced, person, register, supplier_person};
use crate::slots::view;
use app::core::files::sha256_hex;

async fn public(app: &TestApp, cookie: &str, dialogue: &str) -> app::dialogues::market::PublicView {
    crate::slots::public(app, Some(cookie), dialogue).await
}

const PDF: &[u8] =
    b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";
const PDF_2: &[u8] =
    b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Lang (sv) >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";
/// The start of a Windows program.
const EXE: &[u8] = &[0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00];

fn path(dialogue: &str) -> String {
    format!("/dialoger/{dialogue}/dokument/spara")
}

/// A new document, or (with `document`) a new version of one.
fn document_form(document: &str, title: &str, note: &str) -> Multipart {
    Multipart::default()
        .field("document", document)
        .field("title", title)
        .field("note", note)
}

async fn publish(app: &TestApp, host: &str, dialogue: &str, body: Multipart) {
    let res = app
        .post_multipart(Some(host), &path(dialogue), body.end(), false)
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    assert!(res.header("location").contains("dokument=1"));
}

fn download(dialogue: &str, document: &str, version: i64) -> String {
    format!("/marknadsdialoger/{dialogue}/dokument/{document}/{version}")
}

db_test!(
    hosts_publish_a_document_and_a_new_version_each_told_to_every_registered_supplier_and_both_kept,
    |app| {
        let (dialogue, anna, _, _) = announced(&app).await;
        let (sara, s1) = supplier_person(&app, "Sara Ek", "sara@lev.se", 1).await;
        let (olle, s2) = supplier_person(&app, "Olle Ås", "olle@lev.se", 2).await;
        assert_eq!(register(&app, &sara, &dialogue, &s1).await, 200);
        assert_eq!(register(&app, &olle, &dialogue, &s2).await, 200);
        publish(
            &app,
            &anna,
            &dialogue,
            document_form("", "Utkast till kravspecifikation", "").file("files", "krav.pdf", PDF),
        )
        .await;
        let document = public(&app, &sara, &dialogue)
            .await
            .documents
            .expect("a document")
            .documents[0]
            .public_id
            .clone();
        publish(
            &app,
            &anna,
            &dialogue,
            document_form(&document, "", "Krav 3 är struket.").file("files", "krav-v2.pdf", PDF_2),
        )
        .await;

        let seen = public(&app, &sara, &dialogue).await.documents.unwrap();
        assert!(seen.may_download);
        assert_eq!(seen.documents.len(), 1);
        let versions = &seen.documents[0].versions;
        let numbers: Vec<i64> = versions.iter().map(|v| v.version).collect();
        assert_eq!(numbers, vec![2, 1], "every version kept, newest first");
        assert_eq!(versions[0].name, "krav-v2.pdf");
        assert_eq!(versions[0].note, "Krav 3 är struket.");
        assert_eq!(versions[1].sha256, sha256_hex(PDF));
        assert_eq!(versions[0].size, PDF_2.len() as i64);

        let host = view(&app, &anna, &dialogue).await;
        let told: Vec<_> = host
            .market
            .unwrap()
            .information
            .into_iter()
            .filter(|e| e.body.contains("kravspecifikation"))
            .collect();
        assert_eq!(told.len(), 2, "{told:?}");
        assert!(told.iter().all(|e| e.recipients.len() == 2));
        assert!(
            told[0].body.starts_with("Ny version av") || told[1].body.starts_with("Ny version av")
        );
        for email in ["sara@lev.se", "olle@lev.se"] {
            let mails = app.mails_to(email).await;
            assert_eq!(
                mails
                    .iter()
                    .filter(|(s, _)| s.starts_with("Nytt dokument i dialogen"))
                    .count(),
                2,
                "{email}: {mails:?}"
            );
        }
        let audit = &host.documents.expect("hosts see the documents");
        assert!(audit.may_publish);
    }
);

db_test!(
    registered_suppliers_download_byte_identical_counted_for_the_hosts_alone,
    |app| {
        let (dialogue, anna, _, network) = announced(&app).await;
        let (sara, s1) = supplier_person(&app, "Sara Ek", "sara@lev.se", 1).await;
        let (other, _) = supplier_person(&app, "Oanmäld", "oanmald@lev.se", 2).await;
        assert_eq!(register(&app, &sara, &dialogue, &s1).await, 200);
        let signed = person(&app, "Utan Organisation", "ingen@example.se").await;
        let member = crate::networks::malmo_member(&app, &anna, &network).await;
        publish(
            &app,
            &anna,
            &dialogue,
            document_form("", "Utkast till avtal", "").file("files", "avtal.pdf", PDF),
        )
        .await;
        let document = public(&app, &sara, &dialogue)
            .await
            .documents
            .unwrap()
            .documents[0]
            .public_id
            .clone();
        let at = download(&dialogue, &document, 1);

        for _ in 0..2 {
            let (status, headers, bytes) = app.get_bytes(Some(&sara), &at).await;
            assert_eq!(status, 200);
            assert_eq!(bytes, PDF, "byte-identical");
            let disposition = headers["content-disposition"].to_str().unwrap();
            assert!(disposition.starts_with("attachment"), "{disposition}");
            assert_eq!(headers["x-content-type-options"], "nosniff");
        }
        let (status, _, bytes) = app.get_bytes(Some(&member), &at).await;
        assert_eq!(
            (status.as_u16(), bytes.as_slice()),
            (200, PDF),
            "members read"
        );
        for (who, cookie, want) in [
            ("anonymous", None, 401),
            ("signed in, no organisation", Some(signed.as_str()), 404),
            ("a supplier not registered", Some(other.as_str()), 404),
        ] {
            let (status, _, _) = app.get_bytes(cookie, &at).await;
            assert_eq!(status.as_u16(), want, "{who}");
        }
        let (status, _, _) = app
            .get_bytes(Some(&sara), &download(&dialogue, &document, 2))
            .await;
        assert_eq!(status, 404, "no such version");
        let not_public = public(&app, &other, &dialogue).await.documents.unwrap();
        assert!(!not_public.may_download, "the list, not the files");

        let host = view(&app, &anna, &dialogue).await.documents.unwrap();
        assert_eq!(host.downloads.len(), 1, "{:?}", host.downloads);
        let counted = &host.downloads[0];
        assert_eq!(
            (counted.supplier.as_str(), counted.version, counted.times),
            ("Leverantör 1 AB", 1, 2)
        );
        assert!(counted.first_at <= counted.last_at);
        assert!(
            view(&app, &member, &dialogue).await.documents.is_none(),
            "the register is the hosts'"
        );
    }
);

db_test!(
    a_disguised_or_missing_file_or_a_stranger_publishing_is_refused_and_nothing_is_stored,
    |app| {
        let (dialogue, anna, _, network) = announced(&app).await;
        let member = crate::networks::malmo_member(&app, &anna, &network).await;
        // A registered supplier: a refusal half-way would have mailed it.
        let (sara, s1) = supplier_person(&app, "Sara Ek", "sara@lev.se", 1).await;
        assert_eq!(register(&app, &sara, &dialogue, &s1).await, 200);
        let before = crate::helpers::table_contents(&app.db, &["sessions"]).await;
        for (body, problem) in [
            (
                document_form("", "Krav", "").file("files", "krav.pdf", EXE),
                "file_kind",
            ),
            (document_form("", "Krav", ""), "required"),
            (
                document_form("", "", "").file("files", "krav.pdf", PDF),
                "title",
            ),
            (
                document_form("", "Krav", "")
                    .file("files", "a.pdf", PDF)
                    .file("files", "b.pdf", PDF),
                "one_file",
            ),
        ] {
            let res = app
                .post_multipart(Some(&anna), &path(&dialogue), body.end(), false)
                .await;
            assert_eq!(res.status, 400, "{}", res.body);
            assert!(res.body.contains(problem), "{problem}: {}", res.body);
            assert!(
                res.body.contains("Krav") || problem == "title",
                "the title is kept"
            );
        }
        let res = app
            .post_multipart(
                Some(&anna),
                &path(&dialogue),
                document_form("ingen-sadan", "", "")
                    .file("files", "krav.pdf", PDF)
                    .end(),
                false,
            )
            .await;
        assert_eq!(res.status, 404, "a version of no document");
        for (who, cookie, want) in [
            ("a member, not a host", Some(member.as_str()), 403),
            ("a registered supplier", Some(sara.as_str()), 404),
            ("anonymous", None, 401),
        ] {
            let res = app
                .post_multipart(
                    cookie,
                    &path(&dialogue),
                    document_form("", "Krav", "")
                        .file("files", "krav.pdf", PDF)
                        .end(),
                    false,
                )
                .await;
            assert_eq!(res.status.as_u16(), want, "{who}: {}", res.body);
        }
        // A browser is sent back to the dialogue with the error kept.
        let res = app
            .post_multipart(
                Some(&anna),
                &path(&dialogue),
                document_form("", "Krav", "").end(),
                true,
            )
            .await;
        assert_eq!(res.status, 303);
        assert!(
            res.header("location")
                .contains(&format!("/dialoger/{dialogue}")),
            "{}",
            res.header("location")
        );
        let after = crate::helpers::table_contents(&app.db, &["sessions", "form_feedback"]).await;
        let before: Vec<_> = before
            .into_iter()
            .filter(|(t, ..)| t != "form_feedback")
            .collect();
        assert_eq!(before, after, "a refused document stores nothing");
    }
);
