package org.uputnica.platform.csv;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class CsvExportsTest {

    @Test
    void aCellBeginningWithAFormulaCharacterIsWrittenAsText() {
        for (String formula : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx")) {
            assertEquals("'" + formula, CsvExports.cell(formula), formula);
        }
        for (String plain : List.of("ana.csr", "1.50", "", "Ђорђе", "a=b", " =x")) {
            assertEquals(plain, CsvExports.cell(plain), plain);
        }
        assertNull(CsvExports.cell(null));
    }

    @JsonPropertyOrder({"name", "count"})
    record Row(String name, long count) {
    }

    @Test
    void theMapperEscapesEveryTextCellButNotTheHeaderOrNumbers() throws Exception {
        var mapper = CsvExports.mapper();
        String csv = mapper.writer(mapper.schemaFor(Row.class).withHeader().withLineSeparator("\n"))
                .writeValueAsString(List.of(new Row("=cmd|' /C calc'!A0", -3), new Row("plain", 2)));
        String[] lines = csv.split("\n");
        assertEquals("name,count", lines[0]);
        assertEquals(true, lines[1].matches("\"?'=cmd\\|' /C calc'!A0\"?,-3"), lines[1]);
        assertEquals("plain,2", lines[2]);
    }
}
