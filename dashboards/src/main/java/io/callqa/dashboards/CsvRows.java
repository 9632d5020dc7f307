package io.callqa.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes rows as CSV (RFC 4180 quoting, a header row) that a spreadsheet opens as text: a cell
 * starting with {@code = + - @}, a tab or a carriage return would be run as a formula by Excel,
 * LibreOffice or Google Sheets, so it gets a leading apostrophe (OWASP's advice on CSV injection).
 * Plain numbers, negative ones included, are left as they are. The console's call export and {@code
 * callqa audit} both write through this class, so they escape alike.
 */
public final class CsvRows implements AutoCloseable {

    private static final String TRIGGERS = "=+-@\t\r";
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

    private final List<String> columns;
    private final SequenceWriter csv;

    /**
     * Rows with {@code columns}, in that order, to {@code out}; the header row is written with the
     * first row (or on close if there is none).
     */
    public CsvRows(Writer out, List<String> columns) throws IOException {
        this.columns = List.copyOf(columns);
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        this.columns.forEach(schema::addColumn);
        this.csv = new CsvMapper().writerFor(Map.class).with(schema.build()).writeValues(out);
    }

    /** Writes one row; columns missing from {@code row} are empty cells. */
    public void write(Map<String, ?> row) throws IOException {
        Map<String, String> cells = new LinkedHashMap<>();
        for (String c : columns) {
            Object v = row.get(c);
            cells.put(c, neutralised(v == null ? "" : v.toString()));
        }
        csv.write(cells);
    }

    /** Writes one row from a JSON object's fields; missing or null fields are empty cells. */
    public void write(JsonNode row) throws IOException {
        Map<String, String> cells = new LinkedHashMap<>();
        for (String c : columns) {
            JsonNode v = row.path(c);
            cells.put(c, v.isMissingNode() || v.isNull() ? "" : v.asText());
        }
        write(cells);
    }

    /** Flushes and closes the CSV and the underlying writer. */
    @Override
    public void close() throws IOException {
        csv.close();
    }

    /**
     * {@code cell} as a spreadsheet shows it as text: prefixed with {@code '} if it starts with a
     * formula trigger ({@code = + - @}, tab, carriage return) and is not a plain number.
     */
    public static String neutralised(String cell) {
        if (cell.isEmpty()
                || TRIGGERS.indexOf(cell.charAt(0)) < 0
                || NUMBER.matcher(cell).matches()) {
            return cell;
        }
        return "'" + cell;
    }
}
