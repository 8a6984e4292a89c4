using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Archive.Capture;
using Archive.Config;
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
        var maps = new Option<string[]>("--map") { Description = "FROM=TO: fetch URLs starting with FROM from TO instead (repeatable; the longest FROM wins). Reports keep the original URLs.", AllowMultipleArgumentsPerToken = false };
        var allowPrivate = new Option<bool>("--allow-private") { Description = "Let seeds and pages reach loopback and private network addresses." };
        var browserPath = new Option<string?>("--browser-path") { Description = "The Chromium or Chrome binary to launch (else $ARCHIVE_CHROMIUM, Playwright's browser, then the system's)." };
        var browserEndpoint = new Option<string?>("--browser-endpoint") { Description = "Use a remote browser: ws://… (Playwright server) or http://…/ws://…/devtools/browser/… (CDP)." };
        var concurrency = new Option<int>("--concurrency") { Description = "Pages captured at once.", DefaultValueFactory = _ => CheckOptions.DefaultConcurrency };
        var pageTimeout = new Option<double>("--page-timeout") { Description = "Seconds a page may take to load (and each HTTP request to answer).", DefaultValueFactory = _ => 30 };
        var totalTimeout = new Option<double>("--total-timeout") { Description = "Seconds one seed may take in all.", DefaultValueFactory = _ => 120 };
        var seedsPerTab = new Option<int>("--seeds-per-tab") { Description = "Seeds one browser tab serves, its cookies and storage wiped between them, before a fresh context replaces it (1: a fresh context for every seed, slower).", DefaultValueFactory = _ => CaptureOptions.Default.SeedsPerTab };
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
        var configOption = new Option<string?>("--config") { Description = "The config file (default: archive.json in the current folder, when there is one). Options on the command line win over it." };
        var shard = new Option<string?>("--shard") { Description = "I/N: check only part I of N (a stable split by seed id), to spread a run over machines; 'archive merge' joins the parts' reports." };
        var stale = new Option<string?>("--stale-after") { Description = "Check only seeds whose last check (in the history) is older than this (90s, 30m, 24h, 7d)." };
        var freshRun = new Option<bool>("--fresh") { Description = "Start over instead of resuming a run that was killed." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only the summary line." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Print every seed with its timings and breaches." };

        var command = new Command("check", "Capture each seed's live page in Chromium, compare it with the archive, and write the report.")
        {
            paths, maps, allowPrivate, browserPath, browserEndpoint, concurrency, pageTimeout, totalTimeout, seedsPerTab, snapshots, noSnapshots,
            ignoreSelectors, masks, ignoreRules, noLinks, exclude, linkConcurrency, cacheTtl, linkCache, userAgent, timeGate, noMemento,
            configOption, shard, stale, freshRun, quiet, verbose,
        };
        var reportOptions = new ReportOptions();
        reportOptions.AddTo(command);
        shard.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } text && !Shard.TryParse(text, out _, out var problem))
            {
                r.AddError("--shard " + problem);
            }
        });
        stale.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } text && !DurationText.TryParse(text, out _))
            {
                r.AddError($"--stale-after '{text}' is not a duration such as 90s, 30m, 24h or 7d");
            }
        });
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
        CliValidation.InRange(seedsPerTab, 1, 100_000, "--seeds-per-tab must be between 1 and 100000");
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
            // archive.json (or --config) fills in what the command line does not say; the command line wins.
            ArchiveConfig config;
            IgnoreRuleSet ignore;
            try
            {
                var configPath = parse.GetValue(configOption);
                config = configPath is not null ? ArchiveConfig.Load(configPath)
                    : File.Exists(ArchiveConfig.DefaultFile) ? ArchiveConfig.Load(ArchiveConfig.DefaultFile)
                    : new ArchiveConfig(ArchiveConfig.DefaultFile);
                var fromOptions = IgnoreRules.Create(parse.GetValue(ignoreSelectors) ?? [], [], "--ignore-selector")
                    .With(IgnoreRules.Create([], parse.GetValue(masks) ?? [], "--mask"));
                var file = parse.GetValue(ignoreRules) is { } rulesPath ? IgnoreRuleSet.Load(rulesPath) : config.Ignore ?? IgnoreRuleSet.None;
                ignore = file with { All = file.All.With(fromOptions) };
            }
            catch (Exception e) when (e is ConfigException or IgnoreRuleException)
            {
                console.Error.WriteLine("archive check: " + e.Message);
                return (int)ExitCode.InputError;
            }

            int PickInt(Option<int> option, int? fromConfig) => Given(parse, option) || fromConfig is null ? parse.GetValue(option) : fromConfig.Value;
            double PickDouble(Option<double> option, double? fromConfig) => Given(parse, option) || fromConfig is null ? parse.GetValue(option) : fromConfig.Value;
            string PickString(Option<string> option, string? fromConfig) => Given(parse, option) || fromConfig is null ? parse.GetValue(option)! : fromConfig;
            var page = TimeSpan.FromSeconds(PickDouble(pageTimeout, config.PageTimeout));
            var snapshotRoot = parse.GetValue(noSnapshots) ? null : Path.GetFullPath(PickString(snapshots, config.Snapshots));
            var cacheText = parse.GetValue(cacheTtl);
            TimeSpan? ttl = DurationText.TryParse(cacheText, out var fresh) ? fresh : config.Links?.CacheTtl;
            var excludes = Given(parse, exclude)
                ? (parse.GetValue(exclude) ?? []).Select(p => new Regex(p, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant)).ToList()
                : config.Links?.Exclude ?? [];
            var mementoOff = parse.GetValue(noMemento) || (!Given(parse, timeGate) && config.Links?.Memento == false);
            var links = LinkOptions.Default with
            {
                Enabled = !parse.GetValue(noLinks) && config.Links?.Enabled != false,
                Concurrency = PickInt(linkConcurrency, config.Links?.Concurrency),
                Exclude = excludes,
                TimeGate = mementoOff ? null : Given(parse, timeGate) ? new Uri(parse.GetValue(timeGate)!) : config.Links?.MementoTimeGate ?? LinkOptions.WaybackTimeGate,
                CacheTtl = ttl,
                CacheFile = ttl is null ? null : Path.GetFullPath(parse.GetValue(linkCache) ?? config.Links?.Cache ?? Path.Combine(snapshotRoot ?? ".", "link-cache.json")),
            };
            _ = Shard.TryParse(parse.GetValue(shard) ?? "1/1", out var part, out _);
            TimeSpan? staleAfter = DurationText.TryParse(parse.GetValue(stale), out var age) ? age : config.StaleAfter;
            // Paths are made full once, here: every stage below sees the folder the user meant, wherever it runs.
            if (reportOptions.Resolve(parse, config, console, out var folderJson, out var problem) is not { } outputs)
            {
                console.Error.WriteLine("archive check: " + problem);
                return (int)ExitCode.InputError;
            }

            // A report on standard output must be all that is there: progress and the summary go to standard error.
            var terminal = ReportOptions.Terminal(console, outputs);
            var journal = (ReportPaths.IsStandardOutput(outputs.Json) ? folderJson : outputs.Json!) + ".journal";
            if (parse.GetValue(freshRun) && File.Exists(journal))
            {
                File.Delete(journal);
            }

            var options = new CheckOptions(
                new UrlMap(Given(parse, maps) ? (parse.GetValue(maps) ?? []).Select(UrlMapping.Parse) : config.Maps ?? []),
                FetchOptions.Default with { RequestTimeout = page, AllowPrivate = parse.GetValue(allowPrivate) || config.AllowPrivate == true, UserAgent = PickString(userAgent, config.UserAgent) },
                CaptureOptions.Default with { NavigationTimeout = page, TotalTimeout = TimeSpan.FromSeconds(PickDouble(totalTimeout, config.TotalTimeout)), SeedsPerTab = PickInt(seedsPerTab, config.SeedsPerTab) },
                new BrowserOptions(parse.GetValue(browserPath) ?? config.BrowserPath, parse.GetValue(browserEndpoint) ?? config.BrowserEndpoint),
                PickInt(concurrency, config.Concurrency),
                snapshotRoot)
            {
                Ignore = ignore,
                Links = links,
                Policy = config.Policy ?? PolicySet.Default,
                Shard = part.Count > 1 ? part : null,
                StaleAfter = staleAfter,
                JournalPath = journal,
            };
            var seedPaths = Given(parse, paths) || config.Seeds is not { } configured ? parse.GetValue(paths) ?? [] : SeedGlobs.Expand(configured);
            var verbosity = parse.GetValue(quiet) ? Verbosity.Quiet : parse.GetValue(verbose) ? Verbosity.Verbose : Verbosity.Normal;
            return await RunAsync(terminal, options, seedPaths, outputs, verbosity, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Where the run will write, checked before the browser starts (exit 3 with one sentence, as the README says).</summary>
    private static string? Preflight(CheckOptions options, ReportPaths outputs)
    {
        var folders = new List<(string Folder, string What)>();
        if (options.SnapshotRoot is { } snapshots)
        {
            folders.Add((snapshots, "snapshots"));
        }

        // Every path here was made full when the options were read.
        foreach (var file in new[] { outputs.Json, outputs.Html, outputs.JUnit, outputs.Markdown, options.Links.CacheFile })
        {
            if (file is not null && !ReportPaths.IsStandardOutput(file) && Path.GetDirectoryName(file) is { } folder)
            {
                folders.Add((folder, file == options.Links.CacheFile ? "link cache" : "reports"));
            }
        }

        return folders.DistinctBy(f => f.Folder).Select(f => WritableFolder.Problem(f.Folder, f.What)).FirstOrDefault(p => p is not null);
    }

    /// <summary>Whether the user said it (on the command line), rather than the parser filling in a default.</summary>
    private static bool Given(ParseResult parse, Symbol symbol) => symbol switch
    {
        Option option => parse.GetResult(option) is { Implicit: false },
        Argument argument => parse.GetResult(argument) is { Implicit: false },
        _ => false,
    };

    private enum Verbosity
    {
        Quiet,
        Normal,
        Verbose,
    }

    private static async Task<int> RunAsync(CliConsole console, CheckOptions options, string[] paths, ReportPaths outputs, Verbosity verbosity, CancellationToken cancellationToken)
    {
        if (Preflight(options, outputs) is { } unwritable)
        {
            console.Error.WriteLine("archive check: " + unwritable);
            return (int)ExitCode.ToolFailure;
        }

        var stopwatch = Stopwatch.StartNew();
        var counter = new Counter();
        RunReport report;
        ExitCode exit;
        try
        {
            // On a terminal a live bar with counts, rate and time left; in CI logs one plain line per seed.
            if (console.Out.Profile.Capabilities.Interactive && verbosity != Verbosity.Quiet)
            {
                (RunReport Report, ExitCode Exit)? outcome = null;
                await console.Out.Progress()
                    .AutoClear(false)
                    .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                    .StartAsync(async context =>
                    {
                        var bar = new BarProgress(context.AddTask("checking", maxValue: 1));
                        outcome = await new CheckRunner(options, counter.Around(bar)).RunAsync(paths, cancellationToken).ConfigureAwait(false);
                    }).ConfigureAwait(false);
                (report, exit) = outcome!.Value;
                foreach (var seed in report.Seeds.Where(s => s.Status != SeedStatus.Unchanged || verbosity == Verbosity.Verbose))
                {
                    ConsoleProgress.Line(console, seed, verbosity == Verbosity.Verbose);
                }
            }
            else
            {
                (report, exit) = await new CheckRunner(options, counter.Around(new ConsoleProgress(console, verbosity))).RunAsync(paths, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
        {
            throw new RunInterruptedException($"interrupted: {counter.Finished} of {counter.Total} seeds checked; run again to resume", e);
        }
        catch (InvalidDataException e)
        {
            // A damaged link cache or accepted state is the user's file: say which and stop before anything is overwritten.
            console.Error.WriteLine("archive check: " + e.Message);
            return (int)ExitCode.InputError;
        }

        await outputs.WriteAsync(report, options.SnapshotRoot, cancellationToken).ConfigureAwait(false);

        // The reports are whole: the next run starts afresh rather than resuming this one.
        if (options.JournalPath is { } journal && File.Exists(journal))
        {
            File.Delete(journal);
        }

        var s = report.Summary;
        var broken = report.Seeds.Count(x => x.Breaches.Count > 0);
        console.Out.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{s.Total} seed(s): {s.Unchanged} unchanged, {s.Changed} changed, {s.Dead} dead, {s.Error} error; {broken} break the policy; in {stopwatch.Elapsed.TotalSeconds:0.0} s; report: {outputs.Html ?? outputs.Json ?? outputs.JUnit ?? outputs.Markdown}"));
        if (verbosity != Verbosity.Quiet && s.Links is { } l && l.Ok + l.Redirect + l.Dead + l.Soft404 + l.Timeout + l.Error > 0)
        {
            console.Out.WriteLine($"links: {l.Ok} ok, {l.Redirect} redirect, {l.Dead} dead, {l.Soft404} soft-404, {l.Timeout} timeout, {l.Error} error, {l.Skipped} skipped");
        }

        return (int)exit;
    }

    /// <summary>How far the run got, for the line an interrupted run ends with.</summary>
    private sealed class Counter
    {
        public int Finished { get; private set; }

        public int Total { get; private set; }

        public ICheckObserver Around(ICheckObserver inner) => new Counting(this, inner);

        private sealed class Counting(Counter counter, ICheckObserver inner) : ICheckObserver
        {
            public void RunStarted(int seeds)
            {
                counter.Total = seeds;
                inner.RunStarted(seeds);
            }

            public void SeedFinished(SeedReport seed, int finished, int total)
            {
                counter.Finished = finished;
                inner.SeedFinished(seed, finished, total);
            }
        }
    }

    /// <summary>The live bar on a terminal: seeds done of all, what they came to so far, the rate.</summary>
    private sealed class BarProgress(ProgressTask task) : ICheckObserver
    {
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private int changed;
        private int dead;
        private int errors;

        public void RunStarted(int seeds) => task.MaxValue = Math.Max(1, seeds);

        public void SeedFinished(SeedReport seed, int finished, int total)
        {
            switch (seed.Status)
            {
                case SeedStatus.Changed:
                    changed++;
                    break;
                case SeedStatus.Dead:
                    dead++;
                    break;
                case SeedStatus.Error:
                    errors++;
                    break;
            }

            task.Description = string.Create(CultureInfo.InvariantCulture, $"{finished}/{total} seeds · {changed} changed · {dead} dead · {errors} error · {finished / Math.Max(clock.Elapsed.TotalSeconds, 0.001):0.0}/s");
            task.Increment(1);
        }
    }

    /// <summary>One line per seed as it finishes: plain enough for CI logs, coloured on a terminal.</summary>
    private sealed class ConsoleProgress(CliConsole console, Verbosity verbosity) : ICheckObserver
    {
        public void RunStarted(int seeds)
        {
            if (verbosity != Verbosity.Quiet)
            {
                console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"checking {seeds} seed(s)..."));
            }
        }

        public void SeedFinished(SeedReport seed, int finished, int total)
        {
            if (verbosity != Verbosity.Quiet)
            {
                Line(console, seed, verbosity == Verbosity.Verbose, $"[[{finished}/{total}]] ");
            }
        }

        public static void Line(CliConsole console, SeedReport seed, bool verbose, string counter = "")
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
                $"[{colour}]{status,-9}[/] {counter}{Markup.Escape(seed.Id)}: {Markup.Escape(detail)}{seconds}"));
            if (verbose)
            {
                foreach (var breach in seed.Breaches)
                {
                    console.Out.MarkupLine("          [red]breaks the policy:[/] " + Markup.Escape(breach));
                }

                if (seed.Accepted is { } accepted)
                {
                    console.Out.MarkupLine(Markup.Escape($"          accepted {accepted.At:yyyy-MM-dd}: {(accepted.Unchanged ? "no new drift" : string.Join("; ", accepted.Changes))}"));
                }
            }
        }
    }
}
