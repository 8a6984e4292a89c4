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
        await using var run = await BridgeRun.StartAsync("archive-comparison-");
        var palette = new Palette();
        var options = Harness.Check(run.Site, run.Snapshots) with { Comparisons = [palette] };

        var (first, firstExit) = await run.CheckAsync(options);
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

        await new SnapshotStore(run.Snapshots).AcceptAsync<SeedReport>("bridge", SeedProjection.Accepted, CancellationToken.None);
        var (second, secondExit) = await run.CheckAsync(options);
        Assert.That(secondExit, Is.EqualTo(ExitCode.Clean), "the accepted drift passes: " + string.Join("; ", second.Seeds[0].Breaches));
        Assert.That(second.Seeds[0].Accepted!.Unchanged, Is.True);

        palette.Key = "colours-2";
        var (third, thirdExit) = await run.CheckAsync(options);
        Assert.That(thirdExit, Is.EqualTo(ExitCode.PolicyBroken), "a new drift of the same comparison fails again");
        Assert.That(third.Seeds[0].Accepted!.Changes, Has.Some.Contains("palette"));
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
