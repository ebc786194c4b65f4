// The classifier's CPU a classification over every labelled text (run from triage-service; see README.md).
import io.firebreak.triage.Shipped;
import java.lang.management.ManagementFactory;
import java.nio.file.*;
import java.util.*;
public class Cost {
    public static void main(String[] a) throws Exception {
        var c = Shipped.classifier();
        List<String> texts = Files.readAllLines(Path.of(a[0])).stream().filter(t -> !t.isBlank()).toList();
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int rounds = Integer.parseInt(a[1]);
        long sink = 0;
        for (int w = 0; w < 3; w++) for (String t : texts) sink += c.classify(t).reasons().size();
        List<Double> per = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            long t0 = bean.getCurrentThreadCpuTime();
            for (String t : texts) sink += c.classify(t).reasons().size();
            per.add((bean.getCurrentThreadCpuTime() - t0) / 1e3 / texts.size());
        }
        Collections.sort(per);
        System.out.printf("%d texts, %d rounds: CPU per classification median %.1f us (min %.1f, max %.1f) [%d]%n", texts.size(), rounds, per.get(rounds / 2), per.get(0), per.get(rounds - 1), sink % 7);
    }
}
