//! Dates as UK banks write them: `01/04/2026`, `2026-04-01`, `01 Apr 2026`,
//! `1 April 2026`, `01-Apr-2026`. Day before month always: a UK statement
//! never writes month first, so `04/01/2026` is 4 January. Two-digit years
//! are refused rather than guessed.

use jiff::civil::Date;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Which way round a file writes day and month when both are numbers.
/// Named months and `2026-04-01` are read the same either way.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    /// `01/04/2026` is 1 April, as every UK bank writes it.
    #[default]
    DayFirst,
    /// `04/01/2026` is 1 April: some card processors and payment services
    /// export dates the American way.
    MonthFirst,
}

/// Reads a date written in `order`, or `None` if it is not one.
pub fn parse_date(text: &str, order: DateOrder) -> Option<Date> {
    match order {
        DateOrder::DayFirst => parse_uk_date(text),
        DateOrder::MonthFirst => match split3(text.trim(), '/') {
            Some((m, d, y)) => make(year(y)?, number(m)?, number(d)?),
            None => parse_uk_date(text),
        },
    }
}

/// Reads a UK bank date, or `None` if it is not one.
pub fn parse_uk_date(text: &str) -> Option<Date> {
    let text = text.trim();
    if let Some((y, m, d)) = split3(text, '-')
        && y.len() == 4
    {
        return make(number(y)?, number(m)?, number(d)?);
    }
    if let Some((d, m, y)) = split3(text, '/') {
        return make(year(y)?, number(m)?, number(d)?);
    }
    let (d, m, y) = split3(text, ' ').or_else(|| split3(text, '-'))?;
    make(year(y)?, month_name(m)?, number(d)?)
}

fn split3(text: &str, sep: char) -> Option<(&str, &str, &str)> {
    let mut parts = text.split(sep).filter(|p| !(sep == ' ' && p.is_empty()));
    let a = parts.next()?;
    let b = parts.next()?;
    let c = parts.next()?;
    parts.next().is_none().then_some((a, b, c))
}

fn number(text: &str) -> Option<i64> {
    if text.is_empty() || text.len() > 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

fn year(text: &str) -> Option<i64> {
    (text.len() == 4).then(|| number(text)).flatten()
}

fn month_name(text: &str) -> Option<i64> {
    let lower = text.to_ascii_lowercase();
    if lower.len() < 3 {
        return None;
    }
    // "Sept" is how some banks shorten September.
    let found = MONTHS
        .iter()
        .position(|m| *m == lower || (lower.len() <= m.len() && m.starts_with(&lower)))?;
    i64::try_from(found).ok()?.checked_add(1)
}

fn make(year: i64, month: i64, day: i64) -> Option<Date> {
    Date::new(
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    )
    .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_uk_dates() {
        let april_first = Some(Date::constant(2026, 4, 1));
        for text in [
            "01/04/2026",
            "1/4/2026",
            "2026-04-01",
            "01 Apr 2026",
            "1 April 2026",
            "01-Apr-2026",
            " 01 APR 2026 ",
        ] {
            assert_eq!(parse_uk_date(text), april_first, "{text}");
        }
        assert_eq!(
            parse_uk_date("04/01/2026"),
            Some(Date::constant(2026, 1, 4))
        );
        assert_eq!(
            parse_uk_date("3 Sept 2026"),
            Some(Date::constant(2026, 9, 3))
        );
    }

    #[test]
    fn month_first_files_swap_only_numeric_day_and_month() {
        let april_first = Some(Date::constant(2026, 4, 1));
        for text in ["04/01/2026", "4/1/2026", "2026-04-01", "1 April 2026"] {
            assert_eq!(
                parse_date(text, DateOrder::MonthFirst),
                april_first,
                "{text}"
            );
        }
        assert_eq!(parse_date("13/01/2026", DateOrder::MonthFirst), None);
        assert_eq!(
            parse_date("04/01/2026", DateOrder::DayFirst),
            Some(Date::constant(2026, 1, 4))
        );
    }

    #[test]
    fn refuses_what_is_not_a_uk_date() {
        for text in [
            "",
            "31/02/2026",
            "01/04/26",
            "2026/04/01",
            "13/13/2026",
            "Apr 01 2026",
            "01 Ap 2026",
            "01 Foo 2026",
            "tomorrow",
            "01/04/2026 10:30",
            "1.4.2026",
            "+1/04/2026",
        ] {
            assert_eq!(parse_uk_date(text), None, "{text}");
        }
    }
}
