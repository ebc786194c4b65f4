import io.firebreak.triage.semantic.EmbeddingReader;
import java.nio.file.Files;
public class Cold {
    public static void main(String[] a) throws Exception {
        var dir = Files.createTempDirectory("cold");
        long t0 = System.nanoTime();
        EmbeddingReader r = EmbeddingReader.load(dir);
        long t1 = System.nanoTime();
        r.learnShipped();
        long t2 = System.nanoTime();
        System.out.printf("load %.1f s, learnShipped %.1f s, %d shipped%n", (t1-t0)/1e9, (t2-t1)/1e9, EmbeddingReader.shipped().size());
    }
}
