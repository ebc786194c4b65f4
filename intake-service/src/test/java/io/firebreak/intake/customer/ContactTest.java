package io.firebreak.intake.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
    void maskingKeepsOnlyWhatIdentifiesToAPerson() {
        assertThat(Contact.mask("13800138000", null)).isEqualTo("138****8000");
        assertThat(Contact.mask(null, "li.lei@example.com")).isEqualTo("l***@example.com");
        assertThat(Contact.mask(null, null)).isNull();
    }
}
