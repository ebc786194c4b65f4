package io.firebreak.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MessagePartsTest {

    @Test
    void aTicketsAndAMailsHeaderFieldsAreNotTheCustomersWordsButTheSubjectAndTheStatusAre() {
        String ticket = "[Ticket #48213] Priority: Urgent | Escalation level: 0 | Channel: Email\n"
                + "Requester: m.chen@example.com\nSubject: Re: escalate this please\nStatus: Reopened by requester\n\n"
                + "The tracking link gives a 404.";

        assertThat(parts(ticket))
                .containsExactly(
                        "header: Priority: Urgent",
                        "header: Escalation level: 0",
                        "header: Channel: Email",
                        "header: Requester: m.chen@example.com");
        assertThat(parts("【工单号 #30512】优先级：紧急 ｜ 升级级别：0 ｜ 渠道：邮件\n提交人：李强\n\n物流三天没更新了。"))
                .containsExactly("header: 优先级：紧急", "header: 升级级别：0", "header: 渠道：邮件", "header: 提交人：李强");
        assertThat(
                        parts(
                                "---------- Forwarded message ---------\nFrom: Dana <d@example.com>\nTo: orders@example.com\n\nHi"))
                .containsExactly("header: From: Dana <d@example.com>", "header: To: orders@example.com");
    }

    @Test
    void aFieldIsOneOnlyWhereAHeaderCouldBe() {
        // On the text's last line without a bar, in the middle of a line, or longer than a header's value: a sentence.
        assertThat(parts("Hello\nTo: whom it may concern, the charger exploded"))
                .isEmpty();
        assertThat(parts("The charger exploded. From: the socket, sparks everywhere\nPlease call."))
                .isEmpty();
        assertThat(parts("From: the moment I plugged it in, the charger hissed, sparked, smoked and then caught fire on"
                        + " my desk\nPlease call."))
                .isEmpty();
        assertThat(parts("No line break and no bar: Priority: my safety")).isEmpty();
        // Alone among sentences: no header, however short.
        assertThat(parts("Hello,\nDate: 3 Dec, the heater caught fire\nPlease call me."))
                .isEmpty();
        assertThat(parts("你好\n时间：昨晚，电热毯冒烟了\n请尽快处理。")).isEmpty();
    }

    @Test
    void theSignatureUnderASignOffOrADashLineIsNotTheCustomersWords() {
        String signed = "Can I swap the cartridges?\n\nBest,\nRachel Moss\nSenior Counsel, Legal Department\n"
                + "Sent from my iPhone";
        assertThat(parts(signed))
                .containsExactly(
                        "signature: Rachel Moss",
                        "signature: Senior Counsel, Legal Department",
                        "signature: Sent from my iPhone");
        assertThat(parts("想换一下。\n\n——\n张伟 | 北京恒信律师事务所 合伙人律师\n发自我的华为手机"))
                .containsExactly("signature: 张伟 | 北京恒信律师事务所 合伙人律师", "signature: 发自我的华为手机");
        assertThat(parts("想问下能不能寄个螺丝过来。\n—— 行政助理 小周")).containsExactly("signature: —— 行政助理 小周");
        assertThat(parts("Please reissue it.\n\nCONFIDENTIALITY NOTICE: This e-mail may be legally privileged."))
                .containsExactly("disclaimer: CONFIDENTIALITY NOTICE: This e-mail may be legally privileged.");
    }

    @Test
    void theCustomersWordsUnderASignOffCount() {
        // No comma: "Thanks" over a sentence; a postscript; a sentence; a forwarded message under the signature.
        assertThat(parts("The kettle leaks.\nThanks\nMy solicitor will be in touch"))
                .isEmpty();
        assertThat(parts("The kettle leaks.\n\nRegards,\nTom\nP.S. my solicitor has the photos"))
                .containsExactly("signature: Tom");
        assertThat(parts("The kettle leaks.\n\nRegards,\nTom\nI have now reported it to trading standards."))
                .containsExactly("signature: Tom");
        assertThat(parts("Please see below.\n\nThanks,\nTom\n\n---------- Forwarded message ---------\n\n"
                        + "The heater caught fire."))
                .containsExactly("signature: Tom");
        // Dashes that open a longer line, or a long run of them, are not a signature's.
        assertThat(parts("Summary:\n-- the heater caught fire in the night and burnt the carpet"))
                .isEmpty();
    }

    @Test
    void aPhraseInAHeaderOrASignatureIsNotCountedWithItsReason() {
        Reading reading =
                new Reading(new Negation(List.of("not"), List.of(), List.of(), List.of(), null, null, 4), List.of());
        String text = "Could I get a copy of the invoice?\n\nKind regards,\nPaul Hart\nAttorney at Law";
        ScannedText scan = ScannedText.of(text);
        int lawyer = text.indexOf("Attorney");

        assertThat(reading.scope(scan).discounted(lawyer, lawyer + "Attorney".length()))
                .isEqualTo("not the customer's words: the signature");
        int invoice = text.indexOf("invoice");
        assertThat(reading.scope(scan).discounted(invoice, invoice + "invoice".length()))
                .isNull();
    }

    @Test
    void theAgentsTurnsOfACallWrittenDownWithItsSpeakersAreNotTheCustomersWords() {
        String call = "Agent: i can escalate that to our warehouse team for you\n"
                + "Customer: yeah that's fine i just need the missing screws\n"
                + "Agent: they'll be posted today\nand a tracking number sent by text\n"
                + "[00:02:10] Customer: thanks";

        // A turn runs from its label to the next speaker's, over the lines it takes.
        assertThat(parts(call))
                .containsExactly(
                        "agent: Agent: i can escalate that to our warehouse team for you",
                        "agent: Agent: they'll be posted today",
                        "agent: and a tracking number sent by text");
        assertThat(parts("坐席：我帮您升级到售后部门处理\n客户：好的就是椅子少了两个螺丝")).containsExactly("agent: 坐席：我帮您升级到售后部门处理");
    }

    @Test
    void aSpeakersLabelWithoutTheOtherSpeakerIsTheCustomersWords() {
        // The customer addressing the company ("客服：") or quoting an agent is not a call written down.
        assertThat(parts("客服：你们的充电器冒烟了\n我要投诉")).isEmpty();
        assertThat(parts("Agent: said he would escalate it\nnothing happened since"))
                .isEmpty();
        assertThat(parts("Customer: me\nThe agent: was rude")).isEmpty();
    }

    /** Each part as "kind: its text as read". */
    private static List<String> parts(String text) {
        ScannedText scan = ScannedText.of(text);
        return MessageParts.in(scan).stream()
                .map(p -> kind(p.what()) + ": " + text.substring(p.start(), p.end()))
                .toList();
    }

    private static String kind(String what) {
        return switch (what) {
            case MessageParts.HEADER -> "header";
            case MessageParts.SIGNATURE -> "signature";
            case MessageParts.DISCLAIMER -> "disclaimer";
            case MessageParts.AGENT -> "agent";
            default -> what;
        };
    }
}
