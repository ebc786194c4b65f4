package io.firebreak.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExposedDataTest {

    private static String find(String text) {
        return ExposedData.find(ScannedText.of(text));
    }

    @Test
    void anotherPersonsDetailsShownOrTheCustomersGivenAway() {
        assertThat(find("我收到的续保通知上是别人的身份证号和病历。")).isEqualTo("别人的身份证");
        assertThat(find("我登录你们APP，看到的居然是别人的订单，有姓名、电话、住址。")).isEqualTo("别人的订单,有姓名");
        assertThat(find("你们把我的身份证、银行卡照片和体检报告发到了别人的邮箱里。")).isEqualTo("我的身份证、银行卡照片和体检报告发到了别人");
        assertThat(find("Your renewal letter showed another customer's name, date of birth and medical history."))
                .isEqualTo("another customer's name");
        assertThat(find("I opened three strangers' invoices with their names and addresses by accident."))
                .isEqualTo("strangers' invoices");
        assertThat(find("Your branch gave my new address to my ex-husband."))
                .isEqualTo("my new address to my ex-husband");
        assertThat(find("你们营业厅把我的新住址告诉了我前夫。")).isEqualTo("我的新住址告诉了我前夫");
        assertThat(find("Your clinic sent my medical records to the wrong person."))
                .isEqualTo("my medical records to the wrong person");
    }

    @Test
    void aParcelAtTheWrongDoorOrAnOrdinaryRequestIsNot() {
        assertThat(find("我收到了别人的快递，上面有别人的姓名和电话，已经交给快递员带回去了。")).isNull();
        assertThat(find("I received someone else's parcel with their name and phone number on the label."))
                .isNull();
        assertThat(find("I was sent another customer's order, a blue jumper instead of my red one."))
                .isNull();
        assertThat(find("我想把我的手机号改成我爱人的，怎么操作？")).isNull();
        assertThat(find("Can I add my husband's name to my account?")).isNull();
    }
}
