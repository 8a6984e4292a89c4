using Archive.Capture;
using Archive.IntegrationTests.Fixtures;
using Archive.Report;
using Archive.Report.Html;
using Archive.TestSite;
using Microsoft.Playwright;

namespace Archive.IntegrationTests.Report;

/// <summary>
/// The HTML report in a real Chromium, opened from <c>file://</c> as people open it: no console errors (a CSP
/// violation would be one), sorting and filtering by clicking, the diff's highlights in both views, and a hostile
/// seed's page that shows its markup without a dialog, a navigation or a request. Screenshots of the index and of
/// a seed's page are left in the test output for people to look at.
/// </summary>
[NonParallelizable]
public sealed class HtmlReportBrowserTests
{
    private string root = null!;
    private BrowserHost host = null!;
    private RunReport run = null!;

    public static string ScreenshotFolder => Path.Combine(TestContext.CurrentContext.WorkDirectory, "report-screenshots");

    [OneTimeSetUp]
    public async Task WriteTheReport()
    {
        Harness.RequireBrowser();
        root = Path.Combine(Path.GetTempPath(), "archive-html-" + Guid.NewGuid().ToString("N")[..8]);
        run = SampleReports.WithHostileSeed();
        await HtmlReport.WriteAsync(run, Path.Combine(root, "index.html"), snapshotsRoot: null, CancellationToken.None);
        host = await BrowserHost.StartAsync(new BrowserOptions());
        Directory.CreateDirectory(ScreenshotFolder);
    }

