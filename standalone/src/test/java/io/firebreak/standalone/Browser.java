package io.firebreak.standalone;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * Debian's Chromium, headless, driven by its own ChromeDriver (no download, no phoning home), in a fresh profile at
 * a tablet-to-laptop size (1280×800). Skipped where the browser is not installed (CI installs it).
 */
final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Duration WAIT = Duration.ofSeconds(30);

    final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static Browser open() {
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium and ChromeDriver are not installed (apt-get install chromium chromium-driver)");
        try {
            Path profile = Files.createTempDirectory("firebreak-chromium");
            ChromeOptions options = new ChromeOptions()
                    .setBinary(CHROMIUM.toFile())
                    .addArguments(
                            "--headless=new",
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-dev-shm-usage",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--no-first-run",
                            "--disable-sync",
                            "--window-size=1280,800",
                            "--lang=en-GB",
                            "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            return new Browser(new ChromeDriver(service, options), profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebDriver.Navigation navigate() {
        return driver.navigate();
    }

    /** The element, once it is visible. */
    WebElement await(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** The element's text, read again if the page redrew it meanwhile (its views refresh themselves). */
    String text(By by) {
        return new WebDriverWait(driver, WAIT)
                .ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(by).getText());
    }

    /** Clicks the element, found again if the page redrew it meanwhile. */
    void click(By by) {
        new WebDriverWait(driver, WAIT)
                .ignoring(StaleElementReferenceException.class)
                .ignoring(NoSuchElementException.class)
                .until(d -> {
                    d.findElement(by).click();
                    return true;
                });
    }

    /** Waits until the element's text contains {@code text}. */
    void awaitText(By by, String text) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    /**
     * The page's accessibility problems as axe-core finds them against WCAG 2 A and AA (labels, contrast, names,
     * roles, landmarks…), one line each: the rule, its impact, what it asks and where. Empty: none found.
     */
    List<String> accessibilityProblems() {
        driver.executeScript(AXE.get());
        Object found = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
                  .then(r => done(r.violations.map(v => `${v.id} (${v.impact}): ${v.help} at `
                    + v.nodes.map(n => n.target.join(' ')).slice(0, 5).join(', '))))
                  .catch(e => done(['axe failed: ' + e]));""");
        return ((List<?>) found).stream().map(String::valueOf).toList();
    }

    /** axe-core's script, from the jar Deque publishes it in. */
    private static final Supplier<String> AXE = new Supplier<>() {
        private volatile String script;

        @Override
        public String get() {
            if (script == null) {
                try (InputStream in = Browser.class.getResourceAsStream("/axe.min.js")) {
                    if (in == null) throw new IllegalStateException("axe.min.js is not on the test classpath");
                    script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return script;
        }
    };

    /** Saves what the browser shows to {@code target/console-screens/<name>.png} (the README's screenshots). */
    void screenshot(String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "console-screens"));
            Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        FileSystemUtils.deleteRecursively(profile.toFile());
    }
}
