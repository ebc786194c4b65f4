package io.firebreak.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportedOutsideTest {

    private static String find(String text) {
        return ReportedOutside.find(ScannedText.of(text));
    }

    @Test
    void aComplaintTakenToAPublicBodyWhateverItsName() {
        assertThat(find("I've written to the Environment Agency about the oil your tanker leaked outside the school."))
                .isEqualTo("written to the Environment Agency");
        assertThat(find("我已经向电信管理局申诉了。")).isEqualTo("向电信管理局申诉");
        assertThat(find("我已经向动物卫生监督所举报你们无证行医。")).isEqualTo("向动物卫生监督所举报");
        assertThat(find("这事我已经交给法律援助中心了。")).isEqualTo("这事我已经交给法律援助中心");
        assertThat(find("我已经向民航局和12326投诉了，你们超售把我拒载。")).isEqualTo("向民航局和12326投诉");
        assertThat(find("I've reported the cruise line to the Maritime and Coastguard Agency over the fire door."))
                .isEqualTo("reported the cruise line to the Maritime and Coastguard Agency");
        assertThat(find("I have reported your practice to the RCVS for operating without consent."))
                .isEqualTo("reported your practice to the RCVS");
        assertThat(find("I've reported the landlord to the council's environmental health team over the mould."))
                .isEqualTo("reported the landlord to the council's environmental health team");
        assertThat(find("We have filed a complaint with the Financial Ombudsman Service."))
                .isNotNull();
    }

    @Test
    void theCompanysOwnPeopleAnOptionNamedOrAMatterOfSomeoneElsesIsNot() {
        assertThat(find("I've written to the store manager about the queue at the tills."))
                .isNull();
        assertThat(find("You can write to the Financial Ombudsman if you are not happy, the letter says."))
                .isNull();
        assertThat(find("我已经向你们客服中心反映过了，麻烦尽快换货。")).isNull();
        assertThat(find("包装盒上写着如有质量问题可向当地消费者协会投诉，我就想问问保修期是多久。")).isNull();
        assertThat(find("我在你们店门口捡到一个钱包，已经交给了派出所，跟你们说一声。")).isNull();
        assertThat(find("我已经向你们的骗局说不了，还要举报。")).isNull();
        assertThat(find("Kindly escalate to the higher authority, the executives keep giving me token numbers."))
                .isNull();
        assertThat(find("Your leaflet says I can complain to the Energy Ombudsman if I'm unhappy."))
                .isNull();
        assertThat(find("I reported my stolen card to the police last night; please send the replacement."))
                .isNull();
        assertThat(find("My daughter reported the pothole to the council, and your van hit it too."))
                .isNull();
        assertThat(find("I complained to the store manager and he said to ring you."))
                .isNull();
        assertThat(find("I reported it to the CEO of your company.")).isNull();
    }
}
