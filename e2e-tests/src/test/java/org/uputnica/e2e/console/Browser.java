package org.uputnica.e2e.console;

import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * One person's real Chromium (Debian's chromium with its chromedriver), signed in to the console through the real
 * Keycloak login page. Each person has a browser of their own, so their sessions never mix.
 */
final class Browser implements AutoCloseable {
    static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final String user;
    final String consoleUrl;
    final WebDriver driver;
    private final WebDriverWait wait;

    private Browser(String user, String consoleUrl) {
        this.user = user;
        this.consoleUrl = consoleUrl;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("uputnica.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1280,1000", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("uputnica.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    /** Opens {@code path} of the console and signs in on Keycloak's own login page. */
    static Browser signIn(String user, String consoleUrl, String path) {
        Browser b = new Browser(user, consoleUrl);
        b.driver.get(consoleUrl + path);
        b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        b.driver.findElement(By.id("username")).sendKeys(user);
        // the realm has organisations on: Keycloak asks for the user name first, then for the password
        if (b.driver.findElements(By.id("password")).isEmpty()) {
            b.driver.findElement(By.id("kc-login")).click();
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("password")));
        }
        b.driver.findElement(By.id("password")).sendKeys("demo");
        b.driver.findElement(By.id("kc-login")).click();
        b.wait.until(d -> d.getCurrentUrl().startsWith(consoleUrl));
        b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("main")));
        return b;
    }

    void open(String path) {
        driver.get(consoleUrl + path);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("main")));
    }

    WebElement find(String id) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    }

    String text(String id) {
        return find(id).getText();
    }

    /** The element's text, or "" when the page has no such element (for polling without waiting). */
    String textIfPresent(String id) {
        return driver.findElements(By.id(id)).stream().findFirst().map(WebElement::getText).orElse("");
    }

    void type(String id, String text) {
        WebElement e = find(id);
        e.clear();
        e.sendKeys(text);
    }

    void choose(String id, String value) {
        new Select(find(id)).selectByValue(value);
    }

    void check(String id) {
        WebElement e = find(id);
        if (!e.isSelected()) {
            e.click();
        }
    }

    /** Clicks a submit button and waits for the next page. */
    void submit(String buttonId) {
        WebElement button = find(buttonId);
        button.click();
        wait.until(d -> gone(button));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("main")));
    }

    /**
     * Whether the element's document has been replaced. While the next page loads, chromedriver may answer with
     * "Node with given id does not belong to the document" instead of a stale-element error: that means gone too.
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    String page() {
        return driver.findElement(By.tagName("body")).getText();
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Downloads a console URL with this browser's session cookies, as the browser's download would. */
    HttpResponse<byte[]> download(String path) throws IOException, InterruptedException {
        String cookies = driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        return HTTP.send(HttpRequest.newBuilder(URI.create(consoleUrl + path)).header("Cookie", cookies).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    Cookie cookie(String name) {
        return driver.manage().getCookieNamed(name);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
