using System.Text.Json;
using Archive.IO;

namespace Archive.Snapshots;

/// <summary>A seed's result that a person accepted (<c>archive accept</c>): later drift is judged against it.</summary>
/// <typeparam name="TReport">The stored result; the store keeps it and never reads into it.</typeparam>
public sealed record AcceptedState<TReport>(DateTimeOffset At, string? Snapshot, TReport Report);

/// <summary>Judged results beside their captures, and the accepted state a person chose among them.</summary>
public sealed partial class SnapshotStore
{
    /// <summary>Keeps the seed's result beside the capture it was judged from, so it can be accepted later.</summary>
    public Task WriteResultAsync<TReport>(string snapshot, TReport result, CancellationToken cancellationToken) =>
        AtomicFile.WriteAllTextAsync(Path.Combine(Root, snapshot, ResultFile), JsonSerializer.Serialize(result, JsonConventions.Indented), cancellationToken);

    /// <summary>
    /// The seed's latest judged result (the previous run's, while this run's is not yet written); null when there is
    /// none, or when it cannot be read: then every finding of this run counts as new, which says more, not less.
    /// </summary>
    public async Task<TReport?> ReadLatestResultAsync<TReport>(string seedId, CancellationToken cancellationToken)
        where TReport : class
    {
        if (LatestHolding(seedId, ResultFile, null) is not { } latest)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<TReport>(await File.ReadAllTextAsync(Path.Combine(Root, latest, ResultFile), cancellationToken).ConfigureAwait(false), JsonConventions.Indented);
        }
        catch (Exception e) when (e is JsonException or IOException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Accepts the seed's latest judged capture as its accepted state; null when it has none yet.</summary>
    /// <param name="settle">What of the stored result is not part of the state (the run's own verdict on it).</param>
    public async Task<AcceptedState<TReport>?> AcceptAsync<TReport>(string seedId, Func<TReport, TReport> settle, CancellationToken cancellationToken)
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

        var result = JsonSerializer.Deserialize<TReport>(await File.ReadAllTextAsync(Path.Combine(latest, ResultFile), cancellationToken).ConfigureAwait(false), JsonConventions.Indented)!;
        var state = new AcceptedState<TReport>(Time.GetUtcNow(), Path.GetRelativePath(Root, latest).Replace('\\', '/'), settle(result));
        await AtomicFile.WriteAllTextAsync(Path.Combine(folder, AcceptedFile), JsonSerializer.Serialize(state, JsonConventions.Indented), cancellationToken).ConfigureAwait(false);
        return state;
    }

    /// <exception cref="InvalidDataException">The accepted-state file is damaged; the message names it.</exception>
    public async Task<AcceptedState<TReport>?> ReadAcceptedAsync<TReport>(string seedId, CancellationToken cancellationToken)
    {
        var path = Path.Combine(SeedFolder(seedId), AcceptedFile);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<AcceptedState<TReport>>(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), JsonConventions.Indented);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not an accepted state ({e.Message}); run 'archive accept {seedId}' again", e);
        }
    }
}
