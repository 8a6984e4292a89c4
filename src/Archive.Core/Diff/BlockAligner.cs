namespace Archive.Diff;

/// <summary>One step of the block alignment: indexes into the archived and live block lists.</summary>
/// <param name="Diff">The token diff of a <see cref="BlockOp.Replace"/>, or of a <see cref="BlockOp.Move"/> whose text changed too.</param>
internal sealed record AlignedBlock(BlockOp Op, int? Archived, int? Live, TokenDiffResult? Diff)
{
    /// <summary>Tokens of the archived block still found, in order, in the live one.</summary>
    public int Matched(IReadOnlyList<TokenizedText> archived) => Op switch
    {
        BlockOp.Equal => archived[Archived!.Value].Count,
        BlockOp.Move or BlockOp.Replace => Diff?.Matched ?? archived[Archived!.Value].Count,
        _ => 0,
    };
}

/// <summary>
/// The block level of the two-level diff. Blocks that are equal token for token are aligned first by Myers' diff
/// over whole blocks; within each stretch between those anchors, archived and live blocks are paired in order by
/// similarity (a longest-common-subsequence over block similarity) and become replacements; what is left is
/// searched across the whole text for its counterpart, so that a paragraph that changed place is one move, not a
/// deletion here and an insertion there.
/// </summary>
internal static class BlockAligner
{
    /// <summary>Blocks between the same anchors pair up when at least this share of their tokens is common.</summary>
    public const double PairSimilarity = 0.5;

    /// <summary>A block found elsewhere is a move when at least this share of its tokens is common with it.</summary>
    public const double MoveSimilarity = 0.7;

    /// <summary>Up to this many blocks replaced by as many unlike ones at the same place pair up in order as rewrites.</summary>
    public const int MaxPositionalRun = 3;

    // Past this many block pairs in one stretch, pairing is greedy instead of a full LCS table.
    private const int MaxPairTable = 250_000;

    /// <param name="cancellationToken">The seed's time limit: pairing a huge live page's blocks is quadratic in the worst case.</param>
    public static List<AlignedBlock> Align(IReadOnlyList<TokenizedText> archived, IReadOnlyList<TokenizedText> live, TokenInterner interner, CancellationToken cancellationToken = default)
    {
        var aIds = archived.Select(interner.SequenceId).ToArray();
        var bIds = live.Select(interner.SequenceId).ToArray();
        var edits = SequenceDiff.Diff(aIds, bIds);

        // Archived index → (live index, op) and the reverse, for every pairing made.
        var pairOfA = new Dictionary<int, (int Live, BlockOp Op)>();
        var pairOfB = new Dictionary<int, int>();
        var gaps = Gaps(edits);

        // Exact moves: the same text deleted in one place and inserted in another.
        var insertedById = new Dictionary<int, Queue<int>>();
        foreach (var gap in gaps)
        {
            for (var j = gap.BStart; j < gap.BStart + gap.BLength; j++)
            {
                if (!insertedById.TryGetValue(bIds[j], out var queue))
                {
                    insertedById[bIds[j]] = queue = new Queue<int>();
                }

                queue.Enqueue(j);
            }
        }

        foreach (var gap in gaps)
        {
            for (var i = gap.AStart; i < gap.AStart + gap.ALength; i++)
            {
                if (insertedById.TryGetValue(aIds[i], out var queue) && queue.Count > 0)
                {
                    Pair(i, queue.Dequeue(), BlockOp.Move);
                }
            }
        }

        foreach (var gap in gaps)
        {
            var a = Range(gap.AStart, gap.ALength).Where(i => !pairOfA.ContainsKey(i)).ToList();
            var b = Range(gap.BStart, gap.BLength).Where(j => !pairOfB.ContainsKey(j)).ToList();
            if (a.Count == 1 && b.Count == 1)
            {
                // One block in, one block out at the same place: however much it was rewritten, it is that block.
                Pair(a[0], b[0], BlockOp.Replace);
                continue;
            }

            var pairs = OrderedPairs(a, b, archived, live, cancellationToken);
            if (pairs.Count == 0 && a.Count == b.Count && a.Count <= MaxPositionalRun)
            {
                // A few blocks out and as many in at the same place, none alike: each was rewritten in turn.
                pairs = a.Zip(b).ToList();
            }

            foreach (var (i, j) in pairs)
            {
                Pair(i, j, BlockOp.Replace);
            }
        }

        // Moved and edited: what is still unpaired, matched anywhere by similarity, most similar first.
        var leftA = Enumerable.Range(0, archived.Count).Where(i => !pairOfA.ContainsKey(i) && !IsEqualAnchor(i)).ToList();
        var leftB = Enumerable.Range(0, live.Count).Where(j => !pairOfB.ContainsKey(j) && IsInGap(j)).ToList();
        if ((long)leftA.Count * leftB.Count <= MaxPairTable)
        {
            var candidates = (from i in leftA
                              where !cancellationToken.IsCancellationRequested
                              from j in leftB
                              let s = archived[i].BagSimilarity(live[j])
                              where s >= MoveSimilarity
                              orderby s descending, i, j
                              select (i, j)).ToList();
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var (i, j) in candidates)
            {
                if (!pairOfA.ContainsKey(i) && !pairOfB.ContainsKey(j))
                {
                    Pair(i, j, BlockOp.Move);
                }
            }
        }

        return Assemble(edits, pairOfA, pairOfB, archived, live);

