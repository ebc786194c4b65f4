package io.firebreak.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Two parties the customer reports, each naming the other in what it said, whoever they are. */
class PointingPartiesTest {

    private static String find(String text) {
        return PointingParties.find(ScannedText.of(text));
    }

    @Test
    void partiesNoListNamesAreFoundEachNamingTheOther() {
        assertThat(find("理赔部说免赔额是核保部设错的，核保部说这是理赔部的事。")).isEqualTo("理赔部说…核保部说");
        assertThat(find("修理厂说查勘员只核了一半的维修费，查勘员说修理厂报价虚高。")).isEqualTo("修理厂说…查勘员说");
        assertThat(find("加盟店说退款要总部批，总部说加盟店的会员自己处理。")).isEqualTo("加盟店说…总部说");
        // The company as the second party, a semicolon between, and a word before the name.
        assertThat(find("经纪人说你们没收到无理赔证明，你们说经纪人根本没发过来。")).isEqualTo("经纪人说…你们说");
        assertThat(find("教练说她是兼职，退课应该找健身房；健身房说课钱是直接付给教练的。")).isEqualTo("教练说…健身房说");
        assertThat(find("我去问了，结果物业说是开发商的问题，开发商又说物业没报修。")).isEqualTo("结果物业说…开发商又说");
    }

    /** A trade named by its first two characters: "水电师傅" by "水电开槽", "翻译公司" by "翻译件". */
    @Test
    void aPartyIsNamedByItsTradeBeforeTheKindOfPersonOrFirm() {
        assertThat(find("瓦工说墙面空鼓是水电开槽造成的，水电师傅说是瓦工没贴好。")).isEqualTo("瓦工说…水电师傅说");
        assertThat(find("公证处说翻译件有问题，翻译公司说是公证处用了旧版本。")).isEqualTo("公证处说…翻译公司说");
        assertThat(find("客服说快递明天到，快递公司说今天就能到。")).isNull();
    }

    @Test
    void theSecondPointsBackAsTheyOrOnAtSomeoneElse() {
        // Back at the first as 他们 or 对方.
        assertThat(find("债务转给了催收公司，催收公司说记录在你们那，你们说在他们那。")).isEqualTo("催收公司说…你们说");
        assertThat(find("快递说包裹在驿站，驿站说是对方没送来。")).isEqualTo("快递说…驿站说");
        // On, at a third: the first names the second, the second puts it on someone else.
        assertThat(find("长租公司说是街道要求施工，街道说该房东负责。")).isEqualTo("长租公司说…街道说");
        assertThat(find("门店说要找售后，售后说是厂家的责任。")).isEqualTo("门店说…售后说");
        // Back, by denying what the first said it did, or putting the fault before the second had it.
        assertThat(find("原来的律所说卷宗已经转给你们了，你们说根本没收到。")).isEqualTo("律所说…你们说");
        assertThat(find("建材店说台面是安装时弄裂的，安装师傅说送来就是裂的。")).isEqualTo("建材店说…安装师傅说");
        assertThat(find("客服说已经转给门店了，门店说收到了，马上处理。")).isNull();
        // A second who answers for itself points at no one.
        assertThat(find("客服说找门店处理，门店说他们会处理。")).isNull();
        assertThat(find("客服说要找门店，门店说该我们负责，马上换。")).isNull();
        assertThat(find("客服说要去门店检测，门店说是质量的问题，给我换了新的。")).isNull();
    }

    @Test
    void aLetterSaysItWithChengAndTraditionalCharactersAreRead() {
        assertThat(find("贵司仓库称责任在物流，物流称仓库出库时已破损。")).isEqualTo("贵司仓库称…物流称");
        assertThat(find("門店說是廠家的問題，廠家說門店沒登記。")).isNotNull();
    }

    @Test
    void twoWhoBothSpeakOrOneWhoSendsTheCustomerOnAreNotPointing() {
        // Both speak, neither names the other.
        assertThat(find("店员说明天到货，客服中心说也是明天，我就是想问能不能送到家。")).isNull();
        assertThat(find("客服说明天发货，你们说没问题，结果晚了一天到。")).isNull();
        // One sends the customer to the other, who does not point back.
        assertThat(find("客服说找门店处理，门店说马上给我换，已经换好了。")).isNull();
        // The same party twice, the customer and people at large are not two parties.
        assertThat(find("客服说找门店，客服说门店会联系我。")).isNull();
        assertThat(find("我说是门店的问题，门店说我说得对。")).isNull();
        assertThat(find("有人说是快递的问题，快递说有人签收了。")).isNull();
        // 说明 explains, 名称 names: neither is a party speaking.
        assertThat(find("说明书上写着厂家负责，厂家的名称和门店的名称不一样。")).isNull();
        assertThat(find("Your shop says the maker is responsible, and the maker says the shop is."))
                .isNull();
    }
}
