package io.certgate.ejb.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The race-deciding insert on a real (in-memory) Derby: the first insert of a key wins, every later or concurrent
 * one answers false instead of throwing, and other SQL errors still throw.
 */
class UniqueInsertTest {

    private static final String NONCE = "INSERT INTO CG_NONCE (NONCE_SHA256, EXPIRES_AT) VALUES (?, ?)";

    @Test
    void theFirstInsertWinsAndARepeatAnswersFalse() throws Exception {
        try (Connection c = database("repeat")) {
            assertTrue(UniqueInsert.insert(c, NONCE, "n1", Instant.now()));
            assertFalse(UniqueInsert.insert(c, NONCE, "n1", Instant.now()), "the same key again");
            assertTrue(UniqueInsert.insert(c, NONCE, "n2", Instant.now()), "another key");
            assertEquals(2, count(c));
        }
    }

    @Test
    void concurrentInsertsOfOneKeyHaveExactlyOneWinner() throws Exception {
        try (Connection setup = database("race")) {
            int racers = 6;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(racers);
            try {
                Callable<Boolean> racer = () -> {
                    try (Connection c = DriverManager.getConnection("jdbc:derby:memory:race")) {
                        c.setAutoCommit(false);
                        start.await();
                        boolean won = UniqueInsert.insert(c, NONCE, "same", Instant.now());
                        if (won) {
                            c.commit();
                        } else {
                            c.rollback();
                        }
                        return won;
                    }
                };
                java.util.List<Future<Boolean>> results = new java.util.ArrayList<>();
                for (int i = 0; i < racers; i++) {
                    results.add(pool.submit(racer));
                }
                start.countDown();
                int winners = 0;
                for (Future<Boolean> r : results) {
                    winners += r.get(60, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertEquals(1, winners);
                assertEquals(1, count(setup));
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void otherErrorsStillThrow() throws Exception {
        try (Connection c = database("errors")) {
            assertThrows(SQLException.class, () -> UniqueInsert.insert(c, NONCE, "n", null), "NOT NULL is no race");
            assertThrows(SQLException.class, () -> UniqueInsert.insert(c, "INSERT INTO NO_SUCH_TABLE VALUES (?)", "x"));
        }
    }

    private static Connection database(String name) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:derby:memory:" + name + ";create=true");
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE CG_NONCE (NONCE_SHA256 VARCHAR(64) NOT NULL, EXPIRES_AT TIMESTAMP NOT NULL, "
                    + "CONSTRAINT PK_NONCE PRIMARY KEY (NONCE_SHA256))");
        }
        return c;
    }

    private static int count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM CG_NONCE")) {
            r.next();
            return r.getInt(1);
        }
    }
}
