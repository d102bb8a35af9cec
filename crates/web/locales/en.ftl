## Page furniture
skip-to-content = Skip to main content
nav-label = Main menu
nav-home = Home
nav-account = Your account
nav-admin = Run this service
nav-sign-out = Sign out
nav-sign-in = Sign in
switch-language = Cymraeg
footer-text = Cylch: run by its members, for its members.

## Forms and their errors
error-summary-title = There is a problem
error-prefix = Error:
error-title-prefix = Error:
error-missing = Enter a value
error-too-long = The value is too long
error-email-format = Enter an email address in the right form, like name@example.com
error-password-short = The password must be at least 10 characters
error-password-long = The password must be at most 256 characters
error-unknown-choice = Choose one of the options
error-password-mismatch = The two passwords do not match
error-email-taken = That email address already has an account
error-current-password = Your current password is not right
error-current-password-throttled = Your current password has been tried too many times. Wait 15 minutes, or sign out and reset your password.
# The same problems, in words that name the field (by its id on the page).
error-field-missing =
    { $field ->
        [plan_description] Enter what the spending is for
        [plan_amount] Enter the amount planned
        [plan_starts_on] Enter the date the spending starts
        [email] Enter an email address
        [password] Enter a password
        [current] Enter your current password
        [confirm] Type the new password again
        [name] Enter a name
        [token_name] Enter a name for the token
        [kind] Choose the kind of co-operative
        [office] Choose an office
        [language] Choose a language
        [starts_on] Enter the date it starts
        [ends_on] Enter the date it ends
        [person] Choose the person
        [receipt_person] Choose the person the money is for
        [council] Enter the name of the council
        [dp_amount] Enter the amount of the Direct Payment
        [amount] Enter the amount
        [receipt_amount] Enter the amount received
        [date] Enter the date
        [receipt_date] Enter the date the money arrived
        [description] Enter what the money was spent on
        [receipt_description] Enter where the money came from
        [csv] Paste the bank statement
        [category] Choose a category
        [charge_to] Choose whose fund pays
        [frequency] Choose how often it is paid
        [registration_number] Enter the registration number
        [registered_on] Enter the date of registration
        [people_count] Enter the number of people
        [document] Enter where the document is kept
        [fca_registration_number] Enter the FCA registration number
        [hmrc_employer_reference] Enter the employer PAYE reference
        [insurer] Enter the name of the insurer
        [policy_number] Enter the policy number
        [cover_pence] Enter the amount of cover
        [expires_on] Enter the date the cover ends
        [pension_provider] Enter the name of the pension provider
        [ciw_registration_number] Enter the CIW registration number
        [person_name] Enter the person's name
        [council_reference] Enter the council's reference
       *[other] Enter a value
    }
error-field-too-long =
    { $field ->
        [email] The email address is too long
        [name] The name is too long
        [token_name] The name for the token is too long
       *[other] The value is too long
    }
error-field-unknown-choice =
    { $field ->
        [kind] Choose one of the kinds of co-operative
        [office] Choose one of the offices
        [language] Choose English or Welsh
        [member] Choose one of the members, or none
        [representative] Choose one of the members, or none
        [reason] Choose why support ends
       *[other] Choose one of the options
    }

## Signing in
sign-in-title = Sign in
sign-in-expired = Your session ended because it was not used for a while. Sign in again to carry on where you were.
reset-done = Your password has been changed. Sign in with your new password.
field-email = Email address
field-password = Password
sign-in-button = Sign in
sign-in-forgot = Forgotten your password?
sign-in-throttled = Too many attempts to sign in with this email address. Wait 15 minutes, or reset your password.
sign-in-throttled-client = Too many attempts to sign in have failed from this network. Wait 15 minutes, or reset your password.
sign-in-wrong = The email address or password is not right
signed-out-title = You have signed out
signed-out-body = You have signed out of Cylch on this device.

## Resetting a password
reset-title = Reset your password
reset-intro = Enter the email address you use for Cylch. We will send you a link to choose a new password.
reset-send = Send the link
reset-sent-title = Check your email
reset-sent-body = If there is an account with that email address, we have sent it a link to choose a new password. The link works for one hour.
reset-expired-title = This link no longer works
reset-expired-body = The link has been used already or is more than an hour old. Ask for a new one.
new-password-title = Choose a new password
field-new-password = New password
hint-password = At least 10 characters. A few unrelated words make a strong password that is easy to remember.
field-confirm-password = Type the new password again
save-password = Save the password
field-language = Language
email-reset-subject = Reset your Cylch password
email-reset-body =
    Someone asked to reset the password of your Cylch account.

    To choose a new password, open this link within one hour:
    { $link }

    If it was not you, you can ignore this email; your password has not changed.

## Home
home-page-title = Home
home-title = Hello, { $name }
home-no-coops = You do not belong to a co-operative on Cylch yet. When a co-operative invites you, it will appear here.
home-your-coops = Your co-operatives
home-your-roles = Your roles:
home-admin-link = Create a co-operative or invite its first officer

