package io.firebreak.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnauthorisedPaymentsTest {

    private static String find(String text) {
        return UnauthorisedPayments.find(ScannedText.of(text));
    }

    @Test
    void theCustomersMoneyMovedOutWithoutThem() {
        assertThat(find("我储蓄卡里的一万四被分三笔转走了，我一笔都没操作过。")).isEqualTo("一万四被分三笔转走了,我一笔都没操作过");
        assertThat(find("你们银行没经过我同意，从我账户里转走了八万块钱。")).isEqualTo("没经过我同意,从我账户里转走了八万块");
        assertThat(find("客户称账户里多了一笔她没操作过的12400元取现。")).isEqualTo("没操作过的12400元取现");
        assertThat(find("Your bank moved £8,000 out of my account without my authorisation."))
                .isEqualTo("moved £8,000 out of my account without my authorisation");
        assertThat(find("Customer says her account shows a £12,400 withdrawal she didn't make."))
                .isEqualTo("£12,400 withdrawal she didn't make");
    }

    @Test
    void aChargeDisputedAChildsSpendingOrTheCustomersOwnTransferIsNot() {
        assertThat(find("自动续费扣了我二十五块，我没同意过。")).isNull();
        assertThat(find("我从余额里转走了两百块到银行卡，到现在没到账，我没操作错吧？")).isNull();
        assertThat(find("You charged me £9.99 for a subscription I never agreed to."))
                .isNull();
        assertThat(find("My son spent £4.99 in the game without my permission; can I get a refund?"))
                .isNull();
        assertThat(find("I transferred £50 to the wrong account by mistake; can you help me get it back?"))
                .isNull();
    }
}
