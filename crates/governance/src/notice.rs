//! Notice of meetings, counted in clear days: neither the day the notice is
//! sent nor the day of the meeting counts. Notice sent on the 1st for a
//! meeting on the 16th gives 14 clear days (the 2nd to the 15th).

use jiff::Span;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::ratio::Share;
use crate::rules::Rules;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingKind {
    AnnualGeneral,
    /// A general meeting other than the AGM (often called special or
    /// extraordinary).
    General,
    Committee,
}

impl MeetingKind {
    pub fn is_general(self) -> bool {
        !matches!(self, MeetingKind::Committee)
    }

    /// The clear days' notice the rules ask for.
    pub fn notice_days(self, rules: &Rules) -> u32 {
        if self.is_general() {
            rules.general_meeting_notice_days
        } else {
            rules.committee_meeting_notice_days
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum NoticeError {
    #[error("that date is outside the calendar Cylch can count in")]
    DateOutOfRange,
    #[error("only a general meeting can be held on shorter notice by the members' agreement")]
    ConsentOnlyForGeneralMeetings,
    #[error("{agreeing} members cannot agree out of {entitled} entitled")]
    MoreAgreeingThanEntitled { agreeing: u32, entitled: u32 },
}

impl NoticeError {
    /// The stable code the pages translate into a sentence that says what
    /// to do.
    pub fn code(&self) -> &'static str {
        match self {
            NoticeError::DateOutOfRange => "governance-date-out-of-range",
            NoticeError::ConsentOnlyForGeneralMeetings => {
                "governance-consent-only-for-general-meetings"
            }
            NoticeError::MoreAgreeingThanEntitled { .. } => {
                "governance-more-agreeing-than-entitled"
            }
        }
    }
}

/// The days wholly between sending and the meeting. A meeting on or before
/// the day the notice is sent has none.
pub fn clear_days_between(sent: Date, meeting: Date) -> u32 {
    match sent.until(meeting) {
        Ok(span) => u32::try_from(i64::from(span.get_days()) - 1).unwrap_or(0),
        Err(_) => 0,
    }
}

/// The first day a meeting may be held when notice is sent on `sent`.
pub fn earliest_meeting_date(sent: Date, clear_days: u32) -> Result<Date, NoticeError> {
    sent.checked_add(Span::new().days(i64::from(clear_days) + 1))
        .map_err(|_| NoticeError::DateOutOfRange)
}

/// The last day notice may be sent for a meeting on `meeting`.
pub fn latest_notice_date(meeting: Date, clear_days: u32) -> Result<Date, NoticeError> {
    meeting
        .checked_sub(Span::new().days(i64::from(clear_days) + 1))
        .map_err(|_| NoticeError::DateOutOfRange)
}

/// Written agreement to shorter notice. Under one member one vote, members
/// and votes are the same count; under weighted rules the caller passes the
/// votes each side holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShortNoticeConsent {
    pub agreeing: u32,
    pub entitled: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeCheck {
    pub clear_days: u32,
    pub required: u32,
    /// Enough notice, by days or by consent.
    pub sufficient: bool,
    /// Sufficient only because members agreed to shorter notice.
    pub by_consent: bool,
    /// When the meeting could be held on full notice sent that day.
    pub earliest_on_full_notice: Date,
}

/// Whether notice sent on `sent` is enough for a `kind` meeting on
/// `meeting`, counting written consent to short notice where given.
pub fn check_notice(
    rules: &Rules,
    kind: MeetingKind,
    sent: Date,
    meeting: Date,
    consent: Option<ShortNoticeConsent>,
) -> Result<NoticeCheck, NoticeError> {
    let required = kind.notice_days(rules);
    let clear_days = clear_days_between(sent, meeting);
    let earliest_on_full_notice = earliest_meeting_date(sent, required)?;
    let on_time = clear_days >= required && meeting > sent;
    let by_consent = match consent {
        Some(_) if !kind.is_general() => return Err(NoticeError::ConsentOnlyForGeneralMeetings),
        Some(c) if c.agreeing > c.entitled => {
            return Err(NoticeError::MoreAgreeingThanEntitled {
                agreeing: c.agreeing,
                entitled: c.entitled,
            });
        }
        Some(c) => !on_time && consent_reaches(rules.short_notice_consent, c),
        None => false,
    };
    Ok(NoticeCheck {
        clear_days,
        required,
        sufficient: on_time || by_consent,
        by_consent,
        earliest_on_full_notice,
    })
}

fn consent_reaches(share: Share, consent: ShortNoticeConsent) -> bool {
    consent.entitled > 0
        && u64::from(consent.agreeing) * u64::from(share.denominator())
            >= u64::from(consent.entitled) * u64::from(share.numerator())
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    #[test]
    fn clear_days_leave_out_both_ends() {
        assert_eq!(clear_days_between(date(2026, 3, 1), date(2026, 3, 16)), 14);
        assert_eq!(clear_days_between(date(2026, 3, 1), date(2026, 3, 2)), 0);
        assert_eq!(clear_days_between(date(2026, 3, 1), date(2026, 3, 1)), 0);
        assert_eq!(clear_days_between(date(2026, 3, 5), date(2026, 3, 1)), 0);
    }

    #[test]
    fn clear_days_cross_month_and_year_ends() {
        // 18 Dec to 2 Jan: 19..31 Dec (13) and 1 Jan (1).
        assert_eq!(clear_days_between(date(2026, 12, 18), date(2027, 1, 2)), 14);
        // February in a leap year has 29 days.
        assert_eq!(clear_days_between(date(2028, 2, 20), date(2028, 3, 6)), 14);
        assert_eq!(clear_days_between(date(2027, 2, 20), date(2027, 3, 6)), 13);
        assert_eq!(clear_days_between(date(2026, 1, 31), date(2026, 3, 1)), 28);
    }

    #[test]
    fn earliest_and_latest_dates_agree_with_the_count() -> Result<(), NoticeError> {
        let sent = date(2026, 12, 20);
        let earliest = earliest_meeting_date(sent, 14)?;
        assert_eq!(earliest, date(2027, 1, 4));
        assert_eq!(clear_days_between(sent, earliest), 14);
        assert_eq!(latest_notice_date(earliest, 14)?, sent);
        assert_eq!(latest_notice_date(date(2028, 3, 1), 14)?, date(2028, 2, 15));
        assert_eq!(earliest_meeting_date(sent, 0)?, date(2026, 12, 21));
        Ok(())
    }

    #[test]
    fn fourteen_days_are_needed_for_a_general_meeting() -> Result<(), NoticeError> {
        let rules = Rules::default();
        let exact = check_notice(
            &rules,
            MeetingKind::General,
            date(2026, 3, 1),
            date(2026, 3, 16),
            None,
        )?;
        assert!(exact.sufficient && !exact.by_consent);
        let short = check_notice(
            &rules,
            MeetingKind::AnnualGeneral,
            date(2026, 3, 2),
            date(2026, 3, 16),
            None,
        )?;
        assert!(!short.sufficient);
        assert_eq!(short.clear_days, 13);
        assert_eq!(short.earliest_on_full_notice, date(2026, 3, 17));
        let committee = check_notice(
            &rules,
            MeetingKind::Committee,
            date(2026, 3, 8),
            date(2026, 3, 16),
            None,
        )?;
        assert!(committee.sufficient, "7 clear days for the committee");
        Ok(())
    }

    #[test]
    fn ninety_percent_may_agree_to_short_notice() -> Result<(), NoticeError> {
        let rules = Rules::default();
        let (sent, meeting) = (date(2026, 3, 10), date(2026, 3, 12));
        let agreed = |agreeing, entitled| {
            check_notice(
                &rules,
                MeetingKind::General,
                sent,
                meeting,
                Some(ShortNoticeConsent { agreeing, entitled }),
            )
        };
        let nine_of_ten = agreed(9, 10)?;
        assert!(nine_of_ten.sufficient && nine_of_ten.by_consent);
        assert!(!agreed(8, 10)?.sufficient);
        assert!(!agreed(17, 19)?.sufficient, "17/19 is 89.5%");
        assert!(agreed(18, 19)?.sufficient);
        assert!(!agreed(0, 0)?.sufficient);
        assert_eq!(
            agreed(11, 10),
            Err(NoticeError::MoreAgreeingThanEntitled {
                agreeing: 11,
                entitled: 10
            })
        );
        assert_eq!(
            check_notice(
                &rules,
                MeetingKind::Committee,
                sent,
                meeting,
                Some(ShortNoticeConsent {
                    agreeing: 5,
                    entitled: 5
                })
            ),
            Err(NoticeError::ConsentOnlyForGeneralMeetings)
        );
        Ok(())
    }
}
