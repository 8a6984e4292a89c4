using System.Reflection;
using System.Runtime.ExceptionServices;
using Archive.Capture;
using Archive.Diff;
using Archive.IO;
using Archive.Links;
using Archive.Media;
using Archive.Report;
using Archive.Seeds;
using Archive.Seeds.Formats;
using Archive.Snapshots;
using Archive.Verdict;
using Archive.Web;
using Microsoft.Playwright;

namespace Archive.Pipeline;

/// <summary>
/// One check run: seeds stream in, several are captured at once, each is judged and snapshotted as soon as it is
/// done, and only its small report stays in memory. The browser is started on first need, so a run whose pages
/// are all dead never starts one.
/// </summary>
/// <param name="clock">The run's clock; the system's when null.</param>
/// <param name="network">The edge every stage fetches through; when null the run makes its own <see cref="HttpFetcher"/> from the options (maps, caps, address policy). Tests put a fake here and keep every stage real.</param>
public sealed class CheckRunner(CheckOptions options, ICheckObserver observer, TimeProvider? clock = null, IFetcher? network = null)
{
    private readonly TimeProvider time = clock ?? TimeProvider.System;
    private readonly Judge judge = new(options.Policy);

    public static ToolInfo Tool { get; } = new(
        "archive",
        typeof(CheckRunner).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0");

    /// <summary>What a snapshot's WARC says of how it was made (its warcinfo record, WARC 1.1 §6.2).</summary>
    private IEnumerable<KeyValuePair<string, string>> WarcInfo() =>
    [
        new("software", $"{Tool.Name}/{Tool.Version} (web-archive fidelity checker; Chromium through Playwright)"),
        new("format", "WARC File Format 1.1"),
        new("conformsTo", "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/"),
        new("http-header-user-agent", options.Fetch.UserAgent),
        new("viewport", $"{options.Capture.ViewportWidth}x{options.Capture.ViewportHeight}"),
        new("screenshots", options.Capture.Screenshots.ToString().ToLowerInvariant()),
        new("note", "bodies are stored as the browser received them, content coding undone; request headers are the browser's"),
    ];

    public async Task<(RunReport Report, ExitCode Exit)> RunAsync(IReadOnlyList<string> seedPaths, CancellationToken cancellationToken)
    {
        var startedAt = time.GetUtcNow();
        var store = options.SnapshotRoot is null ? null : new SnapshotStore(options.SnapshotRoot, time);
        store?.SweepIncomplete();
        var history = options.SnapshotRoot is null ? null : new HistoryStore(options.SnapshotRoot);
        var all = SeedCollector.Discover(seedPaths);
        var seedList = SeedListHash(all);
        var latest = history?.Latest() ?? [];

        // A file of one seed named after it is picked for the shard and the staleness before it is read; a file that
        // may hold several (a crawl) is read, and its seeds are picked one by one.
        var many = all.Where(d => d.Error is null && SeedFormats.MayHoldMany(d.Path)).Select(d => d.Path).ToHashSet(StringComparer.Ordinal);
        var discovered = all.Where(d => many.Contains(d.Path) || Selected(SeedId.FromPath(d.Path), latest)).ToList();
        var total = discovered.Count;

        // A killed attempt of this very run (same seeds, same shard) left its finished seeds in the journal.
        using var journal = options.JournalPath is null ? null : RunJournal.Open(options.JournalPath, RunKey(discovered));
        var resumed = journal?.Finished ?? new Dictionary<string, SeedReport>();

        using var owned = network is null ? new HttpFetcher(options.Map, options.Fetch, time) : null;
        var fetcher = network ?? owned!;
        await using var browser = new LazyBrowser(options.Browser);
        // Without a snapshot store a picture or the page's traffic would be seen by nobody: none is kept.
        await using var capturer = new PageCapturer(fetcher, store is null ? options.Capture with { Screenshots = ScreenshotPolicy.None, RecordTraffic = false } : options.Capture, browser.GetAsync);
        var media = new MediaChecker(fetcher, new ImageSignatureCache(options.Images), options.Media, store);
        var linkCache = options.Links is { Enabled: true, CacheFile: { } cacheFile, CacheTtl: { } ttl }
            ? await LinkCache.OpenAsync(cacheFile, ttl, time, cancellationToken).ConfigureAwait(false)
            : null;
        using var links = options.Links.Enabled ? new LinkChecker(fetcher, options.Links, linkCache) : null;
        var boilerplate = store is null ? new SiteBoilerplate() : await store.ReadBoilerplateAsync(cancellationToken).ConfigureAwait(false);

        // Seeds reach the workers with their main document fetched ahead, as the fetches end.
        using var queue = new FetchAhead<((int File, string Id) Order, SeedLoad Load)>(capturer.FetchAsync);
        var results = new List<((int File, string Id) Order, SeedReport Report)>();
        var finished = 0;
        observer.RunStarted(total);
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < discovered.Count; i++)
        {
            order.TryAdd(discovered[i].Path, i); // a file named twice keeps its first place (the collector reports the repeat)
        }

        foreach (var earlier in resumed.Values)
        {
            if (order.TryGetValue(earlier.Path, out var at))
            {
                results.Add(((at, earlier.Id), earlier));
                observer.SeedFinished(earlier, ++finished, total);
            }
        }

        // A failure of the tool itself (a disk that refuses writes) stops the whole run at once: otherwise the
        // producer would wait forever on a full queue that no worker drains any more.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ExceptionDispatchInfo? failure = null;

        var producer = Task.Run(
            async () =>
            {
                try
                {
                    var remaining = LongestFirst(discovered.Where(d => many.Contains(d.Path) || !resumed.ContainsKey(SeedId.FromPath(d.Path))).ToList(), latest);
                    var seen = new HashSet<string>(StringComparer.Ordinal);
                    await foreach (var load in new SeedCollector(new SeedReader(time: time)).ReadAsync(remaining, stop.Token).ConfigureAwait(false))
                    {
                        // The run's size was counted in files: a file's further seeds add to it, seeds left out take from it.
                        var skip = resumed.ContainsKey(load.Id) || !Selected(load.Id, latest);
                        var more = (seen.Add(load.Path) ? 0 : 1) - (skip ? 1 : 0);
                        if (more != 0)
                        {
                            lock (results)
                            {
                                total += more;
                            }
                        }

                        if (!skip)
                        {
                            await queue.AddAsync(((order[load.Path], load.Id), load), load.Seed?.SourceUrl, stop.Token).ConfigureAwait(false);
                        }
                    }

                    // A crawl of no pages holds no seed: the file counted in the run's size takes itself out.
                    var empty = remaining.Count(d => !seen.Contains(d.Path));
                    if (empty > 0)
                    {
                        lock (results)
                        {
                            total -= empty;
                        }
                    }
                }
                finally
                {
                    await queue.CompleteAsync().ConfigureAwait(false);
                }
            },
            stop.Token);

        var workers = Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(
            async () =>
            {
                try
                {
                    await foreach (var ((place, load), document) in queue.ReadAllAsync(stop.Token).ConfigureAwait(false))
                    {
                        var (findings, archivedAt, snapshot) = await CheckAsync(load, document, capturer, media, links, store, boilerplate, stop.Token).ConfigureAwait(false);
                        var seedReport = await JudgeAsync(findings, load.Path, archivedAt, snapshot, store, stop.Token).ConfigureAwait(false);
                        history?.Append(SeedProjection.History(seedReport, startedAt, time.GetUtcNow()));
                        journal?.Append(seedReport);
                        lock (results)
                        {
                            results.Add((place, seedReport));
                            finished++;
                            observer.SeedFinished(seedReport, finished, total);
                        }
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException && cancellationToken.IsCancellationRequested)
                {
                    // The run was stopped (Ctrl-C, SIGTERM) while a page was loading: the browser's "aborted" is the
                    // stop, not a failure of the tool.
                    throw new OperationCanceledException("the run was stopped", e, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(e), null);
                    await stop.CancelAsync().ConfigureAwait(false);
                }
            },
            stop.Token)).ToList();

        try
        {
            await Task.WhenAll(workers.Append(producer)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (failure is not null)
        {
            // The real reason is rethrown below.
        }

        failure?.Throw();
        if (linkCache is not null)
        {
            await linkCache.SaveAsync(cancellationToken).ConfigureAwait(false);
        }

        if (store is not null)
        {
            await store.WriteBoilerplateAsync(boilerplate, cancellationToken).ConfigureAwait(false);
        }

        var seeds = results.OrderBy(r => r.Order.File).ThenBy(r => r.Order.Id, StringComparer.Ordinal).Select(r => r.Report).ToList();
        var report = new RunReport(RunReport.CurrentSchemaVersion, Tool, startedAt, time.GetUtcNow(), RunSummary.Of(seeds), seeds)
        {
            Shard = options.Shard is { } shard ? new ShardInfo(shard.Index, shard.Count) : null,
            SeedList = seedList,
        };
        return (report, Judge.ExitCodeFor(seeds.Select(r => r.Exit)));
    }

    /// <summary>
    /// The order seeds are started in (reports keep path order): the ones whose last check took longest first, so a
    /// page that hung last night waits while the others are checked instead of holding the run's end; seeds with
    /// no recorded time keep their path order after them.
    /// </summary>
    internal static List<(string Path, SeedError? Error)> LongestFirst(List<(string Path, SeedError? Error)> seeds, IReadOnlyDictionary<string, HistoryEntry> latest) =>
        latest.Count == 0 ? seeds : seeds.OrderByDescending(s => latest.GetValueOrDefault(SeedId.FromPath(s.Path))?.Seconds ?? 0).ToList();

    /// <summary>Whether the seed is one of this run's: in its shard, and not checked within <see cref="CheckOptions.StaleAfter"/>.</summary>
    private bool Selected(string id, Dictionary<string, HistoryEntry> latest) =>
        (options.Shard is not { } shard || shard.Contains(id))
        && (options.StaleAfter is not { } staleAfter || !latest.TryGetValue(id, out var last) || last.CheckedAt < time.GetUtcNow() - staleAfter);

    /// <summary>The run's seeds by id, not path: shards run on machines whose checkouts lie in different folders.</summary>
    private static string SeedListHash(IEnumerable<(string Path, SeedError? Error)> seeds) =>
        ContentHash.Of(string.Join('\n', seeds.Select(s => SeedId.FromPath(s.Path)).Order(StringComparer.Ordinal)))[..16];

    private string RunKey(IEnumerable<(string Path, SeedError? Error)> seeds) =>
        ContentHash.Of(string.Join('\n', seeds.Select(s => s.Path)) + "|" + options.Shard)[..32];

    /// <summary>
    /// The seed judged once, against its accepted state when there is one, and projected into its report; the
    /// result is kept beside its snapshot so it can be accepted later.
    /// </summary>
    private async Task<SeedReport> JudgeAsync(SeedFindings findings, string path, DateTimeOffset? archivedAt, string? snapshot, SnapshotStore? store, CancellationToken cancellationToken)
    {
        var accepted = store is null || findings.SourceUrl is null ? null : await store.ReadAcceptedAsync<SeedReport>(findings.Id, cancellationToken).ConfigureAwait(false);
        var judged = judge.Decide(findings, accepted is null ? null : new AcceptedOutcome(accepted.At, accepted.Snapshot, SeedProjection.Outcome(accepted.Report)));
        var report = SeedProjection.Report(findings, judged, path, archivedAt, snapshot);

        // New drift: breaches the seed's previous result did not have (the same drift seen again has the same key).
        var previous = store is null || judged.Breaches.Count == 0 ? null : await store.ReadLatestResultAsync<SeedReport>(findings.Id, cancellationToken).ConfigureAwait(false);
        var before = previous is null ? [] : judge.Rule(SeedProjection.Outcome(previous), ExitCode.Clean).Breaches.Select(b => b.Key).ToHashSet(StringComparer.Ordinal);
        report = report with { NewBreaches = judged.Breaches.Where(b => !before.Contains(b.Key)).Select(b => b.Message).ToList() };
        if (store is not null && snapshot is not null)
        {
            var page = options.Capture.RecordTraffic ? findings.Page : null;
            if (page is not null)
            {
                report = report with { Warc = $"{snapshot.Replace('\\', '/')}/{SnapshotStore.WarcFile}" };
            }

            await store.WriteResultAsync(snapshot, report, cancellationToken).ConfigureAwait(false);
            if (page is not null)
            {
                await store.WriteWarcAsync(snapshot, page, WarcInfo(), report, cancellationToken).ConfigureAwait(false);
            }
        }

        return report;
    }

    /// <summary>Every comparison of one seed, in pipeline order: capture, text, media, links. Nothing here judges.</summary>
    /// <param name="document">The seed's main document, fetched ahead; null to fetch it here.</param>
    private async Task<(SeedFindings Findings, DateTimeOffset? ArchivedAt, string? Snapshot)> CheckAsync(SeedLoad load, PageDocument? document, PageCapturer capturer, MediaChecker mediaChecker, LinkChecker? linkChecker, SnapshotStore? store, SiteBoilerplate boilerplate, CancellationToken cancellationToken)
    {
        var totalTimeout = options.Capture.TotalTimeout;

        // --total-timeout bounds the seed's own work, comparisons included, not only its capture (PageDocument.TimeLeft).
        using var seedTime = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        seedTime.CancelAfter(document?.TimeLeft(totalTimeout) ?? totalTimeout);

        if (load.Seed is not { } seed)
        {
            return (new SeedFindings(load.Id, null) { Unreadable = load.Error! }, null, null);
        }

        var findings = new SeedFindings(seed.Id, seed.SourceUrl.AbsoluteUri);
        var rules = options.Ignore.For(seed);
        Task<TextComparison> CompareTextAsync(PageCapture page) =>
            Task.Run(() => ContentComparer.Compare(seed, page.Html!, page.FinalUrl, rules, boilerplate, seedTime.Token), seedTime.Token);

        // Under --screenshots findings the page is compared while its tab is still open. It is pictured when its
        // text drifted or is gone, or when the seed has no picture yet; the archived body is rendered beside it only
        // when the text drifted or is gone, the one case a person compares the two. That comparison is the one the
        // seed keeps.
        TextComparison? early = null;
        async Task<Pictures> PicturesFor(PageCapture page)
        {
            var firstPicture = store?.LatestScreenshot(seed.Id) is null;
            if (page.Html is null)
            {
                return Pictures.Live | Pictures.Archived;
            }

            try
            {
                early = await CompareTextAsync(page).ConfigureAwait(false);
                return early.HasChanges || early.Error is not null ? Pictures.Live | Pictures.Archived : firstPicture ? Pictures.Live : Pictures.None;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return Pictures.Live | Pictures.Archived; // the comparison ran out of the seed's time; it is tried again below and reported as such
            }
        }

        PageCapture capture;
        try
        {
            var bodyHash = seed.RenderableHtml is null ? null : ContentHash.Of(seed.RenderableHtml)[..16];
            var renderedBefore = store is null || bodyHash is null ? null : await store.ReadArchivedRenderingAsync(seed.Id, bodyHash, cancellationToken).ConfigureAwait(false);
            document ??= await capturer.FetchAsync(seed.SourceUrl, cancellationToken).ConfigureAwait(false);
            capture = await capturer.CaptureAsync(document, cancellationToken, store is null || renderedBefore is not null ? null : seed.RenderableHtml, TextPresence.Probe(seed, rules), PicturesFor, seed.Resources).ConfigureAwait(false);
            if (renderedBefore is not null)
            {
                capture = capture with { ArchivedScreenshot = renderedBefore };
            }
            else if (store is not null && bodyHash is not null && capture.ArchivedScreenshot is { } fresh)
            {
                await store.WriteArchivedRenderingAsync(seed.Id, bodyHash, fresh, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is PlaywrightException or BrowserUnavailableException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            return (findings with { BrowserFailure = e.Message.Split('\n')[0] }, seed.ArchivedAt, null);
        }

        findings = findings with { Page = capture };

        // A page that was not rendered has nothing to compare: its text and media would only repeat that it is gone.
        if (capture.Rendered)
        {
            try
            {
                findings = findings with { Text = early ?? await CompareTextAsync(capture).ConfigureAwait(false) };
                findings = findings with { Media = await mediaChecker.CheckAsync(seed, capture, seedTime.Token).ConfigureAwait(false) };
                var found = new Dictionary<string, ComparisonFinding>(StringComparer.Ordinal);
                foreach (var comparison in options.Comparisons)
                {
                    if (await comparison.CompareAsync(seed, capture, seedTime.Token).ConfigureAwait(false) is { } finding)
                    {
                        found[comparison.Name] = finding;
                    }
                }

                findings = findings with { Comparisons = found };
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                findings = findings with
                {
                    Text = findings.Text ?? TextComparison.Failed($"the comparison did not finish within the seed's total time limit of {totalTimeout.TotalSeconds:0} s (the live page is too large to compare in that time)"),
                    Media = findings.Media with { Notes = [.. findings.Media.Notes, "the media comparison was cut short by the seed's total time limit"] },
                };
            }
        }

        var diffImages = findings.Media.Findings.Where(f => f.DiffPng is not null).ToDictionary(MediaReport.DiffImagePath, f => f.DiffPng!);
        var snapshot = store is null ? null : await store.WriteAsync(seed.Id, capture, cancellationToken, diffImages).ConfigureAwait(false);

        // Link rot is independent of the page: a dead page's archived links are still worth knowing about.
        if (linkChecker is not null && capture.Failure?.Kind != FetchFailureKind.Refused)
        {
            findings = findings with { Links = await linkChecker.CheckSeedAsync(seed, LinkVerdict.FromCapture(capture, findings.ArticleGone), cancellationToken).ConfigureAwait(false) };
        }

        return (findings, seed.ArchivedAt, snapshot);
    }

    /// <summary>Starts the browser the first time a page needs it, once, however many workers ask at the same moment.</summary>
    private sealed class LazyBrowser(BrowserOptions options) : IAsyncDisposable
    {
        private readonly SemaphoreSlim gate = new(1, 1);
        private BrowserHost? host;
        private Exception? failure;

        public async Task<IBrowser> GetAsync()
        {
            if (host is not null)
            {
                return host.Browser;
            }

            await gate.WaitAsync().ConfigureAwait(false);
            try
            {
                // A browser that failed to start fails every seed the same way; trying again per seed only costs time.
                if (failure is not null)
                {
                    throw failure;
                }

                try
                {
                    host ??= await BrowserHost.StartAsync(options).ConfigureAwait(false);
                }
                catch (Exception e) when (e is PlaywrightException or BrowserUnavailableException or TimeoutException)
                {
                    failure = e;
                    throw;
                }

                return host.Browser;
            }
            finally
            {
                gate.Release();
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (host is not null)
            {
                await host.DisposeAsync().ConfigureAwait(false);
            }

            gate.Dispose();
        }
    }
}
