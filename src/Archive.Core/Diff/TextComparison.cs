using Archive.Seeds;

namespace Archive.Diff;

public enum BlockOp
{
    Equal,
    Insert,
    Delete,
    Replace,
    Move,

    /// <summary>A live block inside the article the archive never held that is not prose of it (a caption, a credit, a "Related" box, an advertising label): reported, never drift.</summary>
    Furniture,

    /// <summary>Archived and live blocks that hold the same words with the block boundaries in other places (<c>&lt;br&gt;</c> against <c>&lt;p&gt;</c>, a row against its cells): cosmetic.</summary>
    Resegmented,
}

/// <summary>How much a seed's text drifted, from nothing to a different page altogether.</summary>
public enum Severity
{
    /// <summary>The archived text is all there, character for character after normalisation.</summary>
    None,

    /// <summary>Only normalisation differs: white space, full-width forms, typographic quotes, entities.</summary>
    Cosmetic,

    /// <summary>Changed, with a similarity of at least <see cref="ContentComparer.MinorSimilarity"/>.</summary>
    Minor,

    /// <summary>Changed, with a lower similarity.</summary>
    Major,

    /// <summary>The live page holds so little of the archived text that it is a different page (a soft-404, or replaced content).</summary>
    Replaced,
}

/// <summary>One step of the block-level diff.</summary>
/// <param name="Archived">The archived block's text; null for an insertion.</param>
/// <param name="Live">The live block's text; null for a deletion.</param>
/// <param name="Title">Whether this is the title (the seed's title against the live headline) rather than a body block.</param>
/// <param name="Cosmetic">For an equal block: whether its text differs before normalisation.</param>
/// <param name="Similarity">For a replacement or a move: the share of the two blocks' tokens they have in common, in order.</param>
/// <param name="Changes">For a replacement or an edited move: the token diff, as runs of kept, deleted and inserted text.</param>
/// <param name="Why">For furniture: the evidence that it is not prose of the article.</param>
/// <param name="Joins">For a resegmentation: how many archived and live blocks it joins.</param>
public sealed record BlockDiff(
    BlockOp Op,
    string? Archived,
    string? Live,
    BlockKind? Kind = null,
    int? ArchivedIndex = null,
    int? LiveIndex = null,
    bool Title = false,
    bool Cosmetic = false,
    double? Similarity = null,
    IReadOnlyList<TextChange>? Changes = null,
    string? Why = null,
    BlockSpan? Joins = null)
{
    /// <summary>Whether this step is drift: text inserted, deleted, replaced or moved (furniture and re-segmentation are not).</summary>
    public bool IsDrift => Op is BlockOp.Insert or BlockOp.Delete or BlockOp.Replace or BlockOp.Move;
}

/// <summary>How many blocks a re-segmentation joins on each side.</summary>
public sealed record BlockSpan(int Archived, int Live);

/// <param name="BeyondArchive">Live blocks past what the archive holds (the rest of an article whose feed copy was cut short): coverage, not drift.</param>
/// <param name="Furniture">Live blocks inside the article that are furniture, not prose (see <see cref="BlockOp.Furniture"/>).</param>
/// <param name="Resegmented">Runs of blocks whose words are the same with the boundaries elsewhere (see <see cref="BlockOp.Resegmented"/>).</param>
public sealed record BlockCounts(int Equal, int Cosmetic, int Changed, int Inserted, int Deleted, int Moved, int BeyondArchive, int Furniture = 0, int Resegmented = 0);

/// <summary>Where and how surely the archived article was found in the live page.</summary>
/// <param name="Strength">The share of the archived text's distinct 5-character shingles found in the located part.</param>
/// <param name="Selector">A CSS path to the located element (useful for ignore rules); null when Readability's extraction was used.</param>
public sealed record ArticleMatch(LocateMethod Method, double Strength, string? Selector);

/// <summary>The text drift of one seed. Every score is defined in docs/report-schema.md.</summary>
/// <param name="Similarity">Token-level Dice similarity of the archived text and the live article, weighted by block length (0..1).</param>
/// <param name="Retained">The share of archived tokens found, in order, in the live article.</param>
/// <param name="Coverage">The share of the live article's tokens the archive holds.</param>
/// <param name="Jaccard">Jaccard similarity of the 5-character shingle sets.</param>
/// <param name="SimHashDistance">Hamming distance between the two 64-bit SimHash fingerprints (0..64).</param>
/// <param name="Blocks">The title (when it changed) and then every block in reading order.</param>
/// <param name="Error">Why the live page's text could not be compared; null when it was.</param>
public sealed record TextComparison(
    double Similarity,
    double Retained,
    double Coverage,
    double Jaccard,
    int SimHashDistance,
    Severity Severity,
    ArticleMatch? Match,
    BlockCounts Counts,
    IReadOnlyList<BlockDiff> Blocks,
    string? Error = null)
{
    public static TextComparison Failed(string error) => new(0, 0, 0, 0, 64, Severity.Major, null, new BlockCounts(0, 0, 0, 0, 0, 0, 0), [], error);

    public bool HasChanges => Severity is Severity.Minor or Severity.Major or Severity.Replaced;
}
