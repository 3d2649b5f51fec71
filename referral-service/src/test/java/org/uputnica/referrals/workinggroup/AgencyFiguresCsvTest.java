package org.uputnica.referrals.workinggroup;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.junit.jupiter.api.Test;
import org.uputnica.referrals.workinggroup.GroupStatistics.AgencyFigures;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AgencyFiguresCsvTest {
    static final String HEADER = "agency,received,acknowledged,accepted,declined,completed,open,"
            + "median_hours_to_acknowledge,p90_hours_to_acknowledge,median_hours_to_answer,p90_hours_to_answer";

    static List<Map<String, String>> parse(String csv) throws IOException {
        try (MappingIterator<Map<String, String>> lines = AgencyFiguresCsv.MAPPER.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            return lines.readAll();
        }
    }

    @Test
    void plainFiguresAreWrittenAsTheExportAlwaysWroteThem() {
        String csv = AgencyFiguresCsv.of(List.of(
                new AgencyFigures("udruzenje-rod", 12, 10, 7, 2, 5, 3, 1.5, 20.0 / 3, 30.0, 48.125),
                new AgencyFigures("kirs", 2, 0, 0, 0, 0, 2, null, null, null, null)));
        assertEquals(HEADER + "\n"
                + "udruzenje-rod,12,10,7,2,5,3,1.50,6.67,30.00,48.13\n"
                + "kirs,2,0,0,0,0,2,,,,\n", csv);
        assertEquals(HEADER + "\n", AgencyFiguresCsv.of(List.of()), "no agency: the header alone");
    }

    @Test
    void aValueWithACommaQuotesALineBreakAndCyrillicIsQuotedAndReadsBackWhole() throws IOException {
        String awkward = "Центар за социјални рад \"Кикинда\", одељење 2\nдруги ред\r\nтрећи, \"\"";
        String csv = AgencyFiguresCsv.of(List.of(
                new AgencyFigures(awkward, 3, 2, 1, 1, 0, 1, 0.25, 0.5, null, 72.0),
                new AgencyFigures("csr-kikinda", 1, 1, 1, 0, 1, 0, 2.0, 2.0, 4.0, 4.0)));

        assertEquals(HEADER, csv.substring(0, csv.indexOf('\n')));
        List<Map<String, String>> lines = parse(csv);
        assertEquals(2, lines.size(), csv);
        assertEquals(List.of(HEADER.split(",")), List.copyOf(lines.get(0).keySet()));
        Map<String, String> first = lines.get(0);
        assertEquals(awkward, first.get("agency"));
        assertEquals("3", first.get("received"));
        assertEquals("1", first.get("open"));
        assertEquals("0.25", first.get("median_hours_to_acknowledge"));
        assertEquals("", first.get("median_hours_to_answer"));
        assertEquals("72.00", first.get("p90_hours_to_answer"));
        assertEquals("csr-kikinda", lines.get(1).get("agency"));
        assertEquals("4.00", lines.get(1).get("p90_hours_to_answer"));
    }

    @Test
    void aCellThatASpreadsheetWouldRunAsAFormulaIsWrittenAsText() throws IOException {
        String csv = AgencyFiguresCsv.of(List.of(
                new AgencyFigures("=HYPERLINK(\"http://x\")", 1, 0, 0, 0, 0, 1, null, null, null, null),
                new AgencyFigures("@SUM(A1)", 1, 0, 0, 0, 0, 1, null, null, null, null),
                new AgencyFigures("-2+3", 1, 0, 0, 0, 0, 1, null, null, null, null),
                new AgencyFigures("\tcmd", 1, 0, 0, 0, 0, 1, null, null, null, null)));
        assertEquals(List.of("'=HYPERLINK(\"http://x\")", "'@SUM(A1)", "'-2+3", "'\tcmd"),
                parse(csv).stream().map(l -> l.get("agency")).toList());
    }
}
