using System.Text.RegularExpressions;
using Archive.IntegrationTests.Fixtures;
using Archive.Links;
using Archive.Report;
using Archive.TestSite;

namespace Archive.IntegrationTests.Links;

/// <summary>
/// The link stage inside a whole check through Chromium: every link and medium of two seeds, the source URLs
/// reused from the capture, shared links checked once, skipped kinds, exclusions, and a second run answered from
/// the on-disk cache without a request.
/// </summary>
[NonParallelizable]
public sealed class LinkStageEndToEndTests
{
    private const string Text = "<p>The council approved the new harbour crossing after a long debate on Tuesday evening.</p>";
    private LiveSite site = null!;
    private string root = null!;
    private Dictionary<string, SeedReport> first = null!;
    private Dictionary<string, SeedReport> second = null!;
    private Dictionary<string, int> hitsAfterFirst = null!;
    private Dictionary<string, int> hitsAfterSecond = null!;

    private static readonly string[] Paths = ["/story-a", "/story-b", "/shared", "/dead", "/moved", "/ok", "/img/photo.png", "/private/x"];

    [OneTimeSetUp]
    public async Task CheckTwice()
    {
        Harness.RequireBrowser();
        site = await LiveSite.StartAsync();
        root = Path.Combine(Path.GetTempPath(), "archive-links-" + Guid.NewGuid().ToString("N")[..8]);
        var seedDir = Path.Combine(root, "seeds");
        Directory.CreateDirectory(seedDir);

        var links = """
            <p><a href="/shared">shared story</a> <a href="/dead">dead story</a> <a href="/moved">moved story</a>
            <a href="mailto:desk@news.example">mail us</a> <a href="#top">top</a> <a href="/private/x">excluded</a>
            <a href="javascript:alert(1)">script</a></p><img src="/img/photo.png">
            """;
        foreach (var id in new[] { "story-a", "story-b" })
        {
            site.Html("/" + id, $"<!DOCTYPE html><html><head><title>{id}</title></head><body><article><h1>{id}</h1>{Text}{links}</article></body></html>");
            File.WriteAllText(Path.Combine(seedDir, id + ".txt"), $"<!--1695222902000-->\n[{id}]({LiveSite.Public(id).AbsoluteUri})\n------\n\n{Text}{links}\n");
        }

        site.Html("/shared", "<html><head><title>Shared</title></head><body><h1>Shared</h1><p>A story both seeds link to.</p></body></html>");
        site.Html("/ok", "<html><head><title>Moved here</title></head><body><h1>Moved here</h1><p>The story's new address.</p></body></html>");
        site.Redirect("/moved", "/ok", 301);
        site.Html("/private/x", "<html><body>never asked</body></html>");
        site.Bytes("/img/photo.png", "image/png", GeneratedImages.Reencode(GeneratedImages.Jpeg(5, 64, 36), 100, format: SkiaSharp.SKEncodedImageFormat.Png));

        var options = Harness.Check(site, Path.Combine(root, "snapshots"), concurrency: 1) with
        {
            Links = Harness.Links with
            {
                Exclude = [new Regex("/private/")],
                CacheFile = Path.Combine(root, "link-cache.json"),
                CacheTtl = TimeSpan.FromHours(24),
            },
        };
        first = (await Harness.RunAsync(options, seedDir)).Report.Seeds.ToDictionary(s => s.Id);
        hitsAfterFirst = Paths.ToDictionary(p => p, site.Hits);
        second = (await Harness.RunAsync(options, seedDir)).Report.Seeds.ToDictionary(s => s.Id);
        hitsAfterSecond = Paths.ToDictionary(p => p, site.Hits);
    }

    [OneTimeTearDown]
    public Task StopSite() => Harness.CleanUpAsync(site, root);

    private LinkReport Link(string seed, string href) => first[seed].Links.Single(l => l.Href == href);

    [Test]
    public void EveryLinkAndMediumIsReportedWithItsStatus()
    {
        var links = first["story-a"].Links;
        Assert.That(links.Select(l => (l.Kind, l.Href ?? l.Url, l.Status)), Is.EquivalentTo(new[]
        {
            (LinkKind.Source, LiveSite.Public("story-a").AbsoluteUri, LinkStatus.Ok),
            (LinkKind.Link, "/shared", LinkStatus.Ok),
            (LinkKind.Link, "/dead", LinkStatus.Dead),
            (LinkKind.Link, "/moved", LinkStatus.Redirect),
            (LinkKind.Link, "mailto:desk@news.example", LinkStatus.Skipped),
            (LinkKind.Link, "#top", LinkStatus.Skipped),
            (LinkKind.Link, "/private/x", LinkStatus.Skipped),
            (LinkKind.Link, "javascript:alert(1)", LinkStatus.Skipped),
            (LinkKind.Media, LiveSite.Public("img/photo.png").AbsoluteUri, LinkStatus.Ok),
        }));
        Assert.That(Link("story-a", "/moved").FinalUrl, Is.EqualTo(LiveSite.Public("ok").AbsoluteUri));
        Assert.That(Link("story-a", "/private/x").Reason, Does.Contain("excluded"));
        Assert.That(first["story-a"].Status, Is.EqualTo(Verdict.SeedStatus.Unchanged), "dead links are reported, not a change of the page: " + first["story-a"].Reason);
    }

    [Test]
    public void TheSourceUrlIsTakenFromTheCaptureNotFetchedAgain() =>
        Assert.That(hitsAfterFirst["/story-a"], Is.EqualTo(1), "the capture's one fetch of the page; the browser is answered from it");

    [Test]
    public void ALinkSharedBySeedsIsCheckedOnce() =>
        Assert.That(hitsAfterFirst["/shared"], Is.EqualTo(1), "one GET for both seeds together");

    [Test]
    public void ExcludedLinksAreNeverRequested() => Assert.That(hitsAfterSecond["/private/x"], Is.Zero);

    [Test]
    public void ASecondRunAnswersFromTheCache()
    {
        foreach (var path in new[] { "/shared", "/dead", "/moved", "/ok" })
        {
            Assert.That(hitsAfterSecond[path], Is.EqualTo(hitsAfterFirst[path]), path);
        }

        var shared = second["story-b"].Links.Single(l => l.Href == "/shared");
        Assert.That((shared.Status, shared.Cached), Is.EqualTo((LinkStatus.Ok, true)));
    }

    [Test]
    public void TheCacheFileHoldsTheResults()
    {
        var json = File.ReadAllText(Path.Combine(root, "link-cache.json"));
        Assert.That(json, Does.Contain(LiveSite.Public("shared").AbsoluteUri));
    }
}
