package org.uputnica.e2e.access;

/**
 * How an answer reads as far as access goes. Allowed: the call got past the access check, with 2xx; refused past the
 * check: 400, 409 or 412 from a check of the input or the state, which counts as allowed only where the table says
 * the caller may act (for anyone else it is a failure: a caller without the right to act must be refused by the
 * access check first, never told what is wrong with the input or the resource's state). Denied: 401, 403, or 404
 * where a service hides that a resource exists. Anything else (5xx, 405, 415, 422, ...) says nothing about access and
 * is a failure of its own.
 */
enum Verdict {
    ALLOWED, REFUSED_PAST_CHECK, DENIED, ERROR;

    static Verdict of(int status) {
        if (status >= 200 && status < 300) {
            return ALLOWED;
        }
        if (status == 400 || status == 409 || status == 412) {
            return REFUSED_PAST_CHECK;
        }
        if (status == 401 || status == 403 || status == 404) {
            return DENIED;
        }
        return ERROR;
    }
}
