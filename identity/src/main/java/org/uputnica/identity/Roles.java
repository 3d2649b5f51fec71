package org.uputnica.identity;

/** The realm roles of identity/realm/uputnica-realm.json, as constants for {@code @RolesAllowed}. */
public final class Roles {
    public static final String CASEWORKER = "caseworker";
    public static final String SUPERVISOR = "supervisor";
    public static final String COORDINATOR = "coordinator";
    public static final String ANALYST = "analyst";
    public static final String AGENCY_ADMIN = "agency-admin";
    public static final String INTEGRATOR = "integrator";
    /** Adds agencies and changes working groups' members (the platform's operators, not an agency's). */
    public static final String PLATFORM_ADMIN = "platform-admin";

    /** The referral-service's service account: looks up a case's owner and a consent's terms in the case-service. */
    public static final String CASE_LOOKUP = "case-lookup";

    private Roles() {
    }
}
