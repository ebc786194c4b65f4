package io.firebreak.standalone;

import static io.firebreak.standalone.SystemUnderTest.STEP;
import static io.firebreak.standalone.SystemUnderTest.alertKinds;
import static io.firebreak.standalone.SystemUnderTest.api;
import static io.firebreak.standalone.SystemUnderTest.awaitCaseFile;
import static io.firebreak.standalone.SystemUnderTest.submit;
import static io.firebreak.standalone.SystemUnderTest.system;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.platform.security.JwtTokens;
import io.firebreak.platform.security.Roles;
import io.firebreak.platform.test.TestApi;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * People correct triage, through the gateway: an agent raises a class with a reason and the case, its clocks, its
 * owner, the case file and the alerts follow; only a supervisor of the complaint's department lowers one; every
 * correction is kept with its words and teaches (the corrections, the rules they overruled); a class the readers
 * doubted waits in the supervisors' review queue until one confirms it; and a proposed rule set is replayed on the
 * corrections and the labelled examples before anyone makes it active.
 */
class TriageJudgementE2EIT {

    @Test
    void anAgentRaisesAClassASupervisorLowersItAndBothAreKeptAsCorrections() {
        String id = submit(Roles.AGENT, """
                {"channel":"PHONE","customer":{"phone":"139%08d"},
                 "description":"The zip on the jacket I bought came off after a week"}""".formatted(System.nanoTime() % 100_000_000L));
        JsonNode triaged = awaitTriage(id);
        assertThat(triaged.path("complaintClass").asString()).isEqualTo("ORDINARY");
        assertThat(triaged.path("confidence").asString()).isEqualTo("HIGH");
        Instant firstResponseBefore =
                Instant.parse(triaged.path("firstResponseDue").asString());
        SystemUnderTest.awaitCase(id, "ASSIGNED");
        Instant caseFirstResponseBefore =
                Instant.parse(caseOf(id).path("firstResponseDue").asString());

        // The customer said on the phone what the text does not: any agent may raise the class, with a reason.
        assertThat(reclassify(api(), id, Roles.AGENT, "MAJOR", "").status()).isEqualTo(400);
        TestApi.Response raised = reclassify(
                api(),
                id,
                Roles.AGENT,
                "MAJOR",
                "On the phone the customer said the zip pull burned hot against the heater");
        assertThat(raised.status()).as(raised.body()).isEqualTo(200);
        JsonNode major = raised.json();
        assertThat(major.path("complaintClass").asString()).isEqualTo("MAJOR");
        assertThat(major.path("reasons").findValuesAsString("rule")).contains("reclassified-by-person");
        assertThat(Instant.parse(major.path("firstResponseDue").asString())).isBefore(firstResponseBefore);
        String seniorOwner = major.path("owner").asString();
        assertThat(seniorOwner).isEqualTo("huang.tao"); // PRODUCT_QUALITY's senior takes a MAJOR complaint
        assertThat(reclassify(api(), id, Roles.AGENT, "MAJOR", "again").status())
                .isEqualTo(409);

        // The case (its owner and, on its calendar, its clocks), the case file and the alerts follow the new class.
        await().atMost(STEP)
                .until(() -> caseOf(id).path("owner").asString().equals(seniorOwner)
                        && Instant.parse(caseOf(id).path("firstResponseDue").asString())
                                .isBefore(caseFirstResponseBefore));
        awaitCaseFile(
                id,
                c -> "MAJOR"
                        .equals(c.path("classification").path("complaintClass").asString()));
        await().atMost(STEP).until(() -> alertKinds(api(), id).contains("MAJOR"));

        // Lowering needs a supervisor, and one of the complaint's department.
        assertThat(reclassify(api(), id, Roles.AGENT, "ORDINARY", "Not a hazard after all")
                        .status())
                .isEqualTo(403);
        assertThat(reclassify(supervisorOf("LOGISTICS"), id, Roles.SUPERVISOR, "ORDINARY", "Not a hazard")
                        .status())
                .isEqualTo(403);
        TestApi.Response lowered = reclassify(
                supervisorOf("PRODUCT_QUALITY"),
                id,
                Roles.SUPERVISOR,
                "ORDINARY",
                "Called back: the zip was warm from the radiator, nothing burned");
        assertThat(lowered.status()).as(lowered.body()).isEqualTo(200);
        JsonNode ordinary = lowered.json();
        assertThat(ordinary.path("complaintClass").asString()).isEqualTo("ORDINARY");
        // Lowered, the clocks run from receipt with the ordinary targets (72 h to resolve).
        assertThat(Duration.between(
                        Instant.parse(ordinary.path("receivedAt").asString()),
                        Instant.parse(ordinary.path("resolutionDue").asString())))
                .isEqualTo(Duration.ofHours(72));
        assertThat(ordinary.path("history").findValuesAsString("trigger"))
                .containsSubsequence("firebreak.complaint.received", "reclassified", "reclassified");

        // Both corrections are kept with the words, for supervisors and ADMIN to learn from; agents do not list them.
        assertThat(api().get("/api/v1/triage/corrections", Roles.AGENT).status())
                .isEqualTo(403);
        JsonNode corrected = items(api().get("/api/v1/triage/corrections?limit=200", Roles.SUPERVISOR)).stream()
                .filter(c -> c.path("complaintId").asString().equals(id))
                .findFirst()
                .orElseThrow();
        assertThat(corrected.path("text").asString()).contains("The zip on the jacket");
        assertThat(corrected.path("corrections").findValuesAsString("to")).containsExactly("MAJOR", "ORDINARY");
        assertThat(corrected.path("corrections").get(1).path("by").asString()).isEqualTo("supervisor-pq");
        JsonNode summary =
                api().get("/api/v1/triage/corrections/summary", Roles.ADMIN).json();
        assertThat(summary.path("raised").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(summary.path("lowered").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(summary.path("missed").findValuesAsString("raisedTo")).contains("MAJOR");
        assertThat(summary.path("missed").findValues("candidatePhrases"))
                .as("each miss lists its candidate phrases")
                .isNotEmpty()
                .allMatch(JsonNode::isArray);
    }

    @Test
    void aDoubtfulClassWaitsInTheReviewQueueUntilASupervisorConfirmsIt() {
        String id = submit(Roles.AGENT, """
                {"channel":"PHONE","customer":{"phone":"136%08d"},"description":"嗯，你们看着办吧。"}""".formatted(System.nanoTime() % 100_000_000L));
        JsonNode triaged = awaitTriage(id);
        assertThat(triaged.path("confidence").asString()).isEqualTo("LOW");
        assertThat(triaged.path("review").path("doubts").get(0).asString()).contains("No department's words found");
        assertThat(triaged.path("primaryDepartment").asString()).isEqualTo("TRIAGE");
        assertThat(triaged.path("complaintClass").asString())
                .as("not DIFFICULT for want of a department")
                .isEqualTo("ORDINARY");

        assertThat(api().get("/api/v1/triage/review", Roles.AGENT).status()).isEqualTo(403);
        assertThat(reviewQueue()).contains(id);
        assertThat(api().post("/api/v1/triage/" + id + "/review", Roles.AGENT, "{\"decision\":\"CONFIRM\"}")
                        .status())
                .isEqualTo(403);
        TestApi.Response confirmed = api().post(
                        "/api/v1/triage/" + id + "/review",
                        Roles.SUPERVISOR,
                        "{\"decision\":\"CONFIRM\",\"note\":\"Read it: an ordinary follow-up call\"}");
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().path("review").path("outcome").asString()).isEqualTo("CONFIRMED");
        assertThat(reviewQueue()).doesNotContain(id);
        assertThat(api().post("/api/v1/triage/" + id + "/review", Roles.SUPERVISOR, "{\"decision\":\"CONFIRM\"}")
                        .status())
                .isEqualTo(409);
        assertThat(api().post("/api/v1/triage/" + id + "/review", Roles.SUPERVISOR, "{\"decision\":\"MAYBE\"}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void aProposedRuleSetIsReplayedOnTheLabelledExamplesAndCorrectionsBeforeItIsActive() {
        JsonNode active = api().get("/api/v1/triage/rules", Roles.ADMIN).json();
        String activeVersion = active.path("version").asString();
        ObjectNode proposed = (ObjectNode) active.deepCopy();
        proposed.remove(List.of("version", "revision", "createdAt", "createdBy", "source"));
        ArrayNode rules = (ArrayNode) proposed.path("rules");
        for (int i = rules.size() - 1; i >= 0; i--) {
            if (rules.get(i).path("name").asString().equals("safety-or-health-harm")) rules.remove(i);
        }

        assertThat(api().post("/api/v1/triage/rules/dry-run", Roles.SUPERVISOR, proposed.toString())
                        .status())
                .isEqualTo(403);
        TestApi.Response run = api().post("/api/v1/triage/rules/dry-run", Roles.ADMIN, proposed.toString());
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        JsonNode dryRun = run.json();
        assertThat(dryRun.path("activeVersion").asString()).isEqualTo(activeVersion);
        assertThat(dryRun.path("tallies").findValuesAsString("source"))
                .contains(
                        "labelled-complaints.tsv",
                        "held-out-complaints.tsv",
                        "hard-complaints.tsv",
                        "hard-held-out.tsv");
        List<JsonNode> changes = StreamSupport.stream(dryRun.path("changes").spliterator(), false)
                .toList();
        assertThat(dryRun.path("changed").asInt()).isEqualTo(changes.size()).isPositive();
        assertThat(changes).anySatisfy(c -> {
            assertThat(c.path("expected").asString()).isEqualTo("MAJOR");
            assertThat(c.path("active").asString()).isEqualTo("MAJOR");
            assertThat(c.path("proposed").asString()).isNotEqualTo("MAJOR");
        });
        // Nothing became active.
        assertThat(api().get("/api/v1/triage/rules", Roles.ADMIN)
                        .json()
                        .path("version")
                        .asString())
                .isEqualTo(activeVersion);

        TestApi.Response invalid = api().post(
                        "/api/v1/triage/rules/dry-run",
                        Roles.ADMIN,
                        "{\"rules\":[{\"name\":\"Bad Name\",\"complaintClass\":\"MAJOR\",\"phrases\":[\"x\"]}]}");
        assertThat(invalid.status()).as(invalid.body()).isEqualTo(400);
        assertThat(invalid.body()).contains("rules[0].name");
    }

    @Test
    void aCustomerWhoNeedsCareIsFlaggedForEveryHandlerAndGetsASeniorOwner() {
        String phone = "135%08d".formatted(System.nanoTime() % 100_000_000L);
        String first = submit(Roles.AGENT, """
                {"channel":"PHONE","customer":{"phone":"%s"},"description":"你们这帮蠢货，快递三天都没到"}""".formatted(phone));
        JsonNode file = awaitCaseFile(first, c -> !c.path("emotionSignals").isEmpty());
        assertThat(file.path("emotionSignals").toString()).contains("abusive:蠢货");
        String customerId = file.path("customer").path("id").asString();

        // The agent it went to need not go on alone: the owner hands it back to the department's queue.
        SystemUnderTest.awaitCase(first, "ASSIGNED");
        String owner = caseOf(first).path("owner").asString();
        assertThat(api().post(
                                "/api/v1/cases/" + first + "/hand-back",
                                Roles.AGENT,
                                "{\"reason\":\"Abusive on the phone\"}")
                        .status())
                .as("not the owner")
                .isEqualTo(403);
        TestApi.Response handedBack = staff(owner, Roles.AGENT, "LOGISTICS")
                .post("/api/v1/cases/" + first + "/hand-back", Roles.AGENT, "{\"reason\":\"Abusive on the phone\"}");
        assertThat(handedBack.status()).as(handedBack.body()).isEqualTo(200);
        assertThat(handedBack.json().path("owner").asString()).isEqualTo("queue:LOGISTICS");

        String handling = """
                {"reason":"Abusive to agents on three calls","seniorOwner":true,"onePointOfContact":false,
                 "contactsPerDay":1}""";
        assertThat(api().put("/api/v1/customers/" + customerId + "/handling", Roles.AGENT, handling)
                        .status())
                .isEqualTo(403);
        assertThat(api().put("/api/v1/customers/" + customerId + "/handling", Roles.SUPERVISOR, "{\"reason\":\"\"}")
                        .status())
                .isEqualTo(400);
        TestApi.Response set = api().put("/api/v1/customers/" + customerId + "/handling", Roles.SUPERVISOR, handling);
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().path("handling").path("by").asString()).isNotBlank();

        // Every handler sees it: on the customer and on the case file.
        assertThat(api().get("/api/v1/customers/" + customerId, Roles.AGENT)
                        .json()
                        .path("handling")
                        .path("reason")
                        .asString())
                .isEqualTo("Abusive to agents on three calls");
        assertThat(SystemUnderTest.caseFile(first)
                        .path("customer")
                        .path("handling")
                        .path("seniorOwner")
                        .asBoolean())
                .isTrue();

        // Their next complaint, an ordinary one, goes to a senior handler.
        String next = submit(Roles.AGENT, """
                {"channel":"PHONE","customer":{"phone":"%s"},"description":"发票抬头开错了，麻烦重开"}""".formatted(phone));
        JsonNode triaged = awaitTriage(next);
        assertThat(triaged.path("complaintClass").asString()).isEqualTo("ORDINARY");
        assertThat(triaged.path("owner").asString()).isEqualTo("zhang.min"); // BILLING's senior

        // One contact a day was agreed and they complained twice today: a furious message is kept and read, but its
        // tone alone raises nothing (no rise, no stage, so no shorter clock and no alert), and the answer says so.
        TestApi.Response beyond =
                api().post("/api/v1/complaints/" + next + "/messages", Roles.AGENT, "{\"text\":\"你们这帮蠢货，气死我了！！！\"}");
        assertThat(beyond.status()).as(beyond.body()).isEqualTo(201);
        assertThat(beyond.json().path("emotionRose").asBoolean()).isFalse();
        assertThat(beyond.json().path("contactPlan").path("agreedPerDay").asInt())
                .isEqualTo(1);
        assertThat(beyond.json().path("contactPlan").path("inLastDay").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(beyond.json().path("contactPlan").path("beyondAgreed").asBoolean())
                .isTrue();
        assertThat(beyond.json().path("message").path("emotion").asString()).isIn("ANGRY", "FURIOUS");
        JsonNode held = SystemUnderTest.caseFile(next);
        assertThat(held.path("emotion").asString()).isEqualTo("CALM");
        assertThat(held.path("timeline").findValuesAsString("type")).doesNotContain("firebreak.emotion.rose");
        assertThat(held.path("timeline").findValuesAsString("summary"))
                .anySatisfy(summary -> assertThat(summary).contains("beyond the 1 a day agreed"));

        assertThat(api().delete("/api/v1/customers/" + customerId + "/handling", Roles.SUPERVISOR)
                        .status())
                .isEqualTo(200);
        assertThat(api().get("/api/v1/customers/" + customerId, Roles.AGENT)
                        .json()
                        .has("handling"))
                .isFalse();
    }

    @Test
    void aCustomerGrowingAngryAfterTheFirstAnswerShortensTheClocksAlertsAndCalmingDownShows() {
        String id = submit(Roles.AGENT, """
                {"channel":"PHONE","customer":{"phone":"134%08d"},"description":"The courier has not delivered my parcel"}""".formatted(System.nanoTime() % 100_000_000L));
        SystemUnderTest.awaitCase(id, "ASSIGNED");
        assertThat(api().post("/api/v1/cases/" + id + "/acknowledge", Roles.AGENT, "{}")
                        .status())
                .isEqualTo(200);
        Instant resolutionBefore =
                Instant.parse(caseOf(id).path("resolutionDue").asString());

        assertThat(api().post(
                                "/api/v1/complaints/" + id + "/messages",
                                Roles.AGENT,
                                "{\"text\":\"This is outrageous and unacceptable, I am furious!!!\"}")
                        .status())
                .isEqualTo(201);
        // The owner's supervisors are told, and the case has less time left.
        await().atMost(STEP).until(() -> alertKinds(api(), id).contains("EMOTION_ROSE"));
        await().atMost(STEP)
                .until(() -> Instant.parse(caseOf(id).path("resolutionDue").asString())
                        .isBefore(resolutionBefore));

        assertThat(api().post(
                                "/api/v1/complaints/" + id + "/messages",
                                Roles.AGENT,
                                "{\"text\":\"Thank you, the parcel came this afternoon\"}")
                        .status())
                .isEqualTo(201);
        JsonNode file = awaitCaseFile(id, c -> c.path("trajectory").size() == 3);
        assertThat(file.path("trajectory").findValuesAsString("source"))
                .containsExactly("received", "message", "message");
        assertThat(file.path("trajectory").findValuesAsString("level")).containsExactly("CALM", "ANGRY", "CALM");
        assertThat(file.path("emotion").asString()).as("the highest so far").isEqualTo("ANGRY");
        assertThat(file.path("emotionNow").asString()).isEqualTo("CALM");
    }

    @Test
    void
            wordsTheRulesMissButThatReadLikeMajorComplaintsAreMajorByMeaningUntilASupervisorWhoseConfirmationTeachesTheReader() {
        TestApi triage = awaitSemanticReader();
        JsonNode state =
                triage.get("/actuator/health/semanticReader", Roles.ADMIN).json();
        assertThat(state.path("status").asString()).isEqualTo("UP");
        assertThat(state.path("details").path("examples").asInt()).isGreaterThan(500);

        // No hazard word the rules list, but the words read like the labelled MAJOR complaints about heaters and plugs:
        // four of their five nearest are MAJOR (0.7 of the neighbours' similarity), enough for the reader to class it
        // MAJOR where the rules found nothing, with a supervisor to look (a missed MAJOR is the costly miss).
        String id = submit(Roles.AGENT, """
                {"channel":"PHONE","customer":{"phone":"135%08d"},
                 "description":"Our new fan heater makes a popping noise and the plug looks a bit dark."}""".formatted(System.nanoTime() % 100_000_000L));
        JsonNode triaged = awaitTriage(id);
        assertThat(triaged.path("complaintClass").asString())
                .as("the reader's class")
                .isEqualTo("MAJOR");
        List<JsonNode> reasons = new ArrayList<>();
        triaged.path("reasons").forEach(reasons::add);
        assertThat(reasons)
                .singleElement()
                .satisfies(r -> assertThat(r.path("rule").asString()).isEqualTo("reads-like-labelled-complaints"));
        assertThat(triaged.path("confidence").asString()).isEqualTo("LOW");
        List<String> doubts = new ArrayList<>();
        triaged.path("review").path("doubts").forEach(d -> doubts.add(d.asString()));
        assertThat(doubts)
                .anySatisfy(d -> assertThat(d).startsWith("No rule fired; the class MAJOR is the semantic reader's"));
        assertThat(reviewQueue()).contains(id);

        // The supervisor keeps it in one step; the words are a labelled example from then on.
        TestApi.Response confirmed = supervisorOf("PRODUCT_QUALITY")
                .post(
                        "/api/v1/triage/" + id + "/review",
                        Roles.SUPERVISOR,
                        "{\"decision\":\"CONFIRM\",\"note\":\"A scorched plug: a fire risk\"}");
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(reviewQueue()).doesNotContain(id);
        int examples = state.path("details").path("examples").asInt();
        assertThat(semanticExamples(triage)).isEqualTo(examples + 1);

        // The customer's personal data erased: the words the confirmation taught the reader go with it.
        String customerId =
                SystemUnderTest.caseFile(id).path("customer").path("id").asString();
        TestApi.Response erased = api().delete("/api/v1/customers/" + customerId + "/personal-data", Roles.SUPERVISOR);
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        await().atMost(STEP).until(() -> semanticExamples(triage) == examples);
    }

    @Test
    void wordsTheRulesFindNothingInButThatReadClearlyLikeDifficultComplaintsAreDifficultByMeaningAndReviewed() {
        TestApi triage = awaitSemanticReader();
        // No phrase of any rule, but the labelled complaints the words read like are all of a shop and a maker
        // sending the customer to each other.
        String id = submit(Roles.AGENT, """
                {"channel":"PHONE","customer":{"phone":"136%08d"},
                 "description":"门店让我去问厂家，厂家又叫我回门店。"}""".formatted(System.nanoTime() % 100_000_000L));
        JsonNode triaged = awaitTriage(id);

        assertThat(triaged.path("complaintClass").asString()).isEqualTo("DIFFICULT");
        List<JsonNode> reasons = new ArrayList<>();
        triaged.path("reasons").forEach(reasons::add);
        assertThat(reasons).singleElement().satisfies(r -> {
            assertThat(r.path("rule").asString()).isEqualTo("reads-like-labelled-complaints");
            assertThat(r.path("evidence").asString()).contains("厂家").contains("similarity");
        });
        // The class is the semantic reader's alone: a supervisor confirms or corrects it.
        assertThat(triaged.path("confidence").asString()).isEqualTo("LOW");
        List<String> doubts = new ArrayList<>();
        triaged.path("review").path("doubts").forEach(d -> doubts.add(d.asString()));
        assertThat(doubts)
                .anySatisfy(
                        d -> assertThat(d).startsWith("No rule fired; the class DIFFICULT is the semantic reader's"));
        assertThat(reviewQueue()).contains(id);
        // The case file tells the handler the same class, with the same reason.
        await().atMost(STEP)
                .until(() -> "DIFFICULT"
                        .equals(SystemUnderTest.caseFile(id)
                                .path("classification")
                                .path("complaintClass")
                                .asString()));

        // A supervisor looks and keeps it: the words are a labelled example from then on, as a corrected one's.
        int examples = semanticExamples(triage);
        TestApi.Response confirmed = api().post(
                        "/api/v1/triage/" + id + "/review",
                        Roles.SUPERVISOR,
                        "{\"decision\":\"CONFIRM\",\"note\":\"A shop and a maker each sending the customer on\"}");
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(reviewQueue()).doesNotContain(id);
        assertThat(semanticExamples(triage)).isEqualTo(examples + 1);
    }

    @Test
    void aLaterMessageThatReadsLikeMajorComplaintsPutsTheClassBeforeASupervisor() {
        awaitSemanticReader();
        String id = submit(Roles.AGENT, """
                {"channel":"PHONE","customer":{"phone":"137%08d"},
                 "description":"The fan heater I bought last week arrived in a dented box."}""".formatted(System.nanoTime() % 100_000_000L));
        JsonNode first = awaitTriage(id);
        assertThat(first.path("complaintClass").asString()).isEqualTo("ORDINARY");
        assertThat(reviewQueue()).doesNotContain(id);

        // No hazard word the rules list, but the words read like the labelled MAJOR complaints about heaters.
        TestApi.Response sent = api().post(
                        "/api/v1/complaints/" + id + "/messages",
                        Roles.AGENT,
                        "{\"text\":\"Our new fan heater now makes a popping noise and the plug was black around the pins this morning.\"}");
        assertThat(sent.status()).as(sent.body()).isBetween(200, 202);
        await().atMost(STEP).until(() -> reviewQueue().contains(id));
        JsonNode doubted = awaitTriage(id);
        assertThat(doubted.path("complaintClass").asString())
                .as("not raised by the reader")
                .isEqualTo("ORDINARY");
        List<String> doubts = new ArrayList<>();
        doubted.path("review").path("doubts").forEach(d -> doubts.add(d.asString()));
        assertThat(doubts).anySatisfy(d -> assertThat(d).startsWith("A later message reads like MAJOR complaints"));
    }

    /** The semantic reader loads in the background when triage starts; its state is triage's to tell ADMIN. */
    private static TestApi awaitSemanticReader() {
        TestApi triage = new TestApi(system().serviceUrls().get("triage"), role -> "Bearer " + system().token(role));
        await().atMost(Duration.ofMinutes(3))
                .until(() -> triage.get("/actuator/health/semanticReader", Roles.ADMIN)
                        .json()
                        .path("details")
                        .path("ready")
                        .asBoolean());
        return triage;
    }

    private static int semanticExamples(TestApi triage) {
        return triage.get("/actuator/health/semanticReader", Roles.ADMIN)
                .json()
                .path("details")
                .path("examples")
                .asInt();
    }

    private static TestApi.Response reclassify(TestApi api, String id, String role, String to, String reason) {
        return api.post(
                "/api/v1/triage/" + id + "/reclassify",
                role,
                "{\"complaintClass\":\"" + to + "\",\"reason\":\"" + reason + "\"}");
    }

    private static JsonNode awaitTriage(String id) {
        TestApi.Response[] last = new TestApi.Response[1];
        await().atMost(STEP).until(() -> (last[0] = api().get("/api/v1/triage/" + id, Roles.AGENT)).status() == 200);
        return last[0].json();
    }

    private static JsonNode caseOf(String id) {
        return api().get("/api/v1/cases/" + id, Roles.AGENT).json();
    }

    private static List<String> reviewQueue() {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            TestApi.Response page = api().get(
                            "/api/v1/triage/review?limit=200" + (cursor == null ? "" : "&cursor=" + cursor),
                            Roles.SUPERVISOR);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            items(page).forEach(t -> ids.add(t.path("complaintId").asString()));
            cursor = page.json().path("next").isMissingNode()
                            || page.json().path("next").isNull()
                    ? null
                    : page.json().path("next").asString();
        } while (cursor != null);
        return ids;
    }

    private static List<JsonNode> items(TestApi.Response page) {
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return StreamSupport.stream(page.json().path("items").spliterator(), false)
                .toList();
    }

    /** A supervisor who works for one department only. */
    private static TestApi supervisorOf(String department) {
        return staff(
                department.equals("PRODUCT_QUALITY") ? "supervisor-pq" : "supervisor-" + department,
                Roles.SUPERVISOR,
                department);
    }

    /** A named member of staff working for one department. */
    private static TestApi staff(String name, String role, String department) {
        String token = JwtTokens.mint(
                system().jwtSecret(),
                Credentials.ISSUER,
                name,
                List.of(role),
                List.of(department),
                Duration.ofHours(1));
        return new TestApi(system().gatewayUrl(), r -> "Bearer " + token);
    }
}
