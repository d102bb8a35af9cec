//! Outgoing email. Through an SMTP server when one is configured; otherwise
//! each message is written as an `.eml` file under the data folder and
//! logged, so nothing is dropped silently and a person running Cylch on their
//! own can still read it.

use std::path::PathBuf;

use cylch_domain::EmailAddress;
use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::{Body, Mailbox};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

#[derive(Debug, Clone)]
pub struct OutgoingEmail {
    pub to: EmailAddress,
    pub subject: String,
    pub body: String,
}

enum Transport {
    Folder(PathBuf),
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
}

pub struct Mailer {
    from: Mailbox,
    transport: Transport,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The SMTP URL may carry a password; say only which transport.
        let transport = match &self.transport {
            Transport::Folder(dir) => format!("folder {}", dir.display()),
            Transport::Smtp(_) => "smtp".to_owned(),
        };
        f.debug_struct("Mailer")
            .field("from", &self.from.to_string())
            .field("transport", &transport)
            .finish()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("the sender address {0:?} is not valid: write it like Cylch <cylch@example.cymru>")]
    From(String),
    #[error(
        "the SMTP URL is not valid ({0}); write it like smtps://user:password@mail.example.cymru:465"
    )]
    SmtpUrl(String),
    #[error("could not build the email: {0}")]
    Build(String),
    #[error("could not write the email to {0}: {1}")]
    Write(String, std::io::Error),
    #[error("the SMTP server did not take the email: {0}")]
    Smtp(String),
}

impl Mailer {
    /// Writes every message into `dir`.
    pub fn folder(dir: PathBuf, from: &str) -> Result<Mailer, MailError> {
        Ok(Mailer {
            from: parse_from(from)?,
            transport: Transport::Folder(dir),
        })
    }

    /// Sends through the SMTP server at `url` (`smtp://`, or `smtps://` for
    /// TLS; `?tls=required` for STARTTLS), as lettre reads it.
    pub fn smtp(url: &str, from: &str) -> Result<Mailer, MailError> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| MailError::SmtpUrl(e.to_string()))?
            .build();
        Ok(Mailer {
            from: parse_from(from)?,
            transport: Transport::Smtp(transport),
        })
    }

    pub async fn send(&self, email: &OutgoingEmail) -> Result<(), MailError> {
        let to: Mailbox = email
            .to
            .as_str()
            .parse()
            .map_err(|e: lettre::address::AddressError| MailError::Build(e.to_string()))?;
        let body = eight_bit_body(&email.body)?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(email.subject.as_str())
            .header(ContentType::TEXT_PLAIN)
            .body(body)
            .map_err(|e| MailError::Build(e.to_string()))?;
        match &self.transport {
            Transport::Folder(dir) => {
                let id = cylch_store::ids::random_id();
                let path = dir.join(format!("{}-{id}.eml", jiff::Timestamp::now().as_second()));
                tokio::fs::create_dir_all(dir)
                    .await
                    .map_err(|e| MailError::Write(dir.display().to_string(), e))?;
                tokio::fs::write(&path, message.formatted())
                    .await
                    .map_err(|e| MailError::Write(path.display().to_string(), e))?;
                tracing::info!(to = %email.to, subject = %email.subject, file = %path.display(), "email written to the outbox folder");
            }
            Transport::Smtp(transport) => {
                transport
                    .send(message)
                    .await
                    .map_err(|e| MailError::Smtp(e.to_string()))?;
                tracing::info!(to = %email.to, subject = %email.subject, "email sent");
            }
        }
        Ok(())
    }
}

/// The body as 8-bit text with CRLF line ends. Sent this way, a long link
/// is never folded by quoted-printable soft breaks and the text reads as
/// written in any mail client. RFC 5322 allows lines of up to 998 octets.
fn eight_bit_body(text: &str) -> Result<Body, MailError> {
    let lines: Vec<&str> = text.lines().collect();
    if let Some(long) = lines.iter().find(|line| line.len() > 998) {
        return Err(MailError::Build(format!(
            "a line of {} bytes is longer than email allows",
            long.len()
        )));
    }
    let mut wire = lines.join("\r\n");
    wire.push_str("\r\n");
    Ok(Body::dangerous_pre_encoded(
        wire.into_bytes(),
        ContentTransferEncoding::EightBit,
    ))
}

