package io.firebreak.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompanyWordsTest {

    @Test
    void aRepliesQuotedEarlierMessageIsTheCompanysUnlessTheCustomerWroteIt() {
        String reply = "Thanks, the replacement works fine. Could you confirm the return label?\n\n"
                + "On 2 Dec, Support wrote:\n> If the device overheats, stop using it.\n> You may escalate to a manager.";
        assertThat(CompanyWords.in(ScannedText.of(reply))).singleElement().satisfies(q -> {
            assertThat(reply.substring(q.start(), q.end())).startsWith("\n> If the device overheats");
            assertThat(q.source()).isEqualTo(CompanyWords.EARLIER_REPLY);
        });
        String inline = "谢谢，已经收到了。客服于12月2日写道：如设备过热冒烟，请停止使用并联系我们。";
        assertThat(quoted(inline)).containsExactly(ScannedText.normalize("如设备过热冒烟，请停止使用并联系我们。"));
        // Lines opened with '>' without a header, and nothing else.
        assertThat(quoted("All sorted now.\n> We will escalate to a manager if needed.\nThanks"))
                .containsExactly(" We will escalate to a manager if needed.\n");
        // The customer's own earlier words count, and so does a '>' inside a sentence.
        assertThat(CompanyWords.in(ScannedText.of("Still broken. On 1 Dec, I wrote:\n> the charger caught fire")))
                .isEmpty();
        assertThat(CompanyWords.in(ScannedText.of("The bill says > 100 kWh, my meter says 40.")))
                .isEmpty();
    }

    @Test
    void aQuotationAfterTheCompanysTextIsTheCompanys() {
        String text = "The leaflet in the box says \"Warning: risk of fire if used with a non-original charger.\" "
                + "Mine is fine.";

        assertThat(quoted(text)).containsExactly("Warning: risk of fire if used with a non-original charger.");
        assertThat(CompanyWords.in(ScannedText.of(text)).get(0).source()).isEqualTo("the leaflet");
    }

    @Test
    void theCompanysTextsInEnglishWithTheirDeterminer() {
        assertThat(quoted("Your newsletter said “Our lawyers have updated our privacy policy.” Please unsubscribe me."))
                .containsExactly("Our lawyers have updated our privacy policy.");
        assertThat(quoted("Your chatbot told me “I'm escalating this to a human agent” and closed the chat."))
                .containsExactly("I'm escalating this to a human agent");
        assertThat(
                        quoted(
                                "Your reply quoted your compensation policy (“compensation is only paid where loss is proven”)."))
                .containsExactly("compensation is only paid where loss is proven");
        assertThat(quoted("I'm replying to your email of 14 May (“Your case has been resolved”). It hasn't."))
                .containsExactly("Your case has been resolved");
        assertThat(quoted("Your app sent me an email: “Your account will be closed and passed to our lawyers.”"))
                .containsExactly("Your account will be closed and passed to our lawyers.");
        assertThat(quoted("The confirmation email said: “Bring photo ID or face legal penalties.”"))
                .containsExactly("Bring photo ID or face legal penalties.");
    }

    @Test
    void theCompanysTextsInChinese() {
        assertThat(quoted("门店贴的告示写着“如有质量问题，可向12315投诉”。我想换个内胆。"))
                .containsExactly(ScannedText.normalize("如有质量问题，可向12315投诉"));
        assertThat(quoted("你们的回复写着：“如对处理结果不满意，可拨打12315”。我不想打。"))
                .containsExactly(ScannedText.normalize("如对处理结果不满意，可拨打12315"));
        assertThat(quoted("包装上印着「警告：内含小零件，有窒息危险」。")).containsExactly(ScannedText.normalize("警告：内含小零件，有窒息危险"));
    }

    @Test
    void whatTheCompanysPeopleSaidIsNotTaken() {
        // A member of staff who names a hazard may be telling the customer of one.
        assertThat(quoted("Your engineer said “the flue is leaking carbon monoxide” and left."))
                .isEmpty();
        assertThat(quoted("你们经理说“随便你去哪里告”。")).isEmpty();
        assertThat(quoted("Your manager told me on the phone “Do whatever you like.”"))
                .isEmpty();
    }

    @Test
    void whatTheCustomerSaysTheySaidOrWroteIsTheirs() {
        assertThat(quoted("I told your agent “my son was burned by the heater”."))
                .isEmpty();
        assertThat(quoted("I sent you an email saying “my son was burned”.")).isEmpty();
        assertThat(quoted("In reply to your letter I wrote “I will see you in court”."))
                .isEmpty();
        assertThat(quoted("我发的邮件里写了“孩子被烫伤了”。")).isEmpty();
        assertThat(quoted("我跟你们客服说“孩子被烫伤了”。")).isEmpty();
    }

    @Test
    void aQuotationWithNothingOfTheCompanysBeforeItIsNotTaken() {
        assertThat(quoted("The doctor said “it is a chemical burn”.")).isEmpty();
        assertThat(quoted("快递显示“已签收”，可我没收到。")).isEmpty();
        assertThat(quoted("“Thank you for your patience” is what you keep writing."))
                .isEmpty();
        // An unclosed mark quotes nothing.
        assertThat(quoted("Your website says “Customer funds are always protected"))
                .isEmpty();
    }

    @Test
    void whatSomeoneOutsideTheCompanySaidOfItsTextIsTheirs() {
        assertThat(quoted("The doctor looked at the label and said “this cream is not safe for children”."))
                .isEmpty();
        assertThat(quoted("消防看了说明书说“这个型号有起火隐患”。")).isEmpty();
    }

    @Test
    void theSourceIsLookedForInTheQuotationsOwnClause() {
        // The leaflet is in the first clause; the quotation belongs to what the customer says after the comma.
        assertThat(quoted("I read the leaflet, and then my daughter said “it's burning”."))
                .isEmpty();
    }

    @Test
    void aPhraseInTheCompanysWordsIsNotCountedAndSaysWhy() {
        Reading reading =
                new Reading(new Negation(List.of("not"), List.of(), List.of(), List.of(), null, null, 4), List.of());
        ScannedText text = ScannedText.of("The leaflet says “risk of fire”. Last night it caught fire.");
        Reading.Scope scope = reading.scope(text);
        int quoted = text.text().indexOf("fire");
        int own = text.text().lastIndexOf("fire");

        assertThat(scope.discounted(quoted, quoted + 4)).isEqualTo("the company's words: the leaflet");
        assertThat(scope.discounted(own, own + 4)).isNull();
    }

    private static List<String> quoted(String text) {
        ScannedText scanned = ScannedText.of(text);
        return CompanyWords.in(scanned).stream()
                .map(q -> scanned.text().substring(q.start(), q.end()))
                .toList();
    }
}
