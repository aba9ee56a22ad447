using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Interactions;

namespace Storyline.Tests.Web;

/// <summary>The web page in a real headless Chromium, used as a reader would: keyboard, clicks, phone width, dark mode.</summary>
[Collection("Web")]
public sealed class BrowserTests(WebServerFixture server, BrowserSession session) : IClassFixture<BrowserSession>
{
    private ChromeDriver Driver => session.Driver;

    private const string PwnedProbe = "return window.__pwned === undefined ? null : String(window.__pwned)";

    [BrowserFact]
    public void A_hostile_page_shows_as_inert_text_and_runs_no_script()
    {
        Browser.Open(Driver, server.BaseAddress, "#/article/" + server.HostileId);
        var title = Driver.FindElement(By.Id("article-title")).Text;
        Assert.StartsWith("<script>window.__pwned='title'</script><img src=x", title, StringComparison.Ordinal);
        var text = Driver.FindElement(By.Id("article-text")).Text;
        Assert.Contains("<img src=x onerror=", text, StringComparison.Ordinal);
        Assert.Contains("<style>body{display:none !important}</style>", text, StringComparison.Ordinal);
        Assert.Contains("<a href=\"javascript:", text, StringComparison.Ordinal);

        // No element came from the page's text: no image, no script but the app's own, no javascript: link, no style.
        Assert.Empty(Driver.FindElements(By.CssSelector("main img, main svg, main script, main style, main iframe")));
        Assert.Equal(1, Convert.ToInt32(Browser.Js(Driver, "return document.scripts.length"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(Driver.FindElements(By.CssSelector("a[href^='javascript:' i]")));
        Assert.True(Driver.FindElement(By.Id("article-text")).Displayed, "injected CSS hid the page");

        // Hovering, focusing and clicking the places an attack would wire up still runs nothing.
        foreach (var element in Driver.FindElements(By.CssSelector("main a, main span")).Take(30))
        {
            new Actions(Driver).MoveToElement(element).Perform();
        }

        Browser.Open(Driver, server.BaseAddress, "#/");
        Browser.Open(Driver, server.BaseAddress, "#/search?q=pier");
        Assert.Contains(Driver.FindElements(By.CssSelector("#hits li")), li => li.Text.Contains(HostilePage.Marker, StringComparison.Ordinal));
        Assert.Null(Browser.Js(Driver, PwnedProbe));
        Browser.Screenshot(Driver, "hostile-article");
    }

    [SharedBrowserFact]
    public void Searching_for_Peskov_from_the_header_finds_every_seed_article()
    {
        Browser.Open(Driver, server.BaseAddress, "#/");
        var box = Driver.FindElement(By.Id("site-q"));
        box.Clear();
        box.SendKeys("Peskov");
        box.SendKeys(Keys.Enter);
        Browser.WaitRendered(Driver, "#/search?q=Peskov");
        var hits = Driver.FindElements(By.CssSelector("#hits li"));
        Assert.Equal(server.SeedIds.Count, hits.Count);
        Assert.All(hits, h => Assert.Contains("Peskov", h.FindElement(By.TagName("mark")).Text, StringComparison.Ordinal));

        // Keyboard: the first hit's link opens the article with Enter.
        var link = hits[0].FindElement(By.CssSelector("a"));
        link.SendKeys(Keys.Enter);
        Browser.Wait(Driver).Until(d => d.Url.Contains("#/article/", StringComparison.Ordinal));
        Browser.WaitRendered(Driver, new Uri(Driver.Url).Fragment);
        Assert.Contains(Driver.FindElements(By.CssSelector("#article-text .ent-person")), e => e.Text.Contains("Peskov", StringComparison.Ordinal));
    }

    [SharedBrowserFact]
    public void The_removed_boilerplate_toggle_shows_what_was_removed_struck_through_with_its_reason()
    {
        Browser.Open(Driver, server.BaseAddress, "#/article/" + server.SeedIds["003"]);
        var removed = Driver.FindElements(By.CssSelector("#article-text .removed"));
        Assert.NotEmpty(removed);
        Assert.All(removed, r => Assert.False(r.Displayed));

        // Keyboard: focus the toggle and press Space, as a keyboard user would.
        var toggle = Driver.FindElement(By.Id("toggle-removed"));
        Browser.Js(Driver, "arguments[0].focus()", toggle);
        new Actions(Driver).SendKeys(Keys.Space).Perform();
        Assert.Equal("true", toggle.GetAttribute("aria-pressed"));
        Assert.All(removed, r => Assert.True(r.Displayed));
        var struck = Driver.FindElements(By.CssSelector("#article-text .removed del"));
        Assert.Contains(struck, d => d.Text.Contains("Sign up for our free weekly newsletter", StringComparison.Ordinal));
        Assert.All(Driver.FindElements(By.CssSelector("#article-text .removed .reason")), r => Assert.StartsWith("removed: ", r.Text, StringComparison.Ordinal));
        Assert.Equal("line-through", Browser.Js(Driver, "return getComputedStyle(arguments[0]).textDecorationLine", struck[0]));
        Browser.Screenshot(Driver, "article-removed-shown");

        toggle.Click();
        Assert.All(removed, r => Assert.False(r.Displayed));
    }

    [SharedBrowserFact]
    public void At_phone_width_nothing_spills_sideways_and_dark_mode_changes_the_colours()
    {
        Driver.Manage().Window.Size = new System.Drawing.Size(390, 844);
        try
        {
            foreach (var hash in new[] { "#/", "#/article/" + server.SeedIds["004"], "#/article/" + server.HostileId })
            {
                Browser.Open(Driver, server.BaseAddress, hash);
                var overflow = Convert.ToInt64(Browser.Js(Driver, "return document.documentElement.scrollWidth - document.documentElement.clientWidth"), System.Globalization.CultureInfo.InvariantCulture);
                Assert.True(overflow <= 0, $"{hash} is {overflow}px wider than a phone screen");
            }

            Browser.Screenshot(Driver, "article-phone-light");
            var light = (string)Browser.Js(Driver, "return getComputedStyle(document.body).backgroundColor")!;
            Driver.ExecuteCdpCommand("Emulation.setEmulatedMedia", new Dictionary<string, object?>
            {
                ["features"] = new[] { new Dictionary<string, string> { ["name"] = "prefers-color-scheme", ["value"] = "dark" } },
            });
            var dark = (string)Browser.Js(Driver, "return getComputedStyle(document.body).backgroundColor")!;
            Assert.NotEqual(light, dark);
            Browser.Screenshot(Driver, "article-phone-dark");
        }
        finally
        {
            Driver.ExecuteCdpCommand("Emulation.setEmulatedMedia", new Dictionary<string, object?> { ["features"] = Array.Empty<object>() });
            Driver.Manage().Window.Size = new System.Drawing.Size(1200, 900);
        }
    }

    [SharedBrowserFact]
    public async Task Load_the_seeds_open_the_story_click_a_citation_and_land_on_the_right_words()
    {
        using var seed = await server.GetJson("/api/articles/" + server.SeedIds["003"]);
        var storyId = seed.RootElement.GetProperty("story_id").GetString()!;
        using var view = await server.GetJson("/api/stories/" + storyId);
        var v = view.RootElement;

        Browser.Open(Driver, server.BaseAddress, "#/story/" + storyId);
        Assert.Equal(v.GetProperty("headline").GetProperty("text").GetString(), Driver.FindElement(By.TagName("h1")).Text);
        Assert.Equal(v.GetProperty("summary").GetArrayLength(), Driver.FindElements(By.CssSelector("#summary > li")).Count);
        Assert.Equal(v.GetProperty("timeline").GetArrayLength(), Driver.FindElements(By.CssSelector("#timeline > li")).Count);
        Assert.NotEmpty(Driver.FindElements(By.CssSelector(".timeline svg circle")));
        Assert.Contains(Driver.FindElements(By.CssSelector("#quotes h3")), h => h.Text == "Dmitry Peskov");
        Assert.Equal(v.GetProperty("coverage").GetProperty("outlets").GetArrayLength(), Driver.FindElements(By.CssSelector("#coverage tbody tr")).Count);
        Assert.Equal(v.GetProperty("disagreements").GetArrayLength(), Driver.FindElements(By.CssSelector(".disagreement")).Count);
        Assert.Contains(Driver.FindElements(By.CssSelector("#copies li")), li => li.Text.Contains("shares wire copy of The Moscow Times", StringComparison.Ordinal));
        Browser.FullScreenshot(Driver, "story-page");

        // The first citation on the page: the summary's when it has sentences, else the timeline's.
        var cite = Driver.FindElements(By.CssSelector("#summary a.cite")).Concat(Driver.FindElements(By.CssSelector("#timeline a.cite"))).First();
        var target = new Uri(cite.GetAttribute("href")!).Fragment;
        var match = System.Text.RegularExpressions.Regex.Match(target, "^#/article/([0-9a-f]{16})\\?at=([0-9]+)-([0-9]+)$");
        Assert.True(match.Success, target);
        var (articleId, start, end) = (match.Groups[1].Value, int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(match.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture));
        cite.SendKeys(Keys.Enter);
        Browser.WaitRendered(Driver, target);

        using var article = await server.GetJson("/api/articles/" + articleId);
        var expected = article.RootElement.GetProperty("text").GetString()![start..end];
        // The marked words as the page holds them, paragraph by paragraph.
        var marked = (string)Browser.Js(Driver, "return [...document.querySelectorAll('#article-text > [data-start]')].map(p => [...p.querySelectorAll('mark.cited')].map(m => m.textContent).join('')).filter(t => t).join(' ')")!;
        Assert.Equal(Squash(expected), Squash(marked));
        Assert.Equal("cited", Browser.Js(Driver, "return document.activeElement.id"));
        Assert.Equal(true, Browser.Js(Driver, "const r = document.getElementById('cited').getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight"));
        Browser.Screenshot(Driver, "citation-landed");
    }

    private static string Squash(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
