package org.uputnica.referrals.agency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.OrganizationsResource;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.uputnica.platform.problem.ProblemException;
import org.uputnica.platform.problem.ProblemType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An agency's Keycloak organisation, created through the admin REST API as the referral-service's own client (client
 * credentials; its service account holds realm-management's manage-realm, which Keycloak requires for organisations).
 * Never called inside a database transaction.
 */
@ApplicationScoped
public class KeycloakOrganisations {
    private static final Logger LOG = Logger.getLogger(KeycloakOrganisations.class);

    public static final String NAME_TAKEN = ProblemType.of("organisation-name-taken");
    public static final String KEYCLOAK_REFUSED = ProblemType.of("keycloak-refused");

    private final Keycloak keycloak;
    private final String realm;

    KeycloakOrganisations(Keycloak keycloak, @ConfigProperty(name = "quarkus.keycloak.admin-client.realm") String realm) {
        this.keycloak = keycloak;
        this.realm = realm;
    }

    /**
     * Creates the agency's organisation. One that exists already with this alias counts as created, so a request
     * repeated after its database insert failed goes through.
     */
    public void ensure(NewAgency agency) {
        try (Response created = organisations().create(representation(agency))) {
            int status = created.getStatus();
            if (status == 201) {
                return;
            }
            if (status == 409) {
                if (exists(agency.alias())) {
                    return;
                }
                throw ProblemException.conflict(NAME_TAKEN, "Keycloak has another organisation named \""
                        + agency.name() + "\"; choose another name");
            }
            throw refused(status);
        } catch (ProcessingException e) {
            throw unreachable(e);
        } catch (WebApplicationException e) {
            throw refused(e.getResponse().getStatus());
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            throw connectionFailure(e) ? unreachable(e) : e;
        }
    }

    /** Whether an organisation with exactly this alias exists. */
    public boolean exists(String alias) {
        try {
            // the search matches names and domains, not aliases: page through (a few thousand agencies at most)
            int first = 0;
            while (true) {
                List<OrganizationRepresentation> page = organisations().list(first, 500);
                if (page.stream().anyMatch(o -> alias.equals(o.getAlias()))) {
                    return true;
                }
                if (page.size() < 500) {
                    return false;
                }
                first += 500;
            }
        } catch (ProcessingException e) {
            throw unreachable(e);
        } catch (WebApplicationException e) {
            throw refused(e.getResponse().getStatus());
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            throw connectionFailure(e) ? unreachable(e) : e;
        }
    }

    private OrganizationsResource organisations() {
        return keycloak.realm(realm).organizations();
    }

    private static OrganizationRepresentation representation(NewAgency a) {
        OrganizationRepresentation o = new OrganizationRepresentation();
        o.setAlias(a.alias());
        o.setName(a.name());
        o.setEnabled(true);
        o.setDescription(a.description());
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        attributes.put("country", List.of(a.country()));
        if (a.municipality() != null) {
            attributes.put("municipality", List.of(a.municipality()));
        }
        if (a.kind() != null) {
            attributes.put("kind", List.of(a.kind()));
        }
        o.setAttributes(attributes);
        return o;
    }

    private static boolean connectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException || t instanceof ProcessingException) {
                return true;
            }
        }
        return false;
    }

    private static ProblemException unreachable(Exception e) {
        LOG.warnf("Keycloak cannot be reached: %s", e.getMessage());
        return new ProblemException(503, ProblemType.DEPENDENCY_UNAVAILABLE, "Dependency unavailable",
                "Keycloak cannot be reached; nothing was created. Retry later.");
    }

    private static ProblemException refused(int status) {
        LOG.warnf("Keycloak answered %d to an organisation request", status);
        return new ProblemException(502, KEYCLOAK_REFUSED, "Bad gateway",
                "Keycloak refused the organisation request (HTTP " + status + "); nothing was created.");
    }
}
