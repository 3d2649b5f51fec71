package org.uputnica.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.uputnica.platform.problem.ProblemException;
import org.uputnica.platform.problem.ProblemType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Idempotent creates: a {@code POST} sent again with the same {@code Idempotency-Key} and the same body gets the first
 * answer (status, body, Location, ETag) instead of a second resource; the same key with another body is 422
 * {@code idempotency-key-reused}. The key's row is inserted first in the create's own transaction and its answer
 * written before commit: a crash leaves both or neither, and a concurrent request with the same key waits on the
 * row's unique index until the first commits, then replays its answer. Only a create that succeeded is remembered: a
 * refused one (4xx) rolls back with its key, and a retry is decided afresh.
 */
@ApplicationScoped
public class Idempotency {
    public static final String HEADER = "Idempotency-Key";
    /** Set on a replayed answer, so a client can tell that nothing was created this time. */
    public static final String REPLAYED = "Idempotent-Replayed";
    public static final String KEY_REUSED = ProblemType.of("idempotency-key-reused");
    /** Printable ASCII without spaces, as Stripe's and the IETF draft's keys are (a UUID fits). */
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final EntityManager em;
    private final ObjectMapper json;
    private final ObjectMapper canonical;
    private final Clock clock;

    Idempotency(EntityManager em, ObjectMapper json, Clock clock) {
        this.em = em;
        this.json = json;
        this.canonical = json.copy().configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
                .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
        this.clock = clock;
    }

    /**
     * The request as the key store sees it, or null when no key was sent (then the create is not idempotent).
     *
     * @param caller who sends it: the user, or for an integration {@code integration:<client>}
     */
    public IdempotentRequest request(String key, String agency, String caller, String method, String path, Object body) {
        if (key == null) {
            return null;
        }
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.invalidField(HEADER, "1 to 255 printable ASCII characters without spaces (a UUID)");
        }
        return new IdempotentRequest(key, agency, caller, sha256(method + " " + path + "\n" + canonicalJson(body)));
    }

    /**
     * Creates once: {@code create} builds the answer (its entity becomes the stored JSON body). Joins the transaction
     * of the caller if there is one (the create must then run in it), else runs in a new one.
     */
    public Response once(IdempotentRequest request, Supplier<Response> create) {
        if (request == null) {
            return create.get();
        }
        return QuarkusTransaction.joiningExisting().call(() -> claimOrReplay(request, create));
    }

    private Response claimOrReplay(IdempotentRequest request, Supplier<Response> create) {
        int claimed = em.createNativeQuery("""
                        insert into idempotency_key (agency, caller, idem_key, request_hash, created_at)
                        values (:agency, :caller, :key, :hash, :now) on conflict do nothing""")
                .setParameter("agency", request.agency()).setParameter("caller", request.caller())
                .setParameter("key", request.key()).setParameter("hash", request.requestHash())
                .setParameter("now", OffsetDateTime.now(clock)).executeUpdate();
        if (claimed == 0) {
            return replay(request);
        }
        Response created = create.get();
        String body = write(created.getEntity());
        EntityTag tag = created.getEntityTag();
        String etag = tag == null ? null : (tag.isWeak() ? "W/" : "") + "\"" + tag.getValue() + "\"";
        String location = created.getLocation() == null ? null : created.getLocation().toString();
        em.createNativeQuery("""
                        update idempotency_key set status = :status, location = :location, etag = :etag, body = :body
                        where agency = :agency and caller = :caller and idem_key = :key""")
                .setParameter("status", created.getStatus()).setParameter("location", location)
                .setParameter("etag", etag).setParameter("body", body)
                .setParameter("agency", request.agency()).setParameter("caller", request.caller())
                .setParameter("key", request.key()).executeUpdate();
        return answer(created.getStatus(), location, etag, body, false);
    }

    private Response replay(IdempotentRequest request) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select request_hash, status, location, etag, body from idempotency_key
                        where agency = :agency and caller = :caller and idem_key = :key""")
                .setParameter("agency", request.agency()).setParameter("caller", request.caller())
                .setParameter("key", request.key()).getResultList();
        if (rows.isEmpty()) { // erased between the insert and this read: a retention boundary, vanishingly rare
            throw ProblemException.conflict(ProblemType.CONFLICT, "the Idempotency-Key was just erased; send again");
        }
        Object[] row = rows.get(0);
        if (!request.requestHash().equals(String.valueOf(row[0]).strip())) {
            throw new ProblemException(422, KEY_REUSED, "Idempotency-Key reused",
                    "this Idempotency-Key was sent before with another request; use a new key for a new create");
        }
        return answer(((Number) row[1]).intValue(), (String) row[2], (String) row[3], (String) row[4], true);
    }

    private static Response answer(int status, String location, String etag, String body, boolean replayed) {
        Response.ResponseBuilder answer = Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE);
        if (location != null) {
            answer.header(HttpHeaders.LOCATION, location);
        }
        if (etag != null) {
            answer.header(HttpHeaders.ETAG, etag);
        }
        if (replayed) {
            answer.header(REPLAYED, "true");
        }
        return answer.build();
    }

    private String canonicalJson(Object body) {
        try {
            return canonical.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("request body not serialisable", e);
        }
    }

    private String write(Object entity) {
        try {
            return entity instanceof String s ? s : json.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("answer not serialisable", e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
