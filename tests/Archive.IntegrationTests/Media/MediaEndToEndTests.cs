using System.Text;
using Archive.Capture;
using Archive.IntegrationTests.Fixtures;
using Archive.IO;
using Archive.Media;
using Archive.Report;
using Archive.Seeds;
using Archive.TestSite;
using Archive.Verdict;
using Archive.Web;

namespace Archive.IntegrationTests.Media;

/// <summary>
/// Archived images against the live site through the real Chromium, in two runs sharing a snapshot store: the
/// first records baselines and judges every image scenario; then the site swaps pictures behind unchanged URLs
/// and kills one URL, and the second run must catch both through the baselines.
/// </summary>
[NonParallelizable]
public sealed class MediaEndToEndTests
{
    private const string RfiPhoto = "https://s.rfi.fr/media/display/7839cdee-57c7-11ee-9437-005056a90284/w:1280/p:16x9/Capture-1799.JPG";
    private static readonly byte[] Picture = GeneratedImages.Jpeg(1, 1280, 720);
    private static readonly byte[] Other = GeneratedImages.Jpeg(2, 1280, 720);

    private LiveSite site = null!;
    private string root = null!;
    private Dictionary<string, SeedReport> first = null!;
    private Dictionary<string, SeedReport> second = null!;

    [OneTimeSetUp]
    public async Task CheckTwice()
    {
        Harness.RequireBrowser();
        site = await LiveSite.StartAsync();
        root = Path.Combine(Path.GetTempPath(), "archive-media-" + Guid.NewGuid().ToString("N")[..8]);
        var seedDir = Path.Combine(root, "seeds");
        var snapshots = Path.Combine(root, "snapshots");
        Directory.CreateDirectory(seedDir);

        Jpeg("/img/same.jpg", Picture);
        Scenario(seedDir, "same", ["/img/same.jpg"], ["/img/same.jpg"]);

        Jpeg("/img/smaller.jpg", Picture);
        Jpeg("/img/smaller-640x360.jpg", GeneratedImages.Reencode(Picture, 60, 0.5));
        Scenario(seedDir, "resized", ["/img/smaller.jpg"], ["/img/smaller-640x360.jpg"]);

        Jpeg("/img/story.jpg", Picture);
        Jpeg("/img/story-800x450.jpg", GeneratedImages.Reencode(Other, 80, 0.625));
        Scenario(seedDir, "changed-live", ["/img/story.jpg"], ["/img/story-800x450.jpg"]);

        Jpeg("/img/swap.jpg", Picture);
        Scenario(seedDir, "swapped", ["/img/swap.jpg"], ["/img/swap.jpg"]);

        // A different picture under an unrelated name where the archived one stood: found by its place in the text.
        Jpeg("/img/harbour.jpg", Picture);
        Jpeg("/cdn/x93f1.jpg", GeneratedImages.Reencode(Other, 80, 0.625));
        Scenario(seedDir, "replaced-in-place", ["/img/harbour.jpg"], ["/cdn/x93f1.jpg"]);

        Jpeg("/img/gone.jpg", Picture);
        Scenario(seedDir, "removed", ["/img/gone.jpg"], []);

        Scenario(seedDir, "missing-404", ["/img/never-there.jpg"], []);

        site.Html("/img/error-page.jpg", "<!DOCTYPE html><html><head><title>Oops</title></head><body>Image not available</body></html>");
        Scenario(seedDir, "missing-html", ["/img/error-page.jpg"], []);

        Jpeg("/img/truncated.jpg", Picture[..(Picture.Length / 3)]);
        Scenario(seedDir, "truncated", ["/img/truncated.jpg"], []);

        site.Bytes("/img/bomb.png", "image/png", GeneratedImages.PngBomb());
        Scenario(seedDir, "bomb", ["/img/bomb.png"], []);

        site.Bytes("/img/script.svg", "image/svg+xml", Encoding.UTF8.GetBytes("<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'><script>alert(2)</script><rect width='10' height='10'/></svg>"));
        Scenario(seedDir, "svg-script", ["/img/script.svg"], ["/img/script.svg"]);

        site.Route("/img/huge.jpg", async context =>
        {
            // 200 MB that is never held anywhere: a JPEG header, then zeros written until the reader stops.
            context.Response.ContentType = "image/jpeg";
            context.Response.ContentLength = 200L * 1024 * 1024;
            await context.Response.Body.WriteAsync(Picture.AsMemory(0, 64));
            var zeros = new byte[64 * 1024];
            for (long sent = 64; sent < 200L * 1024 * 1024 && !context.RequestAborted.IsCancellationRequested; sent += zeros.Length)
            {
                await context.Response.Body.WriteAsync(zeros, context.RequestAborted);
            }
        });
        Scenario(seedDir, "huge", ["/img/huge.jpg"], []);

        Jpeg("/img/original-name.jpg", Picture);
        Jpeg("/cdn/a81f0c.jpg", GeneratedImages.Reencode(Picture, 70, 0.5));
        Scenario(seedDir, "renamed", ["/img/original-name.jpg"], ["/cdn/a81f0c.jpg"]);

        // The user's seed's URL pattern: the archive kept the w:1280 rendition, the live page shows w:800.
        var rfiPath = "/rfi" + new Uri(RfiPhoto).AbsolutePath;
        Jpeg(rfiPath, Picture);
        Jpeg(rfiPath.Replace("w:1280", "w:800", StringComparison.Ordinal), GeneratedImages.Reencode(Picture, 75, 800.0 / 1280));
        Scenario(seedDir, "rfi", [RfiPhoto], [RfiPhoto.Replace("w:1280", "w:800", StringComparison.Ordinal)]);

        Jpeg("/img/dies.jpg", Picture);
        Scenario(seedDir, "dies", ["/img/dies.jpg"], ["/img/dies.jpg"]);

        var options = Harness.Check(site, snapshots) with
        {
            Map = new UrlMap([UrlMapping.Parse(site.Map), UrlMapping.Parse($"https://s.rfi.fr/={site.BaseUrl.AbsoluteUri}rfi/")]),

            // Every page pictured, the archived bodies rendered beside unchanged text too (not only beside drift).
            Capture = Harness.Capture with { Screenshots = ScreenshotPolicy.All },
        };
        first = (await Harness.RunAsync(options, seedDir)).Report.Seeds.ToDictionary(s => s.Id);

        // Between the runs: a different picture behind an unchanged URL, and a URL that dies while the page
        // shows a different picture under a new name.
        Jpeg("/img/swap.jpg", Other);
        site.Html("/img/dies.jpg", "gone", status: 404);
        Jpeg("/img/dies-800x450.jpg", GeneratedImages.Reencode(Other, 80, 0.625));
        site.Html("/dies", Page("dies", ["/img/dies-800x450.jpg"]));
        second = (await Harness.RunAsync(options, seedDir)).Report.Seeds.ToDictionary(s => s.Id);
    }

