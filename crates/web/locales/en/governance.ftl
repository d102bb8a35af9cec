# governance: the English messages of this area. Every id here has a Welsh twin in ../cy/governance.ftl.ftl.
