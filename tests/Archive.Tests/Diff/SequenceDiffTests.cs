using Archive.Diff;

namespace Archive.Tests.Diff;

public sealed class SequenceDiffTests
{
    [Test]
    public void RandomSequencesGetAValidAndMinimalScript()
    {
        var random = new Random(20261124);
        for (var round = 0; round < 2000; round++)
        {
            var a = Enumerable.Range(0, random.Next(0, 30)).Select(_ => random.Next(0, 5)).ToArray();
            var b = Enumerable.Range(0, random.Next(0, 30)).Select(_ => random.Next(0, 5)).ToArray();
            var edits = SequenceDiff.Diff(a, b);

            var rebuilt = new List<int>();
            var kept = 0;
            int ai = 0, bi = 0;
            foreach (var e in edits)
            {
                Assert.That(e.AStart, Is.EqualTo(ai), "edits cover the old sequence in order");
                Assert.That(e.BStart, Is.EqualTo(bi), "edits cover the new sequence in order");
                if (e.Op == EditOp.Equal)
                {
                    Assert.That(a.AsSpan(e.AStart, e.ALength).SequenceEqual(b.AsSpan(e.BStart, e.BLength)), Is.True);
                    kept += e.ALength;
                }

                if (e.Op != EditOp.Delete)
                {
                    rebuilt.AddRange(b.AsSpan(e.BStart, e.BLength).ToArray());
                }

                ai += e.ALength;
                bi += e.BLength;
            }

            Assert.That(rebuilt, Is.EqualTo(b));
            Assert.That((ai, bi), Is.EqualTo((a.Length, b.Length)));
            Assert.That(kept, Is.EqualTo(Lcs(a, b)), $"round {round}: the script keeps a longest common subsequence");
        }
    }

    [Test]
    public void PastItsBudgetADiffGivesUpAsReplaceAllInsteadOfRunningOn()
    {
        var a = Enumerable.Range(0, 20_000).ToArray();
        var b = Enumerable.Range(0, 20_000).Select(i => (i * 7919) % 20_000 + 20_000).ToArray();
        var edits = SequenceDiff.Diff(a, b, budget: 10_000);
        Assert.That(edits.Select(e => e.Op), Is.EqualTo(new[] { EditOp.Delete, EditOp.Insert }));
    }

    private static int Lcs(int[] a, int[] b)
    {
        var table = new int[a.Length + 1, b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                table[i, j] = a[i - 1] == b[j - 1] ? table[i - 1, j - 1] + 1 : Math.Max(table[i - 1, j], table[i, j - 1]);
            }
        }

        return table[a.Length, b.Length];
    }
}
