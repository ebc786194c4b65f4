package io.firebreak.standalone;

import static io.firebreak.standalone.SystemUnderTest.STEP;
import static io.firebreak.standalone.SystemUnderTest.api;
import static io.firebreak.standalone.SystemUnderTest.awaitCase;
import static io.firebreak.standalone.SystemUnderTest.awaitCaseFile;
import static io.firebreak.standalone.SystemUnderTest.caseFile;
import static io.firebreak.standalone.SystemUnderTest.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.platform.security.Roles;
import io.firebreak.platform.test.TestApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A customer asks to have their personal data erased (PIPL, GDPR): a supervisor erases it, and every service forgets
 * what came from the customer or names them, while the complaint stays as a record for reports and regulators.
 */
class ErasureE2EIT {

    @Test
    void aCustomersPersonalDataIsErasedInEveryServiceAndTheComplaintRecordStays() {
        String phone = "135" + String.format("%08d", System.nanoTime() % 100_000_000L);
        String name = "欧阳娜娜";
        String words = "我是" + name + "，住在朝阳区幸福路8号，洗衣机漏水把楼下淹了，要求退款，不然我就找律师";
        String id = submit(Roles.AGENT, """
                {"channel":"PHONE","customer":{"phone":"%s","name":"%s","email":"ouyang.%s@example.com"},
                 "description":"%s","orderRef":"ORD-ERASE-1"}""".formatted(phone, name, phone, words));
        awaitCase(id, "ASSIGNED");
        assertThat(api().post(
                                "/api/v1/complaints/" + id + "/messages",
                                Roles.AGENT,
                                "{\"text\":\"" + name + "又打来电话：幸福路8号的地板也泡了\"}")
                        .status())
                .isEqualTo(201);
        assertThat(api().post(
                                "/api/v1/cases/" + id + "/acknowledge",
                                Roles.AGENT,
                                "{\"message\":\"" + name + "您好，我们已收到\"}")
                        .status())
                .isEqualTo(200);
        assertThat(api().post(
                                "/api/v1/cases/" + id + "/resolve",
                                Roles.AGENT,
                                "{\"summary\":\"给" + name + "退款并上门维修\",\"rootCause\":\"PRODUCT_DEFECT\"}")
                        .status())
                .isEqualTo(200);
        JsonNode before = awaitCaseFile(id, c -> c.get("status").asString().equals("RESOLVED"));
        String customerId = before.get("customer").get("id").asString();
        String classification =
                before.get("classification").get("complaintClass").asString();
        await().atMost(STEP).until(() -> pendingFollowUp(id) != null);
        assertThat(pendingFollowUp(id).get("summary").asString()).contains(name);

        String erasure = "/api/v1/customers/" + customerId + "/personal-data";
        assertThat(api().delete(erasure, Roles.AGENT).status())
                .as("agents may not")
                .isEqualTo(403);
        TestApi.Response erased = api().delete(erasure, Roles.SUPERVISOR);
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(erased.json().get("complaintIds").get(0).asString()).isEqualTo(id);

        // Intake: the case file and the customer's record.
        JsonNode file = caseFile(id);
        assertThat(file.toString()).doesNotContain(name).doesNotContain("幸福路").doesNotContain(phone.substring(7));
        assertThat(file.get("description").asString()).isEqualTo("[erased]");
        assertThat(file.get("classification").get("complaintClass").asString())
                .as("the record stays")
                .isEqualTo(classification);
        assertThat(file.get("status").asString()).isEqualTo("RESOLVED");
        assertThat(file.get("orderRef").asString()).isEqualTo("ORD-ERASE-1");
        JsonNode history = api().get("/api/v1/customers/" + customerId + "/complaints", Roles.AGENT)
                .json();
        assertThat(history.toString()).doesNotContain(name).doesNotContain(phone.substring(7));
        assertThat(history.get("items").get(0).get("complaintId").asString()).isEqualTo(id);
        // Triage, resolution and feedback hear of it and forget what quotes or names the customer.
        await().atMost(STEP)
                .until(() ->
                        api().get("/api/v1/triage/" + id, Roles.AGENT).json().findValuesAsString("evidence").stream()
                                .allMatch(e -> e == null || e.equals("[erased]")));
        assertThat(api().get("/api/v1/triage/" + id, Roles.AGENT).body()).doesNotContain("律师");
        await().atMost(STEP)
                .until(() ->
                        !api().get("/api/v1/cases/" + id, Roles.AGENT).body().contains(name));
        JsonNode theCase = api().get("/api/v1/cases/" + id, Roles.AGENT).json();
        assertThat(theCase.get("resolution").get("rootCause").asString()).isEqualTo("PRODUCT_DEFECT");
        await().atMost(STEP).until(() -> !pendingFollowUp(id).toString().contains(name));
        // The same person complaining again is a new customer: nothing new is tied to the erased record.
        String again = submit(Roles.AGENT, """
                {"channel":"PHONE","customer":{"phone":"%s"},"description":"空调不制冷"}""".formatted(phone));
        assertThat(caseFile(again).get("customer").get("id").asString()).isNotEqualTo(customerId);
        assertThat(api().delete("/api/v1/customers/CUS-NOBODY/personal-data", Roles.SUPERVISOR)
                        .status())
                .isEqualTo(404);
    }

    private static JsonNode pendingFollowUp(String id) {
        for (JsonNode pending :
                api().get("/api/v1/follow-ups", Roles.AGENT).json().path("items")) {
            if (pending.get("complaintId").asString().equals(id)) return pending;
        }
        return null;
    }
}
