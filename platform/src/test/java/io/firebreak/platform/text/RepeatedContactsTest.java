package io.firebreak.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RepeatedContactsTest {

    private static String find(String text) {
        return RepeatedContacts.find(ScannedText.of(text));
    }

    @Test
    void theCustomerCountingTheTimesTheyAskedWhateverTheWayAndTheNumber() {
        assertThat(find("I've been on your live chat four times this week about the same £15 charge."))
                .isEqualTo("I've been on your live chat four times");
        assertThat(find("同一笔十五块的扣费，我这周已经找了在线客服四次。")).isEqualTo("找了在线客服四次");
        assertThat(find("Three phone calls and two emails about the double charge, and still no one has sorted it."))
                .isEqualTo("Three phone calls and two emails");
        assertThat(
                        find(
                                "This is the fourth week in a row the water has come late, and I've reported every one of them."))
                .isEqualTo("I've reported every one of them");
        assertThat(find("I told you in September the kiosk prints blank receipts, and it did it again this week."))
                .isEqualTo("I told you in September the kiosk prints blank receipts, and it did it again");
        assertThat(find("卫生间渗水的事，从收房到现在我已经报修五次了。")).isEqualTo("报修五次");
        assertThat(find("这两周我给你们办公室留了四次言，没有一个人回电话。")).isEqualTo("留了四次");
        assertThat(find("燃气公司说三天内上门换表，现在都过去两个星期了，我催了三次。")).isEqualTo("催了三次");
        assertThat(find("在家长群里反映了好几次，老师一直没回复。")).isEqualTo("反映了好几次");
        assertThat(find("相册的事我这是第五封邮件了。")).isEqualTo("这是第五封");
        assertThat(find("已經打咗五次電話。")).isEqualTo("打咗五次");
        assertThat(find("战令没到账这件事我已经提交了六次工单，每次都是复制粘贴的回复。")).isEqualTo("提交了六次工单");
        assertThat(find("我已经email了四次，全部是auto reply。")).isEqualTo("email了四次");
        assertThat(find("This is my sixth ticket about the missing battle pass."))
                .isEqualTo("This is my sixth ticket");
        assertThat(find("this is my 4th msg abt the same refund")).isEqualTo("this is my 4th msg");
        assertThat(find("I've e-mailed your claims team four times since June."))
                .isEqualTo("I've e-mailed your claims team four times");
        assertThat(find("this is my 5th call this month about the wifi")).isEqualTo("this is my 5th call");
        assertThat(find("This is the fourth message I've sent about the refund."))
                .isEqualTo("This is the fourth message");
    }

    @Test
    void anAgentTellingItOfTheCustomer() {
        assertThat(find("Customer says she has now phoned five times about the missing refund."))
                .isEqualTo("she has now phoned five times");
        assertThat(find("Cx has contacted us four times since March about the same overcharge."))
                .isEqualTo("Cx has contacted us four times");
        assertThat(find("Customer has rung about the same bill on three separate occasions."))
                .isEqualTo("Customer has rung about the same bill on three separate occasions");
        assertThat(find("Customer says this is the second engineer visit for the same leak."))
                .isEqualTo("this is the second engineer visit");
        // Without an agent's opening, "she" is someone else.
        assertThat(find("The engineer says she has phoned five times to book a slot."))
                .isNull();
    }

    @Test
    void someoneElseCountingOrCountsOfOtherThingsAreNot() {
        assertThat(find("I got three calls and two emails from your sales team about the upgrade."))
                .isNull();
        assertThat(find("I complained in October about the noise, and thank you, it has been quiet since."))
                .isNull();
        assertThat(find("快递员跑了两趟都没人在家，不好意思，明天我在家。")).isNull();
        assertThat(find("理财经理打电话推销产品太频繁了，一周打了三次。")).isNull();
        // Calls to find someone, not asking again.
        assertThat(find("我在商场门口等车，打了三次电话才找到司机。")).isNull();
        assertThat(find("牙科诊所的前台态度有点冷淡，问了两遍才告诉我怎么报销。")).isNull();
        assertThat(find("充了三次都没成功。")).isNull();
        assertThat(find("昨天的订单我已经在APP里反映了两次，今天送到了，谢谢。")).isNull();
        assertThat(find("My daughter phoned me five times from the airport because the app logged her out."))
                .isNull();
        assertThat(find("The alarm rang three times in the night.")).isNull();
        assertThat(find("This is the second complaint form I've filled in today because the first one timed out."))
                .isNull();
        assertThat(find("i rang twice today but it wasn't about the fridge, i have a question about my bill"))
                .isNull();
        assertThat(find("The third delivery attempt failed.")).isNull();
        assertThat(find("开票系统周五下午很卡，提交了三次才成功。")).isNull();
        assertThat(find("我email了几次问问题，每次都很快回复了，这次想问一下怎么开发票。")).isNull();
        assertThat(find("The landlord and you each say the other should pay for the second visit."))
                .isNull();
    }
}
