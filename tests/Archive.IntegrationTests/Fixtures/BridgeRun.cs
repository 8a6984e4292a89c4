using Archive.Pipeline;
using Archive.Report;
using Archive.Seeds;
using Archive.TestSite;
using Archive.Verdict;

namespace Archive.IntegrationTests.Fixtures;

/// <summary>
/// One seed (the harbour-bridge article) checked again and again against a live site whose page a test changes
/// between runs: the set-up that acceptance, comparisons and the screenshot policy all need.
/// </summary>
internal sealed class BridgeRun : IAsyncDisposable
{
    /// <summary>The sentence <see cref="Edited"/> puts in place of a paragraph.</summary>
    public const string Rewritten = "The council has since withdrawn its approval of the crossing, a spokesperson said.";

    private BridgeRun(LiveSite site, string root, Seed seed)
    {
        Site = site;
        Root = root;
        Seed = seed;
        Blocks = Articles.LiveBlocks(seed);
        Paragraph = Blocks.FindIndex(b => b.Kind == LiveKind.Paragraph && b.Text.Length > 40);
    }

    public LiveSite Site { get; }

    /// <summary>The scratch folder: <c>seeds/bridge.txt</c> and <c>snapshots/</c>.</summary>
    public string Root { get; }

    public Seed Seed { get; }

    /// <summary>The live page's blocks as archived.</summary>
    public List<LiveBlockSpec> Blocks { get; }

    /// <summary>The first paragraph long enough to edit.</summary>
    public int Paragraph { get; }

    public string Snapshots => Path.Combine(Root, "snapshots");

    /// <summary>The archived blocks with <see cref="Paragraph"/> rewritten.</summary>
    public List<LiveBlockSpec> Edited => Drift.Rewrite(Blocks, Paragraph, Rewritten);

    /// <summary>Starts the site, writes the seed and serves the page as archived.</summary>
    public static async Task<BridgeRun> StartAsync(string prefix)
    {
        Harness.RequireBrowser();
        var site = await LiveSite.StartAsync();
        var root = Directory.CreateTempSubdirectory(prefix).FullName;
        var run = new BridgeRun(site, root, Articles.Read(Articles.Fixture("harbour-bridge")));
        Directory.CreateDirectory(Path.Combine(root, "seeds"));
        File.WriteAllText(Path.Combine(root, "seeds", "bridge.txt"), Articles.SeedText(run.Seed.Title, LiveSite.Public("bridge"), run.Blocks));
        run.Serve(run.Blocks);
        return run;
    }

    /// <summary>What the live page shows from now on.</summary>
    public void Serve(IEnumerable<LiveBlockSpec> blocks) => Site.Html("/bridge", NewsChrome.Page(Seed.Title, blocks, lang: "en"));

    public Task<(RunReport Report, ExitCode Exit)> CheckAsync(CheckOptions options) => Harness.RunAsync(options, Path.Combine(Root, "seeds"));

    public ValueTask DisposeAsync() => new(Harness.CleanUpAsync(Site, Root));
}
