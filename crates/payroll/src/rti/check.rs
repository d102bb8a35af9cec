//! Checks an RTI message with HMRC's own tools: the envelope and FPS or
//! EPS schemas (`xmllint`) and the FPS business rules HMRC publishes as a
//! compiled Schematron stylesheet (`xsltproc`), both from the copies under
//! `tests/payroll/hmrc-rti/` in this crate. Cylch's tests use it on every
//! file they make (this crate's, and the store's from real pay runs); the
//! tools are required, and a missing one fails with the command that
//! installs it (scripts/test installs both).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::{EmployerPaymentSummary, FullPaymentSubmission, write_eps, write_fps};

fn schemas() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/payroll/hmrc-rti")
}

fn work_dir() -> PathBuf {
    let dir = std::env::temp_dir().join("cylch-rti");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A file of its own for each check, so tests running at once never share.
fn temp_file(name: &str, contents: &str) -> PathBuf {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let path = work_dir().join(format!("{}-{n}-{name}", std::process::id()));
    std::fs::write(&path, contents).unwrap();
    path
}

fn run(tool: &str, args: &[&Path]) -> std::process::Output {
    Command::new(tool).args(args).output().unwrap_or_else(|e| {
        panic!(
            "{tool} is needed to check HMRC's RTI files ({e}); install it with \
                 `apt-get install -y libxml2-utils xsltproc` (scripts/test does)"
        )
    })
}

/// `xmllint --noout --nonet --schema xsd file`: Ok, or what xmllint said.
fn schema_check(xsd: &Path, file: &Path) -> Result<(), String> {
    let out = Command::new("xmllint")
        .arg("--noout")
        .arg("--nonet")
        .arg("--schema")
        .arg(xsd)
        .arg(file)
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "xmllint is needed to check HMRC's RTI files ({e}); install it with \
                 `apt-get install -y libxml2-utils xsltproc` (scripts/test does)"
            )
        });
    let said = String::from_utf8_lossy(&out.stderr).into_owned();
    if out.status.success() && said.contains("validates") {
        Ok(())
    } else {
        Err(said)
    }
}

/// Writes `contents` to `path` by renaming a file of this process's into
/// place, so that a test process never reads a half-written file.
fn write_atomically(path: &Path, contents: &str) {
    let temporary = path.with_extension(format!("{}.tmp", std::process::id()));
    std::fs::write(&temporary, contents).unwrap();
    std::fs::rename(&temporary, path).unwrap();
}

/// The envelope schema with its import of the XML Signature schema (from
/// the web) pointed at a stand-in declaring `dsig:Signature`, which the
/// envelope only mentions as one choice of authentication.
fn envelope_xsd() -> &'static Path {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        let dir = work_dir();
        write_atomically(
            &dir.join("xmldsig-stand-in.xsd"),
            r#"<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="http://www.w3.org/2000/09/xmldsig#" elementFormDefault="qualified">
  <xsd:element name="Signature" type="xsd:anyType"/>
</xsd:schema>
"#,
        );
        let original =
            std::fs::read_to_string(schemas().join("envelope-v2-0-HMRC.xsd")).unwrap();
        let web = "http://www.w3.org/TR/2001/PR-xmldsig-core-20010820/xmldsig-core-schema.xsd";
        assert!(original.contains(web), "the envelope schema's import has changed");
        let path = dir.join("envelope-v2-0-HMRC-offline.xsd");
        write_atomically(&path, &original.replace(web, "xmldsig-stand-in.xsd"));
        path
    })
}

/// One failure HMRC's business-rule stylesheet reported.
#[derive(Debug, PartialEq, Eq)]
pub struct RuleFailure {
    pub number: String,
    pub text: String,
    pub location: String,
}

fn between<'a>(text: &'a str, open: &str, close: &str) -> &'a str {
    text.split_once(open)
        .and_then(|(_, rest)| rest.split_once(close))
        .map_or("", |(inside, _)| inside.trim())
}

