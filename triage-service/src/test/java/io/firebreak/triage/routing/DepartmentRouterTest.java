package io.firebreak.triage.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.platform.test.ShippedProperties;
import io.firebreak.triage.TriageProperties;
import io.firebreak.triage.routing.DepartmentRouter.Responsibility;
import java.util.List;
import org.junit.jupiter.api.Test;

class DepartmentRouterTest {

    private final DepartmentRouter router =
            new DepartmentRouter(ShippedProperties.bind("triage.yml", "firebreak.triage", TriageProperties.class));

    @Test
    void billingWordsGoToBilling() {
        assertThat(router.route("上个月被多扣费了，要求退款").primaryDepartment()).isEqualTo("BILLING");
        assertThat(router.route("I was charged twice and want a refund").primaryDepartment()).isEqualTo("BILLING");
    }

    @Test
    void deliveryWordsGoToLogistics() {
        assertThat(router.route("快递三天都没到").primaryDepartment()).isEqualTo("LOGISTICS");
        assertThat(router.route("The courier left my parcel in the rain").primaryDepartment()).isEqualTo("LOGISTICS");
    }

    @Test
    void qualityWordsGoToProductQuality() {
        assertThat(router.route("用了两天就坏了").primaryDepartment()).isEqualTo("PRODUCT_QUALITY");
        assertThat(router.route("The kettle is broken").primaryDepartment()).isEqualTo("PRODUCT_QUALITY");
    }

    @Test
    void noDepartmentWordGoesToCustomerService() {
        assertThat(router.route("你们的客服态度太差")).isEqualTo(new Responsibility("CUSTOMER_SERVICE", List.of()));
    }

    @Test
    void firstConfiguredDepartmentOwnsAndTheOthersContribute() {
        assertThat(router.route("快递送来的东西坏了，我要退款"))
                .isEqualTo(new Responsibility("BILLING", List.of("LOGISTICS", "PRODUCT_QUALITY")));
    }
}
