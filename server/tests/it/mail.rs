//! Mail is queued in the outbox in the request that sends it, and the
//! delivery worker sends it over SMTP and marks it; a failing SMTP server
//! leaves it queued with the error, to be tried again.

use crate::helpers::form;
use server::mailer::{deliver_batch, Smtp};
use tokio::{
    io::{AsyncBufReadExt, AsyncWriteExt, BufReader},
    net::TcpListener,
};

/// A minimal SMTP peer that accepts one session and returns what it got.
async fn fake_smtp() -> (u16, tokio::task::JoinHandle<String>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let handle = tokio::spawn(async move {
        let (stream, _) = listener.accept().await.unwrap();
        let (read, mut write) = stream.into_split();
        let mut lines = BufReader::new(read).lines();
        let mut transcript = String::new();
        write.write_all(b"220 fake ESMTP\r\n").await.unwrap();
        let mut in_data = false;
        while let Ok(Some(line)) = lines.next_line().await {
            transcript.push_str(&line);
            transcript.push('\n');
            let reply: &[u8] = if in_data {
                if line == "." {
                    in_data = false;
                    b"250 queued\r\n"
                } else {
                    continue;
                }
            } else {
                match line
                    .get(..4)
                    .unwrap_or_default()
                    .to_ascii_uppercase()
                    .as_str()
                {
                    "EHLO" => b"250-fake\r\n250 8BITMIME\r\n",
                    "DATA" => {
                        in_data = true;
                        b"354 go ahead\r\n"
                    }
                    "QUIT" => {
                        write.write_all(b"221 bye\r\n").await.unwrap();
                        break;
                    }
                    _ => b"250 ok\r\n",
                }
            };
            write.write_all(reply).await.unwrap();
        }
        transcript
    });
    (port, handle)
}

db_test!(
    a_queued_mail_is_delivered_over_smtp_and_marked_sent,
    |app| {
        app.sign_up("Anna", "anna@kommun.se", "gröna äpplen i november")
            .await;
        let (port, peer) = fake_smtp().await;
        let smtp = Smtp::new(
            &format!("smtp://127.0.0.1:{port}"),
            "Samråd <noreply@samrad.se>",
        )
        .unwrap();
        let sent = deliver_batch(&app.db, &smtp).await.unwrap();
        assert_eq!(sent, 1);
        let transcript = tokio::time::timeout(std::time::Duration::from_secs(15), peer)
            .await
            .expect("the SMTP session ends")
            .unwrap();
        assert!(
            transcript.contains("RCPT TO:<anna@kommun.se>"),
            "{transcript}"
        );
        assert!(transcript.contains("To: anna@kommun.se"), "{transcript}");
        assert!(
            transcript.contains("konto/verifiera?token="),
            "{transcript}"
        );
        let (sent_at,): (Option<i64>,) = sqlx::query_as("SELECT sent_at FROM outbox")
            .fetch_one(app.db.pool())
            .await
            .unwrap();
        assert!(sent_at.is_some());
        let again = Smtp::new(&format!("smtp://127.0.0.1:{port}"), "a@b.se").unwrap();
        assert_eq!(
            deliver_batch(&app.db, &again).await.unwrap(),
            0,
            "nothing is sent twice"
        );
    }
);

db_test!(
    a_failed_delivery_keeps_the_mail_queued_with_its_error,
    |app| {
        let res = app
            .post_form(
                "/api/accounts/forgot-password",
                &form(&[("email", "ingen@kommun.se")]),
                &[],
            )
            .await;
        assert!(res.status.is_success());
        app.sign_up("Anna", "anna@kommun.se", "gröna äpplen i november")
            .await;
        let closed = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let smtp = Smtp::new(&format!("smtp://127.0.0.1:{closed}"), "noreply@samrad.se").unwrap();
        assert_eq!(deliver_batch(&app.db, &smtp).await.unwrap(), 0);
        let (sent_at, attempts, error): (Option<i64>, i64, Option<String>) =
            sqlx::query_as("SELECT sent_at, attempts, last_error FROM outbox")
                .fetch_one(app.db.pool())
                .await
                .unwrap();
        assert_eq!((sent_at, attempts), (None, 1));
        assert!(error.is_some());
    }
);

#[test]
fn a_bad_smtp_url_or_sender_is_refused_at_start() {
    assert!(Smtp::new("inte en url", "noreply@samrad.se").is_err());
    assert!(Smtp::new("smtp://127.0.0.1:25", "inte en adress").is_err());
}