/// Runs HMRC's compiled Schematron over the whole message. The stylesheet
/// always writes an `err:ErrorResponse`; each failed rule is an `err:Error`
/// in it with HMRC's error number, text and the path of the element.
fn business_rules(file: &Path) -> Vec<RuleFailure> {
    let xslt = schemas().join("FullPaymentSubmission-2026-v1-0.xslt");
    let out = run("xsltproc", &[&xslt, file]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && stdout.contains("ErrorResponse"),
        "xsltproc did not run HMRC's business rules: {}{}",
        stdout,
        String::from_utf8_lossy(&out.stderr)
    );
    // Each failure is an `<err:Error>` element (the namespaces are declared
    // on the root, so the tag may have no attributes); `<err:ErrorResponse`
    // shares the prefix and is skipped.
    let failures: Vec<RuleFailure> = stdout
        .split("<err:Error")
        .skip(1)
        .filter(|e| e.starts_with('>') || e.starts_with(' '))
        .map(|e| RuleFailure {
            number: between(e, "<err:Number>", "</err:Number>").to_owned(),
            text: between(e, "<err:Text>", "</err:Text>").to_owned(),
            location: between(e, "<err:Location>", "</err:Location>").to_owned(),
        })
        .collect();
    // Every error number printed belongs to a failure read.
    assert_eq!(
        failures.len(),
        stdout.matches("<err:Number>").count(),
        "could not read HMRC's error response: {stdout}"
    );
    failures
}

/// The `IRenvelope` alone, which is what HMRC's FPS and EPS schemas
/// describe; it carries its own namespace declaration.
fn body_of(message: &str) -> String {
    let start = message.find("<IRenvelope").expect("an IRenvelope");
    let end = message.find("</IRenvelope>").expect("its end") + "</IRenvelope>".len();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{}\n",
        &message[start..end]
    )
}

#[derive(Debug)]
pub struct Report {
    pub envelope: Result<(), String>,
    pub body: Result<(), String>,
    pub rules: Vec<RuleFailure>,
}

pub fn check(name: &str, message: &str, body_xsd: &str, with_rules: bool) -> Report {
    let whole = temp_file(&format!("{name}.xml"), message);
    let body = temp_file(&format!("{name}-body.xml"), &body_of(message));
    let report = Report {
        envelope: schema_check(envelope_xsd(), &whole),
        body: schema_check(&schemas().join(body_xsd), &body),
        rules: if with_rules {
            business_rules(&whole)
        } else {
            Vec::new()
        },
    };
    // The failing assertions print the message itself.
    let _ = std::fs::remove_file(whole);
    let _ = std::fs::remove_file(body);
    report
}

pub fn check_fps_message(name: &str, message: &str) -> Report {
    check(name, message, "FullPaymentSubmission-2026-v1-0.xsd", true)
}

/// Writes the FPS and insists that HMRC's schemas and rules accept it.
pub fn assert_fps_accepted(name: &str, fps: &FullPaymentSubmission) -> String {
    let message = write_fps(fps).unwrap_or_else(|e| panic!("{name}: {e}"));
    let report = check_fps_message(name, &message);
    assert_eq!(report.envelope, Ok(()), "{name}: envelope\n{message}");
    assert_eq!(report.body, Ok(()), "{name}: FPS schema\n{message}");
    assert_eq!(report.rules, vec![], "{name}: business rules\n{message}");
    message
}

pub fn assert_eps_accepted(name: &str, eps: &EmployerPaymentSummary) -> String {
    let message = write_eps(eps).unwrap_or_else(|e| panic!("{name}: {e}"));
    let report = check(
        name,
        &message,
        "EmployerPaymentSummary-2026-v1-0.xsd",
        false,
    );
    assert_eq!(report.envelope, Ok(()), "{name}: envelope\n{message}");
    assert_eq!(report.body, Ok(()), "{name}: EPS schema\n{message}");
    message
}
