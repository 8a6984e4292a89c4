using Archive.Seeds;

namespace Archive.Diff;

public enum BlockOp
{
    Equal,
    Insert,
    Delete,
    Replace,
    Move,
}

/// <summary>One step of the block-level diff: an archived block, a live block, or both.</summary>
public sealed record BlockDiff(BlockOp Op, string? Archived, string? Live);

/// <param name="Similarity">0..1: how much of the archived text the live page still holds (see docs/report-schema.md).</param>
public sealed record TextComparison(double Similarity, IReadOnlyList<BlockDiff> Blocks)
{
    public bool HasChanges => Blocks.Any(b => b.Op != BlockOp.Equal);
}

/// <summary>
/// The first text check: is each archived block still in the live page, word for word after normalisation?
/// A block found is <see cref="BlockOp.Equal"/>, one not found is <see cref="BlockOp.Delete"/>; similarity is the
/// share of archived characters in blocks still found. It cannot yet say what a changed block became (that is
/// the alignment diff's job); what it says, it says truthfully.
/// </summary>
public static class ArchivedTextPresence
{
    public static TextComparison Compare(ArchivedDocument archived, string liveText)
    {
        var live = TextNormalizer.Normalize(liveText);
        var blocks = new List<BlockDiff>(archived.Blocks.Count);
        double total = 0, found = 0;
        foreach (var block in archived.Blocks)
        {
            var text = TextNormalizer.Normalize(block.Text);
            if (text.Length == 0)
            {
                continue;
            }

            var present = live.Contains(text, StringComparison.Ordinal);
            total += text.Length;
            found += present ? text.Length : 0;
            blocks.Add(new BlockDiff(present ? BlockOp.Equal : BlockOp.Delete, block.Text, present ? block.Text : null));
        }

        return new TextComparison(total == 0 ? 1 : Math.Round(found / total, 4), blocks);
    }
}
