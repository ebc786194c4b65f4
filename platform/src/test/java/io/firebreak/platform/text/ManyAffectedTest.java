package io.firebreak.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ManyAffectedTest {

    private static String find(String text) {
        return ManyAffected.find(ScannedText.of(text));
    }

    @Test
    void manyCountedAndWhatHitThemInOneSentence() {
        assertThat(find("我们班三十多个同学同一天都被扣了充电宝赔偿费，可谁都没借过。")).isEqualTo("三十多个同学");
        assertThat(find("我们公司三十多个同事中午都订的你们家盒饭，下午陆续都去了医务室。")).isEqualTo("三十多个同事");
        assertThat(find("培训机构突然跑路，我们两百多个家长交的课时费都没了。")).isEqualTo("两百多个家长");
        assertThat(find("客户反映网络升级后片区约两百户从周五起没有暖气和热水。")).isEqualTo("两百户");
        assertThat(find("Customer reports that about 200 homes in her area have had no heating since Friday."))
                .isEqualTo("200 homes");
        assertThat(find("Hundreds of drivers have been fined because your pay machine was broken all week."))
                .isEqualTo("Hundreds of drivers");
        assertThat(find("Every one of the 40 flats in our block was billed twice this month."))
                .isEqualTo("40 flats");
        assertThat(find("众筹项目的发起人卷款跑了，三千多个支持者的钱都没了。")).isEqualTo("三千多个支持者");
        assertThat(find("The founders have disappeared with the money of over three thousand backers, mine included."))
                .isEqualTo("three thousand backers");
        assertThat(find("Half of our office had rides they never took charged to their cards on Friday night."))
                .isEqualTo("Half of our office");
    }

    @Test
    void aCountAloneOrAHitInAnotherSentenceIsNot() {
        assertThat(find("我们班三十多个同学下周要来参观，能不能安排讲解？")).isNull();
        assertThat(find("我们公司五百人都用你们的套餐，想从下个月开始按部门出账单。")).isNull();
        assertThat(find("你们店门口排了两百多人，我等了一个小时都没买到，能不能线上预约？")).isNull();
        assertThat(find("你们三十多家门店都没货，我跑了三家才买到。")).isNull();
        assertThat(find("Hundreds of happy customers can't be wrong, but my order was late."))
                .isNull();
        assertThat(find("Our company has 300 staff on your plan. The invoice I got was overcharged by £4."))
                .isNull();
        assertThat(find("我们几百个会员都挺喜欢新课程的，就是时间能不能调一下。")).isNull();
        assertThat(
                        find(
                                "Over three thousand backers have their rewards already; mine is the only one that never came."))
                .isNull();
        assertThat(find("我们小区三千多个业主都收到了停水通知。")).isNull();
    }
}
