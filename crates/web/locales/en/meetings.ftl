# meetings: the English messages of this area. Every id here has a Welsh twin in ../cy/meetings.ftl.ftl.

## The list of meetings
meetings-link = Meetings
meetings-title = Meetings
meetings-intro = General meetings, the annual general meeting (AGM) and committee meetings: the notice, who came, the votes taken and the minutes.
meetings-agm-heading = The next AGM
meetings-agm-due = The next AGM must be held by { $date }.
meetings-agm-days-left = Days left: { $count }.
meetings-agm-overdue = The AGM is overdue: it should have been held by { $date }. Schedule it now.
meetings-agm-reason-first_after_registration = The first AGM is due within { $months } months of registration.
meetings-agm-reason-months_since_last = Each AGM is due within { $months } months of the last one.
meetings-agm-reason-calendar_year = The rules ask for an AGM in every calendar year.
meetings-agm-no-registration = No registration date is recorded yet. Record the registration with the FCA under forming the co-operative, and the date the first AGM is due will show here.
meetings-upcoming = Upcoming meetings
meetings-past = Past meetings
meetings-none-upcoming = No meetings are scheduled.
meetings-none-past = No meetings have been held yet.
meetings-col-meeting = Meeting
meetings-col-date = Date
meetings-col-status = Status
meetings-kind-annual_general = Annual general meeting (AGM)
meetings-kind-general = General meeting
meetings-kind-committee = Committee meeting
meetings-kind-annual_general-hint = Every member is sent notice. Held every year, to receive the accounts and elect the committee.
meetings-kind-general-hint = Every member is sent notice, for decisions that cannot wait for the AGM.
meetings-kind-committee-hint = Every officer is sent notice.
meetings-state-scheduled = Scheduled; notice not yet sent
meetings-state-notice_sent = Notice sent
meetings-state-held = Held
meetings-state-minutes_drafted = Minutes drafted
meetings-state-minutes_approved = Minutes approved
meetings-state-locked = Minutes approved and locked
meetings-state-cancelled = Called off

## Scheduling a meeting
meetings-schedule = Schedule a meeting
meetings-field-kind = Kind of meeting
meetings-field-date = Date
meetings-date-hint = For example, 2026-06-20.
meetings-field-time = Start time
meetings-time-hint = The time in Wales, for example 19:00.
meetings-field-place = Where
meetings-place-hint = An address, or the link to join online.
meetings-field-agenda = Agenda
meetings-agenda-hint = One item on each line: what the meeting will discuss and decide.
meetings-field-proposals = Proposals to decide at the meeting
meetings-proposals-hint = Votes given at the meeting are counted with those cast online.
meetings-schedule-button = Schedule the meeting
meetings-error-kind = Choose the kind of meeting.
meetings-error-date = Enter the date of the meeting, like 2026-06-20.
meetings-error-date-past = The meeting must be today or later.
meetings-error-time = Enter the start time, like 19:00.
meetings-error-place = Enter where the meeting is, or the link to join it.
meetings-error-place-long = Shorten where the meeting is to 500 characters or fewer.
meetings-error-agenda = Enter at least one agenda item, or choose a proposal to decide.
meetings-error-agenda-long = Shorten the agenda to 5,000 characters or fewer.
meetings-error-proposal = Choose proposals from the list: only proposals not yet decided can be taken to a meeting.

## One meeting
meetings-back = All meetings
meetings-dt-kind = Kind
meetings-dt-when = When
meetings-dt-place = Where
meetings-dt-status = Status
meetings-when = { $date } at { $time }
meetings-scheduled-by = Scheduled by { $name }.
meetings-agenda-heading = Agenda
meetings-agenda-proposal = To decide: { $title }
meetings-refused-title = This cannot be done
meetings-done = Saved.

## Notice
meetings-notice-heading = Notice
meetings-notice-rule = The rules ask for { $days } clear days' notice: neither the day it is sent nor the day of the meeting counts.
meetings-notice-latest = For full notice, send it by { $date }.
meetings-notice-sent = Notice was sent on { $date }, giving { $clear } clear days.
meetings-notice-by-consent = Notice was shorter than the rules ask, with the written agreement of enough of the members.
meetings-notice-caption = Who was sent notice
meetings-col-language = Language
meetings-language-en = English
meetings-language-cy = Welsh
meetings-entitled = People entitled to notice: { $count }.
meetings-notice-intro = Sending notice emails everyone entitled to it, each in their own language, with the date, time, place and agenda.
meetings-field-consent = Members who agreed in writing to shorter notice
meetings-consent-hint = Only if notice is shorter than the rules ask: how many members have agreed in writing. Leave it empty otherwise.
meetings-send-notice-button = Send notice
meetings-notice-done = Notice is on its way to everyone entitled.
meetings-notice-failed = Notice is recorded, but the email to { $names } could not be sent. Give them notice another way.
meetings-error-consent = Enter the number of members who agreed, as a whole number, or leave it empty.

