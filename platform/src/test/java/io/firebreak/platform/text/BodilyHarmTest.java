package io.firebreak.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BodilyHarmTest {

    private static String find(String text) {
        return BodilyHarm.find(ScannedText.of(text));
    }

    @Test
    void aPartOfSomeonesBodyAndWhatHappenedToIt() {
        assertThat(find("我妈用了你们的足浴盆，脚上烫出好几个泡。")).isEqualTo("脚上烫出");
        assertThat(find("洗澡的时候热水器出水突然飙到六七十度，孩子背上起了一大片红印子。")).isEqualTo("背上起了一大片红印");
        assertThat(find("育儿嫂带孩子出去时孩子从推车里摔出来，额头缝了三针。")).isEqualTo("额头缝了");
        assertThat(find("贵司送来的消毒液桶身破裂，我方两名员工的手被灼伤，已送医。")).isEqualTo("手被灼伤");
        assertThat(find("熱水器漏電，我兒子洗澡的時候被電到，手到現在還在麻。")).isEqualTo("手到現在還在麻");
        assertThat(find("The heater has electric leak, my mother touch it and was shocked, her hand is still numb."))
                .isEqualTo("her hand is still numb");
        assertThat(find("My husband's thumb had to be glued at the walk-in centre after the blade guard came loose."))
                .isEqualTo("My husband's thumb had to be glued");
        assertThat(find("Steam shot out of the kettle lid and her 6-year-old now has a red patch on his arm."))
                .isEqualTo("a red patch on his arm");
        assertThat(find("My new contact lenses from you gave me an eye infection that has scarred my cornea."))
                .isEqualTo("scarred my cornea");
        assertThat(find("A loose headstone in your cemetery toppled onto my nephew's leg; he's in plaster."))
                .isEqualTo("my nephew's leg; he's in plaster");
        // A weight or a door that came down on someone.
        assertThat(find("The glass front of the vending machine came loose and fell on my seven-year-old's foot."))
                .isEqualTo("fell on my seven-year-old's foot");
        assertThat(find("The locker door snapped shut on my daughter's fingers and the nail came off."))
                .isEqualTo("snapped shut on my daughter's fingers");
    }

    @Test
    void aThingNamedAfterTheBodyAHarmDeniedOrFromElsewhereOrAPartWithoutItsOwnerIsNot() {
        assertThat(find("我的手机屏幕划破了一道，能换屏吗？")).isNull();
        assertThat(find("餐桌的桌腿上划破了一块漆。")).isNull();
        assertThat(find("裁缝给裤脚缝了三针，收了二十块。")).isNull();
        assertThat(find("你们的麻辣烫太辣了，嘴里都麻了。")).isNull();
        assertThat(find("孩子摔了一下，还好手没烫伤，就是吓到了。")).isNull();
        assertThat(find("前台推荐的牙龈出血专用牙膏一直缺货。")).isNull();
        assertThat(find("Her leg warmers arrived broken at the seam.")).isNull();
        assertThat(find("There's a red patch on the back of the sofa you delivered; it looks like a dye stain."))
                .isNull();
        assertThat(find("I have an eye infection at the moment, so can I pause my contact lens subscription?"))
                .isNull();
        assertThat(find("The oven door got hot, but my son's hand wasn't burned, thankfully."))
                .isNull();
        assertThat(find("My arm is in plaster from a skiing accident, so could the driver bring the parcel up?"))
                .isNull();
        assertThat(find("我脚肿了穿不进去，这双鞋能换大一码吗？")).isNull();
        assertThat(find("The cushion fell on my foot when I unpacked it; one seam is already loose."))
                .isNull();
        assertThat(find("I closed my eyes for a second and the film had skipped ahead again."))
                .isNull();
        assertThat(find("The lid fell on the floor and my son's toy car rolled under the sofa."))
                .isNull();
    }
}
