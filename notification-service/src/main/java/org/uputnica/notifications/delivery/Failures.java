package org.uputnica.notifications.delivery;

/** A delivery failure as one short line for the delivery log, which people read: no stack, no nesting. */
public final class Failures {
    static final int MAX_LENGTH = 500;

    private Failures() {
    }

    /** The innermost cause's class and message, e.g. "ConnectException: Connection refused". */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        text = text.replaceAll("\\s+", " ").strip();
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 1) + "…";
    }
}
