using Archive.Diff;
using Archive.Links;
using Archive.Media;
using Archive.Report;
using Archive.Seeds;
using Archive.Verdict;
using Archive.Web;
using NJsonSchema;

namespace Archive.Tests.Report;

/// <summary>The JSON report is a contract: every shape the tool can write validates against docs/report.schema.json.</summary>
public sealed class ReportSchemaTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    private static async Task<JsonSchema> Schema() =>
        await JsonSchema.FromJsonAsync(await File.ReadAllTextAsync(Path.Combine(TestPaths.RepositoryRoot, "docs", "report.schema.json")));

    /// <summary>A report holding every status, operation and optional field the schema allows.</summary>
    public static RunReport EveryShape()
    {
        var page = new PageReport(200, "https://news.example/b", ["https://news.example/a"], false, null, "text/html", new PageTimings(1, 2, 3, 6), ["dismissed a consent overlay (OK)"]);
        var blocks = Enum.GetValues<BlockOp>().Select(op => new BlockDiff(
            op,
            op == BlockOp.Insert ? null : "archived",
            op == BlockOp.Delete ? null : "live",
            Enum.GetValues<BlockKind>()[(int)op],
            op == BlockOp.Insert ? null : 3,
            op == BlockOp.Delete ? null : 4,
            Title: op == BlockOp.Replace,
            Cosmetic: op == BlockOp.Equal,
            Similarity: op is BlockOp.Replace or BlockOp.Move ? 0.8 : null,
            Changes: op == BlockOp.Replace ? [new TextChange(EditOp.Equal, "kept "), new TextChange(EditOp.Delete, "old "), new TextChange(EditOp.Insert, "new")] : null)).ToList();
        var text = new TextReport(0.5, Severity.Major, 0.6, 0.9, 0.4, 12, new ArticleMatch(LocateMethod.Alignment, 0.97, "main > article"), new BlockCounts(1, 1, 1, 1, 1, 1, 2), null, blocks);
        var readability = text with { Severity = Severity.Replaced, Match = new ArticleMatch(LocateMethod.Readability, 0.1, null) };
        var failed = TextReport.None with { Error = "the live page nests elements more than 512 deep (line 3), too deep to compare" };
        var archivedFile = new MediaFile("https://news.example/i.jpg", 200, "image/jpeg", ImageFormat.WebP, 1234, new string('a', 64), 1280, 720);
        var media = Enum.GetValues<MediaStatus>().Select(s => new MediaReport(
            "https://news.example/i.jpg",
            s == MediaStatus.Missing ? null : "https://news.example/i-800.jpg",
            s,
            s == MediaStatus.Error ? null : 0.9,
            (int)s,
            Enum.GetValues<MediaKind>()[(int)s % 4],
            "img",
            s == MediaStatus.Same ? null : "the live page shows a different picture",
            s switch { MediaStatus.Same => MatchMethod.Url, MediaStatus.Resized => MatchMethod.Stem, MediaStatus.Changed => MatchMethod.Hash, _ => null },
            s == MediaStatus.Missing ? archivedFile with { HttpStatus = 404, Format = null, Sha256 = null, Width = null, Height = null } : archivedFile,
            s is MediaStatus.Missing or MediaStatus.Removed ? null : archivedFile with { Url = "https://news.example/i-800.jpg", Format = ImageFormat.Jpeg },
            s is MediaStatus.Resized or MediaStatus.Changed ? new ImageScores(0.9, 4, 0.01, 0.02, s == MediaStatus.Resized) : null,
            s == MediaStatus.Changed ? new BaselineUse(new string('b', 64), At, true) : null,
            s == MediaStatus.Changed ? "a/20261124T080000Z/media/2-diff.png" : null)).ToList();
        var links = Enum.GetValues<LinkStatus>().Select(s => new LinkReport(
            "https://other.example/x",
            s,
            s == LinkStatus.Skipped ? null : 200,
            s == LinkStatus.Redirect ? "https://other.example/y" : null,
            Enum.GetValues<LinkKind>()[(int)s % 3],
            (int)s,
            s == LinkStatus.Skipped ? "mailto:a@b.example" : "/x",
            "the link text",
            s == LinkStatus.Ok ? null : "a reason",
            s == LinkStatus.Redirect ? [new RedirectHop(new Uri("https://other.example/x"), 301)] : [],
            s == LinkStatus.Redirect ? true : null,
            s == LinkStatus.Soft404 ? Soft404Signal.LikeMissingPage : null,
            s == LinkStatus.Skipped ? null : "HEAD",
            s is LinkStatus.Dead or LinkStatus.Soft404 ? new Memento("https://web.archive.org/web/20230920000000/https://other.example/x", At) : null,
            s == LinkStatus.Ok,
            s == LinkStatus.Skipped ? null : At)).ToList();
        var seeds = new List<SeedReport>
        {
            new("a", "seeds/a.txt", "https://news.example/a", At, SeedStatus.Unchanged, null, page, text, media, links, "a/20261124T080000Z"),
            new("b", "seeds/b.txt", "https://news.example/b", At, SeedStatus.Changed, "2 of 9 archived text blocks are not in the live page", page, text, [], [], null),
            new("c", "seeds/c.txt", "https://news.example/c", At, SeedStatus.Dead, "DNS lookup failed for news.example", PageReport.None("DNS lookup failed for news.example"), TextReport.None, [], [], null),
            new("d", "seeds/d.txt", null, null, SeedStatus.Error, "seeds/d.txt:1: not a seed", PageReport.None("seeds/d.txt:1: not a seed"), TextReport.None, [], [], null),
            new("e", "seeds/e.txt", "https://news.example/e", At, SeedStatus.Dead, "soft-404", page with { Soft404 = true }, readability, [], [], null),
            new("f", "seeds/f.txt", "https://news.example/f", At, SeedStatus.Error, "too deep", page, failed, [], [], null),
        };
        return new RunReport(RunReport.CurrentSchemaVersion, new ToolInfo("archive", "0.1.0"), At, At.AddSeconds(3), RunSummary.Of(seeds), seeds);
    }

    [Test]
    public async Task EveryShapeTheToolWritesIsValid()
    {
        var errors = (await Schema()).Validate(JsonReport.Serialize(EveryShape()));
        Assert.That(errors.Select(e => e.ToString()), Is.Empty);
    }

    [Test]
    public void TheReportReadsBackAsWritten()
    {
        var report = EveryShape();
        var json = JsonReport.Serialize(report);
        Assert.That(JsonReport.Serialize(JsonReport.Deserialize(json)), Is.EqualTo(json));
        Assert.That(json, Does.Contain("\"status\": \"soft404\"").And.Contain("\"op\": \"move\"").And.Contain("\"status\": \"unchanged\""));
    }

    [TestCase("\"status\": \"unchanged\"", "\"status\": \"fine\"")]
    [TestCase("\"schemaVersion\": 2", "\"schemaVersion\": \"2\"")]
    [TestCase("\"similarity\": 0.5", "\"similarity\": 1.5")]
    [TestCase("\"severity\": \"major\"", "\"severity\": \"huge\"")]
    [TestCase("\"simHashDistance\": 12", "\"simHashDistance\": 65")]
    [TestCase("\"method\": \"alignment\"", "\"method\": \"guess\"")]
    [TestCase("\"op\": \"insert\",\n", "\"op\": \"added\",\n")]
    [TestCase("\"matchedBy\": \"stem\"", "\"matchedBy\": \"guess\"")]
    [TestCase("\"hashDistance\": 4", "\"hashDistance\": 65")]
    [TestCase("\"format\": \"webp\"", "\"format\": \"WebP\"")]
    [TestCase("\"signal\": \"likeMissingPage\"", "\"signal\": \"hunch\"")]
    [TestCase("\"kind\": \"source\"", "\"kind\": \"page\"")]
    public async Task TheSchemaRejectsWhatBreaksTheContract(string good, string bad)
    {
        var json = JsonReport.Serialize(EveryShape());
        Assert.That(json, Does.Contain(good));
        Assert.That((await Schema()).Validate(json.Replace(good, bad, StringComparison.Ordinal)), Is.Not.Empty);
    }

    [Test]
    public void SummaryCountsEachStatus()
    {
        Assert.That(EveryShape().Summary, Is.EqualTo(new RunSummary(6, 1, 1, 2, 2, new LinkCounts(1, 1, 1, 1, 1, 1, 1))));
    }

    [TestCase(new[] { ExitCode.Clean, ExitCode.Clean }, ExitCode.Clean)]
    [TestCase(new[] { ExitCode.Clean, ExitCode.PolicyBroken }, ExitCode.PolicyBroken)]
    [TestCase(new[] { ExitCode.InputError, ExitCode.PolicyBroken }, ExitCode.InputError)]
    [TestCase(new[] { ExitCode.PolicyBroken, ExitCode.ToolFailure, ExitCode.InputError }, ExitCode.ToolFailure)]
    [TestCase(new ExitCode[0], ExitCode.Clean)]
    public void TheRunExitsWithItsMostSeriousOutcome(ExitCode[] seeds, ExitCode expected)
    {
        Assert.That(SeedVerdict.ExitCodeFor(seeds), Is.EqualTo(expected));
    }
}
