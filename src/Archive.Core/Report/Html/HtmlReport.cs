using System.Globalization;
using System.Text;
using System.Text.Json;
using Archive.IO;
using Archive.Media;

namespace Archive.Report.Html;

/// <summary>
/// The HTML report: <c>index.html</c> (run facts, a chart of statuses, every seed in a sortable, filterable,
/// searchable, paginated table, worst first) and one page per seed under <c>seeds/</c> (verdict, scores, page facts,
/// text diff side by side and inline, images with their pixel diffs, links, screenshots). The files the pages show
/// (screenshots, images, diff images, the live DOM as text) are copied from the snapshot store into <c>files/</c>,
/// so the folder opens from <c>file://</c> and can be uploaded as it is. Every file is written atomically.
/// </summary>
public static class HtmlReport
{
    public const string SeedFolder = "seeds";
    public const string FileFolder = "files";

    /// <param name="indexPath">Where <c>index.html</c> goes; the rest of the report goes beside it.</param>
    /// <param name="snapshotsRoot">The snapshot store the run wrote to, for screenshots and images; null when none was kept.</param>
    public static async Task WriteAsync(RunReport report, string indexPath, string? snapshotsRoot, CancellationToken cancellationToken)
    {
        var root = Path.GetDirectoryName(Path.GetFullPath(indexPath))!;
        Directory.CreateDirectory(Path.Combine(root, SeedFolder));
        var files = new ReportFiles(root, snapshotsRoot);
        var history = snapshotsRoot is null
            ? []
            : new Snapshots.HistoryStore(snapshotsRoot).Read().GroupBy(e => e.Id).ToDictionary(g => g.Key, g => g.OrderBy(e => e.CheckedAt).ToList());
        var pages = new HashSet<string>(StringComparer.Ordinal);
        foreach (var seed in report.Seeds)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = SeedPage.Build(report, seed, files, Path.GetFileName(indexPath), history.GetValueOrDefault(seed.Id) ?? []);
            var path = Path.Combine(root, SeedFolder, PageName(seed.Id));
            await AtomicFile.WriteAllTextAsync(path, page, cancellationToken).ConfigureAwait(false);
            pages.Add(path);
        }

        var thumbnails = report.Seeds.Select(seed => (seed.Id, Src: files.Thumbnail(seed))).Where(t => t.Src is not null).ToDictionary(t => t.Id, t => t.Src!, StringComparer.Ordinal);
        await files.CopyAllAsync(cancellationToken).ConfigureAwait(false);
        await AtomicFile.WriteAllTextAsync(Path.GetFullPath(indexPath), IndexPage.Build(report, history, thumbnails), cancellationToken).ConfigureAwait(false);

