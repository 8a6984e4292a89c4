using Archive.Report.Html;

namespace Archive.Report;

/// <summary>Where a run's reports go; a null path writes no file of that format.</summary>
public sealed record ReportPaths(string? Json, string? Html, string? JUnit, string? Markdown)
{
    public const string DefaultFolder = "reports/latest";

    /// <summary>All four formats in one folder: report.json, index.html (with seeds/ and files/), junit.xml, summary.md.</summary>
    public static ReportPaths In(string folder) => new(
        Path.Combine(folder, "report.json"),
        Path.Combine(folder, "index.html"),
        Path.Combine(folder, "junit.xml"),
        Path.Combine(folder, "summary.md"));

    /// <summary>Writes every requested format, the JSON contract first. Each file is written atomically.</summary>
    public async Task WriteAsync(RunReport report, string? snapshotsRoot, CancellationToken cancellationToken)
    {
        if (Json is not null)
        {
            await JsonReport.WriteAsync(Json, report, cancellationToken).ConfigureAwait(false);
        }

        if (JUnit is not null)
        {
            await JUnitReport.WriteAsync(JUnit, report, cancellationToken).ConfigureAwait(false);
        }

        if (Html is not null)
        {
            await HtmlReport.WriteAsync(report, Html, snapshotsRoot, cancellationToken).ConfigureAwait(false);
        }

        if (Markdown is not null)
        {
            // The summary links the HTML report as its reader will find it: relative to where the summary lies.
            var link = Html is null ? null : Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(Markdown))!, Path.GetFullPath(Html)).Replace('\\', '/');
            await MarkdownReport.WriteAsync(Markdown, report, link, cancellationToken).ConfigureAwait(false);
        }
    }
}
