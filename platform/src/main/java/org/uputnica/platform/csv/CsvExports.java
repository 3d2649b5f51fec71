package org.uputnica.platform.csv;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;

import java.io.IOException;

/**
 * Every CSV export of every service is written with {@link #mapper()}: each text cell goes through {@link #cell}, so
 * that a spreadsheet opening the file never runs a cell as a formula (CSV injection). Write CSV no other way.
 */
public final class CsvExports {

    private CsvExports() {
    }

    /**
     * A value that begins with {@code =}, {@code +}, {@code -}, {@code @}, a TAB or a CR would be read as a formula by
     * Excel, LibreOffice or Google Sheets: it gets a leading apostrophe, which they show as text. Other values,
     * numbers included, are unchanged; a negative number written as text is escaped too.
     */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }

    /** A CsvMapper whose every String is written through {@link #cell}. Add modules (e.g. java.time) to it. */
    public static CsvMapper mapper() {
        CsvMapper mapper = new CsvMapper();
        mapper.registerModule(new SimpleModule("spreadsheet-safe-cells").addSerializer(String.class, new SafeCells()));
        return mapper;
    }

    private static final class SafeCells extends StdSerializer<String> {
        SafeCells() {
            super(String.class);
        }

        @Override
        public void serialize(String value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(cell(value));
        }
    }
}
