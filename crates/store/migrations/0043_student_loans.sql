-- The student loan a PA repays through payroll, and whether they repay a
-- postgraduate loan beside it.

ALTER TABLE employments ADD COLUMN student_loan_plan TEXT CHECK (student_loan_plan IS NULL OR student_loan_plan IN ('plan_1', 'plan_2', 'plan_4', 'plan_5'));
ALTER TABLE employments ADD COLUMN postgraduate_loan BIGINT NOT NULL DEFAULT 0 CHECK (postgraduate_loan IN (0, 1));
