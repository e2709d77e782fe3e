package newsroom.api.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * CSV downloads that are safe to open in Excel, LibreOffice or Google Sheets. A text cell starting with
 * {@code = + - @}, a tab or a carriage return would be run as a formula there ({@code =HYPERLINK(...)} in a
 * story title), so, following OWASP's advice on CSV injection, such a cell gets a leading single quote and
 * every text cell is quoted. Every CSV export goes through here.
 */
public final class CsvExport {

    /**
     * For an export's {@code produces = {CsvExport.TEXT_CSV_VALUE, MediaType.ALL_VALUE}}: spreadsheets and
     * scripts send all sorts of Accept headers, and a CSV download answers each of them.
     */
    public static final String TEXT_CSV_VALUE = "text/csv";
    public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final List<String> header;
    private final List<List<Object>> rows = new ArrayList<>();

    private CsvExport(List<String> header) {
        this.header = List.copyOf(header);
    }

    public static CsvExport withHeader(String... header) {
        return new CsvExport(List.of(header));
    }

    /** Adds a row; numbers are written as numbers, {@code null} as an empty cell, anything else as text. */
    public CsvExport row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("a row of " + cells.length + " cells for " + header.size() + " columns");
        }
        List<Object> row = new ArrayList<>(cells.length);
        for (Object cell : cells) {
            row.add(cell == null || cell instanceof Number ? cell : neutralise(cell.toString()));
        }
        rows.add(row);
        return this;
    }

    /**
     * The CSV text: RFC 4180 with CRLF line ends. The header row is written plainly (its names are ours);
     * every text cell of the rows is quoted, so a neutralised cell stays one cell in a spreadsheet whatever
     * list separator its locale uses.
     */
    public String text() {
        StringWriter out = new StringWriter();
        try {
            CSVPrinter headerRow = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setQuoteMode(QuoteMode.MINIMAL).get());
            headerRow.printRecord(header.stream().map(CsvExport::neutralise).toList());
            headerRow.flush();
            CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setQuoteMode(QuoteMode.NON_NUMERIC)
                    .get());
            for (List<Object> row : rows) {
                printer.printRecord(row);
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The CSV as a download named {@code filename}. */
    public ResponseEntity<String> download(String filename) {
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename.replace("\"", "") + "\"")
                .body(text());
    }

    /** The text a spreadsheet shows as text: a cell that would start a formula gets a leading single quote. */
    public static String neutralise(String cell) {
        return !cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }
}
