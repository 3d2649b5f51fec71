package org.uputnica.platform.problem;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
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

    /**
     * Looks through the causes and the suppressed exceptions: a failed commit is an ArcUndeclaredThrowableException
     * around Narayana's RollbackException, which carries the driver's error (the connection lost while committing)
     * as a suppressed "deferred throwable" rather than as its cause.
     */
    static boolean isCause(Throwable e) {
        Deque<Throwable> pending = new ArrayDeque<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        if (e != null) {
            pending.add(e);
        }
        while (!pending.isEmpty()) {
            Throwable t = pending.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (isConnectionFailure(t)) {
                return true;
            }
            if (t.getCause() != null) {
                pending.add(t.getCause());
            }
            pending.addAll(Arrays.asList(t.getSuppressed()));
        }
        return false;
    }

    private static boolean isConnectionFailure(Throwable t) {
        return t instanceof org.hibernate.exception.JDBCConnectionException
                || t instanceof SQLTransientConnectionException
                || t instanceof SQLException sql && sql.getSQLState() != null
                && sql.getSQLState().startsWith(CONNECTION_EXCEPTION_CLASS);
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
