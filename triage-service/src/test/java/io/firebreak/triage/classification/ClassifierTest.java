package io.firebreak.triage.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.firebreak.events.ComplaintClass;
import io.firebreak.events.CustomerStage;
import io.firebreak.events.TriageEvents.Reason;
import io.firebreak.platform.text.ScannedText;
import io.firebreak.triage.Shipped;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassifierTest {

    private final Classifier classifier = Shipped.classifier();

    @Test
    void chineseLegalThreatIsMajorWithItsEvidenceAndSentences() {
        Classifier.Result result = classifier.classify("我已经找了律师，准备去法院起诉你们");

        assertThat(result.complaintClass()).isEqualTo(ComplaintClass.MAJOR);
        assertThat(result.reasons()).singleElement().satisfies(r -> {
            assertThat(r.rule()).isEqualTo("legal-action");
            assertThat(r.evidence()).isEqualTo("律师, 起诉, 法院");
            assertThat(r.en()).isEqualTo("The customer threatens legal action (律师, 起诉, 法院).");
            assertThat(r.zh()).isEqualTo("客户提出法律手段（律师, 起诉, 法院）。");
        });
    }

    @Test
    void harmRegulatorMediaMoneyAndManyCustomersEachMakeAComplaintMajor() {
        assertThat(rulesOf("热水器漏电,我老婆洗澡时被电了一下!")).containsExactly("safety-or-health-harm");
        assertThat(rulesOf("孩子用了以后过敏住院了")).containsExactly("safety-or-health-harm");
        assertThat(rulesOf("我要向12315举报")).containsExactly("regulator-or-consumer-body");
        assertThat(rulesOf("I'm forwarding this to the consumer protection agency and my solicitor today."))
                .containsExactly("legal-action", "regulator-or-consumer-body");
        assertThat(rulesOf("我要找媒体曝光你们")).containsExactly("media-exposure");
        assertThat(rulesOf("I paid $1,200 for this laptop and it was dead on arrival"))
                .containsExactly("large-amount-at-stake");
        assertThat(rulesOf("我们小区有几十户都是这个问题")).containsExactly("many-customers-affected");
        // A sum below the line that leaves the customer without rent or food money.
        assertThat(rulesOf("你们一天之内从我卡里扣了两次三千二，我房租都交不上了。")).containsExactly("left-in-hardship");
        assertThat(rulesOf("You took my £300 deposit and kept it, and now I can't pay my rent."))
                .containsExactly("left-in-hardship");
        assertThat(rulesOf("I can pay my rent on the 5th, so please take the payment then."))
                .doesNotContain("left-in-hardship");
    }

    @Test
    void whoIsAtRiskWhatTheyAreWithoutAndForHowLongEachInItsOwnSentenceMakeAComplaintMajor() {
        Classifier.Result en = classifier.classify("My mother is 84 and lives alone. Your engineer disconnected her gas"
                + " supply on Tuesday to replace the meter. She has had no heating or hot water for three days.");
        assertThat(en.complaintClass()).isEqualTo(ComplaintClass.MAJOR);
        assertThat(en.reasons()).singleElement().satisfies(r -> {
            assertThat(r.rule()).isEqualTo("vulnerable-without-essentials");
            assertThat(r.evidence()).isEqualTo("lives alone, mother is … 84 + no heating, disconnected her gas + days");
        });
        assertThat(rulesOf("我爸七十多了，一个人住。你们的师傅前天把气关了，到现在都没人来开。这两天降温，家里一点暖气都没有。"))
                .contains("vulnerable-without-essentials");

        // Not without all three: an elderly customer's everyday matter, an office without heating, a power cut once.
        assertThat(rulesOf("The power cut last week reset our oven clock, and my pregnant wife can't set it again."))
                .doesNotContain("vulnerable-without-essentials");
        assertThat(rulesOf("My mother is 84 and loves your tea; please send her the winter blend."))
                .doesNotContain("vulnerable-without-essentials");
        assertThat(rulesOf("The heating in our office has been off since Monday."))
                .doesNotContain("vulnerable-without-essentials");
        // Negated, it does not fire, and the words are said as not counted.
        Classifier.Result negated = classifier.classify(
                "My dad is 80 and lives alone. He was never without heating: your engineer came the same day.");
        assertThat(negated.reasons()).extracting(Reason::rule).doesNotContain("vulnerable-without-essentials");
        assertThat(negated.discounted())
                .extracting(Classifier.Discounted::rule, Classifier.Discounted::words)
                .contains(tuple("vulnerable-without-essentials", "without heating"));
    }

    @Test
    void aSumIsLargeFromItsCurrencysThreshold() {
        assertThat(classifier.classify("被扣了¥5000").reasons()).singleElement().satisfies(r -> {
            assertThat(r.rule()).isEqualTo("large-amount-at-stake");
            assertThat(r.evidence()).isEqualTo("¥5000 ≥ 5000 CNY");
        });
        assertThat(classifier.classify("被扣了5000元").complaintClass()).isEqualTo(ComplaintClass.MAJOR);
        assertThat(classifier.classify("I was charged $800").complaintClass()).isEqualTo(ComplaintClass.MAJOR);
        assertThat(classifier.classify("被扣了4999元").complaintClass()).isEqualTo(ComplaintClass.ORDINARY);
        assertThat(classifier.classify("I was charged $25").complaintClass()).isEqualTo(ComplaintClass.ORDINARY);
    }

    @Test
    void aPriceIsNotAtStakeButWhatWasChargedBeyondItIs() {
        // Charged £50 over the advertised price: the £50 is at stake, not the camera's price.
        assertThat(classifier
                        .classify("The camera was advertised at £1,200 but I was charged £1,250 at checkout.")
                        .complaintClass())
                .isEqualTo(ComplaintClass.ORDINARY);
        assertThat(classifier.classify("标价1200元，结账却扣了1250元。").complaintClass()).isEqualTo(ComplaintClass.ORDINARY);
        // Beyond the price by a large sum, it is at stake, and the evidence says by how much.
        assertThat(classifier
                        .classify("It was advertised at £1,200 but I was charged £2,400.")
                        .reasons())
                .singleElement()
                .satisfies(r -> assertThat(r.evidence()).isEqualTo("£2,400 − £1,200 ≥ 550 GBP"));
        // With no price beside it, what was charged is at stake as before.
        assertThat(classifier.classify("I was charged £1,250 for nothing.").complaintClass())
                .isEqualTo(ComplaintClass.MAJOR);
    }

    @Test
    void negatedOrWavedAwayPhrasesDoNotFireTheirRule() {
        assertThat(classifier
                        .classify("No injury or anything, the lid of the kettle is just a bit loose.")
                        .complaintClass())
                .isEqualTo(ComplaintClass.ORDINARY);
        assertThat(classifier
                        .classify("It's not a safety problem, the light is off.")
                        .complaintClass())
                .isEqualTo(ComplaintClass.ORDINARY);
        assertThat(classifier.classify("我不打算找律师，只想退款").complaintClass()).isEqualTo(ComplaintClass.ORDINARY);
        assertThat(classifier.classify("There's no need to escalate this").complaintClass())
                .isEqualTo(ComplaintClass.ORDINARY);
        assertThat(classifier.classify("没有受伤，就是盖子松了").complaintClass()).isEqualTo(ComplaintClass.ORDINARY);
    }

    @Test
    void ordinaryComplaintSaysWhatWasNegated() {
        Classifier.Result result = classifier.classify("没有受伤，就是盖子松了");

        assertThat(result.reasons()).singleElement().satisfies(r -> {
            assertThat(r.rule()).isEqualTo(Classifier.NO_RULE_FIRED);
            assertThat(r.evidence()).contains(result.ruleSetVersion()).contains("not counted: 受伤 (negated: 没有)");
        });
    }

    @Test
    void aNegationReachesOnlyItsOwnClause() {
        assertThat(rulesOf("孩子被烫伤了，但我不打算起诉，只想要个说法。")).containsExactly("safety-or-health-harm");
        assertThat(rulesOf("没有人受伤，但是燃气灶漏气了，很危险。")).containsExactly("safety-or-health-harm");
    }

    @Test
    void repeatContactIsEscalatedFromTheTextOrFromHistoryAlone() {
        assertThat(rulesOf("这已经是我第二次反映空调不制冷了,上次的维修根本没用。")).containsExactly("repeat-contact");
        assertThat(rulesOf("This is the third time I'm asking")).containsExactly("repeat-contact");

        Classifier.Result fromHistory =
                classifier.classify(new Facts(ScannedText.of("电视还是黑屏。"), List.of("c-7", "c-9"), null, null));

        assertThat(fromHistory.complaintClass()).isEqualTo(ComplaintClass.ESCALATED);
        assertThat(fromHistory.reasons()).singleElement().satisfies(r -> {
            assertThat(r.rule()).isEqualTo("repeat-contact");
            assertThat(r.evidence()).isEqualTo("2 earlier complaints on the same matter: c-7, c-9");
        });
    }

    /** The customer counting the times they asked, in words no phrase lists: the count is the evidence. */
    @Test
    void contactsTheCustomerCountsAreARepeatContact() {
        Classifier.Result counted = classifier.classify("为了这张发票我已经咨询了六次，还是开不出来。");

        assertThat(counted.complaintClass()).isEqualTo(ComplaintClass.ESCALATED);
        assertThat(counted.reasons())
                .extracting(Reason::rule, Reason::evidence)
                .containsExactly(tuple("repeat-contact", "咨询了六次 (the times asked, counted)"));
        assertThat(classifier
                        .classify("I've rung the alterations counter four times and it's still not ready.")
                        .complaintClass())
                .isEqualTo(ComplaintClass.ESCALATED);
        assertThat(classifier.classify("快递员跑了两趟都没人在家，明天我在家。").complaintClass()).isEqualTo(ComplaintClass.ORDINARY);
    }

    /** Many counted, and hit, in words no phrase lists: the count is the evidence. */
    @Test
    void manyCountedAndHitAreManyCustomersAffected() {
        Classifier.Result counted = classifier.classify("我们车友群里二十多个车主的车都趴窝了。");

        assertThat(counted.complaintClass()).isEqualTo(ComplaintClass.MAJOR);
        assertThat(counted.reasons())
                .extracting(Reason::rule, Reason::evidence)
                .contains(tuple("many-customers-affected", "二十多个车主 (counted, and hit)"));
        assertThat(classifier.classify("我们公司五百人都用你们的套餐，想从下个月开始按部门出账单。").complaintClass())
                .isEqualTo(ComplaintClass.ORDINARY);
    }

    /**
     * The three structures of a difficult complaint, in words no phrase lists: an account denied, a demand out of
     * proportion, terms silent on the case.
     */
    @Test
    void disputedAccountsDemandsOutOfProportionAndSilentTermsAreDifficult() {
        assertThat(classifier.classify("保洁记录上写我家阳台擦过了，可我那天拍的照片上阳台还是灰。").reasons())
                .extracting(Reason::rule, Reason::evidence)
                .containsExactly(tuple("facts-in-dispute", "记录上写我家阳台擦过了,可我那天拍的照片上阳台还是 (an account, denied)"));
        assertThat(classifier.classify("阳台晚擦了三天，我要求退还整季的保洁费。").reasons())
                .extracting(Reason::rule, Reason::evidence)
                .containsExactly(tuple("demands-beyond-policy", "晚擦了三天,我要求退还整季 (one fault, the whole demanded)"));
        assertThat(classifier.classify("你们的保洁协议里没提阳台算不算在面积里。").reasons())
                .extracting(Reason::rule, Reason::evidence)
                .containsExactly(tuple("no-policy-covers-it", "协议里没提阳台算不算 (the terms silent)"));
        assertThat(classifier
                        .classify("Your cleaning log says I cancelled the Tuesday visit; I never cancelled anything.")
                        .complaintClass())
                .isEqualTo(ComplaintClass.DIFFICULT);
        assertThat(classifier
                        .classify("One window was missed, so I expect a year of cleaning for free.")
                        .complaintClass())
                .isEqualTo(ComplaintClass.DIFFICULT);
        assertThat(classifier
                        .classify("The cleaning plan doesn't say whether a balcony counts as a room.")
                        .complaintClass())
                .isEqualTo(ComplaintClass.DIFFICULT);
        assertThat(classifier.classify("保洁阿姨说下周三来擦阳台，可我想改到周四，麻烦帮忙调一下。").complaintClass())
                .isEqualTo(ComplaintClass.ORDINARY);
        assertThat(classifier
                        .classify("One window was missed, so I'd like it done on the next visit.")
                        .complaintClass())
                .isEqualTo(ComplaintClass.ORDINARY);
    }

    /** Another person's details shown, in words no phrase lists: personal data exposed, a MAJOR complaint. */
    @Test
    void anotherPersonsDetailsShownArePersonalDataExposed() {
        Classifier.Result shown = classifier.classify("体检中心寄来的报告里夹着别人的病历和身份证复印件。");

        assertThat(shown.complaintClass()).isEqualTo(ComplaintClass.MAJOR);
        assertThat(shown.reasons())
                .extracting(Reason::rule, Reason::evidence)
                .contains(tuple("personal-data-exposed", "别人的病历 (someone's details, shown)"));
        assertThat(classifier.classify("体检中心把别人的快递寄到我家了，上面有他的电话。").complaintClass())
                .isEqualTo(ComplaintClass.ORDINARY);
    }

    /** A part of someone's body and what happened to it, in words no phrase lists: harm to health, MAJOR. */
    @Test
    void aBodyHurtInWordsNoPhraseListsIsHarm() {
        Classifier.Result hurt = classifier.classify("骑马体验的时候马鞍松了，我女儿膝盖上全是淤青。");

        assertThat(hurt.complaintClass()).isEqualTo(ComplaintClass.MAJOR);
        assertThat(hurt.reasons())
                .extracting(Reason::rule, Reason::evidence)
                .contains(tuple("safety-or-health-harm", "膝盖上全是淤青 (a body, hurt)"));
        assertThat(classifier.classify("骑马体验的马鞍松了，我女儿的马裤膝盖上磨了个洞。").complaintClass())
                .isEqualTo(ComplaintClass.ORDINARY);
    }

    /** A complaint taken to a public body no phrase names: a regulator, MAJOR. */
    @Test
    void aComplaintTakenToABodyNoPhraseNamesIsARegulator() {
        Classifier.Result told = classifier.classify("我已经向文化市场综合执法局举报了你们的剧本杀店。");

        assertThat(told.complaintClass()).isEqualTo(ComplaintClass.MAJOR);
        assertThat(told.reasons())
                .extracting(Reason::rule, Reason::evidence)
                .contains(tuple("regulator-or-consumer-body", "向文化市场综合执法局举报 (taken to an authority)"));
        assertThat(classifier.classify("门票背面写着有问题可向文化市场综合执法局举报，我就想问问几点开门。").complaintClass())
                .isEqualTo(ComplaintClass.ORDINARY);
    }

    /** The customer's money moved out of their account without them, in words no phrase lists: MAJOR. */
    @Test
    void moneyMovedOutWithoutTheCustomerIsMajor() {
        Classifier.Result taken = classifier.classify("我公积金账户里的八百块被分两笔转走了，我一笔都没操作过。");

        assertThat(taken.complaintClass()).isEqualTo(ComplaintClass.MAJOR);
        assertThat(taken.reasons()).extracting(Reason::rule).contains("money-taken-without-consent");
        assertThat(classifier.classify("我从公积金账户里转走了八百块，到账慢了两天。").complaintClass())
                .isEqualTo(ComplaintClass.ORDINARY);
    }

    /** A place the customer may go, offered by a notice or an agent, is no step taken; going there is. */
    @Test
    void aRegulatorOfferedIsNoStepTaken() {
        assertThat(classifier.classify("包装盒上写着如有质量问题可向当地消费者协会投诉，我就想问问保修期是多久。").complaintClass())
                .isEqualTo(ComplaintClass.ORDINARY);
        assertThat(classifier
                        .classify("The letter says you can complain to the ombudsman; I just want my meter read.")
                        .complaintClass())
                .isEqualTo(ComplaintClass.ORDINARY);
        assertThat(classifier.classify("我已经向当地消费者协会投诉了。").complaintClass()).isEqualTo(ComplaintClass.MAJOR);
        assertThat(classifier.classify("I've complained to the ombudsman.").complaintClass())
                .isEqualTo(ComplaintClass.MAJOR);
    }

    @Test
    void againInPassingIsNoRepeatContact() {
        assertThat(classifier.classify("气死我了!!!快递又晚了两天!!!").complaintClass()).isEqualTo(ComplaintClass.ORDINARY);
        assertThat(classifier
                        .classify(new Facts(ScannedText.of("快递又晚了"), List.of(), null, null))
                        .complaintClass())
                .isEqualTo(ComplaintClass.ORDINARY);
    }

    @Test
    void askingForASuperiorIsEscalatedInEitherLanguage() {
        assertThat(rulesOf("Put me through to someone senior, I'm done with the front line."))
                .containsExactly("asks-for-superior");
        assertThat(classifier.classify("叫你们经理出来").complaintClass()).isEqualTo(ComplaintClass.ESCALATED);
        assertThat(classifier.classify("我要投诉你们").complaintClass()).isEqualTo(ComplaintClass.ESCALATED);
    }

    @Test
    void theEscalatedStageIsEscalated() {
        assertThat(classifier
                        .classify(new Facts(ScannedText.of(""), null, CustomerStage.ESCALATED_COMPLAINT, null))
                        .complaintClass())
                .isEqualTo(ComplaintClass.ESCALATED);
        assertThat(classifier
                        .classify(new Facts(ScannedText.of(""), null, CustomerStage.COMPLAINT, null))
                        .complaintClass())
                .isEqualTo(ComplaintClass.ORDINARY);
    }

    @Test
    void bouncedResponsibilityIsDifficultButAComplaintNoDepartmentTakesIsNot() {
        assertThat(rulesOf("商家说是平台的问题,平台说是商家的问题,到底找谁?")).containsExactly("responsibility-unclear");
        assertThat(rulesOf("The refund was approved by one team and reversed by another; nobody can tell me "
                        + "which decision stands."))
                .containsExactly("responsibility-unclear");
        // Two parties no phrase names, each naming the other in what it said.
        assertThat(classifier.classify("核保部说免赔额是理赔部设错的，理赔部说这是核保部的事。").reasons())
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.rule()).isEqualTo("responsibility-unclear");
                    assertThat(r.evidence()).isEqualTo("核保部说…理赔部说 (each names the other)");
                });
        // Two who both speak, neither pointing at the other, are not a complaint bounced between them.
        assertThat(rulesOf("店员说明天到货，客服中心说也是明天，我就是想问能不能送到家。")).doesNotContain("responsibility-unclear");

        // No department's words found says nothing about the complaint: the triage queue reads it (routing).
        Classifier.Result unrouted = classifier.classify(new Facts(ScannedText.of("嗯"), null, null, List.of()));

        assertThat(unrouted.complaintClass()).isEqualTo(ComplaintClass.ORDINARY);
        assertThat(unrouted.reasons()).extracting(Reason::rule).containsExactly(Classifier.NO_RULE_FIRED);
    }

    @Test
    void manyDepartmentsNoPolicyDisputedFactsAndExcessiveDemandsAreDifficult() {
        assertThat(classifier
                        .classify(new Facts(
                                ScannedText.of("x"),
                                null,
                                null,
                                List.of("BILLING", "LOGISTICS", "PRODUCT_QUALITY", "AFTER_SALES")))
                        .reasons())
                .extracting(Reason::rule)
                .containsExactly("several-departments");
        assertThat(classifier
                        .classify(new Facts(
                                ScannedText.of("x"), null, null, List.of("BILLING", "LOGISTICS", "PRODUCT_QUALITY")))
                        .complaintClass())
                .isEqualTo(ComplaintClass.ORDINARY);
        // A department named only by a remedy asked for (a reship, a refund) takes part in the work, not in the fault.
        assertThat(classifier
                        .classify(new Facts(
                                ScannedText.of("x"),
                                null,
                                null,
                                List.of("LOGISTICS", "PRODUCT_QUALITY", "AFTER_SALES", "CUSTOMER_SERVICE"),
                                List.of("AFTER_SALES")))
                        .complaintClass())
                .isEqualTo(ComplaintClass.ORDINARY);
        assertThat(rulesOf("你们的规定里根本没有这种情况")).containsExactly("no-policy-covers-it");
        assertThat(rulesOf("监控显示是你们的人弄坏的，可你们不承认。")).containsExactly("facts-in-dispute");
        assertThat(rulesOf("我要求十倍赔偿")).containsExactly("demands-beyond-policy");
    }

    @Test
    void mostSevereClassWinsAndEveryRuleThatFiredIsKept() {
        Classifier.Result result = classifier.classify("叫你们领导来！不然我就请律师，还要找记者曝光，再打12315，这是第三次了，你们互相推诿");

        assertThat(result.complaintClass()).isEqualTo(ComplaintClass.MAJOR);
        assertThat(result.reasons())
                .extracting(Reason::rule, Reason::evidence)
                .containsExactly(
                        tuple("legal-action", "律师"),
                        tuple("regulator-or-consumer-body", "12315"),
                        tuple("media-exposure", "曝光, 记者"),
                        tuple("repeat-contact", "第三次"),
                        tuple("asks-for-superior", "领导"),
                        tuple("responsibility-unclear", "互相推诿"));
        assertThat(result.fired())
                .extracting(Classifier.Fired::complaintClass)
                .containsExactly(
                        ComplaintClass.MAJOR,
                        ComplaintClass.MAJOR,
                        ComplaintClass.MAJOR,
                        ComplaintClass.ESCALATED,
                        ComplaintClass.ESCALATED,
                        ComplaintClass.DIFFICULT);
    }

    @Test
    void escalatedBeatsDifficultInATie() {
        assertThat(classifier.classify("我又打了第四次电话，你们还是推来推去，没人负责。").complaintClass())
                .isEqualTo(ComplaintClass.ESCALATED);
    }

    @Test
    void aSumAtStakeBelowTheThresholdIsWeighedNotIgnored() {
        // The amount rule judged the money and found it small: the rules did find something in these words.
        Classifier.Result small = classifier.classify("你们从我卡里扣了三千四，那个行程我早就按时取消了。");
        assertThat(small.complaintClass()).isEqualTo(ComplaintClass.ORDINARY);
        assertThat(small.weighed()).containsExactly("三千四 < 5000 CNY");
        assertThat(small.foundNothing()).isFalse();

        Classifier.Result none = classifier.classify("The parcel arrived a day late, please check the issue.");
        assertThat(none.weighed()).isEmpty();
        assertThat(none.foundNothing()).isTrue();
        // A small price is not at stake, so not weighed either.
        assertThat(classifier.classify("The TV is listed at £499 on your site.").weighed())
                .isEmpty();
    }

    @Test
    void aLargeSumFoundButNotAtStakeIsWeighedToo() {
        // Money the customer moved, a price, a spend: the rules judged it, and the class stays theirs.
        Classifier.Result moved = classifier.classify(
                "I moved £8,000 out of my account into savings last week; when will the interest show?");
        assertThat(moved.complaintClass()).isEqualTo(ComplaintClass.ORDINARY);
        assertThat(moved.weighed()).containsExactly("£8,000 ≥ 550 GBP, not at stake");
        assertThat(moved.foundNothing()).isFalse();
        assertThat(classifier
                        .classify("The sofa is listed at £1,200 and a cushion is loose.")
                        .weighed())
                .containsExactly("£1,200 ≥ 550 GBP, not at stake");
        // A sum paid is a spend unless the sentence says what went wrong with it.
        Classifier.Result spent =
                classifier.classify("I paid £6,000 for the annual membership and the card has my name misspelt.");
        assertThat(spent.complaintClass()).isEqualTo(ComplaintClass.ORDINARY);
        assertThat(spent.weighed()).containsExactly("£6,000 ≥ 550 GBP, not at stake");
        assertThat(classifier.classify("我付了六千块的年费，会员卡上的名字印错了一个字。").complaintClass())
                .isEqualTo(ComplaintClass.ORDINARY);
        assertThat(classifier.classify("我付了六千块的年费，卡到现在都没收到。").complaintClass()).isEqualTo(ComplaintClass.MAJOR);
        // At stake and large, it fires instead, and nothing is left weighed.
        Classifier.Result charged = classifier.classify("You charged my card £1,200 twice.");
        assertThat(charged.complaintClass()).isEqualTo(ComplaintClass.MAJOR);
        assertThat(charged.weighed()).isEmpty();
    }

    @Test
    void noRuleFiringIsOrdinaryAndSaysSoInBothLanguages() {
        Classifier.Result result = classifier.classify("The parcel arrived a day late, please check the issue.");

        assertThat(result.complaintClass()).isEqualTo(ComplaintClass.ORDINARY);
        assertThat(result.noneFired()).isTrue();
        assertThat(result.reasons()).singleElement().satisfies(r -> {
            assertThat(r.rule()).isEqualTo(Classifier.NO_RULE_FIRED);
            assertThat(r.evidence()).contains(result.ruleSetVersion());
            assertThat(r.en()).isNotBlank();
            assertThat(r.zh()).isNotBlank();
        });
    }

    @Test
    void decisionCarriesTheRuleSetVersion() {
        assertThat(classifier.classify("anything").ruleSetVersion())
                .isEqualTo(Shipped.RULES_VERSION)
                .isEqualTo(classifier.version());
    }

    @Test
    void rulesComeFromTheRuleSetIncludingOtherClassesAndDefaultSentences() {
        RuleSet custom = new RuleSet(
                Shipped.properties().classification().negation(),
                List.of(
                        RuleSet.Rule.phrases("no-policy", ComplaintClass.DIFFICULT, List.of("no policy", "没有规定")),
                        RuleSet.Rule.phrases("repeat", ComplaintClass.ESCALATED, List.of("again", "又一次"))),
                null);
        Classifier configured = new Classifier("custom-1", custom);

        Classifier.Result result = configured.classify("又一次！你们说没有规定？");

        assertThat(result.complaintClass()).isEqualTo(ComplaintClass.ESCALATED);
        assertThat(result.reasons())
                .extracting(Reason::rule, Reason::evidence)
                .containsExactly(tuple("no-policy", "没有规定"), tuple("repeat", "又一次"));
        assertThat(result.reasons().get(1).en()).isEqualTo("Rule repeat fired: 又一次.");
        assertThat(result.ruleSetVersion()).isEqualTo("custom-1");
        assertThat(configured.classify("I want to sue").complaintClass()).isEqualTo(ComplaintClass.ORDINARY);
    }

    private List<String> rulesOf(String text) {
        return classifier.classify(text).reasons().stream().map(Reason::rule).toList();
    }
}
