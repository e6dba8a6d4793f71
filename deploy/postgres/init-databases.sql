-- One database and one role per service; each service owns only its own data.
-- Local-only demo passwords; production provisions roles and secrets its own way.
CREATE ROLE qorgau_order LOGIN PASSWORD 'qorgau-local-only';
CREATE DATABASE qorgau_order OWNER qorgau_order;
CREATE ROLE qorgau_notification LOGIN PASSWORD 'qorgau-local-only';
CREATE DATABASE qorgau_notification OWNER qorgau_notification;
CREATE ROLE qorgau_audit LOGIN PASSWORD 'qorgau-local-only';
CREATE DATABASE qorgau_audit OWNER qorgau_audit;
-- audit-service runs as a role that may only read and append to the trail; qorgau_audit owns
-- the tables and runs the migrations (docs/adr/0008).
CREATE ROLE qorgau_audit_app LOGIN PASSWORD 'qorgau-local-only';
