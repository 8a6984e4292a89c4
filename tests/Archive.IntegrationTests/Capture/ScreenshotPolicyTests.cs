using Archive.Capture;
using Archive.IntegrationTests.Fixtures;
using Archive.Report;
using Archive.Report.Html;
using Archive.Snapshots;
using Archive.TestSite;
using Archive.Verdict;

namespace Archive.IntegrationTests.Capture;

/// <summary>
/// <c>--screenshots</c>: a full-page picture is most of the browser's graphics work, so by default (findings) a seed
/// is pictured on its first check and whenever its text drifts, and the report shows the last picture otherwise.
/// </summary>
[NonParallelizable]
public sealed class ScreenshotPolicyTests
{
    [Test]
    public async Task FindingsPicturesTheFirstCheckAndDriftAndTheReportShowsTheLastPictureOtherwise()
    {
        Harness.RequireBrowser();
        await using var site = await LiveSite.StartAsync();
        var root = Directory.CreateTempSubdirectory("archive-shots-").FullName;
        try
        {
            var seed = Articles.Read(Articles.Fixture("harbour-bridge"));
            var blocks = Articles.LiveBlocks(seed);
            var k = blocks.FindIndex(b => b.Kind == LiveKind.Paragraph && b.Text.Length > 40);
            Directory.CreateDirectory(Path.Combine(root, "seeds"));
            File.WriteAllText(Path.Combine(root, "seeds", "bridge.txt"), Articles.SeedText(seed.Title, LiveSite.Public("bridge"), blocks));
            site.Html("/bridge", NewsChrome.Page(seed.Title, blocks, lang: "en"));
            var snapshots = Path.Combine(root, "snapshots");
            var options = Harness.Check(site, snapshots);
            Assert.That(options.Capture.Screenshots, Is.EqualTo(ScreenshotPolicy.Findings), "the default");

            bool Pictured(RunReport run) => File.Exists(Path.Combine(snapshots, run.Seeds[0].Snapshot!, SnapshotStore.ScreenshotFile));

            var (first, _) = await Harness.RunAsync(options, Path.Combine(root, "seeds"));
            Assert.That((first.Seeds[0].Status, Pictured(first)), Is.EqualTo((SeedStatus.Unchanged, true)), "a first check is pictured");

            var (second, _) = await Harness.RunAsync(options, Path.Combine(root, "seeds"));
            Assert.That((second.Seeds[0].Status, Pictured(second)), Is.EqualTo((SeedStatus.Unchanged, false)), "nothing new to see: no picture");

            var index = Path.Combine(root, "report", "index.html");
            await HtmlReport.WriteAsync(second, index, snapshots, CancellationToken.None);
            var page = await File.ReadAllTextAsync(Path.Combine(root, "report", HtmlReport.SeedFolder, HtmlReport.PageName("bridge")));
            Assert.That(page, Does.Contain("an earlier check (" + first.Seeds[0].Snapshot + ")"), "the report shows the last picture, dated");

            site.Html("/bridge", NewsChrome.Page(seed.Title, Drift.Rewrite(blocks, k, "The council has since withdrawn its approval of the crossing, a spokesperson said."), lang: "en"));
            var (third, _) = await Harness.RunAsync(options, Path.Combine(root, "seeds"));
            Assert.That((third.Seeds[0].Status, Pictured(third)), Is.EqualTo((SeedStatus.Changed, true)), "drift is pictured");

            var (fourth, _) = await Harness.RunAsync(options with { Capture = options.Capture with { Screenshots = ScreenshotPolicy.None } }, Path.Combine(root, "seeds"));
            Assert.That(Pictured(fourth), Is.False, "none: never");
            var (fifth, _) = await Harness.RunAsync(options with { Capture = options.Capture with { Screenshots = ScreenshotPolicy.All } }, Path.Combine(root, "seeds"));
            Assert.That(Pictured(fifth), Is.True, "all: always");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
