//! The written statement of particulars in words: each particular's name
//! and value in the statement's language, on the page and as a tagged PDF.

use cylch_documents::{Column, Document, Orientation, Table, pdf};
use cylch_domain::Language;
use cylch_store::employment::StatementVersion;
use fluent_bundle::{FluentArgs, FluentValue};
use serde_json::Value as Json;

use crate::AppState;
use crate::common::error::AppError;

/// Pence as pounds: `£13.60`.
pub fn pounds(pence: i64) -> String {
    let sign = if pence < 0 { "-" } else { "" };
    let p = pence.unsigned_abs();
    let whole = (p / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{sign}£{grouped}.{:02}", p % 100)
}

/// Ten-thousandths of an hour (or a day) as a number people read: `37.5`.
pub fn tenths(count: i64) -> String {
    let whole = count / 10_000;
    let frac = (count % 10_000).abs();
    if frac == 0 {
        whole.to_string()
    } else {
        let s = format!("{frac:04}");
        format!("{whole}.{}", s.trim_end_matches('0'))
    }
}

/// `YYYY-MM-DD` as people in Wales write it.
pub fn shown_date(iso: &str) -> String {
    match iso.split('-').collect::<Vec<_>>().as_slice() {
        [y, m, d] => format!("{d}/{m}/{y}"),
        _ => iso.to_owned(),
    }
}

fn int(v: &Json, key: &str) -> i64 {
    v.get(key).and_then(Json::as_i64).unwrap_or(0)
}

/// A particular's value, as stored, in words.
pub fn value_words(state: &AppState, language: Language, value: &Json) -> String {
    let i18n = &state.i18n;
    let t = |id: &str| i18n.text(language, id);
    if value.is_null() {
        return t("employment-value-not-given");
    }
    if let Some(text) = value.get("text").and_then(Json::as_str) {
        return text.to_owned();
    }
    if let Some(date) = value.get("date").and_then(Json::as_str) {
        return shown_date(date);
    }
    if let Some(r) = value.get("rates") {
        let mut args = FluentArgs::new();
        args.set("day", pounds(int(r, "day")));
        args.set("night", pounds(int(r, "night")));
        args.set("weekend", pounds(int(r, "weekend")));
        args.set("bank", pounds(int(r, "bank_holiday")));
        args.set("sleep", pounds(int(r, "sleep_in_per_night")));
        return i18n.format(language, "employment-value-rates", Some(&args));
    }
    if let Some(code) = value.get("interval").and_then(Json::as_str) {
        return t(&format!("employment-frequency-{code}"));
    }
    if let Some(h) = value.get("hours") {
        if h.get("kind").and_then(Json::as_str) == Some("irregular") {
            return t("employment-value-hours-irregular");
        }
        let mut args = FluentArgs::new();
        args.set("hours", tenths(int(h, "weekly")));
        args.set("days", tenths(int(h, "days_per_week")));
        let mut words = i18n.format(language, "employment-value-hours-fixed", Some(&args));
        if h.get("part_year").and_then(Json::as_bool) == Some(true) {
            words.push(' ');
            words.push_str(&t("employment-value-part-year"));
        }
        return words;
    }
    if let Some(h) = value.get("holiday") {
        if h.as_str() == Some("accrual") {
            return t("employment-value-holiday-accrual");
        }
        return i18n.with_arg(
            language,
            "employment-value-holiday-hours",
            "hours",
            &tenths(int(h, "hours_per_year")),
        );
    }
    if let Some(n) = value.get("notice") {
        let mut args = FluentArgs::new();
        args.set("employer", FluentValue::from(int(n, "employer_weeks")));
        args.set("worker", FluentValue::from(int(n, "worker_weeks")));
        return i18n.format(language, "employment-value-notice", Some(&args));
    }
    if let Some(w) = value.get("weeks").and_then(Json::as_i64) {
        return i18n.with_count(language, "employment-value-weeks", w);
    }
    if let Some(p) = value.get("pension") {
        let choice = p.get("choice").and_then(Json::as_str).unwrap_or("assess");
        let words = t(&format!("employment-pension-{}", choice.replace('-', "_")));
        return match p.get("date").and_then(Json::as_str) {
            Some(d) => format!("{words} ({})", shown_date(d)),
            None => words,
        };
    }
    if let Some(doc) = value.get("refer_to").and_then(Json::as_str) {
        return i18n.with_arg(language, "employment-value-refer-to", "document", doc);
    }
    if value.get("none").is_some() {
        return t("employment-value-none");
    }
    String::new()
}

/// Each particular of a version, named and said in the statement's language.
pub fn particulars(state: &AppState, version: &StatementVersion) -> Vec<(String, String)> {
    let language = version.language;
    version
        .particulars
        .as_array()
        .map(|entries| {
            entries
                .iter()
                .map(|entry| {
                    let code = entry.get("particular").and_then(Json::as_str).unwrap_or("");
                    (
                        state
                            .i18n
                            .text(language, &format!("employment-particular-{code}")),
                        value_words(state, language, entry.get("value").unwrap_or(&Json::Null)),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// A version of the statement as a tagged PDF, in its own language.
pub async fn pdf_bytes(
    state: &AppState,
    coop_name: &str,
    pa_name: &str,
    version: &StatementVersion,
) -> Result<Vec<u8>, AppError> {
    let language = version.language;
    let t = |key: &str| state.i18n.text(language, key);
    let today = state
        .clock()
        .today_in_wales()
        .strftime("%d/%m/%Y")
        .to_string();
    let document = Document {
        language,
        title: t("employment-statement-title"),
        subtitles: vec![
            coop_name.to_owned(),
            pa_name.to_owned(),
            state.i18n.with_arg(
                language,
                "employment-statement-version",
                "version",
                &version.version.to_string(),
            ),
        ],
        generated: state
            .i18n
            .with_arg(language, "documents-made-on", "date", &today),
        orientation: Orientation::Portrait,
        tables: vec![Table {
            heading: t("employment-statement-particulars"),
            columns: vec![
                Column::new(t("employment-statement-col-particular"), 2),
                Column::new(t("employment-statement-col-value"), 3),
            ],
            rows: particulars(state, version)
                .into_iter()
                .map(|(k, v)| vec![k, v])
                .collect(),
            row_headers: true,
            empty: t("employment-value-not-given"),
        }],
    };
    let i18n = state.i18n.clone();
    let bytes = tokio::task::spawn_blocking(move || {
        pdf::render(&document, |page, pages| {
            let mut args = FluentArgs::new();
            args.set("page", FluentValue::from(page));
            args.set("pages", FluentValue::from(pages));
            i18n.format(language, "documents-page-of", Some(&args))
        })
    })
    .await??;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_people_read_them() {
        assert_eq!(pounds(1360), "£13.60");
        assert_eq!(pounds(500_000_000), "£5,000,000.00");
        assert_eq!(tenths(375_000), "37.5");
        assert_eq!(tenths(50_000), "5");
        assert_eq!(shown_date("2026-05-01"), "01/05/2026");
    }
}
