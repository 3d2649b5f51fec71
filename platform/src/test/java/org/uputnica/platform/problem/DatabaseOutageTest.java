package org.uputnica.platform.problem;

import jakarta.ws.rs.core.Response;
import org.hibernate.exception.JDBCConnectionException;
import io.quarkus.arc.ArcUndeclaredThrowableException;
import jakarta.transaction.RollbackException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseOutageTest {

    @Test
    void aLostOrRefusedConnectionIsAnOutageWhereverItIsWrapped() {
        SQLException refused = new SQLException("Connection to localhost:5432 refused", "08001");
        assertTrue(DatabaseOutage.isCause(new JDBCConnectionException("Unable to acquire JDBC Connection", refused)));
        assertTrue(DatabaseOutage.isCause(new RuntimeException("tx", new IllegalStateException(refused))));
        assertTrue(DatabaseOutage.isCause(new SQLTransientConnectionException("Acquisition timeout while waiting for new connection")));
        assertTrue(DatabaseOutage.isCause(new SQLException("An I/O error occurred while sending to the backend.", "08006")));
    }

    /** Seen in the chaos run: the connection was lost while an accept committed. */
    @Test
    void aConnectionLostAtCommitIsAnOutageThoughNarayanaKeepsItAsASuppressedThrowable() {
        PSQLException io = new PSQLException("An I/O error occurred while sending to the backend.",
                PSQLState.CONNECTION_FAILURE, new java.io.EOFException());
        RollbackException suppressed = new RollbackException("ARJUNA016053: Could not commit transaction.");
        suppressed.addSuppressed(io);
        assertTrue(DatabaseOutage.isCause(new ArcUndeclaredThrowableException(suppressed)));
        RollbackException caused = new RollbackException("ARJUNA016053: Could not commit transaction.");
        caused.initCause(io);
        assertTrue(DatabaseOutage.isCause(new ArcUndeclaredThrowableException(caused)));

        Response answer = new ProblemMappers().internal(new ArcUndeclaredThrowableException(suppressed), null);
        assertEquals(503, answer.getStatus());
        assertEquals(ProblemType.DATABASE_UNAVAILABLE, ((Problem) answer.getEntity()).type());

        RollbackException constraint = new RollbackException("ARJUNA016053: Could not commit transaction.");
        constraint.addSuppressed(new SQLException("duplicate key", "23505"));
        assertFalse(DatabaseOutage.isCause(new ArcUndeclaredThrowableException(constraint)));
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        assertFalse(DatabaseOutage.isCause(new SQLException("date out of range", "22008")));
        assertFalse(DatabaseOutage.isCause(new SQLException("no state")));
        assertFalse(DatabaseOutage.isCause(new IllegalStateException("a bug")));
    }

    @Test
    void anOutageIsA503ProblemWithRetryAfterAndAnythingElseA500() {
        ProblemMappers mappers = new ProblemMappers();
        Response outage = mappers.internal(new JDBCConnectionException("Unable to acquire JDBC Connection",
                new SQLException("refused", "08001")), null);
        assertEquals(503, outage.getStatus());
        assertEquals("5", String.valueOf(outage.getHeaders().getFirst("Retry-After")));
        assertEquals(ProblemType.DATABASE_UNAVAILABLE, ((Problem) outage.getEntity()).type());
        Response bug = mappers.internal(new IllegalStateException("a bug"), null);
        assertEquals(500, bug.getStatus());
        assertEquals(ProblemType.INTERNAL, ((Problem) bug.getEntity()).type());
    }
}
