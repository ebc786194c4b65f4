package io.firebreak.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportingFrameTest {

    @Test
    void anAgentsOpeningIsLeftOutOfWhatTheCustomerSaid() {
        assertThat(ReportingFrame.without("Customer says the kettle leaks.")).isEqualTo("the kettle leaks.");
        assertThat(ReportingFrame.without("Cx reports that her card was charged twice."))
                .isEqualTo("her card was charged twice.");
        assertThat(ReportingFrame.without("Caller states: the engineer never came."))
                .isEqualTo("the engineer never came.");
        assertThat(ReportingFrame.without("客户称电热毯把床垫烤黄了。")).isEqualTo("电热毯把床垫烤黄了。");
        assertThat(ReportingFrame.without("客户来电，称快递丢了。")).isEqualTo("快递丢了。");
        assertThat(ReportingFrame.without("客户来电反映APP闪退。")).isEqualTo("APP闪退。");
    }

    @Test
    void whatTheCustomerWantsOrOwnsIsNotAnOpening() {
        assertThat(ReportingFrame.without("Customer wants a refund.")).isEqualTo("Customer wants a refund.");
        assertThat(ReportingFrame.without("Customer's flat was flooded.")).isEqualTo("Customer's flat was flooded.");
        assertThat(ReportingFrame.without("客户要求退款。")).isEqualTo("客户要求退款。");
        assertThat(ReportingFrame.without("客户再次反映没有到账。")).isEqualTo("客户再次反映没有到账。");
        assertThat(ReportingFrame.without("Customers say it is broken.")).isEqualTo("Customers say it is broken.");
        assertThat(ReportingFrame.without("My customer says hello.")).isEqualTo("My customer says hello.");
        assertThat(ReportingFrame.without("Customer says")).isEqualTo("Customer says");
        assertThat(ReportingFrame.without("Café is closed")).isEqualTo("Café is closed");
    }

    @Test
    void theRulesDoNotTakeTheAgentsSaysForAPartys() {
        PhraseSet partySays = PhraseSet.of(List.of("says ... my bank"));

        assertThat(partySays.scan(ScannedText.of("Cust says she has told her bank about the new card.")))
                .isEmpty();
        assertThat(partySays.scan(ScannedText.of("Cust says the shop says it is up to her bank.")))
                .extracting(PhraseSet.Hit::asWritten)
                .containsExactly("says … her bank");
    }
}
