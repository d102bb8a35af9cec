# Holiday and absence of employed PAs.

## Names of leave records in the audit trail
audit-record-holiday_request = Holiday request
audit-record-sickness_absence = Sickness absence
audit-record-other_leave = Other leave
audit-record-leave_settings = Leave year
audit-record-leave_hours_worked = Hours worked for holiday

## A PA's leave
leave-title = Holiday and absence
leave-link = Holiday and absence
leave-heading = { $name }: holiday and absence
leave-back-to-record = Back to the employment record
leave-balance-heading = Holiday balance
leave-year = Leave year { $year }.
leave-method-pro-rata = Holiday is 5.6 weeks of the working week, capped at 28 days, for the part of the year employed.
leave-method-accrual = Holiday builds up at 12.07% of the hours worked in each pay period.
leave-balance-entitlement = Holiday this leave year
leave-balance-accrued = Holiday built up so far
leave-balance-taken = Taken
leave-balance-booked = Approved, still to take
leave-balance-pending = Asked for, awaiting a decision
leave-balance-remaining = Left to take
leave-hours = { $hours } hours
leave-hours-and-days = { $hours } hours ({ $days } days)
leave-away-intro = You can see when this PA is away and decide the holiday they ask for. Why they are away is not shown to you.
leave-away-heading = Days away
leave-away-none = Nothing is planned.
leave-fit-note-reminder = A fit note is needed for sickness from { $date }: more than 7 days in a row. Ask the PA's doctor for one.

## Asking for holiday
leave-request-heading = Ask for holiday
leave-field-first-day = First day
leave-field-last-day = Last day
leave-field-days = Working days of holiday
leave-field-hours = Hours of holiday
leave-field-note = Note
leave-hint-last-day = The same as the first day for a single day
leave-hint-days = Whole or half days, such as 2 or 0.5. A working day is { $hours } hours.
leave-hint-hours = Hours, such as 7.5
leave-hint-optional = Optional
leave-request-button = Ask for holiday

## Requests
leave-requests-heading = Holiday requests
leave-requests-none = No holiday has been asked for.
leave-state-requested = Awaiting a decision
leave-state-approved = Approved
leave-state-declined = Declined
leave-state-cancelled = Cancelled
leave-decided-by = by { $name }
leave-approve-button = Approve holiday { $dates }
leave-decline-button = Decline holiday { $dates }
leave-cancel-button = Cancel holiday { $dates }
leave-field-decline-reason = Why it is declined

## Sickness
leave-sickness-heading = Sickness
leave-sickness-intro = Record each day off sick, weekends included, so that the pay run can pay Statutory Sick Pay. After 7 days in a row the PA needs a fit note. Only the PA and the officers who carry the employer's duties see this.
leave-sickness-none = No sickness is recorded.
leave-sick-since = Off sick since { $date }
leave-sick-days = { $days } days
leave-field-fit-note = Fit note
leave-fit-note-missing = Needed, not yet received
leave-fit-note-not-needed = Not needed
leave-field-sick-reason = Reason
leave-field-back-on = Last day off sick
leave-field-fit-note-received = Fit note received on
leave-hint-keep = Leave blank to keep what is recorded
leave-sickness-update-button = Save the end or fit note
leave-sickness-record-heading = Record sickness
leave-field-sick-from = First day off sick
leave-field-sick-to = Last day off sick
leave-hint-still-off = Leave blank while still off
leave-hint-sick-reason = Optional. Health information: only the PA and the employer's officers see it.
leave-sickness-button = Record sickness

## Other leave
leave-other-heading = Other leave
leave-other-none = No other leave is recorded.
leave-field-kind = Kind of leave
leave-choose = Choose
leave-other-button = Record leave
leave-kind-compassionate = Compassionate leave
leave-kind-maternity = Maternity leave
leave-kind-paternity = Paternity leave
leave-kind-adoption = Adoption leave
leave-kind-shared_parental = Shared parental leave
leave-kind-parental = Unpaid parental leave
leave-kind-parental_bereavement = Parental bereavement leave
leave-kind-neonatal = Neonatal care leave
leave-kind-carers = Carer's leave
leave-kind-dependants = Time off for dependants
leave-kind-jury_service = Jury service
leave-kind-unpaid = Unpaid leave
leave-kind-other = Other leave

## Hours worked
leave-hours-heading = Hours worked
leave-hours-intro = Holiday builds up on the hours worked in each pay period. Record them here until timesheets do.
leave-field-period-end = Last day of the pay period
leave-field-hours-worked = Hours worked
leave-hours-button = Record hours worked

## Requests awaiting a decision
leave-requests-title = Holiday requests to decide
leave-requests-link = Holiday requests to decide
leave-requests-intro = Holiday that the PAs who support you, or whom you manage, have asked for.
leave-awaiting-none = No holiday is waiting for your decision.
leave-approve-for = Approve { $name }'s holiday
leave-decline-link = Decline { $name }'s holiday, with a reason
leave-year-heading = Leave year
leave-year-now = Each leave year starts on { $start }.
leave-field-year-day = Day
leave-field-year-month = Month
leave-year-button = Save the leave year
leave-month-1 = January
leave-month-2 = February
leave-month-3 = March
leave-month-4 = April
leave-month-5 = May
leave-month-6 = June
leave-month-7 = July
leave-month-8 = August
leave-month-9 = September
leave-month-10 = October
leave-month-11 = November
leave-month-12 = December

## Problems
leave-enter-first-day = Enter the first day
leave-enter-last-day = Enter the last day
leave-enter-days = Enter the working days of holiday
leave-enter-hours = Enter the hours
leave-enter-reason = Enter why the holiday is declined
leave-enter-request = Choose the request
leave-enter-absence = Choose the sickness absence
leave-enter-period-end = Enter the last day of the pay period
leave-enter-end-or-fit-note = Enter the last day off sick or the day the fit note arrived
leave-choose-kind = Choose the kind of leave
leave-choose-month = Choose the month
leave-choose-day = Enter a day of the month from 1 to 31
leave-error-number = Enter a number, such as 2 or 7.5
leave-problem-last-before-first = The last day must be the same as or after the first day
leave-problem-too-far-in-past = Holiday can be asked for no more than 4 weeks back; ask an officer to correct older holiday
leave-problem-across-leave-years = The holiday runs into the next leave year: ask for each year's part on its own
leave-problem-sickness-in-future = The first day off sick cannot be after today
leave-problem-nothing-asked = Enter more than nothing
leave-problem-more-than-the-days = That is more than the days from the first to the last day can hold
leave-problem-fit-note-before-first = The fit note cannot arrive before the first day off sick
leave-problem-too-large = The amount is too large
leave-problem-period-in-future = The pay period must have ended
leave-problem-year-start = Choose a day that is in every year: not 29 February, nor a day the month does not have
leave-problem-before-reform = Holiday for this leave year followed the rules before April 2024, which Cylch does not work out
leave-problem-negative = Hours cannot be less than nothing
leave-problem-overlaps = These days overlap holiday already asked for or approved
leave-problem-outside-employment = These days are outside the employment: before it began or after it ended
leave-not-enough = That is { $asked } hours, but only { $available } hours are left to ask for this leave year
leave-own-request = Nobody decides their own holiday: the person you support or an officer decides it
leave-not-awaiting = This request has already been decided or cancelled
leave-already-begun = This holiday has begun, so it cannot be cancelled: ask an officer to correct it
