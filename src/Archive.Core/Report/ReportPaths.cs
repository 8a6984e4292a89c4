using Archive.IO;
using Archive.Report.Html;

namespace Archive.Report;

/// <summary>
/// Where a run's reports go; a null path writes no file of that format. <see cref="StandardOutput"/> (<c>-</c>, or
/// <c>/dev/stdout</c>) sends a report to <see cref="OpenStandardOutput"/> instead of a file.
/// </summary>
public sealed record ReportPaths(string? Json, string? Html, string? JUnit, string? Markdown)
{
    public const string DefaultFolder = "reports/latest";
    public const string StandardOutput = "-";

    /// <summary>The stream a report sent to standard output is written to (the CLI's console).</summary>
    public Func<Stream> OpenStandardOutput { get; init; } = Console.OpenStandardOutput;

    /// <summary>The address the HTML report will be read at (a CI artefact's URL), for the links the Markdown summary gives.</summary>
    public Uri? ReportUrl { get; init; }

    /// <summary>Whether the path means standard output rather than a file of that name.</summary>
    public static bool IsStandardOutput(string? path) => path is StandardOutput or "/dev/stdout";

    /// <summary>The options of the reports sent to standard output (one at most is usable; the CLI then keeps its own output on standard error).</summary>
    public IReadOnlyList<string> ToStandardOutput =>
        new[] { ("--json", Json), ("--html", Html), ("--junit", JUnit), ("--markdown", Markdown) }.Where(o => IsStandardOutput(o.Item2)).Select(o => o.Item1).ToList();

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
            await WriteAsync(Json, (stream, token) => JsonReport.WriteAsync(stream, report, token), cancellationToken).ConfigureAwait(false);
        }

        if (JUnit is not null)
        {
            await WriteTextAsync(JUnit, JUnitReport.Text(report), cancellationToken).ConfigureAwait(false);
        }

        if (Html is not null)
        {
            if (IsStandardOutput(Html))
            {
                throw new ArgumentException("the HTML report is a folder of pages and cannot go to standard output");
            }

            await HtmlReport.WriteAsync(report, Html, snapshotsRoot, cancellationToken).ConfigureAwait(false);
        }

        if (Markdown is not null)
        {
            await WriteTextAsync(Markdown, MarkdownReport.Build(report, HtmlLink()), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Where the summary's reader finds the HTML report: at <see cref="ReportUrl"/> when given (a summary shown in
    /// a CI step or a pull request has no folder beside it), else relative to the summary's own file.
    /// </summary>
    private string? HtmlLink()
    {
        if (ReportUrl is { } url)
        {
            return url.AbsoluteUri;
        }

        return Html is null || Markdown is null || IsStandardOutput(Markdown)
            ? null
            : Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(Markdown))!, Path.GetFullPath(Html)).Replace('\\', '/');
    }

    private Task WriteTextAsync(string path, string text, CancellationToken cancellationToken) =>
        WriteAsync(path, (stream, token) => stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(text), token).AsTask(), cancellationToken);

    private async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        if (!IsStandardOutput(path))
        {
            await AtomicFile.WriteAsync(path, write, cancellationToken).ConfigureAwait(false);
            return;
        }

        var stream = OpenStandardOutput();
        await using (stream.ConfigureAwait(false))
        {
            await write(stream, cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
