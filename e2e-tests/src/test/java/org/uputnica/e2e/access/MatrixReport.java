package org.uputnica.e2e.access;

import org.uputnica.e2e.access.AccessTable.Row;

import java.util.Map;

/**
 * The summary: one line per row, one column per persona, each cell "allowed/denied" over the row's situations,
 * "+n" for situations without a fixture (n/a), and "!" where a call did not answer as the table says.
 */
final class MatrixReport {
    private MatrixReport() {
    }

    static String of(MatrixRun run) {
        int width = run.cells.keySet().stream().mapToInt(r -> r.label().length()).max().orElse(10) + 2;
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-" + width + "s", "operation (cell: allowed/denied, +n/a, ! mismatch)"));
        for (Persona p : Persona.values()) {
            out.append(String.format("%-14s", p.column));
        }
        out.append('\n');
        for (Map.Entry<Row, Map<Persona, MatrixRun.Cell>> row : run.cells.entrySet()) {
            out.append(String.format("%-" + width + "s", row.getKey().label()));
            for (Persona p : Persona.values()) {
                MatrixRun.Cell c = row.getValue().get(p);
                String cell = c.allowed + "/" + c.denied + (c.notApplicable > 0 ? " +" + c.notApplicable : "")
                        + (c.mismatches > 0 ? " !" : "");
                out.append(String.format("%-14s", cell));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
