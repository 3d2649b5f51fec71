package org.uputnica.platform.problem;

import jakarta.ws.rs.core.Response;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

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
