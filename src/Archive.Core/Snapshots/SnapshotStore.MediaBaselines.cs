using System.Text.Json;
using Archive.IO;
using Archive.Media;

namespace Archive.Snapshots;

/// <summary>The media stage's baselines: the first bytes seen behind each archived image URL, by SHA-256.</summary>
public sealed partial class SnapshotStore
{
    public async Task<IReadOnlyDictionary<string, MediaBaselineEntry>> ReadAsync(string seedId, CancellationToken cancellationToken)
    {
        var path = Path.Combine(SeedFolder(seedId), MediaBaselineFile);
        if (!File.Exists(path))
        {
            return new Dictionary<string, MediaBaselineEntry>();
        }

        try
        {
            var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
            return JsonSerializer.Deserialize<Dictionary<string, MediaBaselineEntry>>(text, JsonConventions.Indented) ?? [];
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a media baseline file ({e.Message})", e);
        }
    }

    public async Task<byte[]?> BytesAsync(string sha256, CancellationToken cancellationToken)
    {
        // The name is a hash we wrote; anything else is not looked up at all.
        if (sha256.Length != 64 || !sha256.All(Uri.IsHexDigit))
        {
            return null;
        }

        var path = Path.Combine(Root, MediaFolder, sha256);
        if (!File.Exists(path))
        {
            return null;
        }

        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        return ContentHash.Of(bytes) == sha256 ? bytes : null;
    }

    public async Task StoreAsync(string sha256, byte[] bytes, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Root, MediaFolder, sha256);
        if (!File.Exists(path))
        {
            await AtomicFile.WriteAllBytesAsync(path, bytes, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task RecordAsync(string seedId, IReadOnlyList<(string Url, MediaBaselineEntry Entry)> added, CancellationToken cancellationToken)
    {
        if (added.Count == 0)
        {
            return;
        }

        var entries = new Dictionary<string, MediaBaselineEntry>(await ReadAsync(seedId, cancellationToken).ConfigureAwait(false));
        foreach (var (url, entry) in added)
        {
            entries.TryAdd(url, entry);
        }

        var sorted = entries.OrderBy(e => e.Key, StringComparer.Ordinal).ToDictionary(e => e.Key, e => e.Value);
        await AtomicFile.WriteAllTextAsync(Path.Combine(SeedFolder(seedId), MediaBaselineFile), JsonSerializer.Serialize(sorted, JsonConventions.Indented), cancellationToken).ConfigureAwait(false);
    }
}
