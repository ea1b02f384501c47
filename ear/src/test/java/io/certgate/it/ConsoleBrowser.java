package io.certgate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver (nothing is downloaded: both paths are given, so
 * Selenium Manager is not asked). It accepts the server's self-signed TLS certificate, signs in to the console through
 * its sign-in form as an operator would, and checks each page: nothing at SEVERE in the browser console, a label for every field,
 * a screenshot under the build output.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path profile;
    private final Path screenshots;

    private ConsoleBrowser(ChromeDriver driver, Path profile, Path screenshots) {
        this.driver = driver;
        this.profile = profile;
        this.screenshots = screenshots;
    }

    /** Skips the test where Debian's chromium or chromedriver is missing. */
    static void assumeInstalled() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver)");
    }

    /**
     * A class's browser, signed in as the bootstrap admin once the server trusts client certificates (skipped where
     * Chromium is missing).
     */
    static ConsoleBrowser startAsAdmin() throws Exception {
        assumeInstalled();
        RaAccount.awaitClientCertificateTrust();
        ConsoleBrowser browser = start();
        browser.signIn("admin", Admin.password());
        return browser;
    }

    static ConsoleBrowser start() throws Exception {
        Path profile = Files.createTempDirectory("certgate-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--ignore-certificate-errors", "--window-size=1366,1000",
                "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        Path shots = Path.of(System.getProperty("certgate.screenshots.dir", "target/screenshots"));
        Files.createDirectories(shots);
        return new ConsoleBrowser(driver, profile, shots);
    }

    /**
     * Signs in through the console's sign-in form as this operator and checks that the console greets it. Whoever
     * was signed in before in this browser is simply replaced (a new session: switching operators needs no sign-out).
     */
    void signIn(String user, String password) {
        submitSignIn(user, password);
        assertTrue(driver.getCurrentUrl().startsWith(RaAccount.HTTPS + "/admin/console/")
                        && !driver.getCurrentUrl().contains("/signin"),
                "signed in as " + user + ": " + driver.getCurrentUrl() + " " + messages());
        assertEquals("Signed in as " + user, text(By.cssSelector(".user")));
    }

    /** Opens the sign-in page, fills in the form and sends it; the page that answers stays open. */
    void submitSignIn(String user, String password) {
        open(ConsoleClient.SIGN_IN);
        find(By.id("username")).sendKeys(user);
        find(By.id("password")).sendKeys(password);
        click(By.id("signIn"));
    }

    /** The layout's sign-out button; the browser is then on the sign-in page. */
    void signOut() {
        click(By.id("signOut:button"));
        assertEquals(RaAccount.HTTPS + ConsoleClient.SIGN_IN + "?ended=signed-out", driver.getCurrentUrl());
    }

    /** The value of the console's session cookie now, or null. */
    String sessionId() {
        var c = driver.manage().getCookieNamed("JSESSIONID");
        return c == null ? null : c.getValue();
    }

    ChromeDriver driver() {
        return driver;
    }

    void open(String pathAndQuery) {
        driver.get(RaAccount.HTTPS + pathAndQuery);
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /** Activates it (click, or a key) and waits for the next page to replace this one. */
    void andWait(Runnable action) {
        String marker = UUID.randomUUID().toString();
        driver.executeScript("window.certgatePage = arguments[0];", marker);
        action.run();
        // a new document has no marker; while the old one unloads the driver may answer with errors: ask again
        new WebDriverWait(driver, Duration.ofSeconds(60)).ignoring(WebDriverException.class).until(d ->
                !marker.equals(driver.executeScript("return window.certgatePage;"))
                        && "complete".equals(driver.executeScript("return document.readyState;")));
    }

    /** Clicks it and waits for the next page. */
    void click(By by) {
        WebElement e = driver.findElement(by);
        andWait(e::click);
    }

    /**
     * A change that asks once more: its button is hidden in a {@code <details>} until its summary is opened. Checks
     * that, opens it, and returns what the second step says (for the test to check that it names what it affects),
     * then presses the button and waits for the answer.
     */
    String confirm(String ariaLabel) throws Exception {
        return confirm(ariaLabel, null);
    }

    /** The same, with a screenshot of the open second step (null: none). */
    String confirm(String ariaLabel, String screenshotName) throws Exception {
        WebElement button = driver.findElement(By.cssSelector("[aria-label='" + ariaLabel + "']"));
        assertTrue(!button.isDisplayed(), "asks first: " + ariaLabel);
        WebElement step = button.findElement(By.xpath("./ancestor::details[1]"));
        step.findElement(By.tagName("summary")).click();
        assertTrue(button.isDisplayed(), "shown once asked for: " + ariaLabel);
        String says = step.getText().trim();
        if (screenshotName != null) {
            driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", step);
            checkPage(screenshotName);
        }
        andWait(button::click);
        return says;
    }

    /**
     * GET of a link as the page would fetch it (the session's cookies), without leaving the page: status, the
     * headers Content-Type, Content-Disposition and Cache-Control, and the body in base64.
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> fetch(String url) {
        return (Map<String, Object>) driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.arrayBuffer().then(b => {"
                + " let s = ''; const a = new Uint8Array(b); for (let i = 0; i < a.length; i++) s += String.fromCharCode(a[i]);"
                + " done({status: r.status, type: r.headers.get('content-type'), disposition:"
                + " r.headers.get('content-disposition'), cache: r.headers.get('cache-control'), body: btoa(s)}); }))"
                + ".catch(e => done({status: -1, error: String(e)}));", url);
    }

    String text(By by) {
        return driver.findElement(by).getText().trim();
    }

    /** The page's messages (one per outcome), in order; none when the page has none. */
    List<String> messages() {
        return driver.findElements(By.cssSelector("#messageList li")).stream().map(e -> e.getText().trim()).toList();
    }

    /** Exactly one message, and it says this. */
    void assertOnlyMessage(String expected) {
        assertEquals(List.of(expected), messages());
    }

    /** The browser console since the last look, at SEVERE (errors, CSP violations, failed loads). */
    List<String> severeLog() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::toString).toList();
    }

    /** The checks every page passes: no console errors, a label for every field, and a screenshot. */
    void checkPage(String screenshotName) throws Exception {
        assertEquals(List.of(), severeLog(), "browser console of " + driver.getCurrentUrl());
        @SuppressWarnings("unchecked")
        List<String> unlabelled = (List<String>) ((JavascriptExecutor) driver).executeScript(
                "return Array.from(document.querySelectorAll("
                        + "'input:not([type=hidden]):not([type=submit]):not([type=button]), select, textarea'))"
                        + ".filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label'))"
                        + ".map(e => e.id || e.name);");
        assertEquals(List.of(), unlabelled, "fields without a label on " + driver.getCurrentUrl());
        assertTrue(driver.findElements(By.cssSelector("h1")).size() == 1, "one heading on " + driver.getCurrentUrl());
        if (screenshotName != null) {
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), screenshots.resolve(screenshotName + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The page, its screenshot and the browser console as they are, beside the screenshots. */
    void keepForDiagnosis(String name) {
        try {
            Files.writeString(screenshots.resolve(name + ".html"), driver.getCurrentUrl() + "\n" + driver.getPageSource());
            Files.write(screenshots.resolve(name + ".log"), severeLog());
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), screenshots.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (Exception e) {
            System.err.println("no diagnosis: " + e);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