## Kinds of co-operative
kind-family = Family co-operative
kind-family-hint = Employs PAs and shares their support among no more than four people.
kind-pa_coop = PA co-operative
kind-pa_coop-hint = PAs who support one another and advertise their services. It employs no one.
kind-citizen_led = Citizen-led co-operative
kind-citizen_led-hint = Commissions or provides services for more people. Supporting more than four people needs registration with Care Inspectorate Wales.

## Roles
office-chair = Chair
office-secretary = Secretary
office-treasurer = Treasurer
office-coordinator = Coordinator
class-supported_person = Supported person
class-representative = Representative of a supported person
class-family_or_carer = Family member or carer
class-pa = Personal assistant (PA)
class-supporter = Supporter

## A co-operative
coop-page-title = Co-operative
coop-audit-link = Read the audit trail
coop-members = Members
member-count =
    { $count ->
        [one] 1 member
       *[other] { $count } members
    }
col-name = Name
col-roles = Roles
col-kind = Kind
col-actions = Actions
col-created = Created

## Audit trail
audit-title = Audit trail
audit-intro = Every change to the records of { $coop }, newest first.
audit-caption = Changes
col-when = When
col-who = Who
col-record = Record
col-change = Change
col-details = Details
audit-system = Cylch
audit-record-coop = Co-operative
audit-record-membership = Membership
audit-record-office = Office
audit-record-invitation = Invitation
audit-record-account = Account
audit-record-session = Sign-in
audit-record-api_token = API token
audit-record-supported_person = Supported person
audit-record-ciw_registration = Registration with Care Inspectorate Wales
audit-record-dp_arrangement = Direct Payment arrangement
audit-record-payment_claim = Payment claim
audit-record-claim_approval = Approval of a claim
audit-record-claim_payment = Payment of a claim
audit-record-ledger_entry = Ledger entry
audit-record-ledger_settings = Ledger settings
audit-record-bank_import = Bank statement import
audit-record-bank_match = Bank payment matched
audit-record-planned_spending = Planned spending
audit-action-created = Created
audit-action-updated = Changed
audit-action-deleted = Removed
audit-before = Before:
audit-after = After:

## Account
account-title = Your account
account-details = Your details
field-name = Name
save-details = Save your details
account-password = Change your password
field-current-password = Current password
field-current-password-for-email = Your password, to change your email address
account-sessions = Where you are signed in
session-count =
    { $count ->
        [one] You are signed in on 1 device or browser.
       *[other] You are signed in on { $count } devices or browsers.
    }
sign-out-everywhere = Sign out everywhere
account-tokens = API tokens
tokens-intro = A token lets another program use Cylch's API as you. Keep it secret, and revoke it when it is no longer needed.
token-created = Your new token is below. Copy it now: it will not be shown again.
token-revoke = Revoke
field-token-name = Name of a new token
token-create = Create a token
account-saved-details = Your details have been saved.
account-saved-password = Your password has been changed. You have been signed out everywhere else.
account-saved-token = The token has been revoked.
hint-current-password-email = Needed only if you change your email address
email-address-changed-subject = Your Cylch email address has changed
email-address-changed-body = The email address of your Cylch account has been changed to { $email }. Cylch will send its emails there from now on.

    If you did not change it, someone else may be using your account: reset your password, and tell your co-operative's officers.

## Running the service
admin-title = Run this service
admin-intro = Create a co-operative and invite its first officer. You do not see the co-operatives' care, health or money records.
admin-coops = Co-operatives on this service
admin-no-coops = There are no co-operatives yet.
admin-invite-link = Invite an officer
admin-create = Create a co-operative
field-coop-name = Name of the co-operative
field-coop-kind = Kind of co-operative
admin-create-button = Create the co-operative
invite-page-title = Invite an officer
invite-title = Invite the first officer of { $coop }
invite-intro = We will email them a link to join. The link works for 14 days.
field-office = Office
invite-send = Send the invitation
invite-sent-title = Invitation sent
invite-sent-body = We have emailed an invitation to { $email }.
email-invite-subject = You are invited to join { $coop } on Cylch
email-invite-body =
    You have been invited to join { $coop } on Cylch.

    To accept, open this link within 14 days:
    { $link }

## Invitations
invitation-title = Join your co-operative
invitation-intro = You have been invited to join { $coop } as { $role }.
invitation-accept = Accept the invitation
invitation-gone-title = This invitation no longer works
invitation-gone-body = It has been accepted already or is more than 14 days old. Ask the person who invited you to send a new one.

