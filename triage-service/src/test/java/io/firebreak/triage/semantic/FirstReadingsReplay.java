package io.firebreak.triage.semantic;

import io.firebreak.events.ComplaintClass;
import io.firebreak.triage.Shipped;
import io.firebreak.triage.classification.SemanticReader.Opinion;
import io.firebreak.triage.corrections.LabelledExamples;
import io.firebreak.triage.corrections.LabelledExamples.Example;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * How the semantic reader's bars would have done on words nobody had tuned on: each fresh set's first reading
 * replayed. The rules' readings come from files (one line per complaint: set, line, expected class, the rules' class,
 * whether they found nothing, whether they judged MAJOR words negated or everyday), made by running the accuracy test
 * at the commit that added each set, before any word changed for it; the reader compares each complaint only with the
 * sets written before it, as it could have then. A second file holds the rules of today on every set, read by the
 * reader without the set's own examples (the tuned sets and the near misses). For each bar it prints accuracy, MAJOR
 * complaints read as ORDINARY, the share of ordinary ones read as MAJOR (and in how many sets over the 3% the accuracy
 * test holds each set to) and how many classes are the reader's, per population: the first readings also as their
 * earlier and later halves, so that a bar chosen on one is checked on the other. Then how often the reader's doubts
 * and disagreements would have put a complaint before a supervisor, and how often rightly. A plain program, not a
 * test, run as the README says.
 *
 * <p>Arguments: the directory of the readings (default {@code bench/results/2026-12-04/first-readings}).
 */
public final class FirstReadingsReplay {

    private static final int ORDINARY = ComplaintClass.ORDINARY.ordinal();
    private static final int MAJOR = ComplaintClass.MAJOR.ordinal();

    /** The first set whose first reading was kept, in {@link LabelledExamples#SETS} order. */
    private static final String FIRST_REPLAYED = "fresh-complaints-6.tsv";

    /**
     * The first of the later half of the replayed sets: a bar chosen on the earlier half ({@code 6} to {@code 11}) is
     * checked on the later one, which it was not chosen on.
     */
    private static final String LATER_HALF = "fresh-complaints-12.tsv";

    /**
     * The sets also scored on their own, by what they were written to try, each population under the words it is
     * printed with, in the order printed.
     */
    private static final Map<String, Set<String>> SCORED_ALONE = scoredAlone();

