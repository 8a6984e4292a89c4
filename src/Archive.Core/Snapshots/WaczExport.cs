using Archive.Warc;

namespace Archive.Snapshots;

/// <summary>
/// <c>archive export --wacz</c>: the captures' WARCs packaged as one WACZ, each capture's page (the first answer
/// of its main document that is no redirect) in the page list, so a replayer such as ReplayWeb.page opens it.
/// </summary>
public static class WaczExport
{
    /// <summary>Writes the package atomically.</summary>
    /// <param name="snapshots">Snapshot folders relative to the store's root, each holding a capture.warc.gz.</param>
    /// <returns>The pages packaged.</returns>
    public static async Task<int> WriteAsync(SnapshotStore store, IReadOnlyList<string> snapshots, string output, string software, DateTimeOffset created, CancellationToken cancellationToken)
    {
        var sources = snapshots.Select(snapshot =>
        {
            var path = Path.Combine(store.Root, snapshot, CaptureWarc.FileName);
            return new WaczSource(snapshot.Replace('/', '-').Replace('\\', '-') + ".warc.gz", path, PageOf(path) is { } page ? [page] : []);
        }).ToList();

        await IO.AtomicFile.WriteAsync(output, (stream, token) => WaczWriter.WriteAsync(stream, sources, $"Archive export of {sources.Count} capture(s)", created, software, token), cancellationToken).ConfigureAwait(false);
        return sources.Sum(s => s.Pages.Count);
    }

    private static WaczPage? PageOf(string warc)
    {
        using var file = File.OpenRead(warc);
        foreach (var record in WarcReader.Read(file, new WarcReadOptions(WarcReadOptions.HeadBytes, f => f["WARC-Type"] == "response")).OfType<WarcRecord>())
        {
            if (record.Type == "response" && HttpBlock.Parse(record.Block) is { Status: not (>= 300 and < 400) } && record.TargetUri is { } url)
            {
                return new WaczPage(url, record.Date, null);
            }
        }

        return null;
    }
}