## Errors
error-refused-title = This was not done
error-refused-back = Go back
error-not-found-title = Page not found
error-not-found-body = If you typed the web address, check it is correct. If you followed a link, the page may have moved or you may not have access to it.
error-forbidden-title = You cannot do this
error-forbidden-body = Your role does not allow this. If you think it should, ask an officer of your co-operative.
error-sign-in-required-title = Sign in to carry on
error-sign-in-required-body = You need to sign in to see this.
error-csrf-title = The form had expired
error-csrf-body = For your security the form could not be sent. Go back, reload the page and try again.
error-bad-request-title = Something in the request was not right
error-bad-request-body = Go back and try again. If it keeps happening, contact the people who run this service.
error-too-large-title = That was too much to send at once
error-too-large-body = What you sent is larger than Cylch accepts. Go back and send something shorter.
error-method-not-allowed-title = That cannot be done here
error-method-not-allowed-body = This page cannot be used in that way. Go back and use the buttons on the page.
error-internal-title = Sorry, something went wrong
error-internal-body = Nothing you did caused this, and nothing you entered was saved halfway. Try again in a few minutes.
error-reference = If you contact the people who run this service, give them this reference: { $reference }
error-go-home = Go to the home page

signed-out-everywhere-title = You have signed out everywhere
signed-out-everywhere-body = You have signed out of Cylch on every device and browser, this one included.

## People the co-operative supports
error-date-format = Enter a real date, like 6/4/2026
error-control-character = Remove the invisible control characters (such as a bell or a form feed) from this text
error-amount-too-large = Enter an amount of no more than £10,000,000
invite-error-themselves = You cannot invite yourself: invite the person who will hold the office
invite-error-has-officers = This co-operative already has officers. They invite anyone else, from the co-operative's members page
hint-date = For example, 6/4/2026
support-title = People the co-operative supports
support-link = People the co-operative supports
support-rule = A family co-operative stays outside the regulation of domiciliary care agencies only while it gives care and support to no more than four people at any one time. Ending someone's support frees their place from that day; their entry is kept.
support-places-in-use =
    { $count ->
        [one] 1 of { $limit } places is in use today.
       *[other] { $count } of { $limit } places are in use today.
    }
support-ciw-registered = Registered with Care Inspectorate Wales ({ $number }): the four-person limit does not apply from the date of registration.
support-pa-coop = A PA co-operative supports its PAs and does not give care and support itself, so it has no supported people.
support-caption = Everyone the co-operative supports or has supported
support-col-link = Member or represented by
support-col-from = From
support-col-to = To
support-continuing = Continuing
support-is-member = A member
support-represented-by = Represented by { $name }
support-add = Give someone a place
support-field-name = Name of the person
support-field-member = The person's own membership
support-field-representative = The member who represents them
support-representative-hint = Choose this when a member acts for the person, for example a parent or an appointee.
support-none = None
support-field-starts = Support starts on
support-add-button = Give them a place
support-end-heading = End { $name }'s support
support-field-ends = Support ends on
support-field-reason = Why support ends
support-end-button = End support
support-end-no_longer_needed = No longer needed
support-end-moved_away = Moved away
support-end-chose_another_provider = Chose another provider
support-end-died = Died
support-end-moved_to_another_coop = Moved to another co-operative
support-end-other = Another reason
support-ciw-heading = Registration with Care Inspectorate Wales
support-ciw-intro = A co-operative that gives care and support to more than four people is a domiciliary support service. It must register with Care Inspectorate Wales first, name a Responsible Individual, keep a statement of purpose, prepare a personal plan for each person before care starts, and its care workers must register with Social Care Wales within six months. Record the registration here once it is granted.
support-field-ciw-number = Registration number
support-field-ciw-date = Registered on
support-ciw-button = Record the registration
support-refused-title = This person cannot be given a place
support-refused-limit = A co-operative that is not registered with Care Inspectorate Wales may give care and support to at most { $limit } people at any one time. On { $day }, { $current } people would already be supported.
support-choices = The members can:
support-choice-end = end the support of someone who no longer needs it ({ $names })
support-choice-later = start this person's support later, on { $day } or after
support-choice-ciw = register with Care Inspectorate Wales as a domiciliary support service
support-choice-another = form another co-operative for this person and others
support-not-member-here = Choose a member of this co-operative
support-member-already-supported = This member already has a place over those dates. Choose another member, or end their support first
governance-pa-coop-provides-no-support = A PA co-operative does not give care and support itself, so it has no supported people.
governance-not-a-member = Everyone the co-operative supports must be a member or be represented by a member. Choose their membership or their representative.
governance-already-supported = This person already has care and support from the co-operative on those dates.
governance-four-person-limit = A co-operative that is not registered with Care Inspectorate Wales may give care and support to at most four people at any one time. The members can end someone's support, start the new person's support later, register with Care Inspectorate Wales, or form another co-operative.
governance-ends-before-start = Support cannot end before it starts.
governance-no-open-place = This person has no continuing support to end.

## Registers of members and officers
register-title = Registers of members and officers
register-link = Registers of members and officers
register-intro = The registers the law asks a co-operative society to keep. Former members keep their entries, with the day their membership ended and why.
register-download = Download the register of members (CSV)
register-members = Register of members
register-officers = Register of officers
register-col-address = Postal address
register-col-email = Email address for notices
register-col-class = Class of member
register-col-shares = Shares held
register-col-paid = Amount paid on shares
register-col-admitted = Date admitted
register-col-ceased = Date ceased
register-col-reason = Why membership ended
register-col-office = Office
register-col-took-office = Took office
register-col-left-office = Left office
register-entry-heading = { $name }'s entry
register-save = Save the entry
register-field-ceased = Membership ends on
register-cease-heading = End { $name }'s membership
register-ceased-resigned = Resigned
register-ceased-died = Died
register-ceased-expelled = Expelled
register-ceased-no_longer_qualifies = No longer qualifies
register-ceased-other = Another reason
register-error-shares = Enter the number of shares as a whole number, like 1
register-error-paid = Enter the amount paid in pounds, like 1.00
register-error-before-admitted = A membership cannot end before the member was admitted

