package io.firebreak.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemandsOutOfProportionTest {

    private static String find(String text) {
        return DemandsOutOfProportion.find(ScannedText.of(text));
    }

    @Test
    void theWholeDemandedForOneSmallFault() {
        assertThat(find("The machine kept my 50p, so I want free snacks for the rest of the term for my whole office."))
                .isNotNull();
        assertThat(find("Because the kiosk was slow, I'm asking for my train season ticket to be refunded in full."))
                .isNotNull();
        assertThat(
                        find(
                                "One bottle had a scuffed label, so I expect you to replace the water cooler with a new model."))
                .isNotNull();
        assertThat(find("售货机吞了我一块钱，我要求你们给我们全公司免费供应一个月零食。")).isNotNull();
        assertThat(find("自助机出票慢了几分钟，我要求你们把我的月票钱全退了。")).isNotNull();
        assertThat(find("水桶的把手断了一个，我要你们赔我一台新的饮水机。")).isNotNull();
        assertThat(find("就因为少了一张照片，我们要求退全部拍摄费，再免费拍一套周年照。")).isEqualTo("就因为少了一张照片,我们要求退全部");
        assertThat(find("取消了一节动感单车课，我要求免费送一年会籍。")).isEqualTo("取消了一节动感单车课,我要求免费送一年");
        assertThat(find("空调最后一个小时坏了，四天的租金要全部退给我，再送我一周免费用车。")).isEqualTo("最后一个小时坏了,四天的租金要全部");
        assertThat(find(
                        "The air conditioning stopped working for the last hour of a four-day hire, and I want the whole"
                                + " rental refunded plus a free week."))
                .isEqualTo("for the last hour of a four-day hire, and I want the whole");
        assertThat(find("蛋糕晚到了二十分钟，我们要求退还整个婚礼套餐费用。")).startsWith("晚到了二十分钟");
        assertThat(find("One chipped tile on the kitchen floor, so I want you to pay for a whole new floor."))
                .isEqualTo("One chipped tile on the kitchen floor, so I want you to pay for a whole");
        assertThat(find("The install was a week late, so I expect the whole system for free."))
                .isEqualTo("a week late, so I expect the whole");
        assertThat(find("I want the whole loan written off because one statement was late."))
                .isEqualTo("I want the whole loan written off because one");
        assertThat(find("就因为包上有一处小划痕，我要求你们退全款再赔我一个新包。")).isEqualTo("就因为包上有一处小划痕,我要求你们退全款");
        assertThat(find("One stitch on the bag was loose, so I want the full price back and a second bag free."))
                .isEqualTo("One stitch on the bag was loose, so I want the full price back and a second bag free");
        assertThat(find("One box arrived a day late, so I expect a full year's subscription free."))
                .isEqualTo("One box arrived a day late, so I expect a full year's");
    }

    @Test
    void whatTheFaultCostOrAPoliteRequestIsNot() {
        assertThat(find("The machine kept my 50p; could I have it back, please?"))
                .isNull();
        assertThat(find("The sofa arrived with a broken frame, so I'm asking for it to be refunded in full."))
                .isNull();
        assertThat(find("售货机吞了我一块钱，麻烦退给我。")).isNull();
        assertThat(find("快递晚了一天，我要求退还运费。")).isNull();
        assertThat(find("就一个杯子碎了，麻烦补发一个就行。")).isNull();
        assertThat(find("我买的一整套餐具里有一个盘子裂了，我要求把这个盘子换成新的。")).isNull();
        assertThat(find("One of the two lamps arrived broken, so I want a replacement for that one lamp."))
                .isNull();
        assertThat(find("The delivery was one day late, so I'd like the whole delivery fee back."))
                .isNull();
    }
}
