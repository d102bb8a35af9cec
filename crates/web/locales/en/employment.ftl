# Employing PAs: the co-operative as an employer.

## The audit trail's names for employment records
audit-record-employment = Employment of a PA
audit-record-employment_person = Who a PA works with
audit-record-employment_check = Check before work
audit-record-employment_statement = Statement of employment particulars
audit-record-employers_liability = Employer's liability insurance
