using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Archive.Capture;
using Archive.Diff;
using Archive.IO;
using Archive.Links;
using Archive.Notify;
using Archive.Report;
using Archive.Verdict;
using Archive.Web;

namespace Archive.Config;

/// <summary>
/// Every setting of <c>archive check</c> that archive.json can hold or that configures checking, each defined once.
/// Options that steer one invocation (<c>--config</c>, <c>--shard</c>, <c>--fresh</c>, <c>--quiet</c>,
/// <c>--verbose</c>, <c>--report-url</c>) stay with their command.
/// </summary>
public static class CheckSettings
{
    private const string DurationExamples = "90s, 30m, 24h or 7d";

    public static Setting<IReadOnlyList<string>> Seeds { get; } = new(
        "seeds", null, "Seed files, folders or patterns (`seeds/rfi-*.txt`, `seeds/**/*.md`); on the command line they are the arguments.", "paths or patterns", [],
        null, (e, r, at) => r.Strings(e, at).Select(r.Beside).ToList(), v => v.Count == 0 ? null : string.Join(", ", v));

    public static Setting<IReadOnlyList<UrlMapping>> Maps { get; } = new(
        "maps", "--map", "FROM=TO: fetch every URL starting with FROM from TO instead: the page, every request the browser makes for it, and the tool's own requests. Repeatable; the longest FROM wins. Reports always show the original URLs.", "FROM=TO", [],
        texts => Each(texts, UrlMapping.Parse, e => e.Message), (e, r, at) => r.Maps(e, at), v => v.Count == 0 ? null : string.Join(", ", v), repeatable: true);

    public static Setting<bool> AllowPrivate { get; } = new(
        "allowPrivate", "--allow-private", "Let seeds and pages reach loopback and private addresses (refused by default, after DNS resolution; a --map target is always allowed).", "flag", false,
        Flag(false), (e, r, at) => r.Bool(e, at), Switch, flag: true);

    public static Setting<string?> BrowserPath { get; } = new(
        "browserPath", "--browser-path", "The Chromium or Chrome binary to launch (else $ARCHIVE_CHROMIUM, Playwright's browser, then the system's).", "path", null,
        texts => (texts[^1].Contains('/', StringComparison.Ordinal) ? Path.GetFullPath(texts[^1]) : texts[^1], null),
        (e, r, at) => r.String(e, at) is var browser && browser.Contains('/', StringComparison.Ordinal) ? r.Beside(browser) : browser);

    public static Setting<string?> BrowserEndpoint { get; } = new(
        "browserEndpoint", "--browser-endpoint", "Use a remote browser instead: ws://… for a Playwright server, http://… or a ws://…/devtools/browser/… URL for CDP.", "URL", null,
        texts => (texts[^1], null), (e, r, at) => r.String(e, at));

    /// <summary>
    /// Two pages per core: rendering is CPU-bound in Chromium, so more contexts only add memory (measured on
    /// 2 cores: 4 at once beat 8 on speed and used 40% less memory; see docs/performance.md).
    /// </summary>
    public static Setting<int> Concurrency { get; } = Whole(
        "concurrency", "--concurrency", "Pages captured at once, each in its own browser tab.", Math.Clamp(Environment.ProcessorCount * 2, 2, 16), 1, 64, "2 × cores (2–16)");

    public static Setting<int> SeedsPerTab { get; } = Whole(
        "seedsPerTab", "--seeds-per-tab", "Seeds one browser tab serves, its cookies and storage wiped between them, before a fresh context replaces it (1: a fresh context for every seed, about 0.5 s more CPU per page).", CaptureOptions.Default.SeedsPerTab, 1, 100_000);

    public static Setting<double> PageTimeout { get; } = Seconds(
        "pageTimeout", "--page-timeout", "Seconds a page may take to load, and each HTTP request to answer.", CaptureOptions.Default.NavigationTimeout.TotalSeconds);

    public static Setting<double> TotalTimeout { get; } = Seconds(
        "totalTimeout", "--total-timeout", "Seconds one seed may take in all, comparisons included.", CaptureOptions.Default.TotalTimeout.TotalSeconds);

    public static Setting<string> Snapshots { get; } = FilePath(
        "snapshots", "--snapshots", "Where captures are stored (see snapshots/README.md).", "snapshots")!;

