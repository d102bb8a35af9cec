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
