package io.firebreak.standalone;

import static io.firebreak.standalone.SystemUnderTest.STEP;
import static io.firebreak.standalone.SystemUnderTest.submit;
import static io.firebreak.standalone.SystemUnderTest.system;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.platform.security.Roles;
import io.firebreak.platform.test.TestApi;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser (Debian's Chromium, headless), against the whole system through the gateway: an
 * agent takes a phone complaint from intake to closed, a supervisor's board shows an escalation as it happens, and
 * the language switch shows it all in Chinese. Each test signs in with the picker of the tokens the standalone
 * system issued. Screenshots of the screens go to {@code target/console-screens/}.
 */
class ConsoleE2EIT {

    @Test
    void anAgentTakesAPhoneComplaintFromIntakeToClosedInTheConsole() {
        try (Browser browser = Browser.open()) {
            signIn(browser, Roles.AGENT);
            browser.await(By.cssSelector("#nav a[href='#/new']")).click();

            new Select(browser.await(By.id("channel"))).selectByValue("PHONE");
            browser.await(By.id("name")).sendKeys("Wang Fang");
            browser.await(By.id("phone")).sendKeys("138%08d".formatted(System.nanoTime() % 100_000_000L));
            browser.await(By.id("description")).sendKeys("The lid of the kettle I bought last week does not close");
            browser.await(By.id("orderRef")).sendKeys("ORD-7001");
            browser.screenshot("new-complaint");
            browser.await(By.cssSelector("#new-complaint button[type=submit]")).click();

            // The case view: triage classifies it and gives it an owner, shown without a reload.
            browser.awaitText(By.id("status-value"), "ASSIGNED");
            String id = browser.driver.getCurrentUrl().replaceAll(".*#/cases/", "");
            // The view redraws itself as the case moves on: what it shows is read until it is there.
            await().atMost(STEP)
                    .ignoreException(StaleElementReferenceException.class)
                    .untilAsserted(() -> {
                        assertThat(browser.text(By.id("description"))).contains("kettle");
                        assertThat(browser.text(By.id("reasons"))).isNotBlank();
                        assertThat(browser.text(By.id("owner"))).isNotBlank();
                    });
            browser.screenshot("case");

            act(
                    browser,
                    "action-acknowledge",
                    form -> form.findElement(By.id("ackMessage"))
                            .sendKeys("Sorry about the kettle, we are looking into it"));
            browser.awaitText(By.id("status-value"), "ACKNOWLEDGED");

            // Another department's part: a required task for after-sales, listed on the case, done before resolving.
            act(browser, "action-task", form -> {
                form.findElement(By.id("taskDepartment")).sendKeys("after_sales");
                form.findElement(By.id("taskWhat")).sendKeys("Send a replacement lid from stock");
                dueIn(browser, form.findElement(By.id("taskDue")), 1);
            });
            browser.awaitText(By.cssSelector("#tasks li[data-task='T1']"), "AFTER_SALES");
            assertThat(browser.text(By.cssSelector("#tasks li[data-task='T1']")))
                    .contains("Send a replacement lid from stock", "OPEN");
            // Nobody owns it yet: the agent claims it, then completes it.
            String me = browser.text(By.id("who")).replaceAll(" .*", "");
            browser.click(By.xpath("//li[@data-task='T1']/button[text()='Claim']"));
            browser.awaitText(By.cssSelector("#tasks li[data-task='T1']"), me);
            browser.click(By.xpath("//li[@data-task='T1']/button[text()='Complete']"));
            browser.awaitText(By.cssSelector("#tasks li[data-task='T1']"), "DONE");

            act(browser, "action-resolve", form -> {
                form.findElement(By.id("summary")).sendKeys("A new lid sent by courier");
                new Select(form.findElement(By.id("rootCause"))).selectByIndex(1);
            });
            browser.awaitText(By.id("status-value"), "RESOLVED");
            long resolved = System.nanoTime();

            // The follow-up call: feedback may hear of the resolution a moment after intake; its refusal (409) is
            // shown in the form, which keeps the answer, and the agent sends it again. An answer taken is not sent
            // twice: the complaint closes a moment later, when intake hears of it.
            act(
                    browser,
                    "action-followUp",
                    form -> form.findElement(By.id("satisfied")).click());
            await().atMost(STEP)
                    .pollInterval(Duration.ofSeconds(1))
                    .ignoreException(StaleElementReferenceException.class)
                    .ignoreException(org.openqa.selenium.NoSuchElementException.class)
                    .untilAsserted(() -> {
                        String status = browser.text(By.id("status-value"));
                        if (!status.contains("CLOSED")
                                && !browser.driver
                                        .findElements(By.cssSelector("#action-followUp .error"))
                                        .isEmpty()) {
                            WebElement form = browser.driver.findElement(By.id("action-followUp"));
                            assertThat(form.findElement(By.id("satisfied")).isSelected())
                                    .isTrue();
                            form.findElement(By.cssSelector("button[type=submit]"))
                                    .click();
                        }
                        assertThat(status).contains("CLOSED");
                    });
            System.out.printf(
                    "Complaint %s: CLOSED in the console %d ms after it showed RESOLVED%n",
                    id, (System.nanoTime() - resolved) / 1_000_000);
            assertThat(browser.text(By.id("timeline"))).containsIgnoringCase("closed");
            assertThat(SystemUnderTest.caseFile(id).get("status").asString()).isEqualTo("CLOSED");
        }
    }

    @Test
    void anAgentSignsInWithTheIdentityProviderAndTheCodeLeavesTheAddress() {
        int exchanged = SystemUnderTest.identityProvider().exchanged.get();
        try (Browser browser = Browser.open()) {
            browser.navigate().to(system().gatewayUrl().toString());
            browser.await(By.id("sign-in-oidc")).click();

            // At the provider and back: the code exchanged with its verifier, the person signed in as themselves.
            browser.awaitText(By.id("who"), TestIdentityProvider.USER);
            assertThat(SystemUnderTest.identityProvider().exchanged.get()).isEqualTo(exchanged + 1);
            assertThat(browser.driver.getCurrentUrl()).doesNotContain("code=").doesNotContain("state=");
            browser.await(By.cssSelector("#queue"));
            // The token is this tab's: its own sessionStorage, nothing a page of another origin can read.
            assertThat((String) browser.driver.executeScript("return sessionStorage.getItem('firebreak.token')"))
                    .isNotBlank();
            assertThat((Long) browser.driver.executeScript("return document.cookie.length"))
                    .isZero();

            // An answer that is not for this tab (a code without this tab's state) signs no one in.
            browser.driver.executeScript("sessionStorage.clear()");
            browser.navigate()
                    .to(system().gatewayUrl()
                            .resolve("/?code=stolen&state=forged")
                            .toString());
            assertThat(browser.text(By.id("sign-in-error"))).contains("did not complete", "state");
            assertThat(browser.driver.getCurrentUrl()).doesNotContain("code=");
            assertThat(SystemUnderTest.identityProvider().exchanged.get()).isEqualTo(exchanged + 1);
        }
    }

    @Test
    void aSupervisorsBoardShowsAnEscalationAsItHappensAndTakesTheAcknowledgement() {
        try (Browser browser = Browser.open()) {
            signIn(browser, Roles.SUPERVISOR);
            browser.awaitText(By.id("alerts-live"), "live");

            long submitted = System.nanoTime();
            String id = submit(Roles.AGENT, """
                    {"channel":"PHONE","customer":{"phone":"139%08d"},
                     "description":"There is a strong smell of gas from the boiler you installed yesterday"}""".formatted(System.nanoTime() % 100_000_000L));
            WebElement alert;
            try {
                alert = browser.await(By.cssSelector("#alerts li[data-complaint='" + id + "']"));
            } catch (RuntimeException notShown) {
                // Seen twice in eight runs of this class, not yet explained: what the board and the gateway
                // held then, for the next time.
                System.out.printf(
                        "The alert about %s was not on the board: it said \"%s\", the gateway held %s%n",
                        id,
                        browser.driver.findElement(By.id("alerts-live")).getText(),
                        SystemUnderTest.alertsAbout(java.util.List.of(id)));
                throw notShown;
            }
            System.out.printf(
                    "The alert about %s was on the board %d ms after the submission was answered%n",
                    id, (System.nanoTime() - submitted) / 1_000_000);
            assertThat(alert.getText()).contains("MAJOR");
            browser.screenshot("board");

            alert.findElement(By.tagName("button")).click();
            browser.awaitText(By.cssSelector("#alerts li[data-complaint='" + id + "']"), "Acknowledged by");
            await().atMost(STEP)
                    .untilAsserted(() -> assertThat(SystemUnderTest.alertsAbout(java.util.List.of(id)))
                            .anySatisfy(a -> assertThat(a.path("acknowledgedBy").asString())
                                    .isNotBlank()));
        }
    }

    /**
     * Each visit to the board opens an alert stream and leaving it drops the connection, which the gateway finds out
     * only when a keep-alive (every 15 s) fails; the streams a caller may hold (5) are soon all such. The newest
     * takes the oldest's place, so the board is live at once on every visit; a board still open when five newer
     * streams of the same supervisor open elsewhere says so and waits for a click.
     */
    @Test
    void aSupervisorWhoReopensTheBoardIsLiveAtOnceEachTimeAndABoardThatMadeWaySaysSo() {
        try (Browser browser = Browser.open()) {
            signIn(browser, Roles.SUPERVISOR);
            browser.awaitText(By.id("alerts-live"), "live");
            for (int visit = 0; visit < 7; visit++) {
                browser.driver.executeScript("location.hash = '#/reports'");
                browser.await(By.cssSelector(".charts"));
                browser.driver.executeScript("location.hash = '#/board'");
                new WebDriverWait(browser.driver, Duration.ofSeconds(10))
                        .withMessage("visit " + (visit + 2) + " is live at once")
                        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("alerts-live"), "live"));
            }

            String bearer =
                    "Bearer " + browser.driver.executeScript("return sessionStorage.getItem('firebreak.token')");
            List<AlertStream> elsewhere = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < 5; i++) elsewhere.add(AlertStream.open(system().gatewayUrl(), bearer, null));
                browser.awaitText(By.id("alerts-live"), "another window");
                browser.screenshot("board-superseded");
                browser.await(By.id("watch-here")).click();
                browser.awaitText(By.id("alerts-live"), "live");
            } finally {
                elsewhere.forEach(AlertStream::close);
            }
        }
    }

    @Test
    void anAgentsProposalAboveTheLimitWaitsUntilASupervisorApprovesItOnTheBoard() {
        String id = assignedCase("PHONE", "The sofa was delivered with a torn cushion and I want my money back");
        assertThat(SystemUnderTest.api()
                        .post("/api/v1/cases/" + id + "/acknowledge", Roles.AGENT, "{}")
                        .status())
                .isEqualTo(200);
        assertThat(SystemUnderTest.api()
                        .post("/api/v1/cases/" + id + "/investigate", Roles.AGENT, "{}")
                        .status())
                .isEqualTo(200);
        try (Browser agent = Browser.open();
                Browser supervisor = Browser.open()) {
            signIn(agent, Roles.AGENT);
            agent.navigate().to(system().gatewayUrl() + "/#/cases/" + id);
            act(agent, "action-propose", form -> {
                form.findElement(By.id("stepWhat1")).sendKeys("Refund the sofa in full");
                form.findElement(By.id("stepWho1")).sendKeys("Billing");
                dueIn(agent, form.findElement(By.id("stepBy1")), 3);
                new Select(form.findElement(By.id("remedyType1"))).selectByValue("REFUND");
                form.findElement(By.id("remedyAmount1")).sendKeys("3200");
                new Select(form.findElement(By.id("remedyCurrency1"))).selectByValue("CNY");
            });
            agent.awaitText(By.id("proposal"), "AWAITING_APPROVAL");

            signIn(supervisor, Roles.SUPERVISOR);
            By waiting = By.cssSelector("#approvals li[data-complaint='" + id + "']");
            supervisor.awaitText(waiting, "REFUND 3200 CNY");
            supervisor.click(By.cssSelector("#approvals li[data-complaint='" + id + "'] button"));
            supervisor.awaitText(By.cssSelector("#approvals li[data-complaint='" + id + "']"), "Done");

            await().atMost(STEP).untilAsserted(() -> {
                TestApi.Response kase = SystemUnderTest.api().get("/api/v1/cases/" + id, Roles.AGENT);
                assertThat(kase.json().path("state").asString()).isEqualTo("PROPOSED");
                assertThat(kase.json().path("proposal").path("approvedBy").asString())
                        .isEqualTo("standalone-supervisor");
            });
            agent.awaitText(By.id("proposal"), "PROPOSED");
        }
    }

    @Test
    void twoPeopleOnOneCaseSeeEachOtherAndTheSecondsStaleActionIsRefusedWithARefresh() {
        String id = assignedCase("EMAIL", "My invoice for November shows the same delivery charge twice");
        try (Browser first = Browser.open();
                Browser second = Browser.open()) {
            signIn(first, Roles.AGENT);
            signIn(second, Roles.SUPERVISOR);
            first.navigate().to(system().gatewayUrl() + "/#/cases/" + id);
            second.navigate().to(system().gatewayUrl() + "/#/cases/" + id);
            first.awaitText(By.id("viewers"), "standalone-supervisor");
            second.awaitText(By.id("viewers"), "standalone-agent");

            // The second starts a note; meanwhile the first acknowledges the case.
            second.await(By.id("noteText")).sendKeys("Called the customer back about the charge");
            act(
                    first,
                    "action-acknowledge",
                    form -> form.findElement(By.id("ackMessage")).sendKeys("We are checking the invoice"));
            first.awaitText(By.id("status-value"), "ACKNOWLEDGED");

            // The second's page says the case changed; the note, written on the case as it was, is refused.
            second.await(By.id("changed"));
            second.await(By.cssSelector("#action-note button[type=submit]")).click();
            second.awaitText(By.cssSelector("#action-note .error"), "Changed meanwhile");
            second.screenshot("collision");
            assertThat(SystemUnderTest.api()
                            .get("/api/v1/cases/" + id, Roles.AGENT)
                            .json()
                            .path("internalNotes"))
                    .isEmpty();

            // Refreshed, it is the case as it is now, and the note goes in.
            second.await(By.cssSelector("#action-note .refresh")).click();
            act(
                    second,
                    "action-note",
                    form -> form.findElement(By.id("noteText")).sendKeys("Called the customer back about the charge"));
            await().atMost(STEP)
                    .untilAsserted(() -> assertThat(SystemUnderTest.api()
                                    .get("/api/v1/cases/" + id, Roles.AGENT)
                                    .json()
                                    .path("internalNotes")
                                    .toString())
                            .contains("Called the customer back about the charge"));
        }
    }

    @Test
    void theQueueShowsOpenCasesNearestDueFirstAndOpensEach() {
        String id = assignedCase("PHONE", "Nobody came to fix the washing machine as promised on Monday");
        try (Browser browser = Browser.open()) {
            signIn(browser, Roles.AGENT);
            browser.await(By.cssSelector("#queue tbody tr"));
            browser.screenshot("queue");

            // Read in one go (the queue redraws itself every few seconds).
            List<String> first = new java.util.ArrayList<>();
            await().atMost(STEP)
                    .ignoreException(StaleElementReferenceException.class)
                    .untilAsserted(() -> {
                        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#queue tbody tr"));
                        List<Instant> due = rows.stream()
                                .map(row -> row.findElements(By.cssSelector("time[data-due]")))
                                .filter(times -> !times.isEmpty())
                                .map(times -> Instant.parse(times.get(0).getDomAttribute("data-due")))
                                .toList();
                        assertThat(due).isNotEmpty().isSorted();
                        assertThat(rows)
                                .allSatisfy(row -> assertThat(row.getText()).doesNotContain("RESOLVED"));
                        first.add(rows.get(0).getDomAttribute("data-id"));
                    });

            browser.await(By.cssSelector("#queue tbody tr[data-id='" + first.get(0) + "'] a"))
                    .click();
            browser.awaitText(By.tagName("h1"), first.get(0));
            assertThat(browser.driver.getCurrentUrl()).endsWith("#/cases/" + first.get(0));
        }
    }

    @Test
    void aSupervisorSeesTheReportsAsChartsAndTheLoadOfOpenCasesByOwner() {
        String id = assignedCase("PHONE", "The charger got so hot it melted the plug and scorched the socket");
        var kase = SystemUnderTest.api().get("/api/v1/cases/" + id, Roles.AGENT).json();
        // A case no one owns yet waits in its department's queue, and counts there.
        String owner = kase.path("owner").asString("").isBlank()
                ? kase.path("department").asString()
                : kase.path("owner").asString();
        // Feedback's report counts the complaint once its events have reached it.
        int[] major = new int[1];
        await().atMost(STEP).until(() -> (major[0] = majorComplaintsReported()) >= 1);

        try (Browser browser = Browser.open()) {
            signIn(browser, Roles.SUPERVISOR);
            browser.click(By.cssSelector("#nav a[href='#/reports']"));

            // The class mix: MAJOR's bar with the report's count (at least what it was a moment ago).
            await().atMost(STEP)
                    .untilAsserted(() -> assertThat(Integer.parseInt(
                                    browser.text(By.cssSelector("#chart-class tr[data-label='MAJOR'] td.num"))))
                            .isGreaterThanOrEqualTo(major[0]));
            assertThat(browser.await(By.cssSelector("#chart-class tr[data-label='MAJOR'] .bar"))
                            .getDomAttribute("style"))
                    .matches("width:\\d+(\\.\\d)?%");
            // The load by owner names the owner of the new case, with its open count.
            assertThat(browser.text(By.cssSelector("#chart-load tr[data-label='" + owner + "']")))
                    .matches("(?s).*\\d+ open · \\d+ at risk · \\d+ breached.*");
            // And by department: the new case's department, with its open count.
            assertThat(browser.text(By.cssSelector("#chart-load-department tr[data-label='"
                            + kase.path("department").asString() + "']")))
                    .matches("(?s).*\\d+ open · \\d+ at risk · \\d+ breached.*");
            for (String chart :
                    List.of("chart-sla", "chart-satisfaction", "chart-reopen", "chart-causes", "chart-prevention")) {
                assertThat(browser.await(By.id(chart)).getText()).isNotBlank();
            }
            browser.screenshot("reports");

            browser.await(By.id("lang")).click();
            browser.awaitText(By.cssSelector("#chart-class figcaption"), "各类别投诉");
            browser.awaitText(By.cssSelector("#chart-load figcaption"), "未结案件");
        }
    }

    private static int majorComplaintsReported() {
        TestApi.Response report = SystemUnderTest.api().get("/api/v1/reports/complaints", Roles.SUPERVISOR);
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        for (var row : report.json().path("rows")) {
            if (row.path("dimension").asString().equals("complaintClass")
                    && row.path("value").asString().equals("MAJOR")) {
                return row.path("count").asInt();
            }
        }
        return 0;
    }

    /**
     * On a tablet held upright (768 × 1024 CSS pixels), every main screen fits the width: nothing to scroll sideways,
     * in English and in Chinese.
     */
    @Test
    void theMainScreensFitATabletWithoutScrollingSideways() {
        String id = assignedCase("PHONE", "The tablet stand I ordered wobbles on the desk");
        java.util.Map<String, Long> overflowing = new java.util.LinkedHashMap<>();
        try (Browser agent = Browser.open();
                Browser supervisor = Browser.open()) {
            agent.driver.manage().window().setSize(new org.openqa.selenium.Dimension(768, 1024));
            supervisor.driver.manage().window().setSize(new org.openqa.selenium.Dimension(768, 1024));
            signIn(agent, Roles.AGENT);
            signIn(supervisor, Roles.SUPERVISOR);
            for (String language : List.of("en", "zh")) {
                if (language.equals("zh")) {
                    agent.await(By.id("lang")).click();
                    supervisor.await(By.id("lang")).click();
                }
                fits(agent, "#/queue", By.cssSelector("#queue tbody tr"), language, overflowing);
                fits(agent, "#/cases/" + id, By.id("action-acknowledge"), language, overflowing);
                fits(agent, "#/new", By.id("new-complaint"), language, overflowing);
                fits(supervisor, "#/board", By.id("alerts-live"), language, overflowing);
                fits(supervisor, "#/reports", By.id("chart-class"), language, overflowing);
            }
            // The check finds what is there: something wider than the tablet, put on the page, is measured.
            agent.driver.executeScript("document.getElementById('main').append(Object.assign("
                    + "document.createElement('div'), {style: 'width: 1200px; height: 1px'}))");
            assertThat((Long) agent.driver.executeScript(
                            "return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                    .isPositive();
        }
        assertThat(overflowing)
                .as("screens wider than the tablet (pixels too wide)")
                .isEmpty();
    }

    /** How far the screen is wider than the window, if it is. */
    private static void fits(
            Browser browser, String hash, By ready, String language, java.util.Map<String, Long> overflowing) {
        browser.navigate().to(system().gatewayUrl() + "/" + hash);
        browser.await(ready);
        long over = (Long) browser.driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        if (over > 0) overflowing.put(hash + " (" + language + ")", over);
    }

    /**
     * Every main screen, in English and in Chinese, passes axe-core's WCAG 2.1 A and AA checks (labels, names,
     * contrast, roles, the page's language): an agent's queue, case view and phone form, a supervisor's board,
     * review queue and reports.
     */
    @Test
    void theMainScreensPassAnAutomatedAccessibilityCheck() {
        String id = assignedCase("PHONE", "The fridge stopped cooling two days after delivery");
        java.util.Map<String, List<String>> problems = new java.util.LinkedHashMap<>();
        try (Browser agent = Browser.open();
                Browser supervisor = Browser.open()) {
            signIn(agent, Roles.AGENT);
            signIn(supervisor, Roles.SUPERVISOR);
            for (String language : List.of("en", "zh")) {
                if (language.equals("zh")) {
                    agent.await(By.id("lang")).click();
                    supervisor.await(By.id("lang")).click();
                }
                check(agent, "#/queue", By.cssSelector("#queue tbody tr"), language, problems);
                check(agent, "#/cases/" + id, By.id("action-acknowledge"), language, problems);
                check(agent, "#/new", By.id("new-complaint"), language, problems);
                check(supervisor, "#/board", By.id("alerts-live"), language, problems);
                check(supervisor, "#/review", By.cssSelector("#main h1"), language, problems);
                check(supervisor, "#/reports", By.id("chart-class"), language, problems);
            }
            // The check finds what is there: a field without a label, put on the page, is named.
            agent.driver.executeScript(
                    "document.getElementById('main').append(Object.assign(document.createElement('input'), {type: 'text'}))");
            assertThat(agent.accessibilityProblems())
                    .anySatisfy(p -> assertThat(p).startsWith("label"));
        }
        problems.forEach((screen, found) -> System.out.printf("Accessibility, %s: %s%n", screen, found));
        assertThat(problems)
                .allSatisfy((screen, found) -> assertThat(found).as(screen).isEmpty());
    }

    private static void check(
            Browser browser, String screen, By drawn, String language, java.util.Map<String, List<String>> problems) {
        browser.navigate().to(system().gatewayUrl() + "/" + screen);
        browser.await(drawn);
        problems.put(screen + " (" + language + ")", browser.accessibilityProblems());
    }

    @Test
    void theLanguageSwitchShowsTheConsoleInChinese() {
        try (Browser browser = Browser.open()) {
            signIn(browser, Roles.AGENT);
            browser.await(By.id("lang")).click();

            browser.awaitText(By.cssSelector("#nav a[href='#/queue']"), "工作队列");
            assertThat(browser.driver.findElement(By.tagName("html")).getDomAttribute("lang"))
                    .isEqualTo("zh-CN");
            assertThat(browser.await(By.tagName("h1")).getText()).isEqualTo("工作队列");
            browser.screenshot("queue-zh");
            // Kept for the next page: the choice is the browser's, not the session's.
            browser.await(By.cssSelector("#nav a[href='#/new']")).click();
            browser.awaitText(By.tagName("h1"), "登记投诉");
        }
    }

    /** Sets a date-and-time field to {@code days} from now (what typing into one means depends on the locale). */
    /** A complaint from a new caller (a number of its own), submitted by an agent and awaited until it is assigned. */
    private static String assignedCase(String channel, String description) {
        String id = submit(Roles.AGENT, """
                {"channel":"%s","customer":{"phone":"13%09d"},"description":"%s"}""".formatted(channel, System.nanoTime() % 1_000_000_000L, description));
        SystemUnderTest.awaitCase(id, "ASSIGNED");
        return id;
    }

    private static void dueIn(Browser browser, WebElement field, int days) {
        String value = java.time.LocalDateTime.now()
                .plusDays(days)
                .withNano(0)
                .withSecond(0)
                .toString();
        browser.driver.executeScript("arguments[0].value = arguments[1]", field, value);
    }

    private static void signIn(Browser browser, String role) {
        browser.navigate().to(system().gatewayUrl().toString());
        browser.await(By.cssSelector("button[data-role='" + role + "']")).click();
        browser.awaitText(By.id("who"), role);
    }

    /** Fills an action's form and submits it; a form redrawn meanwhile (the case moved on) is found again. */
    private static void act(Browser browser, String form, java.util.function.Consumer<WebElement> fill) {
        await().atMost(STEP)
                .ignoreException(StaleElementReferenceException.class)
                .untilAsserted(() -> {
                    WebElement element = browser.await(By.id(form));
                    fill.accept(element);
                    element.findElement(By.cssSelector("button[type=submit]")).click();
                });
    }
}
