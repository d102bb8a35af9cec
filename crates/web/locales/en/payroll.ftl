# Pay runs.
audit-record-pay_run = Pay run
payroll-already-run = This pay period has already been run. Open the run that exists instead.
payroll-bad-frequency = Choose how often the PAs are paid: weekly, two_weekly, four_weekly or monthly.
payroll-bad-tax-year = Choose a tax year Cylch has figures for: 2025-26 or 2026-27.
payroll-bad-period = Enter the tax week or tax month: weeks 1 to 53 (even weeks for two-weekly pay, every fourth week for four-weekly pay) or months 1 to 12.
payroll-bad-pay-date = Enter the pay date as YYYY-MM-DD.
payroll-pay-date-outside-year = The pay date must fall in the tax year, between 6 April and the following 5 April.
payroll-earlier-run-waiting = An earlier pay run of this payroll is still waiting for approval. Approve it first, so that the figures to date are final.
payroll-later-period-run = A later pay period of this payroll has already been run, so this earlier one cannot be run now.
payroll-locked = This pay run is approved and locked. It cannot be changed.
payroll-same-officer = You started this pay run, so another officer must approve it.
payroll-engine-refused = The payroll engine could not work out a PA's pay. Check their employment record.
payroll-not-approved = This pay run is not approved yet. Payments are recorded once it is approved.
payroll-already-paid = This payment has already been recorded for this pay run.
payroll-nothing-owed = This pay run owes them nothing, so there is no payment to record.
