package io.firebreak.intake.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.events.Channel;
import io.firebreak.events.CustomerStage;
import io.firebreak.events.EmotionLevel;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MattersTest {

    static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    static Complaint earlier(String text, String productRef, String orderRef, List<Complaint.Message> messages) {
        return new Complaint(
                "CUS-1",
                "138****8000",
                Channel.PHONE,
                text,
                productRef,
                orderRef,
                null,
                null,
                EmotionLevel.CALM,
                List.of(),
                CustomerStage.EXPLICIT_GRIEVANCE,
                List.of(),
                messages,
                T0,
                ComplaintStatus.RECEIVED,
                null,
                null,
                null,
                null,
                List.of(),
                T0);
    }

    @Test
    void theSameOrderIsTheSameMatterWhateverTheWords() {
        assertThat(Matters.same(earlier("parcel late", null, "ORD-1", List.of()), "ord-1", null, "wrong invoice", 0.6))
                .isTrue();
    }

    @Test
    void twoDifferentOrdersAreTwoMattersHoweverAlikeTheWords() {
        assertThat(Matters.same(earlier("快递三天没到", "SKU-1", "ORD-1", List.of()), "ORD-2", "SKU-1", "快递三天没到", 0.6))
                .isFalse();
    }

    @Test
    void theSameProductIsTheSameMatterWhenNoOrderTellsThemApart() {
        assertThat(Matters.same(earlier("screen cracked", "SKU-1", null, List.of()), "ORD-9", "SKU-1", "it hums", 0.6))
                .isTrue();
        assertThat(Matters.same(
                        earlier("screen cracked", "SKU-1", null, List.of()), null, "SKU-2", "screen cracked", 0.6))
                .isFalse();
    }

    @Test
    void withoutReferencesCloselySimilarWordsAreTheSameMatter() {
        Complaint washer = earlier("洗衣机漏水，地板都泡坏了", null, null, List.of());
        assertThat(Matters.same(washer, null, null, "洗衣机漏水，地板全泡坏了", 0.6)).isTrue();
        assertThat(Matters.same(washer, null, null, "洗衣机漏水，地板全泡坏了", 0.9))
                .as("configurable threshold")
                .isFalse();
        assertThat(Matters.same(washer, null, null, "快递三天没到", 0.6)).isFalse();
    }

    @Test
    void aDuplicateMergedBeforeCountsAsTheMattersWordsToo() {
        Complaint c = earlier(
                "Parcel missing",
                null,
                null,
                List.of(new Complaint.Message(
                        "m1",
                        T0,
                        Channel.CHAT,
                        "The washing machine is leaking water all over the floor",
                        true,
                        EmotionLevel.CALM,
                        List.of())));
        assertThat(Matters.same(c, null, null, "washing machine leaking water all over the floor", 0.6))
                .isTrue();
    }
}
