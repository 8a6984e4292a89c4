using System.Collections.Concurrent;
using Archive.IO;

namespace Archive.Media;

/// <summary>The outcome of decoding one file: its signature or why it could not be decoded.</summary>
internal sealed record DecodedImage(string Sha256, ImageSignature? Signature, string? Error);

/// <summary>
/// Decodes each distinct file (by SHA-256) once per run, however many seeds show it (site logos, shared
/// photographs), within a memory budget: when the budget is spent the oldest signatures are forgotten.
/// </summary>
internal sealed class ImageSignatureCache(ImageLimits limits, long budgetBytes = 128L * 1024 * 1024)
{
    private readonly ConcurrentDictionary<string, Lazy<DecodedImage>> entries = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> order = new();
    private long used;

    public ImageLimits Limits { get; } = limits;

    public DecodedImage Decode(byte[] bytes) => Decode(ContentHash.Of(bytes), bytes);

    public DecodedImage Decode(string sha256, byte[] bytes)
    {
        var added = false;
        var lazy = entries.GetOrAdd(sha256, key =>
        {
            added = true;
            return new Lazy<DecodedImage>(() => DecodeNow(key, bytes), LazyThreadSafetyMode.ExecutionAndPublication);
        });
        var decoded = lazy.Value;
        if (added)
        {
            order.Enqueue(sha256);
            Interlocked.Add(ref used, decoded.Signature?.Bytes ?? 256);
            while (Interlocked.Read(ref used) > budgetBytes && order.TryDequeue(out var oldest))
            {
                if (entries.TryRemove(oldest, out var gone) && gone.IsValueCreated)
                {
                    Interlocked.Add(ref used, -(gone.Value.Signature?.Bytes ?? 256));
                }
            }
        }

        return decoded;
    }

    private DecodedImage DecodeNow(string sha256, byte[] bytes)
    {
        try
        {
            return new DecodedImage(sha256, ImageDecoder.Decode(bytes, Limits), null);
        }
        catch (Exception e) when (e is ImageDecodeException or ArgumentException or InvalidOperationException)
        {
            // Skia's own failures on hostile files arrive as argument or state errors; all of them mean "undecodable".
            return new DecodedImage(sha256, null, e is ImageDecodeException ? e.Message : "undecodable: " + e.Message);
        }
    }
}
