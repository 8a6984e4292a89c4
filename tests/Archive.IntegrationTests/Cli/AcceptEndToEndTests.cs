using Archive.IntegrationTests.Fixtures;
using Archive.Snapshots;
using Archive.TestSite;
using Archive.Verdict;

namespace Archive.IntegrationTests.Cli;

/// <summary>Accepting a known change, as snapshot testing does: the accepted drift stops failing, a new change fails again.</summary>
[NonParallelizable]
public sealed class AcceptEndToEndTests
{
    [Test]
    public async Task AnAcceptedChangePassesAndANewOneFails()
    {
        await using var run = await BridgeRun.StartAsync("archive-accept-");
        var options = Harness.Check(run.Site, run.Snapshots);

        run.Serve(run.Edited);
        var (first, firstExit) = await run.CheckAsync(options);
        Assert.That(firstExit, Is.EqualTo(ExitCode.PolicyBroken));
        Assert.That(first.Seeds[0].Breaches, Is.Not.Empty);

        var accepted = await new SnapshotStore(run.Snapshots).AcceptAsync<Archive.Report.SeedReport>("bridge", Archive.Report.SeedProjection.Accepted, CancellationToken.None);
        Assert.That(accepted, Is.Not.Null);

        var (second, secondExit) = await run.CheckAsync(options);
        Assert.That(secondExit, Is.EqualTo(ExitCode.Clean), string.Join("; ", second.Seeds[0].Breaches));
        Assert.That(second.Seeds[0].Status, Is.EqualTo(SeedStatus.Changed), "still changed from the archive");
        Assert.That(second.Seeds[0].Accepted!.Unchanged, Is.True);

        run.Serve(Drift.Delete(run.Edited, run.Paragraph + 1));
        var (third, thirdExit) = await run.CheckAsync(options);
        Assert.That(thirdExit, Is.EqualTo(ExitCode.PolicyBroken));
        Assert.That(third.Seeds[0].Accepted!.Unchanged, Is.False);
        Assert.That(third.Seeds[0].Accepted!.Changes, Is.Not.Empty);
    }
}
