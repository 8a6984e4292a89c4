using System.Buffers;

namespace Archive.Diff;

public enum EditOp
{
    Equal,
    Delete,
    Insert,
}

/// <summary>A run of one kind in an edit script: items [AStart, AStart + ALength) of the old sequence, [BStart, BStart + BLength) of the new.</summary>
internal readonly record struct Edit(EditOp Op, int AStart, int ALength, int BStart, int BLength);

/// <summary>
/// Myers' O(ND) difference algorithm in its linear-space form (the "middle snake" bisection, as in Myers 1986 §4b
/// and diff-match-patch): memory grows with N + M, never N × M, and the recursion is O(log D) deep. Sequences are
/// of integers, so blocks and tokens both diff here once interned.
/// </summary>
internal static class SequenceDiff
{
    /// <summary>
    /// Past this many diagonals explored (D² for a bisection that needs D steps) a sub-problem is given up and
    /// reported as delete-all, insert-all: an untrusted page that shares little with a long archived text must not
    /// cost quadratic time. Ordinary edits never come near it.
    /// </summary>
    public const long DefaultBudget = 50_000_000;

    public static List<Edit> Diff(ReadOnlySpan<int> a, ReadOnlySpan<int> b, long budget = DefaultBudget)
    {
        var edits = new List<Edit>();
        var remaining = budget;
        Run(a, b, 0, 0, edits, ref remaining);
        return Merge(edits);
    }

    private static void Run(ReadOnlySpan<int> a, ReadOnlySpan<int> b, int aOffset, int bOffset, List<Edit> edits, ref long budget)
    {
        var prefix = CommonPrefix(a, b);
        if (prefix > 0)
        {
            edits.Add(new Edit(EditOp.Equal, aOffset, prefix, bOffset, prefix));
            a = a[prefix..];
            b = b[prefix..];
            aOffset += prefix;
            bOffset += prefix;
        }

        var suffix = CommonSuffix(a, b);
        var aMiddle = a[..^suffix];
        var bMiddle = b[..^suffix];

        if (aMiddle.Length == 0 || bMiddle.Length == 0)
        {
            AddChange(edits, aOffset, aMiddle.Length, bOffset, bMiddle.Length);
        }
        else if (Bisect(aMiddle, bMiddle, ref budget) is var (x, y))
        {
            Run(aMiddle[..x], bMiddle[..y], aOffset, bOffset, edits, ref budget);
            Run(aMiddle[x..], bMiddle[y..], aOffset + x, bOffset + y, edits, ref budget);
        }
        else
        {
            AddChange(edits, aOffset, aMiddle.Length, bOffset, bMiddle.Length);
        }

        if (suffix > 0)
        {
            edits.Add(new Edit(EditOp.Equal, aOffset + aMiddle.Length, suffix, bOffset + bMiddle.Length, suffix));
        }
    }

    private static void AddChange(List<Edit> edits, int aStart, int aLength, int bStart, int bLength)
    {
        if (aLength > 0)
        {
            edits.Add(new Edit(EditOp.Delete, aStart, aLength, bStart, 0));
        }

        if (bLength > 0)
        {
            edits.Add(new Edit(EditOp.Insert, aStart + aLength, 0, bStart, bLength));
        }
    }

