package org.uputnica.events;

/**
 * Data of {@link EventType#AGENCY_CREATED}: codes only (the agency's name and contacts stay in the directory).
 *
 * @param agency  the agency's alias, also its Keycloak organisation's alias
 * @param country RS or BA
 * @param kind    the directory kind (csr, ngo, ministry, ...), if given
 */
public record AgencyCreated(String agency, String country, String kind, Actor actor) {
}
