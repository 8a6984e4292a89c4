using System.Text;
using Archive.Seeds;

namespace Archive.TestSite;

/// <summary>Archived articles as drift tests and benchmarks start from them: read from a seed file, as blocks a live page can render.</summary>
public static class Articles
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>Our own English articles (tests/Archive.Tests/Fixtures/Drift), written for these tests.</summary>
    public static string Fixture(string name) => Path.Combine(RepositoryRoot, "tests", "Archive.Tests", "Fixtures", "Drift", name + ".txt");

    public static string UserSeed => Path.Combine(RepositoryRoot, "seeds", "000_4506d4644e1b47ed.txt");

    public static Seed Read(string path)
    {
        var load = new SeedReader().Parse(path, File.ReadAllBytes(path), DateTimeOffset.UnixEpoch);
        return load.Seed ?? throw new InvalidOperationException(load.Error!.ToString());
    }

    /// <summary>A seed in the archive format holding <paramref name="blocks"/> (an archive derived in a test, such as a truncated one).</summary>
    public static string SeedText(string title, Uri url, IEnumerable<LiveBlockSpec> blocks) =>
        $"<!--1695222902000-->\n[{title}]({url.AbsoluteUri})\n------\n\n{Body(blocks)}\n";

    /// <summary>The archived blocks as a live site renders them.</summary>
    public static List<LiveBlockSpec> LiveBlocks(Seed seed) =>
        seed.Document.Blocks.Select(b => new LiveBlockSpec(
            b.Kind switch
            {
                BlockKind.Heading => LiveKind.Heading,
                BlockKind.ListItem => LiveKind.ListItem,
                BlockKind.Caption => LiveKind.Caption,
                BlockKind.Quote => LiveKind.Quote,
                BlockKind.Text => LiveKind.Text,
                _ => LiveKind.Paragraph,
            },
            b.Text)).ToList();

    public static string Body(IEnumerable<LiveBlockSpec> blocks)
    {
        var html = new StringBuilder();
        NewsChrome.AppendBlocks(html, blocks);
        return html.ToString();
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Archive.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Archive.sln not found above " + AppContext.BaseDirectory);
    }
}
