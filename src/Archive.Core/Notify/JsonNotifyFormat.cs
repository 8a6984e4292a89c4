using System.Text.Json;
using System.Text.Json.Serialization;
using Archive.IO;

namespace Archive.Notify;

/// <summary>The documented payload (docs/notify-schema.md): run facts, counts and every seed told of, for scripts and generic webhooks.</summary>
internal sealed class JsonNotifyFormat : INotifyFormat
{
    public const int SchemaVersion = 1;

    public string Name => "json";

    public bool Serves(Uri url) => false;

    public byte[] Body(Notification n) => JsonSerializer.SerializeToUtf8Bytes(
        new Payload(
            SchemaVersion,
            n.Headline,
            n.Tool,
            new Run(n.StartedAt, n.FinishedAt, n.Exit, n.ReportUrl?.AbsoluteUri),
            new Counts(n.Summary.Total, n.Summary.Unchanged, n.Summary.Changed, n.Summary.Dead, n.Summary.Error, n.NewCount),
            n.Seeds.Select(s => new Seed(s.Id, s.Url, s.Status, s.Reason, s.Breaches, s.New, s.Report?.AbsoluteUri)).ToList()),
        JsonConventions.Indented);

    private sealed record Payload(int SchemaVersion, string Summary, Report.ToolInfo Tool, Run Run, Counts Counts, IReadOnlyList<Seed> Seeds);

    private sealed record Run(DateTimeOffset StartedAt, DateTimeOffset FinishedAt, Verdict.ExitCode Exit, string? ReportUrl);

    private sealed record Counts(int Seeds, int Unchanged, int Changed, int Dead, int Error, [property: JsonPropertyName("new")] int New);

    private sealed record Seed(string Id, string? Url, Verdict.SeedStatus Status, string? Reason, IReadOnlyList<string> Breaches, [property: JsonPropertyName("new")] IReadOnlyList<string> New, string? Report);
}
