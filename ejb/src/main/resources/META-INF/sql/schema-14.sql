-- certgate schema version 14. Portable SQL: runs unchanged on Apache Derby and PostgreSQL.
-- The operator's comment on approving or rejecting a request (issue 19), kept with the request itself as DigiCert
-- requests keep theirs (PROCESSOR_COMMENT): CertManager transactions and devices' self-enrollments. At most 200
-- characters (DecisionComments); null when the decision had none, and for every request decided before.
ALTER TABLE CG_TRANSACTION ADD COLUMN DECISION_COMMENT VARCHAR(200);
ALTER TABLE CG_SELF_ENROLLMENT ADD COLUMN DECISION_COMMENT VARCHAR(200);
