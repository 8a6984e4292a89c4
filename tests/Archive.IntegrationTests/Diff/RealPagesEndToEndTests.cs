using System.Text.RegularExpressions;
using Archive.IntegrationTests.Fixtures;
using Archive.Report;
using Archive.TestSite;
using Archive.Verdict;

namespace Archive.IntegrationTests.Diff;

/// <summary>
/// Real pages through the whole pipeline: Readability's captured pages (<c>../shared/realpages/readability</c>)
/// served by the live site and rendered by the real Chromium with their own scripts, checked against their whole
/// extracted article; unchanged, and a dozen of them with one perturbation each made in the real markup.
/// </summary>
[NonParallelizable]
public sealed partial class RealPagesEndToEndTests
{
    private static readonly Perturbation[] Perturbed = [Perturbation.EditSentence, Perturbation.DeleteParagraph, Perturbation.InsertParagraph, Perturbation.Retitle];

    private LiveSite? site;
    private string? root;
    private readonly Dictionary<string, (PerturbedPage Case, SeedReport Report)> cases = new(StringComparer.Ordinal);

    [OneTimeSetUp]
    public async Task CheckThemAllInOneRun()
    {
        if (RealPages.Absent is { } absent)
        {
            Assert.Ignore(absent);
        }

        Harness.RequireBrowser();
        site = await LiveSite.StartAsync();
        root = Path.Combine(Path.GetTempPath(), "archive-realpages-" + Guid.NewGuid().ToString("N")[..8]);
        var seedDir = Path.Combine(root, "seeds");
        Directory.CreateDirectory(seedDir);

        var pages = RealPages.Readability().Where(p => !RealPages.TruthGaps.ContainsKey(p.Name)).ToList();
        var made = pages.Select(p => Perturbations.Make(p, Perturbation.None)!).ToList();
        made.AddRange(pages.Take(12).SelectMany(p => Perturbed.Select(k => Perturbations.Make(p, k))).OfType<PerturbedPage>());
        foreach (var perturbed in made)
        {
            var id = (perturbed.Page.Name.Replace("readability/", string.Empty, StringComparison.Ordinal) + "-" + perturbed.Kind).ToLowerInvariant();
            site.Html("/" + id, perturbed.LiveHtml);

            // The article's pictures are on hosts no test may reach; they are the media tests' business: text only.
            var body = MediaElements().Replace(perturbed.Page.ArticleHtml, string.Empty);
            var seed = perturbed.Page with { Url = LiveSite.Public(id), ArticleHtml = body };
            File.WriteAllText(Path.Combine(seedDir, id + ".txt"), seed.SeedText);
            cases[id] = (perturbed with { Page = seed }, null!);
        }

        var options = Harness.Check(site, snapshots: null) with { Links = Harness.Links with { Enabled = false } };
        var (report, _) = await Harness.RunAsync(options, seedDir);
        foreach (var seed in report.Seeds)
        {
            cases[seed.Id] = (cases[seed.Id].Case, seed);
        }
    }

    [OneTimeTearDown]
    public Task StopSite() => Harness.CleanUpAsync(site, root);

    [GeneratedRegex("<(img|picture|video|audio|iframe|embed|object|source)\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex MediaElements();

    [Test]
    public void EveryUnchangedRealPageIsUnchanged() =>
        Assert.That(Wrong(unchanged: true, SeedStatus.Unchanged), Is.Empty);

    [Test]
    public void EveryPerturbationOfARealPageIsReportedWithTheRightOp() =>
        Assert.That(Wrong(unchanged: false, SeedStatus.Changed), Is.Empty);

    /// <summary>The cases of one side whose status or ops are not what was done to them, each with what its capture noted.</summary>
    private List<string> Wrong(bool unchanged, SeedStatus expected)
    {
        var chosen = cases.Values.Where(c => (c.Case.Kind == Perturbation.None) == unchanged).ToList();
        Assert.That(chosen, Has.Count.GreaterThanOrEqualTo(30));
        return chosen
            .Select(c => (c.Case, c.Report, Failure: c.Report.Status == expected ? RealPageExpectation.Check(c.Case, c.Report.Text) : $"{c.Report.Status}: {c.Report.Reason}"))
            .Where(c => c.Failure is not null)
            .Select(c => $"{c.Case.Page.Name} {c.Case.Kind}: {c.Failure} (notes: {string.Join("; ", c.Report.Page.Notes)}; {c.Report.Page.Timings})")
            .ToList();
    }

    [Test]
    public void FurnitureOnRealPagesIsReportedNotHidden()
    {
        var furniture = cases.Values.Where(c => c.Case.Kind == Perturbation.None).Sum(c => c.Report.Text.Counts?.Furniture ?? 0);
        Assert.That(furniture, Is.GreaterThan(10), "captions, related boxes and labels on real pages are reported as furniture");
    }
}
