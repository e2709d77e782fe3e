package newsroom.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** CSV cells that a spreadsheet would run as formulas are written as text (OWASP CSV injection). */
class CsvExportTest {

    @Test
    void everyCellThatWouldStartAFormulaGetsALeadingQuote() throws IOException {
        List<String> dangerous = List.of("=HYPERLINK(\"http://evil\",\"x\")", "+1+1", "-2+3", "@SUM(A1:A2)",
                "\t=1", "\r=1");
        CsvExport csv = CsvExport.withHeader("title", "n");
        dangerous.forEach(title -> csv.row(title, 1));

        List<CSVRecord> records = parse(csv.text());

        assertThat(records).extracting(record -> record.get("title"))
                .containsExactlyElementsOf(dangerous.stream().map(cell -> "'" + cell).toList());
    }

    @Test
    void harmlessCellsAreLeftAsTheyAreAndEveryTextCellIsQuoted() throws IOException {
        Instant slot = Instant.parse("2027-03-04T09:00:00Z");
        String text = CsvExport.withHeader("slot", "title", "count", "empty")
                .row(slot, "Apprentices, \"robots\" and a = sign", 3, null)
                .text();

        CSVRecord record = parse(text).get(0);
        assertThat(record.get("slot")).isEqualTo("2027-03-04T09:00:00Z");
        assertThat(record.get("title")).isEqualTo("Apprentices, \"robots\" and a = sign");
        assertThat(record.get("count")).isEqualTo("3");
        assertThat(record.get("empty")).isEmpty();
        assertThat(text.lines().toList()).containsExactly("slot,title,count,empty",
                "\"2027-03-04T09:00:00Z\",\"Apprentices, \"\"robots\"\" and a = sign\",3,");
    }

    @Test
    void aRowMustFitTheHeader() {
        assertThatThrownBy(() -> CsvExport.withHeader("a", "b").row("only one"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
    }
}
