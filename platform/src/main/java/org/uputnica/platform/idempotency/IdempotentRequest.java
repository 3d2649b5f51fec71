package org.uputnica.platform.idempotency;

/**
 * A create sent with an {@code Idempotency-Key}: the key, whose it is (keys are scoped per agency and caller, so two
 * callers never see each other's answers) and the SHA-256 of the request (method, path, canonical body).
 */
public record IdempotentRequest(String key, String agency, String caller, String requestHash) {
}