## Ledger
ledger-unknown-person = That person is not supported by this co-operative. Choose someone from the support register.
ledger-reversal-posted-directly = A correction is made by reversing the entry, not by posting a new entry that says it reverses one.
ledger-no-arrangement = This person has no Direct Payment arrangement for that date. Record their arrangement first.
ledger-claim-already-paid = This claim has already been paid.
ledger-field-amount = Enter an amount in pence that is more than zero, like 1250 for £12.50
ledger-field-charge-to = Say whose fund pays: one person, the general fund, or a split between people by a rule
ledger-field-layout = Name the statement's date, description and amount columns
ledger-already-reversed = This entry has already been reversed. Post the correct entry instead.
ledger-reversal-of-reversal = A reversal cannot itself be reversed. Post the correct entry again instead.
ledger-approval-already-approved = This claim already has all the approvals it needs.
ledger-approval-already-approved-by = You have already approved this claim. A different officer must give the second approval.
ledger-approval-not-an-officer = Only the co-operative's officers can approve payments.
ledger-approval-own-claim = Nobody can approve their own claim. Another officer must approve it.
ledger-backwards-period = The period ends before it starts.
ledger-bank-not-utf8 = Line { $line }: the file is not UTF-8 text. Save it from the spreadsheet as "CSV UTF-8" and import it again.
ledger-bank-cut-short-in-quotes = Line { $line }: a quoted field starts here and the file ends before it closes. The file looks cut short, so download it again.
ledger-bank-text-after-quote = Line { $line }: there is text straight after a closing quote, so the file is not valid CSV.
ledger-bank-no-header = No header row was found with the columns of a bank Cylch knows. Choose the bank's layout or name its columns.
ledger-bank-no-transactions = The file has a header but no transactions.
ledger-bank-cut-short = Line { $line }: the last line has fewer fields than the header. The file looks cut short, so download it again.
ledger-bank-wrong-field-count = Line { $line }: the number of fields is not the same as in the header.
ledger-bank-bad-date = Line { $line }: this is not a date. Dates must be like 01/04/2026, 2026-04-01 or 01 Apr 2026.
ledger-bank-bad-amount = Line { $line }: an amount is not money, like 12.50.
ledger-bank-no-amount = Line { $line }: neither the money in nor the money out column has an amount.
ledger-bank-both-amounts = Line { $line }: both the money in and the money out columns have an amount.
ledger-bank-cut-short-in-value = Line { $line }: the file ends part-way through an amount. The file looks cut short, so download it again.
ledger-bank-overflow = Line { $line }: the amounts are too large to add up. Check the file.
ledger-chart-duplicate-code = Two accounts in the chart have the same code.
ledger-chart-empty-code = An account in the chart has no code.
ledger-claim-no-description = A claim needs a description saying what it is for.
ledger-claim-not-positive = A claim must be for more than zero.
ledger-date-out-of-range = The dates run beyond the calendar Cylch can work with.
ledger-empty-person-id = Choose a person.
ledger-entry-fund-unbalanced = Within each fund the debits must equal the credits.
ledger-entry-no-description = An entry needs a description saying what it is for.
ledger-entry-not-in-allocation = Someone has a line in this entry but is not in its sharing rule.
ledger-entry-not-positive = Every amount must be more than zero. Use the other side for money going the other way.
ledger-entry-too-few-lines = An entry needs at least two lines.
ledger-entry-unknown-account = An account in this entry is not in the chart of accounts.
ledger-money-bad-grouping = The thousands in this amount are not grouped in threes, like 1,234.56.
ledger-money-empty = Enter an amount.
ledger-money-not-money = This is not an amount of money, like 12.50.
ledger-money-too-large = This amount is too large.
ledger-money-too-many-decimals = An amount has at most two figures after the point, for pence.
ledger-overflow = The amounts are too large to add up.
ledger-posting-no-account-for-category = The chart of accounts has no spending account for this category.
ledger-posting-not-a-payment-account = Money can only be paid from the bank or from bills to pay.
ledger-posting-not-approved = This claim does not have all the approvals it needs yet, so it cannot be paid.
ledger-posting-not-positive = Spending must be more than zero. A refund is posted as a reversal or as income.
ledger-posting-same-fund = Money can only be moved between two different funds.
ledger-report-no-months = A forecast needs at least one month.
ledger-report-unknown-account = An entry uses an account that is not in the chart of accounts.
ledger-schedule-ends-before-start = The arrangement ends before it starts.
ledger-schedule-no-council = Enter the name of the council that pays.
ledger-schedule-not-positive = A regular payment must be for more than zero.
ledger-split-basis-points-not-whole = The percentage shares must add up to 100%.
ledger-split-duplicate-person = Someone is listed more than once in the split.
ledger-split-no-people = A split needs at least one person.
ledger-split-nothing-to-share-by = Nobody in the split has any minutes or weight, so there is nothing to share by.
ledger-wages-negative = Pay cannot be less than zero.
ledger-wages-nothing = There are no hours of support to charge the pay to.
ledger-category-pa_wages = PA wages
ledger-category-employer_costs = Employer costs
ledger-category-activities = Activities
ledger-category-equipment = Equipment
ledger-category-training = Training
ledger-category-insurance = Insurance
ledger-category-admin = Administration
ledger-csv-figure = Figure
ledger-csv-amount = Amount (£)
ledger-csv-person = Person
ledger-csv-council = Paying council
ledger-csv-from = Period from
ledger-csv-to = Period to
ledger-csv-opening = Opening balance
ledger-csv-direct-payments = Direct Payments received
ledger-csv-contributions = Client contributions received
ledger-csv-other-income = Other income
ledger-csv-shared = Of the spending, shares of shared costs
ledger-csv-spent = Total spent
ledger-csv-closing = Closing balance
ledger-csv-threshold = Surplus threshold
ledger-csv-surplus = Surplus above the threshold
ledger-title = Money
ledger-link = Money: funds, statements and council returns
ledger-statement-title = Statement and council return
ledger-bank-refused-title = The statement was not imported
ledger-totals-caption = The co-operative's totals, { $period }
ledger-income = Money in
ledger-spending = Money spent
ledger-net-assets = What the co-operative holds
ledger-funds-caption = Each person's Direct Payment fund
ledger-col-balance = Balance
ledger-col-statement = Statement
ledger-col-date = Date
ledger-col-whole = Whole cost
ledger-col-share = Their share
ledger-statement-link = Statement for { $name }
ledger-arrangement-heading = Record a Direct Payment arrangement
ledger-label-person = Person
ledger-choose-person = Choose a person
ledger-label-council = Paying council
ledger-label-dp-amount = Amount of each payment
ledger-hint-money = In pounds and pence, for example 1,200.00
ledger-label-frequency = How often it is paid
ledger-frequency-weekly = Every week
ledger-frequency-four_weekly = Every four weeks
ledger-frequency-monthly = Every month
ledger-label-starts = First payment on
ledger-arrangement-button = Record the arrangement
ledger-receipt-heading = Record money received
ledger-label-received-on = Received on
ledger-label-amount = Amount
ledger-label-description = Description
ledger-label-contribution = This is the person's own contribution, not the council's payment
ledger-receipt-button = Record the money received
ledger-spending-heading = Record spending
ledger-label-paid-on = Paid on
ledger-label-category = Category
ledger-label-charge-to = Whose fund pays
ledger-charge-general = The co-operative's general fund
ledger-label-shared-with = Shared between
ledger-split-choose-people = Tick at least two people to share the cost between
ledger-spending-button = Record the spending
ledger-import-heading = Import a bank statement
ledger-label-csv = The statement, as CSV
ledger-hint-csv = Download the statement from the bank as a CSV file, open it in a text editor and paste all of it here. Lines already imported are skipped.
ledger-import-button = Import the statement
ledger-imported = Statement imported: { $added } new lines; { $known } already imported.
ledger-reconcile-heading = Reconcile the bank
ledger-all-reconciled = Every imported bank line is matched with an entry in the books.
ledger-unreconciled-caption = Bank lines not yet matched with an entry
ledger-reconcile-button = Match bank lines with entries
ledger-back = Back to the money page
ledger-no-funds = There is no fund for you to see.
ledger-period-heading = Choose the person and the period
ledger-show-button = Show
ledger-statement-of = { $name }'s fund
ledger-statement-caption = Statement, { $period }
ledger-shared-caption = Their shares of costs shared with others
ledger-return-heading = Return to the council
ledger-return-caption = Monitoring return, { $period }
ledger-surplus-flag = The fund holds { $amount } more than the council allows to be kept.
ledger-download-csv = Download the return as CSV
ledger-entries-title = The books
ledger-entries-link = Every entry in the books
ledger-entries-intro = Entries are never changed or deleted. To correct one, reverse it, which posts its exact opposite with your reason, and then record the right entry.
ledger-no-entries = Nothing has been posted yet.
ledger-entries-caption = Every entry, newest first
ledger-col-status = Corrections
ledger-entry-reversed = Reversed
ledger-entry-is-reversal = A reversal
ledger-reverse-summary = Reverse “{ $entry }”
ledger-label-reverse-date = Date of the correction
ledger-label-reason = Why it is being reversed
ledger-reverse-button = Reverse this entry

