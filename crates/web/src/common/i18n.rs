//! Welsh and English. Every user-visible string lives in the Fluent files
//! under `locales/`: `en.ftl` and `cy.ftl` for the pages every co-operative
//! shares, and one pair of files an area under `locales/en/` and
//! `locales/cy/`. This loader holds them and formats messages with CLDR
//! plural rules (Welsh has six forms).

use std::collections::BTreeSet;

use cylch_domain::Language;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// The English message files, each with the name a parse error reports.
pub const ENGLISH: &[(&str, &str)] = &[
    ("en.ftl", include_str!("../../locales/en.ftl")),
    (
        "en/governance.ftl",
        include_str!("../../locales/en/governance.ftl"),
    ),
    (
        "en/meetings.ftl",
        include_str!("../../locales/en/meetings.ftl"),
    ),
    ("en/ledger.ftl", include_str!("../../locales/en/ledger.ftl")),
    (
        "en/documents.ftl",
        include_str!("../../locales/en/documents.ftl"),
    ),
    (
        "en/employment.ftl",
        include_str!("../../locales/en/employment.ftl"),
    ),
    ("en/rota.ftl", include_str!("../../locales/en/rota.ftl")),
    ("en/needs.ftl", include_str!("../../locales/en/needs.ftl")),
    ("en/leave.ftl", include_str!("../../locales/en/leave.ftl")),
    (
        "en/timesheets.ftl",
        include_str!("../../locales/en/timesheets.ftl"),
    ),
    (
        "en/payroll.ftl",
        include_str!("../../locales/en/payroll.ftl"),
    ),
    (
        "en/calendars.ftl",
        include_str!("../../locales/en/calendars.ftl"),
    ),
];

/// The Welsh message files, in the same order as the English.
pub const WELSH: &[(&str, &str)] = &[
    ("cy.ftl", include_str!("../../locales/cy.ftl")),
    (
        "cy/governance.ftl",
        include_str!("../../locales/cy/governance.ftl"),
    ),
    (
        "cy/meetings.ftl",
        include_str!("../../locales/cy/meetings.ftl"),
    ),
    ("cy/ledger.ftl", include_str!("../../locales/cy/ledger.ftl")),
    (
        "cy/documents.ftl",
        include_str!("../../locales/cy/documents.ftl"),
    ),
    (
        "cy/employment.ftl",
        include_str!("../../locales/cy/employment.ftl"),
    ),
    ("cy/rota.ftl", include_str!("../../locales/cy/rota.ftl")),
    ("cy/needs.ftl", include_str!("../../locales/cy/needs.ftl")),
    ("cy/leave.ftl", include_str!("../../locales/cy/leave.ftl")),
    (
        "cy/timesheets.ftl",
        include_str!("../../locales/cy/timesheets.ftl"),
    ),
    (
        "cy/payroll.ftl",
        include_str!("../../locales/cy/payroll.ftl"),
    ),
    (
        "cy/calendars.ftl",
        include_str!("../../locales/cy/calendars.ftl"),
    ),
];

type Bundle = FluentBundle<FluentResource>;

pub struct I18n {
    english: Bundle,
    welsh: Bundle,
}

#[derive(Debug, thiserror::Error)]
pub enum I18nError {
    #[error("the message file {0} does not parse: {1}")]
    Parse(&'static str, String),
    #[error("the message file {0} defines a message that another defines already: {1}")]
    Duplicate(&'static str, String),
}

impl std::fmt::Debug for I18n {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("I18n")
    }
}

fn bundle(
    language: Language,
    sources: &'static [(&'static str, &'static str)],
) -> Result<Bundle, I18nError> {
    let mut bundle = Bundle::new_concurrent(vec![language_id(language)]);
    // Isolation marks would end up inside HTML attributes and screen-reader
    // text; the pages set `lang` and `dir` themselves.
    bundle.set_use_isolating(false);
    for (label, source) in sources {
        let resource = FluentResource::try_new((*source).to_owned())
            .map_err(|(_, errors)| I18nError::Parse(label, format!("{errors:?}")))?;
        bundle
            .add_resource(resource)
            .map_err(|errors| I18nError::Duplicate(label, format!("{errors:?}")))?;
    }
    Ok(bundle)
}

fn language_id(language: Language) -> unic_langid::LanguageIdentifier {
    let tag = match language {
        Language::En => "en-GB",
        Language::Cy => "cy",
    };
    tag.parse().unwrap_or_default()
}

impl I18n {
    pub fn load() -> Result<I18n, I18nError> {
        Ok(I18n {
            english: bundle(Language::En, ENGLISH)?,
            welsh: bundle(Language::Cy, WELSH)?,
        })
    }

