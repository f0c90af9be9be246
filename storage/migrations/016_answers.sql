-- The organiser's own form (issue 21): answers to an event's own questions, as JSON keyed
-- by question id (the built-in name, organisation, role, phone keep their columns). NULL:
-- none asked, or erased.
ALTER TABLE registrations ADD COLUMN answers TEXT;
