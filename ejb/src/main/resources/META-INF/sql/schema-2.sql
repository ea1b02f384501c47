-- certgate schema version 2. Portable SQL: runs unchanged on Apache Derby and PostgreSQL.
-- CRL numbers that only grow (RFC 5280 5.2.3), one row per authority, advanced under a row lock.
CREATE TABLE CG_CRL (
  AUTHORITY VARCHAR(8) NOT NULL,
  CRL_NUMBER BIGINT NOT NULL,
  THIS_UPDATE TIMESTAMP,
  NEXT_UPDATE TIMESTAMP,
  REVOKED_COUNT BIGINT NOT NULL,
  NEWEST_REVOCATION TIMESTAMP,
  CONSTRAINT PK_CRL PRIMARY KEY (AUTHORITY)
);
INSERT INTO CG_CRL (AUTHORITY, CRL_NUMBER, REVOKED_COUNT) VALUES ('RSA', 0, 0);
INSERT INTO CG_CRL (AUTHORITY, CRL_NUMBER, REVOKED_COUNT) VALUES ('ECC', 0, 0);
-- Separation of duties: RA accounts with the approver role approve or reject other accounts' requests.
ALTER TABLE CG_RA_ACCOUNT ADD COLUMN APPROVER BOOLEAN DEFAULT FALSE NOT NULL;
