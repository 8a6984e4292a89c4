using System.Text;
using Archive.Seeds;
using Archive.TestSite;

namespace Archive.Tests.Diff;

/// <summary>The archived articles the drift tests start from: the user's seed, two English fixtures of our own, and a few corpus articles when the corpus is present.</summary>
internal static class DriftArticles
{
    public static IEnumerable<string> Paths()
    {
        yield return Articles.UserSeed;
        yield return Articles.Fixture("harbour-bridge");
        yield return Articles.Fixture("wind-farm");

        // One article from each outlet with enough paragraphs to edit.
        foreach (var outlet in TestPaths.CorpusFiles().GroupBy(f => Path.GetFileName(Path.GetDirectoryName(f))))
        {
            var file = outlet.FirstOrDefault(f => Read(f).Document.Blocks.Count(b => b.Kind == BlockKind.Paragraph && b.Text.Length > 40) >= 5);
            if (file is not null)
            {
                yield return file;
            }
        }
    }

    public static Seed Read(string path) => Articles.Read(path);

    /// <summary>A seed read from text in the archive format (for archives derived in a test, such as a truncated one).</summary>
    public static Seed FromBlocks(Seed like, IEnumerable<LiveBlockSpec> blocks)
    {
        var load = new SeedReader().Parse(like.Path, Encoding.UTF8.GetBytes(Articles.SeedText(like.Title, like.SourceUrl, blocks)), DateTimeOffset.UnixEpoch);
        return load.Seed ?? throw new InvalidOperationException(load.Error!.ToString());
    }

    public static List<LiveBlockSpec> LiveBlocks(Seed seed) => Articles.LiveBlocks(seed);

    /// <summary>Index of a body paragraph in the middle of the article, long enough to edit.</summary>
    public static int MiddleParagraph(IReadOnlyList<LiveBlockSpec> blocks)
    {
        var candidates = Enumerable.Range(0, blocks.Count).Where(i => blocks[i].Kind == LiveKind.Paragraph && blocks[i].Text.Length > 40).ToList();
        return candidates[candidates.Count / 2];
    }
}
