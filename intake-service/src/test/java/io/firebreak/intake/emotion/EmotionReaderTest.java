package io.firebreak.intake.emotion;

import static io.firebreak.events.EmotionLevel.ANGRY;
import static io.firebreak.events.EmotionLevel.CALM;
import static io.firebreak.events.EmotionLevel.FURIOUS;
import static io.firebreak.events.EmotionLevel.UPSET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.firebreak.events.CustomerStage;
import io.firebreak.events.EmotionLevel;
import io.firebreak.intake.IntakeProperties;
import io.firebreak.platform.test.ShippedProperties;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The reader against labelled Chinese and English texts, with the word lists as shipped in intake.yml. */
class EmotionReaderTest {

    static final EmotionReader READER =
            new EmotionReader(ShippedProperties.bind("intake.yml", "firebreak.intake", IntakeProperties.class));

    /** A text, the level a handler would give it, signals it must show, and signal kinds it must not show. */
    static Stream<Arguments> labelled() {
        return Stream.of(
                // calm: the matter, no feelings
                arguments("快递三天没到，客服电话打不通", CALM, List.of(), List.of("")),
                arguments("My parcel is lost", CALM, List.of(), List.of("")),
                arguments("I bought an IKEA shelf and one leg is missing", CALM, List.of(), List.of("caps")),
                arguments("USB port on the APP is broken", CALM, List.of(), List.of("caps")),
                arguments("订单ORD-1001的发票开错了", CALM, List.of(), List.of("caps")),
                // laughter is no intensity; "你们真行" is praise that means the opposite
                arguments("哈哈哈哈你们真行", UPSET, List.of("sarcasm:真行"), List.of("repeated-chars")),
                arguments(
                        "Visit www.example.com/aaa or write to aaa@example.com",
                        CALM,
                        List.of(),
                        List.of("repeated-chars")),
                arguments(
                        "See WWW.EXAMPLE.COM/zzz and https://example.org/xxx?q=mmm",
                        CALM,
                        List.of(),
                        List.of("repeated-chars")),
                // negation and hedging switch the word off
                arguments("我不打算找律师，只想尽快解决", CALM, List.of(), List.of("threat")),
                arguments("I'm not going to sue, I just want my money back", CALM, List.of(), List.of("threat")),
                arguments("It is not a safety problem, the lid is just loose", CALM, List.of(), List.of("safety")),
                arguments("孩子没有受伤，但是盖子松了", CALM, List.of(), List.of("safety")),
                arguments(
                        "No need to escalate, just send a new charger", CALM, List.of(), List.of("asks-for-superior")),
                arguments("不用找经理，换一个就行", CALM, List.of(), List.of("asks-for-superior")),
                arguments("There's no safety issue but I'd like a refund", CALM, List.of(), List.of("safety")),
                arguments(
                        "I'm not angry, just disappointed",
                        UPSET,
                        List.of("upset-word:disappointed"),
                        List.of("anger-word")),
                arguments("我不生气，只是有点失望", UPSET, List.of("upset-word:失望"), List.of("anger-word")),
                // a cue that is no negation, or a condition between cue and word, leaves the word on
                arguments("手机不断冒烟，太危险了", UPSET, List.of("safety:冒烟", "safety:危险"), List.of()),
                arguments("我不得不找律师了", ANGRY, List.of("threat:律师"), List.of()),
                arguments("再不退款我就找律师起诉你们", ANGRY, List.of("threat:律师", "threat:起诉"), List.of()),
                arguments(
                        "If you don't refund me I will take legal action",
                        ANGRY,
                        List.of("threat:legal action"),
                        List.of()),
                // upset
                arguments(
                        "I'm a bit disappointed with the delivery time",
                        UPSET,
                        List.of("upset-word:disappointed"),
                        List.of()),
                arguments("对这次的服务很失望", UPSET, List.of("upset-word:失望"), List.of()),
                arguments("热水壶漏电，孩子的手被烫伤了", UPSET, List.of("safety:漏电", "safety:烫伤"), List.of()),
                arguments(
                        "The charger caught fire and burned my hand",
                        UPSET,
                        List.of("safety:caught fire", "safety:burned my"),
                        List.of()),
                arguments("I want to speak to your manager", UPSET, List.of("asks-for-superior:manager"), List.of()),
                arguments("叫你们经理来跟我说", UPSET, List.of("asks-for-superior:经理"), List.of()),
                // abuse aimed at the people answering, and what only looks like it
                arguments("Listen you moron, I ordered blue and got green", ANGRY, List.of("abusive:moron"), List.of()),
                arguments("你们客服都是脑残吗？", ANGRY, List.of("abusive:脑残"), List.of()),
                arguments("滚筒洗衣机脱水时声音很大", CALM, List.of(), List.of("abusive")),
                // praise that means the opposite
                arguments(
                        "Wonderful, the new kettle leaks all over the counter. Really top quality.",
                        UPSET,
                        List.of("sarcasm:Really top quality"),
                        List.of()),
                arguments("真是太感谢了，退款申请提交一个月了还在审核中，效率真高。", UPSET, List.of("sarcasm:效率真高"), List.of()),
                // ordinary senses of alarming words are no signal; a conditional threat is one
                arguments("My Fire TV Stick remote stopped pairing", CALM, List.of(), List.of("safety")),
                arguments("在朋友圈看到你们的广告才买的", CALM, List.of(), List.of("media")),
                arguments("要是不想上热搜，就赶紧给我退款", ANGRY, List.of("media:上热搜"), List.of()),
                // intensity marks
                arguments("REFUND NOW", UPSET, List.of("caps:REFUND NOW"), List.of()),
                arguments("I want my money NOW!", UPSET, List.of("caps:NOW"), List.of()),
                arguments("啊啊啊啊到底什么时候发货", UPSET, List.of("repeated-chars:啊啊啊啊"), List.of()),
                arguments("Pleeeease just answer the phone", UPSET, List.of("repeated-chars:eeee"), List.of()),
                arguments("Why is my order still not here???", UPSET, List.of("intensity:???"), List.of()),
                arguments(
                        "Really?!?! Two weeks!! 还没到？？？", UPSET, List.of("intensity:?!?!", "intensity:？？？"), List.of()),
                // angry
                arguments("气死我了，三次都没修好", ANGRY, List.of("anger-word:气死"), List.of()),
                arguments(
                        "This is outrageous and completely unacceptable",
                        ANGRY,
                        List.of("anger-word:outrageous", "anger-word:unacceptable"),
                        List.of()),
                arguments("气死了！！！", ANGRY, List.of("anger-word:气死", "intensity:！！！"), List.of()),
                arguments("再不处理我就打12315投诉", ANGRY, List.of("regulator:12315"), List.of()),
                arguments("我已经向消协反映了", ANGRY, List.of("regulator:消协"), List.of()),
                arguments("I will contact the ombudsman about this", ANGRY, List.of("regulator:ombudsman"), List.of()),
                arguments("不给个说法我就发微博曝光你们", ANGRY, List.of("media:发微博", "media:曝光"), List.of()),
                arguments(
                        "I'll post this on social media",
                        ANGRY,
                        List.of("media:post … social media"),
                        List.of("media:media")),
                // furious
                arguments(
                        "气死了！！！再不退钱我就找律师，还要找媒体曝光",
                        FURIOUS,
                        List.of("anger-word:气死", "intensity:！！！", "threat:律师", "media:媒体", "media:曝光"),
                        List.of()),
                arguments(
                        "THIS IS RIDICULOUS!!! I WANT A MANAGER",
                        FURIOUS,
                        List.of(
                                "caps:THIS IS RIDICULOUS",
                                "intensity:!!!",
                                "anger-word:RIDICULOUS",
                                "asks-for-superior:MANAGER"),
                        List.of()),
                arguments(
                        "The service was terrible and I'm contacting a lawyer!!!",
                        FURIOUS,
                        List.of("anger-word:terrible", "threat:lawyer", "intensity:!!!"),
                        List.of()));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("labelled")
    void readsEachTextAsAHandlerWould(String text, EmotionLevel level, List<String> signals, List<String> absent) {
        EmotionReader.Reading reading = READER.read(text);
        assertThat(reading.level()).as("%s %s", text, reading.signals()).isEqualTo(level);
        assertThat(reading.signals()).as(text).containsAll(signals);
        for (String kind : absent) {
            assertThat(reading.signals()).as(text).noneMatch(s -> s.startsWith(kind));
        }
    }

    @Test
    void theCorpusHasAtLeastThirtyTexts() {
        assertThat(labelled().count()).isGreaterThanOrEqualTo(30);
    }

    @Test
    void earlierContactsOnTheSameMatterRaiseTheLevelAndEscalateTheStage() {
        assertThat(READER.read("快递还没到", 0, false).level()).isEqualTo(CALM);
        EmotionReader.Reading once = READER.read("快递还没到", 1, false);
        assertThat(once.level()).isEqualTo(UPSET);
        assertThat(once.signals()).containsExactly("earlier-contacts:1");
        EmotionReader.Reading thrice = READER.read("快递还没到", 3, false);
        assertThat(thrice.level()).isEqualTo(ANGRY);
        assertThat(thrice.signals()).containsExactly("earlier-contacts:3");
        assertThat(thrice.stage()).isEqualTo(CustomerStage.ESCALATED_COMPLAINT);
    }

    @Test
    void aSignalOfOneKindCountsOnceHoweverOftenItComes() {
        EmotionReader.Reading reading = READER.read("垃圾！骗子！恶心！太差了");
        assertThat(reading.level()).isEqualTo(ANGRY);
        assertThat(reading.signals()).hasSize(3).allMatch(s -> s.startsWith("anger-word:"));
    }
}
