# Timesheets: each PA's time in each pay period.

## The audit trail's names for timesheet records
audit-record-timesheet = Timesheet
audit-record-timesheet_line = Line of a timesheet
audit-record-timesheet_approver = Who approves a person's time

## The list
timesheets-title = Timesheets
timesheets-link = Timesheets
timesheets-intro = A timesheet records the time each PA worked in a pay period: built from the rota, or entered by hand. The PA confirms or corrects it, and the person the time was for approves it. Approved time cannot be changed; a later correction is an adjustment, approved the same way.
timesheets-yours-heading = Your timesheets
timesheets-yours-link = Your timesheet for this pay period
timesheets-to-approve-heading = Time to approve
timesheets-to-approve-none = There is no time waiting for you to approve.
timesheets-to-approve-caption = Timesheets with time waiting for your approval
timesheets-pas-heading = Each PA's timesheet for this pay period
timesheets-pas-none = The co-operative employs no PAs yet.
timesheets-all-heading = Timesheets so far
timesheets-all-caption = Every timesheet you can see, the latest first
timesheets-col-pa = PA
timesheets-col-period = Pay period
timesheets-col-waiting = Lines waiting for you
timesheets-col-state = Where it stands
timesheets-col-hours = Hours
timesheets-approvers-heading = Who approves the time
timesheets-approvers-intro = The person the time was for approves it, or their representative. They can choose the coordinator instead.
timesheets-approver-legend = Who approves the time spent with { $name }
timesheets-approver-person = { $name } or their representative
timesheets-approver-coordinator = The coordinator
timesheets-approver-officers-only = Nobody signs in for this person, so the coordinator approves their time.
timesheets-approver-button = Save who approves for { $name }
timesheets-period = Pay period { $from }

## One timesheet
timesheets-sheet-title = Timesheet
timesheets-sheet-heading = Timesheet: { $name }
timesheets-periods-nav = Pay periods
timesheets-previous = Previous pay period
timesheets-next = Next pay period
timesheets-own-intro = Check each line. Confirm the lines that are right; correct any that are not, saying why.
timesheets-lines-heading = The time
timesheets-no-lines = No time is recorded in this pay period yet.
timesheets-lines-caption = Time in this pay period ({ $total } hours counted)
timesheets-col-day = Day
timesheets-col-start = Start
timesheets-col-end = End
timesheets-col-break = Break (minutes)
timesheets-col-kind = Kind
timesheets-col-for = For
timesheets-approved-by-them = approved
timesheets-note-original = Before correction: { $figures }
timesheets-note-reason = Why: { $reason }
timesheets-note-adjustment = An adjustment of an approved line
timesheets-note-replaced = Replaced by an adjustment
timesheets-note-adjustment-waits = An adjustment of this line waits for approval
timesheets-note-woken = Woken and working for { $minutes } minutes
timesheets-correct-link = Correct this line
timesheets-adjust-link = Adjust this line
timesheets-confirm-heading = Confirm your time
timesheets-confirm-intro =
    { $count ->
        [one] One line waits for you to confirm it.
       *[other] { $count } lines wait for you to confirm them.
    }
timesheets-confirm-button = Confirm these times
timesheets-approve-heading = Approve the time
timesheets-approve-intro = Approve the time when it is right. Once approved it cannot be changed.
timesheets-approve-button = Approve the time with { $name }
timesheets-add-heading = Add time
timesheets-build-intro = Bring in the shifts this PA worked on the rota in this pay period. A shift already on the timesheet is not added twice.
timesheets-build-button = Bring in the shifts from the rota
timesheets-add-link = Add time that was not on the rota
timesheets-back-to-list = Back to the timesheets
timesheets-back-to-sheet = Back to the timesheet

## States
timesheets-state-empty = Nothing recorded
timesheets-state-to-confirm = Waiting for the PA
timesheets-state-to-approve = Waiting for approval
timesheets-state-locked = Approved and locked
timesheets-line-to-confirm = To confirm
timesheets-line-to-approve = To approve
timesheets-line-approved = Approved

## Kinds of time
timesheets-kind-day = Day
timesheets-kind-night = Night
timesheets-kind-sleep_in = Sleep-in
timesheets-kind-waking_night = Waking night
timesheets-kind-holiday = Holiday
timesheets-kind-sickness = Sickness

## Adding and changing a line
timesheets-add-title = Add time
timesheets-add-intro = Time that was not on the rota. Say when it started and ended, any break, and whom it was for.
timesheets-add-button = Add the time
timesheets-correct-title = Correct a line
timesheets-correct-intro = Put the right figures and say why. The figures before your correction are kept.
timesheets-correct-button = Save the correction
timesheets-adjust-title = Adjust an approved line
timesheets-adjust-intro = This line is approved, so it cannot be changed. An adjustment replaces it once it is approved the same way.
timesheets-adjust-button = Make the adjustment
timesheets-field-start = Start
timesheets-field-end = End
timesheets-hint-time = The date and time, for example 10/06/2026 09:00
timesheets-field-break = Break, in minutes
timesheets-hint-minutes = Whole minutes; leave blank for none
timesheets-field-kind = Kind of time
timesheets-field-woken = On a sleep-in, minutes woken and working
timesheets-hint-woken = Whole minutes; leave blank for none
timesheets-field-people = Whom the time was for
timesheets-field-reason = Why the figures change

## Problems with what was typed
timesheets-enter-start = Enter when the time started
timesheets-enter-end = Enter when the time ended
timesheets-problem-time-format = Enter a date and time, like 10/06/2026 09:00
timesheets-problem-not-minutes = Enter whole minutes, like 30
timesheets-choose-kind = Choose the kind of time
timesheets-choose-person = Choose whose time to approve
timesheets-choose-approver = Choose who approves the time
timesheets-problem-end-not-after-start = The end must be after the start
timesheets-problem-too-long = A line can be at most 72 hours long
timesheets-problem-clocks-go-forward = That time did not happen: the clocks went forward over it
timesheets-problem-bad-break = The break cannot be longer than the time
timesheets-problem-bad-woken = Minutes woken are recorded only on a sleep-in, and cannot be longer than it
timesheets-problem-in-future = A timesheet records time already worked: the end must not be in the future
timesheets-problem-outside-period = The start must be in this pay period
timesheets-problem-no-people = Choose whom the time was for
timesheets-problem-not-their-person = Choose someone this PA works with
timesheets-problem-no-reason = Say why the figures change
timesheets-problem-reason-too-long = The reason must be 500 characters or fewer
timesheets-problem-unchanged = The figures are the same as before: change them, or go back

## Refusals
timesheets-invalid = Something typed was not right.
timesheets-not-the-pa = Only the PA confirms or corrects their own time.
timesheets-locked = This time has been approved, so it cannot be changed. Make an adjustment instead.
timesheets-not-approved-yet = Only approved time is adjusted. Correct this line instead.
timesheets-already-adjusted = This line already has an adjustment.
timesheets-own-time = Nobody approves their own time, whatever office they hold.
timesheets-not-approver = This time is approved by the person it was for, their representative, or the coordinator if they chose.
timesheets-not-their-choice = Only the person, or their representative, chooses who approves their time.
timesheets-nothing-to-confirm = There is nothing waiting for you to confirm.
timesheets-nothing-to-approve = There is nothing waiting for your approval. The PA may not have confirmed it yet.
timesheets-choose-line = Choose the line to change
