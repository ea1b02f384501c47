-- certgate schema version 11. Portable SQL: runs unchanged on Apache Derby and PostgreSQL.
-- (Version 10 is taken by the CA hierarchy's change; the change log's numbers need not be consecutive.)
-- DigiCert CertCentral as its clients use it (issue 17):
-- API keys carry a role (admin, manager, user) and the user behind them (kept when a key is rotated); a key
-- without a role is an admin key, a key without a user is its own user.
ALTER TABLE CG_API_CREDENTIAL ADD COLUMN ROLE_NAME VARCHAR(16);
ALTER TABLE CG_API_CREDENTIAL ADD COLUMN USER_NAME VARCHAR(128);
-- per organization: a second person must approve (nobody approves what the same user requested, with any key)
CREATE TABLE CG_DIGICERT_POLICY (
  ORG_ID VARCHAR(64) NOT NULL,
  SECOND_APPROVER BOOLEAN NOT NULL,
  UPDATED_AT TIMESTAMP NOT NULL,
  CONSTRAINT PK_DIGICERT_POLICY PRIMARY KEY (ORG_ID)
);
-- organizations that had DigiCert keys keep what they had: a key never approved its own request
INSERT INTO CG_DIGICERT_POLICY (ORG_ID, SECOND_APPROVER, UPDATED_AT)
  SELECT DISTINCT ORG_ID, TRUE, CURRENT_TIMESTAMP FROM CG_API_CREDENTIAL WHERE KIND = 'DIGICERT_KEY';
-- when an order's status last changed (GET /order/certificate/status-changes)
ALTER TABLE CG_ORDER ADD COLUMN STATUS_CHANGED_AT TIMESTAMP;
-- a revoke request names the certificate it revokes (none: the whole order) and the reason
ALTER TABLE CG_ORDER_REQUEST ADD COLUMN REVOCATION_REASON VARCHAR(32);
