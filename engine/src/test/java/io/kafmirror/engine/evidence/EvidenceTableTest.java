package io.kafmirror.engine.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A table reads the same as CSV (RFC 4180) and as JSON, whatever its cells hold. */
class EvidenceTableTest {

    private final EvidenceTable table = new EvidenceTable("alerts", List.of("id", "message", "acknowledged", "lag_seconds"),
            List.of(Arrays.asList(1L, "plain", true, 0.25),
                    Arrays.asList(2L, "comma, \"quoted\" and\nnew line", null, 1.5),
                    Arrays.asList(3L, "Zürich → ✓", false, null)));

    @Test
    void csvQuotesOnlyWhatNeedsItAndLeavesNullEmpty() {
        assertThat(new String(table.csv(), StandardCharsets.UTF_8)).isEqualTo("id,message,acknowledged,lag_seconds\r\n"
                + "1,plain,true,0.25\r\n"
                + "2,\"comma, \"\"quoted\"\" and\nnew line\",,1.5\r\n"
                + "3,Zürich → ✓,false,\r\n");
        assertThat(table.csvPath()).isEqualTo("data/alerts.csv");
    }

    @Test
    void jsonIsAnArrayOfObjectsKeyedByColumnWithTypedValues() throws Exception {
        JsonNode json = new ObjectMapper().readTree(table.json());

        assertThat(json).hasSize(3);
        assertThat(json.get(0).fieldNames()).toIterable().containsExactly("id", "message", "acknowledged", "lag_seconds");
        assertThat(json.get(0).get("id").isNumber()).isTrue();
        assertThat(json.get(0).get("acknowledged").isBoolean()).isTrue();
        assertThat(json.get(1).get("message").asText()).isEqualTo("comma, \"quoted\" and\nnew line");
        assertThat(json.get(1).get("acknowledged").isNull()).isTrue();
        assertThat(json.get(2).get("message").asText()).isEqualTo("Zürich → ✓");
        assertThat(table.jsonPath()).isEqualTo("data/alerts.json");
    }

    @Test
    void csvPrefixesTextASpreadsheetWouldRunAsAFormulaAndJsonKeepsIt() throws Exception {
        List<String> formulas = List.of("=HYPERLINK(\"http://evil\",\"x\")", "+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd");
        List<List<Object>> rows = new ArrayList<>();
        formulas.forEach(f -> rows.add(Arrays.asList(f, -1, -0.5)));
        rows.add(Arrays.asList("a=b -c", null, null));
        EvidenceTable table = new EvidenceTable("alerts", List.of("message", "partition", "lag_seconds"), rows);

        assertThat(new String(table.csv(), StandardCharsets.UTF_8)).isEqualTo("message,partition,lag_seconds\r\n"
                + "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",-1,-0.5\r\n"
                + "'+1,-1,-0.5\r\n"
                + "'-2+3,-1,-0.5\r\n"
                + "'@SUM(A1),-1,-0.5\r\n"
                + "'\tcmd,-1,-0.5\r\n"
                + "\"'\rcmd\",-1,-0.5\r\n"
                + "a=b -c,,\r\n");
        assertThat(new ObjectMapper().readTree(table.json())).extracting(n -> n.get("message").asText())
                .containsExactlyElementsOf(List.of(formulas.get(0), "+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd", "a=b -c"));
    }

    @Test
    void aRowWithTheWrongNumberOfCellsIsRefused() {
        assertThatThrownBy(() -> new EvidenceTable("rpo", List.of("job", "topic"), List.of(List.of("ledger"))))
                .hasMessageContaining("A row of rpo has 1 cells for 2 columns");
    }
}
