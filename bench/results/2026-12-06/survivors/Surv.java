import java.io.*;
import java.nio.file.*;
import java.util.*;

/** Which objects sit in the given address ranges (survivor regions) of an hprof, and who in the rest holds them. */
public class Surv {
    static final int[] TS = new int[12];
    static { TS[2]=8; TS[4]=1; TS[5]=2; TS[6]=4; TS[7]=8; TS[8]=1; TS[9]=2; TS[10]=4; TS[11]=8; }
    static long[] lo, hi;
    static Map<Long,String> strings = new HashMap<>();
    static Map<Long,String> className = new HashMap<>();
    static Map<Long,long[]> classFields = new HashMap<>(); // packed: name id, type
    static Map<Long,Long> superOf = new HashMap<>();
    static Map<Long,List<long[]>> layoutCache = new HashMap<>();
    static Map<Long,Long> survSize = new HashMap<>();
    static Map<Long,String> survClass = new HashMap<>();
    static Map<Long,Long> parent = new HashMap<>();
    static Map<Long,String> parentKey = new HashMap<>();
    static Set<Long> weakHeld = new HashSet<>();

    static boolean in(long a) {
        int i = Arrays.binarySearch(lo, a);
        if (i >= 0) return true;
        i = -i - 2;
        return i >= 0 && a < hi[i];
    }

    static List<long[]> layout(long cid) {
        List<long[]> l = layoutCache.get(cid);
        if (l != null) return l;
        l = new ArrayList<>();
        long c = cid;
        while (c != 0 && classFields.containsKey(c)) {
            long[] f = classFields.get(c);
            for (int i = 0; i < f.length; i += 2) l.add(new long[] {f[i], f[i+1]});
            c = superOf.getOrDefault(c, 0L);
        }
        layoutCache.put(cid, l);
        return l;
    }

    interface Visitor { void obj(int kind, long id, long cls, byte[] body, int n, int elemType); }

