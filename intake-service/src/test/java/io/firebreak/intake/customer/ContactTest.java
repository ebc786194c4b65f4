package io.firebreak.intake.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ContactTest {

    @Test
    void phonesWrittenDifferentlyNormaliseToTheSameDigits() {
        assertThat(Contact.normalisePhone("+86 138 0013 8000")).isEqualTo("13800138000");
        assertThat(Contact.normalisePhone("0086-138-0013-8000")).isEqualTo("13800138000");
        assertThat(Contact.normalisePhone("8613800138000")).isEqualTo("13800138000");
        assertThat(Contact.normalisePhone("(138) 0013 8000")).isEqualTo("13800138000");
        assertThat(Contact.normalisePhone("+44 20 7946 0958")).isEqualTo("442079460958");
    }

    @Test
    void somethingThatIsNotAPhoneIsRejected() {
        assertThat(Contact.normalisePhone("call me")).isNull();
        assertThat(Contact.normalisePhone("12")).isNull();
        assertThat(Contact.isPhone("1380013800012345678")).isFalse();
    }

    @Test
    void emailsAreComparedTrimmedAndLowerCase() {
        assertThat(Contact.normaliseEmail("  Li.Lei@Example.COM ")).isEqualTo("li.lei@example.com");
        assertThat(Contact.isEmail("no-at-sign")).isFalse();
        assertThat(Contact.isEmail("a@b")).isFalse();
    }

    @Test
    void anAddressIsOneAtSignSomethingBeforeItAndADomainWithAnInnerDot() {
        assertThat(Contact.isEmail("zhang.san@mail.example.cn")).isTrue();
        assertThat(Contact.isEmail("x@y.z")).isTrue();
        assertThat(Contact.isEmail("@example.com")).isFalse();
        assertThat(Contact.isEmail("a@@example.com")).isFalse();
        assertThat(Contact.isEmail("a@b@example.com")).isFalse();
        assertThat(Contact.isEmail("a@.com")).isFalse();
        assertThat(Contact.isEmail("a@example.")).isFalse();
        assertThat(Contact.isEmail("a b@example.com")).isFalse();
        assertThat(Contact.isEmail("a@exa\tmple.com")).isFalse();
        assertThat(Contact.isEmail("a".repeat(243) + "@example.com"))
                .as("255 characters")
                .isFalse();
    }

    // A backtracking pattern took 10 s on the address below: a bound that fails it, not a speed goal.
    @Test
    @Timeout(value = 5, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void anAddressOfTensOfThousandsOfDotsIsRefusedWithoutReadingItTwice() {
        String bomb = "a@" + ".".repeat(65_400) + "@";
        for (int i = 0; i < 20; i++) {
            assertThat(Contact.isEmail(bomb)).isFalse();
            assertThat(Contact.isEmail("a@" + ".".repeat(65_400) + "x")).isFalse();
            assertThat(Contact.isPhone("1".repeat(65_000))).isFalse();
        }
    }

    @Test
    void maskingKeepsOnlyWhatIdentifiesToAPerson() {
        assertThat(Contact.mask("13800138000", null)).isEqualTo("138****8000");
        assertThat(Contact.mask(null, "li.lei@example.com")).isEqualTo("l***@example.com");
        assertThat(Contact.mask(null, null)).isNull();
    }
}
