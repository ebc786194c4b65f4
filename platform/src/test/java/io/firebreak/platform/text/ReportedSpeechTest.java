package io.firebreak.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportedSpeechTest {

    private static List<String> found(String phrase, String text) {
        return PhraseSet.of(List.of(phrase)).scan(ScannedText.of(text)).stream()
                .map(PhraseSet.Hit::asWritten)
                .toList();
    }

    @Test
    void aPhraseInTheFirstPersonFindsTheAgentsReportOfItWithTheVerbAgreeing() {
        assertThat(found("every time I call", "Customer says every time she calls she is cut off."))
                .containsExactly("every time she calls");
        assertThat(found("I've called ... times", "Cx's called us four times this week."))
                .containsExactly("Cx's called … times");
        assertThat(found("I have been waiting", "The customer has been waiting since May."))
                .containsExactly("The customer has been waiting");
        assertThat(found("I was promised", "Caller says he was promised a refund."))
                .containsExactly("he was promised");
        assertThat(found("I'm still waiting", "Cust is still waiting for the engineer."))
                .containsExactly("Cust is still waiting");
    }

    @Test
    void myAndMeAreTheCustomersInEveryWayAnAgentNamesThem() {
        assertThat(found("my third call", "This is her third call about it.")).containsExactly("her third call");
        assertThat(found("my third call", "It is the customer's third call."))
                .containsExactly("the customer's third call");
        assertThat(found("promised me a callback", "Agent promised the customer a callback."))
                .containsExactly("promised the customer a callback");
        assertThat(found("promised me a callback", "We promised him a callback."))
                .containsExactly("promised him a callback");
        assertThat(found("came off my bike", "Her son came off his bike.")).containsExactly("came off his bike");
    }

    @Test
    void theCustomersOwnWordsAreFoundAsBefore() {
        assertThat(found("every time I call", "Every time I call I get a new agent."))
                .containsExactly("Every time I call");
        assertThat(found("我打了三次电话", "我打了三次电话都没人接")).containsExactly("我打了三次电话");
    }

    @Test
    void chineseNotesNameTheCustomerAs客户她他Or其() {
        assertThat(found("我打了三次电话", "客户称已经打了三次电话")).isEmpty();
        assertThat(found("打了三次电话", "客户称已经打了三次电话")).containsExactly("打了三次电话");
        assertThat(found("我已经打了三次电话", "客户已经打了三次电话")).containsExactly("客户已经打了三次电话");
        assertThat(found("签名不是我的", "客户否认签收，签名不是她的")).containsExactly("签名不是她的");
        assertThat(found("我的母亲", "客户称其母亲八十岁")).containsExactly("其母亲");
        assertThat(found("我的母亲", "客户的母亲八十岁")).containsExactly("客户的母亲");
    }

    @Test
    void inChineseHeAndSheStandForTheCustomerOnlyAsOwners() {
        assertThat(found("说我没", "师傅说他没时间，改到周五")).isEmpty();
        assertThat(found("可我手上有", "可他手上有我的订单号，让他直接联系你们")).isEmpty();
        assertThat(found("说我没", "客服说客户没在家")).containsExactly("说客户没");
    }

    @Test
    void weAndTheCompanyAreNotTheCustomerNorIsAFirstPersonWordAlone() {
        assertThat(found("我们师傅", "他们师傅来过了")).isEmpty();
        assertThat(found("我司", "客户司")).isEmpty();
        assertThat(found("me", "Tell her now.")).isEmpty();
        assertThat(found("we promised", "she promised")).isEmpty();
        assertThat(ReportedSpeech.variants("called us")).containsExactly("called us");
    }

    @Test
    void oneReportIsOneHitThoughItNamesTheCustomerInTwoWays() {
        assertThat(found("I have called", "The customer has called twice.")).containsExactly("The customer has called");
    }

    @Test
    void aVerbTakesTheThirdPersonEnding() {
        assertThat(ReportedSpeech.thirdPerson("call")).isEqualTo("calls");
        assertThat(ReportedSpeech.thirdPerson("chase")).isEqualTo("chases");
        assertThat(ReportedSpeech.thirdPerson("reach")).isEqualTo("reaches");
        assertThat(ReportedSpeech.thirdPerson("try")).isEqualTo("tries");
        assertThat(ReportedSpeech.thirdPerson("pay")).isEqualTo("pays");
        assertThat(ReportedSpeech.thirdPerson("go")).isEqualTo("goes");
    }
}
