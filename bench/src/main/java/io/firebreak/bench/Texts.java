package io.firebreak.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Complaint texts of 0.5–2 KB (UTF-8) in Chinese and English, of every class: a phrase that makes the class (from
 * {@code phrases.tsv}) followed by neutral context sentences that trigger no rule and name no department (four
 * departments named make a complaint DIFFICULT), up to a random target size.
 */
final class Texts {

    /** The four classes, in the order the report lists them. */
    enum Kind {
        ORDINARY,
        MAJOR,
        ESCALATED,
        DIFFICULT
    }

    /** One generated complaint text, with the class its phrase was written for. */
    record Text(Kind kind, boolean chinese, String body) {}

    private static final List<String> ENGLISH_CONTEXT = List.of(
            "I am writing the details out in full so that whoever reads this has the whole picture.",
            "The item was a present for a family member and it came in the usual box.",
            "I kept the receipt and the packaging, and I can send photos if that helps.",
            "The easiest way to reach me is by email during working hours.",
            "The reference is written under my name.",
            "I have used your products for several years and have generally found them fine.",
            "Please let me know what information you need from me to look into this.",
            "I read the leaflet that came with it before using it for the first time.",
            "It arrived at my home address and I unpacked it the same evening.",
            "Thank you for taking the time to read this message.",
            "I am available most afternoons if a phone call is easier for you.",
            "The model number is printed on the label on the underside.");
    private static final List<String> CHINESE_CONTEXT = List.of(
            "为了方便你们了解情况，我把经过写得详细一些。",
            "这件东西是周末的时候拿到的，当时的介绍我都看过。",
            "收据和包装盒我都还留着，需要的话可以拍照发给你们。",
            "我平时工作日白天比较方便接听电话，也可以发短信给我。",
            "我用你们家的产品有好几年了，总体感觉还可以。",
            "使用前我也仔细看过附带的介绍，是按照上面的步骤来的。",
            "如果需要我提供其他信息，请告诉我。",
            "谢谢你们抽时间看这条留言。",
            "型号印在底部的标签上，我可以拍给你们看。",
            "我一般下午都在家，打电话过来也可以。");

    private final Map<Kind, List<String>> chinese = new EnumMap<>(Kind.class);
    private final Map<Kind, List<String>> english = new EnumMap<>(Kind.class);

    Texts() {
        for (Kind kind : Kind.values()) {
            chinese.put(kind, new ArrayList<>());
            english.put(kind, new ArrayList<>());
        }
        try (InputStream in = Texts.class.getResourceAsStream("/phrases.tsv");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] parts = line.split("\t");
                Kind kind = Kind.valueOf(parts[0].strip());
                String text = parts[1].strip();
                (isChinese(text) ? chinese : english).get(kind).add(text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A text of {@code kind}, Chinese or English, between 512 and 2048 bytes of UTF-8. */
    Text next(SplittableRandom random, Kind kind, boolean inChinese) {
        List<String> phrases = (inChinese ? chinese : english).get(kind);
        List<String> context = inChinese ? CHINESE_CONTEXT : ENGLISH_CONTEXT;
        int target = 512 + random.nextInt(2048 - 512 - 200);
        StringBuilder body = new StringBuilder(phrases.get(random.nextInt(phrases.size())));
        int start = random.nextInt(context.size());
        for (int i = 0; body.toString().getBytes(StandardCharsets.UTF_8).length < target; i++) {
            body.append(inChinese ? "" : " ").append(context.get((start + i) % context.size()));
        }
        return new Text(kind, inChinese, body.toString());
    }

    private static boolean isChinese(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