## Proposals and votes
votes-link = Proposals and votes
votes-title = Proposals and votes
votes-intro = Any member can raise a proposal. Members discuss it, then vote online while voting is open: for, against, or abstain. Each member has one vote and can change it until voting closes.
votes-decisions-link = Search the decisions log
votes-none-yet = Nobody has raised a proposal yet.
votes-caption = Proposals, newest first
votes-col-proposal = Proposal
votes-col-rule = Decided by
votes-col-status = Where it stands
votes-col-closes = Voting closes
votes-col-decided = Decided on
votes-col-outcome = Outcome
votes-col-how = How the vote arrived
votes-col-entered-by = Entered by
votes-col-when = When
votes-col-choice = Vote
votes-raise = Raise a proposal
votes-field-title = Title
votes-field-background = Background
votes-background-hint = Say what you propose and why, so that members can decide. Leave a blank line between paragraphs.
votes-field-subject = What it is about
votes-field-rule = How it is decided
votes-field-secret = Ask for a secret ballot
votes-secret-hint = Nobody, not even the officers, will be able to see how anyone voted.
votes-secret-always = The co-operative's rules make every vote a secret ballot.
votes-field-opens = Voting opens
votes-field-closes = Voting closes
votes-time-hint = The date and time in Wales, for example 25/11/2026 18:00.
votes-raise-button = Raise the proposal
votes-subject-general = A decision of the members
votes-subject-rule_change = Changing the rules
votes-subject-expel_member = Expelling a member
votes-subject-wind_up = Winding up the co-operative
votes-subject-convert_to_company = Converting into a company
votes-subject-informal = An informal question
votes-rule-ordinary_resolution = Ordinary resolution
votes-rule-ordinary_resolution-hint = Carried by more than half of the votes cast. Abstentions are not votes cast, and a tie is lost.
votes-rule-special_resolution = Special resolution
votes-rule-special_resolution-hint = Carried by at least three quarters of the votes cast. Changing the rules, expelling a member, winding up and converting into a company need one.
votes-rule-consent = Consent
votes-rule-consent-hint = Carried when nobody objects. Voting against is an objection; abstaining is standing aside. For informal questions only.
votes-status-upcoming = Voting has not opened yet
votes-status-open = Voting is open
votes-status-closed = Voting has closed; the votes are waiting to be counted
votes-status-decided = Decided
votes-outcome-carried = Carried
votes-outcome-lost = Not carried
votes-outcome-inquorate = Not decided: too few members voted for a quorum
votes-outcome-turnout_too_low = Not decided: too few members voted
votes-raised-by = Raised by { $name } on { $when }
votes-window = From { $opens } until { $closes }
votes-ballot = Ballot
votes-ballot-open = Open ballot: officers can see who voted which way once the result is recorded
votes-ballot-secret = Secret ballot: nobody can see how anyone voted
votes-voting = Voting
votes-background = Background
votes-turnout-heading = Votes so far
votes-turnout =
    { $total ->
        [one] 1 member has voted
       *[other] { $total } members have voted
    }: { $online } online, { $assisted } assisted by an officer, { $paper } on paper, { $proxy } by proxy.
