using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Archive.Report;
using Archive.Report.Html;
using Archive.TestSite;
using Archive.Verdict;

namespace Archive.Tests.Report;

/// <summary>The JUnit, Markdown and HTML reports from fixed result objects: every status, hostile text, odd seed ids.</summary>
public sealed class ReportWriterTests
{
    private static readonly RunReport Run = SampleReports.WithHostileSeed();

    [Test]
    public void JUnitValidatesAgainstTheSchemaCiToolsRead()
    {
        var schemas = new XmlSchemaSet();
        schemas.Add(null, Path.Combine(TestPaths.Fixtures, "junit.xsd"));
        var errors = new List<string>();
        JUnitReport.Build(Run).Validate(schemas, (_, e) => errors.Add(e.Message));
        Assert.That(errors, Is.Empty);
    }

    [Test]
    public void EachSeedIsATestCaseFailingWhenItDriftedAndInErrorWhenUnchecked()
    {
        var cases = JUnitReport.Build(Run).Descendants("testcase").ToList();
        Assert.That(cases, Has.Count.EqualTo(Run.Seeds.Count));
        var outcome = cases.ToDictionary(c => c.Attribute("name")!.Value, c => c.Element("failure") is not null ? "failure" : c.Element("error") is not null ? "error" : "pass");
        foreach (var seed in Run.Seeds)
        {
            var expected = seed.Status == SeedStatus.Error ? "error" : seed.Breaches.Count > 0 ? "failure" : "pass";
            Assert.That(outcome[seed.Id], Is.EqualTo(expected), seed.Id);
        }

        var suite = JUnitReport.Build(Run).Descendants("testsuite").Single();
        Assert.That(suite.Attribute("failures")!.Value, Is.EqualTo(Run.Seeds.Count(s => s.Status != SeedStatus.Error && s.Breaches.Count > 0).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(cases.Single(c => c.Attribute("name")!.Value == "b").Element("failure")!.Attribute("message")!.Value, Does.StartWith("text major change (drift 0.5)"), "the JUnit failure carries the policy's breach, as the real judge words it");
        Assert.That(cases.Select(c => c.Element("failure")?.Attribute("message")?.Value).OfType<string>(), Has.None.Match(@"^([\w-]+): \1:"), "no message says its kind twice");
    }

    [Test]
    public async Task JUnitIsWellFormedXmlOnDiskWhateverTheSeedsHold()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "junit.xml");
        await new ReportPaths(null, null, path, null).WriteAsync(Run, null, CancellationToken.None);
        var read = XDocument.Load(path);
        Assert.That(read.Descendants("testcase").Select(c => c.Attribute("name")!.Value), Does.Contain("hostile-<script>alert(1)</script>"));
    }

    [Test]
    public void MarkdownCountsAndListsTheWorstFirst()
    {
        var markdown = MarkdownReport.Build(Run, "index.html");
        Assert.That(markdown, Does.Contain("| 1 | 2 | 2 | 2 |"), "unchanged, changed, dead, error");
        var worst = Regex.Matches(markdown[markdown.IndexOf("### Worst", StringComparison.Ordinal)..], @"^\| (\S+?) \| (unchanged|changed|dead|error) \|", RegexOptions.Multiline).Select(m => m.Groups[2].Value).ToList();
        Assert.That(worst, Is.EqualTo(worst.OrderBy(s => s switch { "error" => 0, "dead" => 1, "changed" => 2, _ => 3 })), "errors, then dead, then changed");
        Assert.That(worst, Does.Not.Contain("unchanged"));
        Assert.That(markdown, Does.Contain("[Open the HTML report](index.html)"));
    }

