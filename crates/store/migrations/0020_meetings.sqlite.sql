-- A locked meeting (its minutes approved and locked) never changes, nor
-- does who came to it.

-- statement
CREATE TRIGGER meetings_locked_no_update BEFORE UPDATE ON meetings
WHEN OLD.state = 'locked'
BEGIN
    SELECT RAISE(ABORT, 'the minutes of this meeting are locked: its record cannot change');
END;
-- statement
CREATE TRIGGER meetings_locked_no_delete BEFORE DELETE ON meetings
WHEN OLD.state = 'locked'
BEGIN
    SELECT RAISE(ABORT, 'the minutes of this meeting are locked: its record cannot be deleted');
END;
-- statement
CREATE TRIGGER meeting_attendance_locked_no_insert BEFORE INSERT ON meeting_attendance
WHEN (SELECT state FROM meetings WHERE id = NEW.meeting_id) = 'locked'
BEGIN
    SELECT RAISE(ABORT, 'the minutes of this meeting are locked: who came cannot change');
END;
-- statement
CREATE TRIGGER meeting_attendance_locked_no_update BEFORE UPDATE ON meeting_attendance
WHEN (SELECT state FROM meetings WHERE id = OLD.meeting_id) = 'locked'
BEGIN
    SELECT RAISE(ABORT, 'the minutes of this meeting are locked: who came cannot change');
END;
-- statement
CREATE TRIGGER meeting_attendance_locked_no_delete BEFORE DELETE ON meeting_attendance
WHEN (SELECT state FROM meetings WHERE id = OLD.meeting_id) = 'locked'
BEGIN
    SELECT RAISE(ABORT, 'the minutes of this meeting are locked: who came cannot change');
END;
