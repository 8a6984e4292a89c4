namespace Archive.Report;

/// <summary>
/// One report format. Registered in <see cref="ReportFormats.All"/>, from which the command line's options
/// (<c>--&lt;name&gt;</c>), the archive.json keys and the default files in <c>--reports</c> are all derived: a new
/// format is its writer's file and one line in that list.
/// </summary>
public interface IReportWriter
{
    /// <summary>The format's name: its option (<c>--json</c>) and its archive.json key (<c>"json"</c>).</summary>
    string Name { get; }

    /// <summary>The file it is written to inside the reports folder.</summary>
    string DefaultFile { get; }

    /// <summary>What the option's help says.</summary>
    string Description { get; }

    /// <summary>Whether it is a single stream that can go to standard output (<c>-</c>), rather than a folder of pages.</summary>
    bool Streams { get; }

    /// <summary>Writes the report to <paramref name="path"/> (a file, or for a non-streaming format the folder's main page).</summary>
    Task WriteAsync(RunReport report, string path, ReportContext context, CancellationToken cancellationToken);

    /// <summary>Writes the report to a stream; only called when <see cref="Streams"/>.</summary>
    Task WriteAsync(RunReport report, Stream stream, ReportContext context, CancellationToken cancellationToken);
}

/// <summary>What a writer may need beside the report.</summary>
/// <param name="SnapshotsRoot">The snapshot store the run wrote to, for screenshots, images and history; null when none was kept.</param>
/// <param name="HtmlLink">Where the HTML report will be read, for the links other formats give; null when there is none.</param>
public sealed record ReportContext(string? SnapshotsRoot, string? HtmlLink);

/// <summary>The report formats, in the order they are written (the JSON contract first).</summary>
public static class ReportFormats
{
    public static IReadOnlyList<IReportWriter> All { get; } = [new JsonReportWriter(), new JUnitReportWriter(), new Html.HtmlReportWriter(), new MarkdownReportWriter()];

    /// <summary>The writer of that name; null when there is none.</summary>
    public static IReportWriter? Named(string name) => All.FirstOrDefault(w => w.Name == name);
}

/// <summary>A writer of one file, atomically or to standard output; the file is its stream's bytes.</summary>
internal abstract class FileReportWriter : IReportWriter
{
    public abstract string Name { get; }

    public abstract string DefaultFile { get; }

    public abstract string Description { get; }

    public bool Streams => true;

    public Task WriteAsync(RunReport report, string path, ReportContext context, CancellationToken cancellationToken) =>
        IO.AtomicFile.WriteAsync(path, (stream, token) => WriteAsync(report, stream, context, token), cancellationToken);

    public abstract Task WriteAsync(RunReport report, Stream stream, ReportContext context, CancellationToken cancellationToken);

    protected static Task WriteTextAsync(Stream stream, string text, CancellationToken cancellationToken) =>
        stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(text), cancellationToken).AsTask();
}
