package io.firebreak.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisputedAccountsTest {

    private static String find(String text) {
        return DisputedAccounts.find(ScannedText.of(text));
    }

    @Test
    void anAccountOfWhatTheCustomerDidDeniedWithWhatWasSo() {
        assertThat(
                        find(
                                "You charged me for a locker for five days, but I collected the parcel the morning after it arrived."))
                .isEqualTo("charged me for a locker for five days, but I collected");
        assertThat(find("You've billed me for 900 litres, but the gauge on my tank showed it took less than 600."))
                .isEqualTo("billed me for 900 litres, but the gauge on my tank showed");
        assertThat(find("你们扣了我五天的超时费，可我第二天一早就把快递取走了。")).isNotNull();
        assertThat(find("账单上写加了800升油，可我油箱的表显示最多只加了五百多升。")).isNotNull();
        assertThat(find("系统说我的充电宝没归还，可我还的时候机柜显示归还成功，我还拍了照。")).isNotNull();
        assertThat(find("租赁记录上写我还的雪板有损坏，可我还的时候拍了照片，好好的。")).startsWith("记录上写我").endsWith("好好的");
        assertThat(find("你们系统说我还车时少了半箱油，我还车前两分钟在加油站加满的小票还在。")).endsWith("小票还在");
        assertThat(find("司机说我把座椅弄脏了，要我赔200元清洁费，可我下车时座椅是干净的。")).startsWith("说我把座椅");
        assertThat(find("你们系统显示我上了三十节课，我实际只上了十八节，有签到表。")).contains("我实际只");
        assertThat(find("你们的报告说门是在师傅到之前就被撬过的，其实没有，邻居亲眼看着你们的人钻开的。")).endsWith("其实没");
        assertThat(find("回收质检说我手机屏幕有裂痕，可我寄出前拍的照片上屏幕完好。")).endsWith("完好");
        assertThat(find("典当行说当票丢了就不能赎，可当票是在你们店里被工作人员弄丢的。")).endsWith("可当票是在你们");
        assertThat(find("买家说收到的表是假的要退货，可我寄出去的是专柜买的真表。")).endsWith("可我寄出去的是");
        assertThat(find("你们说白蚁是我们家具带进来的，可家具都是新买的，才搬进来一个月。")).startsWith("说白蚁是我们");
        assertThat(
                        find(
                                "You say the flue was already cracked when your sweep arrived; our inspection a month before shows it sound."))
                .endsWith("our inspection a month before shows");
        assertThat(find("Your records say I attended all ten driving lessons; I only went to six."))
                .isEqualTo("say I attended all ten driving lessons; I only");
        assertThat(
                        find(
                                "The boarding kennel says my dog arrived with the skin condition; I have photos from that morning."))
                .endsWith("I have photos");
        assertThat(
                        find(
                                "Your camera says my car was in the bus lane at 8:02, but my dashcam shows it two streets away."))
                .endsWith("my dashcam shows");
        assertThat(
                        find(
                                "You say the frame cracked because I crashed it, but I've never crashed and the crack is at a weld."))
                .startsWith("say the frame cracked because I crashed it");
        assertThat(find("Your timesheet says I worked 28 hours that week; I worked 41 and have the gate records."))
                .isEqualTo("says I worked 28 hours that week;");
    }

    @Test
    void aPromiseNotKeptALabelOrAnAccountTheCustomerAgreesWithIsNot() {
        assertThat(find("You charged me for five nights, but I thought the fifth was free with the offer?"))
                .isNull();
        assertThat(find("你们扣了我五天的费用，可我想问一下怎么开发票。")).isNull();
        assertThat(find("You said the parcel would come on Monday, but I only got it on Friday."))
                .isNull();
        assertThat(find("The label says machine washable, but I only washed it once and it shrank."))
                .isNull();
        assertThat(
                        find(
                                "Your engineer says the boiler needs a new valve; I have never had a problem with it, so book him in."))
                .isNull();
        assertThat(
                        find(
                                "Your app says \"Your account has been frozen for security reasons.\" I only changed my number."))
                .isNull();
        assertThat(find("Your records say I ordered two, and that's right; please send the second one."))
                .isNull();
        assertThat(find("Records say I missed an appointment last year, which I did — I just want to book a new one."))
                .isNull();
        assertThat(find("你们说三天到货，可到现在还没到。")).isNull();
        assertThat(find("客服说发的是红色的，可我收到的是蓝色的。")).isNull();
        assertThat(find("客服说退款已经发了，可我到现在还没收到。")).isNull();
        assertThat(find("买的狗零食，包装上写12根，实际只有10根。")).isNull();
        assertThat(find("你们说是我填错了地址，可我看了一下订单，确实是我填错了，麻烦改一下。")).isNull();
        assertThat(find("社区说疫苗周三到，公司说周四送，其实哪天都行，就是想确认一下。")).isNull();
    }
}
