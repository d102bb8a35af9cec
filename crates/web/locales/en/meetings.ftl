# meetings: the English messages of this area. Every id here has a Welsh twin in ../cy/meetings.ftl.ftl.