fn parse_from(from: &str) -> Result<Mailbox, MailError> {
    from.parse().map_err(|_| MailError::From(from.to_owned()))
}

#[cfg(test)]
mod tests {
    use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

    use super::*;

    fn email() -> OutgoingEmail {
        OutgoingEmail {
            to: EmailAddress::parse("ffion@example.cymru").unwrap(),
            subject: "Ailosod eich cyfrinair ŵ".into(),
            body: "Helo Ffion,\nDyma'r ddolen: https://cylch.example/reset-password/abc".into(),
        }
    }

    #[tokio::test]
    async fn the_folder_transport_writes_a_readable_message() {
        let dir = cylch_store::testing::TempDir::new("cylch-mail");
        let mailer =
            Mailer::folder(dir.path().to_path_buf(), "Cylch <cylch@example.cymru>").unwrap();
        mailer.send(&email()).await.unwrap();
        let file = std::fs::read_dir(&dir)
            .unwrap()
            .next()
            .unwrap()
            .unwrap()
            .path();
        let text = std::fs::read_to_string(file).unwrap();
        assert!(text.contains("To: ffion@example.cymru"));
        assert!(
            text.contains("Subject: Ailosod eich cyfrinair =?utf-8?"),
            "the Welsh letter is encoded: {text}"
        );
        assert!(
            text.contains("https://cylch.example/reset-password/abc"),
            "the link survives unbroken: {text}"
        );
        assert!(text.contains("Content-Transfer-Encoding: 8bit"), "{text}");
        assert!(
            text.contains("Dyma'r ddolen"),
            "the body reads as written: {text}"
        );
    }

    #[test]
    fn a_line_longer_than_email_allows_is_refused() {
        assert!(eight_bit_body(&"x".repeat(998)).is_ok());
        assert!(matches!(
            eight_bit_body(&"x".repeat(999)),
            Err(MailError::Build(_))
        ));
        assert_eq!(eight_bit_body("a\nb").unwrap().into_vec(), b"a\r\nb\r\n");
    }

    #[test]
    fn a_bad_sender_or_url_is_named() {
        assert!(matches!(
            Mailer::folder("/tmp".into(), "not an address"),
            Err(MailError::From(_))
        ));
        assert!(matches!(
            Mailer::smtp("ftp://nowhere", "cylch@example.cymru"),
            Err(MailError::SmtpUrl(_))
        ));
    }

    /// A minimal SMTP server that takes one message: enough to prove Cylch
    /// speaks SMTP to a real socket.
    async fn one_message_server(listener: tokio::net::TcpListener) -> String {
        let (socket, _) = listener.accept().await.unwrap();
        let (read, mut write) = socket.into_split();
        let mut lines = BufReader::new(read).lines();
        write.write_all(b"220 test ESMTP\r\n").await.unwrap();
        let mut data = String::new();
        let mut in_data = false;
        while let Some(line) = lines.next_line().await.unwrap() {
            if in_data {
                if line == "." {
                    in_data = false;
                    write.write_all(b"250 queued\r\n").await.unwrap();
                } else {
                    data.push_str(&line);
                    data.push('\n');
                }
                continue;
            }
            let verb = line
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_ascii_uppercase();
            let reply: &[u8] = match verb.as_str() {
                "EHLO" | "HELO" => b"250 test\r\n",
                "DATA" => {
                    in_data = true;
                    b"354 go ahead\r\n"
                }
                "QUIT" => {
                    write.write_all(b"221 bye\r\n").await.unwrap();
                    break;
                }
                _ => b"250 ok\r\n",
            };
            write.write_all(reply).await.unwrap();
        }
        data
    }

    #[tokio::test]
    async fn smtp_delivers_to_a_server() {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let server = tokio::spawn(one_message_server(listener));
        let mailer = Mailer::smtp(
            &format!("smtp://127.0.0.1:{port}"),
            "Cylch <cylch@example.cymru>",
        )
        .unwrap();
        mailer.send(&email()).await.unwrap();
        drop(mailer);
        let received = tokio::time::timeout(std::time::Duration::from_secs(10), server)
            .await
            .unwrap()
            .unwrap();
        assert!(received.contains("To: ffion@example.cymru"), "{received}");
        assert!(received.contains("reset-password/abc"), "{received}");
    }
}