    private static Map<String, Set<String>> scoredAlone() {
        Map<String, Set<String>> groups = new LinkedHashMap<>();
        // The sets written as agents record a call, in the third person.
        groups.put(
                "of them agents' notes",
                Set.of("fresh-complaints-15.tsv", "fresh-complaints-16.tsv", "fresh-complaints-17.tsv"));
        // The sets of long complaints, three to six sentences each.
        groups.put("of them long complaints", Set.of("fresh-complaints-18.tsv"));
        // The sets typed in chats or spoken in calls (shorthand, transcripts).
        groups.put(
                "of them chats and calls",
                Set.of("fresh-complaints-19.tsv", "fresh-complaints-20.tsv", "fresh-complaints-33.tsv"));
        // The sets in a business's formal letter (贵司, 我方, "hereby").
        groups.put("of them formal letters", Set.of("fresh-complaints-21.tsv"));
        // The sets posted in public (a reply to the company's account, a review, 微博, 小红书).
        groups.put("of them posts in public", Set.of("fresh-complaints-22.tsv"));
        // The sets written on someone else's behalf (我替我妈, "writing for my dad").
        groups.put("of them on someone's behalf", Set.of("fresh-complaints-23.tsv"));
        // The sets of the same complaints written in both languages.
        groups.put("of them in both languages", Set.of("fresh-complaints-24.tsv"));
        // The sets written in both languages at once (我的order还没ship, "the 快递 guy").
        groups.put("of them in both languages at once", Set.of("fresh-complaints-25.tsv"));
        // The sets full of numbers (prices, spend, counts, sums lost).
        groups.put("of them full of numbers", Set.of("fresh-complaints-26.tsv"));
        // The sets that quote the company's own words (its notices, terms, answers).
        groups.put("of them quoting the company", Set.of("fresh-complaints-27.tsv"));
        // The sarcastic sets (praise that means the opposite, mock quotation marks).
        groups.put("of them sarcastic", Set.of("fresh-complaints-28.tsv"));
        // The sets asked as questions (is it normal, what if, who is responsible).
        groups.put("of them asked as questions", Set.of("fresh-complaints-29.tsv"));
        // Traditional Chinese, Cantonese, and the English of India, Singapore, Britain and Australia.
        groups.put("of them regional", Set.of("fresh-complaints-30.tsv"));
        // Typed in internet shorthand, English text-speak and Chinese netspeak.
        groups.put("of them in shorthand", Set.of("fresh-complaints-31.tsv"));
        // Arrived by e-mail or from a ticketing system (headers, signatures, quoted replies).
        groups.put("of them by mail", Set.of("fresh-complaints-32.tsv"));
        // Written as lists of several issues, the one that decides the class among minor ones.
        groups.put("of them as lists", Set.of("fresh-complaints-34.tsv"));
        // Typed with slips (misspelt words, a real word for another, a pinyin input method's homophones).
        groups.put("of them typed with slips", Set.of("fresh-complaints-35.tsv"));
        // Full of emoji and emoticons (🔥 for great and for a fire, WeChat's codes).
        groups.put("of them full of emoji", Set.of("fresh-complaints-36.tsv"));
        // In translationese, English word for word from Chinese and Chinese from English.
        groups.put("of them in translationese", Set.of("fresh-complaints-37.tsv"));
        // Ordinary complaints in hyperbole, the others in understatement.
        groups.put("of them in hyperbole and understatement", Set.of("fresh-complaints-38.tsv"));
        // An everyday fault, and what it led to decides the class.
        groups.put("of them decided by consequences", Set.of("fresh-complaints-39.tsv"));
        // Three to eight words, nothing around the words that decide the class.
        groups.put("of them terse", Set.of("fresh-complaints-40.tsv"));
        // What happened before and what is happening now decide the class.
        groups.put("of them decided by time", Set.of("fresh-complaints-41.tsv"));
        // About how a member of staff behaved, the conduct deciding the class.
        groups.put("of them about staff conduct", Set.of("fresh-complaints-42.tsv"));
        // How many are hit — one customer's matter in plurals, or many customers' — deciding the class.
        groups.put("of them decided by how many are hit", Set.of("fresh-complaints-43.tsv"));
        // Accounts, data and privacy.
        groups.put("of them about accounts, data and privacy", Set.of("fresh-complaints-44.tsv"));
        // Services bought over time and done in person (courses, gyms, renovation, garages).
        groups.put("of them about services done in person", Set.of("fresh-complaints-45.tsv"));
        // Homes and utilities (property managers, landlords, power, water, gas and heat).
        groups.put("of them about homes and utilities", Set.of("fresh-complaints-46.tsv"));
        // Travel and transport (airlines, trains and coaches, ride-hailing, car hire, hotels).
        groups.put("of them about travel and transport", Set.of("fresh-complaints-47.tsv"));
        // Money (banks, cards and payments, loans, savings and investments, insurance).
        groups.put("of them about money", Set.of("fresh-complaints-48.tsv"));
        // Health and care (clinics, pharmacies, dentists, opticians, care homes and carers).
        groups.put("of them about health and care", Set.of("fresh-complaints-49.tsv"));
        // Events and leisure (concerts, matches, cinemas, theme parks, museums, ticketing).
        groups.put("of them about events and leisure", Set.of("fresh-complaints-50.tsv"));
        // Telecoms and energy retail (contracts, tariffs, switching, prepayment meters, porting).
        groups.put("of them about telecoms and energy retail", Set.of("fresh-complaints-51.tsv"));
        // Food (restaurants, delivery apps, supermarkets, caterers).
        groups.put("of them about food", Set.of("fresh-complaints-52.tsv"));
        // Cars (dealers, garages, car hire, charging, recalls).
        groups.put("of them about cars", Set.of("fresh-complaints-53.tsv"));
        // Beauty and personal care (salons, spas, skin clinics, piercing, gyms, cosmetics).
        groups.put("of them about beauty and personal care", Set.of("fresh-complaints-54.tsv"));
        // Businesses as customers (software and cloud, payroll, leased equipment, wholesale, resellers).
        groups.put("of them from businesses", Set.of("fresh-complaints-55.tsv"));
        // Public services (councils, waste, parking, buses, libraries, pools, the post office).
        groups.put("of them about public services", Set.of("fresh-complaints-56.tsv"));
        // Children (nurseries, schools' services, tutoring, toys and baby goods, play centres).
        groups.put("of them about children", Set.of("fresh-complaints-57.tsv"));
        // Life's events (weddings, funerals, moving house).
        groups.put("of them about life's events", Set.of("fresh-complaints-58.tsv"));
        // Pets and their care (vets, pet shops, groomers, kennels, pet food and insurance).
        groups.put("of them about pets", Set.of("fresh-complaints-59.tsv"));
        // Help at home (cleaners and helpers, handymen, repairs at home, pest control, locksmiths).
        groups.put("of them about help at home", Set.of("fresh-complaints-60.tsv"));
        // Marketplaces (second-hand platforms, live-stream shops, cross-border purchases, group buying).
        groups.put("of them about marketplaces", Set.of("fresh-complaints-61.tsv"));
        // Digital goods (games, apps, subscriptions, cloud storage, online courses, smart-home apps).
        groups.put("of them about digital goods", Set.of("fresh-complaints-62.tsv"));
        // Things to wear (clothes and shoes, tailoring, dry cleaning, jewellery and watches, luxury goods).
        groups.put("of them about things to wear", Set.of("fresh-complaints-63.tsv"));
        // Sport and the outdoors (bikes and e-bikes, e-scooters, camping gear, home fitness, climbing, ski hire).
        groups.put("of them about sport and the outdoors", Set.of("fresh-complaints-64.tsv"));
        // Furniture, kitchens and large appliances (delivery, assembly, fitted kitchens, 全屋定制, built-in appliances).
        groups.put("of them about furniture and kitchens", Set.of("fresh-complaints-65.tsv"));
        // New homes and their developers (off-plan sales, handover and snagging, aftercare, completion and deposits).
        groups.put("of them about new homes", Set.of("fresh-complaints-66.tsv"));
        // Gifts, flowers and printing (florists, cakes, engraving, photo printing, hampers and corporate gifts).
        groups.put("of them about gifts and flowers", Set.of("fresh-complaints-67.tsv"));
        // Electronics repair and trade-in (repair shops, batteries and screens, refurbished devices, recycling).
        groups.put("of them about repairs and trade-in", Set.of("fresh-complaints-68.tsv"));
        // Drinks and smoking (wine merchants, off-licences, drinks deliveries, bars' tabs, vapes, tobacconists).
        groups.put("of them about drinks and smoking", Set.of("fresh-complaints-69.tsv"));
        // Education and training (tutoring centres, language schools, online courses, driving schools, exam courses).
        groups.put("of them about education and training", Set.of("fresh-complaints-70.tsv"));
        // Moving and storage (removal firms, man-and-van, self-storage, shipping belongings abroad, packing).
        groups.put("of them about moving and storage", Set.of("fresh-complaints-71.tsv"));
        // Farm and garden supplies (garden centres, seeds and bulbs, fertiliser and feed, sprays, mowers, plants by
        // post).
        groups.put("of them about farm and garden supplies", Set.of("fresh-complaints-72.tsv"));
        // Jobs and recruitment (agencies, job boards and apps, temp work, background checks, CV services).
        groups.put("of them about jobs and recruitment", Set.of("fresh-complaints-73.tsv"));
        // Parking and tolls (car parks, parking apps, permits, penalty notices, clamping and towing, toll roads, ETC).
        groups.put("of them about parking and tolls", Set.of("fresh-complaints-74.tsv"));
        // Home security and locksmiths (alarms and monitoring, cameras, smart locks, locksmiths' call-outs, safes).
        groups.put("of them about home security", Set.of("fresh-complaints-75.tsv"));
        groups.put("of them about insurance", Set.of("fresh-complaints-76.tsv"));
        groups.put("of them about gyms and fitness", Set.of("fresh-complaints-77.tsv"));
        groups.put("of them about solar panels and chargers", Set.of("fresh-complaints-78.tsv"));
        groups.put("of them about dentists", Set.of("fresh-complaints-79.tsv"));
        groups.put("of them about laundry and tailoring", Set.of("fresh-complaints-80.tsv"));
        groups.put("of them about care homes", Set.of("fresh-complaints-81.tsv"));
        groups.put("of them about funerals and cemeteries", Set.of("fresh-complaints-82.tsv"));
        groups.put("of them about pharmacies, opticians and hearing care", Set.of("fresh-complaints-83.tsv"));
        groups.put("of them about shared bikes, e-scooters and transit cards", Set.of("fresh-complaints-84.tsv"));
        groups.put("of them about theme parks, zoos and ski resorts", Set.of("fresh-complaints-85.tsv"));
        groups.put("of them about tattoo studios and cosmetic clinics", Set.of("fresh-complaints-86.tsv"));
        groups.put("of them about weddings", Set.of("fresh-complaints-87.tsv"));
        groups.put("of them about travel agencies and tours", Set.of("fresh-complaints-88.tsv"));
        groups.put("of them about games, streams and dating apps", Set.of("fresh-complaints-89.tsv"));
        groups.put("of them about letting agents and rented homes", Set.of("fresh-complaints-90.tsv"));
        groups.put("of them about debt collection and loans", Set.of("fresh-complaints-91.tsv"));
        groups.put("of them about renovation and repair trades", Set.of("fresh-complaints-92.tsv"));
        groups.put("of them about law firms, accountants and notaries", Set.of("fresh-complaints-93.tsv"));
        groups.put("of them about holiday parks, campsites and boat hire", Set.of("fresh-complaints-94.tsv"));
        groups.put("of them about auction houses, pawn shops and authentication", Set.of("fresh-complaints-95.tsv"));
        groups.put("of them about pest control, drains and waste collection", Set.of("fresh-complaints-96.tsv"));
        groups.put("of them about pre-orders, crowdfunding and subscription boxes", Set.of("fresh-complaints-97.tsv"));
        groups.put("of them about swimming pools, spas and bathhouses", Set.of("fresh-complaints-98.tsv"));
        groups.put(
                "of them about driving schools, vehicle inspections and car washes", Set.of("fresh-complaints-99.tsv"));
        groups.put("of them about bottled water, gas cylinders and heating oil", Set.of("fresh-complaints-100.tsv"));
        groups.put(
                "of them about vending machines, power banks and parcel lockers", Set.of("fresh-complaints-101.tsv"));
        groups.put("of them about car rental, ride-hailing and taxis", Set.of("fresh-complaints-102.tsv"));
        return groups;
    }