    fn bundle(&self, language: Language) -> &Bundle {
        match language {
            Language::En => &self.english,
            Language::Cy => &self.welsh,
        }
    }

    /// Formats a message. A missing message shows its id, so a gap is
    /// visible on the page rather than silently blank; a test keeps the two
    /// files in step so that never reaches a person.
    pub fn format(&self, language: Language, id: &str, args: Option<&FluentArgs>) -> String {
        let bundle = self.bundle(language);
        let (message_id, attribute) = match id.split_once('.') {
            Some((m, a)) => (m, Some(a)),
            None => (id, None),
        };
        let Some(message) = bundle.get_message(message_id) else {
            tracing::warn!(id, language = language.code(), "missing message");
            return id.to_owned();
        };
        let pattern = match attribute {
            Some(a) => message.get_attribute(a).map(|attr| attr.value()),
            None => message.value(),
        };
        let Some(pattern) = pattern else {
            return id.to_owned();
        };
        let mut errors = Vec::new();
        let text = bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned();
        if !errors.is_empty() {
            tracing::warn!(id, ?errors, "message formatting problem");
        }
        text
    }

    pub fn text(&self, language: Language, id: &str) -> String {
        self.format(language, id, None)
    }

    pub fn with_count(&self, language: Language, id: &str, count: i64) -> String {
        let mut args = FluentArgs::new();
        args.set("count", FluentValue::from(count));
        self.format(language, id, Some(&args))
    }

    pub fn with_arg(&self, language: Language, id: &str, name: &str, value: &str) -> String {
        let mut args = FluentArgs::new();
        args.set(name.to_owned(), FluentValue::from(value.to_owned()));
        self.format(language, id, Some(&args))
    }
}

/// Message ids (with attributes as `id.attr`) defined in a language's
/// Fluent files.
pub fn message_ids(sources: &[(&str, &str)]) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for (_, source) in sources {
        let Ok(resource) = FluentResource::try_new((*source).to_owned()) else {
            continue;
        };
        for entry in resource.entries() {
            if let fluent_syntax::ast::Entry::Message(message) = entry {
                ids.insert(message.id.name.to_owned());
                for attribute in &message.attributes {
                    ids.insert(format!("{}.{}", message.id.name, attribute.id.name));
                }
            }
        }
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_message_files_parse() {
        I18n::load().unwrap();
    }

    #[test]
    fn every_message_exists_in_both_languages() {
        let english = message_ids(ENGLISH);
        let welsh = message_ids(WELSH);
        assert!(
            english.len() > 50,
            "the English file parsed to only {} messages",
            english.len()
        );
        let only_english: Vec<_> = english.difference(&welsh).collect();
        let only_welsh: Vec<_> = welsh.difference(&english).collect();
        assert!(
            only_english.is_empty(),
            "missing in Welsh: {only_english:?}"
        );
        assert!(only_welsh.is_empty(), "missing in English: {only_welsh:?}");
    }

    #[test]
    fn welsh_counts_use_all_six_plural_forms() {
        let i18n = I18n::load().unwrap();
        let forms: Vec<String> = [0, 1, 2, 3, 6, 7]
            .iter()
            .map(|&n| i18n.with_count(Language::Cy, "member-count", n))
            .collect();
        let distinct: BTreeSet<_> = forms.iter().collect();
        assert_eq!(distinct.len(), 6, "{forms:?}");
        assert_eq!(i18n.with_count(Language::En, "member-count", 1), "1 member");
        assert_eq!(
            i18n.with_count(Language::En, "member-count", 3),
            "3 members"
        );
    }

    #[test]
    fn a_missing_message_shows_its_id() {
        let i18n = I18n::load().unwrap();
        assert_eq!(
            i18n.text(Language::Cy, "no-such-message"),
            "no-such-message"
        );
    }
}