votes-secret-explained = This is a secret ballot. Cylch records that you voted and how your vote arrived, never your choice with your name, and shows no count until the result is recorded.
votes-result = Result
votes-count-caption = The count
votes-count-who = Who voted
votes-count-all = All members
votes-reason-no_votes_cast = Nobody voted for or against.
votes-reason-majority_reached = The majority the decision rule asks for was reached.
votes-reason-tie = As many voted for as against. A tie is lost: there is no casting vote.
votes-reason-majority_not_reached = Fewer voted for than the decision rule asks for.
votes-reason-no_objections = Nobody objected.
votes-reason-objections =
    { $count ->
        [one] 1 member objected.
       *[other] { $count } members objected.
    }
votes-reason-turnout =
    { $count ->
        [one] The law asks for at least 1 member to vote for or against.
       *[other] The law asks for at least { $count } members to vote for or against.
    }
votes-quorum-met = { $took_part } of the { $entitled } members entitled to vote took part; the quorum is { $required }.
votes-quorum-not-met = Only { $took_part } of the { $entitled } members entitled to vote took part; the quorum is { $required }, so nothing was decided.
votes-recorded-by = Recorded by { $name } on { $when }.
votes-your-vote = Your vote
votes-you-voted = You voted { $choice } ({ $how }).
votes-you-voted-secret = You have voted ({ $how }). Your choice is not kept with your name.
votes-your-receipt = Your receipt: { $receipt }. Keep it to change your vote on another device; this device remembers it until voting closes.
votes-field-choice = How do you vote?
votes-field-receipt = Your receipt
votes-receipt-hint = Only needed on a device you did not vote on. Nobody else can give it to you again.
votes-vote-button = Vote
votes-change-button = Change my vote
votes-no-vote = You can read this proposal and take part in the discussion, but you have no vote: only current members vote.
votes-choice-for = For
votes-choice-against = Against
votes-choice-abstain = Abstain
votes-channel-online = online
votes-channel-assisted = assisted by an officer
votes-channel-paper = on paper
votes-assisted-heading = Record an assisted vote
votes-assisted-intro = When a member asks you to vote for them because they cannot vote online, record their vote as they tell you. The member can still change it themselves.
votes-field-member = Member
votes-choose-member = Choose a member
votes-field-their-choice = How do they vote?
votes-assisted-button = Record their vote
votes-paper-heading = Enter a paper vote
votes-paper-intro = Enter each paper vote received before voting closes. A member who has already voted cannot also vote on paper.
votes-paper-button = Enter the paper vote
votes-recorded-receipt = The vote is recorded. This is a secret ballot: give the member this receipt, which they need to change their vote: { $receipt }
votes-declare-heading = Count the votes
votes-declare-button = Count the votes and record the result
votes-ballots-caption = Who has voted, and how each vote arrived
votes-discussion = Discussion
votes-no-comments = Nobody has commented yet.
votes-field-comment = Your comment
votes-comment-button = Add your comment
votes-refused-title = That could not be done
votes-back = Back to proposals and votes
votes-decisions-title = Decisions log
votes-decisions-intro = Every proposal whose result has been recorded, with its count, newest first.
votes-search-label = Find decisions by words in their title or background
votes-search-button = Search
votes-decisions-none = No decisions have been recorded yet.
votes-decisions-none-found = No decisions mention “{ $q }”.
votes-decisions-caption = Decisions, newest first
votes-decisions-caption-search = Decisions that mention “{ $q }”
votes-error-title = Enter a title for the proposal
votes-error-title-long = The title must be at most 200 characters
votes-error-background-long = The background must be at most 10,000 characters
votes-error-rule = Choose how the proposal is decided
votes-error-opens = Enter when voting opens, for example 25/11/2026 18:00
votes-error-closes = Enter when voting closes, for example 2/12/2026 18:00
votes-error-instant = Enter a date and time such as 2026-11-25T18:00:00Z
votes-error-comment = Write your comment
votes-error-comment-long = A comment must be at most 4,000 characters
votes-error-choice = Choose for, against or abstain
votes-error-member = Choose the member whose vote it is
votes-not-a-member = Only current members can vote.
votes-class-has-no-vote = Members of this class have no vote under the co-operative's rules.
votes-already-voted = This member has already voted. Only they can change their vote.
votes-own-vote-online = Officers record votes for other members. Vote for yourself in the “Your vote” form.
votes-receipt-needed = This is a secret ballot, so your choice is not kept with your name. To change your vote, enter the receipt you were given.
votes-receipt-wrong = That receipt does not match your vote. Check it and try again.
votes-not-closed = The votes can be counted once voting has closed.
votes-already-decided = The result has already been recorded.
votes-discussion-ended = The result is recorded, so the discussion has closed.
governance-rule-not-allowed = This subject needs a special resolution (or, for a general decision, an ordinary or special resolution). Choose that decision rule.
governance-window-closes-before-opening = Voting must close after it opens.
governance-voting-not-open = Voting has not opened yet.
governance-voting-closed = Voting has closed.
governance-online-voting-not-allowed = The co-operative's rules do not allow voting online; take the vote at a meeting.
governance-class-has-no-vote = Members of this class have no vote under the co-operative's rules.
audit-record-proposal = Proposal
audit-record-ballot = Vote (never the choice on a secret ballot)
audit-record-proposal_comment = Comment on a proposal

