//! What every page's layout needs: the language, the person signed in, the
//! form token and the link to the other language.

use std::sync::Arc;

use cylch_domain::Language;

use crate::common::page::encode_query;
use crate::common::viewer::Viewer;
use crate::{AppState, I18n};

pub struct Chrome {
    i18n: Arc<I18n>,
    pub lang: Language,
    pub signed_in_name: Option<String>,
    pub is_admin: bool,
    pub csrf: String,
    pub switch_href: String,
    pub title: String,
}

impl Chrome {
    pub fn new(state: &AppState, viewer: &Viewer, title_id: &str) -> Chrome {
        let account = viewer.account();
        Chrome {
            i18n: state.i18n.clone(),
            lang: viewer.language,
            signed_in_name: account.map(|a| a.name.clone()),
            is_admin: account.is_some_and(|a| a.instance_admin),
            csrf: viewer.csrf_token.clone(),
            switch_href: format!(
                "/language/{}?next={}",
                viewer.language.other().code(),
                encode_query(&viewer.here)
            ),
            title: state.i18n.text(viewer.language, title_id),
        }
    }

    pub fn lang_code(&self) -> &'static str {
        self.lang.code()
    }

    pub fn other_lang_code(&self) -> &'static str {
        self.lang.other().code()
    }

    pub fn t(&self, id: &str) -> String {
        self.i18n.text(self.lang, id)
    }

    pub fn tn(&self, id: &str, count: &usize) -> String {
        self.i18n
            .with_count(self.lang, id, i64::try_from(*count).unwrap_or(i64::MAX))
    }

    pub fn t1(&self, id: &str, name: &str, value: &str) -> String {
        self.i18n.with_arg(self.lang, id, name, value)
    }

    /// A problem with a field, in words that name the field: the general
    /// messages ("enter a value") have a version for each field, so that a
    /// summary with two problems never shows the same words twice.
    pub fn problem(&self, field: &str, message: &str) -> String {
        let specific = match message {
            "error-missing" => "error-field-missing",
            "error-too-long" => "error-field-too-long",
            "error-unknown-choice" => "error-field-unknown-choice",
            other => return self.t(other),
        };
        self.t1(specific, "field", field)
    }

    /// Whether an input's type is `email`, which gets no spell-checking or
    /// capitals on phones.
    pub fn is_email(&self, kind: &str) -> bool {
        kind == "email"
    }

    /// A date and time as people in Wales read it.
    pub fn when(&self, at_ms: &i64) -> String {
        let Ok(ts) = jiff::Timestamp::from_millisecond(*at_ms) else {
            return String::new();
        };
        let Ok(zone) = jiff::tz::TimeZone::get("Europe/London") else {
            return ts.to_string();
        };
        ts.to_zoned_datetime(zone)
            .strftime("%d/%m/%Y %H:%M")
            .to_string()
    }
}
