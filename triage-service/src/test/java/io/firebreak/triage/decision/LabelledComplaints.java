package io.firebreak.triage.decision;

import io.firebreak.events.ComplaintClass;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The labelled complaints of {@code standalone/src/test/resources/labelled/labelled-complaints.tsv}: text, the class a person gave it, how many earlier
 * complaints on the same matter the customer had, and a note.
 */
record LabelledComplaints(List<Item> items) {

    /** One labelled complaint. */
    record Item(int line, String text, ComplaintClass expected, int earlierComplaints, String note) {

        /** Made-up ids of the earlier complaints, as intake would give them. */
        List<String> earlierComplaintIds() {
            return IntStream.rangeClosed(1, earlierComplaints).mapToObj(i -> "earlier-" + line + "-" + i).toList();
        }
    }

    static LabelledComplaints load() {
        return load("labelled-complaints.tsv");
    }

    static LabelledComplaints load(String resource) {
        // The labelled sets live with the production-path accuracy test (standalone's TriageAccuracyTest).
        Path file = Path.of("..", "standalone", "src", "test", "resources", "labelled", resource);
        try (InputStream in = Files.newInputStream(file)) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Item> items = new ArrayList<>();
            String row;
            int line = 0;
            while ((row = reader.readLine()) != null) {
                line++;
                if (row.isBlank() || row.startsWith("#")) continue;
                String[] cells = row.split("\t", -1);
                int earlier = cells.length > 2 && !cells[2].isBlank() ? Integer.parseInt(cells[2].strip()) : 0;
                items.add(new Item(line, cells[0], ComplaintClass.valueOf(cells[1].strip()), earlier,
                        cells.length > 3 ? cells[3] : ""));
            }
            return new LabelledComplaints(List.copyOf(items));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
