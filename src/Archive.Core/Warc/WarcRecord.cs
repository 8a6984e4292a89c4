using System.Globalization;

namespace Archive.Warc;

/// <summary>What <see cref="WarcReader"/> finds in a file: a record, or a damaged stretch it stepped over.</summary>
internal abstract record WarcEntry(long Offset);

/// <summary>
/// One WARC record (WARC 1.1 §4: version line, named fields, a block of Content-Length bytes).
/// </summary>
/// <param name="Offset">Where the record starts in the decompressed stream.</param>
/// <param name="Version">The version line's number, e.g. "1.1".</param>
/// <param name="Fields">The named fields in file order.</param>
/// <param name="Block">The block, or its first bytes when <see cref="BlockCut"/>.</param>
/// <param name="BlockLength">The block's length as Content-Length gives it.</param>
/// <param name="BlockCut">Whether only the block's first bytes were kept (over the reader's cap, or not asked for).</param>
/// <param name="BlockDigestMatches">Whether WARC-Block-Digest matches the block; null when there is none, its algorithm is unknown, or the block was not read whole.</param>
/// <param name="Location">Where to read the record again (see <see cref="WarcReader.ReadAt"/>).</param>
/// <param name="Notes">What was wrong with the record that did not stop it being read (a Content-Length that was off).</param>
internal sealed record WarcRecord(
    long Offset,
    string Version,
    WarcFields Fields,
    byte[] Block,
    long BlockLength,
    bool BlockCut,
    bool? BlockDigestMatches,
    WarcLocation Location,
    IReadOnlyList<string> Notes) : WarcEntry(Offset)
{
    public string? Type => Fields["WARC-Type"];

    public string? RecordId => Fields["WARC-Record-ID"];

    /// <summary>WARC-Target-URI, without the angle brackets wget 1.14–1.19 wrapped it in.</summary>
    public string? TargetUri => Fields["WARC-Target-URI"]?.Trim().TrimStart('<').TrimEnd('>');

    /// <summary>WARC-Date (WARC 1.1 §5.4: W3C-ISO8601, seconds or finer).</summary>
    public DateTimeOffset? Date =>
        DateTimeOffset.TryParse(Fields["WARC-Date"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date) ? date : null;

    /// <summary>The block's media type (for an HTTP response, <c>application/http; msgtype=response</c>).</summary>
    public string? ContentType => Fields["Content-Type"];
}

/// <summary>A stretch of the file that is not a readable record; reading goes on after it.</summary>
internal sealed record WarcProblem(long Offset, string Message) : WarcEntry(Offset);

/// <summary>
/// How to find a record again: the file offset of the gzip member its first byte came from (or of the record
/// itself in an uncompressed file), and how many decompressed bytes of that member lie before it.
/// </summary>
internal sealed record WarcLocation(long FileOffset, long Skip, bool Gzip);

/// <summary>Named fields (WARC 1.1 §4), in order; names compared case-insensitively as the spec says.</summary>
internal sealed class WarcFields(IReadOnlyList<KeyValuePair<string, string>> fields)
{
    public IReadOnlyList<KeyValuePair<string, string>> All { get; } = fields;

    public string? this[string name] => All.FirstOrDefault(f => string.Equals(f.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
