-- A service migration that moves its rows into a kit table: the kit's migrations must have run first.
INSERT INTO kit_fixture_item (id, note) SELECT id, 'moved' FROM service_thing;
