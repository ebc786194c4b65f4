package io.firebreak.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.events.Channel;
import io.firebreak.events.ClosureOutcome;
import io.firebreak.events.ComplaintClass;
import io.firebreak.events.EmotionLevel;
import io.firebreak.events.FeedbackEvents.ComplaintClosed;
import io.firebreak.events.FeedbackEvents.ComplaintReopened;
import io.firebreak.events.FeedbackEvents.FollowUpRecorded;
import io.firebreak.events.FeedbackEvents.PreventionGroupResolved;
import io.firebreak.events.FeedbackEvents.PreventionRaised;
import io.firebreak.events.FeedbackEvents.RootCauseRecorded;
import io.firebreak.events.FeedbackEvents.SurveySent;
import io.firebreak.events.IntakeEvents.ComplaintReceived;
import io.firebreak.events.ResolutionEvents.CaseAcknowledged;
import io.firebreak.events.ResolutionEvents.CaseOpened;
import io.firebreak.events.ResolutionEvents.CaseResolved;
import io.firebreak.events.ResolutionEvents.PromiseBroken;
import io.firebreak.events.ResolutionEvents.PromiseKept;
import io.firebreak.events.ResolutionEvents.PromiseMade;
import io.firebreak.events.Topics;
import io.firebreak.events.TriageEvents.ComplaintClassified;
import io.firebreak.events.TriageEvents.ResponsibilityAssigned;
import io.firebreak.platform.kafka.CloudEvents;
import io.firebreak.platform.security.Roles;
import io.firebreak.platform.test.MovableClock;
import io.firebreak.platform.test.ServiceContract;
import io.firebreak.platform.test.TestApi;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;

/**
 * The feedback service's behaviour against a real broker and store: the same tests run on embedded
 * infrastructure and, where Docker is present, on containers.
 */
@SpringBootTest(
        classes = {FeedbackApplication.class, FeedbackContract.TestClock.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=feedback",
            "firebreak.feedback.follow-up.scan-interval=100ms",
            // Shorter than shipped, so a test can pass the expiry without moving time beyond what the broker takes.
            "firebreak.feedback.survey.valid-for=20h",
            // None is shipped: the service does not start without one.
            "firebreak.feedback.survey.secret=feedback-contract-survey-secret"
        })
abstract class FeedbackContract extends ServiceContract {

