// Replays a structural reader on every fresh set's first reading by the rules; run from triage-service (see README.md):
// the argument names the reader — "contacts" for RepeatedContacts (the default), "many" for ManyAffected
// (../many-affected/), "disputed", "demands" and "silent" for DisputedAccounts, DemandsOutOfProportion and
// SilentPolicies, "exposed" for ExposedData (../difficult-structures/), "harm" for BodilyHarm (../bodily-harm/),
// "outside" for ReportedOutside (../reported-outside/), "payments" for UnauthorisedPayments
// (../unauthorised-payments/). It then asks the reader of every complaint of every labelled set labelled below the
// reader's class.
import io.firebreak.platform.text.*;
import java.nio.file.*;
import java.util.*;
import java.util.function.Function;
public class Measure {
    record Reader(Function<ScannedText, String> find, String bar, Set<String> below) {}
    static final Map<String, Reader> READERS = Map.of(
            "contacts", new Reader(RepeatedContacts::find, "ESCALATED", Set.of("ORDINARY", "DIFFICULT")),
            "many", new Reader(ManyAffected::find, "MAJOR", Set.of("ORDINARY", "DIFFICULT", "ESCALATED")),
            "disputed", new Reader(DisputedAccounts::find, "DIFFICULT", Set.of("ORDINARY")),
            "demands", new Reader(DemandsOutOfProportion::find, "DIFFICULT", Set.of("ORDINARY")),
            "silent", new Reader(SilentPolicies::find, "DIFFICULT", Set.of("ORDINARY")),
            "exposed", new Reader(ExposedData::find, "MAJOR", Set.of("ORDINARY", "DIFFICULT", "ESCALATED")),
            "harm", new Reader(BodilyHarm::find, "MAJOR", Set.of("ORDINARY", "DIFFICULT", "ESCALATED")),
            "outside", new Reader(ReportedOutside::find, "MAJOR", Set.of("ORDINARY", "DIFFICULT", "ESCALATED")),
            "payments", new Reader(UnauthorisedPayments::find, "MAJOR", Set.of("ORDINARY", "DIFFICULT", "ESCALATED")));
    public static void main(String[] a) throws Exception {
        Reader reader = READERS.get(a.length > 0 ? a[0] : "contacts");
        Path dir = Path.of("../bench/results/2026-12-04/first-readings");
        Path lab = Path.of("src/main/resources/labelled");
        Map<String,Integer> c = new TreeMap<>();
        List<String> shown = new ArrayList<>();
        int lines = 0;
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("rules-")).sorted().toList()) {
                for (String l : Files.readAllLines(f)) {
                    String[] p = l.split("\t");
                    if (p.length < 8 || !p[7].equals("0")) continue;
                    List<String> all = Files.readAllLines(lab.resolve(p[1]));
                    String text = all.get(Integer.parseInt(p[2]) - 1).split("\t")[0];
                    lines++;
                    String hit = reader.find().apply(ScannedText.of(text));
                    if (hit == null) continue;
                    boolean below = reader.below().contains(p[4]);
                    String key = p[3] + (below ? " read below " + reader.bar() : " read " + p[4]);
                    c.merge(key, 1, Integer::sum);
                    if (below) shown.add(key + " | " + p[1] + " | " + hit + " | " + text);
                }
            }
        }
        System.out.println(lines + " first readings (no earlier complaints on file)");
        c.forEach((k, v) -> System.out.println(v + "\t" + k));
        shown.forEach(System.out::println);
        List<String> ordinary = new ArrayList<>();
        int labelled = 0;
        try (var files = Files.list(lab)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".tsv")).sorted().toList()) {
                for (String l : Files.readAllLines(f)) {
                    String[] p = l.split("\t");
                    if (l.startsWith("#") || p.length < 2) continue;
                    labelled++;
                    if (!reader.below().contains(p[1])) continue;
                    String hit = reader.find().apply(ScannedText.of(p[0]));
                    if (hit != null) ordinary.add(f.getFileName() + " | " + hit + " | " + p[0]);
                }
            }
        }
        System.out.println(ordinary.size() + " complaints labelled below " + reader.bar() + " found, of the " + labelled
                + " of every labelled set");
        ordinary.forEach(System.out::println);
    }
}