## Why a step was refused
meetings-error-notice-too-short = Notice sent on { $sent } gives { $clear } clear days, but the rules ask for { $required }. Hold the meeting on or after { $earliest }, or record how many members agreed in writing to shorter notice.
meetings-error-invalid-step = The meeting is not at the stage for that. See what comes next on this page.
meetings-error-no-agenda = Notice must carry the agenda. Add an agenda item first.
meetings-error-not-everyone-notified = Notice must go to everyone entitled to it.
meetings-error-held-on-another-day = A meeting is recorded as held on its own day.
meetings-error-approved-too-early = Minutes are approved at a meeting held after the one they record.
meetings-error-approved-at-same-meeting = Minutes cannot be approved at the meeting they record. Approve them at the next one.
meetings-error-approved-by-another-body = The committee approves its own minutes, and the members in general meeting approve theirs.
meetings-error-not-quorate = The meeting is not quorate, so it can make no decision. Record who has arrived first.
meetings-error-consent-only-general = Only a general meeting can be held on shorter notice by the members' agreement. Choose a later date.
meetings-error-more-agreeing = More members cannot agree than are entitled to notice. Check the number.
meetings-error-date-out-of-range = That date is outside the calendar Cylch can count in.
meetings-error-proxies-not-allowed = The rules do not allow proxies here: committee members attend in person, and general meetings only where the rules allow proxies.
meetings-error-too-many-proxies = One member holds more proxies than the rules allow. Choose another holder for some of them.
meetings-error-own-proxy = A member cannot hold their own proxy.
meetings-error-duplicate-voter = Each person is recorded once.
meetings-error-other = That could not be done. Check the meeting and try again.
meetings-not-entitled = Only people who were sent notice of the meeting are recorded as attending.
meetings-attendance-closed = Attendance is recorded once notice has gone out, until the minutes are drafted.
meetings-holder-not-present = A proxy holder must be at the meeting in person. Record them as present first.
meetings-unknown-proposal = Choose proposals from the list: only proposals not yet decided can be taken to a meeting.
meetings-proposal-not-on-agenda = That proposal is not to be decided at this meeting.
meetings-nobody-entitled = Nobody is entitled to notice of this meeting yet: a general meeting needs members, a committee meeting officers.

## Attendance and quorum
meetings-attendance-heading = Who came
meetings-attendance-intro = Record who is present, who sent apologies, who was absent and who was represented by proxy. The quorum is worked out again each time you save.
meetings-attendance-before-notice = Attendance is recorded once notice has been sent.
meetings-attendance-caption = Attendance
meetings-col-attendance = Attendance
meetings-mark-none = Not recorded
meetings-mark-present = Present
meetings-mark-apologies = Sent apologies
meetings-mark-absent = Absent
meetings-mark-proxy = Represented by proxy: { $name }
meetings-attendance-button = Save attendance
meetings-quorum-heading = Quorum
meetings-quorum-line = Counted: { $present } ({ $in_person } present, { $by_proxy } by proxy). Apologies: { $apologies }. Needed: { $required } of the { $entitled } entitled.
meetings-quorate = The meeting is quorate.
meetings-not-quorate = The meeting is not quorate: it can make no decision.
meetings-quorum-none = The quorum is worked out once notice has been sent and attendance is recorded.

## Holding the meeting
meetings-hold-heading = Open the meeting
meetings-hold-intro = On the day, once attendance is recorded, record the meeting as held. Its quorum is kept with the record.
meetings-hold-button = Record the meeting as held
meetings-hold-not-today = The meeting can be recorded as held on its day, { $date }.

## Votes at the meeting
meetings-votes-heading = Votes at the meeting
meetings-votes-intro = Enter each vote given at the meeting. It counts with the votes cast online, and each member has one vote however they give it.
meetings-votes-wait = Votes are taken once the meeting is held and quorate.
meetings-votes-proposal-link = See the proposal, its votes so far and its result
meetings-field-proposal = Proposal
meetings-field-member = Member
meetings-choose-member = Choose a member
meetings-field-choice = Their vote
meetings-vote-button = Record the vote
meetings-error-vote-proposal = Choose the proposal the vote is on.
meetings-error-member = Choose the member who voted.
meetings-error-choice = Choose how they voted.
meetings-vote-recorded = The vote is recorded.

## Minutes
meetings-minutes-heading = Minutes
meetings-minutes-none = No minutes have been drafted yet.
meetings-field-minutes = Draft minutes
meetings-minutes-hint = What was discussed and decided. The draft can change until it is approved at the next meeting.
meetings-minutes-button = Save the draft minutes
meetings-error-minutes = Write the minutes before saving them.
meetings-error-minutes-long = Shorten the minutes to 50,000 characters or fewer.
meetings-minutes-draft = These minutes are a draft until they are approved at the next meeting.
meetings-minutes-approved = These minutes were approved at the meeting on { $date }.
meetings-minutes-locked = These minutes were approved at the meeting on { $date } and are locked: they cannot change.
meetings-approve-heading = Approve the minutes of an earlier meeting
meetings-approve-intro = While this meeting is quorate, it can approve the minutes of an earlier meeting of the same body.
meetings-field-earlier = Meeting whose minutes are approved
meetings-approve-button = Approve these minutes
meetings-error-earlier = Choose the meeting whose minutes are approved.
meetings-lock-heading = Lock the minutes
meetings-lock-intro = Once locked, the minutes and the record of who came can never change.
meetings-lock-button = Lock the minutes
meetings-cancel-heading = Call off the meeting
meetings-cancel-intro = Calling off a meeting keeps its record. Let everyone sent notice know.
meetings-cancel-button = Call off this meeting

## The notice email
meetings-email-subject = Notice of a meeting: { $coop }, { $date }
meetings-email-body =
    Hello { $name },

    This is notice of a meeting of { $coop }.

    { $kind }
    When: { $date } at { $time }
    Where: { $place }

    Agenda:
    { $agenda }

    The meeting's page, with its agenda and later its minutes: { $link }

    If you cannot come, please send your apologies to the secretary.
audit-record-meeting = Meeting
audit-record-meeting_attendance = Attendance at a meeting
