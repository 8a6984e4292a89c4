using System.Text.Json;
using Archive.Diff;
using Archive.IntegrationTests.Fixtures;
using Archive.Report;
using Archive.Seeds;
using Archive.TestSite;
using Archive.Verdict;

namespace Archive.IntegrationTests.Diff;

/// <summary>
/// The drift scenarios end to end: the user's seed and an English article, served by the live site inside heavy
/// chrome with one drift each, captured by the real Chromium and judged by the whole pipeline in one run.
/// </summary>
[NonParallelizable]
public sealed class DriftEndToEndTests
{
    private static readonly string[] Names = ["user", "english"];
    private LiveSite site = null!;
    private string root = null!;
    private Dictionary<string, SeedReport> seeds = null!;

    [OneTimeSetUp]
    public async Task CheckEveryScenarioInOneRun()
    {
        Harness.RequireBrowser();
        site = await LiveSite.StartAsync();
        root = Path.Combine(Path.GetTempPath(), "archive-drift-" + Guid.NewGuid().ToString("N")[..8]);
        var seedDir = Path.Combine(root, "seeds");
        Directory.CreateDirectory(seedDir);

        var english = Articles.Read(Articles.Fixture("harbour-bridge"));
        var other = Articles.Read(Articles.Fixture("wind-farm"));
        var user = Articles.Read(Articles.UserSeed);
        foreach (var (name, seed, unrelated) in new[] { ("user", user, english), ("english", english, other) })
        {
            var blocks = Articles.LiveBlocks(seed);
            var k = blocks.FindIndex(b => b.Kind == LiveKind.Paragraph && b.Text.Length > 40);
            var swap = Enumerable.Range(0, blocks.Count - 1).First(i => blocks[i].Kind == LiveKind.Paragraph && blocks[i + 1].Kind == LiveKind.Paragraph);
            var edited = blocks[k].Text;
            var at = Drift.LetterRunMiddle(edited, 2);

            Serve(seedDir, $"{name}-unchanged", seed, NewsChrome.Page(seed.Title, blocks));
            Serve(seedDir, $"{name}-script", seed, NewsChrome.Page(seed.Title, [], insideArticleEnd: Injected(blocks)));
            Serve(seedDir, $"{name}-late", seed, NewsChrome.Page(seed.Title, [], insideArticleEnd: Late(blocks, TimeSpan.FromMilliseconds(1500))));
            Serve(seedDir, $"{name}-edited", seed, NewsChrome.Page(seed.Title, Drift.EditCharacters(blocks, k, at, 2, "XY")));
            Serve(seedDir, $"{name}-deleted", seed, NewsChrome.Page(seed.Title, Drift.Delete(blocks, k)));
            Serve(seedDir, $"{name}-swapped", seed, NewsChrome.Page(seed.Title, Drift.Swap(blocks, swap, swap + 1)));
            Serve(seedDir, $"{name}-retitled", seed, NewsChrome.Page("A completely different headline 完全不同的标题", blocks));
            Serve(seedDir, $"{name}-related", seed, NewsChrome.Page(seed.Title, blocks, besideArticle: NewsChrome.RelatedArticles()));
            Serve(seedDir, $"{name}-replaced", seed, NewsChrome.Page(unrelated.Title, Articles.LiveBlocks(unrelated)));
            var firstThree = blocks.Take(blocks.FindIndex(b => b.Kind == LiveKind.Paragraph) + 3).ToList();
            Serve(seedDir, $"{name}-partial", seed, NewsChrome.Page(seed.Title, blocks), archivedBody: Articles.Body(firstThree));
        }

        // The user's seed links to rfi.fr, which no test may reach: links are the link tests' business.
        var options = Harness.Check(site, snapshots: null) with { Links = Harness.Links with { Enabled = false } };
        var (report, _) = await Harness.RunAsync(options, seedDir);
        seeds = report.Seeds.ToDictionary(s => s.Id);
    }

    [OneTimeTearDown]
    public Task StopSite() => Harness.CleanUpAsync(site, root);

    public static IEnumerable<string> ArticleNames() => Names;

    private SeedReport Seed(string id) => seeds[id];

    private static List<BlockDiff> Changes(SeedReport seed) => seed.Text.Blocks.Where(b => b.IsDrift).ToList();

    [TestCaseSource(nameof(ArticleNames))]
    public void UnchangedIsUnchanged(string name)
    {
        var seed = Seed($"{name}-unchanged");
        Assert.That(seed.Status, Is.EqualTo(SeedStatus.Unchanged), seed.Reason);
        Assert.That(seed.Text.Similarity, Is.EqualTo(1));
    }

    [TestCaseSource(nameof(ArticleNames))]
    public void TextInjectedByScriptIsFound(string name) =>
        Assert.That(Seed($"{name}-script").Status, Is.EqualTo(SeedStatus.Unchanged), Seed($"{name}-script").Reason);

