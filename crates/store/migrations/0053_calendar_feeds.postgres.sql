-- A PA leaving a shift is recorded whatever statement takes them off it.

-- statement
CREATE FUNCTION shifts_record_pa_departure() RETURNS trigger AS $$
BEGIN
    INSERT INTO shift_pa_departures (coop_id, shift_id, employment_id, left_at)
    VALUES (OLD.coop_id, OLD.id, OLD.employment_id, NEW.updated_at);
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
-- statement
CREATE TRIGGER shifts_pa_departure AFTER UPDATE OF employment_id ON shifts
    FOR EACH ROW WHEN (OLD.employment_id IS NOT NULL AND NEW.employment_id IS DISTINCT FROM OLD.employment_id)
    EXECUTE FUNCTION shifts_record_pa_departure();
