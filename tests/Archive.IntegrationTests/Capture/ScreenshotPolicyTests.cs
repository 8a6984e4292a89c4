using Archive.Capture;
using Archive.IntegrationTests.Fixtures;
using Archive.Report;
using Archive.Report.Html;
using Archive.Snapshots;
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
        await using var run = await BridgeRun.StartAsync("archive-shots-");
        var options = Harness.Check(run.Site, run.Snapshots);
        Assert.That(options.Capture.Screenshots, Is.EqualTo(ScreenshotPolicy.Findings), "the default");

        bool Pictured(RunReport report) => File.Exists(Path.Combine(run.Snapshots, report.Seeds[0].Snapshot!, SnapshotStore.ScreenshotFile));

        var (first, _) = await run.CheckAsync(options);
        Assert.That((first.Seeds[0].Status, Pictured(first)), Is.EqualTo((SeedStatus.Unchanged, true)), "a first check is pictured");

        var (second, _) = await run.CheckAsync(options);
        Assert.That((second.Seeds[0].Status, Pictured(second)), Is.EqualTo((SeedStatus.Unchanged, false)), "nothing new to see: no picture");

        var index = Path.Combine(run.Root, "report", "index.html");
        await HtmlReport.WriteAsync(second, index, run.Snapshots, CancellationToken.None);
        var page = await File.ReadAllTextAsync(Path.Combine(run.Root, "report", HtmlReport.SeedFolder, HtmlReport.PageName("bridge")));
        Assert.That(page, Does.Contain("an earlier check (" + first.Seeds[0].Snapshot + ")"), "the report shows the last picture, dated");
        Assert.That(page, Does.Contain("the archived body is rendered only when the live text drifted or is gone"), "the report says why an unchanged seed has no archived rendering");

        run.Serve(run.Edited);
        var (third, _) = await run.CheckAsync(options);
        Assert.That((third.Seeds[0].Status, Pictured(third)), Is.EqualTo((SeedStatus.Changed, true)), "drift is pictured");

        var (fourth, _) = await run.CheckAsync(options with { Capture = options.Capture with { Screenshots = ScreenshotPolicy.None } });
        Assert.That(Pictured(fourth), Is.False, "none: never");
        var (fifth, _) = await run.CheckAsync(options with { Capture = options.Capture with { Screenshots = ScreenshotPolicy.All } });
        Assert.That(Pictured(fifth), Is.True, "all: always");
    }
}
