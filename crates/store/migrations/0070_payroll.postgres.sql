-- Payroll records are kept, never deleted; a payslip never changes once
-- written, and an approved pay run never changes: the database itself
-- refuses, whatever the application does.

-- statement
CREATE FUNCTION pay_runs_refuse_change() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'pay run % is a payroll record and cannot be deleted', OLD.id;
    END IF;
    IF OLD.state = 'approved' THEN
        RAISE EXCEPTION 'pay run % is approved and locked: it cannot change', OLD.id;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
-- statement
CREATE TRIGGER pay_runs_locked BEFORE UPDATE OR DELETE ON pay_runs
    FOR EACH ROW EXECUTE FUNCTION pay_runs_refuse_change();
-- statement
CREATE FUNCTION payslips_refuse_change() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF (SELECT state FROM pay_runs WHERE id = NEW.run_id) = 'approved' THEN
            RAISE EXCEPTION 'pay run % is approved and locked: no payslip can be added', NEW.run_id;
        END IF;
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'payroll records in % cannot be changed or deleted (%)', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;
-- statement
CREATE TRIGGER payslips_append_only BEFORE INSERT OR UPDATE OR DELETE ON payslips
    FOR EACH ROW EXECUTE FUNCTION payslips_refuse_change();
-- statement
CREATE TRIGGER payslip_lines_append_only BEFORE UPDATE OR DELETE ON payslip_lines
    FOR EACH ROW EXECUTE FUNCTION payslips_refuse_change();
-- statement
CREATE TRIGGER pay_runs_no_truncate BEFORE TRUNCATE ON pay_runs
    FOR EACH STATEMENT EXECUTE FUNCTION payslips_refuse_change();
-- statement
CREATE TRIGGER payslips_no_truncate BEFORE TRUNCATE ON payslips
    FOR EACH STATEMENT EXECUTE FUNCTION payslips_refuse_change();
