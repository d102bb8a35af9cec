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
# The same problems, in words that name the field (by its id on the page).
error-field-missing =
    { $field ->
        [email] Enter an email address
        [password] Enter a password
        [current] Enter your current password
        [confirm] Type the new password again
        [name] Enter a name
        [token_name] Enter a name for the token
        [kind] Choose the kind of co-operative
        [office] Choose an office
        [language] Choose a language
        [starts_on] Enter the date support starts
        [ends_on] Enter the date support ends
        [registration_number] Enter the registration number
        [registered_on] Enter the date of registration
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
governance-pa-coop-provides-no-support = A PA co-operative does not give care and support itself, so it has no supported people.
governance-not-a-member = Everyone the co-operative supports must be a member or be represented by a member. Choose their membership or their representative.
governance-already-supported = This person already has care and support from the co-operative on those dates.
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