    public static void main(String[] a) throws Exception {
        List<long[]> rs = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(a[1]))) {
            String[] p = line.trim().split("\\s+");
            rs.add(new long[] {Long.decode(p[0]), Long.decode(p[1])});
        }
        rs.sort(Comparator.comparingLong(x -> x[0]));
        lo = new long[rs.size()]; hi = new long[rs.size()];
        for (int i = 0; i < rs.size(); i++) { lo[i] = rs.get(i)[0]; hi[i] = rs.get(i)[1]; }
        // pass 1: survivors
        Map<String,long[]> hist = new HashMap<>();
        scan(a[0], true, (kind, id, cls, body, n, et) -> {
            if (!in(id)) return;
            String name;
            long size;
            if (kind == 0x21) { name = className.getOrDefault(cls, "?"); size = 16 + n; }
            else if (kind == 0x22) { name = className.getOrDefault(cls, "?") ; size = 16 + 4L * n; }
            else { name = "prim" + et + "[]"; size = 16 + (long) TS[et] * n; }
            survSize.put(id, size); survClass.put(id, name);
            long[] h = hist.computeIfAbsent(name, k -> new long[2]); h[0]++; h[1] += size;
        });
        long tot = survSize.values().stream().mapToLong(x -> x).sum();
        System.out.printf("survivor objects %d, %.1f MB (compressed-size estimate)%n", survSize.size(), tot / 1e6);
        hist.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue()[1], x.getValue()[1])).limit(40)
            .forEach(e -> System.out.printf("  %8.2f MB %9d %s%n", e.getValue()[1] / 1e6, e.getValue()[0], e.getKey()));
        // pass 2: referrers of survivors
        scan(a[0], false, (kind, id, cls, body, n, et) -> {
            if (kind == 0x21) {
                int o = 0;
                for (long[] f : layout(cls)) {
                    int t = (int) f[1];
                    if (t == 2) {
                        long v = getLong(body, o);
                        boolean weak = "referent".equals(strings.get(f[0]));
                        if (weak && v != 0 && survSize.containsKey(v)) weakHeld.add(v);
                        if (!weak && v != 0 && survSize.containsKey(v) && !parent.containsKey(v)) {
                            parent.put(v, id); parentKey.put(v, className.getOrDefault(cls, "?") + "." + strings.getOrDefault(f[0], "?"));
                        }
                        o += 8;
                    } else o += TS[t];
                }
            } else if (kind == 0x22) {
                for (int i = 0; i < n; i++) {
                    long v = getLong(body, 8 * i);
                    if (v != 0 && survSize.containsKey(v) && !parent.containsKey(v)) {
                        parent.put(v, id); parentKey.put(v, className.getOrDefault(cls, "?") + "[]");
                    }
                }
            }
        });
        // for each survivor: climb while parent is a survivor; key = first non-survivor holder's field + chain top class
        Map<String,long[]> owners = new HashMap<>();
        Map<String,long[]> direct = new HashMap<>();
        for (Map.Entry<Long,Long> e : survSize.entrySet()) {
            long id = e.getKey();
            String dk = parentKey.getOrDefault(id, "(no referrer: garbage since)") + " -> " + survClass.get(id);
            long[] d = direct.computeIfAbsent(dk, k -> new long[2]); d[0]++; d[1] += e.getValue();
            long cur = id; int depth = 0;
            List<String> chain = new ArrayList<>();
            while (depth < 40) {
                Long p = parent.get(cur);
                if (p == null) { chain.add("(unreferenced)"); break; }
                if (!survSize.containsKey(p)) { chain.add("OLD " + parentKey.get(cur)); break; }
                if (depth < 3) chain.add(parentKey.get(cur));
                cur = p; depth++;
            }
            String k = chain.get(chain.size() - 1) + "  [top survivor: " + survClass.get(cur) + "]";
            long[] h = owners.computeIfAbsent(k, x -> new long[2]); h[0]++; h[1] += e.getValue();
        }
        System.out.println("\nheld from outside the survivors (first holder not a survivor), by bytes:");
        owners.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue()[1], x.getValue()[1])).limit(45)
            .forEach(e -> System.out.printf("  %8.2f MB %9d %s%n", e.getValue()[1] / 1e6, e.getValue()[0], e.getKey()));
        System.out.println("\ndirect holder -> class, by bytes:");
        direct.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue()[1], x.getValue()[1])).limit(40)
            .forEach(e -> System.out.printf("  %8.2f MB %9d %s%n", e.getValue()[1] / 1e6, e.getValue()[0], e.getKey()));
    }

    static long getLong(byte[] b, int o) {
        long v = 0;
        for (int i = 0; i < 8; i++) v = v << 8 | (b[o + i] & 0xff);
        return v;
    }

    static void scan(String file, boolean first, Visitor v) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(file), 1 << 22))) {
            while (in.readByte() != 0) {}
            int idSize = in.readInt(); in.readLong();
            if (idSize != 8) throw new IllegalStateException("id size " + idSize);
            byte[] buf = new byte[1 << 16];
            while (true) {
                int tag;
                try { tag = in.readUnsignedByte(); } catch (EOFException e) { break; }
                in.readInt();
                long len = in.readInt() & 0xffffffffL;
                if (tag == 0x01 && first) {
                    long id = in.readLong();
                    byte[] s = new byte[(int) len - 8]; in.readFully(s);
                    strings.put(id, new String(s, "UTF-8"));
                } else if (tag == 0x02 && first) {
                    in.readInt(); long cid = in.readLong(); in.readInt(); long nid = in.readLong();
                    className.put(cid, strings.getOrDefault(nid, "?"));
                } else if (tag == 0x0c || tag == 0x1c) {
                    long end = len;
                    long read = 0;
                    while (read < end) {
                        int st = in.readUnsignedByte(); read++;
                        switch (st) {
                            case 0xff -> { in.skipNBytes(8); read += 8; }
                            case 0x01 -> { in.skipNBytes(16); read += 16; }
                            case 0x02, 0x03 -> { in.skipNBytes(16); read += 16; }
                            case 0x04 -> { in.skipNBytes(12); read += 12; }
                            case 0x05 -> { in.skipNBytes(8); read += 8; }
                            case 0x06 -> { in.skipNBytes(12); read += 12; }
                            case 0x07 -> { in.skipNBytes(8); read += 8; }
                            case 0x08 -> { in.skipNBytes(16); read += 16; }
                            case 0x20 -> {
                                long cid = in.readLong(); in.readInt(); long sup = in.readLong();
                                in.skipNBytes(8 * 5); in.readInt(); read += 8 + 4 + 8 + 40 + 4;
                                int n = in.readUnsignedShort(); read += 2;
                                for (int i = 0; i < n; i++) { in.readShort(); int t = in.readUnsignedByte(); in.skipNBytes(TS[t]); read += 3 + TS[t]; }
                                n = in.readUnsignedShort(); read += 2;
                                for (int i = 0; i < n; i++) { in.readLong(); int t = in.readUnsignedByte(); in.skipNBytes(TS[t]); read += 9 + TS[t]; }
                                n = in.readUnsignedShort(); read += 2;
                                long[] f = new long[2 * n];
                                for (int i = 0; i < n; i++) { f[2*i] = in.readLong(); f[2*i+1] = in.readUnsignedByte(); read += 9; }
                                if (first) { classFields.put(cid, f); superOf.put(cid, sup); }
                            }
                            case 0x21 -> {
                                long id = in.readLong(); in.readInt(); long cls = in.readLong(); int n = in.readInt(); read += 24;
                                if (buf.length < n) buf = new byte[n];
                                in.readFully(buf, 0, n); read += n;
                                v.obj(0x21, id, cls, buf, n, 0);
                            }
                            case 0x22 -> {
                                long id = in.readLong(); in.readInt(); int n = in.readInt(); long cls = in.readLong(); read += 24;
                                int bytes = 8 * n;
                                if (first) { in.skipNBytes(bytes); v.obj(0x22, id, cls, null, n, 0); }
                                else { if (buf.length < bytes) buf = new byte[bytes]; in.readFully(buf, 0, bytes); v.obj(0x22, id, cls, buf, n, 0); }
                                read += bytes;
                            }
                            case 0x23 -> {
                                long id = in.readLong(); in.readInt(); int n = in.readInt(); int t = in.readUnsignedByte(); read += 17;
                                long bytes = (long) TS[t] * n;
                                in.skipNBytes(bytes); read += bytes;
                                v.obj(0x23, id, 0, null, n, t);
                            }
                            default -> throw new IllegalStateException("sub tag " + Integer.toHexString(st));
                        }
                    }
                } else {
                    in.skipNBytes(len);
                }
            }
        }
    }
}
