using System.Globalization;
using System.Text;
using Archive.Seeds.Formats;

namespace Archive.Seeds;

/// <summary>
/// Reads one seed file, recognising its format from the content. Never throws for bad input: every problem
/// becomes a <see cref="SeedError"/> naming the file, the line and what is wrong.
/// </summary>
public sealed class SeedReader(SeedReaderOptions? options = null, TimeProvider? time = null)
{
    private readonly IReadOnlyList<ISeedFormat> formats = SeedFormats.All;

    /// <summary>A reader of other formats than the registered ones (tests of formats not yet written).</summary>
    internal SeedReader(IReadOnlyList<ISeedFormat> formats, SeedReaderOptions? options = null)
        : this(options)
    {
        this.formats = formats;
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly SeedReaderOptions options = options ?? SeedReaderOptions.Default;
    private readonly TimeProvider time = time ?? TimeProvider.System;

    /// <summary>Reads a file that holds one seed (every format but a crawl's): its seed or its error.</summary>
    /// <exception cref="InvalidOperationException">The file holds several seeds; read it with <see cref="ReadAllAsync"/>.</exception>
    public async Task<SeedLoad> ReadAsync(string path, CancellationToken cancellationToken = default) => One(await ReadAllAsync(path, cancellationToken).ConfigureAwait(false));

    /// <summary>Reads every seed a file holds (a crawl's pages too, streamed); a file that cannot be read is one error.</summary>
    public async Task<IReadOnlyList<SeedLoad>> ReadAllAsync(string path, CancellationToken cancellationToken = default)
    {
        byte[] bytes;
        DateTimeOffset lastModified;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return [Fail(path, null, Directory.Exists(path) ? "is a directory, not a seed file" : "no such file")];
            }

            // A crawl is read as a stream, whatever its size; its limits are per page.
            if (SeedFormats.CrawlOf(path) is { } crawl)
            {
                return await Task.Run(() => crawl.Read(path, options, cancellationToken), cancellationToken).ConfigureAwait(false);
            }

            if (info.Length > options.MaxBytes)
            {
                return [Fail(path, null, $"the file is {Megabytes(info.Length)}, over the {Megabytes(options.MaxBytes)} limit for a seed")];
            }

            bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            lastModified = new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [Fail(path, null, $"cannot be read: {e.Message}")];
        }

        return ParseAll(path, bytes, lastModified);
    }

    /// <summary>Reads a one-seed file from bytes already in memory (the file name still gives the id).</summary>
    public SeedLoad Parse(string path, ReadOnlySpan<byte> bytes, DateTimeOffset lastModified) => One(ParseAll(path, bytes, lastModified));

    /// <summary>Reads every seed of a file from bytes already in memory.</summary>
    public IReadOnlyList<SeedLoad> ParseAll(string path, ReadOnlySpan<byte> bytes, DateTimeOffset lastModified)
    {
        // A file of one seed is named after it: a name that cannot be an id is refused before the file is parsed.
        if (SeedFormats.OneSeedEach(formats) && SeedId.Problem(SeedId.FromPath(path)) is { } badId)
        {
            return [Fail(path, null, badId)];
        }

        if (bytes.Length > options.MaxBytes)
        {
            return [Fail(path, null, $"the file is {Megabytes(bytes.Length)}, over the {Megabytes(options.MaxBytes)} limit for a seed")];
        }

        if (!TryDecode(path, bytes, out var text, out var error))
        {
            return [SeedLoad.Failed(error)];
        }

        var file = new SeedText(path, text, lastModified, options, time.GetUtcNow());
        try
        {
            // The first format that claims the file reads it, and its errors speak of that format.
            if (formats.FirstOrDefault(f => f.Claims(file)) is { } format)
            {
                var seeds = format.Read(file);
                return seeds.Count == 0
                    ? [Fail(path, null, $"holds no seed (read as {format.Name})")]
                    : seeds.OrderBy(seed => seed.Id, StringComparer.Ordinal).Select(seed => SeedId.Problem(seed.Id) is { } problem ? Fail(path, null, problem) : SeedLoad.Loaded(seed)).ToList();
            }

            return string.IsNullOrWhiteSpace(text)
                ? [Fail(path, null, "the file is empty")]
                : [Fail(path, 1, "not a seed: expected '<!--<unix milliseconds>-->' then '[title](source-url)', or an HTML page saved by a browser")];
        }
        catch (SeedFormatException e)
        {
            return [Fail(path, e.Line, e.Message)];
        }
    }

    private static bool TryDecode(string path, ReadOnlySpan<byte> bytes, out string text, out SeedError error)
    {
        text = string.Empty;
        error = null!;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            error = new SeedError(path, 1, "the file is UTF-16; seeds must be UTF-8");
            return false;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            error = new SeedError(path, LineOfByte(bytes, nul), "the file is binary (it contains NUL bytes), not a text seed");
            return false;
        }

        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            var offset = Math.Max(0, e.Index);
            var bad = offset < bytes.Length ? bytes[offset] : (byte)0;
            error = new SeedError(path, LineOfByte(bytes, offset), $"not valid UTF-8 (byte 0x{bad:X2} at offset {offset}); seeds must be UTF-8");
            return false;
        }

        // Windows line endings are harmless; normalising them keeps every later line count and diff honest.
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        return true;
    }

    private static int LineOfByte(ReadOnlySpan<byte> bytes, int offset) => bytes[..Math.Min(offset, bytes.Length)].Count((byte)'\n') + 1;

    private static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.#} MB");

    private static SeedLoad One(IReadOnlyList<SeedLoad> loads) =>
        loads.Count == 1 ? loads[0] : throw new InvalidOperationException($"{loads[0].Path} holds {loads.Count} seeds; read it with ReadAllAsync");

    private static SeedLoad Fail(string path, int? line, string message) => SeedLoad.Failed(new SeedError(path, line, message));
}
