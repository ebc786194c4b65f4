package io.firebreak.standalone;

import static io.firebreak.standalone.SystemUnderTest.STEP;
import static io.firebreak.standalone.SystemUnderTest.api;
import static io.firebreak.standalone.SystemUnderTest.awaitCase;
import static io.firebreak.standalone.SystemUnderTest.awaitCaseFile;
import static io.firebreak.standalone.SystemUnderTest.awaitFollowUp;
import static io.firebreak.standalone.SystemUnderTest.caseFile;
import static io.firebreak.standalone.SystemUnderTest.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.platform.security.Roles;
import io.firebreak.platform.test.TestApi;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * One truth about a case: walked through the gateway through every state a case takes (acknowledged,
 * investigating, waiting for the customer and back, handed over, proposed, accepted, resolved), the case file that
 * intake keeps shows after each step what resolution's case shows: the state, the owner, the department and both
 * due times (a pause moves the resolution's); and its timeline tells each step, the note for the staff and the
 * message to the customer included. A broken promise and a reopening are told alike by the case, the case file, the
 * alerts and the messages to the customer.
 */
class OneTruthE2EIT {

    @Test
    void theCaseFileAndTheCaseAgreeAfterEveryStep() {
        String id = submit(Roles.AGENT, """
                {"channel":"PHONE","customer":{"phone":"137%08d"},
                 "description":"The fridge I bought stopped cooling after a week","orderRef":"ORD-TRUTH-1"}""".formatted(System.nanoTime() % 100_000_000L));
        awaitCase(id, "ASSIGNED");
        agree(id);

        step(id, "acknowledge", Roles.AGENT, "{\"message\":\"We are on it\"}");
        step(id, "investigate", Roles.AGENT, "");
        step(id, "notes", Roles.AGENT, "{\"text\":\"Compressor fault suspected\",\"internal\":true}");
        step(id, "notes", Roles.AGENT, "{\"text\":\"A technician will call you today\",\"internal\":false}");
        step(id, "wait-for-customer", Roles.AGENT, "{\"reason\":\"Photos of the label asked\"}");
        assertThat(caseOf(id).path("state").asString()).isEqualTo("PENDING_CUSTOMER");
        String dueBeforePause = caseOf(id).path("resolutionDue").asString();
        step(id, "resume", Roles.AGENT, "");
        assertThat(Instant.parse(caseOf(id).path("resolutionDue").asString()))
                .as("the resolution clock moved by the pause")
                .isAfter(Instant.parse(dueBeforePause));
        step(
                id,
                "reassign",
                Roles.SUPERVISOR,
                "{\"owner\":\"agent-truth\",\"department\":\"LOGISTICS\",\"reason\":\"Delivery damage\"}");
        step(id, "proposal", Roles.AGENT, proposal());
        step(id, "proposal/answer", Roles.AGENT, "{\"accepted\":true,\"comment\":\"OK\"}");
        step(id, "resolve", Roles.AGENT, "{\"summary\":\"Fridge replaced\",\"rootCause\":\"PRODUCT_DEFECT\"}");

        JsonNode file = caseFile(id);
        assertThat(file.path("status").asString()).isEqualTo("RESOLVED");
        String agent = caseOf(id).path("acknowledgement").path("by").asString();
        assertThat(file.path("timeline").findValuesAsString("summary"))
                .anySatisfy(s -> assertThat(s).isEqualTo("Internal note by " + agent + ": Compressor fault suspected"))
                .anySatisfy(s -> assertThat(s).startsWith("Waiting for the customer by"))
                .anySatisfy(s -> assertThat(s).startsWith("Handed over by"))
                .anySatisfy(s -> assertThat(s)
                        .isEqualTo("Message to the customer by " + agent + ": A technician will call you today"));
    }

    @Test
    void aBrokenPromiseAndAReopeningAreToldAlikeByTheCaseTheCaseFileTheAlertsAndTheCustomersMessages() {
        String id = submit(Roles.AGENT, """
                {"channel":"PHONE","customer":{"phone":"136%08d"},
                 "description":"空调装好三天就不制冷了，售后一直没人回电话","orderRef":"ORD-TRUTH-2"}""".formatted(System.nanoTime() % 100_000_000L));
        awaitCase(id, "ASSIGNED");
        // A callback promised in six seconds; its warning at 75% of that, the clocks looked at twice a second.
        Instant callbackBy = Instant.now().plusSeconds(6).truncatedTo(ChronoUnit.MILLIS);
        step(id, "acknowledge", Roles.AGENT, "{\"callbackBy\":\"" + callbackBy + "\"}");

        await().atMost(STEP)
                .until(() -> caseOf(id).path("promises").get(0).path("status").asString(), "BROKEN"::equals);
        assertThat(caseOf(id).path("brokenPromises").asInt()).isEqualTo(1);
        await().atMost(STEP)
                .untilAsserted(() -> assertThat(SystemUnderTest.alertKinds(api(), id))
                        .filteredOn(k -> k.startsWith("PROMISE_"))
                        .as("the owner warned, then the supervisor alerted, once each")
                        .containsExactlyInAnyOrder("PROMISE_WARNING", "PROMISE_BROKEN"));
        JsonNode file =
                awaitCaseFile(id, f -> summaries(f).stream().anyMatch(s -> s.startsWith("Told the customer (DELAY")));
        assertThat(summaries(file))
                .anySatisfy(s -> assertThat(s).startsWith("Told the customer (RECEIPT, PHONE, zh): 您的投诉已收到，编号 " + id))
                .anySatisfy(s -> assertThat(s)
                        .startsWith("Told the customer (ACKNOWLEDGEMENT, PHONE, zh): ")
                        .contains("前给您回电"))
                .anySatisfy(
                        s -> assertThat(s).isEqualTo("Promise P1 broken: Call the customer back was due " + callbackBy))
                .anySatisfy(s -> assertThat(s).startsWith("Told the customer (DELAY, PHONE, zh): 很抱歉"));

        // The callback made late: a message to the customer keeps it.
        step(id, "notes", Roles.AGENT, "{\"text\":\"已致电客户，约好明天上门检修\",\"internal\":false}");
        assertThat(caseOf(id).path("promises").get(0).path("status").asString()).isEqualTo("KEPT");
        step(id, "resolve", Roles.AGENT, "{\"summary\":\"更换了压缩机\",\"rootCause\":\"PRODUCT_DEFECT\"}");
        awaitFollowUp(id, "{\"satisfied\":false,\"score\":2,\"comment\":\"还是不太冷\"}");
        awaitCase(id, "REOPENED");
        agree(id);
        assertThat(summaries(awaitCaseFile(
                        id, f -> summaries(f).stream().anyMatch(s -> s.startsWith("Told the customer (PROGRESS")))))
                .anySatisfy(
                        s -> assertThat(s).startsWith("Told the customer (RESOLUTION, PHONE, zh): 您的投诉已处理完毕：更换了压缩机"))
                .anySatisfy(s -> assertThat(s).isEqualTo("Told the customer (MESSAGE, PHONE, zh): 已致电客户，约好明天上门检修"))
                .anySatisfy(s -> assertThat(s).startsWith("Told the customer (PROGRESS, PHONE, zh): 我们已重新打开您的投诉"));
        await().atMost(STEP)
                .untilAsserted(
                        () -> assertThat(SystemUnderTest.alertKinds(api(), id)).contains("REOPENED"));
    }

    private static List<String> summaries(JsonNode caseFile) {
        return caseFile.path("timeline").findValuesAsString("summary");
    }

    /** Takes one step on the case (200 expected), then waits until the case file shows the case as it now is. */
    private static void step(String id, String action, String role, String body) {
        TestApi.Response answer = api().post("/api/v1/cases/" + id + "/" + action, role, body);
        assertThat(answer.status()).as(action + ": " + answer.body()).isEqualTo(200);
        agree(id);
    }

    /**
     * The case file comes to show what the case shows: state, owner, department, due times. The case is read again
     * each time, as it may itself move on meanwhile (a reopening is followed by triage's new assignment).
     */
    private static void agree(String id) {
        AtomicReference<List<String>> expected = new AtomicReference<>();
        AtomicReference<List<String>> seen = new AtomicReference<>();
        try {
            await().atMost(STEP).until(() -> {
                JsonNode theCase = caseOf(id);
                expected.set(Arrays.asList(
                        theCase.path("state").asString(),
                        theCase.path("owner").asString(),
                        theCase.path("department").asString(),
                        instant(theCase.path("firstResponseDue")),
                        instant(theCase.path("resolutionDue"))));
                JsonNode file = caseFile(id);
                seen.set(Arrays.asList(
                        file.path("caseState").asString(),
                        file.path("owner").path("owner").asString(),
                        file.path("owner").path("primaryDepartment").asString(),
                        instant(file.path("sla").path("firstResponseDue")),
                        instant(file.path("sla").path("resolutionDue"))));
                return seen.get().equals(expected.get());
            });
        } catch (ConditionTimeoutException e) {
            assertThat(seen.get())
                    .as("the case file of %s against its case (state, owner, department, due times)", id)
                    .isEqualTo(expected.get());
        }
    }

    private static JsonNode caseOf(String id) {
        TestApi.Response answer = api().get("/api/v1/cases/" + id, Roles.AGENT);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static String instant(JsonNode value) {
        return value.isMissingNode() || value.isNull()
                ? null
                : Instant.parse(value.asString()).toString();
    }

    private static String proposal() {
        Instant by = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        return "{\"steps\":[{\"what\":\"Collect the fridge\",\"who\":\"LOGISTICS\",\"by\":\"" + by + "\"}],"
                + "\"remedies\":[{\"type\":\"REPLACEMENT\"}]}";
    }
}