    /**
     * The service's clock, which a test may move ahead (and is set back after each). The broker refuses records
     * stamped more than a day ahead, so it moves less than that.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    @Autowired
    MovableClock clock;

    @AfterEach
    void clockBack() {
        clock.reset();
    }

    @Test
    void dueListHoldsOnlyFollowUpsWhoseDelayHasPassed() {
        String id = resolvedComplaint();
        pendingFollowUp(id);

        assertThat(dueIds("true")).doesNotContain(id);
        assertThat(dueIds(Instant.now().plus(Duration.ofHours(25)).toString())).contains(id);
        TestApi.Response bad = api.get("/api/v1/follow-ups?due=tomorrow", Roles.AGENT);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.isProblem()).isTrue();
    }

    @Test
    void aSurveyLinkThatIsNotOneIsNotFoundWhateverItHolds() {
        for (String path : new String[] {"/survey/a%20b", "/survey/%3Cscript%3E", "/survey/x.y"}) {
            TestApi.Response json = api.get(path, null, Map.of("Accept", "application/json"));
            assertThat(json.status()).as(path + " " + json.body()).isEqualTo(404);
            assertThat(json.isProblem()).as(path).isTrue();
            assertThat(api.get(path, null).status()).as(path + " as a page").isEqualTo(404);
        }
    }

    @Test
    void dueFollowUpSendsOneSurveyLinkThatWorksOnceWithoutLogin() {
        String id = complaintResolvedLongAgo();

        String link = surveyLink(id);
        String path = URI.create(link).getPath();
        assertThat(pendingFollowUp(id).path("surveyLink").asString()).isEqualTo(link);
        TestApi.Response page = api.get(path, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("满意度", "Was it resolved?", "empathy");
        assertThat(api.get(path, null, Map.of("Accept", "application/json"))
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("OPEN");

        TestApi.Response answered =
                api.post(path, null, "{\"resolved\":true,\"score\":5,\"servqual\":{\"empathy\":5,\"reliability\":4}}");
        assertThat(answered.status()).as(answered.body()).isEqualTo(201);
        assertThat(answered.json().path("outcome").asString()).isEqualTo("CLOSED");

        TestApi.Response again = api.post(path, null, "{\"resolved\":false,\"score\":1}");
        assertThat(again.status()).isEqualTo(410);
        assertThat(again.isProblem()).isTrue();
        assertThat(again.json().path("detail").asString()).contains("already been answered");
        TestApi.Response usedPage = api.get(path, null);
        assertThat(usedPage.status()).isEqualTo(410);
        assertThat(usedPage.body()).contains("already been answered", "只能使用一次");
        assertThat(probe.await(r -> id.equals(r.key()), 4))
                .extracting(FeedbackContract::type)
                .containsExactly(
                        "firebreak.rootcause.recorded",
                        "firebreak.survey.sent",
                        "firebreak.followup.recorded",
                        "firebreak.complaint.closed");
        // The clock keeps looking, but a resolution gets one survey only.
        assertThat(probe.matching(r -> id.equals(r.key()) && "firebreak.survey.sent".equals(type(r))))
                .hasSize(1);

        // The answer counts in the satisfaction report (only this test rates reliability).
        JsonNode satisfaction = api.get(
                        "/api/v1/reports/satisfaction?from=" + Instant.now().minus(Duration.ofHours(1)) + "&to="
                                + Instant.now().plusSeconds(60),
                        Roles.SUPERVISOR)
                .json();
        assertThat(satisfaction.path("summary").path("byChannel").path("SURVEY").asInt())
                .isPositive();
        assertThat(satisfaction
                        .path("summary")
                        .path("servqualAverages")
                        .path("reliability")
                        .asDouble())
                .isEqualTo(4.0);
        assertThat(satisfaction.path("rows").get(4).path("score").asInt()).isEqualTo(5);
        assertThat(satisfaction.path("rows").get(4).path("count").asInt()).isPositive();
    }

    @Test
    void unhappySurveyFormReopensTheComplaintNamingTheOwner() {
        String id = complaintResolvedLongAgo();
        String path = URI.create(surveyLink(id)).getPath();

        TestApi.Response answered =
                api.postForm(path, null, "resolved=no&score=3&empathy=2&comment=%E8%BF%98%E6%B2%A1%E5%A5%BD");

        assertThat(answered.status()).as(answered.body()).isEqualTo(201);
        assertThat(answered.body()).contains("reopened");
        List<ConsumerRecord<String, String>> published = probe.await(r -> id.equals(r.key()), 4);
        assertThat(type(published.get(3))).isEqualTo("firebreak.complaint.reopened");
        ComplaintReopened reopened = CODEC.fromJson(published.get(3).value(), ComplaintReopened.class);
        assertThat(reopened.owner()).isEqualTo("agent-9");
        assertThat(reopened.reason()).contains("Survey", "还没好");
    }

    @Test
    void expiredForgedAndIncompleteSurveysGetClearAnswers() {
        String id = complaintResolvedLongAgo();
        String path = URI.create(surveyLink(id)).getPath();

        TestApi.Response incomplete = api.postForm(path, null, "score=9");
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.body()).contains("1 to 5");
        TestApi.Response badJson = api.post(path, null, "{\"score\":0}");
        assertThat(badJson.status()).isEqualTo(400);
        assertThat(badJson.isProblem()).isTrue();

        TestApi.Response forged = api.get(path.substring(0, path.length() - 2) + "xx", null);
        assertThat(forged.status()).isEqualTo(404);
        assertThat(forged.body()).contains("not valid", "无效").doesNotContain("Exception");

        clock.set(Duration.ofHours(21));
        TestApi.Response expired = api.get(path, null, Map.of("Accept", "application/json"));
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.isProblem()).isTrue();
        assertThat(expired.json().path("title").asString()).isEqualTo("Survey link expired");
        assertThat(api.post(path, null, "{\"resolved\":true,\"score\":5}").status())
                .isEqualTo(410);
        assertThat(pendingIds()).as("an agent may still call").contains(id);
    }

    @Test
    void unansweredCallsCloseTheComplaintAsNoResponse() {
        String id = resolvedComplaint();
        pendingFollowUp(id);

        for (int call = 1; call <= 2; call++) {
            TestApi.Response response =
                    api.post("/api/v1/complaints/" + id + "/follow-up/unanswered-calls", Roles.AGENT, "{}");
            assertThat(response.status()).isEqualTo(201);
            assertThat(response.json().path("unansweredCalls").asInt()).isEqualTo(call);
        }
        TestApi.Response third =
                api.post("/api/v1/complaints/" + id + "/follow-up/unanswered-calls", Roles.AGENT, "{}");

        assertThat(third.json().path("outcome").asString()).isEqualTo("NO_RESPONSE");
        assertThat(pendingIds()).doesNotContain(id);
        List<ConsumerRecord<String, String>> published = probe.await(r -> id.equals(r.key()), 2);
        assertThat(CODEC.fromJson(published.get(1).value(), ComplaintClosed.class)
                        .outcome())
                .isEqualTo(ClosureOutcome.NO_RESPONSE);
    }

    FeedbackContract() {
        super(Topics.FEEDBACK);
    }

    @Test
    void resolvedCaseMakesAFollowUpPendingAndRecordsItsRootCause() {
        String id = resolvedComplaint();

        JsonNode pending = pendingFollowUp(id);
        assertThat(pending.path("rootCause").asString()).isEqualTo("PRODUCT_DEFECT");
        assertThat(pending.path("resolvedBy").asString()).isEqualTo("agent-9");
        List<ConsumerRecord<String, String>> published = probe.await(r -> id.equals(r.key()), 1);
        assertThat(type(published.get(0))).isEqualTo("firebreak.rootcause.recorded");
        assertThat(CloudEvents.header(published.get(0).headers(), CloudEvents.SOURCE))
                .isEqualTo("/firebreak/feedback");
        RootCauseRecorded recorded = CODEC.fromJson(published.get(0).value(), RootCauseRecorded.class);
        assertThat(recorded.rootCause()).isEqualTo("PRODUCT_DEFECT");
        assertThat(recorded.department()).isEqualTo("PRODUCT_QUALITY");
    }

    @Test
    void satisfiedFollowUpClosesTheComplaint() {
        String id = resolvedComplaint();
        pendingFollowUp(id);

        TestApi.Response response = followUp(id, "{\"satisfied\":true,\"score\":5,\"comment\":\"很满意\"}");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().path("complaintId").asString()).isEqualTo(id);
        assertThat(response.json().path("outcome").asString()).isEqualTo("CLOSED");
        assertThat(pendingIds()).doesNotContain(id);
        List<ConsumerRecord<String, String>> published = probe.await(r -> id.equals(r.key()), 3);
        assertThat(published)
                .extracting(FeedbackContract::type)
                .containsExactly(
                        "firebreak.rootcause.recorded", "firebreak.followup.recorded", "firebreak.complaint.closed");
        FollowUpRecorded recorded = CODEC.fromJson(published.get(1).value(), FollowUpRecorded.class);
        assertThat(recorded.score()).isEqualTo(5);
        assertThat(recorded.by()).isEqualTo("agent-1");
        assertThat(CODEC.fromJson(published.get(2).value(), ComplaintClosed.class)
                        .outcome())
                .isEqualTo(ClosureOutcome.SATISFIED);
    }

    @Test
    void unhappyFollowUpReopensTheComplaintWithTheReason() {
        String id = resolvedComplaint();
        pendingFollowUp(id);

        TestApi.Response response = followUp(id, "{\"satisfied\":true,\"score\":2,\"comment\":\"还是会坏\"}");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().path("outcome").asString()).isEqualTo("REOPENED");
        List<ConsumerRecord<String, String>> published = probe.await(r -> id.equals(r.key()), 3);
        assertThat(published)
                .extracting(FeedbackContract::type)
                .containsExactly(
                        "firebreak.rootcause.recorded", "firebreak.followup.recorded", "firebreak.complaint.reopened");
        assertThat(CODEC.fromJson(published.get(2).value(), ComplaintReopened.class)
                        .reason())
                .contains("score 2/5", "还是会坏");
    }

    @Test
    void adminReplacesTheFollowUpPolicyAndTheNextAnswerIsJudgedByItsVersion() {
        TestApi.Response before = api.get("/api/v1/follow-ups/policy", Roles.SUPERVISOR);
        assertThat(before.status()).as(before.body()).isEqualTo(200);
        assertThat(before.json().path("reopenAtOrBelowScore").asInt()).isEqualTo(2);
        try {
            TestApi.Response bad = api.put(
                    "/api/v1/follow-ups/policy",
                    Roles.ADMIN,
                    "{\"delay\":\"PT24H\",\"reopenAtOrBelowScore\":9,\"maxAttempts\":3,\"noResponseAfter\":\"PT0S\"}");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().path("errors").findValuesAsString("field"))
                    .containsExactlyInAnyOrder("reopenAtOrBelowScore", "noResponseAfter");
            assertThat(api.put("/api/v1/follow-ups/policy", Roles.SUPERVISOR, before.body())
                            .status())
                    .isEqualTo(403);
            TestApi.Response put = api.put(
                    "/api/v1/follow-ups/policy",
                    Roles.ADMIN,
                    "{\"delay\":\"PT24H\",\"reopenAtOrBelowScore\":3,\"maxAttempts\":3,\"noResponseAfter\":\"P7D\"}");
            assertThat(put.status()).as(put.body()).isEqualTo(200);
            assertThat(put.json().path("version").asString()).startsWith("follow-up-");

            String id = resolvedComplaint();
            assertThat(pendingFollowUp(id).path("policyVersion").asString())
                    .as("planned with the new version")
                    .isEqualTo(put.json().path("version").asString());
            TestApi.Response answer = followUp(id, "{\"satisfied\":true,\"score\":3}");
            assertThat(answer.json().path("outcome").asString())
                    .as("3 is now unhappy")
                    .isEqualTo("REOPENED");
            assertThat(api.get("/api/v1/follow-ups/policy/versions", Roles.SUPERVISOR)
                            .json()
                            .path("items")
                            .get(0)
                            .path("version")
                            .asString())
                    .isEqualTo(put.json().path("version").asString());
        } finally {
            assertThat(api.put("/api/v1/follow-ups/policy", Roles.ADMIN, before.body())
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    void secondFollowUpOfTheSameResolutionIsConflict() {
        String id = resolvedComplaint();
        pendingFollowUp(id);
        assertThat(followUp(id, "{\"satisfied\":true,\"score\":4}").status()).isEqualTo(201);

        TestApi.Response again = followUp(id, "{\"satisfied\":false,\"score\":1}");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.isProblem()).isTrue();
        assertThat(again.json().path("detail").asString()).contains(id);
    }

    @Test
    void followUpBeforeTheResolutionIsConflict() {
        String id = newId();
        events.publish(new CaseOpened(id, Instant.now(), "BILLING"));

        // 404 until the opened case is consumed, then 409: known, but nothing to follow up yet.
        await().atMost(WAIT).untilAsserted(() -> {
            TestApi.Response response = followUp(id, "{\"satisfied\":true,\"score\":5}");
            assertThat(response.status()).isEqualTo(409);
            assertThat(response.isProblem()).isTrue();
        });
    }

    @Test
    void unknownComplaintIsNotFoundAsProblemJson() {
        TestApi.Response response = followUp("no-such-complaint", "{\"satisfied\":true,\"score\":5}");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.isProblem()).isTrue();
    }

    @Test
    void reopenedAndResolvedAgainComplaintGetsOneNewFollowUp() {
        String id = resolvedComplaint();
        pendingFollowUp(id);
        assertThat(followUp(id, "{\"satisfied\":false,\"score\":1}")
                        .json()
                        .path("outcome")
                        .asString())
                .isEqualTo("REOPENED");

        events.publish(resolved(id, "PRODUCT_DEFECT"));
        pendingFollowUp(id);
        assertThat(followUp(id, "{\"satisfied\":true,\"score\":4}")
                        .json()
                        .path("outcome")
                        .asString())
                .isEqualTo("CLOSED");
        assertThat(followUp(id, "{\"satisfied\":true,\"score\":4}").status()).isEqualTo(409);

        assertThat(probe.await(r -> id.equals(r.key()), 6))
                .extracting(FeedbackContract::type)
                .containsExactly(
                        "firebreak.rootcause.recorded",
                        "firebreak.followup.recorded",
                        "firebreak.complaint.reopened",
                        "firebreak.rootcause.recorded",
                        "firebreak.followup.recorded",
                        "firebreak.complaint.closed");
    }

    @Test
    void redeliveredCaseResolvedChangesNothing() {
        String id = newId();
        String resolutionId = UUID.randomUUID().toString();
        events.publish(new CaseOpened(id, Instant.now(), "PRODUCT_QUALITY"));
        CaseResolved resolved = resolved(id, "PRODUCT_DEFECT");
        events.publish(resolved, resolutionId);
        pendingFollowUp(id);
        assertThat(followUp(id, "{\"satisfied\":true,\"score\":5}").status()).isEqualTo(201);

        // The same resolution again, then a marker on the same partition: once the marker is done, so is the repeat.
        events.publish(resolved, resolutionId, 0);
        String marker = newId();
        events.publish(resolved(marker, "OTHER"), UUID.randomUUID().toString(), 0);
        pendingFollowUp(marker);

        assertThat(pendingIds()).doesNotContain(id);
        assertThat(followUp(id, "{\"satisfied\":true,\"score\":5}").status()).isEqualTo(409);
        probe.await(r -> marker.equals(r.key()), 1);
        assertThat(probe.matching(r -> id.equals(r.key()) && "firebreak.rootcause.recorded".equals(type(r))))
                .hasSize(1);
    }

    @Test
    void invalidAnswerIsBadRequestNamingEachField() {
        String id = resolvedComplaint();
        pendingFollowUp(id);

        TestApi.Response response = followUp(id, "{\"score\":6,\"comment\":\"" + "长".repeat(2001) + "\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().path("errors"))
                .extracting(e -> e.path("field").asString())
                .containsExactlyInAnyOrder("satisfied", "score", "comment");
        assertThat(pendingIds()).contains(id);
    }

    @Test
    void missingScoreIsBadRequest() {
        TestApi.Response response = followUp("any", "{\"satisfied\":true}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").get(0).path("field").asString())
                .isEqualTo("score");
    }

    @Test
    void requestWithoutTokenIsUnauthorizedAsProblemJson() {
        TestApi.Response response = api.get("/api/v1/follow-ups", null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.isProblem()).isTrue();
    }

    @Test
    void roleOtherThanAgentIsForbiddenAsProblemJson() {
        TestApi.Response response =
                api.post("/api/v1/complaints/any/follow-up", Roles.INTEGRATION, "{\"satisfied\":true,\"score\":5}");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.isProblem()).isTrue();
    }

    @Test
    void readinessIsUpWithoutAToken() {
        TestApi.Response health = api.get("/actuator/health/readiness", null);

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asString()).isEqualTo("UP");
    }

    private String resolvedComplaint() {
        String id = newId();
        events.publish(new CaseOpened(id, Instant.now(), "PRODUCT_QUALITY"));
        events.publish(resolved(id, "PRODUCT_DEFECT"));
        return id;
    }

    private TestApi.Response followUp(String id, String json) {
        return api.post("/api/v1/complaints/" + id + "/follow-up", Roles.AGENT, json);
    }

    private JsonNode pendingFollowUp(String id) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(WAIT).until(() -> {
            for (JsonNode node :
                    api.get("/api/v1/follow-ups", Roles.AGENT).json().path("items")) {
                if (id.equals(node.path("complaintId").asString())) {
                    found[0] = node;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    /** Resolved 25 hours ago: its follow-up is due, and the clock sends its survey. */
    private String complaintResolvedLongAgo() {
        String id = newId();
        events.publish(new CaseOpened(id, Instant.now(), "PRODUCT_QUALITY"));
        events.publish(new CaseResolved(
                id,
                Instant.now().minus(Duration.ofHours(25)),
                "agent-9",
                "Replaced the charger",
                "PRODUCT_DEFECT",
                "PRODUCT_QUALITY",
                null));
        return id;
    }

