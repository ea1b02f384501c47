-- certgate schema version 7. Portable SQL: runs unchanged on Apache Derby and PostgreSQL.
-- Operators with roles (admin, approver, auditor: ROLE_NAME since version 1) can be disabled; a disabled
-- operator's row stays for the audit trail and the identity store no longer finds it.
ALTER TABLE CG_ADMIN_USER ADD COLUMN ENABLED BOOLEAN DEFAULT TRUE NOT NULL;
-- RA accounts can be disabled, and know their client certificate in the ledger (listed, revoked when the account
-- is disabled). Accounts made before this version learn it the next time they authenticate.
ALTER TABLE CG_RA_ACCOUNT ADD COLUMN ENABLED BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE CG_RA_ACCOUNT ADD COLUMN CLIENT_CERT_SN BIGINT;
ALTER TABLE CG_RA_ACCOUNT ADD CONSTRAINT FK_RA_ACCOUNT_CERT FOREIGN KEY (CLIENT_CERT_SN) REFERENCES CG_CERTIFICATE (CERT_SN);
-- The credentials of an organization, listed by operators.
CREATE INDEX IX_RA_ACCOUNT_ORG ON CG_RA_ACCOUNT (ORG_ID);
CREATE INDEX IX_API_CREDENTIAL_ORG ON CG_API_CREDENTIAL (ORG_ID);
