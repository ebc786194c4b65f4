package io.firebreak.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AmountsTest {

    @Test
    void sumsWithACurrencySignOrWordAreFoundInTheirCurrency() {
        assertThat(only("我被扣了¥5000")).isEqualTo(new Expected("CNY", 5000));
        assertThat(only("我被扣了￥5000")).isEqualTo(new Expected("CNY", 5000));
        assertThat(only("这台花了5000元")).isEqualTo(new Expected("CNY", 5000));
        assertThat(only("退我5000块钱")).isEqualTo(new Expected("CNY", 5000));
        assertThat(only("I paid $800 for it")).isEqualTo(new Expected("USD", 800));
        assertThat(only("I paid $1,200 for it")).isEqualTo(new Expected("USD", 1200));
        assertThat(only("It cost 650 euros")).isEqualTo(new Expected("EUR", 650));
        assertThat(only("overcharged £900")).isEqualTo(new Expected("GBP", 900));
        assertThat(only("RMB 6000 gone")).isEqualTo(new Expected("CNY", 6000));
        assertThat(only("They took usd 750, then nothing")).isEqualTo(new Expected("USD", 750));
        assertThat(only("Refund: HK$6,000.")).isEqualTo(new Expected("HKD", 6000));
    }

    @Test
    void aCurrencyCodeCountsOnlyAsAWordOfItsOwn() {
        assertThat(Amounts.find(ScannedText.of("Order ref ABCUSD 750 and FEUR 600")))
                .isEmpty();
        assertThat(Amounts.find(ScannedText.of("Order 20231145 shipped on 12 May")))
                .isEmpty();
    }

    @Test
    void scaleWordsAndChineseNumeralsAreRead() {
        assertThat(only("损失了5千元")).isEqualTo(new Expected("CNY", 5000));
        assertThat(only("一共1.2万元")).isEqualTo(new Expected("CNY", 12000));
        assertThat(only("多扣了我两万块钱")).isEqualTo(new Expected("CNY", 20000));
        assertThat(only("三千五百元")).isEqualTo(new Expected("CNY", 3500));
        assertThat(only("重复扣了一万二。")).isEqualTo(new Expected("CNY", 12000));
        assertThat(only("我的银行卡被你们租借平台分六笔扣走了一万二。")).isEqualTo(new Expected("CNY", 12000));
        assertThat(Amounts.chineseNumber("三千五")).isEqualTo(3500);
    }

    /** "八千多块" is at least 8000: the "more than" after a number is read as the number itself. */
    @Test
    void aRoundSumWithMoreThanIsReadAsItsNumber() {
        assertThat(only("你们重复扣了我八千多块钱")).isEqualTo(new Expected("CNY", 8000));
        assertThat(only("损失了两万余元")).isEqualTo(new Expected("CNY", 20000));
        assertThat(only("多收了6000多元")).isEqualTo(new Expected("CNY", 6000));
        assertThat(only("骗了我一万二")).isEqualTo(new Expected("CNY", 12000));
        assertThat(only("你们多扣了我们公司账户二十三万。")).isEqualTo(new Expected("CNY", 230000));
        assertThat(only("扣了我银行卡里3000")).isEqualTo(new Expected("CNY", 3000));
        assertThat(only("你们一次性从我卡里划走了一万八")).isEqualTo(new Expected("CNY", 18000));
        assertThat(only("我卡里十二万的理财到期了，钱一直没到账")).isEqualTo(new Expected("CNY", 120000));
        assertThat(only("因为重复扣款，公司账户少了七万二，周五的工资发不出来了。")).isEqualTo(new Expected("CNY", 72000));
        assertThat(only("你们银行冻结了我公司的账户，里面有六十万，周五要给12个员工发工资。")).isEqualTo(new Expected("CNY", 600000));
        assertThat(Amounts.find(ScannedText.of("盒子里面有两万颗豆子，少了一袋")))
                .as("beads, not money")
                .isEmpty();
        assertThat(only("余额两万三，一直提现失败")).isEqualTo(new Expected("CNY", 23000));
        assertThat(only("三周前被重复扣的六千二到现在还没退回来。")).isEqualTo(new Expected("CNY", 6200));
        assertThat(Amounts.chineseNumber("十五")).isEqualTo(15);
    }

    /** A sum with no currency and no verb before it is money when a loss is said of it right after. */
    @Test
    void aSumFollowedByItsLossIsMoney() {
        assertThat(only("我卡里准备交房租的四万二被冻结了")).isEqualTo(new Expected("CNY", 42000));
        assertThat(only("账户里的两万块钱不见了")).isEqualTo(new Expected("CNY", 20000));
        assertThat(only("存的3万都被盗了")).isEqualTo(new Expected("CNY", 30000));
        assertThat(only("理财账户里的二十三万突然显示为零")).isEqualTo(new Expected("CNY", 230000));
        assertThat(only("App显示我的二十万变成了0")).isEqualTo(new Expected("CNY", 200000));
        assertThat(only("储蓄卡里的一万四被分三笔转走了")).isEqualTo(new Expected("CNY", 14000));
        assertThat(only("存了五年的二十三万昨天被分五笔转走了")).isEqualTo(new Expected("CNY", 230000));
        assertThat(only("攒下的八万块被人转走了")).isEqualTo(new Expected("CNY", 80000));
        assertThat(only("余额里的五千块一下子清零了")).isEqualTo(new Expected("CNY", 5000));
        assertThat(Amounts.find(ScannedText.of("三个红点突然显示为零"))).isEmpty();
        assertThat(Amounts.find(ScannedText.of("等了三天，东西没了消息"))).isEmpty();
        assertThat(Amounts.find(ScannedText.of("买了三个，一个不见了"))).isEmpty();
    }

    /**
     * A sum with no currency and no verb before it is money when what it was paid as follows (a fee, a deposit, a
     * payment for building work) or when it was paid in ("交了", "补缴", "花"), its total (一共) or a quote for it (报价).
     */
    @Test
    void aSumFollowedByWhatItWasPaidAsIsMoney() {
        assertThat(only("旅行社收了我们两万八的团费")).isEqualTo(new Expected("CNY", 28000));
        assertThat(only("交了一万二押金")).isEqualTo(new Expected("CNY", 12000));
        assertThat(only("五千的定金一直没退")).isEqualTo(new Expected("CNY", 5000));
        assertThat(only("办了三万八的美容年卡，店突然关门了")).isEqualTo(new Expected("CNY", 38000));
        assertThat(only("买了两万的疗程")).isEqualTo(new Expected("CNY", 20000));
        assertThat(only("我交了三万八的考研全程班，机构说不退")).isEqualTo(new Expected("CNY", 38000));
        assertThat(only("报了两万的英语课")).isEqualTo(new Expected("CNY", 20000));
        assertThat(only("六千的培训费一直没退")).isEqualTo(new Expected("CNY", 6000));
        assertThat(only("我交了八万装修款，装修公司人去楼空")).isEqualTo(new Expected("CNY", 80000));
        assertThat(only("两万的工程款结了一半")).isEqualTo(new Expected("CNY", 20000));
        assertThat(only("税务局让我补缴两万")).isEqualTo(new Expected("CNY", 20000));
        assertThat(only("我花八万拍下的字画，送去鉴定说是印刷品")).isEqualTo(new Expected("CNY", 80000));
        assertThat(only("我的信用卡被重复扣了六个月，一共一万二")).isEqualTo(new Expected("CNY", 12000));
        assertThat(only("修复报价三万二，你们一分钱都不赔")).isEqualTo(new Expected("CNY", 32000));
        assertThat(Amounts.find(ScannedText.of("我们一共三千人参加"))).isEmpty();
        assertThat(Amounts.find(ScannedText.of("买了一束花五枝"))).isEmpty();
        assertThat(Amounts.find(ScannedText.of("交了三次材料都没通过"))).isEmpty();
        assertThat(Amounts.find(ScannedText.of("一万多人报了这个班"))).isEmpty();
        assertThat(Amounts.find(ScannedText.of("办了一张年卡"))).isEmpty();
        assertThat(Amounts.find(ScannedText.of("我们一共三个人的团费"))).isEmpty();
        assertThat(Amounts.find(ScannedText.of("两万多人的旅游团"))).isEmpty();
        // "多" after the numeral: at least that much.
        assertThat(only("平台冻结了我店铺里四万多的货款")).isEqualTo(new Expected("CNY", 40000));
        assertThat(only("卡里的八千多被冻结了")).isEqualTo(new Expected("CNY", 8000));
    }

    /**
     * A sum topped up into an account or a game, given to a streamer, borrowed, what a thing is worth and what a bag or
     * a watch cost are money: "充了两万三", "打赏了四万多", "借了五万", "价值五万多的", "三万二的包"; a number of things
     * bought is not.
     */
    @Test
    void aSumToppedUpOrWhatAThingIsWorthIsMoney() {
        assertThat(only("孩子用我的手机在游戏里充了两万三")).isEqualTo(new Expected("CNY", 23000));
        assertThat(only("孩子偷偷给主播打赏了四万多")).isEqualTo(new Expected("CNY", 40000));
        assertThat(only("有人冒用我的身份借了五万")).isEqualTo(new Expected("CNY", 50000));
        assertThat(Amounts.find(ScannedText.of("给主播打赏了三次都没显示"))).isEmpty();
        assertThat(only("首饰盒里价值五万多的金镯子不见了")).isEqualTo(new Expected("CNY", 50000));
        assertThat(only("专柜买的三万二的包，拿去鉴定说是假的")).isEqualTo(new Expected("CNY", 32000));
        assertThat(Amounts.find(ScannedText.of("充了三次都没成功"))).isEmpty();
        assertThat(Amounts.find(ScannedText.of("买了两万积分的会员"))).isEmpty();
        assertThat(Amounts.find(ScannedText.of("买了一千包纸巾，少了三包"))).isEmpty();
        assertThat(Amounts.find(ScannedText.of("买的2024款手机，想退货"))).isEmpty();
        assertThat(Amounts.find(ScannedText.of("价值两万步的运动积分"))).isEmpty();
        // Whatever was bought: a thousand or ten thousand before 的 and a thing is its price.
        assertThat(only("三万二的种植牙一个月就掉了")).isEqualTo(new Expected("CNY", 32000));
        assertThat(only("交了四万八的储能系统到现在都没装")).isEqualTo(new Expected("CNY", 48000));
        assertThat(Amounts.find(ScannedText.of("我攒了两万的积分，兑换不了"))).isEmpty();
        assertThat(Amounts.find(ScannedText.of("主播有三万的粉丝"))).isEmpty();
    }

    /** "五六千": five or six thousand, read as the least it can be. */
    @Test
    void aRangeReadsAsItsLowerEnd() {
        assertThat(only("前前后后多扣了五六千")).isEqualTo(new Expected("CNY", 5000));
        assertThat(only("损失了七八万块")).isEqualTo(new Expected("CNY", 70000));
        assertThat(Amounts.chineseNumber("一万零五")).isEqualTo(10005);
    }

    /** The same sum taken again and again: the takings after the first are at stake too. */
    @Test
    void aChargeTakenSeveralTimesCountsEachTakingAfterTheFirst() {
        var found =
                Amounts.find(ScannedText.of("You've debited our joint account eleven times for the same £95 order."));
        assertThat(found)
                .extracting(a -> a.value().stripTrailingZeros().longValueExact())
                .containsExactly(95L, 950L);
        assertThat(found.get(1).asWritten()).isEqualTo("£95 × 10 more");
        assertThat(Amounts.find(ScannedText.of("扣了5次，每次300元")))
                .extracting(a -> a.value().stripTrailingZeros().longValueExact())
                .containsExactly(300L, 1200L);
        // Times said of something else, or in another sentence, multiply nothing.
        assertThat(Amounts.find(ScannedText.of("I've asked 10 times about the £95 refund.")))
                .hasSize(1);
        assertThat(Amounts.find(ScannedText.of("You charged me £95. I called three times.")))
                .hasSize(1);
        assertThat(Amounts.find(ScannedText.of("The £600 sofa took three times as long as you said.")))
                .hasSize(1);
    }

    @Test
    void aSumSaidInWordsCountsWithItsCurrency() {
        // As a call's transcript writes it: no digits, no punctuation.
        assertThat(only("you took two thousand four hundred pounds out of my account"))
                .isEqualTo(new Expected("GBP", 2400));
        assertThat(only("that's nearly five thousand quid gone")).isEqualTo(new Expected("GBP", 5000));
        assertThat(only("Fifteen hundred dollars for a fridge that never came")).isEqualTo(new Expected("USD", 1500));
        assertThat(only("a thousand euros and ninety-nine cents")).isEqualTo(new Expected("EUR", 1000));
        assertThat(only("two hundred and fifty thousand yuan")).isEqualTo(new Expected("CNY", 250_000));
        assertThat(Amounts.numberInWords("one million two hundred thousand")).isEqualTo(1_200_000);
    }

    @Test
    void aSumAfterACardUsedOrEachTimeIsMoney() {
        assertThat(only("还有人用我的卡刷了三万二，不是我刷的")).isEqualTo(new Expected("CNY", 32000));
        // Taken twice, 18,000 each time: the second taking counts again.
        assertThat(Amounts.find(ScannedText.of("扣款扣了两次，每次一万八")))
                .extracting(a -> a.value().longValueExact())
                .containsExactly(18000L, 18000L);
        assertThat(Amounts.find(ScannedText.of("每次2小时，刷了两次卡"))).isEmpty();
    }

    @Test
    void numberWordsWithoutACurrencyAreNotMoney() {
        assertThat(Amounts.find(ScannedText.of("i was charged forty nine ninety nine for the subscription")))
                .isEmpty();
        assertThat(Amounts.find(ScannedText.of("a pound of apples and three dozen eggs")))
                .isEmpty();
        assertThat(Amounts.find(ScannedText.of("this is my fourth time and the third pound shop")))
                .isEmpty();
    }

    @Test
    void numbersThatAreNotMoneyAreNot() {
        assertThat(Amounts.find(ScannedText.of("订单号 202611235000，第三次了"))).isEmpty();
        assertThat(Amounts.find(ScannedText.of("I called 5000 times about order 8000")))
                .isEmpty();
        assertThat(Amounts.find(ScannedText.of("被扣了2次，等了3天"))).isEmpty();
        assertThat(Amounts.find(ScannedText.of("快递又晚了两天"))).isEmpty();
        assertThat(Amounts.find(ScannedText.of("卡里有3张优惠券，余额3天后到期"))).isEmpty();
    }

    private static Expected only(String text) {
        var found = Amounts.find(ScannedText.of(text));
        assertThat(found).as(text).hasSize(1);
        return new Expected(
                found.get(0).currency(),
                found.get(0).value().stripTrailingZeros().longValueExact());
    }

    private record Expected(String currency, long value) {}

    @Test
    void aSumInDigitsWithItsScaleInWordsCounts() {
        assertThat(Amounts.find(ScannedText.of("the swindler cheated me of 30 thousand yuan")))
                .singleElement()
                .satisfies(amount -> {
                    assertThat(amount.currency()).isEqualTo("CNY");
                    assertThat(amount.value()).isEqualByComparingTo("30000");
                });
        assertThat(Amounts.find(ScannedText.of("a claim of £2 million")))
                .singleElement()
                .satisfies(amount -> assertThat(amount.value()).isEqualByComparingTo("2000000"));
        assertThat(Amounts.find(ScannedText.of("30 thousandths of a millimetre")))
                .isEmpty();
        assertThat(Amounts.find(ScannedText.of("有人从我的账户中拿走了四千英镑")))
                .as("a currency named in Chinese")
                .singleElement()
                .satisfies(amount -> {
                    assertThat(amount.currency()).isEqualTo("GBP");
                    assertThat(amount.value()).isEqualByComparingTo("4000");
                });
    }
}
