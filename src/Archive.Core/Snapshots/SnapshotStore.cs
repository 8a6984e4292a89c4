using System.Globalization;
using System.Text.Json;
using Archive.Capture;
using Archive.IO;
using Archive.Media;
using Archive.Seeds;

namespace Archive.Snapshots;

/// <summary>
/// Stores captures under <c>&lt;root&gt;/&lt;seed-id&gt;/&lt;UTC time&gt;/</c> and image bytes once, by SHA-256, under
/// <c>&lt;root&gt;/_media/</c>. A capture folder is assembled under a hidden temporary name and renamed into place
/// when complete, so a killed run leaves no half snapshot; leftovers are swept at the next start.
/// </summary>
public sealed partial class SnapshotStore(string root, TimeProvider? time = null) : IMediaBaselines
{
    public const string MediaFolder = "_media";
    public const string MediaBaselineFile = "media-baseline.json";
    public const string ResultFile = "result.json";
    public const string AcceptedFile = "accepted.json";
    public const string ScreenshotFile = "screenshot.jpg";
    private const string TempPrefix = ".incomplete-";

    /// <summary>The clock acceptance and baselines are dated by.</summary>
    private TimeProvider Time { get; } = time ?? TimeProvider.System;

    /// <summary>The store's folder as a full path: a relative one is taken against the working directory once, here.</summary>
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>A seed's own folder; an id that could name anything else (see <see cref="SeedId.Problem"/>) is refused.</summary>
    public string SeedFolder(string seedId) => SeedId.Problem(seedId) is { } problem
        ? throw new ArgumentException($"seed id '{seedId}' cannot name a snapshot folder: {problem}", nameof(seedId))
        : Path.Combine(Root, seedId);

    /// <summary>
    /// The latest picture of the seed's live page taken in <paramref name="snapshot"/> or before it (relative to
    /// <see cref="Root"/>), or in any snapshot when that is null; null when there is none. Under
    /// <c>--screenshots findings</c> a check with nothing new to see takes no picture, and this is the one shown.
    /// </summary>
    public string? LatestScreenshot(string seedId, string? snapshot = null) => LatestHolding(seedId, ScreenshotFile, snapshot) is { } latest ? $"{latest}/{ScreenshotFile}" : null;

    /// <summary>The seed's latest snapshot (relative to <see cref="Root"/>) that holds a WARC of its capture; null when none does.</summary>
    public string? LatestWarc(string seedId) => LatestHolding(seedId, CaptureWarc.FileName, null);

