# governance: the English messages of this area. Every id here has a Welsh twin in ../cy/governance.ftl.ftl.

## Proxies on a proposal
votes-channel-proxy = by proxy
votes-proxy-heading = Voting by proxy
votes-proxy-intro = If you cannot vote yourself, you can name another member to vote for you on this proposal. You can take it back, or vote yourself, until voting closes: your own vote replaces theirs.
votes-field-proxy = Member to vote for you
votes-proxy-button = Name my proxy
votes-proxy-named = You have named { $name } to vote for you on this proposal. If you vote yourself, your vote replaces theirs.
votes-proxy-revoke-button = Take back my proxy
votes-proxy-not-now = You have voted, so you do not need a proxy on this proposal.
votes-held-heading = Votes you hold as proxy
votes-held-voted = The vote of { $name } is in.
votes-field-held = Member you are voting for
votes-held-button = Record their vote
votes-proxies-not-allowed = Your co-operative's rules do not allow voting by proxy. You can ask an officer to record your vote for you instead.
votes-own-proxy = You cannot name yourself as your proxy. Choose another member.
votes-proxy-holder-cannot-vote = Choose a current member who has a vote under the rules.
votes-too-many-proxies = That member already holds as many proxies as the rules allow on this proposal. Choose someone else.
votes-no-proxy = You do not hold this member's proxy on this proposal, or they have taken it back.

## The rules
rules-title = Our rules
rules-back = Back to the co-operative
rules-intro = The rules are the co-operative's governing document. They say who votes, how many must be at a meeting, how much notice members get and what majority a decision needs. Cylch counts every vote and meeting by the rules in force.
rules-in-force = The rules in force
rules-model = No rules have been recorded yet, so Cylch uses Co-operatives UK's model rules.
rules-history = How the rules have changed
rules-col-version = Version
rules-col-adopted = In force from
rules-col-how = How
rules-as-registered = The rules as registered
rules-by-resolution = Changed by special resolution
rules-setting-voting = Votes
rules-voting-ommv = One member, one vote
rules-voting-capped = One member, one vote, with some classes capped
rules-voting-weighted = Each class of member holds a fixed share of the vote
rules-setting-general-quorum = Quorum of a general meeting
rules-setting-committee-quorum = Quorum of a committee meeting
rules-quorum-value = { $members } members or { $percent }% of members, whichever is more
rules-setting-general-notice = Notice of a general meeting
rules-setting-committee-notice = Notice of a committee meeting
rules-days-value = { $days } clear days
rules-setting-short-notice = Shorter notice needs the written agreement of
rules-percent-value = { $percent }% of the votes
rules-setting-ordinary = Ordinary resolution
rules-ordinary-value = More than half of the votes cast; a tie is lost
rules-setting-special = Special resolution
rules-setting-proxies = Voting by proxy
rules-proxies-value = Allowed, at most { $max } for one member
rules-setting-online = Voting online
rules-setting-secret = Every vote is a secret ballot
rules-setting-written = A written resolution lapses after
rules-yes = Yes
rules-no = No
rules-record-heading = Record the rules as registered
rules-record-intro = Enter the settings in the rules your co-operative registered. You record them once: after that, only a special resolution of the members can change them.
rules-field-adopted = In force from
rules-record-button = Record the rules
rules-propose-heading = Propose a change to the rules
rules-propose-intro = A change to the rules is decided by special resolution. Change the settings below; the proposal shows members what would change, and the new rules come into force if it is carried.
rules-field-why = Why the change is needed
rules-propose-button = Propose the change
rules-field-general-quorum-members = Quorum of a general meeting: at least this many members
rules-field-general-quorum-percent = Quorum of a general meeting: or this percentage of members, if more
rules-field-committee-quorum-members = Quorum of a committee meeting: at least this many members
rules-field-committee-quorum-percent = Quorum of a committee meeting: or this percentage of the committee, if more
rules-field-general-notice = Clear days' notice of a general meeting
rules-field-committee-notice = Clear days' notice of a committee meeting
rules-field-short-notice = Percentage of votes whose written agreement allows shorter notice
rules-field-special = Percentage of votes cast a special resolution needs
rules-field-proxies = Can members vote by proxy?
rules-field-proxies-max = Most proxies one member may hold
rules-field-online = Can members vote online?
rules-field-secret = Is every vote a secret ballot?
rules-field-written = Days before a written resolution lapses
rules-hint-members = A whole number, 1 or more.
rules-hint-percent = A whole number from 0 to 100.
rules-hint-days = A whole number of days.
rules-hint-majority = A whole number from 51 to 100.
rules-hint-proxies-max = A whole number; at least 1 if proxies are allowed.
rules-error-date = Enter the date the rules came into force, for example 2026-04-01
rules-already-recorded = The rules as registered are recorded already. Propose a change instead: it needs a special resolution.
rules-unchanged = The settings are the rules in force. Change at least one to propose a change.
rules-link = Our rules, and how to change them
rules-error-general_quorum_members = Enter the fewest members who make a general meeting quorate, as a whole number from 1
rules-error-general_quorum_percent = Enter the percentage of members who make a general meeting quorate, a whole number from 0 to 100
rules-error-committee_quorum_members = Enter the fewest committee members who make a committee meeting quorate, as a whole number from 1
rules-error-committee_quorum_percent = Enter the percentage of the committee who make a committee meeting quorate, a whole number from 0 to 100
rules-error-general_notice_days = Enter the clear days' notice of a general meeting, as a whole number
rules-error-committee_notice_days = Enter the clear days' notice of a committee meeting, as a whole number
rules-error-short_notice_percent = Enter the percentage of votes that can agree to shorter notice, a whole number from 51 to 100
rules-error-special_percent = Enter the percentage of votes cast a special resolution needs, a whole number from 51 to 100
rules-error-proxies_max = Enter the most proxies one member may hold, as a whole number
rules-error-written_days = Enter the days before a written resolution lapses, as a whole number from 1
rules-error-proxies_allowed = Choose whether members can vote by proxy
rules-error-online_voting = Choose whether members can vote online
rules-error-secret_always = Choose whether every vote is a secret ballot