        // A reused report folder would otherwise keep every page and picture of every earlier run; the report's
        // own two folders are pruned to what this run links (nothing else beside them is touched).
        Prune(Path.Combine(root, SeedFolder), pages);
        Prune(Path.Combine(root, FileFolder), files.Targets.Select(t => Path.Combine(root, t)).ToHashSet(StringComparer.Ordinal));
    }

    private static void Prune(string folder, HashSet<string> keep)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(f => !keep.Contains(f)).ToList())
        {
            File.Delete(file);
        }

        foreach (var directory in Directory.EnumerateDirectories(folder, "*", SearchOption.AllDirectories).OrderByDescending(d => d.Length).ToList())
        {
            if (!Directory.EnumerateFileSystemEntries(directory).Any())
            {
                Directory.Delete(directory);
            }
        }
    }

    /// <summary>A seed's page file: its id when that is a safe file name, else a safe version of it with a short hash so two ids never share a page.</summary>
    public static string PageName(string id) => Slug(id) + ".html";

    internal static string Slug(string id)
    {
        var safe = new StringBuilder(Math.Min(id.Length, 80));
        foreach (var c in id.Take(80))
        {
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        }

        var slug = safe.ToString().TrimStart('.');
        return slug == id && slug.Length > 0
            ? slug
            : $"{slug}-{ContentHash.Of(id)[..10]}";
    }

    /// <summary>The files a report shows, gathered while the pages are built and copied once at the end.</summary>
    internal sealed class ReportFiles(string root, string? snapshotsRoot)
    {
        private readonly Dictionary<string, string> copies = new(StringComparer.Ordinal);

        /// <summary>The path of a snapshot file as a seed page links it, or null when the file is not there.</summary>
        /// <summary>The live page's latest picture from a check before <paramref name="snapshot"/> (see <see cref="Snapshots.SnapshotStore.LatestScreenshot"/>), and that check's folder; null when there is none.</summary>
        public (string Src, string Snapshot)? EarlierScreenshot(string seedId, string snapshot)
        {
            if (snapshotsRoot is null || new Snapshots.SnapshotStore(snapshotsRoot).LatestScreenshot(seedId, snapshot) is not { } earlier)
            {
                return null;
            }

            var folder = earlier[..earlier.LastIndexOf('/')];
            return FromSnapshot(earlier, Snapshots.SnapshotStore.ScreenshotFile) is { } src ? (src, folder) : null;
        }

        public string? FromSnapshot(string? relative, string name)
        {
            if (snapshotsRoot is null || relative is null)
            {
                return null;
            }

            var source = Path.GetFullPath(Path.Combine(snapshotsRoot, relative));
            if (!source.StartsWith(Path.GetFullPath(snapshotsRoot), StringComparison.Ordinal) || !File.Exists(source))
            {
                return null;
            }

            var target = $"{FileFolder}/{Slug(relative.Replace('\\', '/'))}/{name}";
            copies[target] = source;
            return "../" + target;
        }

        /// <summary>An image kept in the snapshot store by its hash, with an extension browsers recognise.</summary>
        public string? Media(string? sha256, ImageFormat? format)
        {
            if (snapshotsRoot is null || sha256 is null || sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
            {
                return null;
            }

            var source = Path.Combine(snapshotsRoot, Snapshots.SnapshotStore.MediaFolder, sha256);
            if (!File.Exists(source))
            {
                return null;
            }

            var extension = format switch
            {
                ImageFormat.Png => ".png",
                ImageFormat.Gif => ".gif",
                ImageFormat.WebP => ".webp",
                ImageFormat.Avif => ".avif",
                ImageFormat.Svg => ".svg",
                ImageFormat.Bmp => ".bmp",
                _ => ".jpg",
            };
            var target = $"{FileFolder}/media/{sha256}{extension}";
            copies[target] = source;
            return "../" + target;
        }

        private readonly Dictionary<string, string> thumbnails = new(StringComparer.Ordinal);

        /// <summary>
        /// A small picture of the top of the seed's live page for the index (from its latest picture, this check's or
        /// an earlier one's), relative to the report's folder; null when the seed has none.
        /// </summary>
        public string? Thumbnail(SeedReport seed)
        {
            if (snapshotsRoot is null || seed.Snapshot is null)
            {
                return null;
            }

            var store = new Snapshots.SnapshotStore(snapshotsRoot);
            var shot = File.Exists(Path.Combine(store.Root, seed.Snapshot, Snapshots.SnapshotStore.ScreenshotFile))
                ? $"{seed.Snapshot}/{Snapshots.SnapshotStore.ScreenshotFile}"
                : Seeds.SeedId.Problem(seed.Id) is null ? store.LatestScreenshot(seed.Id, seed.Snapshot) : null;
            if (shot is null)
            {
                return null;
            }

            var target = $"{FileFolder}/thumbs/{Slug(seed.Id)}.jpg";
            thumbnails[target] = Path.Combine(store.Root, shot);
            return target;
        }

        /// <summary>Every file the pages link, relative to the report's folder.</summary>
        public IEnumerable<string> Targets => copies.Keys.Concat(thumbnails.Keys);

        public async Task CopyAllAsync(CancellationToken cancellationToken)
        {
            foreach (var (target, source) in thumbnails)
            {
                if (Report.Thumbnail.Of(await File.ReadAllBytesAsync(source, cancellationToken).ConfigureAwait(false)) is { } small)
                {
                    await AtomicFile.WriteAllBytesAsync(Path.Combine(root, target), small, cancellationToken).ConfigureAwait(false);
                }
            }

            foreach (var (target, source) in copies)
            {
                var destination = Path.Combine(root, target);
                if (File.Exists(destination) && new FileInfo(destination).Length == new FileInfo(source).Length && target.Contains("/media/", StringComparison.Ordinal))
                {
                    continue; // content-addressed: the same name is the same bytes
                }

                await AtomicFile.WriteAllBytesAsync(destination, await File.ReadAllBytesAsync(source, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    internal static string Number(double? value, string format = "0.###") =>
        value is null ? "–" : value.Value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>Data for a script, as a JSON block the browser never executes; &lt; &gt; &amp; are escaped so no value can close the block.</summary>
    internal static string JsonBlock(string id, object data) =>
        $"<script type=\"application/json\" id=\"{id}\">{JsonSerializer.Serialize(data, DataOptions)}</script>";

    private static readonly JsonSerializerOptions DataOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
}

/// <summary>The HTML report: a folder of pages, so it never goes to standard output.</summary>
internal sealed class HtmlReportWriter : IReportWriter
{
    public string Name => "html";

    public string DefaultFile => "index.html";

    public string Description => "Where to write the HTML report's index; its seed pages (seeds/) and pictures (files/) go beside it.";

    public bool Streams => false;

    public Task WriteAsync(RunReport report, string path, ReportContext context, CancellationToken cancellationToken) =>
        HtmlReport.WriteAsync(report, path, context.SnapshotsRoot, cancellationToken);

    public Task WriteAsync(RunReport report, Stream stream, ReportContext context, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the HTML report is a folder of pages and cannot go to standard output");
}
