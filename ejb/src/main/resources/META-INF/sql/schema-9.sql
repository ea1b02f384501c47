-- certgate schema version 9. Portable SQL: runs unchanged on Apache Derby and PostgreSQL.
-- Operators' passwords also as Liberty's user registry checks them ({hash}), so that admins sign in to Liberty's
-- Admin Center with the same password; written whenever a password is set (earlier operators: at their next rotation).
ALTER TABLE CG_ADMIN_USER ADD COLUMN SERVER_PASSWORD_HASH VARCHAR(512);
