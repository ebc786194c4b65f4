package io.firebreak.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CustomersWordsTest {

    @Test
    void aMailsHeaderAndSignatureAndACallsAgentTurnsAreLeftOut() {
        assertThat(CustomersWords.of(
                        "From: Dana <d@example.com>\nTo: orders@example.com\n\nThe blender came without its lid."
                                + "\n\nKind regards,\nDana Wright\nSenior Counsel"))
                .isEqualTo("The blender came without its lid.\nKind regards,");
        assertThat(CustomersWords.of("Agent: I can escalate that for you\nCustomer: no need, just send the screws\n"
                        + "Agent: they'll go out today"))
                .isEqualTo("Customer: no need, just send the screws");
    }

    @Test
    void aTextWithNoSuchPartIsGivenBackAsItIs() {
        String plain = "The heater started smoking.\nMy kids were in the room.";
        assertThat(CustomersWords.of(plain)).isSameAs(plain);
        assertThat(CustomersWords.of("")).isEmpty();
        assertThat(CustomersWords.of(null)).isNull();
    }
}
