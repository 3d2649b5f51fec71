package org.uputnica.platform.problem;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether a failure means the database could not be reached (restarting, network, no connection from the pool)
 * rather than a fault of the request or of the code. Such a request changed nothing: its transaction never
 * committed, so the client may simply retry.
 */
final class DatabaseOutage {

    static final int RETRY_AFTER_SECONDS = 5;

    /** SQLSTATE class 08: connection exception (PostgreSQL, and the JDBC driver when it cannot connect). */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";

    private DatabaseOutage() {
    }

    static boolean isCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.hibernate.exception.JDBCConnectionException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith(CONNECTION_EXCEPTION_CLASS)) {
                return true;
            }
        }
        return false;
    }

    /** The innermost message, for the log line (no stack trace: the outage is the story, not the code path). */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
