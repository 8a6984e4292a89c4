using System.Text.Json;
using Archive.IO;
using Archive.Media;
using Archive.Report;
using Archive.Verdict;

namespace Archive.Snapshots;

/// <summary>Judged results beside their captures, and the accepted state a person chose among them.</summary>
public sealed partial class SnapshotStore
{
    /// <summary>Keeps the seed's result beside the capture it was judged from, so it can be accepted later.</summary>
    public Task WriteResultAsync(string snapshot, SeedReport result, CancellationToken cancellationToken) =>
        AtomicFile.WriteAllTextAsync(Path.Combine(Root, snapshot, ResultFile), JsonSerializer.Serialize(result, JsonConventions.Indented), cancellationToken);

    /// <summary>Accepts the seed's latest judged capture as its accepted state; null when it has none yet.</summary>
    public async Task<AcceptedState?> AcceptAsync(string seedId, CancellationToken cancellationToken)
    {
        var folder = SeedFolder(seedId);
        if (!Directory.Exists(folder))
        {
            return null;
        }

        // Capture folders are named by UTC time, so the last in order is the latest.
        var latest = Directory.EnumerateDirectories(folder)
            .Where(d => !Path.GetFileName(d).StartsWith('.') && File.Exists(Path.Combine(d, ResultFile)))
            .Order(StringComparer.Ordinal)
            .LastOrDefault();
        if (latest is null)
        {
            return null;
        }

        var result = JsonSerializer.Deserialize<SeedReport>(await File.ReadAllTextAsync(Path.Combine(latest, ResultFile), cancellationToken).ConfigureAwait(false), JsonConventions.Indented)!;
        var state = new AcceptedState(DateTimeOffset.UtcNow, Path.GetRelativePath(Root, latest).Replace('\\', '/'), result with { Breaches = [], Accepted = null });
        await AtomicFile.WriteAllTextAsync(Path.Combine(folder, AcceptedFile), JsonSerializer.Serialize(state, JsonConventions.Indented), cancellationToken).ConfigureAwait(false);
        return state;
    }

    /// <exception cref="InvalidDataException">The accepted-state file is damaged; the message names it.</exception>
    public async Task<AcceptedState?> ReadAcceptedAsync(string seedId, CancellationToken cancellationToken)
    {
        var path = Path.Combine(SeedFolder(seedId), AcceptedFile);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<AcceptedState>(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), JsonConventions.Indented);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not an accepted state ({e.Message}); run 'archive accept {seedId}' again", e);
        }
    }
}