    [OneTimeTearDown]
    public Task StopSite() => Harness.CleanUpAsync(site, root);

    private static MediaReport Only(Dictionary<string, SeedReport> run, string id)
    {
        Assert.That(run[id].Media, Has.Count.EqualTo(1), $"{id}: {run[id].Reason}");
        return run[id].Media[0];
    }

    [Test]
    public void TheSameBytesAreSame()
    {
        var media = Only(first, "same");
        Assert.That(media.Status, Is.EqualTo(MediaStatus.Same), media.Reason);
        Assert.That(media.Similarity, Is.EqualTo(1));
        Assert.That(first["same"].Status, Is.EqualTo(SeedStatus.Unchanged), first["same"].Reason);
    }

    [Test]
    public void AHalfSizeQuality60CopyIsResized()
    {
        var media = Only(first, "resized");
        Assert.That(media.Status, Is.EqualTo(MediaStatus.Resized), media.Reason);
        Assert.That(media.MatchedBy, Is.EqualTo(MatchMethod.Url));
        Assert.That(media.Live!.Width, Is.EqualTo(640));
        Assert.That(first["resized"].Status, Is.EqualTo(SeedStatus.Unchanged), first["resized"].Reason);
    }

    [Test]
    public void ADifferentPictureUnderTheSameNameIsChanged()
    {
        var media = Only(first, "changed-live");
        Assert.That(media.Status, Is.EqualTo(MediaStatus.Changed), media.Reason);
        Assert.That(media.Similarity, Is.LessThan(ImageComparer.SimilarAbove));
        Assert.That(first["changed-live"].Status, Is.EqualTo(SeedStatus.Changed));
        Assert.That(first["changed-live"].Reason, Does.Contain("1 image changed"));
    }

    [Test]
    public void TheDiffImageIsWrittenToTheSnapshot()
    {
        var media = Only(first, "changed-live");
        Assert.That(media.DiffImage, Is.Not.Null);
        var png = File.ReadAllBytes(Path.Combine(root, "snapshots", media.DiffImage!));
        Assert.That(ImageFormatSniffer.Sniff(png), Is.EqualTo(ImageFormat.Png));
    }

    [Test]
    public void ADifferentPictureAtTheSameUrlIsChangedAgainstTheBaseline()
    {
        Assert.That(Only(first, "swapped").Status, Is.EqualTo(MediaStatus.Same));
        Assert.That(Only(first, "swapped").Baseline, Is.Null, "the first run records the baseline");
        var media = Only(second, "swapped");
        Assert.That(media.Status, Is.EqualTo(MediaStatus.Changed), media.Reason);
        Assert.That(media.Reason, Does.Contain("different picture than the one recorded"));
        Assert.That(media.Baseline!.Used, Is.True);
    }

    [Test]
    public void ASwapIsCaughtAfterTheArchivedUrlDies()
    {
        var media = Only(second, "dies");
        Assert.That(media.Archived!.HttpStatus, Is.EqualTo(404));
        Assert.That(media.Status, Is.EqualTo(MediaStatus.Changed), media.Reason);
        Assert.That(media.Reason, Does.Contain("compared with the baseline"));
    }