    public static Setting<bool> NoSnapshots { get; } = new(
        null, "--no-snapshots", "Store no captures.", "flag", false, Flag(false), null, Switch, flag: true);

    public static Setting<bool> Warc { get; } = new(
        "warc", "--no-warc", "Whether each snapshot keeps the page's traffic, screenshot and verdict as capture.warc.gz, a WARC file web-archive tools replay (--no-warc: keep none).", "flag", true,
        Flag(true), (e, r, at) => r.Bool(e, at), Switch, flag: true);

    public static Setting<string> Reports { get; } = FilePath(
        "reports", "--reports", "The folder for all the reports, unless a format's own option says otherwise.", ReportPaths.DefaultFolder)!;

    /// <summary>One path per report format (<c>--json</c>, <c>--html</c>, …), derived from <see cref="ReportFormats.All"/>.</summary>
    public static IReadOnlyList<Setting<string?>> Outputs { get; } = ReportFormats.All.Select(w => FilePath(w.Name, "--" + w.Name, w.Description, null, $"DIR/{w.DefaultFile}")).ToList();

    public static Setting<ScreenshotPolicy> Screenshots { get; } = new(
        "screenshots", "--screenshots", "Which live pages get a full-page picture: findings (seeds whose text drifted or is gone, and seeds with no picture yet; the archived body is rendered beside drift only; the report shows an earlier run's picture for the rest), all (the archived body too), or none (neither). Pictures cost most of the browser's graphics work.", "findings, all or none", ScreenshotPolicy.Findings,
        texts => Enum.TryParse<ScreenshotPolicy>(texts[^1], ignoreCase: true, out var policy) && !int.TryParse(texts[^1], out _)
            ? (policy, null)
            : (ScreenshotPolicy.Findings, $"must be findings, all or none, not '{texts[^1]}'"),
        (e, r, at) => r.String(e, at) is var text && Enum.TryParse<ScreenshotPolicy>(text, ignoreCase: true, out var policy) && !int.TryParse(text, out _)
            ? policy
            : throw r.Error(at, $"'{text}' is not one of findings, all, none"),
        v => v.ToString().ToLowerInvariant());

    public static Setting<double> ScreenshotScale { get; } = Number(
        "screenshotScale", "--screenshot-scale", "Pixels per CSS pixel of the pictures. The page is rastered at this scale: 0.5 (640 px wide, about the width the report shows a picture at) costs about a quarter of the CPU of 1 (docs/performance.md); 1 or more for text that stays crisp at full size.", CaptureOptions.Default.ScreenshotScale, 0.25, 2);

    public static Setting<string> UserAgent { get; } = new(
        "userAgent", "--user-agent", "The User-Agent of every request the tool makes itself.", "text", FetchOptions.DefaultUserAgent,
        texts => (texts[^1], null), (e, r, at) => r.String(e, at), _ => "a Chrome-like string ending `Archive/0.1`");

    public static Setting<IReadOnlyList<string>> IgnoreSelectors { get; } = new(
        null, "--ignore-selector", "CSS selector of live-page elements to leave out of the text comparison, for every seed (repeatable).", "CSS selector", [],
        texts => (texts.ToList(), null), null, v => v.Count == 0 ? null : string.Join(", ", v), repeatable: true);

    public static Setting<IReadOnlyList<string>> Masks { get; } = new(
        null, "--mask", "Regular expression of volatile text (\"\\d+ 分钟前\") masked on both sides before diffing, for every seed (repeatable).", "regex", [],
        texts => (texts.ToList(), null), null, v => v.Count == 0 ? null : string.Join(", ", v), repeatable: true);

    public static Setting<string?> IgnoreRulesFile { get; } = new(
        null, "--ignore-rules", "A JSON file of ignore rules for all seeds and for some (see README); replaces archive.json's `ignore`.", "path", null,
        texts => (Path.GetFullPath(texts[^1]), null), null);

    public static Setting<IgnoreRuleSet> Ignore { get; } = new(
        "ignore", null, "Ignore rules for all seeds and for some (see README); on the command line, --ignore-selector, --mask and --ignore-rules.", "object", IgnoreRuleSet.None,
        null, (e, r, at) => r.Ignore(e, at), _ => null);

