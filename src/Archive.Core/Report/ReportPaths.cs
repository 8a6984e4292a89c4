namespace Archive.Report;

/// <summary>
/// Where a run's reports go: a path per format of <see cref="ReportFormats.All"/>; a format without one is not
/// written. <see cref="StandardOutput"/> (<c>-</c>, or <c>/dev/stdout</c>) sends a report to
/// <see cref="OpenStandardOutput"/> instead of a file.
/// </summary>
public sealed class ReportPaths
{
    public const string DefaultFolder = "reports/latest";
    public const string StandardOutput = "-";

    /// <param name="files">Format name → path; formats left out are not written.</param>
    public ReportPaths(IReadOnlyDictionary<string, string?> files)
    {
        if (files.Keys.FirstOrDefault(name => ReportFormats.Named(name) is null) is { } unknown)
        {
            throw new ArgumentException($"'{unknown}' is not a report format ({string.Join(", ", ReportFormats.All.Select(w => w.Name))})", nameof(files));
        }

        Files = files;
    }

    /// <summary>The four built-in formats by position, for callers that name them.</summary>
    public ReportPaths(string? json, string? html, string? junit, string? markdown)
        : this(new Dictionary<string, string?> { ["json"] = json, ["html"] = html, ["junit"] = junit, ["markdown"] = markdown })
    {
    }

    /// <summary>Format name → path (null: not written).</summary>
    public IReadOnlyDictionary<string, string?> Files { get; }

    public string? Json => this["json"];

    public string? Html => this["html"];

    public string? JUnit => this["junit"];

    public string? Markdown => this["markdown"];

    /// <summary>The stream a report sent to standard output is written to (the CLI's console).</summary>
    public Func<Stream> OpenStandardOutput { get; init; } = Console.OpenStandardOutput;

    /// <summary>The address the HTML report will be read at (a CI artefact's URL), for the links the Markdown summary gives.</summary>
    public Uri? ReportUrl { get; init; }

    /// <summary>The path of a format; null when it is not written.</summary>
    public string? this[string format] => Files.GetValueOrDefault(format);

    /// <summary>Whether the path means standard output rather than a file of that name.</summary>
    public static bool IsStandardOutput(string? path) => path is StandardOutput or "/dev/stdout";

    /// <summary>The options of the reports sent to standard output (one at most is usable; the CLI then keeps its own output on standard error).</summary>
    public IReadOnlyList<string> ToStandardOutput =>
        ReportFormats.All.Where(w => IsStandardOutput(this[w.Name])).Select(w => "--" + w.Name).ToList();

    /// <summary>Every format in one folder, each under its default name: report.json, index.html (with seeds/ and files/), junit.xml, summary.md.</summary>
    public static ReportPaths In(string folder) =>
        new(ReportFormats.All.ToDictionary(w => w.Name, w => (string?)Path.Combine(folder, w.DefaultFile)));

    /// <summary>Writes every requested format in the registry's order, the JSON contract first. Each file is written atomically.</summary>
    public async Task WriteAsync(RunReport report, string? snapshotsRoot, CancellationToken cancellationToken)
    {
        var context = new ReportContext(snapshotsRoot, HtmlLink());
        foreach (var writer in ReportFormats.All)
        {
            if (this[writer.Name] is not { } path)
            {
                continue;
            }

            if (!IsStandardOutput(path))
            {
                await writer.WriteAsync(report, path, context, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (!writer.Streams)
            {
                throw new ArgumentException($"the {writer.Name.ToUpperInvariant()} report is a folder of pages and cannot go to standard output");
            }

            var stream = OpenStandardOutput();
            await using (stream.ConfigureAwait(false))
            {
                await writer.WriteAsync(report, stream, context, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
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
}