    [Test]
    public void ADifferentPictureInTheSamePlaceIsChangedNotRemoved()
    {
        var media = Only(first, "replaced-in-place");
        Assert.That(media.Status, Is.EqualTo(MediaStatus.Changed), media.Reason);
        Assert.That(media.MatchedBy, Is.EqualTo(MatchMethod.Place));
        Assert.That(media.LiveUrl, Does.EndWith("/cdn/x93f1.jpg"));
        Assert.That(media.Reason, Does.Contain("in its place"));
    }

    [Test]
    public void AnImageGoneFromThePageButServedIsRemoved()
    {
        var media = Only(first, "removed");
        Assert.That(media.Status, Is.EqualTo(MediaStatus.Removed), media.Reason);
        Assert.That(first["removed"].Reason, Does.Contain("1 image removed"));
    }

    [Test]
    public void A404IsMissing()
    {
        var media = Only(first, "missing-404");
        Assert.That(media.Status, Is.EqualTo(MediaStatus.Missing));
        Assert.That(media.Reason, Does.Contain("404"));
    }

    [Test]
    public void AnHtmlPageAtAnImageUrlIsMissing()
    {
        var media = Only(first, "missing-html");
        Assert.That(media.Status, Is.EqualTo(MediaStatus.Missing));
        Assert.That(media.Reason, Does.Contain("HTML page"));
    }

    [TestCase("truncated", "truncated")]
    [TestCase("bomb", "50,000 × 50,000")]
    [TestCase("svg-script", "script")]
    [TestCase("huge", "larger than the 12 MB cap")]
    public void HostileFilesAreClearErrors(string id, string reason)
    {
        var media = Only(first, id);
        Assert.That(media.Status, Is.EqualTo(MediaStatus.Error));
        Assert.That(media.Reason, Does.Contain(reason));
    }

    [Test]
    public void ARenamedCopyIsFoundByItsPerceptualHash()
    {
        var media = Only(first, "renamed");
        Assert.That(media.MatchedBy, Is.EqualTo(MatchMethod.Hash));
        Assert.That(media.Status, Is.EqualTo(MediaStatus.Resized), media.Reason);
    }

    [Test]
    public void TheUserSeedsRfiRenditionIsMatchedToItsW800Variant()
    {
        var media = Only(first, "rfi");
        Assert.That(media.MatchedBy, Is.EqualTo(MatchMethod.Url));
        Assert.That(media.LiveUrl, Does.Contain("/w:800/"));
        Assert.That(media.Status, Is.EqualTo(MediaStatus.Resized), media.Reason);
        Assert.That(media.ArchivedUrl, Is.EqualTo(RfiPhoto), "reports show original URLs, never mapped ones");
    }

    [Test]
    public void BaselinesAreRecordedOnceByContent()
    {
        var baseline = File.ReadAllText(Path.Combine(root, "snapshots", "same", "media-baseline.json"));
        Assert.That(baseline, Does.Contain("https://news.example/img/same.jpg"));
        var sha = ContentHash.Of(Picture);
        Assert.That(File.Exists(Path.Combine(root, "snapshots", "_media", sha)), Is.True);
    }

    [Test]
    public void TheArchivedBodyIsRenderedOnceAndReused()
    {
        var seedFolder = Path.Combine(root, "snapshots", "same");
        Assert.That(Directory.GetFiles(seedFolder, "archived-*.jpg"), Has.Length.EqualTo(1));
        var copies = new[] { first["same"].Snapshot!, second["same"].Snapshot! }.Select(s => File.ReadAllBytes(Path.Combine(root, "snapshots", s, "archived.jpg"))).ToList();
        Assert.That(copies[1], Is.EqualTo(copies[0]), "the second check shows the first rendering");
    }

    private void Jpeg(string path, byte[] bytes) => site.Bytes(path, "image/jpeg", bytes);

    private static string Url(string pathOrUrl) => pathOrUrl.StartsWith("http", StringComparison.Ordinal) ? pathOrUrl : LiveSite.Public(pathOrUrl).AbsoluteUri;

    private const string Text = "<p>The council approved the new harbour crossing after a long debate on Tuesday evening.</p><p>Work is expected to begin next spring and to last about three years, officials said.</p>";

    private static string Page(string title, IEnumerable<string> images) =>
        $"<!DOCTYPE html><html><head><title>{title}</title></head><body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{Text}"
        + string.Concat(images.Select(i => $"<figure><img src='{Url(i)}' width='640'></figure>"))
        + "</article></body></html>";

    private void Scenario(string seedDir, string id, string[] archived, string[] live)
    {
        site.Html("/" + id, Page(id, live));
        var body = Text + string.Concat(archived.Select(i => $"<figure><img src=\"{Url(i)}\"></figure>"));
        File.WriteAllText(Path.Combine(seedDir, id + ".txt"), $"<!--1695222902000-->\n[{id}]({LiveSite.Public(id).AbsoluteUri})\n------\n\n{body}\n");
    }
}
