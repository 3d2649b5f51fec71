package org.uputnica.referrals.workinggroup;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;

import java.util.List;
import java.util.Locale;

/**
 * The per-agency figures of a working group as CSV: a header line, then one line per agency, values quoted when they
 * hold a comma, a quote or a line break (RFC 4180). Hours have two decimals; a duration no referral reached is empty.
 */
final class AgencyFiguresCsv {

    /** One line; the header names are part of the export's contract (spreadsheets and reports refer to them). */
    @JsonPropertyOrder({"agency", "received", "acknowledged", "accepted", "declined", "completed", "open",
            "median_hours_to_acknowledge", "p90_hours_to_acknowledge", "median_hours_to_answer", "p90_hours_to_answer"})
    record Line(String agency, long received, long acknowledged, long accepted, long declined, long completed,
                long open,
                @JsonProperty("median_hours_to_acknowledge") String medianHoursToAcknowledge,
                @JsonProperty("p90_hours_to_acknowledge") String p90HoursToAcknowledge,
                @JsonProperty("median_hours_to_answer") String medianHoursToAnswer,
                @JsonProperty("p90_hours_to_answer") String p90HoursToAnswer) {

        static Line of(GroupStatistics.AgencyFigures a) {
            return new Line(a.agency(), a.received(), a.acknowledged(), a.accepted(), a.declined(), a.completed(),
                    a.open(), hours(a.medianHoursToAcknowledge()), hours(a.p90HoursToAcknowledge()),
                    hours(a.medianHoursToAnswer()), hours(a.p90HoursToAnswer()));
        }

        private static String hours(Double d) {
            return d == null ? null : String.format(Locale.ROOT, "%.2f", d);
        }
    }

    /** Every text cell spreadsheet-safe (platform CsvExports). */
    static final CsvMapper MAPPER = org.uputnica.platform.csv.CsvExports.mapper();

    // "\n" as the export always had; strict quoting quotes only the values that need it, so plain lines stay as before
    private static final ObjectWriter WRITER = MAPPER
            .writer(MAPPER.schemaFor(Line.class).withHeader().withLineSeparator("\n"))
            .with(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING);

    private AgencyFiguresCsv() {
    }

    static String of(List<GroupStatistics.AgencyFigures> agencies) {
        try {
            return WRITER.writeValueAsString(agencies.stream().map(Line::of).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the agencies' figures cannot be written as CSV", e);
        }
    }
}
