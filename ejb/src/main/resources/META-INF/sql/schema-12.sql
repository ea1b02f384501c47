-- certgate schema version 12. Portable SQL: runs unchanged on Apache Derby and PostgreSQL.
-- The compromised-key check at every issuance looks for a certificate of the key revoked for keyCompromise. With
-- the key alone indexed, a key renewed many times (a device keeping its key) made the database read every earlier
-- certificate of that key at each issuance; with the reason in the index it is one index probe.
DROP INDEX IX_CERT_PUBLIC_KEY;
CREATE INDEX IX_CERT_KEY_REVOCATION ON CG_CERTIFICATE (PUBLIC_KEY_SHA256, REVOCATION_REASON);
-- Root rollover (issue 16): root generations after the first come from the root ceremony; their keys stay there.
CREATE TABLE CG_ROOT_CA (
  ROOT_ID VARCHAR(8) NOT NULL,
  CERT_PEM VARCHAR(8000) NOT NULL,
  ADDED_AT TIMESTAMP NOT NULL,
  CONSTRAINT PK_ROOT_CA PRIMARY KEY (ROOT_ID)
);
-- which root generation signed an issuing CA (every one so far: the first)
ALTER TABLE CG_ISSUING_CA ADD COLUMN ROOT_GENERATION INTEGER DEFAULT 1 NOT NULL;
