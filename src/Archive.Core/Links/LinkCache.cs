using System.Collections.Concurrent;
using System.Text.Json;
using Archive.IO;

namespace Archive.Links;

/// <summary>
/// Results kept between runs, so a nightly run does not recheck what yesterday's found fresh: a JSON file of
/// results by URL, read at the start (entries older than the time-to-live are dropped) and written atomically at
/// the end with this run's results merged in.
/// </summary>
public sealed class LinkCache
{
    private readonly ConcurrentDictionary<string, LinkResult> entries;
    private readonly TimeProvider time;

    private LinkCache(string path, TimeSpan ttl, ConcurrentDictionary<string, LinkResult> entries, TimeProvider time)
    {
        Path = path;
        Ttl = ttl;
        this.entries = entries;
        this.time = time;
    }

    public string Path { get; }

    public TimeSpan Ttl { get; }

    public int Count => entries.Count;

    /// <exception cref="InvalidDataException">The file exists but is not a link cache; the message names it.</exception>
    public static async Task<LinkCache> OpenAsync(string path, TimeSpan ttl, TimeProvider time, CancellationToken cancellationToken)
    {
        var entries = new ConcurrentDictionary<string, LinkResult>(StringComparer.Ordinal);
        if (File.Exists(path))
        {
            try
            {
                var stored = JsonSerializer.Deserialize<Dictionary<string, LinkResult>>(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), JsonConventions.Indented) ?? [];
                var freshAfter = time.GetUtcNow() - ttl;
                foreach (var (url, result) in stored.Where(e => e.Value.CheckedAt > freshAfter))
                {
                    entries[url] = result;
                }
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{path}: not a link cache ({e.Message}); delete it or point --link-cache elsewhere", e);
            }
        }

        return new LinkCache(path, ttl, entries, time);
    }

    public LinkResult? Fresh(string url) =>
        entries.TryGetValue(url, out var result) && result.CheckedAt > time.GetUtcNow() - Ttl ? result : null;

    public void Remember(LinkResult result)
    {
        // Time-outs and tool errors are not facts about the link worth keeping for a day.
        if (result.Status is not (LinkStatus.Timeout or LinkStatus.Error or LinkStatus.Skipped))
        {
            entries[result.Url] = result;
        }
    }

    public Task SaveAsync(CancellationToken cancellationToken)
    {
        var sorted = entries.OrderBy(e => e.Key, StringComparer.Ordinal).ToDictionary(e => e.Key, e => e.Value);
        return AtomicFile.WriteAllTextAsync(Path, JsonSerializer.Serialize(sorted, JsonConventions.Indented), cancellationToken);
    }
}
