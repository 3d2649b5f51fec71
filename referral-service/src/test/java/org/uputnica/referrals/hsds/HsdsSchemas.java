package org.uputnica.referrals.hsds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Format;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.format.EmailFormat;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The HSDS 3.0 JSON schemas of src/test/resources/hsds/3.0 (see its README), under the addresses the HSDS OpenAPI
 * document gives them, checked with formats asserted (every id a UUID). A page is checked as the API reference's
 * lists are: the openapi.json's Page with all its fields required, and each item against the item schema.
 */
final class HsdsSchemas {
    static final String BASE = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/";
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * The validator's e-mail format checks the domain against the IANA list of top-level domains; the demo data's
     * addresses are in the reserved .test domain (RFC 2606), which counts as one here. Everything else is as built in.
     */
    private static final Format EMAIL = new Format() {
        private final EmailFormat builtIn = new EmailFormat();

        @Override
        public String getName() {
            return builtIn.getName();
        }

        @Override
        public String getMessageKey() {
            return builtIn.getMessageKey();
        }

        @Override
        public boolean matches(ExecutionContext context, String value) {
            return builtIn.matches(context, value.endsWith(".test") ? value.substring(0, value.length() - 5) + ".org"
                    : value);
        }
    };
    private static final JsonMetaSchema DIALECT = JsonMetaSchema.builder(JsonMetaSchema.getV202012()).format(EMAIL)
            .build();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.metaSchema(DIALECT).defaultMetaSchemaIri(DIALECT.getIri())
                    .schemaMappers(mappers -> mappers.mapPrefix(BASE, "classpath:hsds/3.0/schema/")));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private HsdsSchemas() {
    }

    /** Fails naming every violation of the schema at {@code path} (relative to schema/, e.g. compiled/service.json). */
    static void assertValid(String path, JsonNode answer, String what) {
        report(SCHEMAS.computeIfAbsent(path, p -> FACTORY.getSchema(SchemaLocation.of(BASE + p), CONFIG)), answer, what);
    }

    /** A page of the HSDS API whose contents are items of the schema at {@code itemPath}. */
    static void assertValidPage(String itemPath, JsonNode answer, String what) {
        JsonSchema page = SCHEMAS.computeIfAbsent("page of " + itemPath, k -> {
            try {
                JsonNode schema = JSON.readTree("""
                        {"$schema": "https://json-schema.org/draft/2020-12/schema",
                         "allOf": [{"$ref": "%sopenapi.json#/components/schemas/Page"}],
                         "required": ["total_items", "total_pages", "page_number", "size", "first_page", "last_page",
                                      "empty", "contents"],
                         "properties": {"contents": {"type": "array", "items": {"$ref": "%s%s"}}}}"""
                        .formatted(BASE, BASE, itemPath));
                return FACTORY.getSchema(SchemaLocation.of(BASE + "page-of-" + itemPath.replace('/', '-')), schema,
                        CONFIG);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
        report(page, answer, what);
    }

    private static void report(JsonSchema schema, JsonNode answer, String what) {
        Set<ValidationMessage> errors = schema.validate(answer);
        if (!errors.isEmpty()) {
            fail(what + " does not validate against HSDS 3.0:\n" + errors.stream().map(ValidationMessage::toString)
                    .collect(Collectors.joining("\n")) + "\n" + answer.toPrettyString());
        }
    }
}
