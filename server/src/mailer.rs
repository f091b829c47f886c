//! Delivers the outbox over SMTP when SMTP_URL is set: a worker claims
//! unsent mails, sends them, and marks each sent or failed.

use app::{db::Db, mail};
use lettre::{
    message::{header::ContentType, Mailbox},
    AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
};
use std::time::Duration;

#[derive(Clone)]
pub struct Smtp {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

/// Shows the sender only: the URL may hold a password.
impl std::fmt::Debug for Smtp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Smtp")
            .field("from", &self.from)
            .finish_non_exhaustive()
    }
}

impl Smtp {
    /// `smtp://relay:25`, `smtp://user:pass@host:587?tls=required` or
    /// `smtps://user:pass@host:465`.
    pub fn new(url: &str, from: &str) -> Result<Smtp, String> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| format!("SMTP_URL is not valid: {e}"))?
            .timeout(Some(Duration::from_secs(10)))
            .build();
        let from = from
            .parse()
            .map_err(|e| format!("MAIL_FROM {from:?} is not an address: {e}"))?;
        Ok(Smtp { transport, from })
    }

    async fn send(&self, mail: &mail::OutboxMail) -> Result<(), String> {
        let to: Mailbox = mail
            .recipient
            .parse()
            .map_err(|e| format!("recipient: {e}"))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(&mail.subject)
            .header(ContentType::TEXT_PLAIN)
            .body(mail.body.clone())
            .map_err(|e| format!("message: {e}"))?;
        self.transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|e| e.to_string())
    }
}

/// Sends one batch of unsent mail; how many were sent.
pub async fn deliver_batch(db: &Db, smtp: &Smtp) -> Result<usize, app::error::AppError> {
    let mut sent = 0;
    for mail in mail::claim_unsent(db, 20).await? {
        match smtp.send(&mail).await {
            Ok(()) => {
                mail::mark_sent(db, mail.id).await?;
                sent += 1;
            }
            Err(error) => {
                tracing::warn!(id = mail.id, %error, "mail delivery failed; will retry");
                mail::mark_failed(db, mail.id, &error).await?;
            }
        }
    }
    Ok(sent)
}

/// Runs for the life of the server.
pub fn spawn(db: Db, smtp: Smtp) {
    tokio::spawn(async move {
        loop {
            match deliver_batch(&db, &smtp).await {
                Ok(n) if n > 0 => continue,
                Ok(_) => {}
                Err(_) => tracing::warn!("mail delivery: the outbox cannot be read"),
            }
            tokio::time::sleep(Duration::from_secs(2)).await;
        }
    });
}