    [Test]
    public void MarkdownListsNewDriftFirstWithTheCommandThatAcceptsIt()
    {
        var seeds = Run.Seeds.Select(s => s.Id == "c" ? s with { NewBreaches = ["the page is dead"] } : s.Id == "b" ? s with { Id = "b 'x'", NewBreaches = ["text changed (major)"] } : s).ToList();
        var markdown = MarkdownReport.Build(Run with { Seeds = seeds }, null);
        Assert.That(markdown.IndexOf("### New drift (2)", StringComparison.Ordinal), Is.Positive.And.LessThan(markdown.IndexOf("### Worst", StringComparison.Ordinal)));
        Assert.That(markdown, Does.Contain("| c | dead | the page is dead | archive accept c |"));
        Assert.That(MarkdownReport.AcceptCommand("b 'x'"), Is.EqualTo("archive accept 'b '\\''x'\\'''"), "an id a shell would split is quoted");
        Assert.That(MarkdownReport.Build(Run, null), Does.Not.Contain("### New drift"), "no section when nothing is new");
    }

    [Test]
    public void MarkdownShowsHostileTextAsTextAndKeepsTheTableWhole()
    {
        var markdown = MarkdownReport.Build(Run, null);
        Assert.That(markdown, Does.Not.Contain("<script>"));
        Assert.That(markdown, Does.Contain("&lt;script&gt;"));
        var hostileRow = markdown.Split('\n').Single(l => l.Contains("hostile", StringComparison.Ordinal));
        Assert.That(Regex.Count(hostileRow, @"(?<!\\)\|"), Is.EqualTo(7), "six cells, however many pipes the text held");
    }

    [Test]
    public void MarkdownListsAtMostTwentySeeds()
    {
        var markdown = MarkdownReport.Build(SampleReports.Large(100), null);
        Assert.That(Regex.Matches(markdown, @"^\| seed-\d+ \|", RegexOptions.Multiline), Has.Count.EqualTo(MarkdownReport.WorstShown));
    }

    [Test]
    public async Task HtmlWritesAnIndexAndAPagePerSeed()
    {
        using var temp = new TempDirectory();
        var index = Path.Combine(temp.Path, "report", "index.html");
        await HtmlReport.WriteAsync(Run, index, snapshotsRoot: null, CancellationToken.None);
        Assert.That(File.Exists(index), Is.True);
        foreach (var seed in Run.Seeds)
        {
            Assert.That(File.Exists(Path.Combine(temp.Path, "report", HtmlReport.SeedFolder, HtmlReport.PageName(seed.Id))), Is.True, seed.Id);
        }

        var html = await File.ReadAllTextAsync(index);
        Assert.That(html, Does.Contain("Content-Security-Policy").And.Contain("default-src 'none'"));
    }

    [Test]
    public async Task AReusedReportFolderKeepsOnlyThisRunsPagesAndWhatIsBesideIt()
    {
        using var temp = new TempDirectory();
        var index = Path.Combine(temp.Path, "report", "index.html");
        var stale = temp.Write("report/seeds/from-an-earlier-run.html", "old");
        var staleFile = temp.Write("report/files/old-snapshot/screenshot.jpg", "old");
        var mine = temp.Write("report/notes.txt", "the user's own file");
        await HtmlReport.WriteAsync(Run, index, snapshotsRoot: null, CancellationToken.None);
        Assert.That(File.Exists(stale) || File.Exists(staleFile), Is.False, "earlier runs' pages and pictures are gone");
        Assert.That(Directory.Exists(Path.Combine(temp.Path, "report", "files", "old-snapshot")), Is.False);
        Assert.That(File.ReadAllText(mine), Is.EqualTo("the user's own file"), "only the report's own folders are pruned");
        Assert.That(Directory.GetFiles(Path.Combine(temp.Path, "report", "seeds")), Has.Length.EqualTo(Run.Seeds.Count));
    }

