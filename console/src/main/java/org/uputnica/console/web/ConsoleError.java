package org.uputnica.console.web;

/** A page the console refuses or cannot show; ErrorPages renders it in the user's language. */
public class ConsoleError extends RuntimeException {
    public final int status;

    public ConsoleError(int status) {
        super("console error " + status, null, false, false);
        this.status = status;
    }
}
