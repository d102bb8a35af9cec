-- A locked meeting (its minutes approved and locked) never changes, nor
-- does who came to it.

-- statement
CREATE FUNCTION meetings_refuse_locked_change() RETURNS trigger AS $$
BEGIN
    IF OLD.state = 'locked' THEN
        RAISE EXCEPTION 'the minutes of meeting % are locked: its record cannot change (%)', OLD.id, TG_OP;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
-- statement
CREATE TRIGGER meetings_locked BEFORE UPDATE OR DELETE ON meetings
    FOR EACH ROW EXECUTE FUNCTION meetings_refuse_locked_change();
-- statement
CREATE FUNCTION meeting_attendance_refuse_locked_change() RETURNS trigger AS $$
DECLARE
    meeting TEXT;
BEGIN
    IF TG_OP = 'INSERT' THEN
        meeting := NEW.meeting_id;
    ELSE
        meeting := OLD.meeting_id;
    END IF;
    IF (SELECT state FROM meetings WHERE id = meeting) = 'locked' THEN
        RAISE EXCEPTION 'the minutes of meeting % are locked: who came cannot change (%)', meeting, TG_OP;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
-- statement
CREATE TRIGGER meeting_attendance_locked BEFORE INSERT OR UPDATE OR DELETE ON meeting_attendance
    FOR EACH ROW EXECUTE FUNCTION meeting_attendance_refuse_locked_change();
