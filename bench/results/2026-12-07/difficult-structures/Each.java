// Each structural reader's CPU a text over every labelled text (run from triage-service; see README.md).
import io.firebreak.platform.text.*;
import java.lang.management.ManagementFactory;
import java.nio.file.*;
import java.util.*;
import java.util.function.Function;
public class Each {
    public static void main(String[] a) throws Exception {
        List<ScannedText> texts = Files.readAllLines(Path.of(a[0])).stream().filter(t -> !t.isBlank()).map(ScannedText::of).toList();
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Map<String, Function<ScannedText, String>> rs = new LinkedHashMap<>();
        rs.put("disputed", DisputedAccounts::find); rs.put("demands", DemandsOutOfProportion::find); rs.put("silent", SilentPolicies::find);
        rs.put("exposed", ExposedData::find); rs.put("contacts", RepeatedContacts::find); rs.put("many", ManyAffected::find); rs.put("parties", PointingParties::find);
        for (var e : rs.entrySet()) {
            long sink = 0;
            for (int w = 0; w < 3; w++) for (var t : texts) sink += e.getValue().apply(t) == null ? 0 : 1;
            List<Double> per = new ArrayList<>();
            for (int r = 0; r < 5; r++) {
                long t0 = bean.getCurrentThreadCpuTime();
                for (var t : texts) sink += e.getValue().apply(t) == null ? 0 : 1;
                per.add((bean.getCurrentThreadCpuTime() - t0) / 1e3 / texts.size());
            }
            Collections.sort(per);
            System.out.printf("%-9s %.1f us%n", e.getKey(), per.get(2));
        }
    }
}