    /**
     * The rules' reading of one complaint and the reader's: its class (the production vote of the five nearest), that
     * class's share of their similarity, and how near its nearest example is.
     */
    private record Case(
            String set,
            int expected,
            int rules,
            boolean foundNothing,
            boolean majorDiscounted,
            int read,
            double share,
            double nearest,
            boolean agrees,
            double nearestOrdinary,
            boolean sumNotAtStake,
            String text) {}

    /**
     * A bar: the share to decide DIFFICULT or ESCALATED and MAJOR, the nearest's least similarity for each, and whether
     * the nearest must agree.
     */
    private record Bar(
            double decides, double decidesMajor, double near, double nearMajor, boolean nearestAgrees, double margin) {

        Bar(double decides, double decidesMajor, double near, double nearMajor, boolean nearestAgrees) {
            this(decides, decidesMajor, near, nearMajor, nearestAgrees, Double.NaN);
        }

        int classOf(Case c) {
            if (!c.foundNothing || c.read == ORDINARY) return c.rules;
            boolean major = c.read == MAJOR;
            boolean clear = c.share >= (major ? decidesMajor : decides)
                    && c.nearest >= (major ? nearMajor : near)
                    && (!nearestAgrees || c.agrees)
                    && (Double.isNaN(margin) || c.nearest - c.nearestOrdinary >= margin);
            return clear ? c.read : c.rules;
        }
    }

