-- certgate schema version 4. Portable SQL: runs unchanged on Apache Derby and PostgreSQL.
-- One row that instances starting together lock while they do first-start work (roots, secrets key,
-- bootstrap credentials), so that the database decides who creates them and the others load them.
CREATE TABLE CG_STARTUP_LOCK (
  ID INTEGER NOT NULL,
  CONSTRAINT PK_STARTUP_LOCK PRIMARY KEY (ID)
);
INSERT INTO CG_STARTUP_LOCK (ID) VALUES (1);
