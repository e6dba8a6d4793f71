CREATE TABLE service_thing (id bigint PRIMARY KEY);
INSERT INTO service_thing VALUES (1), (2);
