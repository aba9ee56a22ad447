using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace Storyline.Tests.Web;

/// <summary>
/// Headless Chromium driven through chromedriver (Debian's chromium and chromium-driver; nothing is downloaded).
/// Browser tests fail when the browser is missing on CI (STORYLINE_REQUIRE_SHARED=1 or CI=true), and are skipped
/// with the reason otherwise.
/// </summary>
public static class Browser
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string DriverPath = "/usr/bin/chromedriver";

    public static bool Available => File.Exists(ChromiumPath) && File.Exists(DriverPath);

    public static bool Required => SharedData.Required || string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Where the screenshots go: bin/&lt;configuration&gt;/net10.0/artifacts/web under the test project.</summary>
    public static string Artifacts
    {
        get
        {
            var dir = Path.Combine(AppContext.BaseDirectory, "artifacts", "web");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    public static ChromeDriver Start(int width = 1200, int height = 900)
    {
        if (!Available)
        {
            throw new InvalidOperationException($"{ChromiumPath} or {DriverPath} is missing: install Debian's chromium and chromium-driver (.ci/run does)");
        }

        var options = new ChromeOptions { BinaryLocation = ChromiumPath };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-extensions", $"--window-size={width},{height}");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverPath)!, Path.GetFileName(DriverPath));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    /// <summary>Opens a hash route and waits until the page has rendered it.</summary>
    public static void Open(IWebDriver driver, Uri baseAddress, string hash)
    {
        var url = new Uri(baseAddress, "/" + hash);
        driver.Navigate().GoToUrl(url);
        WaitRendered(driver, hash);
    }

    public static void WaitRendered(IWebDriver driver, string hash) =>
        Wait(driver).Until(d => (string?)((IJavaScriptExecutor)d).ExecuteScript("return document.body.dataset.ready === location.hash && !document.getElementById('main').hasAttribute('aria-busy') ? location.hash : null") == hash);

    public static WebDriverWait Wait(IWebDriver driver) => new(driver, TimeSpan.FromSeconds(20));

    public static object? Js(IWebDriver driver, string script, params object[] args) => ((IJavaScriptExecutor)driver).ExecuteScript(script, args);

    /// <summary>The whole page, beyond the window's height (Chromium's own capture).</summary>
    public static string FullScreenshot(ChromeDriver driver, string name)
    {
        var path = Path.Combine(Artifacts, name + ".png");
        var shot = (Dictionary<string, object?>)driver.ExecuteCdpCommand("Page.captureScreenshot", new Dictionary<string, object?> { ["format"] = "png", ["captureBeyondViewport"] = true })!;
        File.WriteAllBytes(path, Convert.FromBase64String((string)shot["data"]!));
        return path;
    }

    public static string Screenshot(IWebDriver driver, string name)
    {
        var path = Path.Combine(Artifacts, name + ".png");
        ((ITakesScreenshot)driver).GetScreenshot().SaveAsFile(path);
        return path;
    }
}

/// <summary>A browser test: skipped with the reason when Chromium is missing, unless CI requires it (then it fails).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!Browser.Available && !Browser.Required)
        {
            Skip = $"headless Chromium is missing ({Browser.ChromiumPath}, {Browser.DriverPath}): apt-get install chromium chromium-driver; set CI=true or STORYLINE_REQUIRE_SHARED=1 to make this a failure";
        }
    }
}

/// <summary>A browser test over the seeds: skipped (with the reason) when the browser or ../shared is missing and not required.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedBrowserFactAttribute : FactAttribute
{
    public SharedBrowserFactAttribute()
    {
        if (!Browser.Available && !Browser.Required)
        {
            Skip = $"headless Chromium is missing ({Browser.ChromiumPath}, {Browser.DriverPath}): apt-get install chromium chromium-driver; set CI=true or STORYLINE_REQUIRE_SHARED=1 to make this a failure";
        }
        else if (SharedData.Root is null && !SharedData.Required)
        {
            Skip = "../shared is absent (seeds and datasets live there); set STORYLINE_REQUIRE_SHARED=1 to make this a failure";
        }
    }
}

/// <summary>One Chromium for a test class (starting it is the slow part).</summary>
public sealed class BrowserSession : IDisposable
{
    private readonly Lazy<ChromeDriver> _driver = new(() => Browser.Start());

    public ChromeDriver Driver => _driver.Value;

    public void Dispose()
    {
        if (_driver.IsValueCreated)
        {
            _driver.Value.Quit();
            _driver.Value.Dispose();
        }
    }
}
