using System.Text.Json;
using Archive.Capture;
using Archive.IO;

namespace Archive.Snapshots;

public sealed partial class SnapshotStore
{
    /// <summary>The file in a snapshot folder that holds the capture as a WARC.</summary>
    public const string WarcFile = CaptureWarc.FileName;

    /// <summary>
    /// Writes the snapshot's <c>capture.warc.gz</c> (see <see cref="CaptureWarc"/>), its metadata record the seed's
    /// verdict, all at once: a WARC is either whole or absent.
    /// </summary>
    public Task WriteWarcAsync<TReport>(string snapshot, PageCapture capture, IEnumerable<KeyValuePair<string, string>> info, TReport verdict, CancellationToken cancellationToken) =>
        AtomicFile.WriteAsync(
            Path.Combine(Root, snapshot, CaptureWarc.FileName),
            (stream, token) => CaptureWarc.WriteAsync(stream, capture, info, JsonSerializer.SerializeToUtf8Bytes(verdict, JsonConventions.Indented), token),
            cancellationToken);
}
