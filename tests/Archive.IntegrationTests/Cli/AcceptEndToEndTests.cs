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
        Harness.RequireBrowser();
        await using var site = await LiveSite.StartAsync();
        var root = Directory.CreateTempSubdirectory("archive-accept-").FullName;
        try
        {
            var seed = Articles.Read(Articles.Fixture("harbour-bridge"));
            var blocks = Articles.LiveBlocks(seed);
            var k = blocks.FindIndex(b => b.Kind == LiveKind.Paragraph && b.Text.Length > 40);
            Directory.CreateDirectory(Path.Combine(root, "seeds"));
            File.WriteAllText(Path.Combine(root, "seeds", "bridge.txt"), Articles.SeedText(seed.Title, LiveSite.Public("bridge"), blocks));
            var snapshots = Path.Combine(root, "snapshots");
            var options = Harness.Check(site, snapshots);

            site.Html("/bridge", NewsChrome.Page(seed.Title, Drift.Rewrite(blocks, k, "The council has since withdrawn its approval of the crossing, a spokesperson said."), lang: "en"));
            var (first, firstExit) = await Harness.RunAsync(options, Path.Combine(root, "seeds"));
            Assert.That(firstExit, Is.EqualTo(ExitCode.PolicyBroken));
            Assert.That(first.Seeds[0].Breaches, Is.Not.Empty);

            var accepted = await new SnapshotStore(snapshots).AcceptAsync<Archive.Report.SeedReport>("bridge", Archive.Report.SeedProjection.Accepted, CancellationToken.None);
            Assert.That(accepted, Is.Not.Null);

            var (second, secondExit) = await Harness.RunAsync(options, Path.Combine(root, "seeds"));
            Assert.That(secondExit, Is.EqualTo(ExitCode.Clean), string.Join("; ", second.Seeds[0].Breaches));
            Assert.That(second.Seeds[0].Status, Is.EqualTo(SeedStatus.Changed), "still changed from the archive");
            Assert.That(second.Seeds[0].Accepted!.Unchanged, Is.True);

            site.Html("/bridge", NewsChrome.Page(seed.Title, Drift.Delete(Drift.Rewrite(blocks, k, "The council has since withdrawn its approval of the crossing, a spokesperson said."), k + 1), lang: "en"));
            var (third, thirdExit) = await Harness.RunAsync(options, Path.Combine(root, "seeds"));
            Assert.That(thirdExit, Is.EqualTo(ExitCode.PolicyBroken));
            Assert.That(third.Seeds[0].Accepted!.Unchanged, Is.False);
            Assert.That(third.Seeds[0].Accepted!.Changes, Is.Not.Empty);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
