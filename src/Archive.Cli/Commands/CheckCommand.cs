using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Archive.Capture;
using Archive.Diff;
using Archive.IO;
using Archive.Links;
using Archive.Pipeline;
using Archive.Report;
using Archive.Verdict;
using Archive.Web;
using Spectre.Console;

namespace Archive.Cli.Commands;

/// <summary><c>archive check [PATH...]</c>: captures every seed's live page, judges it, and writes the report.</summary>
internal static class CheckCommand
{
    public static Command Create(CliConsole console)
    {
        var paths = CliArguments.Seeds();
        var reports = new Option<string>("--reports") { Description = "The folder for all four reports, unless a format's own option says otherwise.", DefaultValueFactory = _ => ReportPaths.DefaultFolder };
        var json = new Option<string?>("--json") { Description = "Where to write the JSON report (default: report.json in --reports)." };
        var html = new Option<string?>("--html") { Description = "Where to write the HTML report's index (default: index.html in --reports; seed pages and files go beside it)." };
        var junit = new Option<string?>("--junit") { Description = "Where to write the JUnit XML report (default: junit.xml in --reports)." };
        var markdown = new Option<string?>("--markdown") { Description = "Where to write the Markdown summary (default: summary.md in --reports)." };
        var maps = new Option<string[]>("--map") { Description = "FROM=TO: fetch URLs starting with FROM from TO instead (repeatable; the longest FROM wins). Reports keep the original URLs.", AllowMultipleArgumentsPerToken = false };
        var allowPrivate = new Option<bool>("--allow-private") { Description = "Let seeds and pages reach loopback and private network addresses." };
        var browserPath = new Option<string?>("--browser-path") { Description = "The Chromium or Chrome binary to launch (else $ARCHIVE_CHROMIUM, Playwright's browser, then the system's)." };
        var browserEndpoint = new Option<string?>("--browser-endpoint") { Description = "Use a remote browser: ws://… (Playwright server) or http://…/ws://…/devtools/browser/… (CDP)." };
        var concurrency = new Option<int>("--concurrency") { Description = "Pages captured at once.", DefaultValueFactory = _ => CheckOptions.DefaultConcurrency };
        var pageTimeout = new Option<double>("--page-timeout") { Description = "Seconds a page may take to load (and each HTTP request to answer).", DefaultValueFactory = _ => 30 };
        var totalTimeout = new Option<double>("--total-timeout") { Description = "Seconds one seed may take in all.", DefaultValueFactory = _ => 120 };
        var snapshots = new Option<string>("--snapshots") { Description = "Where captures are stored.", DefaultValueFactory = _ => "snapshots" };
        var noSnapshots = new Option<bool>("--no-snapshots") { Description = "Store no captures." };
        var ignoreSelectors = new Option<string[]>("--ignore-selector") { Description = "CSS selector of live-page elements to leave out of the text comparison, for every seed (repeatable).", AllowMultipleArgumentsPerToken = false };
        var masks = new Option<string[]>("--mask") { Description = "Regular expression of volatile text (\"\\d+ 分钟前\") masked on both sides before diffing, for every seed (repeatable).", AllowMultipleArgumentsPerToken = false };
        var ignoreRules = new Option<string?>("--ignore-rules") { Description = "JSON file of ignore rules for all seeds and for some (see README)." };
        var noLinks = new Option<bool>("--no-links") { Description = "Check no links." };
        var exclude = new Option<string[]>("--exclude") { Description = "Regular expression of link and media URLs not to check (repeatable).", AllowMultipleArgumentsPerToken = false };
        var linkConcurrency = new Option<int>("--link-concurrency") { Description = "Links checked at once across the run (each host is further limited).", DefaultValueFactory = _ => LinkOptions.Default.Concurrency };
        var cacheTtl = new Option<string?>("--cache-ttl") { Description = "Reuse link results younger than this from earlier runs (90s, 30m, 24h, 7d); off by default." };
        var linkCache = new Option<string?>("--link-cache") { Description = "Where link results are kept between runs (default: link-cache.json in the snapshots folder)." };
        var userAgent = new Option<string>("--user-agent") { Description = "The User-Agent of every request the tool makes itself.", DefaultValueFactory = _ => FetchOptions.DefaultUserAgent };
        var timeGate = new Option<string>("--memento-timegate") { Description = "Memento TimeGate asked for archived copies of dead links (RFC 7089).", DefaultValueFactory = _ => LinkOptions.WaybackTimeGate.AbsoluteUri };
        var noMemento = new Option<bool>("--no-memento") { Description = "Ask no Memento TimeGate." };

        var command = new Command("check", "Capture each seed's live page in Chromium, compare it with the archive, and write the report.")
        {
            paths, reports, json, html, junit, markdown, maps, allowPrivate, browserPath, browserEndpoint, concurrency, pageTimeout, totalTimeout, snapshots, noSnapshots,
            ignoreSelectors, masks, ignoreRules, noLinks, exclude, linkConcurrency, cacheTtl, linkCache, userAgent, timeGate, noMemento,
        };
        CliValidation.InRange(linkConcurrency, 1, 1024, "--link-concurrency must be between 1 and 1024");
        exclude.Validators.Add(r =>
        {
            foreach (var pattern in r.GetValueOrDefault<string[]>() ?? [])
            {
                try
                {
                    _ = new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
                }
                catch (Exception e) when (e is ArgumentException or NotSupportedException)
                {
                    r.AddError($"--exclude '{pattern}' is not a usable regular expression: {e.Message}");
                }
            }
        });
        cacheTtl.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } text && !DurationText.TryParse(text, out _))
            {
                r.AddError($"--cache-ttl '{text}' is not a duration such as 90s, 30m, 24h or 7d");
            }
        });
        timeGate.Validators.Add(r =>
        {
            if (!WebUrl.TryParseAbsolute(r.GetValueOrDefault<string>() ?? string.Empty, out var url, out var problem) || !WebUrl.IsHttp(url))
            {
                r.AddError($"--memento-timegate must be an absolute http(s) URL{(problem.Length > 0 ? ": " + problem : string.Empty)}");
            }
        });
        CliValidation.InRange(concurrency, 1, 64, "--concurrency must be between 1 and 64");
        foreach (var seconds in new[] { pageTimeout, totalTimeout })
        {
            CliValidation.InRange(seconds, 0.001, 3600, $"{seconds.Name} must be a number of seconds between 0 and 3600");
        }

        maps.Validators.Add(r =>
        {
            foreach (var value in r.GetValueOrDefault<string[]>() ?? [])
            {
                try
                {
                    UrlMapping.Parse(value);
                }
                catch (FormatException e)
                {
                    r.AddError(e.Message);
                }
            }
        });

        command.SetAction(async (parse, cancellationToken) =>
        {
            IgnoreRuleSet ignore;
            try
            {
                var fromOptions = IgnoreRules.Create(parse.GetValue(ignoreSelectors) ?? [], [], "--ignore-selector")
                    .With(IgnoreRules.Create([], parse.GetValue(masks) ?? [], "--mask"));
                var file = parse.GetValue(ignoreRules) is { } rulesPath ? IgnoreRuleSet.Load(rulesPath) : IgnoreRuleSet.None;
                ignore = file with { All = file.All.With(fromOptions) };
            }
            catch (IgnoreRuleException e)
            {
                console.Error.WriteLine("archive check: " + e.Message);
                return (int)ExitCode.InputError;
            }

            var page = TimeSpan.FromSeconds(parse.GetValue(pageTimeout));
            var snapshotRoot = parse.GetValue(noSnapshots) ? null : parse.GetValue(snapshots);
            TimeSpan? ttl = DurationText.TryParse(parse.GetValue(cacheTtl), out var fresh) ? fresh : null;
            var links = LinkOptions.Default with
            {
                Enabled = !parse.GetValue(noLinks),
                Concurrency = parse.GetValue(linkConcurrency),
                Exclude = (parse.GetValue(exclude) ?? []).Select(p => new Regex(p, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant)).ToList(),
                TimeGate = parse.GetValue(noMemento) ? null : new Uri(parse.GetValue(timeGate)!),
                CacheTtl = ttl,
                CacheFile = ttl is null ? null : parse.GetValue(linkCache) ?? Path.Combine(snapshotRoot ?? ".", "link-cache.json"),
            };
            var options = new CheckOptions(
                new UrlMap((parse.GetValue(maps) ?? []).Select(UrlMapping.Parse)),
                FetchOptions.Default with { RequestTimeout = page, AllowPrivate = parse.GetValue(allowPrivate), UserAgent = parse.GetValue(userAgent)! },
                CaptureOptions.Default with { NavigationTimeout = page, TotalTimeout = TimeSpan.FromSeconds(parse.GetValue(totalTimeout)) },
                new BrowserOptions(parse.GetValue(browserPath), parse.GetValue(browserEndpoint)),
                parse.GetValue(concurrency),
                snapshotRoot) { Ignore = ignore, Links = links };
            var folder = ReportPaths.In(parse.GetValue(reports)!);
            var outputs = new ReportPaths(
                parse.GetValue(json) ?? folder.Json,
                parse.GetValue(html) ?? folder.Html,
                parse.GetValue(junit) ?? folder.JUnit,
                parse.GetValue(markdown) ?? folder.Markdown);
            return await RunAsync(console, options, parse.GetValue(paths) ?? [], outputs, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, CheckOptions options, string[] paths, ReportPaths outputs, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        RunReport report;
        ExitCode exit;
        try
        {
            (report, exit) = await new CheckRunner(options, new ConsoleProgress(console)).RunAsync(paths, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException e)
        {
            // A damaged link cache is the user's file: say which and stop before anything is overwritten.
            console.Error.WriteLine("archive check: " + e.Message);
            return (int)ExitCode.InputError;
        }

        await outputs.WriteAsync(report, options.SnapshotRoot, cancellationToken).ConfigureAwait(false);
        var s = report.Summary;
        console.Out.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{s.Total} seed(s): {s.Unchanged} unchanged, {s.Changed} changed, {s.Dead} dead, {s.Error} error in {stopwatch.Elapsed.TotalSeconds:0.0} s; report: {outputs.Html ?? outputs.Json}"));
        if (s.Links is { } l && l.Ok + l.Redirect + l.Dead + l.Soft404 + l.Timeout + l.Error > 0)
        {
            console.Out.WriteLine($"links: {l.Ok} ok, {l.Redirect} redirect, {l.Dead} dead, {l.Soft404} soft-404, {l.Timeout} timeout, {l.Error} error, {l.Skipped} skipped");
        }

        return (int)exit;
    }

    /// <summary>One line per seed as it finishes: plain enough for CI logs, coloured on a terminal.</summary>
    private sealed class ConsoleProgress(CliConsole console) : ICheckObserver
    {
        public void RunStarted(int seeds) => console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"checking {seeds} seed(s)..."));

        public void SeedFinished(SeedReport seed, int finished, int total)
        {
            var colour = seed.Status switch
            {
                SeedStatus.Unchanged => "green",
                SeedStatus.Changed => "yellow",
                _ => "red",
            };
            var status = seed.Status.ToString().ToLowerInvariant();
            var detail = seed.Reason ?? seed.SourceUrl ?? string.Empty;
            var seconds = seed.Page.Timings is { } t ? string.Create(CultureInfo.InvariantCulture, $" ({t.TotalMs / 1000:0.0} s)") : string.Empty;
            console.Out.MarkupLine(string.Create(
                CultureInfo.InvariantCulture,
                $"[{colour}]{status,-9}[/] [[{finished}/{total}]] {Markup.Escape(seed.Id)}: {Markup.Escape(detail)}{seconds}"));
        }
    }
}
