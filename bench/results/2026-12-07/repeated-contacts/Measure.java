// Replays a structural reader on every fresh set's first reading by the rules; run from triage-service (see README.md):
// argument "contacts" for RepeatedContacts (the default), "many" for ManyAffected (../many-affected/).
import io.firebreak.platform.text.*;
import java.nio.file.*;
import java.util.*;
public class Measure {
    public static void main(String[] a) throws Exception {
        boolean many = a.length > 0 && a[0].equals("many");
        String bar = many ? "MAJOR" : "ESCALATED";
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
                    ScannedText scanned = ScannedText.of(text);
                    String hit = many ? ManyAffected.find(scanned) : RepeatedContacts.find(scanned);
                    if (hit == null) continue;
                    boolean below = many ? !p[4].equals("MAJOR") : p[4].equals("ORDINARY") || p[4].equals("DIFFICULT");
                    String key = p[3] + (below ? " read below " + bar : " read " + p[4]);
                    c.merge(key, 1, Integer::sum);
                    if (below) shown.add(key + " | " + p[1] + " | " + hit + " | " + text);
                }
            }
        }
        System.out.println(lines + " first readings (no earlier complaints on file)");
        c.forEach((k, v) -> System.out.println(v + "\t" + k));
        shown.forEach(System.out::println);
    }
}
