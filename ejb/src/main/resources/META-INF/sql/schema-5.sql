-- certgate schema version 5. Portable SQL: runs unchanged on Apache Derby and PostgreSQL.
-- DigiCert domain DCV on its own (not through an order): a domain's method and random value.
ALTER TABLE CG_DOMAIN ADD COLUMN DCV_METHOD VARCHAR(32);
ALTER TABLE CG_DOMAIN ADD COLUMN DCV_TOKEN VARCHAR(64);
