using System.Text;
using System.Text.Json;
using Archive.IO;
using Archive.Report;

namespace Archive.Pipeline;

/// <summary>
/// What a run has finished so far, one JSON line per seed, so that a run that is killed (SIGINT, SIGTERM, power
/// loss) and started again with the same seeds resumes: the seeds it finished are taken from the journal, never
/// checked twice, and the final report is the one an uninterrupted run would have written. The first line names
/// the run (a hash of its seed list and shard); a journal of another run is set aside, not used. Deleted when the
/// run's reports are written.
/// </summary>
public sealed class RunJournal : IDisposable
{
    private readonly FileStream stream;
    private readonly object gate = new();

    private RunJournal(string path, FileStream stream, IReadOnlyDictionary<string, SeedReport> finished)
    {
        Path = path;
        this.stream = stream;
        Finished = finished;
    }

    public string Path { get; }

    /// <summary>Seeds a killed earlier attempt of this run finished, by id (a file may hold several).</summary>
    public IReadOnlyDictionary<string, SeedReport> Finished { get; }

    public static RunJournal Open(string path, string runKey)
    {
        var finished = new Dictionary<string, SeedReport>(StringComparer.Ordinal);
        var header = "{\"run\":" + JsonSerializer.Serialize(runKey) + "}";
        if (File.Exists(path))
        {
            var lines = File.ReadAllLines(path);
            if (lines.Length > 0 && lines[0] == header)
            {
                foreach (var line in lines.Skip(1))
                {
                    try
                    {
                        if (JsonSerializer.Deserialize<SeedReport>(line, Options) is { } seed)
                        {
                            finished[seed.Id] = seed;
                        }
                    }
                    catch (JsonException)
                    {
                        // The line the kill tore: that seed is simply checked again.
                    }
                }
            }
        }

        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
        var journal = new RunJournal(path, stream, finished);

        // Rewritten whole, so the kept entries are whole lines after the header.
        journal.Write(header);
        foreach (var seed in finished.Values)
        {
            journal.Append(seed);
        }

        return journal;
    }

    public void Append(SeedReport seed) => Write(JsonSerializer.Serialize(seed, Options));

    /// <summary>Removes the journal: the run is complete and its reports written.</summary>
    public void Complete()
    {
        stream.Dispose();
        File.Delete(Path);
    }

    public void Dispose() => stream.Dispose();

    private void Write(string line)
    {
        lock (gate)
        {
            stream.Write(Encoding.UTF8.GetBytes(line + "\n"));
            stream.Flush(flushToDisk: true);
        }
    }

    private static JsonSerializerOptions Options => JsonConventions.Line;
}