## Inviting members
members-invite-title = Invite a member
members-invite-intro = Inviting someone admits them as a member once they accept, so invite people the committee has agreed to admit. We email them a link that works for 14 days; they join in the class you choose.
members-field-class = They join as
members-back = Back to the co-operative
members-invite-link = Invite a member

## Notifications
home-news = What's new
home-news-new = New:
home-news-read = Mark as read
notify-new_proposal = { $coop }: a new proposal, “{ $title }”
notify-vote_closing = { $coop }: voting on “{ $title }” closes within a day, and you have not voted yet
notify-meeting_notice = { $coop }: notice of the { $meeting } on { $date }
notify-result = { $coop }: the result of the vote on “{ $title }”
notify-meeting-annual_general = annual general meeting
notify-meeting-general = general meeting
notify-meeting-committee = committee meeting
notify-email-body =
    Hello { $name },

    { $headline }.

    Read it here: { $link }

    You can choose what Cylch emails you about here: { $settings }
notify-link = What Cylch emails me about
notify-back = Back to { $coop }
notify-settings-title = What Cylch emails you about
notify-settings-intro = Everything is always shown on your home page. Choose what you would also like by email from this co-operative. Notice of a meeting always comes by email, as the rules require.
notify-settings-legend = Email me when
notify-setting-new_proposal = a member raises a new proposal
notify-setting-vote_closing = voting closes within a day and I have not voted
notify-setting-meeting_notice = notice of a meeting is given (on my home page too)
notify-setting-result = the result of a vote is recorded
notify-settings-save = Save my choices
notify-settings-saved = Your choices are saved.
audit-record-rules = The rules
audit-record-proxy = Proxy
audit-record-notification_settings = Email choices

## Admission by the members
rules-setting-admission = New members are admitted by
rules-admission-committee = the committee
rules-admission-members = the members, by ordinary resolution
rules-field-admission = Do the members vote on each new member?
rules-error-admission_by_members = Choose whether the members vote on each new member
members-admit-intro = Your rules put each new member to the members. Fill in who they are and when members vote: Cylch raises an ordinary resolution to admit them, and if it is carried, emails them an invitation that works for 14 days.
members-admit-title = Admit { $name } as a member
members-field-why = Why they would like to join, or why you propose them
members-admit-button = Put it to the members
votes-admission = If this is carried, { $name } will be invited to join as: { $class }.
votes-admission-invited = { $name } has been invited to join as: { $class }.
audit-record-admission = Admission of a member
rules-error-shape = Give the whole rules in the form the API returns them

## Votes by class, and the rules' own problems
rules-field-voting = How are votes counted?
rules-field-cap-supporter = With one member, one vote: the largest percentage of the votes cast that supporters may hold
rules-hint-cap-supporter = A whole number from 1 to 99, or leave it blank for no cap.
rules-field-weights = With votes weighted by class: each class's share
rules-hint-weights = Whole numbers; they are relative, so 40, 30 and 30 mean the same as 4, 3 and 3. Leave a class blank if it has no vote.
rules-error-voting = Choose how votes are counted
rules-error-cap_supporter = Enter the supporters' cap as a whole number from 1 to 99, or leave it blank
rules-error-weight_supported_person = Enter the weight of supported people as a whole number, or leave it blank
rules-error-weight_representative = Enter the weight of representatives as a whole number, or leave it blank
rules-error-weight_family_or_carer = Enter the weight of family members and carers as a whole number, or leave it blank
rules-error-weight_pa = Enter the weight of PAs as a whole number, or leave it blank
rules-error-weight_supporter = Enter the weight of supporters as a whole number, or leave it blank
governance-quorum-below-one = A quorum must be at least one member
governance-notice-too-long = Notice of more than a year is surely a mistake: check the number of days
governance-ordinary-below-half = An ordinary resolution needs more than half of the votes cast
governance-special-weaker-than-ordinary = A special resolution cannot need less than an ordinary one
governance-impossible-majority = No decision can need more than all of the votes cast
governance-short-notice-consent-too-low = Shorter notice needs the agreement of more than half of the votes
governance-proxy-limit-zero = When proxies are allowed, a member must be able to hold at least one
governance-written-resolution-days-zero = A written resolution needs at least one day to be signed
governance-written-ordinary-too-low = A written ordinary resolution needs the signatures of more than half of the members
governance-written-special-weaker-than-ordinary = A written special resolution cannot need fewer signatures than an ordinary one
governance-agm-period-zero = The AGM periods must each be at least one month
governance-cap-zero = A cap must be above 0%; leave it blank for no cap
governance-caps-too-large = The caps together must come to less than all of the votes
governance-no-weighted-classes = With votes weighted by class, give at least one class a weight
governance-zero-class-weight = A class cannot have a weight of zero; leave it blank so that it does not vote
