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
    /// <summary>--reports and one option per registered format, from their settings.</summary>
    private readonly SettingOptions settings = new([CheckSettings.Reports, .. CheckSettings.Outputs]);
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
        settings.AddTo(command);
        command.Options.Add(reportUrl);
    }

    /// <summary>The destinations, full paths (the settings make them so); the command line wins over <paramref name="config"/>.</summary>
    /// <param name="folder">The folder's own report.json path (where the run journal lies even when the JSON goes to standard output).</param>
    /// <returns>Null, with <paramref name="problem"/> saying why, when the destinations cannot be used together.</returns>
    public ReportPaths? Resolve(ParseResult parse, ArchiveConfig? config, CliConsole console, out string folder, out string problem)
    {
        folder = string.Empty;
        var given = settings.Get(parse, CheckSettings.Reports, config);
        if (ReportPaths.IsStandardOutput(given))
        {
            problem = "--reports names a folder; send one report to standard output with --json -, --junit - or --markdown -";
            return null;
        }

        var inFolder = ReportPaths.In(Path.GetFullPath(given));
        folder = inFolder.Json!;
        var outputs = new ReportPaths(CheckSettings.Outputs.ToDictionary(s => s.Key!, s => settings.Get(parse, s, config) ?? inFolder[s.Key!]))
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
