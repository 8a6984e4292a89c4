namespace Archive.IO;

/// <summary>Writes files so that a reader (or a run killed half-way) sees the old file or the new one, never a part.</summary>
public static class AtomicFile
{
    public static Task WriteAllBytesAsync(string path, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken = default) =>
        WriteAsync(path, (stream, token) => stream.WriteAsync(bytes, token).AsTask(), cancellationToken);

    public static Task WriteAllTextAsync(string path, string text, CancellationToken cancellationToken = default) =>
        WriteAllBytesAsync(path, System.Text.Encoding.UTF8.GetBytes(text), cancellationToken);

    /// <summary>
    /// Streams a file's content into place: for reports that grow with the run, never held whole in memory.
    /// Only a regular file (or nothing) is ever renamed over: a symbolic link is followed and its target replaced
    /// (the link stays), and a device, FIFO or socket (<c>/dev/stdout</c>, a named pipe) is written into as a
    /// shell's <c>&gt;</c> would, since renaming over it would replace the system's file with ours.
    /// </summary>
    public static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken = default)
    {
        switch (FileKinds.Of(path))
        {
            case FileKind.Directory:
                throw new IOException($"{path}: is a directory, not a file");
            case FileKind.Special:
                var device = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 0, FileOptions.None);
                await using (device.ConfigureAwait(false))
                {
                    await write(device, cancellationToken).ConfigureAwait(false);
                    await device.FlushAsync(cancellationToken).ConfigureAwait(false);
                }

                return;
        }

        var info = new FileInfo(path);
        var target = info.LinkTarget is null ? path : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
        var directory = Path.GetDirectoryName(Path.GetFullPath(target))!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(target)}.tmp-{Guid.NewGuid():N}");
        try
        {
            var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                await write(stream, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, target, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }
}
