package io.kafmirror.engine.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One table of evidence, written to the pack as {@code data/<name>.csv} and {@code data/<name>.json} (an array of
 * objects keyed by column) and shown in the PDF report. Cells are strings, numbers, booleans or {@code null}.
 *
 * @param name    the file name without extension, e.g. {@code segments}
 * @param columns the column names, lower case with underscores
 * @param rows    the rows, each with one cell per column
 */
public record EvidenceTable(String name, List<String> columns, List<List<Object>> rows) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    // The first characters that make a spreadsheet read a cell as a formula (OWASP's list for CSV injection).
    private static final String FORMULA_START = "=+-@\t\r";

    /** Copies the rows and checks that each has one cell per column. */
    public EvidenceTable {
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>();
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("A row of " + name + " has " + row.size() + " cells for " + columns.size()
                        + " columns: " + row);
            }
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = List.copyOf(copy);
    }

    /** The path of its CSV file inside the pack. */
    public String csvPath() {
        return "data/" + name + ".csv";
    }

    /** The path of its JSON file inside the pack. */
    public String jsonPath() {
        return "data/" + name + ".json";
    }

    /**
     * RFC 4180 CSV with a header line, UTF-8, CRLF line ends; an empty cell for {@code null}. A text cell starting with
     * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading {@code '}, so that a
     * spreadsheet opening the file shows it rather than running it as a formula; {@link #json()} keeps it as it is.
     */
    public byte[] csv() {
        StringBuilder out = new StringBuilder();
        line(out, new ArrayList<>(columns));
        rows.forEach(row -> line(out, row));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A JSON array with one object per row, its keys the columns in order. */
    public byte[] json() {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (List<Object> row : rows) {
            Map<String, Object> object = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                object.put(columns.get(i), row.get(i));
            }
            objects.add(object);
        }
        try {
            return JSON.writeValueAsBytes(objects);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + jsonPath() + ": " + e.getMessage(), e);
        }
    }

    private static void line(StringBuilder out, List<Object> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object cell = cells.get(i);
            String text = cell == null ? "" : cell.toString();
            if (cell instanceof String && !text.isEmpty() && FORMULA_START.indexOf(text.charAt(0)) >= 0) {
                text = "'" + text;
            }
            boolean quoted = text.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n');
            out.append(quoted ? '"' + text.replace("\"", "\"\"") + '"' : text);
        }
        out.append("\r\n");
    }
}
