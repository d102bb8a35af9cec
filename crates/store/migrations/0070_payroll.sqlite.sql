-- Payroll records are kept, never deleted; a payslip never changes once
-- written, and an approved pay run never changes: the database itself
-- refuses, whatever the application does.

-- statement
CREATE TRIGGER pay_runs_no_delete BEFORE DELETE ON pay_runs
BEGIN
    SELECT RAISE(ABORT, 'pay runs are payroll records and cannot be deleted');
END;
-- statement
CREATE TRIGGER pay_runs_locked BEFORE UPDATE ON pay_runs WHEN OLD.state = 'approved'
BEGIN
    SELECT RAISE(ABORT, 'an approved pay run is locked and cannot change');
END;
-- statement
CREATE TRIGGER payslips_no_update BEFORE UPDATE ON payslips
BEGIN
    SELECT RAISE(ABORT, 'payslips cannot be changed');
END;
-- statement
CREATE TRIGGER payslips_no_delete BEFORE DELETE ON payslips
BEGIN
    SELECT RAISE(ABORT, 'payslips are payroll records and cannot be deleted');
END;
-- statement
CREATE TRIGGER payslips_not_into_approved BEFORE INSERT ON payslips
    WHEN (SELECT state FROM pay_runs WHERE id = NEW.run_id) = 'approved'
BEGIN
    SELECT RAISE(ABORT, 'an approved pay run is locked: no payslip can be added');
END;
-- statement
CREATE TRIGGER payslip_lines_no_update BEFORE UPDATE ON payslip_lines
BEGIN
    SELECT RAISE(ABORT, 'the lines a payslip paid cannot be changed');
END;
-- statement
CREATE TRIGGER payslip_lines_no_delete BEFORE DELETE ON payslip_lines
BEGIN
    SELECT RAISE(ABORT, 'the lines a payslip paid cannot be deleted');
END;
