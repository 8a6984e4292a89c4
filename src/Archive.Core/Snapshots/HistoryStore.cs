using System.Text;
using System.Text.Json;
using Archive.IO;
using Archive.Verdict;

namespace Archive.Snapshots;

/// <summary>One seed's result in one run, as the history keeps it.</summary>
public sealed record HistoryEntry(
    DateTimeOffset RunStartedAt,
    DateTimeOffset CheckedAt,
    string Id,
    SeedStatus Status,
    double? Similarity,
    int MediaDrifted,
    int DeadLinks,
    int Breaches,
    string? Snapshot,
    double? Seconds = null,
    int NewBreaches = 0);

/// <summary>
/// <c>snapshots/history.jsonl</c>: every run appends one JSON line per seed as soon as the seed is done. JSON lines
/// rather than a database: appending is the only write, so a run killed mid-line damages at most that line (which
/// readers skip and the next append closes off); the file needs no native library, merges and greps as text, and
/// a year of nightly runs over thousands of seeds stays a few hundred megabytes that stream line by line.
/// </summary>
public sealed class HistoryStore(string root)
{
    public const string FileName = "history.jsonl";
    private readonly object gate = new();

    public string Path { get; } = System.IO.Path.Combine(root, FileName);

    public void Append(HistoryEntry entry)
    {
        var line = JsonSerializer.Serialize(entry, Options) + "\n";
        lock (gate)
        {
            Directory.CreateDirectory(root);
            using var stream = new FileStream(Path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);

            // A line torn by a killed run is closed off, so this one starts on a line of its own.
            if (stream.Length > 0)
            {
                stream.Seek(-1, SeekOrigin.End);
                if (stream.ReadByte() != '\n')
                {
                    stream.WriteByte((byte)'\n');
                }
            }

            stream.Seek(0, SeekOrigin.End);
            stream.Write(Encoding.UTF8.GetBytes(line));
            stream.Flush(flushToDisk: true);
        }
    }

    /// <summary>Every whole entry, oldest first; a torn or foreign line is skipped.</summary>
    public IEnumerable<HistoryEntry> Read(string? seedId = null)
    {
        if (!File.Exists(Path))
        {
            yield break;
        }

        foreach (var line in File.ReadLines(Path))
        {
            HistoryEntry? entry = null;
            try
            {
                entry = line.Length == 0 ? null : JsonSerializer.Deserialize<HistoryEntry>(line, Options);
            }
            catch (JsonException)
            {
                // A line a killed run tore in half.
            }

            if (entry is not null && (seedId is null || entry.Id == seedId))
            {
                yield return entry;
            }
        }
    }

    /// <summary>Each seed's latest check (when it was, how long it took): read once per run, the file can be large.</summary>
    public Dictionary<string, HistoryEntry> Latest()
    {
        var last = new Dictionary<string, HistoryEntry>(StringComparer.Ordinal);
        foreach (var entry in Read())
        {
            if (!last.TryGetValue(entry.Id, out var seen) || entry.CheckedAt > seen.CheckedAt)
            {
                last[entry.Id] = entry;
            }
        }

        return last;
    }

    private static JsonSerializerOptions Options => JsonConventions.Line;
}