        void Pair(int i, int j, BlockOp op)
        {
            pairOfA[i] = (j, op);
            pairOfB[j] = i;
        }

        bool IsEqualAnchor(int i) => !gaps.Any(g => i >= g.AStart && i < g.AStart + g.ALength);

        bool IsInGap(int j) => gaps.Any(g => j >= g.BStart && j < g.BStart + g.BLength);
    }

    private static List<Edit> Gaps(List<Edit> edits)
    {
        var gaps = new List<Edit>();
        foreach (var e in edits)
        {
            if (e.Op == EditOp.Equal)
            {
                continue;
            }

            if (gaps.Count > 0 && gaps[^1].AStart + gaps[^1].ALength == e.AStart && gaps[^1].BStart + gaps[^1].BLength == e.BStart
                && (e.Op == EditOp.Insert || gaps[^1].BLength == 0))
            {
                var last = gaps[^1];
                gaps[^1] = last with { ALength = last.ALength + e.ALength, BLength = last.BLength + e.BLength };
            }
            else
            {
                gaps.Add(new Edit(EditOp.Delete, e.AStart, e.ALength, e.BStart, e.BLength));
            }
        }

        return gaps;
    }

    /// <summary>The order-preserving pairing of two block lists that maximises total similarity, pairs below <see cref="PairSimilarity"/> excluded.</summary>
    private static List<(int A, int B)> OrderedPairs(List<int> a, List<int> b, IReadOnlyList<TokenizedText> archived, IReadOnlyList<TokenizedText> live, CancellationToken cancellationToken)
    {
        var pairs = new List<(int, int)>();
        if (a.Count == 0 || b.Count == 0)
        {
            return pairs;
        }

        if ((long)a.Count * b.Count > MaxPairTable)
        {
            var from = 0;
            foreach (var i in a)
            {
                for (var k = from; k < b.Count; k++)
                {
                    if (archived[i].BagSimilarity(live[b[k]]) >= PairSimilarity)
                    {
                        pairs.Add((i, b[k]));
                        from = k + 1;
                        break;
                    }
                }
            }

            return pairs;
        }

        var p = a.Count;
        var q = b.Count;
        var sim = new double[p, q];
        var best = new double[p + 1, q + 1];
        for (var x = p - 1; x >= 0; x--)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var y = q - 1; y >= 0; y--)
            {
                var s = archived[a[x]].BagSimilarity(live[b[y]]);
                sim[x, y] = s >= PairSimilarity ? s : 0;
                best[x, y] = Math.Max(Math.Max(best[x + 1, y], best[x, y + 1]), sim[x, y] > 0 ? sim[x, y] + best[x + 1, y + 1] : 0);
            }
        }

        for (int x = 0, y = 0; x < p && y < q;)
        {
            if (sim[x, y] > 0 && best[x, y] == sim[x, y] + best[x + 1, y + 1])
            {
                pairs.Add((a[x], b[y]));
                x++;
                y++;
            }
            else if (best[x, y] == best[x + 1, y])
            {
                x++;
            }
            else
            {
                y++;
            }
        }

        return pairs;
    }

    /// <summary>Lays the alignment out in reading order: anchors and replacements in place, deletions where the archived block stood, insertions and moves where the live block stands.</summary>
    private static List<AlignedBlock> Assemble(
        List<Edit> edits,
        Dictionary<int, (int Live, BlockOp Op)> pairOfA,
        Dictionary<int, int> pairOfB,
        IReadOnlyList<TokenizedText> archived,
        IReadOnlyList<TokenizedText> live)
    {
        var result = new List<AlignedBlock>(Math.Max(archived.Count, live.Count));
        foreach (var gap in Gaps(edits).Concat(edits.Where(e => e.Op == EditOp.Equal)).OrderBy(e => e.AStart).ThenBy(e => e.BStart))
        {
            if (gap.Op == EditOp.Equal)
            {
                for (var k = 0; k < gap.ALength; k++)
                {
                    result.Add(new AlignedBlock(BlockOp.Equal, gap.AStart + k, gap.BStart + k, null));
                }

                continue;
            }

            int i = gap.AStart, j = gap.BStart, aEnd = gap.AStart + gap.ALength, bEnd = gap.BStart + gap.BLength;
            while (i < aEnd || j < bEnd)
            {
                if (i < aEnd && !(pairOfA.TryGetValue(i, out var pa) && pa.Op == BlockOp.Replace))
                {
                    if (!pairOfA.ContainsKey(i))
                    {
                        result.Add(new AlignedBlock(BlockOp.Delete, i, null, null));
                    }

                    i++;
                    continue;
                }

                if (j < bEnd && !(pairOfB.TryGetValue(j, out var qa) && pairOfA[qa].Op == BlockOp.Replace))
                {
                    result.Add(pairOfB.TryGetValue(j, out var source)
                        ? new AlignedBlock(BlockOp.Move, source, j, aDiff(source, j))
                        : new AlignedBlock(BlockOp.Insert, null, j, null));
                    j++;
                    continue;
                }

                result.Add(new AlignedBlock(BlockOp.Replace, i, j, TokenDiff.Compare(archived[i], live[j])));
                i++;
                j++;
            }
        }

        return result;

        TokenDiffResult? aDiff(int source, int target) =>
            archived[source].Ids.AsSpan().SequenceEqual(live[target].Ids) ? null : TokenDiff.Compare(archived[source], live[target]);
    }

    private static IEnumerable<int> Range(int start, int count) => Enumerable.Range(start, count);
}
