using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Archive.Capture;
using Archive.Config;
using Archive.Diff;
using Archive.IO;
using Archive.Links;
using Archive.Notify;
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
        var configOption = new Option<string?>("--config") { Description = "The config file (default: archive.json in the current folder, when there is one). Options on the command line win over it." };
        var shard = new Option<string?>("--shard") { Description = "I/N: check only part I of N (a stable split by seed id), to spread a run over machines; 'archive merge' joins the parts' reports." };
        var freshRun = new Option<bool>("--fresh") { Description = "Start over instead of resuming a run that was killed." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only the summary line." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Print every seed with its timings and breaches." };

        var command = new Command("check", "Capture each seed's live page in Chromium, compare it with the archive, and write the report.")
        {
            paths, configOption, shard, freshRun, quiet, verbose,
        };

        // Every setting's option, help, default and validation come from its one definition (Config/CheckSettings).
        var settings = new SettingOptions(CheckSettings.All.Except([CheckSettings.Reports, .. CheckSettings.Outputs]));
        settings.AddTo(command);
        var reportOptions = new ReportOptions();
        reportOptions.AddTo(command);
        shard.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } text && !Shard.TryParse(text, out _, out var problem))
            {
                r.AddError("--shard " + problem);
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
                var fromOptions = IgnoreRules.Create(settings.Get(parse, CheckSettings.IgnoreSelectors, config), [], CheckSettings.IgnoreSelectors.Option!)
                    .With(IgnoreRules.Create([], settings.Get(parse, CheckSettings.Masks, config), CheckSettings.Masks.Option!));
                var file = settings.Get(parse, CheckSettings.IgnoreRulesFile, config) is { } rulesPath ? IgnoreRuleSet.Load(rulesPath) : config.Get(CheckSettings.Ignore);
                ignore = file with { All = file.All.With(fromOptions) };
            }
            catch (Exception e) when (e is ConfigException or IgnoreRuleException)
            {
                console.Error.WriteLine("archive check: " + e.Message);
                return (int)ExitCode.InputError;
            }

            T Get<T>(Setting<T> setting) => settings.Get(parse, setting, config);
            var page = TimeSpan.FromSeconds(Get(CheckSettings.PageTimeout));
            var snapshotRoot = Get(CheckSettings.NoSnapshots) ? null : Path.GetFullPath(Get(CheckSettings.Snapshots));
            var ttl = Get(CheckSettings.CacheTtl);

            // A TimeGate named on the command line asks for Mementos even where the config switched them off.
            var memento = !settings.Given(parse, CheckSettings.Memento) && (settings.Given(parse, CheckSettings.MementoTimeGate) || Get(CheckSettings.Memento));
            var links = LinkOptions.Default with
            {
                Enabled = Get(CheckSettings.LinksEnabled),
                Concurrency = Get(CheckSettings.LinkConcurrency),
                Exclude = Get(CheckSettings.Exclude),
                TimeGate = memento ? Get(CheckSettings.MementoTimeGate) : null,
                CacheTtl = ttl,
                CacheFile = ttl is null ? null : Path.GetFullPath(Get(CheckSettings.LinkCache) ?? Path.Combine(snapshotRoot ?? ".", "link-cache.json")),
            };
            _ = Shard.TryParse(parse.GetValue(shard) ?? "1/1", out var part, out _);

            // Paths are made full once, where each setting is read: every stage below sees the folder the user meant, wherever it runs.
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
                new UrlMap(Get(CheckSettings.Maps)),
                FetchOptions.Default with { RequestTimeout = page, AllowPrivate = Get(CheckSettings.AllowPrivate), UserAgent = Get(CheckSettings.UserAgent) },
                CaptureOptions.Default with { NavigationTimeout = page, TotalTimeout = TimeSpan.FromSeconds(Get(CheckSettings.TotalTimeout)), SeedsPerTab = Get(CheckSettings.SeedsPerTab), Screenshots = Get(CheckSettings.Screenshots), ScreenshotScale = Get(CheckSettings.ScreenshotScale), RecordTraffic = Get(CheckSettings.Warc) },
                new BrowserOptions(Get(CheckSettings.BrowserPath), Get(CheckSettings.BrowserEndpoint)),
                Get(CheckSettings.Concurrency),
                snapshotRoot)
            {
                Ignore = ignore,
                Links = links,
                Policy = config.Get(CheckSettings.Policy),
                Shard = part.Count > 1 ? part : null,
                StaleAfter = Get(CheckSettings.StaleAfter),
                JournalPath = journal,
            };
            var seedPaths = parse.GetResult(paths) is { Implicit: false } || !config.Gives(CheckSettings.Seeds) ? parse.GetValue(paths) ?? [] : SeedGlobs.Expand(config.Get(CheckSettings.Seeds));
            var verbosity = parse.GetValue(quiet) ? Verbosity.Quiet : parse.GetValue(verbose) ? Verbosity.Verbose : Verbosity.Normal;
            var notify = new Notifications(Get(CheckSettings.Notify), Get(CheckSettings.NotifyStrict));
            return await RunAsync(terminal, options, seedPaths, outputs, verbosity, notify, cancellationToken).ConfigureAwait(false);
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

    private enum Verbosity
    {
        Quiet,
        Normal,
        Verbose,
    }

    /// <summary>Where to send messages after the run, and whether one that fails to arrive fails the run.</summary>
    private sealed record Notifications(IReadOnlyList<NotifyTarget> Targets, bool Strict);

    private static async Task<int> RunAsync(CliConsole console, CheckOptions options, string[] paths, ReportPaths outputs, Verbosity verbosity, Notifications notify, CancellationToken cancellationToken)
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

        if (notify.Targets.Count > 0)
        {
            // After the reports: a message never delays or changes the verdict, unless --notify-strict asks.
            using var fetcher = new HttpFetcher(new UrlMap([]), options.Fetch with { MaxAttempts = 4 });
            foreach (var delivery in await Notifier.SendAsync(report, exit, notify.Targets, outputs.ReportUrl, fetcher, Environment.GetEnvironmentVariable, cancellationToken).ConfigureAwait(false))
            {
                if (delivery.Failed)
                {
                    console.Error.WriteLine($"archive check: the notification to {delivery.Target} was not delivered: {delivery.Problem}");
                    exit = notify.Strict ? Judge.ExitCodeFor([exit, ExitCode.ToolFailure]) : exit;
                }
                else if (verbosity != Verbosity.Quiet)
                {
                    console.Out.WriteLine(delivery.Sent ? $"notified {delivery.Target} ({delivery.Format})" : $"nothing new for {delivery.Target}");
                }
            }
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
