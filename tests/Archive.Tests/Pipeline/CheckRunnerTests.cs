using Archive.Capture;
using Archive.Links;
using Archive.Pipeline;
using Archive.Report;
using Archive.Verdict;
using Archive.Snapshots;
using Archive.Web;
using Microsoft.Extensions.Time.Testing;

namespace Archive.Tests.Pipeline;

/// <summary>The run itself, on seeds whose hosts never resolve (.invalid is answered without any DNS query), so no browser or network is involved.</summary>
public sealed class CheckRunnerTests
{
    private static CheckOptions Options(string? snapshots) => new(
        UrlMap.None,
        FetchOptions.Default with { RequestTimeout = TimeSpan.FromSeconds(5), MaxAttempts = 1 },
        CaptureOptions.Default,
        new BrowserOptions(ExecutablePath: "/no/such/browser"),
        3,
        snapshots) { Links = LinkOptions.Default with { TimeGate = null } };

    private static void WriteDeadSeeds(TempDirectory dir, int count)
    {
        for (var i = 0; i < count; i++)
        {
            dir.Write($"seeds/dead-{i}.txt", $"<!--1695222902000-->\n[Gone {i}](https://site-{i}.invalid/story)\n------\n\n<p>Text {i}</p>\n");
        }
    }

    [Test]
    public async Task DeadPagesAreReportedInOrderWithoutEverStartingABrowser()
    {
        using var dir = new TempDirectory();
        WriteDeadSeeds(dir, 7);
        var recorder = new Recorder();
        var (report, exit) = await new CheckRunner(Options(Path.Combine(dir.Path, "snapshots")), recorder).RunAsync([Path.Combine(dir.Path, "seeds")], CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(report.Seeds.Select(s => s.Id), Is.EqualTo(Enumerable.Range(0, 7).Select(i => $"dead-{i}")));
            Assert.That(report.Seeds.Select(s => s.Status), Is.All.EqualTo(SeedStatus.Dead), "a browser that cannot start would have made these errors");
            Assert.That(report.Seeds[3].Reason, Does.StartWith("DNS lookup failed for site-3.invalid"));
            Assert.That(exit, Is.EqualTo(ExitCode.PolicyBroken));
            Assert.That(report.Summary, Is.EqualTo(new RunSummary(7, 0, 0, 7, 0, new LinkCounts(0, 0, 7, 0, 0, 0, 0))), "each dead page is its own dead source link");
            Assert.That(recorder.Started, Is.EqualTo(new[] { 7 }), "the observer hears the run's size once, before any seed");
            Assert.That(recorder.Finished.Select(f => f.Finished), Is.EqualTo(Enumerable.Range(1, 7)), "each seed counted once, as it finished");
            Assert.That(recorder.Finished.Select(f => f.Id).Order(), Is.EqualTo(report.Seeds.Select(s => s.Id)));
            Assert.That(recorder.Finished.Select(f => f.Total), Is.All.EqualTo(7));
        });
    }

    /// <summary>Every date the run writes comes from its clock: the report, the snapshot folders, the history, the link results.</summary>
    [Test]
    public async Task TheRunIsDatedByTheClockItIsGiven()
    {
        using var dir = new TempDirectory();
        WriteDeadSeeds(dir, 2);
        var at = new DateTimeOffset(2031, 5, 6, 7, 8, 9, TimeSpan.Zero);
        var snapshots = Path.Combine(dir.Path, "snapshots");
        var (report, _) = await new CheckRunner(Options(snapshots), new Recorder(), new FakeTimeProvider(at)).RunAsync([Path.Combine(dir.Path, "seeds")], CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(report.StartedAt, Is.EqualTo(at));
            Assert.That(report.FinishedAt, Is.EqualTo(at));
            Assert.That(report.Seeds.Select(s => s.Snapshot), Is.EqualTo(new[] { "dead-0/20310506T070809Z", "dead-1/20310506T070809Z" }));
            Assert.That(report.Seeds.SelectMany(s => s.Links).Select(l => l.CheckedAt), Is.All.EqualTo(at));
            Assert.That(new HistoryStore(snapshots).Read().Select(e => e.CheckedAt), Is.All.EqualTo(at));
        });
    }

    /// <summary>The whole run with a fake at the network's edge: no DNS, no sockets, every stage behind it real.</summary>
    [Test]
    public async Task EveryStageFetchesThroughTheEdgeItIsGiven()
    {
        using var dir = new TempDirectory();
        dir.Write("seeds/gone.txt", "<!--1695222902000-->\n[Gone](https://news.example/gone)\n------\n\n<p>Text <a href=\"https://other.example/x\">a link</a></p>\n");
        dir.Write("seeds/pdf.txt", "<!--1695222902000-->\n[A PDF now](https://news.example/pdf)\n------\n\n<p>Text</p>\n");
        var network = new FakeNetwork(new Dictionary<string, (int, string)>
        {
            ["https://news.example/gone"] = (404, "text/html"),
            ["https://news.example/pdf"] = (200, "application/pdf"),
            ["https://other.example/x"] = (200, "text/html"),
        });
        var (report, exit) = await new CheckRunner(Options(null), new Recorder(), network: network).RunAsync([Path.Combine(dir.Path, "seeds")], CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(report.Seeds.Select(s => (s.Id, s.Status)), Is.EqualTo(new[] { ("gone", SeedStatus.Dead), ("pdf", SeedStatus.Changed) }));
            Assert.That(report.Seeds[0].Reason, Does.Contain("404"));
            Assert.That(report.Seeds[1].Reason, Does.Contain("application/pdf"), "a URL that serves a PDF now is not rendered, and no browser is started");
            Assert.That(report.Seeds[0].Links.Single(l => l.Url == "https://other.example/x").Status, Is.EqualTo(LinkStatus.Ok), "the link stage fetched through the same edge");
            Assert.That(network.Asked.Count(u => u == "https://news.example/gone"), Is.EqualTo(1), "the source URL is fetched once: the link stage takes the capture's answer");
            Assert.That(exit, Is.EqualTo(ExitCode.PolicyBroken));
        });
    }

    [Test]
    public async Task AFailureOfTheToolStopsTheRunInsteadOfHangingIt()
    {
        using var dir = new TempDirectory();
        WriteDeadSeeds(dir, 20);
        var notADirectory = dir.Write("snapshots-is-a-file", "x");
        var run = new CheckRunner(Options(notADirectory), new Recorder()).RunAsync([Path.Combine(dir.Path, "seeds")], CancellationToken.None);
        Assert.That(await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(60))), Is.SameAs(run), "the run must end");
        Assert.That(run.Exception?.InnerException, Is.InstanceOf<IOException>(), "the real reason surfaces, not a cancellation");
    }

    /// <summary>A network of fixed answers; every URL it was asked for is kept.</summary>
    private sealed class FakeNetwork(Dictionary<string, (int Status, string Type)> answers) : IFetcher
    {
        public System.Collections.Concurrent.ConcurrentBag<string> Asked { get; } = [];

        public FetchOptions Options => FetchOptions.Default;

        public TimeProvider Time => TimeProvider.System;

        public Task<FetchResponse> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
        {
            Asked.Add(request.Url.AbsoluteUri);
            var (status, type) = answers.GetValueOrDefault(request.Url.AbsoluteUri, (404, "text/html"));
            var body = request.Method == "HEAD" ? [] : System.Text.Encoding.UTF8.GetBytes(type == "text/html" ? "<html><body><p>Other page</p></body></html>" : "%PDF-1.4");
            return Task.FromResult(new FetchResponse(request.Url, request.Url, [], status, [new("Content-Type", type)], body, false, null, 1, TimeSpan.FromMilliseconds(1)));
        }
    }

    /// <summary>What the runner told its observer, in order.</summary>
    private sealed class Recorder : ICheckObserver
    {
        public List<int> Started { get; } = [];

        public List<(string Id, int Finished, int Total)> Finished { get; } = [];

        public void RunStarted(int seeds) => Started.Add(seeds);

        public void SeedFinished(SeedReport seed, int finished, int total)
        {
            lock (Finished)
            {
                Finished.Add((seed.Id, finished, total));
            }
        }
    }
}
