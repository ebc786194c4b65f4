package io.firebreak.triage.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firebreak.events.Channel;
import io.firebreak.platform.settings.RejectedSettings;
import io.firebreak.platform.text.Lexicon;
import io.firebreak.platform.text.ScannedText;
import io.firebreak.triage.Shipped;
import io.firebreak.triage.routing.DepartmentRouter.Responsibility;
import java.util.List;
import org.junit.jupiter.api.Test;

class DepartmentRouterTest {

    private final DepartmentRouter router = Shipped.router();

    @Test
    void billingWordsGoToBilling() {
        assertThat(router.route("上个月被多扣费了，要求退款").primaryDepartment()).isEqualTo("BILLING");
        assertThat(router.route("I was charged twice and want a refund").primaryDepartment())
                .isEqualTo("BILLING");
        assertThat(router.route("You've debited our joint account eleven times for the same £95 order.")
                        .primaryDepartment())
                .isEqualTo("BILLING");
        assertThat(router.route("你们重复扣款，我卡里准备交房租的四万二被冻结了。").primaryDepartment()).isEqualTo("BILLING");
    }

    @Test
    void aRefundThatHasNotComeIsBillingsNotAMissingPart() {
        assertThat(router.route("Customer says she has phoned five times about the missing refund.")
                        .primaryDepartment())
                .isEqualTo("BILLING");
        assertThat(router.route("客户称退款一直没到，已经过了两周。").primaryDepartment()).isEqualTo("BILLING");
        assertThat(router.route("The box arrived with the missing screws still missing.")
                        .primaryDepartment())
                .isEqualTo("PRODUCT_QUALITY");
    }

    @Test
    void deliveryWordsGoToLogistics() {
        assertThat(router.route("快递三天都没到").primaryDepartment()).isEqualTo("LOGISTICS");
        assertThat(router.route("The courier left my parcel in the rain").primaryDepartment())
                .isEqualTo("LOGISTICS");
    }

    @Test
    void qualityWordsGoToProductQuality() {
        assertThat(router.route("用了两天就坏了").primaryDepartment()).isEqualTo("PRODUCT_QUALITY");
        assertThat(router.route("The kettle is broken").primaryDepartment()).isEqualTo("PRODUCT_QUALITY");
    }

    @Test
    void anApplianceLeakingGasOrCurrentIsTheProductsToFindNotUnrouted() {
        assertThat(router.route("燃气灶关了以后还是能闻到一股臭鸡蛋味。").primaryDepartment()).isEqualTo("PRODUCT_QUALITY");
        assertThat(router.route("热水器洗澡的时候水有点麻手。").primaryDepartment()).isEqualTo("PRODUCT_QUALITY");
        assertThat(router.route("There's a smell of gas around the hob even when it's off.")
                        .primaryDepartment())
                .isEqualTo("PRODUCT_QUALITY");
    }

    @Test
    void serviceWordsGoToCustomerService() {
        assertThat(router.route("你们的客服态度太差")).isEqualTo(new Responsibility("CUSTOMER_SERVICE", List.of(), true));
    }

    @Test
    void nothingMatchingGoesToTheDefaultTriageQueueUnrouted() {
        Responsibility none = router.route("嗯嗯");

        assertThat(none).isEqualTo(new Responsibility("TRIAGE", List.of(), false));
        assertThat(none.departments()).isEmpty();
    }

    @Test
    void theFirstDepartmentAtFaultOwnsAndWhatIsAskedForContributes() {
        Responsibility r = router.route("快递送来的东西坏了，我要退款");

        assertThat(r)
                .isEqualTo(new Responsibility(
                        "LOGISTICS", List.of("BILLING", "PRODUCT_QUALITY"), true, List.of("BILLING")));
        assertThat(r.departments()).containsExactly("LOGISTICS", "BILLING", "PRODUCT_QUALITY");
        // A refund asked for a defect: the product is at fault, billing pays back.
        assertThat(router.route("The kettle is broken and I want a refund"))
                .isEqualTo(new Responsibility("PRODUCT_QUALITY", List.of("BILLING"), true, List.of("BILLING")));
        assertThat(router.route("电饭煲内胆涂层脱落了，想退货"))
                .isEqualTo(new Responsibility("PRODUCT_QUALITY", List.of("AFTER_SALES"), true, List.of("AFTER_SALES")));
        // Only a remedy named: its department takes it.
        assertThat(router.route("我要退款")).isEqualTo(new Responsibility("BILLING", List.of(), true, List.of("BILLING")));
        // A department at fault and asked of is not only asked of.
        assertThat(router.route("售后师傅上门修了三次还是坏了，我要退货").workOnly()).isEmpty();
    }

