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
