package org.uputnica.platform.input;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;

import java.io.IOException;
import java.time.LocalDate;

/**
 * Request bodies are read strictly: a JSON text is one value (trailing content such as {@code {"a":1}{"b":2}} is a
 * 400, not the first object); a date is {@code YYYY-MM-DD} (Jackson would take {@code 2011-03-14T00:00:00Z} for
 * one, and an empty or blank string for none; the year has four digits: {@link Dates}); and every string, map key
 * included, follows {@link Text}. The problem names the field ({@code ProblemMappers}). {@link JsonBodies} checks the
 * rest of the body.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** Last, so that these deserializers come before those of the modules Quarkus registers (java.time's). */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.configOverride(LocalDate.class).setFormat(JsonFormat.Value.forLeniency(false));
        SimpleModule text = new SimpleModule("uputnica-text");
        text.addDeserializer(String.class, new CheckedString());
        text.addKeyDeserializer(String.class, new CheckedKey());
        text.addDeserializer(LocalDate.class, new LocalDateDeserializer(Dates.FULL_DATE));
        mapper.registerModule(text);
    }

    static final class CheckedString extends StdScalarDeserializer<String> {
        CheckedString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return checked(p, StringDeserializer.instance.deserialize(p, ctxt));
        }
    }

    static final class CheckedKey extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            return checked(ctxt.getParser(), key);
        }
    }

    private static String checked(JsonParser p, String value) throws IOException {
        if (value != null && !Text.isAcceptable(value)) {
            throw InvalidFormatException.from(p, Text.RULE, value, String.class);
        }
        return value;
    }
}
