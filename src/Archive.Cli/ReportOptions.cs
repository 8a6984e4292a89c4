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

    /// <summary>One option per registered format (<c>--json</c>, <c>--html</c>, …), named and described by its writer.</summary>
    private readonly IReadOnlyList<(IReportWriter Writer, Option<string?> Option)> formats =
        ReportFormats.All.Select(w => (w, new Option<string?>("--" + w.Name) { Description = w.Description })).ToList();
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
        foreach (var option in formats.Select(f => (Option)f.Option).Prepend(reports).Append(reportUrl))
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
        var outputs = new ReportPaths(formats.ToDictionary(
            f => f.Writer.Name,
            f => FullPath(parse.GetValue(f.Option) ?? config?.Outputs?.GetValueOrDefault(f.Writer.Name)) ?? inFolder[f.Writer.Name]))
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
        if (ReportFormats.All.FirstOrDefault(w => !w.Streams && ReportPaths.IsStandardOutput(outputs[w.Name])) is { } folder)
        {
            var streams = ReportFormats.All.Where(w => w.Streams).Select(w => "--" + w.Name).ToList();
            return $"--{folder.Name} cannot be '-': the {folder.Name.ToUpperInvariant()} report is a folder of pages (send {string.Join(", ", streams[..^1])} or {streams[^1]} to standard output)";
        }

        var toStandardOutput = outputs.ToStandardOutput;
        return toStandardOutput.Count > 1
            ? $"only one report can go to standard output, not {string.Join(" and ", toStandardOutput)}"
            : null;
    }
}
