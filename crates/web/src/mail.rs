//! Outgoing email. Without an SMTP server configured, each message is written
//! as an `.eml` file under the data folder and logged, so nothing is dropped
//! silently and a person running Cylch on their own can still read it.

use std::path::PathBuf;

use cylch_domain::EmailAddress;

#[derive(Debug, Clone)]
pub struct OutgoingEmail {
    pub to: EmailAddress,
    pub subject: String,
    pub body: String,
}

#[derive(Debug)]
pub enum Mailer {
    /// Writes messages to this folder.
    Folder { dir: PathBuf, from: String },
}

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("could not write the email to {0}: {1}")]
    Write(String, std::io::Error),
}

impl Mailer {
    pub fn folder(dir: PathBuf, from: impl Into<String>) -> Mailer {
        Mailer::Folder {
            dir,
            from: from.into(),
        }
    }

    pub async fn send(&self, email: &OutgoingEmail) -> Result<(), MailError> {
        match self {
            Mailer::Folder { dir, from } => {
                let id = cylch_store::ids::random_id();
                let path = dir.join(format!("{}-{id}.eml", jiff::Timestamp::now().as_second()));
                let message = render(from, email, &id);
                tokio::fs::create_dir_all(dir)
                    .await
                    .map_err(|e| MailError::Write(dir.display().to_string(), e))?;
                tokio::fs::write(&path, message)
                    .await
                    .map_err(|e| MailError::Write(path.display().to_string(), e))?;
                tracing::info!(to = %email.to, subject = %email.subject, file = %path.display(), "email written to the outbox folder");
                Ok(())
            }
        }
    }
}

/// An RFC 5322 message with a UTF-8 body; the subject is RFC 2047 encoded so
/// Welsh letters such as ŵ and ŷ survive every mail client.
fn render(from: &str, email: &OutgoingEmail, id: &str) -> String {
    let date = jiff::Timestamp::now().strftime("%a, %d %b %Y %H:%M:%S +0000");
    format!(
        "From: {from}\r\nTo: {to}\r\nSubject: {subject}\r\nDate: {date}\r\nMessage-ID: <{id}@cylch>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n{body}\r\n",
        to = email.to,
        subject = encode_header(&email.subject),
        body = email.body.replace('\n', "\r\n"),
    )
}

fn encode_header(text: &str) -> String {
    if text.is_ascii() && !text.contains(['\r', '\n']) {
        return text.to_owned();
    }
    let encoded: String = text
        .bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => (b as char).to_string(),
            b' ' => "_".to_owned(),
            _ => format!("={b:02X}"),
        })
        .collect();
    format!("=?UTF-8?Q?{encoded}?=")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn welsh_subjects_are_encoded_and_newlines_cannot_inject_headers() {
        assert_eq!(encode_header("Sign in"), "Sign in");
        assert_eq!(
            encode_header("Ailosod cyfrinair ŵ"),
            "=?UTF-8?Q?Ailosod_cyfrinair_=C5=B5?="
        );
        assert!(!encode_header("x\r\nBcc: evil@example.com").contains('\n'));
    }
}
