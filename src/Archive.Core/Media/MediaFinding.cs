using Archive.Seeds;

namespace Archive.Media;

/// <summary>What became of one archived image or embed. One place (<see cref="MediaChecker"/>) decides it.</summary>
public enum MediaStatus
{
    /// <summary>The same bytes, or visually identical at the same size.</summary>
    Same,

    /// <summary>The same picture at another size, quality, format or crop.</summary>
    Resized,

    /// <summary>A different picture (or the same one visibly edited), on the live page or behind the archived URL.</summary>
    Changed,

    /// <summary>Not on the live page any more, though its URL still serves it.</summary>
    Removed,

    /// <summary>The archived URL is dead (an error status, a network failure, or an HTML page where the image was) and no copy is left to compare.</summary>
    Missing,

    /// <summary>Could not be compared: undecodable, too large, unsafe; the reason says which.</summary>
    Error,
}

/// <summary>How the live copy of an archived image was found.</summary>
public enum MatchMethod
{
    /// <summary>The same URL once rendition parameters are dropped (see <see cref="MediaUrlKey"/>).</summary>
    Url,

    /// <summary>The same file name, the only one on the page.</summary>
    Stem,

    /// <summary>The nearest perceptual hash among the live page's images.</summary>
    Hash,

    /// <summary>The live image in the same place in the text (between the same blocks), when nothing else matched.</summary>
    Place,
}

/// <summary>One fetched media file: the archived URL as it answers now, or the live page's copy.</summary>
public sealed record MediaFile(
    string Url,
    int? HttpStatus,
    string? ContentType,
    ImageFormat? Format,
    long? Bytes,
    string? Sha256,
    int? Width,
    int? Height);

/// <param name="Ssim">Structural similarity on the common grey canvas.</param>
/// <param name="HashDistance">Bits differing between the 64-bit perceptual hashes.</param>
/// <param name="Damaged">Share of the picture with low local similarity (a local edit).</param>
/// <param name="DiffRatio">Share of pixels differing beyond anti-aliasing.</param>
/// <param name="Cropped">Whether one picture is the other with two sides cut off.</param>
public sealed record ImageScores(double Ssim, int HashDistance, double Damaged, double DiffRatio, bool Cropped);

/// <summary>The bytes first recorded for the archived URL, kept in the snapshot store so a swap is caught even after the URL dies.</summary>
/// <param name="Used">Whether the comparison was made against the baseline (the archived URL no longer serves the recorded picture).</param>
public sealed record BaselineUse(string Sha256, DateTimeOffset RecordedAt, bool Used);

/// <summary>The finding for one archived media reference.</summary>
/// <param name="Archived">The archived URL as it answers now; null when it was not fetched.</param>
/// <param name="Live">The live page's copy, when one was found.</param>
/// <param name="DiffPng">The pixel-diff image (PNG) for the report, when the bytes differ; written to the snapshot, not to the JSON.</param>
public sealed record MediaFinding(
    int Index,
    MediaKind Kind,
    string Element,
    Uri ArchivedUrl,
    MediaStatus Status,
    string? Reason,
    double? Similarity,
    MediaFile? Archived,
    MediaFile? Live,
    MatchMethod? MatchedBy,
    ImageScores? Scores,
    BaselineUse? Baseline,
    byte[]? DiffPng)
{
    /// <summary>Whether the finding is drift a reader would notice.</summary>
    public bool IsDrift => IsDriftStatus(Status);

    /// <summary>The statuses that are drift: the picture changed, left the page, or is gone. Resized copies are the same picture; errors are not findings about the page.</summary>
    public static bool IsDriftStatus(MediaStatus status) => status is MediaStatus.Changed or MediaStatus.Removed or MediaStatus.Missing;
}