    public static Setting<bool> LinksEnabled { get; } = new(
        "links.enabled", "--no-links", "Whether links and media URLs are checked (--no-links: check none).", "flag", true,
        Flag(true), (e, r, at) => r.Bool(e, at), Switch, flag: true);

    public static Setting<IReadOnlyList<Regex>> Exclude { get; } = new(
        "links.exclude", "--exclude", "Regular expression of link and media URLs not to check (repeatable).", "regex", [],
        texts => Each(texts, Pattern, e => $"'{e.Data["pattern"]}' is not a usable regular expression: {e.Message}"),
        (e, r, at) => r.Strings(e, at).Select((pattern, i) => r.Pattern(pattern, $"{at}[{i}]")).ToList(),
        v => v.Count == 0 ? null : string.Join(", ", v), repeatable: true);

    public static Setting<int> LinkConcurrency { get; } = Whole(
        "links.concurrency", "--link-concurrency", "Links checked at once across the run (each host is further limited to 8 requests at a time).", LinkOptions.Default.Concurrency, 1, 1024);

    public static Setting<TimeSpan?> CacheTtl { get; } = Duration(
        "links.cacheTtl", "--cache-ttl", $"Reuse link results younger than this from earlier runs ({DurationExamples}); off by default.");

    public static Setting<string?> LinkCache { get; } = FilePath(
        "links.cache", "--link-cache", "Where link results are kept between runs, with a cache time to live (default: link-cache.json in the snapshots folder).", null);

    public static Setting<bool> Memento { get; } = new(
        "links.memento", "--no-memento", "Whether a Memento TimeGate is asked for archived copies of dead links (--no-memento: ask none).", "flag", true,
        Flag(true), (e, r, at) => r.Bool(e, at), Switch, flag: true);

    public static Setting<Uri> MementoTimeGate { get; } = new(
        "links.mementoTimegate", "--memento-timegate", "The Memento TimeGate asked for the archived copy of each dead link closest to the seed's archive time (RFC 7089).", "URL", LinkOptions.WaybackTimeGate,
        texts => WebUrl.TryParseAbsolute(texts[^1], out var url, out var problem) && WebUrl.IsHttp(url)
            ? (url, null)
            : (LinkOptions.WaybackTimeGate, "must be an absolute http(s) URL" + (problem.Length > 0 ? ": " + problem : string.Empty)),
        (e, r, at) => r.Http(r.String(e, at), at), v => v.AbsoluteUri);

    public static Setting<PolicySet> Policy { get; } = new(
        "policy", null, "Which findings fail the run, for all seeds and per seed (see README).", "object", PolicySet.Default,
        null, (e, r, at) => r.Policy(e, at), _ => "changed, dead, soft-404 and drifted media fail");

    public static Setting<IReadOnlyList<NotifyTarget>> Notify { get; } = new(
        "notify", "--notify", "After the run, send a message to this webhook when some seed has new drift (repeatable). Its shape (json, slack, discord, teams) comes from the host; archive.json's entries may set `format` and `on` (new, any, always), and write the URL as ${VARIABLE} to read it from the environment (see docs/notify-schema.md).", "URL", [],
        texts => texts.Select(t => new NotifyTarget(t)).ToList() is var targets && targets.FirstOrDefault(t => t.Problem is not null) is { } bad ? (targets, bad.Problem) : (targets, null),
        (e, r, at) => r.Notify(e, at), v => v.Count == 0 ? null : string.Join(", ", v.Select(t => t.Display)), repeatable: true);

    public static Setting<bool> NotifyStrict { get; } = new(
        "notifyStrict", "--notify-strict", "A message that cannot be delivered ends the run with exit 3 (by default it is reported and changes no exit code).", "flag", false,
        Flag(false), (e, r, at) => r.Bool(e, at), Switch, flag: true);

    public static Setting<TimeSpan?> StaleAfter { get; } = Duration(
        "staleAfter", "--stale-after", $"Check only seeds whose last check (in the history) is older than this ({DurationExamples}).");

    /// <summary>Every setting, in the order the docs list them.</summary>
    public static IReadOnlyList<Setting> All { get; } =
    [
        Seeds, Reports, .. Outputs, Maps, AllowPrivate, BrowserPath, BrowserEndpoint, Concurrency, SeedsPerTab, PageTimeout, TotalTimeout, Snapshots, NoSnapshots, Screenshots, ScreenshotScale, Warc,
        IgnoreSelectors, Masks, IgnoreRulesFile, Ignore, LinksEnabled, Exclude, LinkConcurrency, CacheTtl, LinkCache, Memento, MementoTimeGate, UserAgent, Policy, StaleAfter, Notify, NotifyStrict,
    ];