    [Test]
    public async Task ADeadSeedsPageDoesNotClaimTheArchiveHoldsNoImages()
    {
        using var temp = new TempDirectory();
        var index = Path.Combine(temp.Path, "report", "index.html");
        await HtmlReport.WriteAsync(Run, index, snapshotsRoot: null, CancellationToken.None);
        foreach (var seed in Run.Seeds.Where(s => s.Media.Count == 0))
        {
            var page = await File.ReadAllTextAsync(Path.Combine(temp.Path, "report", HtmlReport.SeedFolder, HtmlReport.PageName(seed.Id)));
            var unrendered = seed.Status == Archive.Verdict.SeedStatus.Error || (seed.Status == Archive.Verdict.SeedStatus.Dead && !seed.Page.Soft404);
            Assert.That(page.Contains("The archived page holds none", StringComparison.Ordinal), Is.EqualTo(!unrendered), seed.Id);
        }

        Assert.That(Run.Seeds.Any(s => s.Status == Archive.Verdict.SeedStatus.Dead && !s.Page.Soft404 && s.Media.Count == 0), Is.True, "the sample has such a seed");
    }

    [Test]
    public async Task NothingFromASeedOrAPageReachesTheHtmlUnescaped()
    {
        using var temp = new TempDirectory();
        var index = Path.Combine(temp.Path, "index.html");
        await HtmlReport.WriteAsync(Run, index, snapshotsRoot: null, CancellationToken.None);
        var hostile = Run.Seeds.Single(s => s.Id.StartsWith("hostile", StringComparison.Ordinal));
        foreach (var file in new[] { index, Path.Combine(temp.Path, HtmlReport.SeedFolder, HtmlReport.PageName(hostile.Id)) })
        {
            var html = await File.ReadAllTextAsync(file);
            Assert.That(html, Does.Not.Contain("<script>alert").And.Not.Contain("<img src=x").And.Not.Contain("<meta http-equiv=\"refresh\"").And.Not.Contain("href=\"javascript:"), file);
            Assert.That(Regex.Count(html, "<script"), Is.LessThanOrEqualTo(2), "the report's own script and its data block, nothing else");
        }
    }

    [TestCase("plain-id_1.2", "plain-id_1.2")]
    [TestCase("../../etc/passwd", null)]
    [TestCase("新闻 1", null)]
    [TestCase(".hidden", null)]
    public void SeedPageNamesAreSafeFileNames(string id, string? sameAs)
    {
        var name = HtmlReport.PageName(id);
        Assert.That(name, Does.Match(@"^[A-Za-z0-9_][A-Za-z0-9._-]*\.html$"));
        if (sameAs is not null)
        {
            Assert.That(name, Is.EqualTo(sameAs + ".html"));
        }
    }

    [Test]
    public void DifferentIdsNeverShareAPage() =>
        Assert.That(HtmlReport.PageName("a/b"), Is.Not.EqualTo(HtmlReport.PageName("a_b")));

    [Test]
    public async Task ASeedPageDrawsItsHistoryAndPolicy()
    {
        using var temp = new TempDirectory();
        var snapshots = Path.Combine(temp.Path, "snapshots");
        var history = new Archive.Snapshots.HistoryStore(snapshots);
        var seed = Run.Seeds.Single(s => s.Id == "b");
        for (var day = 0; day < 3; day++)
        {
            var at = new DateTimeOffset(2026, 11, 20 + day, 3, 0, 0, TimeSpan.Zero);
            history.Append(SeedProjection.History(seed, at, at));
        }

        var index = Path.Combine(temp.Path, "report", "index.html");
        await HtmlReport.WriteAsync(Run, index, snapshots, CancellationToken.None);
        var page = await File.ReadAllTextAsync(Path.Combine(temp.Path, "report", HtmlReport.SeedFolder, HtmlReport.PageName("b")));
        Assert.That(page, Does.Contain("<h2>History</h2>").And.Contain("2026-11-22 03:00: changed"));
        Assert.That(page, Does.Contain("<h2>Policy</h2>").And.Contain("breaks the policy"));
        var accepted = await File.ReadAllTextAsync(Path.Combine(temp.Path, "report", HtmlReport.SeedFolder, HtmlReport.PageName("a")));
        Assert.That(accepted, Does.Contain("new since: image changed"));
    }
}
