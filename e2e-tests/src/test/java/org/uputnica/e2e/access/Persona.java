package org.uputnica.e2e.access;

import java.util.Set;

/**
 * Who calls: one persona for each realm role (a demo user holding it), a token without an agency, a token naming two
 * agencies, and no token.
 * The names are the columns of access-matrix.csv.
 */
enum Persona {
    CASEWORKER("caseworker", "ana.csr", "csr-kikinda", Set.of("caseworker"), Set.of()),
    SUPERVISOR("supervisor", "milica.supervisor", "csr-kikinda", Set.of("supervisor", "caseworker"), Set.of()),
    COORDINATOR("coordinator", "jelena.coordinator", "csr-kikinda", Set.of("coordinator"),
            Set.of("kikinda-child-protection")),
    ANALYST("analyst", "petar.ministry", "minrzs", Set.of("analyst"), Set.of()),
    AGENCY_ADMIN("agency-admin", "nina.admin", "udruzenje-rod", Set.of("agency-admin"), Set.of()),
    /** The ministry's system (client credentials): an integrator's token also holds caseworker (IntegratorRoles). */
    INTEGRATOR("integrator", Logins.INTEGRATION_CLIENT, "minrzs", Set.of("integrator", "caseworker"), Set.of()),
    NO_AGENCY("no-agency", "test.noagency", null, Set.of("caseworker"), Set.of()),
    /** A member of csr-kikinda and udruzenje-rod whose token names both (scope organization:*): no agency to act for. */
    TWO_AGENCIES("two-agencies", "test.twoagencies", null, Set.of("supervisor", "caseworker"), Set.of()),
    ANONYMOUS("anonymous", null, null, Set.of(), Set.of());

    /** Callers without an agency are tried on the fixtures of this one, as if they claimed its resources. */
    static final String STAND_IN_AGENCY = "csr-kikinda";

    final String column;
    final String login;
    final String agency;
    final Set<String> roles;
    final Set<String> workingGroups;

    Persona(String column, String login, String agency, Set<String> roles, Set<String> workingGroups) {
        this.column = column;
        this.login = login;
        this.agency = agency;
        this.roles = roles;
        this.workingGroups = workingGroups;
    }

    /** The agency whose resources are "own" for this caller. */
    String fixtureAgency() {
        return agency == null ? STAND_IN_AGENCY : agency;
    }

    /** Null for the anonymous caller. */
    String token() {
        return login == null ? null : Logins.token(login);
    }

    boolean practitioner() {
        return roles.contains("caseworker") || roles.contains("supervisor");
    }

    static Persona ofColumn(String column) {
        for (Persona p : values()) {
            if (p.column.equals(column)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no persona " + column);
    }
}
