package io.firebreak.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SilentPoliciesTest {

    private static String find(String text) {
        return SilentPolicies.find(ScannedText.of(text));
    }

    @Test
    void theTermsSilentOnWhetherTheCaseIsCovered() {
        assertThat(find("Nothing on your site says what happens to a parcel left in the locker past its seven days."))
                .isEqualTo("Nothing on your site says what happens");
        assertThat(
                        find(
                                "Can my neighbour collect my parcel with my code? Nobody I've asked seems to know whether that's allowed."))
                .isEqualTo("Nobody I've asked seems to know whether that's allowed");
        assertThat(find("我用的是手摇车适配器，条款里没写能不能装在共享单车上。")).isEqualTo("条款里没写能不能");
        assertThat(find("电动滑板车在楼道里被偷了，家财险的条款里既没说保也没说不保。")).isEqualTo("条款里既没说保也没说");
        assertThat(find("我妈生前在你们这充的卡还有余额，你们说没有继承的规定，不能退。")).isEqualTo("没有继承的规定");
        assertThat(find("墓园没人能说清规定允不允许。")).isEqualTo("没人能说清规定");
        assertThat(find("因为封路我只能把车还到隔壁城市的门店，异地还车费要不要收，没人说得清。")).isEqualTo("要不要收,没人说得清");
        assertThat(find("My dental plan doesn't say whether a sports mouth guard counts as treatment."))
                .isEqualTo("plan doesn't say whether a sports mouth guard counts as");
        assertThat(find("My e-scooter was stolen, and your home policy neither covers nor excludes e-scooters."))
                .isEqualTo("policy neither covers nor excludes");
        assertThat(find("Nobody at the studio can tell me whether a cover-up comes under your guarantee."))
                .isEqualTo("Nobody at the studio can tell me whether a cover-up comes under");
        assertThat(find("你们的规定里没写衣服放超过九十天会怎么处理。")).isEqualTo("规定里没写衣服放超过九十天会怎么");
        assertThat(find("我买的果树苗是送给外地亲戚的，活不了怎么算，你们的规定里没写。")).isEqualTo("怎么算,你们的规定里没写");
        assertThat(find("公司替我交的月卡，没人能告诉我家属周末能不能用。")).isEqualTo("没人能告诉我家属周末能不能");
        assertThat(find("房子没法住的那一周，酒店钱你们得报，虽然合同里没写。")).isEqualTo("虽然合同里没写");
        assertThat(
                        find(
                                "My late father's parking permit is still being charged, and nobody can tell me who can cancel it."))
                .isEqualTo("nobody can tell me who can");
        assertThat(
                        find(
                                "My late husband held the seasonal pitch, and nobody at the park can say whether it passes to me."))
                .isEqualTo("nobody at the park can say whether it passes to");
    }

    @Test
    void aQuestionForInformationIsNot() {
        assertThat(find("Nobody can tell me whether my parcel has been sent.")).isNull();
        assertThat(find("The warranty doesn't say whether I need to keep the box; could you tell me?"))
                .isNull();
        assertThat(find("Your terms don't say whether the discount code works on sale items; does it?"))
                .isNull();
        assertThat(find("条款里没写退款几天到账，能告诉我吗？")).isNull();
        assertThat(find("没人能说清楚快递什么时候到。")).isNull();
        assertThat(find("套餐里没写能不能改期，麻烦问一下可以改吗？")).isNull();
    }
}
