using System.Text.Json;
using Archive.IO;

namespace Archive.Report;

/// <summary>Reads and writes <c>report.json</c>.</summary>
public static class JsonReport
{
    public static JsonSerializerOptions Options => JsonConventions.Indented;

    public static string Serialize(RunReport report) => JsonSerializer.Serialize(report, Options);

    public static RunReport Deserialize(string json) =>
        JsonSerializer.Deserialize<RunReport>(json, Options) ?? throw new JsonException("the report is empty");

    /// <summary>Streamed (to a file, through <see cref="ReportPaths"/>): a 1,000-seed report is ~20 MB of JSON, which as one string cost ~100 MB at the run's end.</summary>
    public static async Task WriteAsync(Stream stream, RunReport report, CancellationToken cancellationToken)
    {
        await JsonSerializer.SerializeAsync(stream, report, Options, cancellationToken).ConfigureAwait(false);
        stream.WriteByte((byte)'\n');
    }
}

/// <summary>The JSON contract (docs/report-schema.md).</summary>
internal sealed class JsonReportWriter : FileReportWriter
{
    public override string Name => "json";

    public override string DefaultFile => "report.json";

    public override string Description => "Where to write the JSON report (see docs/report-schema.md); '-' (or /dev/stdout) writes it to standard output, and everything else the tool prints goes to standard error.";

    public override Task WriteAsync(RunReport report, Stream stream, ReportContext context, CancellationToken cancellationToken) =>
        JsonReport.WriteAsync(stream, report, cancellationToken);
}
