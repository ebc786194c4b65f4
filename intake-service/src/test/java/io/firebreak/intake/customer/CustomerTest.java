package io.firebreak.intake.customer;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.events.ComplaintClass;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomerTest {

    static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");

    static Customer.PastComplaint entry(String id, int day, String status, Integer score) {
        return new Customer.PastComplaint(
                id, T0.plusSeconds(86_400L * day), "subject", null, null, ComplaintClass.ORDINARY, status, null, score);
    }

    @Test
    void theHistoryIsNewestFirstAndEachComplaintAppearsOnce() {
        Customer c = new Customer("Li", null, "li@example.com", T0, List.of());
        c = c.remember(entry("C1", 1, "RECEIVED", null))
                .remember(entry("C3", 3, "RECEIVED", null))
                .remember(entry("C2", 2, "RECEIVED", null))
                .remember(entry("C1", 1, "CLOSED", 5));
        assertThat(c.complaints())
                .extracting(Customer.PastComplaint::complaintId)
                .containsExactly("C3", "C2", "C1");
        assertThat(c.complaints().get(2).status()).isEqualTo("CLOSED");
        assertThat(c.complaints().get(2).satisfactionScore()).isEqualTo(5);
    }

    @Test
    void anUnchangedEntryLeavesTheCustomerAsItWas() {
        Customer c = new Customer("Li", null, null, T0, List.of(entry("C1", 1, "RECEIVED", null)));
        assertThat(c.remember(entry("C1", 1, "RECEIVED", null))).isSameAs(c);
    }

    @Test
    void onlyTheNewestComplaintsAreKept() {
        Customer c = new Customer("Li", null, null, T0, null);
        for (int i = 0; i < Customer.MAX_HISTORY + 5; i++) c = c.remember(entry("C" + i, i, "CLOSED", 4));
        assertThat(c.complaints()).hasSize(Customer.MAX_HISTORY);
        assertThat(c.complaints().get(0).complaintId()).isEqualTo("C" + (Customer.MAX_HISTORY + 4));
    }
}
