namespace Archive.Diff;

/// <summary>
/// Finds where the archive and the live page hold the same words with the block boundaries in other places: lines a
/// body keeps as separate paragraphs that the live page joins with <c>&lt;br&gt;</c>, a paragraph split in two, a
/// table row against its cells. Such a run of steps is one cosmetic <see cref="BlockOp.Resegmented"/> note, not N
/// replacements, insertions and deletions.
/// </summary>
internal static class Resegmentation
{
    /// <summary>Runs longer than this are not searched for a re-segmentation inside them (the search is quadratic in the run).</summary>
    public const int MaxRun = 40;

    /// <summary>
    /// Ranges <c>[Start, End)</c> of <paramref name="aligned"/>: runs of two or more replacements, insertions and
    /// deletions whose archived tokens, read across the block boundaries, are exactly the live ones.
    /// </summary>
    public static List<(int Start, int End)> Find(List<AlignedBlock> aligned, IReadOnlyList<TokenizedText> archived, IReadOnlyList<TokenizedText> live)
    {
        var found = new List<(int, int)>();
        var i = 0;
        while (i < aligned.Count)
        {
            if (!Joinable(aligned[i]))
            {
                i++;
                continue;
            }

            var end = i;
            while (end < aligned.Count && Joinable(aligned[end]) && end - i < MaxRun)
            {
                end++;
            }

            // Within the run, the longest stretch from each start whose two token streams are the same.
            var s = i;
            while (s < end - 1)
            {
                var match = -1;
                for (var e = end; e >= s + 2; e--)
                {
                    if (SameStream(aligned, s, e, archived, live))
                    {
                        match = e;
                        break;
                    }
                }

                if (match < 0)
                {
                    s++;
                    continue;
                }

                found.Add((s, match));
                s = match;
            }

            i = end;
        }

        return found;
    }

    private static bool Joinable(AlignedBlock step) => step.Op is BlockOp.Replace or BlockOp.Insert or BlockOp.Delete;

    private static bool SameStream(List<AlignedBlock> aligned, int start, int end, IReadOnlyList<TokenizedText> archived, IReadOnlyList<TokenizedText> live)
    {
        var steps = aligned.Skip(start).Take(end - start).ToList();
        var a = steps.Where(s => s.Archived is not null).Select(s => s.Archived!.Value).Order().ToList();
        var b = steps.Where(s => s.Live is not null).Select(s => s.Live!.Value).Order().ToList();
        if (a.Count == 0 || b.Count == 0)
        {
            return false;
        }

        var left = a.SelectMany(x => archived[x].Ids);
        var right = b.SelectMany(x => live[x].Ids);
        return left.SequenceEqual(right);
    }
}
