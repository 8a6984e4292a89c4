using System.Text.RegularExpressions;
using Archive.Capture;
using Archive.IntegrationTests.Fixtures;
using Archive.Report;
using Archive.Report.Html;
using Archive.TestSite;
using Archive.Web;
using Microsoft.Playwright;

namespace Archive.IntegrationTests.Report;

/// <summary>
/// A real run against the live site writes all four reports, and its HTML report shows the real thing in
/// Chromium: the user's seed with an edited paragraph, a swapped photograph and rotten links, beside an unchanged
/// English article and a dead page. The screenshots it leaves (real-index.png, real-seed.png) are the README's.
/// </summary>
[NonParallelizable]
public sealed class ReportEndToEndTests
{
    private static readonly byte[] ArchivedPhoto = GeneratedImages.Jpeg(21, 1280, 720);
    private static readonly byte[] OtherPhoto = GeneratedImages.Jpeg(22, 800, 450);
    private LiveSite site = null!;
    private string root = null!;
    private RunReport run = null!;
    private BrowserHost host = null!;

    private string Reports => Path.Combine(root, "reports");

    [OneTimeSetUp]
    public async Task RunAndWriteReports()
    {
        Harness.RequireBrowser();
        site = await LiveSite.StartAsync();
        root = Path.Combine(Path.GetTempPath(), "archive-report-" + Guid.NewGuid().ToString("N")[..8]);
        var seedDir = Path.Combine(root, "seeds");
        Directory.CreateDirectory(seedDir);

        // The user's seed, served where its URLs point (www.rfi.fr and s.rfi.fr mapped here), one paragraph edited
        // and its photograph swapped for another at the live page's smaller rendition.
        var user = Articles.Read(Articles.UserSeed);
        File.Copy(user.Path, Path.Combine(seedDir, Path.GetFileName(user.Path)));
        var blocks = Articles.LiveBlocks(user);
        var k = blocks.FindIndex(b => b.Kind == LiveKind.Paragraph && b.Text.Length > 40);
        var photo = user.Document.Media.Single(m => m.Kind == Seeds.MediaKind.Image).Url;
        var livePhoto = new Uri(photo.AbsoluteUri.Replace("w:1280", "w:800", StringComparison.Ordinal));
        site.Bytes("/rfi" + Uri.UnescapeDataString(photo.AbsolutePath), "image/jpeg", ArchivedPhoto);
        site.Bytes("/rfi" + Uri.UnescapeDataString(livePhoto.AbsolutePath), "image/jpeg", OtherPhoto);
        site.Html(
            "/rfi-www" + Uri.UnescapeDataString(user.SourceUrl.AbsolutePath),
            NewsChrome.Page(user.Title, Drift.EditCharacters(blocks, k, Drift.LetterRunMiddle(blocks[k].Text, 2), 2, "修改"), insideArticleEnd: $"<figure><img src=\"{livePhoto.AbsoluteUri}\"></figure>"));

        var english = Articles.Read(Articles.Fixture("harbour-bridge"));
        site.Html("/harbour-bridge", NewsChrome.Page(english.Title, Articles.LiveBlocks(english), lang: "en"));
        File.WriteAllText(Path.Combine(seedDir, "harbour-bridge.txt"), Articles.SeedText(english.Title, LiveSite.Public("harbour-bridge"), Articles.LiveBlocks(english)));
        File.WriteAllText(Path.Combine(seedDir, "gone.txt"), Articles.SeedText("A story that is gone", LiveSite.Public("gone"), Articles.LiveBlocks(english).Take(3)));

        var snapshots = Path.Combine(root, "snapshots");
        var options = Harness.Check(site, snapshots) with
        {
            Map = new UrlMap([
                UrlMapping.Parse(site.Map),
                UrlMapping.Parse($"https://www.rfi.fr/={site.BaseUrl.AbsoluteUri}rfi-www/"),
                UrlMapping.Parse($"https://s.rfi.fr/={site.BaseUrl.AbsoluteUri}rfi/"),
            ]),

            // The seed links to Facebook, Twitter and WhatsApp, which no test may reach.
            Links = Harness.Links with { Exclude = [new Regex(@"^(?!https://(www\.rfi\.fr|s\.rfi\.fr|news\.example)/)")] },
        };
        run = (await Harness.RunAsync(options, seedDir)).Report;
        await ReportPaths.In(Reports).WriteAsync(run, snapshots, CancellationToken.None);
        host = await BrowserHost.StartAsync(new BrowserOptions());
        Directory.CreateDirectory(HtmlReportBrowserTests.ScreenshotFolder);
    }

    [OneTimeTearDown]
    public async Task CleanUp()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        await Harness.CleanUpAsync(site, root);
    }

    private async Task<(IPage Page, List<string> Errors)> OpenAsync(string relative)
    {
        var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                errors.Add(m.Text);
            }
        };
        await page.GotoAsync(new Uri(Path.Combine(Reports, relative)).AbsoluteUri);
        await page.WaitForLoadStateAsync(LoadState.Load);
        return (page, errors);
    }

    [Test]
    public void AllFourFormatsAreWritten()
    {
        foreach (var file in new[] { "report.json", "index.html", "junit.xml", "summary.md" })
        {
            Assert.That(File.Exists(Path.Combine(Reports, file)), Is.True, file);
        }

        Assert.That(File.ReadAllText(Path.Combine(Reports, "summary.md")), Does.Contain("[Open the HTML report](index.html)"));
    }

    [Test]
    public async Task TheIndexShowsTheRun()
    {
        var (page, errors) = await OpenAsync("index.html");
        Assert.That(await page.Locator("#seed-rows tr").CountAsync(), Is.EqualTo(3));
        Assert.That(errors, Is.Empty);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(HtmlReportBrowserTests.ScreenshotFolder, "real-index.png"), FullPage = true });
    }

    [Test]
    public async Task TheUserSeedsPageShowsItsDiffImagesLinksAndScreenshots()
    {
        var user = run.Seeds.Single(s => s.Id.StartsWith("000_", StringComparison.Ordinal));
        var (page, errors) = await OpenAsync("seeds/" + HtmlReport.PageName(user.Id));
        Assert.That(await page.Locator(".diff.sbs ins").AllInnerTextsAsync(), Has.Some.Contains("修改"));
        Assert.That(await page.Locator(".image .badge.changed").CountAsync(), Is.EqualTo(1));
        await page.EvaluateAsync("() => document.querySelectorAll('img').forEach(i => i.loading = 'eager')");
        await page.WaitForFunctionAsync("() => Array.from(document.images).every(i => i.complete)");
        var loaded = await page.EvaluateAsync<int[]>("() => Array.from(document.querySelectorAll('.image .pics img, .shots img')).map(i => i.naturalWidth)");
        Assert.That(loaded, Has.Length.EqualTo(5), "archived, live and diff images, archived and live screenshots");
        Assert.That(loaded, Has.All.GreaterThan(0), "every picture is in the report's own folder");
        var compared = await page.EvaluateAsync<int[]>("() => Array.from(document.querySelectorAll('.image .compare img')).map(i => i.naturalWidth)");
        Assert.That(compared, Has.Length.EqualTo(3).And.All.GreaterThan(0), "the same three in the comparison: archived, live, diff overlay");
        Assert.That(await page.Locator("#links tbody tr").CountAsync(), Is.GreaterThan(1));
        Assert.That(errors, Is.Empty);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(HtmlReportBrowserTests.ScreenshotFolder, "real-seed.png"), FullPage = true });
    }
}