    /// <summary>Finds a point on an optimal edit path near its middle, or null when there is none to find (nothing in common, or the budget ran out).</summary>
    private static (int X, int Y)? Bisect(ReadOnlySpan<int> a, ReadOnlySpan<int> b, ref long budget)
    {
        int n = a.Length, m = b.Length;
        var maxD = (n + m + 1) / 2;
        var vOffset = maxD;
        var vLength = 2 * maxD + 2;
        var v1 = ArrayPool<int>.Shared.Rent(vLength);
        var v2 = ArrayPool<int>.Shared.Rent(vLength);
        try
        {
            Array.Fill(v1, -1, 0, vLength);
            Array.Fill(v2, -1, 0, vLength);
            v1[vOffset + 1] = 0;
            v2[vOffset + 1] = 0;
            var delta = n - m;
            var front = (delta & 1) != 0;
            int k1Start = 0, k1End = 0, k2Start = 0, k2End = 0;
            for (var d = 0; d < maxD; d++)
            {
                budget -= 2L * d + 1;
                if (budget < 0)
                {
                    return null;
                }

                for (var k1 = -d + k1Start; k1 <= d - k1End; k1 += 2)
                {
                    var k1Offset = vOffset + k1;
                    var x1 = k1 == -d || (k1 != d && v1[k1Offset - 1] < v1[k1Offset + 1]) ? v1[k1Offset + 1] : v1[k1Offset - 1] + 1;
                    var y1 = x1 - k1;
                    while (x1 < n && y1 < m && a[x1] == b[y1])
                    {
                        x1++;
                        y1++;
                    }

                    v1[k1Offset] = x1;
                    if (x1 > n)
                    {
                        k1End += 2;
                    }
                    else if (y1 > m)
                    {
                        k1Start += 2;
                    }
                    else if (front)
                    {
                        var k2Offset = vOffset + delta - k1;
                        if (k2Offset >= 0 && k2Offset < vLength && v2[k2Offset] != -1 && x1 >= n - v2[k2Offset])
                        {
                            return (x1, y1);
                        }
                    }
                }

                for (var k2 = -d + k2Start; k2 <= d - k2End; k2 += 2)
                {
                    var k2Offset = vOffset + k2;
                    var x2 = k2 == -d || (k2 != d && v2[k2Offset - 1] < v2[k2Offset + 1]) ? v2[k2Offset + 1] : v2[k2Offset - 1] + 1;
                    var y2 = x2 - k2;
                    while (x2 < n && y2 < m && a[n - x2 - 1] == b[m - y2 - 1])
                    {
                        x2++;
                        y2++;
                    }

                    v2[k2Offset] = x2;
                    if (x2 > n)
                    {
                        k2End += 2;
                    }
                    else if (y2 > m)
                    {
                        k2Start += 2;
                    }
                    else if (!front)
                    {
                        var k1Offset = vOffset + delta - k2;
                        if (k1Offset >= 0 && k1Offset < vLength && v1[k1Offset] != -1)
                        {
                            var x1 = v1[k1Offset];
                            var y1 = vOffset + x1 - k1Offset;
                            if (x1 >= n - x2)
                            {
                                return (x1, y1);
                            }
                        }
                    }
                }
            }

            return null;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(v1);
            ArrayPool<int>.Shared.Return(v2);
        }
    }

    private static int CommonPrefix(ReadOnlySpan<int> a, ReadOnlySpan<int> b) => a.CommonPrefixLength(b);

    private static int CommonSuffix(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        var n = Math.Min(a.Length, b.Length);
        var i = 0;
        while (i < n && a[a.Length - 1 - i] == b[b.Length - 1 - i])
        {
            i++;
        }

        return i;
    }

    /// <summary>Joins neighbouring runs of the same kind, deletions before insertions within a change.</summary>
    internal static List<Edit> Merge(List<Edit> edits)
    {
        var merged = new List<Edit>(edits.Count);
        var i = 0;
        while (i < edits.Count)
        {
            if (edits[i].Op == EditOp.Equal)
            {
                var e = edits[i++];
                while (i < edits.Count && edits[i].Op == EditOp.Equal)
                {
                    e = e with { ALength = e.ALength + edits[i].ALength, BLength = e.BLength + edits[i].BLength };
                    i++;
                }

                merged.Add(e);
                continue;
            }

            int aStart = edits[i].AStart, bStart = edits[i].BStart, aLength = 0, bLength = 0;
            while (i < edits.Count && edits[i].Op != EditOp.Equal)
            {
                aLength += edits[i].ALength;
                bLength += edits[i].BLength;
                i++;
            }

            AddChange(merged, aStart, aLength, bStart, bLength);
        }

        return merged;
    }
}
