## The rota: shifts, the PA on each, and why a PA may not work one.

audit-record-shift = A shift on the rota
audit-record-working_time_opt_out = An opt-out of the 48-hour week
rota-no-pa = This shift has no PA to take off.

rota-link = The rota
rota-title = The rota
rota-intro = The shifts of the week: who is supported, when, and by which PA. A shift that needs a PA is marked.
rota-new-link = Add a shift
rota-weeks = Other weeks
rota-previous-week = Previous week
rota-next-week = Next week
rota-week-empty = There are no shifts you can see this week.
rota-day-empty = No shifts.
rota-cancelled-tag = Cancelled
rota-needs-pa = Needs a PA
rota-back-to-coop = Back to the co-operative
rota-back = Back to the rota
rota-next-day = (next day)
rota-taken-off = Cylch took { $pa } off this shift: { $reasons }

rota-weekday-1 = Monday
rota-weekday-2 = Tuesday
rota-weekday-3 = Wednesday
rota-weekday-4 = Thursday
rota-weekday-5 = Friday
rota-weekday-6 = Saturday
rota-weekday-7 = Sunday

rota-kind-day = Day
rota-kind-night = Night
rota-kind-sleep_in = Sleep-in
rota-kind-waking_night = Waking night

rota-new-title = Add a shift
rota-new-intro = Choose the day, the times and who the shift is for. You can choose a PA now or later: Cylch checks that they may work it.
rota-field-date = Day
rota-field-start = Starts at
rota-field-end = Ends at
rota-field-kind = Kind of shift
rota-field-break = Break in minutes (optional)
rota-field-people = Who the shift is for
rota-field-pa = PA
rota-field-when = When
rota-hint-time = For example, 07:30
rota-hint-end = For example, 09:30. A time at or before the start is the next morning.
rota-hint-break = Whole minutes. Shifts over 6 hours need a break of 20 minutes.
rota-hint-pa = Leave as it is to find a PA later.
rota-no-pa-yet = No PA yet
rota-add-button = Add the shift

rota-shift-title = A shift
rota-assign-heading = Who can work it
rota-no-candidates = No PA works with everyone on this shift.
rota-choose-pa = Choose a PA
rota-candidate-current = On this shift now.
rota-candidate-fit = Can work this shift.
rota-candidate-unfit = Cannot work this shift:
rota-assign-button = Put this PA on the shift
rota-unassign-button = Take the PA off this shift
rota-cancel-button = Cancel this shift

rota-error-break = Enter the break as whole minutes, from 0 to 1440
rota-error-no-people = Choose who the shift is for
rota-error-time = Enter the time as hours and minutes, like 07:30
rota-error-start-missing = Enter the time the shift starts
rota-error-end-missing = Enter the time the shift ends
rota-error-kind = Choose the kind of shift
rota-error-choose-pa = Choose a PA
rota-error-pa-unfit = This PA cannot work this shift
rota-problem-end-not-after-start = The shift must end after it starts
rota-problem-too-long = A shift can last at most 72 hours
rota-problem-clocks-go-forward = That time does not happen that night: the clocks go forward an hour
rota-problem-bad-break = The break cannot be longer than the shift
rota-problem-no-people = Choose who the shift is for
rota-problem-too-many-people = A shift can support at most 4 people
rota-problem-not-supported-here = Choose people this co-operative supports
rota-problem-no-such-pa = Choose a PA this co-operative employs

rota-cancelled = This shift has been cancelled.
rota-pa-unfit = { $pa } cannot work this shift:

rota-unfit-not-started = Their employment starts on { $date }.
rota-unfit-ended = Their employment ended on { $date }.
rota-unfit-not-their-pa = They do not work with { $person }.
rota-unfit-needs-council-authorisation = They are a relative in the same household: the council's authorisation must be recorded first.
rota-unfit-rate-below-minimum = Their { $kind } rate of { $rate } is below the legal minimum of { $minimum } for someone aged { $age } on that day.
rota-unfit-no-minimum-wage-rates = Cylch has no minimum wage rates for { $date }.
rota-unfit-shifts-overlap = They are already on a shift at that time.
rota-unfit-break-too-short = The shift needs a longer break.
rota-unfit-daily-rest-too-short = They would rest only { $longest } hours in 24, where { $needed } are needed.
rota-unfit-weekly-rest-too-short = They would rest only { $longest } hours in the week, where { $needed } are needed.
rota-unfit-weekly-average-over-limit = They would work { $average } hours a week on average, over the limit of { $limit }, and have not signed an opt-out.
rota-unfit-young-daily-over-limit = They are under 18: { $minutes } hours in a day is over the limit of { $limit }.
rota-unfit-young-weekly-over-limit = They are under 18: { $minutes } hours in a week is over the limit of { $limit }.

rota-caution-below-real-living-wage = Their { $kind } rate of { $rate } is below the Real Living Wage of { $rlw }.
rota-caution-break = The shift needs a break of { $needed } minutes; { $planned } are planned.

rota-rate-day = day
rota-rate-night = night
rota-rate-weekend = weekend
rota-rate-bank-holiday = bank holiday

rota-reason-ended = Their employment has ended.
rota-reason-right-to-work-missing = No right-to-work check is on file.
rota-reason-right-to-work-ended = Their permission to work has ended.
rota-reason-dbs-missing = No enhanced DBS check is on file.
rota-reason-dbs-without-adults-barred-list = The DBS check did not include the adults' barred list.
rota-reason-dbs-recheck-due = The DBS check is due for renewal.
rota-reason-dbs-status-check-due = An Update Service status check is due.
rota-reason-dbs-new-information = The Update Service shows new information: a new certificate is needed.
rota-reason-references-missing = Not enough satisfactory references are on file.
rota-reason-training-missing = Training they need is not on file.
rota-reason-training-expired = Training they need has run out.
rota-reason-written-statement-missing = They have not acknowledged a written statement.
rota-reason-insurance-missing = The co-operative has no employer's liability insurance on file.
rota-reason-insurance-not-started = The employer's liability insurance has not started.
rota-reason-insurance-expired = The employer's liability insurance has run out.
rota-reason-insurance-cover-too-low = The employer's liability insurance covers less than the law asks.

rota-taken-off-subject = { $pa } is off the shift on { $when }
rota-taken-off-body =
    Hello { $name },

    Cylch has taken { $pa } off the shift on { $when }, because:
    - { $reasons }

    The shift needs another PA. See it and choose one here:
    { $link }