    private FirstReadingsReplay() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "bench/results/2026-12-04/first-readings");
        // The reader as triage runs it, with every shipped labelled complaint; each is read among those it could know.
        EmbeddingReader reader = EmbeddingReader.load();
        reader.learn(EmbeddingReader.shipped());
        Map<String, String> texts = new HashMap<>();
        for (Example e : LabelledExamples.all()) {
            if (e.earlierComplaints() == 0) texts.put(e.set() + "#" + e.line(), e.text());
        }

        Map<String, List<Case>> populations = new LinkedHashMap<>();
        List<String> sets = LabelledExamples.SETS;
        for (int i = sets.indexOf(FIRST_REPLAYED); i < sets.size(); i++) {
            Path file = dir.resolve("rules-" + sets.get(i));
            if (!Files.exists(file)) continue;
            Set<String> before = new HashSet<>(sets.subList(0, i));
            List<String> scored = new ArrayList<>(List.of(
                    "first readings",
                    i < sets.indexOf(LATER_HALF) ? "of them the earlier sets" : "of them the later sets"));
            String current = sets.get(i);
            SCORED_ALONE.forEach((population, members) -> {
                if (members.contains(current)) scored.add(population);
            });
            for (String population : scored) {
                read(file, set -> true, reader.only(l -> before.contains(l.source())), texts, populations, population);
            }
        }
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("-all-sets.tsv"))
                    .toList()) {
                for (String set : sets) {
                    read(
                            file,
                            set::equals,
                            reader.only(l -> !l.source().equals(set)),
                            texts,
                            populations,
                            set.equals("near-misses.tsv") ? "near misses" : "tuned");
                }
            }
        }

        for (double decides : Boolean.getBoolean("grid") ? new double[] {0.5, 0.6, 0.7} : new double[] {0.6}) {
            for (double decidesMajor : new double[] {0.5, 0.6, 0.7, 0.8, 0.9}) {
                for (double near : new double[] {0.6, 0.65}) {
                    for (double nearMajor : new double[] {0.6, 0.65, 0.7}) {
                        for (boolean agrees : new boolean[] {false, true}) {
                            Bar bar = new Bar(decides, decidesMajor, near, nearMajor, agrees);
                            StringBuilder line = new StringBuilder(String.format(
                                    Locale.ROOT,
                                    "%sdecides %.2f, MAJOR %.2f, nearest %.2f, for MAJOR %.2f",
                                    agrees ? "nearest agrees, " : "",
                                    decides,
                                    decidesMajor,
                                    near,
                                    nearMajor));
                            populations.forEach((name, cases) -> line.append(score(name, cases, bar::classOf)));
                            System.out.println(line);
                        }
                    }
                }
            }
        }
        // The vote's bar (before the linear reading: see ProbeReplay), and the reader's class deciding only when its
        // example is nearer than any ordinary one by a margin: near misses are ordinary complaints on a severe
        // complaint's topic, near ordinary examples too. (2026-12-05: every margin that helped the near misses cost
        // MAJOR complaints on the first readings.)
        for (double margin : new double[] {-0.05, -0.02, 0, 0.01, 0.02, 0.03, 0.05, 0.08}) {
            Bar bar = new Bar(0.60, 0.70, 0.65, 0.65, false, margin);
            StringBuilder line = new StringBuilder(
                    String.format(Locale.ROOT, "the vote's bar, nearer than the nearest ordinary by %.2f", margin));
            populations.forEach((name, cases) -> line.append(score(name, cases, bar::classOf)));
            System.out.println(line);
        }
        // A sum over a threshold the rules found and judged not at stake (a price, a spend, money the customer moved):
        // the rules found something, so the reader does not decide the class alone (found today, by today's amounts).
        Bar shipped = new Bar(0.60, 0.70, 0.65, 0.65, false);
        for (boolean judged : new boolean[] {false, true}) {
            StringBuilder line = new StringBuilder(
                    judged
                            ? "the vote's bar, a sum not at stake judged by the rules"
                            : "the vote's bar, a sum not at stake left to the reader");
            populations.forEach((name, cases) ->
                    line.append(score(name, cases, c -> judged && c.sumNotAtStake ? c.rules : shipped.classOf(c))));
            System.out.println(line);
        }
        StringBuilder rules = new StringBuilder("the rules alone");
        populations.forEach((name, cases) -> rules.append(score(name, cases, c -> c.rules)));
        System.out.println(rules);
        populations.forEach((name, cases) -> {
            Map<String, int[]> pairs = new java.util.TreeMap<>();
            for (Case c : cases) {
                int read = c.read;
                if (read == c.rules) continue;
                String pair = ComplaintClass.values()[c.rules] + " by the rules, " + ComplaintClass.values()[read]
                        + " by the reader" + (c.foundNothing ? " (the rules found nothing)" : "");
                int[] counts = pairs.computeIfAbsent(pair, k -> new int[3]);
                counts[0]++;
                if (c.rules == c.expected) counts[1]++;
                if (read == c.expected) counts[2]++;
            }
            pairs.forEach((pair, n) -> System.out.printf(
                    Locale.ROOT,
                    "%s, they disagree: %s: %d, the rules right %d, the reader right %d%n",
                    name,
                    pair,
                    n[0],
                    n[1],
                    n[2]));
        });
        // A MAJOR of the rules the reader reads as clearly ordinary waits for a supervisor (the rules' class stays):
        // how often, and how often the complaint was not MAJOR. (The export does not say whether the rules read the
        // MAJOR from words alone; a MAJOR from a sum or a fact is never doubted in triage.)
        populations.forEach((name, cases) -> {
            int doubted = 0, notMajor = 0;
            for (Case c : cases) {
                if (c.rules != MAJOR || c.read != ORDINARY || c.share < 0.7) continue;
                doubted++;
                if (c.expected != MAJOR) notMajor++;
                if (Boolean.getBoolean("list") && name.equals("first readings")) {
                    System.out.printf(
                            Locale.ROOT,
                            "  doubted MAJOR: %s %s share %.2f nearest %.2f: %s%n",
                            c.set,
                            ComplaintClass.values()[c.expected],
                            c.share,
                            c.nearest,
                            c.text);
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "%s: a MAJOR of the rules doubted by the reader: %d, not MAJOR: %d%n",
                    name,
                    doubted,
                    notMajor);
        });
        // Where the rules read less than MAJOR (and did not judge MAJOR words negated or everyday) and the reader reads
        // MAJOR with this share, a supervisor is asked to look: how often, and how often the complaint was MAJOR.
        for (double share : new double[] {0.5, 0.6, 0.7}) {
            populations.forEach((name, cases) -> {
                int asked = 0, major = 0;
                for (Case c : cases) {
                    if (c.rules == MAJOR || c.majorDiscounted || c.read != MAJOR || c.share < share) continue;
                    asked++;
                    if (c.expected == MAJOR) major++;
                }
                System.out.printf(
                        Locale.ROOT,
                        "%s: MAJOR by the reader at a share of %.1f where the rules read less: %d, MAJOR: %d%n",
                        name,
                        share,
                        asked,
                        major);
            });
        }
        StringBuilder alone = new StringBuilder("the reader alone");
        populations.forEach((name, cases) -> alone.append(score(name, cases, c -> c.read)));
        System.out.println(alone);
    }

    /**
     * Adds to a population the complaints of the file whose set {@code ofSet} accepts, each read by {@code reader}
     * (the reader comparing only with the labelled complaints it could know).
     */
    private static void read(
            Path file,
            Predicate<String> ofSet,
            EmbeddingReader reader,
            Map<String, String> texts,
            Map<String, List<Case>> populations,
            String population)
            throws IOException {
        for (String row : Files.readAllLines(file)) {
            String[] cells = row.split("\t");
            if (!ofSet.test(cells[1])) continue;
            String text = texts.get(cells[1] + "#" + cells[2]);
            if (text == null || !cells[7].equals("0")) continue;
            Opinion opinion = reader.read(text).orElseThrow();
            double nearestOrdinary = reader.only(l -> l.complaintClass() == ComplaintClass.ORDINARY)
                    .read(text)
                    .map(o -> o.nearest().get(0).similarity())
                    .orElse(0.0);
            populations
                    .computeIfAbsent(population, p -> new ArrayList<>())
                    .add(new Case(
                            cells[1],
                            ComplaintClass.valueOf(cells[3]).ordinal(),
                            ComplaintClass.valueOf(cells[4]).ordinal(),
                            Boolean.parseBoolean(cells[5]),
                            Boolean.parseBoolean(cells[6]),
                            opinion.complaintClass().ordinal(),
                            opinion.share(),
                            opinion.example().similarity(),
                            opinion.nearest().get(0).complaintClass() == opinion.complaintClass(),
                            nearestOrdinary,
                            // Read today: the export of the day does not say it.
                            Shipped.classifier().classify(text).weighed().stream()
                                    .anyMatch(w -> w.endsWith("not at stake")),
                            text));
        }
    }

    private static String score(String name, List<Case> cases, java.util.function.ToIntFunction<Case> classOf) {
        int right = 0, majorAsOrdinary = 0, ordinary = 0, falseMajor = 0, readers = 0;
        // Per set: its ordinary complaints, and those read as MAJOR.
        Map<String, int[]> sets = new HashMap<>();
        for (Case c : cases) {
            int read = classOf.applyAsInt(c);
            if (read != c.rules) readers++;
            if (c.expected == ORDINARY) {
                int[] counts = sets.computeIfAbsent(c.set, k -> new int[2]);
                counts[0]++;
                if (read == MAJOR) counts[1]++;
            }
            if (read == c.expected) right++;
            if (c.expected == MAJOR && read == ORDINARY) majorAsOrdinary++;
            if (c.expected == ORDINARY) {
                ordinary++;
                if (read == MAJOR) falseMajor++;
            }
        }
        return String.format(
                Locale.ROOT,
                " | %s (%d): %.1f%%, %d MAJOR as ORDINARY, false MAJOR %.1f%% (over 3%% in %d sets),"
                        + " the reader's class %d",
                name,
                cases.size(),
                100.0 * right / cases.size(),
                majorAsOrdinary,
                100.0 * falseMajor / Math.max(1, ordinary),
                sets.values().stream().filter(n -> n[1] > 0.03 * n[0]).count(),
                readers);
    }
}