    /// <summary>The latest snapshot of the seed, up to <paramref name="snapshot"/> when given, holding <paramref name="file"/>.</summary>
    private string? LatestHolding(string seedId, string file, string? snapshot)
    {
        var folder = SeedFolder(seedId);
        if (!Directory.Exists(folder))
        {
            return null;
        }

        var limit = snapshot is null ? null : Path.GetFileName(snapshot.TrimEnd('/'));
        var latest = Directory.EnumerateDirectories(folder)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => !name.StartsWith('.') && (limit is null || string.CompareOrdinal(name, limit) <= 0) && File.Exists(Path.Combine(folder, name, file)))
            .Order(StringComparer.Ordinal)
            .LastOrDefault();
        return latest is null ? null : $"{seedId}/{latest}";
    }

    /// <summary>The names of the seed folders in the store, in order (not its own folders, hidden or starting with '_').</summary>
    public IReadOnlyList<string> SeedIds() => Directory.Exists(Root)
        ? Directory.EnumerateDirectories(Root).Select(Path.GetFileName).OfType<string>().Where(n => !n.StartsWith('.') && !n.StartsWith('_')).Order(StringComparer.Ordinal).ToList()
        : [];

    /// <summary>Removes what killed runs left half-written.</summary>
    public int SweepIncomplete()
    {
        if (!Directory.Exists(Root))
        {
            return 0;
        }

        var swept = 0;
        foreach (var temp in Directory.EnumerateDirectories(Root, TempPrefix + "*", SearchOption.AllDirectories).ToList())
        {
            Directory.Delete(temp, recursive: true);
            swept++;
        }

        var media = Path.Combine(Root, MediaFolder);
        if (Directory.Exists(media))
        {
            foreach (var temp in Directory.EnumerateFiles(media, ".*.tmp-*").ToList())
            {
                File.Delete(temp);
                swept++;
            }
        }

        return swept;
    }

    /// <returns>The snapshot folder, relative to <see cref="Root"/>.</returns>
    /// <param name="files">Further files for the snapshot folder (the media stage's diff images), by relative path.</param>
    public async Task<string> WriteAsync(string seedId, PageCapture capture, CancellationToken cancellationToken, IReadOnlyDictionary<string, byte[]>? files = null)
    {
        var name = capture.CapturedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var seedFolder = SeedFolder(seedId);
        var final = Path.Combine(seedFolder, name);
        for (var n = 2; Directory.Exists(final); n++)
        {
            final = Path.Combine(seedFolder, $"{name}-{n}");
        }

        var temp = Path.Combine(seedFolder, TempPrefix + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(temp);
        try
        {
            foreach (var image in capture.Images.Where(i => i.Bytes is not null && i.Sha256 is not null))
            {
                await StoreAsync(image.Sha256!, image.Bytes!, cancellationToken).ConfigureAwait(false);
            }

            if (capture.Html is not null)
            {
                await File.WriteAllTextAsync(Path.Combine(temp, "page.html"), capture.Html, cancellationToken).ConfigureAwait(false);
            }

            if (capture.Text is not null)
            {
                await File.WriteAllTextAsync(Path.Combine(temp, "page.txt"), capture.Text, cancellationToken).ConfigureAwait(false);
            }

            if (capture.Screenshot is not null)
            {
                await File.WriteAllBytesAsync(Path.Combine(temp, ScreenshotFile), capture.Screenshot, cancellationToken).ConfigureAwait(false);
            }

            if (capture.ArchivedScreenshot is not null)
            {
                await File.WriteAllBytesAsync(Path.Combine(temp, "archived.jpg"), capture.ArchivedScreenshot, cancellationToken).ConfigureAwait(false);
            }

            foreach (var (file, bytes) in files ?? new Dictionary<string, byte[]>())
            {
                var path = Path.GetFullPath(Path.Combine(temp, file));
                if (!path.StartsWith(temp + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    throw new ArgumentException($"snapshot file '{file}' would land outside the snapshot folder");
                }

                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllBytesAsync(path, bytes, cancellationToken).ConfigureAwait(false);
            }

            // capture.json goes last: a folder holding it is complete.
            await File.WriteAllTextAsync(Path.Combine(temp, "capture.json"), JsonSerializer.Serialize(CaptureFacts.From(capture), JsonConventions.Indented), cancellationToken).ConfigureAwait(false);
            Directory.Move(temp, final);
            return Path.GetRelativePath(Root, final);
        }
        catch
        {
            Directory.Delete(temp, recursive: true);
            throw;
        }
    }

    /// <summary>
    /// The archived body's rendering, kept per seed by a hash of the body: the archive does not change between runs,
    /// so it is rendered once (a browser context and a screenshot saved on every later check of the seed).
    /// </summary>
    public async Task<byte[]?> ReadArchivedRenderingAsync(string seedId, string bodyHash, CancellationToken cancellationToken)
    {
        var path = Path.Combine(SeedFolder(seedId), $"archived-{bodyHash}.jpg");
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false) : null;
    }

    public Task WriteArchivedRenderingAsync(string seedId, string bodyHash, byte[] jpeg, CancellationToken cancellationToken) =>
        AtomicFile.WriteAllBytesAsync(Path.Combine(SeedFolder(seedId), $"archived-{bodyHash}.jpg"), jpeg, cancellationToken);

    /// <summary>capture.json: the capture without its bulky parts, which sit beside it as files.</summary>
    private sealed record CaptureFacts(
        DateTimeOffset CapturedAt,
        string SourceUrl,
        string FinalUrl,
        IReadOnlyList<object> Redirects,
        int? HttpStatus,
        string? ContentType,
        object? Failure,
        string? Error,
        IReadOnlyList<object> Images,
        IReadOnlyList<FailedRequest> FailedRequests,
        IReadOnlyList<string> ConsoleErrors,
        IReadOnlyList<string> Notes,
        CaptureTimings Timings)
    {
        public static CaptureFacts From(PageCapture c) => new(
            c.CapturedAt,
            c.SourceUrl.AbsoluteUri,
            c.FinalUrl.AbsoluteUri,
            c.Redirects.Select(r => (object)new { url = r.Url.AbsoluteUri, status = r.Status }).ToList(),
            c.HttpStatus,
            c.ContentType,
            c.Failure is null ? null : new { kind = c.Failure.Kind.ToString(), message = c.Failure.Message },
            c.Error,
            c.Images.Select(i => (object)new { url = i.Url.AbsoluteUri, status = i.Status, contentType = i.ContentType, size = i.Size, sha256 = i.Sha256, truncated = i.Truncated }).ToList(),
            c.FailedRequests,
            c.ConsoleErrors,
            c.Notes,
            c.Timings);
    }
}
