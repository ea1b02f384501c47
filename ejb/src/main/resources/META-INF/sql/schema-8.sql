-- certgate schema version 8. Portable SQL: runs unchanged on Apache Derby and PostgreSQL.
-- Expiry warnings: a lease row that instances take in turn, so that one of them at a time runs the scheduled
-- check (the database decides); on each certificate the narrowest warning written so far (days before its end),
-- so that a certificate is warned about once per threshold; and an index for the expiry range queries.
CREATE TABLE CG_LEASE (
  NAME VARCHAR(64) NOT NULL,
  OWNER VARCHAR(128),
  EXPIRES_AT TIMESTAMP,
  CONSTRAINT PK_LEASE PRIMARY KEY (NAME)
);
INSERT INTO CG_LEASE (NAME) VALUES ('expiry-warnings');
ALTER TABLE CG_CERTIFICATE ADD COLUMN EXPIRY_WARNED_DAYS INTEGER;
CREATE INDEX IX_CERT_NOT_AFTER ON CG_CERTIFICATE (NOT_AFTER);