    [TestCaseSource(nameof(ArticleNames))]
    public void ABodyAScriptFillsInWellAfterLoadingIsFoundNotReplaced(string name)
    {
        // A "loading" skeleton until 1.5 s after the load event: the network has long been quiet by then.
        var seed = Seed($"{name}-late");
        Assert.That(seed.Status, Is.EqualTo(SeedStatus.Unchanged), seed.Reason);
        Assert.That(seed.Page.Notes, Has.Some.Contains("given").And.Contains("to settle"));
    }

    [TestCaseSource(nameof(ArticleNames))]
    public void EditedCharactersAreOneReplace(string name)
    {
        var seed = Seed($"{name}-edited");
        Assert.That(seed.Status, Is.EqualTo(SeedStatus.Changed));
        Assert.That(Changes(seed).Select(c => c.Op), Is.EqualTo(new[] { BlockOp.Replace }));
        Assert.That(Changes(seed)[0].Changes!.Where(c => c.Op == EditOp.Insert).Select(c => c.Text), Has.Some.Contains("XY"));
        Assert.That(seed.Text.Severity, Is.EqualTo(Severity.Minor));
    }

    [TestCaseSource(nameof(ArticleNames))]
    public void ADeletedParagraphIsOneDelete(string name) =>
        Assert.That(Changes(Seed($"{name}-deleted")).Select(c => c.Op), Is.EqualTo(new[] { BlockOp.Delete }));

    [TestCaseSource(nameof(ArticleNames))]
    public void SwappedParagraphsAreAMove(string name) =>
        Assert.That(Changes(Seed($"{name}-swapped")).Select(c => c.Op), Is.EqualTo(new[] { BlockOp.Move }));

    [TestCaseSource(nameof(ArticleNames))]
    public void ANewHeadlineIsATitleReplace(string name)
    {
        var seed = Seed($"{name}-retitled");
        Assert.That(seed.Status, Is.EqualTo(SeedStatus.Changed));
        Assert.That(Changes(seed).Select(c => (c.Op, c.Title)), Is.EqualTo(new[] { (BlockOp.Replace, true) }));
        Assert.That(seed.Reason, Does.Contain("title changed"));
    }

    [TestCaseSource(nameof(ArticleNames))]
    public void ARelatedListBesideTheArticleIsUnchanged(string name) =>
        Assert.That(Seed($"{name}-related").Status, Is.EqualTo(SeedStatus.Unchanged), Seed($"{name}-related").Reason);

    [TestCaseSource(nameof(ArticleNames))]
    public void AnUnrelatedArticleIsADeadSoft404(string name)
    {
        var seed = Seed($"{name}-replaced");
        Assert.That(seed.Status, Is.EqualTo(SeedStatus.Dead));
        Assert.That(seed.Page.Soft404, Is.True);
        Assert.That(seed.Reason, Does.StartWith("soft-404"));
    }

    [TestCaseSource(nameof(ArticleNames))]
    public void AShortArchiveOfALongerArticleIsUnchangedWithItsCoverage(string name)
    {
        var seed = Seed($"{name}-partial");
        Assert.That(seed.Status, Is.EqualTo(SeedStatus.Unchanged), seed.Reason);
        Assert.That(seed.Text.Coverage, Is.LessThan(1));
    }

    private void Serve(string seedDir, string id, Seed seed, string liveHtml, string? archivedBody = null)
    {
        site.Html("/" + id, liveHtml);
        // The archived images are the media tests' business (and their hosts are not served here): text only.
        var body = System.Text.RegularExpressions.Regex.Replace(archivedBody ?? File.ReadAllText(seed.Path).Split("\n------\n\n", 2)[1], "<img[^>]*>", string.Empty);
        File.WriteAllText(Path.Combine(seedDir, id + ".txt"), $"<!--1695222902000-->\n[{seed.Title}]({LiveSite.Public(id).AbsoluteUri})\n------\n\n{body.Trim()}\n");
    }

    /// <summary>A loading skeleton (<c>aria-busy</c>) that a timer replaces with the article <paramref name="after"/> the load event.</summary>
    private static string Late(List<LiveBlockSpec> blocks, TimeSpan after) =>
        $"<div id=\"late\" aria-busy=\"true\"><div class=\"skeleton\">Loading…</div></div>"
        + $"<script>addEventListener('load', () => setTimeout(() => {{ const l = document.getElementById('late'); l.removeAttribute('aria-busy'); l.innerHTML = {JsonSerializer.Serialize(Articles.Body(blocks))}; }}, {after.TotalMilliseconds}));</script>";

    /// <summary>An empty article body that a script fills after load, as single-page sites do.</summary>
    private static string Injected(List<LiveBlockSpec> blocks) =>
        $"<script>document.currentScript.parentElement.insertAdjacentHTML('beforeend', {JsonSerializer.Serialize(Articles.Body(blocks))});</script>";
}
