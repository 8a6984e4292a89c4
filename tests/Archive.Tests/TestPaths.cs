namespace Archive.Tests;

/// <summary>Where the repository, its seeds and the shared corpus are, wherever the tests run from.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot => TestSite.Repository.Root;

    public static string Seeds => Path.Combine(RepositoryRoot, "seeds");

    public static string UserSeed => Path.Combine(Seeds, "000_4506d4644e1b47ed.txt");

    public static string Fixtures => Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures");

    /// <summary>The shared corpus of real archived articles; it is not ours, so it is read in place and never copied.</summary>
    public static string Corpus => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "corpus"));

    public static IReadOnlyList<string> CorpusFiles() =>
        Directory.Exists(Corpus)
            ? Directory.EnumerateFiles(Corpus, "*.md", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != "README.md").Order(StringComparer.Ordinal).ToList()
            : [];

    /// <summary>Sample WARC and WACZ files made by other archiving tools; read in place, never copied.</summary>
    public static string WarcSamples => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "warc"));

    public static string WarcSample(string name)
    {
        var path = Path.Combine(WarcSamples, name);
        if (!File.Exists(path))
        {
            Assert.Ignore($"The shared WARC samples are not at {WarcSamples}; these tests need them beside the repository.");
        }

        return path;
    }

    public static void RequireCorpus()
    {
        if (CorpusFiles().Count == 0)
        {
            Assert.Ignore($"The shared corpus is not at {Corpus}; these tests need it beside the repository.");
        }
    }
}
