package org.uputnica.e2e.access;

/**
 * How an answer reads as far as access goes. Allowed: the call got past the access check (2xx, or 400, 409, 412 from
 * a check that comes after it). Denied: 401, 403, or 404 where a service hides that a resource exists. Anything else
 * (5xx, 405, 415, ...) says nothing about access and is a failure of its own.
 */
enum Verdict {
    ALLOWED, DENIED, ERROR;

    static Verdict of(int status) {
        if (status >= 200 && status < 300 || status == 400 || status == 409 || status == 412) {
            return ALLOWED;
        }
        if (status == 401 || status == 403 || status == 404) {
            return DENIED;
        }
        return ERROR;
    }
}