    @Test
    void productPrefixRoutesWhenNoPhraseDoesAndContributesWhenOneDoes() {
        assertThat(router.route(ScannedText.of("嗯嗯"), "apl-kettle-9", Channel.PHONE))
                .isEqualTo(new Responsibility("PRODUCT_QUALITY", List.of(), true));
        assertThat(router.route(ScannedText.of("退款还没到"), "APL-KETTLE-9", Channel.PHONE))
                .isEqualTo(new Responsibility("BILLING", List.of("PRODUCT_QUALITY"), true));
    }

    @Test
    void channelRoutesLastAndContributesToTheWorkNotTheFault() {
        assertThat(router.route(ScannedText.of("嗯嗯"), null, Channel.SOCIAL_MEDIA))
                .isEqualTo(new Responsibility("PUBLIC_RELATIONS", List.of(), true, List.of("PUBLIC_RELATIONS")));
        assertThat(router.route(ScannedText.of("快递丢了"), "APL-1", Channel.SOCIAL_MEDIA))
                .isEqualTo(new Responsibility(
                        "LOGISTICS",
                        List.of("PRODUCT_QUALITY", "PUBLIC_RELATIONS"),
                        true,
                        List.of("PUBLIC_RELATIONS")));
    }

    @Test
    void theDepartmentMostOfWhoseFaultTheWordsNameOwnsNotTheFirstInTheTable() {
        // MARKETPLACE stands after TECH_SUPPORT in the table; the words name more of its fault than a website.
        assertThat(router.route("The third-party seller on your website never answers, and the seller has my money.")
                        .primaryDepartment())
                .isEqualTo("MARKETPLACE");
        assertThat(router.route("The app crashed twice and the kettle it controls is broken.")
                        .primaryDepartment())
                .isEqualTo("TECH_SUPPORT");
        // As much of each: the first in the table.
        assertThat(router.route("The kettle is broken and the app won't open.").primaryDepartment())
                .isEqualTo("PRODUCT_QUALITY");
        // Words found by two phrases ("stopped working", "stopped") are one piece of evidence, not two.
        assertThat(router.route("The courier's handheld stopped working, so he couldn't take my signature.")
                        .primaryDepartment())
                .isEqualTo("LOGISTICS");
    }

    @Test
    void thePressTakesInPublicRelationsWhichOwnsOnlyWhatNamesNoFault() {
        assertThat(router.route("已经有记者联系我了，想报道这件事。"))
                .isEqualTo(new Responsibility("PUBLIC_RELATIONS", List.of(), true, List.of("PUBLIC_RELATIONS")));
        assertThat(router.route("The charger melted overnight and a journalist from the local paper has called me."))
                .isEqualTo(new Responsibility(
                        "PRODUCT_QUALITY", List.of("PUBLIC_RELATIONS"), true, List.of("PUBLIC_RELATIONS")));
    }

    @Test
    void aTablesListsAreTheLexiconsAndAListItLacksIsRefusedNamingTheDepartment() {
        RoutingTable named = new RoutingTable(
                "TRIAGE",
                "EXPERTS",
                List.of(
                        RoutingTable.Department.phrases("BILLING", List.of("invoice*")),
                        new RoutingTable.Department("PUBLIC_RELATIONS", null, null, null, List.of("@media"))),
                List.of());

        RoutingTable complete = named.withLexicon(Lexicon.shipped());

        assertThat(complete.departments().get(1).remedies())
                .contains("journalist*", "记者")
                .doesNotContain("@media");
        assertThat(new DepartmentRouter("v", complete)
                        .route("A reporter rang me about it.")
                        .primaryDepartment())
                .isEqualTo("PUBLIC_RELATIONS");

        RoutingTable wrong = new RoutingTable(
                "TRIAGE",
                "EXPERTS",
                List.of(RoutingTable.Department.phrases("BILLING", List.of("invoice*", "@no-such-list"))),
                List.of());
        assertThatThrownBy(() -> wrong.withLexicon(Lexicon.shipped()))
                .isInstanceOfSatisfying(
                        RejectedSettings.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                            assertThat(p.field()).isEqualTo("departments[0].phrases");
                            assertThat(p.toString()).contains("no-such-list");
                        }));
    }

    @Test
    void routerCarriesItsVersion() {
        assertThat(router.version()).isEqualTo(Shipped.ROUTING_VERSION);
    }
}
