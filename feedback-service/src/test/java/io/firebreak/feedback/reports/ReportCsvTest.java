package io.firebreak.feedback.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** An export opened in a spreadsheet runs nothing a customer or an agent wrote, and every row stays one row. */
class ReportCsvTest {

    @Test
    void csvInjection_cellsStartingAsAFormulaAreNeutralisedAndLineBreaksCannotAddRows() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("equals", "=HYPERLINK(\"http://evil.example\",\"click\")");
        row.put("plus", "+1+1");
        row.put("minus", "-2+3");
        row.put("at", "@SUM(A1:A2)");
        row.put("tab", "\t=1");
        row.put("cr", "\r=1");
        row.put("rows", "first\n\nINJECTED,ROW\r\nagain");
        row.put("plain", "Logistics, late");
        row.put("negative", -5);
        List<CSVRecord> records = parse(ReportController.csv(List.of(row)));

        assertThat(records)
                .as("one row under the header, whatever the cells hold")
                .hasSize(1);
        CSVRecord cells = records.get(0);
        assertThat(cells.get("equals")).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"click\")");
        assertThat(cells.get("plus")).isEqualTo("'+1+1");
        assertThat(cells.get("minus")).isEqualTo("'-2+3");
        assertThat(cells.get("at")).isEqualTo("'@SUM(A1:A2)");
        assertThat(cells.get("tab")).isEqualTo("'\t=1");
        assertThat(cells.get("cr")).isEqualTo("'\r=1");
        assertThat(cells.get("rows")).isEqualTo("first\n\nINJECTED,ROW\r\nagain");
        assertThat(cells.get("plain")).isEqualTo("Logistics, late");
        assertThat(cells.get("negative")).as("a number stays a number").isEqualTo("-5");
    }

    private static List<CSVRecord> parse(String csv) {
        try {
            return CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .get()
                    .parse(new StringReader(csv))
                    .getRecords();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
