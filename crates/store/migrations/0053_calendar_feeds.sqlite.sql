-- A PA leaving a shift is recorded whatever statement takes them off it.

-- statement
CREATE TRIGGER shifts_pa_departure AFTER UPDATE OF employment_id ON shifts
    WHEN OLD.employment_id IS NOT NULL AND (NEW.employment_id IS NULL OR NEW.employment_id <> OLD.employment_id)
BEGIN
    INSERT INTO shift_pa_departures (coop_id, shift_id, employment_id, left_at)
    VALUES (OLD.coop_id, OLD.id, OLD.employment_id, NEW.updated_at);
END;
