-- Posted entries and lines are append-only: the database itself refuses to
-- change or delete them, whatever the application does.

-- statement
CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE ON ledger_entries
BEGIN
    SELECT RAISE(ABORT, 'posted ledger entries cannot be changed; post a reversal and a new entry');
END;
-- statement
CREATE TRIGGER ledger_entries_no_delete BEFORE DELETE ON ledger_entries
BEGIN
    SELECT RAISE(ABORT, 'posted ledger entries cannot be deleted; post a reversal');
END;
-- statement
CREATE TRIGGER ledger_lines_no_update BEFORE UPDATE ON ledger_lines
BEGIN
    SELECT RAISE(ABORT, 'posted ledger lines cannot be changed; post a reversal and a new entry');
END;
-- statement
CREATE TRIGGER ledger_lines_no_delete BEFORE DELETE ON ledger_lines
BEGIN
    SELECT RAISE(ABORT, 'posted ledger lines cannot be deleted; post a reversal');
END;