    @Test
    void aBurstOfOneRootCauseRaisesOnePreventionActionThatGroupsItsComplaints() {
        String cause = "BURST_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String id = newId();
            ids.add(id);
            events.publish(new CaseResolved(
                    id, Instant.now(), "agent-9", "Rebooted the router", cause, "NETWORK", "ROUTER-X1"));
        }
        String actionId = "PA-" + cause + "-NETWORK-1";
        List<ConsumerRecord<String, String>> raised = probe.await(r -> actionId.equals(r.key()), 1);
        assertThat(type(raised.get(0))).isEqualTo("firebreak.prevention.raised");
        PreventionRaised event = CODEC.fromJson(raised.get(0).value(), PreventionRaised.class);
        assertThat(event.rootCause()).isEqualTo(cause);
        assertThat(event.complaintIds()).hasSize(5).isSubsetOf(ids);

        // Later complaints of the burst join the action: one fix, many customers.
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(api.get("/api/v1/prevention-actions/" + actionId, Roles.AGENT)
                                .json()
                                .path("complaintIds")
                                .size())
                        .isEqualTo(7));
        JsonNode action = api.get("/api/v1/prevention-actions?rootCause=" + cause, Roles.AGENT)
                .json()
                .path("items");
        assertThat(action.size()).as("one action, not one per complaint").isEqualTo(1);
        assertThat(action.get(0).path("status").asString()).isEqualTo("OPEN");
        assertThat(action.get(0).path("raisedBecause").path("windowCount").asInt())
                .isEqualTo(5);

        TestApi.Response noOwner =
                api.put("/api/v1/prevention-actions/" + actionId, Roles.SUPERVISOR, "{\"status\":\"IN_PROGRESS\"}");
        assertThat(noOwner.status()).isEqualTo(400);
        assertThat(api.put(
                                "/api/v1/prevention-actions/" + actionId,
                                Roles.AGENT,
                                "{\"status\":\"IN_PROGRESS\",\"owner\":\"net-lead\"}")
                        .status())
                .isEqualTo(403);
        TestApi.Response started = api.put("/api/v1/prevention-actions/" + actionId, Roles.SUPERVISOR, """
                {"status":"IN_PROGRESS","owner":"net-lead","plan":"Firmware 2.1 to every X1","dueDate":"2026-12-31"}""");
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        assertThat(started.json().path("startedAt").asString()).isNotBlank();

        // Staff of another department neither manage the action nor link complaints into it.
        TestApi billing = new TestApi(
                java.net.URI.create("http://localhost:" + port),
                role -> "Bearer " + io.firebreak.platform.test.TestTokens.forDepartments("sun.yu", role, "BILLING"));
        assertThat(billing.post(
                                "/api/v1/prevention-actions/" + actionId + "/complaints",
                                Roles.AGENT,
                                "{\"complaintId\":\"" + ids.get(0) + "\"}")
                        .status())
                .isEqualTo(403);
        TestApi.Response unknown = api.post(
                "/api/v1/prevention-actions/" + actionId + "/complaints",
                Roles.AGENT,
                "{\"complaintId\":\"no-such-complaint\"}");
        assertThat(unknown.status()).as("a complaint feedback never heard of").isEqualTo(404);
        assertThat(billing.put(
                                "/api/v1/prevention-actions/" + actionId,
                                Roles.SUPERVISOR,
                                "{\"status\":\"IN_PROGRESS\",\"owner\":\"x\"}")
                        .status())
                .isEqualTo(403);
        assertThat(billing.post(
                                "/api/v1/prevention-actions/" + actionId + "/group-resolution",
                                Roles.SUPERVISOR,
                                "{\"message\":\"x\"}")
                        .status())
                .isEqualTo(403);

        TestApi.Response together = api.post(
                "/api/v1/prevention-actions/" + actionId + "/group-resolution",
                Roles.SUPERVISOR,
                "{\"message\":\"路由器固件已统一升级 / Firmware upgraded for all\"}");
        assertThat(together.status()).as(together.body()).isEqualTo(202);
        assertThat(together.json().path("cases"))
                .as("each grouped complaint's part")
                .hasSize(7)
                .allSatisfy(c -> assertThat(c.path("outcome").asString()).isEqualTo("SKIPPED"));
        assertThat(together.json().path("cases").get(0).path("reason").asString())
                .isEqualTo("already resolved");
        List<ConsumerRecord<String, String>> group =
                probe.await(r -> actionId.equals(r.key()) && "firebreak.group.resolved".equals(type(r)), 1);
        PreventionGroupResolved resolved = CODEC.fromJson(group.get(0).value(), PreventionGroupResolved.class);
        assertThat(resolved.complaintIds()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(resolved.by()).isEqualTo("supervisor-1");

        TestApi.Response done =
                api.put("/api/v1/prevention-actions/" + actionId, Roles.SUPERVISOR, "{\"status\":\"DONE\"}");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().path("plan").asString())
                .as("a field left out keeps its value")
                .isEqualTo("Firmware 2.1 to every X1");
        assertThat(done.json().path("owner").asString()).isEqualTo("net-lead");
        assertThat(done.json().path("effect").path("before").asInt()).isEqualTo(7);
        assertThat(done.json().path("effect").path("complete").asBoolean()).isFalse();
        assertThat(done.json().path("effect").path("changePercent").isNull())
                .as("no share before the window ends")
                .isTrue();
        TestApi.Response back =
                api.put("/api/v1/prevention-actions/" + actionId, Roles.SUPERVISOR, "{\"status\":\"OPEN\"}");
        assertThat(back.status()).isEqualTo(409);
        assertThat(api.get("/api/v1/prevention-actions/PA-none", Roles.AGENT).status())
                .isEqualTo(404);
    }

    @Test
    void reportsCoverASeededPeriodAsJsonAndCsv() {
        Instant day = Instant.parse("2020-03-02T09:00:00Z");
        String a = seeded(day, Channel.PHONE, ComplaintClass.ORDINARY, "LOGISTICS", true, true, false);
        String b = seeded(day.plusSeconds(3600), Channel.EMAIL, ComplaintClass.ESCALATED, "BILLING", false, true, true);
        String c = seeded(day.plusSeconds(7200), Channel.PHONE, ComplaintClass.MAJOR, "LOGISTICS", false, false, false);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(report("complaints")
                                .path("summary")
                                .path("total")
                                .asInt())
                        .isEqualTo(3));

        JsonNode complaints = report("complaints");
        assertThat(complaints.path("rows")).anySatisfy(r -> {
            assertThat(r.path("dimension").asString()).isEqualTo("channel");
            assertThat(r.path("value").asString()).isEqualTo("PHONE");
            assertThat(r.path("count").asInt()).isEqualTo(2);
        });
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode sla = report("sla");
            assertThat(sla.path("summary").path("firstResponseMetPercent").asDouble())
                    .isEqualTo(33.3);
            assertThat(sla.path("summary").path("resolutionMetPercent").asDouble())
                    .isEqualTo(66.7);
            assertThat(sla.path("summary").path("promisesMade").asInt()).isEqualTo(3);
            assertThat(sla.path("summary").path("promisesKeptOnTime").asInt()).isEqualTo(1);
            assertThat(sla.path("summary").path("promisesBroken").asInt()).isEqualTo(2);
            JsonNode reopen = report("reopen-rate");
            assertThat(reopen.path("summary").path("resolved").asInt()).isEqualTo(2);
            assertThat(reopen.path("summary").path("reopenPercent").asDouble()).isEqualTo(50.0);
            assertThat(report("root-causes")
                            .path("rows")
                            .get(0)
                            .path("rootCause")
                            .asString())
                    .isEqualTo("DELIVERY_LOGISTICS");
        });
        assertThat(List.of(a, b, c)).doesNotHaveDuplicates();

        TestApi.Response csv = api.get(
                "/api/v1/reports/complaints?from=2020-03-01&to=2020-03-31",
                Roles.SUPERVISOR,
                Map.of("Accept", "text/csv"));
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("dimension,value,count\r\n").contains("channel,EMAIL,1\r\n");
        assertThat(api.get("/api/v1/reports/sla?from=2020-03-01&to=2020-03-31&format=csv", Roles.SUPERVISOR)
                        .body())
                .contains("FIRST_RESPONSE,3,1,33.3")
                .contains("PROMISES,3,1,33.3");

        TestApi.Response badPeriod = api.get("/api/v1/reports/sla?from=2020-04-01&to=2020-03-01", Roles.SUPERVISOR);
        assertThat(badPeriod.status()).isEqualTo(400);
        assertThat(badPeriod.isProblem()).isTrue();
        assertThat(api.get("/api/v1/reports/sla?from=yesterday", Roles.SUPERVISOR)
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/reports/nothing", Roles.SUPERVISOR).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/reports/sla", Roles.AGENT).status()).isEqualTo(403);
    }

    private JsonNode report(String name) {
        TestApi.Response response =
                api.get("/api/v1/reports/" + name + "?from=2020-03-01&to=2020-03-31", Roles.SUPERVISOR);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** A complaint of the past: received, classified, assigned (first response due in 2 h, resolution in 2 days). */
    private String seeded(
            Instant at,
            Channel channel,
            ComplaintClass complaintClass,
            String department,
            boolean acknowledgedInTime,
            boolean resolved,
            boolean reopened) {
        String id = newId();
        events.publish(new ComplaintReceived(
                id,
                at,
                channel,
                "cust-1",
                "***",
                "seeded",
                null,
                null,
                null,
                EmotionLevel.values()[0],
                List.of(),
                null,
                null,
                List.of()));
        events.publish(new ComplaintClassified(id, at.plusSeconds(1), complaintClass, null, List.of(), "v1", "test"));
        events.publish(new ResponsibilityAssigned(
                id,
                at.plusSeconds(2),
                department,
                List.of(),
                complaintClass,
                at.plus(Duration.ofHours(2)),
                at.plus(Duration.ofDays(2)),
                null));
        if (resolved) {
            events.publish(
                    new CaseAcknowledged(id, at.plus(Duration.ofHours(acknowledgedInTime ? 1 : 3)), "agent-1", null));
            events.publish(new CaseResolved(
                    id, at.plus(Duration.ofDays(1)), "agent-1", "done", "DELIVERY_LOGISTICS", department, null));
        }
        if (reopened) events.publish(new ComplaintReopened(id, at.plus(Duration.ofDays(3)), "unhappy", "agent-1"));
        // A callback promised with every first response: kept on time when the response was, else broken.
        Instant callback = at.plus(Duration.ofHours(4));
        events.publish(new PromiseMade(id, at.plus(Duration.ofHours(1)), "P1", "Call back", callback, "agent-1"));
        events.publish(
                acknowledgedInTime
                        ? new PromiseKept(
                                id, at.plus(Duration.ofHours(3)), "P1", "Call back", callback, "agent-1", true)
                        : new PromiseBroken(id, callback, "P1", "Call back", callback, "agent-1", department));
        return id;
    }

    private String surveyLink(String id) {
        ConsumerRecord<String, String> sent = probe.await(
                        r -> id.equals(r.key()) && "firebreak.survey.sent".equals(type(r)), 1)
                .get(0);
        return CODEC.fromJson(sent.value(), SurveySent.class).link();
    }

    private List<String> dueIds(String due) {
        TestApi.Response response = api.get("/api/v1/follow-ups?due=" + due, Roles.AGENT);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json()
                .path("items")
                .valueStream()
                .map(n -> n.path("complaintId").asString())
                .toList();
    }

    private List<String> pendingIds() {
        TestApi.Response response = api.get("/api/v1/follow-ups", Roles.AGENT);
        assertThat(response.status()).isEqualTo(200);
        return response.json()
                .path("items")
                .valueStream()
                .map(n -> n.path("complaintId").asString())
                .toList();
    }

    private static CaseResolved resolved(String id, String rootCause) {
        return new CaseResolved(
                id, Instant.now(), "agent-9", "Replaced the charger", rootCause, "PRODUCT_QUALITY", null);
    }
}
