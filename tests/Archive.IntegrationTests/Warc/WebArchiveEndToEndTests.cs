using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Archive.IntegrationTests.Cli;
using Archive.IntegrationTests.Fixtures;
using Archive.TestSite;
using Archive.Warc;

namespace Archive.IntegrationTests.Warc;

/// <summary>
/// The web-archive round a user makes with the defaults, through <c>./archive</c> from a plain working directory:
/// a check keeps each capture as a WARC in the original URL space (under <c>--map</c>), <c>archive export --wacz</c>
/// packages the run, and <c>archive check</c> on that package checks its pages against the live site again, the
/// archived pictures read from the package.
/// </summary>
[NonParallelizable]
public sealed class WebArchiveEndToEndTests
{
    private StorySite story = null!;

    [OneTimeSetUp]
    public async Task StartSite() => story = await StorySite.StartAsync("warc", 21);

    [OneTimeTearDown]
    public Task StopSite() => story.StopAsync();

    [Test]
    public async Task A_check_keeps_a_replayable_warc_the_run_exports_as_a_wacz_and_the_wacz_is_checked_again()
    {
        var (exit, output, error) = await DefaultRunTests.Archive(story.Work, "check", "--map", story.Site.Map, "--no-memento");
        Assert.That(exit, Is.Zero, output + error);

        // WARC out: in the snapshot, every URL the original one, every digest right.
        var warc = Directory.GetFiles(Path.Combine(story.Work, "snapshots", "story"), "capture.warc.gz", SearchOption.AllDirectories).Single();
        using (var run = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(story.Work, "reports", "latest", "report.json"))))
        {
            var named = run.RootElement.GetProperty("seeds")[0].GetProperty("warc").GetString()!;
            Assert.That(Path.GetFullPath(Path.Combine(story.Work, "snapshots", named)), Is.EqualTo(warc), "the report points at the WARC");
            Assert.That(ReportSchema.Errors(run.RootElement), Is.Empty);
        }

        List<WarcEntry> entries;
        await using (var file = File.OpenRead(warc))
        {
            entries = WarcReader.Read(file).ToList();
        }

        Assert.That(entries.OfType<WarcProblem>(), Is.Empty);
        var records = entries.Cast<WarcRecord>().ToList();
        Assert.That(records[0].Type, Is.EqualTo("warcinfo"));
        Assert.That(records.Select(r => r.BlockDigestMatches), Has.All.True, "every block digest is right");
        Assert.That(records.Select(r => r.TargetUri ?? ""), Has.None.Contains("127.0.0.1"), "the original URL space, not the mapped one");
        var responses = records.Where(r => r.Type == "response").ToDictionary(r => r.TargetUri!, r => HttpBlock.Parse(r.Block)!);
        Assert.That(responses["https://news.example/old-story"].Status, Is.EqualTo(301), "the redirect is its own response");
        Assert.That(responses["https://news.example/old-story"].Header("Location"), Is.EqualTo("https://news.example/story"));
        Assert.That(responses["https://news.example/story"].Status, Is.EqualTo(200));
        Assert.That(responses["https://news.example/img/lead.jpg"].Payload(1 << 24), Is.EqualTo(story.Picture), "the picture as the browser got it");
        foreach (var response in records.Where(r => r.Type == "response"))
        {
            var body = HttpBlock.Parse(response.Block)!.Body.Span;
            Assert.That(response.Fields["WARC-Payload-Digest"], Is.EqualTo(WarcWriter.Digest(body)), $"payload digest of {response.TargetUri}");
        }

        var ids = records.Select(r => r.RecordId).ToHashSet();
        Assert.That(records.Where(r => r.Type == "request").Select(r => r.Fields["WARC-Concurrent-To"]), Has.All.Matches<string>(ids.Contains), "each request names its response");
        Assert.That(records.Single(r => r.Type == "resource").TargetUri, Is.EqualTo("urn:screenshot:https://news.example/story"));
        var metadata = records.Single(r => r.Type == "metadata");
        using (var verdict = JsonDocument.Parse(metadata.Block))
        {
            Assert.That(verdict.RootElement.GetProperty("status").GetString(), Is.EqualTo("unchanged"), "the verdict is kept beside the evidence");
        }

        // WACZ out: the run's captures, packaged.
        (exit, output, error) = await DefaultRunTests.Archive(story.Work, "export", "--wacz", "reports/latest", "-o", "run.wacz");
        Assert.That(exit, Is.Zero, output + error);
        VerifyPackage(Path.Combine(story.Work, "run.wacz"));

        // WACZ in: the package lists its page as a seed, and the page is checked against the live site, which has drifted since.
        (exit, output, error) = await DefaultRunTests.Archive(story.Work, "seeds", "run.wacz");
        Assert.That(exit, Is.Zero, output + error);
        Assert.That(output, Does.Contain("run-news.example-story-").And.Contain("1 seed(s): 1 valid"));

        var edited = Pages.Paragraphs.ToArray();
        edited[2] = "这一段在存档之后被改写了。";
        story.Site.Html("/story", StorySite.Story(edited));
        var imageHits = story.Site.Hits("/img/lead.jpg");
        (exit, output, error) = await DefaultRunTests.Archive(story.Work, "check", "run.wacz", "--map", story.Site.Map, "--no-memento", "--no-links");
        Assert.That(exit, Is.EqualTo(1), output + error);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(story.Work, "reports", "latest", "report.json")));
        var seed = report.RootElement.GetProperty("seeds").EnumerateArray().Single();
        Assert.That(seed.GetProperty("id").GetString(), Does.StartWith("run-news.example-old-story-").Or.StartWith("run-news.example-story-"));
        Assert.That(seed.GetProperty("status").GetString(), Is.EqualTo("changed"), seed.ToString());
        Assert.That(seed.ToString(), Does.Contain("read from the crawl run.wacz"));
        Assert.That(story.Site.Hits("/img/lead.jpg") - imageHits, Is.EqualTo(1), "the live page loaded its picture once; the archived one came from the package");
    }

    [Test]
    public async Task No_warc_keeps_none()
    {
        var (exit, output, error) = await DefaultRunTests.Archive(story.Work, "check", "seeds", "--map", story.Site.Map, "--no-memento", "--no-warc", "--snapshots", "plain-snapshots");
        Assert.That(exit, Is.AnyOf(0, 1), output + error);
        Assert.That(Directory.GetFiles(Path.Combine(story.Work, "plain-snapshots", "story"), "capture.json", SearchOption.AllDirectories), Is.Not.Empty);
        Assert.That(Directory.GetFiles(Path.Combine(story.Work, "plain-snapshots"), "*.warc.gz", SearchOption.AllDirectories), Is.Empty);
    }

    /// <summary>What a replayer relies on: the parts WACZ 1.1.1 names, hashes that match, WARCs stored plainly, index offsets that find their records.</summary>
    private static void VerifyPackage(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.That(names, Is.SupersetOf(new[] { "datapackage.json", "datapackage-digest.json", "pages/pages.jsonl", "indexes/index.cdx" }));
        var warcs = names.Where(n => n.StartsWith("archive/", StringComparison.Ordinal)).ToList();
        Assert.That(warcs, Has.Count.EqualTo(1));
        Assert.That(zip.GetEntry(warcs[0])!.CompressedLength, Is.EqualTo(zip.GetEntry(warcs[0])!.Length), "the WARC is stored, not deflated");

        using var package = JsonDocument.Parse(Read(zip, "datapackage.json"));
        Assert.That(package.RootElement.GetProperty("wacz_version").GetString(), Is.EqualTo("1.1.1"));
        foreach (var resource in package.RootElement.GetProperty("resources").EnumerateArray())
        {
            var bytes = Read(zip, resource.GetProperty("path").GetString()!);
            Assert.That(resource.GetProperty("hash").GetString(), Is.EqualTo("sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes))));
            Assert.That(resource.GetProperty("bytes").GetInt64(), Is.EqualTo(bytes.LongLength));
        }

        using var digest = JsonDocument.Parse(Read(zip, "datapackage-digest.json"));
        Assert.That(digest.RootElement.GetProperty("hash").GetString(), Is.EqualTo("sha256:" + Convert.ToHexStringLower(SHA256.HashData(Read(zip, "datapackage.json")))));

        var pages = System.Text.Encoding.UTF8.GetString(Read(zip, "pages/pages.jsonl")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(pages[0], Does.Contain("json-pages-1.0"));
        Assert.That(pages.Skip(1).Select(p => JsonDocument.Parse(p).RootElement.GetProperty("url").GetString()), Is.EqualTo(new[] { "https://news.example/story" }));

        var warc = Read(zip, warcs[0]);
        var lines = System.Text.Encoding.UTF8.GetString(Read(zip, "indexes/index.cdx")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
        Assert.That(lines.Select(l => l.Split(' ')[0]), Does.Contain("example,news)/story"));
        foreach (var line in lines)
        {
            var entry = JsonDocument.Parse(line[(line.IndexOf('{', StringComparison.Ordinal))..]).RootElement;
            var member = warc.AsMemory((int)entry.GetProperty("offset").GetInt64(), (int)entry.GetProperty("length").GetInt64());
            var record = WarcReader.Read(new MemoryStream(member.ToArray())).Cast<WarcRecord>().Single();
            Assert.That(record.TargetUri, Is.EqualTo(entry.GetProperty("url").GetString()), "the index's offset and length hold exactly that record");
        }
    }

    private static byte[] Read(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
