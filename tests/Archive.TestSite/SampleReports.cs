using Archive.Diff;
using Archive.Links;
using Archive.Media;
using Archive.Report;
using Archive.Seeds;
using Archive.Verdict;
using Archive.Web;

namespace Archive.TestSite;

/// <summary>Reports built from fixed result objects, for the report writers' tests: no browser, no network.</summary>
public static class SampleReports
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

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
        seeds = seeds.Select(Judged).ToList();
        seeds[0] = seeds[0] with { Accepted = new AcceptedReport(At.AddDays(-1), "a/20261123T080000Z", false, ["image changed: https://news.example/i.jpg"]) };
        return new RunReport(RunReport.CurrentSchemaVersion, new ToolInfo("archive", "0.1.0"), At, At.AddSeconds(3), RunSummary.Of(seeds), seeds);
    }

    /// <summary>Markup an archived page or a live one might hold, to be shown and never run: a script, an event handler, a javascript: link, a refresh, a CSS beacon.</summary>
    public const string HostileMarkup = "<script>alert('script')</script><img src=x onerror=\"alert('onerror')\"><a href=\"javascript:alert('link')\">click</a><meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\"><div style=\"background:url(https://evil.example/beacon)\">x</div>";

    /// <summary><see cref="EveryShape"/> plus a seed whose every text field carries <see cref="HostileMarkup"/>.</summary>
    public static RunReport WithHostileSeed()
    {
        var every = EveryShape();
        var page = new PageReport(200, "javascript:alert('final')", ["https://evil.example/<script>"], false, null, "text/html", new PageTimings(1, 2, 3, 6), [HostileMarkup]);
        var blocks = new List<BlockDiff>
        {
            new(BlockOp.Replace, "Title " + HostileMarkup, "Title changed " + HostileMarkup, BlockKind.Heading, 0, 0, Title: true, Similarity: 0.5, Changes: [new TextChange(EditOp.Equal, "Title "), new TextChange(EditOp.Insert, "changed "), new TextChange(EditOp.Equal, HostileMarkup)]),
            new(BlockOp.Equal, HostileMarkup, HostileMarkup, BlockKind.Paragraph, 1, 1),
            new(BlockOp.Insert, null, HostileMarkup, BlockKind.Paragraph, null, 2),
        };
        var text = new TextReport(0.5, Severity.Major, 0.6, 1, 0.5, 10, new ArticleMatch(LocateMethod.Alignment, 0.9, "div[onclick=\"alert(1)\"]"), new BlockCounts(1, 0, 1, 1, 0, 0, 0), null, blocks);
        var media = new List<MediaReport>
        {
            new("https://evil.example/beacon.png", "javascript:alert('media')", MediaStatus.Changed, 0.2, 0, MediaKind.Image, "img", HostileMarkup, MatchMethod.Url, null, null, null, null, null),
        };
        var links = new List<LinkReport>
        {
            new("javascript:alert('link')", LinkStatus.Skipped, null, null, LinkKind.Link, 0, "javascript:alert('link')", HostileMarkup, "javascript: links are never followed", [], null, null, null, null, false, null),
            new("https://evil.example/gone", LinkStatus.Dead, 404, null, LinkKind.Link, 1, "/gone", HostileMarkup, "answers 404 Not Found", [], null, null, "GET", new Memento("javascript:alert('memento')", At), false, At),
        };
        var hostile = Judged(new SeedReport("hostile-<script>alert(1)</script>", "seeds/hostile.txt", "https://news.example/hostile", At, SeedStatus.Changed, "major text change " + HostileMarkup, page, text, media, links, null));
        var seeds = every.Seeds.Append(hostile).ToList();
        return every with { Seeds = seeds, Summary = RunSummary.Of(seeds) };
    }

    /// <summary>A run of <paramref name="count"/> seeds of every status, for the index's size and speed.</summary>
    public static RunReport Large(int count)
    {
        var every = EveryShape();
        var seeds = Enumerable.Range(0, count).Select(i => every.Seeds[i % every.Seeds.Count] with { Id = $"seed-{i:00000}" }).ToList();
        return every with { Seeds = seeds, Summary = RunSummary.Of(seeds) };
    }

    /// <summary>The real judge's say under the default policy; an error's exit is by its kind (an unreadable seed has no URL).</summary>
    private static SeedReport Judged(SeedReport seed)
    {
        var judged = new Judge(PolicySet.Default).Rule(SeedProjection.Outcome(seed), seed.SourceUrl is null ? ExitCode.InputError : ExitCode.ToolFailure);
        return seed with { Breaches = judged.Breaches.Select(b => b.Message).ToList(), Exit = judged.Exit };
    }
}
