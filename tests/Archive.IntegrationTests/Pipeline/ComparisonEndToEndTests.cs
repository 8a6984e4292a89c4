using System.Text.Json;
using Archive.Capture;
using Archive.IntegrationTests.Fixtures;
using Archive.Report;
using Archive.Seeds;
using Archive.Snapshots;
using Archive.TestSite;
using Archive.Verdict;

namespace Archive.IntegrationTests.Pipeline;

/// <summary>
/// A comparison added as one class and one registration: the runner calls it on the rendered page, the judge makes
/// its drift a change and a breach, the report shows it (valid against the schema), and an accepted state tells
/// its known drift from new drift, all without touching any other stage.
/// </summary>
[NonParallelizable]
public sealed class ComparisonEndToEndTests
{
    [Test]
    public async Task ARegisteredComparisonIsRunJudgedReportedAndAccepted()
    {
        Harness.RequireBrowser();
        await using var site = await LiveSite.StartAsync();
        var root = Directory.CreateTempSubdirectory("archive-comparison-").FullName;
        try
        {
            var seed = Articles.Read(Articles.Fixture("harbour-bridge"));
            var blocks = Articles.LiveBlocks(seed);
            Directory.CreateDirectory(Path.Combine(root, "seeds"));
            File.WriteAllText(Path.Combine(root, "seeds", "bridge.txt"), Articles.SeedText(seed.Title, LiveSite.Public("bridge"), blocks));
            site.Html("/bridge", NewsChrome.Page(seed.Title, blocks, lang: "en"));
            var snapshots = Path.Combine(root, "snapshots");
            var palette = new Palette();
            var options = Harness.Check(site, snapshots) with { Comparisons = [palette] };

            var (first, firstExit) = await Harness.RunAsync(options, Path.Combine(root, "seeds"));
            var checkedSeed = first.Seeds.Single();
            Assert.Multiple(() =>
            {
                Assert.That(palette.Pages, Is.EqualTo(1), "called once, on the rendered page");
                Assert.That(checkedSeed.Status, Is.EqualTo(SeedStatus.Changed), "the text held; the comparison's drift changed the seed");
                Assert.That(checkedSeed.Reason, Does.Contain("palette: the lead photograph's colours changed"));
                Assert.That(checkedSeed.Breaches, Is.EqualTo(new[] { "palette: the lead photograph's colours changed" }));
                Assert.That(firstExit, Is.EqualTo(ExitCode.PolicyBroken));
                Assert.That(checkedSeed.Comparisons!["palette"].Details?.GetProperty("hueShift").GetDouble(), Is.EqualTo(0.4));
                Assert.That(ReportSchema.Errors(JsonReport.Serialize(first)), Is.Empty, "the report with a comparison is valid against docs/report.schema.json");
            });

            await new SnapshotStore(snapshots).AcceptAsync<SeedReport>("bridge", SeedProjection.Accepted, CancellationToken.None);
            var (second, secondExit) = await Harness.RunAsync(options, Path.Combine(root, "seeds"));
            Assert.That(secondExit, Is.EqualTo(ExitCode.Clean), "the accepted drift passes: " + string.Join("; ", second.Seeds[0].Breaches));
            Assert.That(second.Seeds[0].Accepted!.Unchanged, Is.True);

            palette.Key = "colours-2";
            var (third, thirdExit) = await Harness.RunAsync(options, Path.Combine(root, "seeds"));
            Assert.That(thirdExit, Is.EqualTo(ExitCode.PolicyBroken), "a new drift of the same comparison fails again");
            Assert.That(third.Seeds[0].Accepted!.Changes, Has.Some.Contains("palette"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>A stand-in for a visual comparison: it always finds the same drift, under a key the test can change.</summary>
    private sealed class Palette : IComparison
    {
        public string Name => "palette";

        public string Key { get; set; } = "colours-1";

        public int Pages { get; private set; }

        public Task<ComparisonFinding?> CompareAsync(Seed seed, PageCapture capture, CancellationToken cancellationToken)
        {
            Pages++;
            using var details = JsonDocument.Parse("""{ "hueShift": 0.4 }""");
            return Task.FromResult<ComparisonFinding?>(new ComparisonFinding("the lead photograph's colours changed", Key, details.RootElement.Clone()));
        }
    }
}