    [OneTimeTearDown]
    public async Task CleanUp()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        await Harness.CleanUpAsync(null, root);
    }

    /// <summary>A page with everything it does recorded: console errors, dialogs, requests, navigations.</summary>
    private sealed class Watched(IPage page)
    {
        public IPage Page { get; } = page;

        public List<string> Errors { get; } = [];

        public List<string> Dialogs { get; } = [];

        public List<string> Requests { get; } = [];

        public List<string> Navigations { get; } = [];
    }

    private async Task<Watched> OpenAsync(string relative)
    {
        var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        var page = await context.NewPageAsync();
        var watched = new Watched(page);
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                watched.Errors.Add(m.Text);
            }
        };
        page.PageError += (_, e) => watched.Errors.Add(e);
        page.Dialog += async (_, d) =>
        {
            watched.Dialogs.Add(d.Message);
            await d.DismissAsync();
        };
        page.Request += (_, r) => watched.Requests.Add(r.Url);
        page.FrameNavigated += (_, f) => watched.Navigations.Add(f.Url);
        await page.GotoAsync(new Uri(Path.Combine(root, relative)).AbsoluteUri);
        await page.WaitForLoadStateAsync(LoadState.Load);
        return watched;
    }

    private static async Task<List<string>> Column(IPage page, int column) =>
        [.. await page.Locator($"#seed-rows tr td:nth-child({column})").AllInnerTextsAsync()];

    [Test]
    public async Task TheIndexOpensWithoutErrorsAndWorstFirst()
    {
        var index = await OpenAsync("index.html");
        Assert.That(index.Errors, Is.Empty, "a script or style refused by the policy would show here");
        var statuses = await Column(index.Page, 2);
        Assert.That(statuses, Has.Count.EqualTo(run.Seeds.Count));
        Assert.That(statuses, Is.EqualTo(statuses.OrderBy(s => s switch { "error" => 0, "dead" => 1, "changed" => 2, _ => 3 }).ToList()));
        await index.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, "index.png"), FullPage = true });
        TestContext.AddTestAttachment(Path.Combine(ScreenshotFolder, "index.png"), "the index");
    }

    [Test]
    public async Task ClickingSortsAndFilters()
    {
        var index = await OpenAsync("index.html");
        await index.Page.ClickAsync("th[data-key=id]");
        var ids = await Column(index.Page, 1);
        Assert.That(ids, Is.EqualTo(ids.Order(StringComparer.Ordinal).ToList()), "sorted by id");
        await index.Page.ClickAsync("th[data-key=id]");
        Assert.That(await Column(index.Page, 1), Is.EqualTo(ids.AsEnumerable().Reverse().ToList()), "and the other way");

        await index.Page.ClickAsync("button.status[data-status=dead]");
        var statuses = await Column(index.Page, 2);
        Assert.That(statuses, Does.Not.Contain("dead").And.Count.EqualTo(run.Seeds.Count(s => s.Status != Verdict.SeedStatus.Dead)));

        await index.Page.FillAsync("#search", "news.example/b");
        Assert.That(await Column(index.Page, 1), Is.EqualTo(new[] { "b" }));
        Assert.That(index.Errors, Is.Empty);
    }

    [Test]
    public async Task TheIndexShowsHostsTrendsAndNewDriftAndFiltersToIt()
    {
        // Seed b's drift is new this run, and it has four earlier checks, one of which compared no text.
        var folder = Path.Combine(root, "trends");
        var snapshots = Path.Combine(folder, "snapshots");
        var history = new Archive.Snapshots.HistoryStore(snapshots);
        foreach (var (similarity, day) in new double?[] { 1.0, 0.9, null, 0.5 }.Select((s, i) => (s, i)))
        {
            history.Append(new Archive.Snapshots.HistoryEntry(run.StartedAt.AddDays(day - 4), run.StartedAt.AddDays(day - 4), "b", Verdict.SeedStatus.Changed, similarity, 0, 0, 1, null));
        }

        var withNew = run with { Seeds = run.Seeds.Select(s => s.Id == "b" ? s with { NewBreaches = ["text changed (major)"] } : s).ToList() };
        await HtmlReport.WriteAsync(withNew, Path.Combine(folder, "report", "index.html"), snapshots, CancellationToken.None);
        var index = await OpenAsync(Path.Combine("trends", "report", "index.html"));
        var row = index.Page.Locator("#seed-rows tr", new PageLocatorOptions { Has = index.Page.Locator("a", new PageLocatorOptions { HasTextString = "b" }) }).First;
        Assert.That(await row.Locator(".badge.new").InnerTextAsync(), Is.EqualTo("new"));
        Assert.That(await row.Locator("td.host").InnerTextAsync(), Is.EqualTo("news.example"));
        Assert.That(await row.Locator("svg.spark polyline").CountAsync(), Is.EqualTo(1), "the first two checks joined");
        Assert.That(await row.Locator("svg.spark circle").CountAsync(), Is.EqualTo(1), "the last, after a check without text, alone");

        await index.Page.ClickAsync("#new-only");
        Assert.That(await Column(index.Page, 1), Is.EqualTo(new[] { "b" }), "only the seed with new drift");
        await index.Page.ClickAsync("#new-only");
        Assert.That(await Column(index.Page, 1), Has.Count.EqualTo(run.Seeds.Count));
        Assert.That(index.Errors, Is.Empty);

        var seed = await OpenAsync(Path.Combine("trends", "report", "seeds", HtmlReport.PageName("b")));
        Assert.That(await seed.Page.Locator("#accept-command").InnerTextAsync(), Is.EqualTo("archive accept b"));
        await seed.Page.ClickAsync("#copy-accept");
        Assert.That(await seed.Page.Locator("#copy-accept").InnerTextAsync(), Is.AnyOf("copied", "selected: press Ctrl+C"));
        Assert.That(seed.Errors, Is.Empty);
        await index.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, "index-trends.png"), FullPage = true });
    }

    [Test]
    public async Task ASeedPageShowsTheDiffWithHighlightsInBothViews()
    {
        var seed = await OpenAsync("seeds/" + HtmlReport.PageName("b"));
        var sideBySide = seed.Page.Locator(".diff.sbs");
        Assert.That(await sideBySide.IsVisibleAsync(), Is.True);
        Assert.That(await sideBySide.Locator("del").AllInnerTextsAsync(), Does.Contain("old "));
        Assert.That(await sideBySide.Locator("ins").AllInnerTextsAsync(), Does.Contain("new"));
        Assert.That(await seed.Page.Locator(".diff.sbs .badge.moved").CountAsync(), Is.GreaterThanOrEqualTo(1), "the moved block is marked");

        await seed.Page.ClickAsync("button.view[data-view=inline]");
        var inline = seed.Page.Locator(".diff.inl");
        Assert.That(await sideBySide.IsVisibleAsync(), Is.False);
        Assert.That(await inline.IsVisibleAsync(), Is.True);
        Assert.That(await inline.Locator("del").AllInnerTextsAsync(), Does.Contain("old "));
        Assert.That(await inline.Locator("ins").AllInnerTextsAsync(), Does.Contain("new"));
        Assert.That(seed.Errors, Is.Empty);
        await seed.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, "seed.png"), FullPage = true });
        TestContext.AddTestAttachment(Path.Combine(ScreenshotFolder, "seed.png"), "a seed's page");
    }

    [Test]
    public async Task TheLinksTableSortsAndFiltersByClicking()
    {
        var seed = await OpenAsync("seeds/" + HtmlReport.PageName("a"));
        await seed.Page.SelectOptionAsync("#link-status", "dead");
        var visible = await seed.Page.Locator("#links tbody tr:visible td:first-child").AllInnerTextsAsync();
        Assert.That(visible, Is.EqualTo(new[] { "dead" }));
        await seed.Page.SelectOptionAsync("#link-status", "all");
        await seed.Page.ClickAsync("#links th:nth-child(2)");
        var codes = await seed.Page.Locator("#links tbody tr td:nth-child(2)").AllInnerTextsAsync();
        Assert.That(codes.Where(c => c != "–").ToList(), Is.Ordered);
    }

    [Test]
    public async Task AnIndexOfTenThousandSeedsPagesThroughThem()
    {
        var large = Path.Combine(root, "large");
        await HtmlReport.WriteAsync(SampleReports.Large(10_000), Path.Combine(large, "index.html"), snapshotsRoot: null, CancellationToken.None);
        var index = await OpenAsync(Path.Combine("large", "index.html"));
        Assert.That(await index.Page.Locator("#seed-rows tr").CountAsync(), Is.EqualTo(100), "a page of rows, not ten thousand");
        Assert.That(await index.Page.Locator("#page-info").InnerTextAsync(), Does.Contain("10000 of 10000 seeds · page 1 of 100"));
        await index.Page.ClickAsync("#next");
        Assert.That(await index.Page.Locator("#page-info").InnerTextAsync(), Does.Contain("page 2 of 100"));
        await index.Page.FillAsync("#search", "seed-09999");
        Assert.That(await Column(index.Page, 1), Is.EqualTo(new[] { "seed-09999" }));
        Assert.That(index.Errors, Is.Empty);
    }

    [Test]
    public async Task AHostileSeedIsShownAndNeverRun()
    {
        var hostile = run.Seeds.Single(s => s.Id.StartsWith("hostile", StringComparison.Ordinal));
        foreach (var relative in new[] { "index.html", "seeds/" + HtmlReport.PageName(hostile.Id) })
        {
            var page = await OpenAsync(relative);
            await page.Page.WaitForTimeoutAsync(500); // time for a refresh or a late script, were there any
            var self = new Uri(Path.Combine(root, relative)).AbsoluteUri;
            Assert.That(page.Dialogs, Is.Empty, relative);
            Assert.That(page.Navigations, Is.EqualTo(new[] { self }), relative);
            Assert.That(page.Requests, Is.EqualTo(new[] { self }), relative);
            Assert.That(page.Errors, Is.Empty, relative);
            if (relative != "index.html")
            {
                Assert.That(await page.Page.Locator("main").InnerTextAsync(), Does.Contain("<script>alert('script')</script>"), "shown as text");
            }
        }
    }
}