    /// <summary>The settings table of docs/configuration.md, made from <see cref="All"/>.</summary>
    public static string MarkdownTable()
    {
        var table = new StringBuilder("| archive.json | option | value | default | meaning |\n|---|---|---|---|---|\n");
        foreach (var s in All)
        {
            table.Append(CultureInfo.InvariantCulture, $"| {Code(s.Key)} | {Code(s.Option)} | {s.Type} | {s.DefaultText?.Replace("|", "\\|", StringComparison.Ordinal) ?? "none"} | {s.Help.Replace("|", "\\|", StringComparison.Ordinal)} |\n");
        }

        return table.ToString();

        static string Code(string? name) => name is null ? "—" : $"`{name}`";
    }

    private static string? Switch(bool value) => value ? "on" : "off";

    /// <summary>A flag: giving it turns the default over (<c>--allow-private</c> on, <c>--no-links</c> off).</summary>
    private static Func<IReadOnlyList<string>, (bool, string?)> Flag(bool @default) => _ => (!@default, null);

    private static Setting<int> Whole(string key, string option, string help, int @default, int min, int max, string? shown = null) => new(
        key, option, help, string.Create(CultureInfo.InvariantCulture, $"whole number {min}–{max}"), @default,
        texts => !int.TryParse(texts[^1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? (@default, string.Create(CultureInfo.InvariantCulture, $"must be a whole number between {min} and {max}, not '{texts[^1]}'"))
            : n >= min && n <= max ? (n, null) : (@default, string.Create(CultureInfo.InvariantCulture, $"must be between {min} and {max}")),
        (e, r, at) => r.Int(e, at, min, max),
        shown is null ? null : _ => shown);

    private static Setting<double> Seconds(string key, string option, string help, double @default) => new(
        key, option, help, "seconds", @default,
        texts => double.TryParse(texts[^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s >= 0.001 && s <= 3600
            ? (s, null)
            : (@default, $"must be a number of seconds between 0 and 3600, not '{texts[^1]}'"),
        (e, r, at) => r.Number(e, at, 0.001, 3600));

    private static Setting<double> Number(string key, string option, string help, double @default, double min, double max) => new(
        key, option, help, string.Create(CultureInfo.InvariantCulture, $"number {min}–{max}"), @default,
        texts => double.TryParse(texts[^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? (n, null)
            : (@default, string.Create(CultureInfo.InvariantCulture, $"must be a number between {min} and {max}, not '{texts[^1]}'")),
        (e, r, at) => r.Number(e, at, min, max));

    private static Setting<TimeSpan?> Duration(string key, string option, string help) => new(
        key, option, help, "duration", null,
        texts => DurationText.TryParse(texts[^1], out var d) ? (d, null) : (null, $"'{texts[^1]}' is not a duration such as {DurationExamples}"),
        (e, r, at) => r.Duration(e, at), _ => "off");

    /// <summary>A path: relative on the command line to the working directory, in archive.json to the file's folder; <c>-</c> is standard output.</summary>
    private static Setting<string?> FilePath(string key, string option, string help, string? @default, string? shown = null) => new(
        key, option, help, "path", @default,
        texts => (texts[^1] is "-" or "" ? texts[^1] : Path.GetFullPath(texts[^1]), texts[^1].Length == 0 ? "must be a path, not empty" : null),
        (e, r, at) => r.FilePath(e, at),
        shown is null ? null : _ => shown);

    private static Regex Pattern(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            throw new FormatException(e.Message, e) { Data = { ["pattern"] = pattern } };
        }
    }

    /// <summary>Every text of a repeatable option read by <paramref name="read"/>; the first that fails is the problem.</summary>
    private static (IReadOnlyList<T>, string?) Each<T>(IReadOnlyList<string> texts, Func<string, T> read, Func<FormatException, string> problem)
    {
        var values = new List<T>();
        foreach (var text in texts)
        {
            try
            {
                values.Add(read(text));
            }
            catch (FormatException e)
            {
                return ([], problem(e));
            }
        }

        return (values, null);
    }
}
