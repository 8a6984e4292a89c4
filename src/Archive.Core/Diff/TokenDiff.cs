namespace Archive.Diff;

/// <summary>One run of a changed block's text: kept, removed from the archived text, or added in the live text.</summary>
public sealed record TextChange(EditOp Op, string Text);

/// <param name="Matched">Tokens the two texts share in order (the length of their longest common subsequence).</param>
internal sealed record TokenDiffResult(IReadOnlyList<TextChange> Changes, int Matched);

/// <summary>
/// The word-level (character-level for CJK) diff inside a changed block, cleaned up so that highlights read well:
/// a short run of kept text between two changes larger than it is folded into them, as diff-match-patch's semantic
/// clean-up does, so "the quick brown fox" → "a slow brown dog" does not read as four separate edits.
/// </summary>
internal static class TokenDiff
{
    public static TokenDiffResult Compare(TokenizedText archived, TokenizedText live)
    {
        var edits = SequenceDiff.Diff(archived.Ids, live.Ids);
        var matched = edits.Where(e => e.Op == EditOp.Equal).Sum(e => e.ALength);
        edits = CleanUp(edits, archived, live);

        var changes = new List<TextChange>(edits.Count);
        foreach (var edit in edits)
        {
            var change = edit.Op switch
            {
                EditOp.Equal => new TextChange(EditOp.Equal, Tokenizer.Span(live.Text, live.Tokens, edit.BStart, edit.BStart + edit.BLength)),
                EditOp.Delete => new TextChange(EditOp.Delete, Tokenizer.Span(archived.Text, archived.Tokens, edit.AStart, edit.AStart + edit.ALength)),
                _ => new TextChange(EditOp.Insert, Tokenizer.Span(live.Text, live.Tokens, edit.BStart, edit.BStart + edit.BLength)),
            };
            changes.Add(change);
        }

        return new TokenDiffResult(changes, matched);
    }

    private static List<Edit> CleanUp(List<Edit> edits, TokenizedText archived, TokenizedText live)
    {
        bool changed;
        do
        {
            changed = false;
            for (var i = 1; i < edits.Count - 1; i++)
            {
                if (edits[i].Op != EditOp.Equal)
                {
                    continue;
                }

                var kept = Chars(live, edits[i].BStart, edits[i].BLength);
                var before = ChangeSize(edits, i, -1, archived, live);
                var after = ChangeSize(edits, i, +1, archived, live);
                if (before > 0 && after > 0 && kept <= before && kept <= after)
                {
                    var e = edits[i];
                    edits[i] = new Edit(EditOp.Delete, e.AStart, e.ALength, e.BStart, 0);
                    edits.Insert(i + 1, new Edit(EditOp.Insert, e.AStart + e.ALength, 0, e.BStart, e.BLength));
                    edits = SequenceDiff.Merge(edits);
                    changed = true;
                    break;
                }
            }
        }
        while (changed);

        return edits;
    }

    /// <summary>The larger of the deleted and inserted character counts in the change next to edit <paramref name="at"/>.</summary>
    private static int ChangeSize(List<Edit> edits, int at, int direction, TokenizedText archived, TokenizedText live)
    {
        int deleted = 0, inserted = 0;
        for (var i = at + direction; i >= 0 && i < edits.Count && edits[i].Op != EditOp.Equal; i += direction)
        {
            deleted += Chars(archived, edits[i].AStart, edits[i].ALength);
            inserted += Chars(live, edits[i].BStart, edits[i].BLength);
        }

        return Math.Max(deleted, inserted);
    }

    private static int Chars(TokenizedText text, int start, int count)
    {
        var sum = 0;
        for (var i = start; i < start + count; i++)
        {
            sum += text.Tokens[i].Length;
        }

        return sum;
    }
}
