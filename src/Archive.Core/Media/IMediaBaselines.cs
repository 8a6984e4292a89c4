namespace Archive.Media;

/// <summary>The picture first recorded for an archived media URL.</summary>
public sealed record MediaBaselineEntry(string Sha256, DateTimeOffset RecordedAt, string? Format, int? Width, int? Height);

/// <summary>
/// Where the media stage keeps the bytes it first saw behind each archived URL (the snapshot store). Kept as an
/// interface so the stage knows nothing of folders.
/// </summary>
internal interface IMediaBaselines
{
    /// <summary>The seed's recorded baselines by archived URL; empty when none were recorded.</summary>
    Task<IReadOnlyDictionary<string, MediaBaselineEntry>> ReadAsync(string seedId, CancellationToken cancellationToken);

    /// <summary>The recorded bytes, or null when they are gone or no longer match their hash.</summary>
    Task<byte[]?> BytesAsync(string sha256, CancellationToken cancellationToken);

    /// <summary>Keeps bytes by their SHA-256 (once; a later call for the same hash does nothing).</summary>
    Task StoreAsync(string sha256, byte[] bytes, CancellationToken cancellationToken);

    /// <summary>Adds baselines, whose bytes were stored, for URLs that had none; existing ones are never replaced.</summary>
    Task RecordAsync(string seedId, IReadOnlyList<(string Url, MediaBaselineEntry Entry)> added, CancellationToken cancellationToken);
}
