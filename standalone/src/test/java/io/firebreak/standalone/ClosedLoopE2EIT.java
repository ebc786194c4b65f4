package io.firebreak.standalone;

import static io.firebreak.standalone.SystemUnderTest.STEP;
import static io.firebreak.standalone.SystemUnderTest.awaitCase;
import static io.firebreak.standalone.SystemUnderTest.awaitCaseFile;
import static io.firebreak.standalone.SystemUnderTest.awaitStatus;
import static io.firebreak.standalone.SystemUnderTest.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.platform.security.Roles;
import io.firebreak.platform.test.TestApi;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The closed loop (回访 and 源头火苗) through the gateway on the whole system: a follow-up comes due and its survey
 * link, used without login, reopens and escalates an unhappy customer's complaint until a second resolution
 * satisfies them; a burst of complaints with one root cause raises one prevention action and a supervisor alert,
 * and the action resolves its grouped complaints together.
 */
class ClosedLoopE2EIT {

    static TestApi api;

    @BeforeAll
    static void start() {
        SystemUnderTest.system();
        api = SystemUnderTest.api();
    }

    @Test
    void anUnhappySurveyReopensAndEscalatesUntilASecondResolutionSatisfiesAndCloses() {
        String id = submit(Roles.AGENT, """
                {"channel":"PHONE","customer":{"name":"赵磊","phone":"+86 139 0000 1111"},
                 "description":"充电器用了一周就不工作了","productRef":"ELC-CH-20"}""");
        JsonNode assigned = awaitStatus(id, "ASSIGNED");
        assertThat(assigned.get("classification").get("complaintClass").asString())
                .isNotEqualTo("ESCALATED");
        awaitCase(id, "ASSIGNED");
        assertThat(api.post("/api/v1/cases/" + id + "/acknowledge", Roles.AGENT, "{}")
                        .status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/cases/" + id + "/resolve", Roles.AGENT, """
                {"summary":"Sent a replacement charger","rootCause":"PRODUCT_DEFECT"}""")
                        .status())
                .isEqualTo(200);

        String firstLink = dueSurveyLink(id, null);
        String firstPath = URI.create(firstLink).getPath();
        TestApi.Response form = api.get(firstPath, null);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.contentType()).startsWith("text/html");
        assertThat(form.body()).contains("Was it resolved?", "问题是否已解决");
        TestApi.Response unhappy = api.postForm(firstPath, null, "resolved=no&score=2&comment=still+broken");
        assertThat(unhappy.status()).as(unhappy.body()).isEqualTo(201);

        awaitStatus(id, "REOPENED");
        awaitCaseFile(
                id,
                c -> "ESCALATED"
                        .equals(c.get("classification").get("complaintClass").asString()));
        JsonNode reopenedAlert =
                awaitAlert("REOPENED", a -> id.equals(a.path("complaintId").asString()));
        assertThat(reopenedAlert.path("summary").asString()).contains("owner: standalone-agent", "score 2/5");
        TestApi.Response again = api.post(firstPath, null, "{\"resolved\":true,\"score\":5}");
        assertThat(again.status()).as("the link works once").isEqualTo(410);
        assertThat(again.isProblem()).isTrue();

        awaitCase(id, "REOPENED");
        assertThat(api.post("/api/v1/cases/" + id + "/acknowledge", Roles.SUPERVISOR, "{}")
                        .status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/cases/" + id + "/resolve", Roles.SUPERVISOR, """
                {"summary":"Replaced the charging unit and refunded the charger","rootCause":"PRODUCT_DEFECT"}""")
                        .status())
                .isEqualTo(200);
        String secondLink = dueSurveyLink(id, firstLink);
        TestApi.Response happy = api.post(URI.create(secondLink).getPath(), null, """
                {"resolved":true,"score":5,"servqual":{"empathy":5,"responsiveness":4},"comment":"谢谢"}""");
        assertThat(happy.status()).as(happy.body()).isEqualTo(201);
        assertThat(happy.json().path("outcome").asString()).isEqualTo("CLOSED");
        awaitStatus(id, "CLOSED");
        assertThat(api.get(firstPath, null).status())
                .as("the first resolution is not surveyed again")
                .isEqualTo(410);
    }

    @Test
    void aBurstOfOneRootCauseRaisesOnePreventionActionWhoseComplaintsAreResolvedTogether() {
        List<String> burst = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            burst.add(submit(Roles.INTEGRATION, """
                    {"channel":"CHAT","customer":{"id":"CRM-OUT-%d"},"description":"The app crashes at login"}""".formatted(i)));
        }
        for (String id : burst) {
            awaitCase(id, "ASSIGNED");
            assertThat(api.post("/api/v1/cases/" + id + "/acknowledge", Roles.AGENT, "{}")
                            .status())
                    .isEqualTo(200);
            assertThat(api.post("/api/v1/cases/" + id + "/resolve", Roles.AGENT, """
                    {"summary":"Login service restarted","rootCause":"SYSTEM_OUTAGE"}""")
                            .status())
                    .isEqualTo(200);
        }

        JsonNode[] actions = new JsonNode[1];
        await().atMost(STEP).until(() -> {
            actions[0] = api.get("/api/v1/prevention-actions?rootCause=SYSTEM_OUTAGE", Roles.AGENT)
                    .json()
                    .path("items");
            return actions[0].size() == 1
                    && actions[0].get(0).path("complaintIds").size() == 5;
        });
        JsonNode action = actions[0].get(0);
        String actionId = action.path("id").asString();
        assertThat(action.path("department").asString()).isEqualTo("TECH_SUPPORT");
        assertThat(action.path("complaintIds")
                        .valueStream()
                        .map(JsonNode::asString)
                        .toList())
                .containsExactlyInAnyOrderElementsOf(burst);
        JsonNode alert =
                awaitAlert("PREVENTION", a -> a.path("summary").asString().contains(actionId));
        assertThat(alert.path("department").asString()).isEqualTo("TECH_SUPPORT");
        assertThat(alerts("PREVENTION").stream()
                        .filter(a -> a.path("summary").asString().contains("SYSTEM_OUTAGE")))
                .as("one action, one alert, not one per complaint")
                .hasSize(1);

        // A new complaint on the same outage, recognised by an agent, joins the group and is resolved with it.
        String late = submit(Roles.INTEGRATION, """
                {"channel":"CHAT","customer":{"id":"CRM-OUT-9"},"description":"The app crashes at login again"}""");
        awaitCase(late, "ASSIGNED");
        assertThat(api.post("/api/v1/cases/" + late + "/acknowledge", Roles.AGENT, "{}")
                        .status())
                .isEqualTo(200);
        // Feedback knows a complaint once it has read of it (404 until then).
        TestApi.Response[] linked = new TestApi.Response[1];
        await().atMost(STEP)
                .until(() -> (linked[0] = api.post(
                                        "/api/v1/prevention-actions/" + actionId + "/complaints",
                                        Roles.AGENT,
                                        "{\"complaintId\":\"" + late + "\"}"))
                                .status()
                        != 404);
        assertThat(linked[0].status()).as(linked[0].body()).isEqualTo(200);
        TestApi.Response together = api.post(
                "/api/v1/prevention-actions/" + actionId + "/group-resolution",
                Roles.SUPERVISOR,
                "{\"message\":\"登录服务已修复 / The login service is fixed for everyone\"}");
        assertThat(together.status()).as(together.body()).isEqualTo(202);
        awaitStatus(late, "RESOLVED");
        assertThat(api.get("/api/v1/cases/" + late, Roles.AGENT)
                        .json()
                        .path("resolution")
                        .path("summary")
                        .asString())
                .contains("login service is fixed");
        // The case is resolved where resolution keeps it; feedback counts the cause once it has read of it.
        await().atMost(STEP).until(() -> outagesCountedInTechSupport() == 6);

        TestApi.Response done = api.put("/api/v1/prevention-actions/" + actionId, Roles.SUPERVISOR, """
                {"status":"DONE","owner":"guo.hui","plan":"Second login node","dueDate":"2026-12-31"}""");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().path("effect").path("before").asInt()).isEqualTo(6);
        TestApi.Response report = api.get("/api/v1/reports/prevention", Roles.SUPERVISOR);
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(report.json().path("rows"))
                .anySatisfy(r -> assertThat(r.path("id").asString()).isEqualTo(actionId));
        assertThat(api.get("/api/v1/reports/root-causes?format=csv", Roles.SUPERVISOR)
                        .body())
                .contains("SYSTEM_OUTAGE");
    }

    /** Waits until the follow-up of the complaint is due with a survey link other than {@code previous}. */
    private static String dueSurveyLink(String id, String previous) {
        String[] link = new String[1];
        await().atMost(STEP).until(() -> {
            for (JsonNode f :
                    api.get("/api/v1/follow-ups?due=true", Roles.AGENT).json().path("items")) {
                String candidate = f.path("surveyLink").asString(null);
                if (id.equals(f.path("complaintId").asString()) && candidate != null && !candidate.equals(previous)) {
                    link[0] = candidate;
                    return true;
                }
            }
            return false;
        });
        return link[0];
    }

    /** Complaints resolved with a system outage in technical support, as feedback's root-cause report counts them. */
    private static int outagesCountedInTechSupport() {
        for (JsonNode row :
                api.get("/api/v1/reports/root-causes", Roles.SUPERVISOR).json().path("rows")) {
            if (row.path("rootCause").asString().equals("SYSTEM_OUTAGE")) {
                return row.path("departments").path("TECH_SUPPORT").asInt();
            }
        }
        return 0;
    }

    private static List<JsonNode> alerts(String kind) {
        TestApi.Response response = api.get("/api/v1/alerts?kind=" + kind + "&limit=200", Roles.SUPERVISOR);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("items").valueStream().toList();
    }

    private static JsonNode awaitAlert(String kind, java.util.function.Predicate<JsonNode> which) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(STEP).until(() -> {
            found[0] = alerts(kind).stream().filter(which).findFirst().orElse(null);
            return found[0] != null;
        });
        return found[0];
    }
}
