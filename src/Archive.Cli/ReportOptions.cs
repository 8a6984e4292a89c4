using System.CommandLine;
using Archive.Config;
using Archive.Report;
using Archive.Web;

namespace Archive.Cli;

/// <summary>
/// Where a command's reports go: <c>--reports DIR</c> for all four and one option per format, shared by
/// <c>check</c> and <c>merge</c> so both accept exactly the same destinations. <c>-</c> (or <c>/dev/stdout</c>)
/// sends one report to standard output.
/// </summary>
internal sealed class ReportOptions
{
    private readonly Option<string> reports = new("--reports") { Description = "The folder for all four reports, unless a format's own option says otherwise.", DefaultValueFactory = _ => ReportPaths.DefaultFolder };
    private readonly Option<string?> json = new("--json") { Description = "Where to write the JSON report (default: report.json in --reports; '-' for standard output)." };
    private readonly Option<string?> html = new("--html") { Description = "Where to write the HTML report's index (default: index.html in --reports; seed pages and files go beside it)." };
    private readonly Option<string?> junit = new("--junit") { Description = "Where to write the JUnit XML report (default: junit.xml in --reports; '-' for standard output)." };
    private readonly Option<string?> markdown = new("--markdown") { Description = "Where to write the Markdown summary (default: summary.md in --reports; '-' for standard output)." };
    private readonly Option<string?> reportUrl = new("--report-url") { Description = "The URL the HTML report will be read at (a CI artefact), for the Markdown summary's links; without it they are relative to the summary's file." };

    public ReportOptions()
    {
        reportUrl.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } text && (!WebUrl.TryParseAbsolute(text, out var url, out _) || !WebUrl.IsHttp(url)))
            {
                r.AddError($"--report-url '{text}' is not an absolute http(s) URL");
            }
        });
    }

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { reports, json, html, junit, markdown, reportUrl })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The destinations, made full paths once; the command line wins over <paramref name="config"/>.</summary>
    /// <param name="folder">The folder's own report.json path (where the run journal lies even when the JSON goes to standard output).</param>
    /// <returns>Null, with <paramref name="problem"/> saying why, when the destinations cannot be used together.</returns>
    public ReportPaths? Resolve(ParseResult parse, ArchiveConfig? config, CliConsole console, out string folder, out string problem)
    {
        folder = string.Empty;
        var given = parse.GetResult(reports) is { Implicit: false } || config?.Reports is null ? parse.GetValue(reports)! : config.Reports;
        if (ReportPaths.IsStandardOutput(given))
        {
            problem = "--reports names a folder; send one report to standard output with --json -, --junit - or --markdown -";
            return null;
        }

        var inFolder = ReportPaths.In(Path.GetFullPath(given));
        folder = inFolder.Json!;
        var outputs = new ReportPaths(
            FullPath(parse.GetValue(json) ?? config?.Json) ?? inFolder.Json,
            FullPath(parse.GetValue(html) ?? config?.Html) ?? inFolder.Html,
            FullPath(parse.GetValue(junit) ?? config?.JUnit) ?? inFolder.JUnit,
            FullPath(parse.GetValue(markdown) ?? config?.Markdown) ?? inFolder.Markdown)
        {
            OpenStandardOutput = console.StandardOutput,
            ReportUrl = parse.GetValue(reportUrl) is { } address ? new Uri(address) : null,
        };
        problem = Problem(outputs) ?? string.Empty;
        return problem.Length == 0 ? outputs : null;
    }

    /// <summary>The console a command writes its own lines to: standard error when a report holds standard output.</summary>
    public static CliConsole Terminal(CliConsole console, ReportPaths outputs) =>
        outputs.ToStandardOutput.Count == 0 ? console : console with { Out = console.Error };

    private static string? FullPath(string? path) => path is null || ReportPaths.IsStandardOutput(path) ? path : Path.GetFullPath(path);

    /// <summary>What is wrong with where the reports are to go: standard output holds one report at most, and never the HTML one.</summary>
    private static string? Problem(ReportPaths outputs)
    {
        if (ReportPaths.IsStandardOutput(outputs.Html))
        {
            return "--html cannot be '-': the HTML report is a folder of pages (send --json, --junit or --markdown to standard output)";
        }

        var toStandardOutput = outputs.ToStandardOutput;
        return toStandardOutput.Count > 1
            ? $"only one report can go to standard output, not {string.Join(" and ", toStandardOutput)}"
            : null;
    }
}