## Forming a co-operative
formation-title = Forming the co-operative
formation-link = Forming the co-operative
formation-summary = Now at: { $stage }. { $done } of { $total } tasks done.
formation-all-done = Every task is done: { $done } of { $total }. The co-operative is formed.
formation-next = Next: { $task }
formation-current = Now
formation-done = Done
formation-to-do = To do
formation-who = Who does it: { $who }
formation-task-done = This task is done. You can change what was recorded.
formation-save = Save and mark as done
formation-back = Back to forming the co-operative
formation-councils = Councils whose Direct Payments are pooled
formation-councils-intro = Add each council that pays a Direct Payment to someone in the group. The co-operative needs an agreement with each one before the payments are pooled.
formation-councils-waiting = Still waiting for an agreement with: { $councils }
formation-field-council = Name of the council
formation-add-council = Add the council
formation-choose-council = Choose a council
formation-error-count = Enter the number of people as a whole number, like 5
formation-error-money = Enter an amount in pounds, like 5000000
who-steering_group = The steering group
who-each_supported_person = Each person who will be supported, or their representative
who-founder_members = The founder members
stage-idea_and_steering_group = The idea and a steering group
stage-feasibility = Will it work?
stage-members_and_rules = Members and rules
stage-registration = Registering the society
stage-employer_set_up = Becoming an employer
stage-direct_payments_pooling = Pooling Direct Payments
stage-ciw_registration = Registering with Care Inspectorate Wales
stage-first_general_meeting = The first general meeting
task-first_conversations = Talk to the people who might join
task-first_conversations-help = Meet the disabled people, families and PAs who might form the co-operative and write down what they want from it.
task-form_steering_group = Form a steering group
task-form_steering_group-help = At least three people agree to lead the work until the first general meeting.
task-learn_about_coops = Learn how co-operatives work
task-learn_about_coops-help = Find out from other co-operatives and advisers how members own and run a co-operative together.
task-direct_payment_budgets = Gather each person's Direct Payment budget
task-direct_payment_budgets-help = Each person who will be supported sets out their care and support plan and what their Direct Payment is for.
task-ask_councils_about_pooling = Ask each council about pooling
task-ask_councils_about_pooling-help = Each person asks their council whether their Direct Payment can be pooled with others'.
task-four_person_check = Check the four-person rule
task-four_person_check-help = A family co-operative may give care and support to no more than four people at any one time without registering as a domiciliary support service.
task-support_plan = Plan the shared support
task-support_plan-help = Write down who is supported, the hours, the PAs, the budget and the money kept in reserve.
task-agree_what_the_coop_offers = Agree what the co-operative offers
task-agree_what_the_coop_offers-help = Agree what the PA co-operative will do for its members: peer support, training, cover and advertising.
task-running_costs_budget = Budget for running costs
task-running_costs_budget-help = Work out what the co-operative will cost to run and how members will pay for it.
task-choose_rules = Choose the rules
task-choose_rules-help = Choose the co-operative's rules (its governing document), for example from Co-operatives UK's model rules.
task-agree_classes_and_voting = Agree the member classes and voting
task-agree_classes_and_voting-help = Agree who can be a member, in which classes, and how votes are counted.
task-admit_founder_members = Admit the founder members
task-admit_founder_members-help = At least three founder members sign up and take their shares.
task-register_with_fca = Register with the Financial Conduct Authority
task-register_with_fca-help = Register the society under the Co-operative and Community Benefit Societies Act 2014 and keep its registration number.
task-open_bank_account = Open a bank account
task-open_bank_account-help = Open a bank account in the co-operative's name, with two officers to sign.
task-register_as_employer = Register with HMRC as an employer
task-register_as_employer-help = Register as an employer before the first payday and keep the employer PAYE reference.
task-employers_liability_insurance = Take out employer's liability insurance
task-employers_liability_insurance-help = Employer's liability insurance must cover at least £5 million; specialist PA insurers also give public liability cover.
task-pension_scheme = Choose a workplace pension scheme
task-pension_scheme-help = Choose a scheme for auto-enrolment and declare compliance to The Pensions Regulator.
task-dbs_checks = Arrange DBS checks
task-dbs_checks-help = PAs who give personal care need an enhanced DBS check with the adults' barred list.
task-set_up_payroll = Set up payroll
task-set_up_payroll-help = Set up payroll so that PAs are paid correctly and HMRC is told on or before each payday.
task-write_policies = Write the employment policies
task-write_policies-help = Write the policies an employer needs: contracts, safeguarding, health and safety, data protection.
task-pooling_agreements = Agree pooling with each council
task-pooling_agreements-help = Record the written agreement with each council: who pays, how often and what reports it wants.
task-appoint_responsible_individual = Appoint the Responsible Individual
task-appoint_responsible_individual-help = Name the person who will be responsible for the service to Care Inspectorate Wales.
task-statement_of_purpose = Write the statement of purpose
task-statement_of_purpose-help = Write the statement of purpose that Care Inspectorate Wales asks for.
task-register_with_ciw = Register with Care Inspectorate Wales
task-register_with_ciw-help = Register as a domiciliary support service before giving care and support to more than four people.
task-hold_first_general_meeting = Hold the first general meeting
task-hold_first_general_meeting-help = The members meet, adopt the rules and elect the officers.
evidence-date = Date it was done
evidence-document = The document
evidence-document-hint = Where the document is kept, for example a shared folder or a link.
evidence-people_count = Number of people
evidence-fca_registration_number = FCA registration number
evidence-hmrc_employer_reference = Employer PAYE reference
evidence-hmrc_employer_reference-hint = Three digits, a slash and the reference, like 123/AB45678.
evidence-insurer = Insurer
evidence-policy_number = Policy number
evidence-cover_pence = Cover, in pounds
evidence-cover_pence-hint = At least 5000000 (£5 million).
evidence-expires_on = Cover ends on
evidence-pension_provider = Pension provider
evidence-ciw_registration_number = CIW registration number
evidence-person_name = Name
evidence-council = Council
evidence-council_reference = The council's reference
governance-not-in-template = That task is not part of forming a co-operative of this kind.
governance-missing-evidence = Fill in every part of this task.
governance-wrong-value = Enter a value of the right kind here.
governance-cover-too-low = Employer's liability insurance must cover at least £5,000,000.
governance-too-few-people = At least three people are needed.
governance-employer-reference-form = Enter the employer reference as three digits, a slash and the reference, like 123/AB45678.
governance-unknown-council = Add the council to the list of councils first.
governance-blank = This cannot be left blank.

audit-record-formation = Forming the co-operative

invite-not-sent-title = Invitation saved but not emailed
invite-not-sent-body = We could not email the invitation to { $email }, so they have no link to use it; it will expire unused. Once email works again, invite them again.
invite-not-sent-again = Invite again
