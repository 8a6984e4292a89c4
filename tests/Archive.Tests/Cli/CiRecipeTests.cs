using System.Text;
using System.Text.RegularExpressions;
using Archive.Cli;
using YamlDotNet.RepresentationModel;

namespace Archive.Tests.Cli;

/// <summary>
/// The CI recipes in docs/ci are what users copy: they must parse, run only commands and options the tool has,
/// let a crashed shard fail the nightly, and (on Kubernetes) merge only after every shard has completed.
/// </summary>
public sealed class CiRecipeTests
{
    private static string Recipe(string name) => File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "ci", name));

    private static List<YamlMappingNode> Documents(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Select(d => (YamlMappingNode)d.RootNode).ToList();
    }

    private static YamlNode At(YamlNode node, params string[] path) =>
        path.Aggregate(node, (n, key) => ((YamlMappingNode)n).Children[new YamlScalarNode(key)]);

    private static bool Has(YamlNode node, string key) => node is YamlMappingNode map && map.Children.ContainsKey(new YamlScalarNode(key));

    private static IEnumerable<string> Scalars(YamlNode node) => node switch
    {
        YamlScalarNode scalar => [scalar.Value ?? string.Empty],
        YamlSequenceNode sequence => sequence.Children.SelectMany(Scalars),
        YamlMappingNode map => map.Children.Values.SelectMany(Scalars),
        _ => [],
    };

    /// <summary>Every <c>./archive …</c> command in shell text, with CI expressions replaced by sample values, split as a shell would.</summary>
    private static List<string[]> ArchiveCommands(string shell)
    {
        var text = shell.Replace("\\\n", " ", StringComparison.Ordinal);
        text = Regex.Replace(text, @"\$\{\{\s*github\.server_url\s*\}\}", "https://github.com");
        text = Regex.Replace(text, @"\$\{\{[^}]*\}\}", "1");
        text = Regex.Replace(text, @"\$\(\([^)]*\)\)", "1");
        return Regex.Matches(text, @"\./archive\s+([^;&|\n]+)").Select(m => Split(m.Groups[1].Value)).ToList();
    }

    private static string[] Split(string command)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        char? quote = null;
        foreach (var c in command)
        {
            if (quote is { } q)
            {
                if (c == q)
                {
                    quote = null;
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (word.Length > 0)
                {
                    words.Add(word.ToString());
                    word.Clear();
                }
            }
            else
            {
                word.Append(c);
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return [.. words];
    }

    private static void AssertTheToolAccepts(IReadOnlyList<string[]> commands, string recipe)
    {
        Assert.That(commands, Is.Not.Empty, recipe + " runs the tool");
        foreach (var args in commands)
        {
            var parse = ArchiveCli.Build(CliConsole.Plain(TextWriter.Null, TextWriter.Null)).Parse(args);
            Assert.That(parse.Errors.Select(e => e.Message), Is.Empty, $"{recipe}: ./archive {string.Join(' ', args)}");
        }
    }

    [Test]
    public void TheGitHubRecipeRunsRealCommandsLetsACrashFailAndMayPublishChecks()
    {
        var workflow = Documents(Recipe("github-actions.yml")).Single();
        var jobs = (YamlMappingNode)At(workflow, "jobs");
        var runs = jobs.Children.Values.SelectMany(job => ((YamlSequenceNode)At(job, "steps")).Children.Where(s => Has(s, "run")).Select(s => ((YamlScalarNode)At(s, "run")).Value!)).ToList();
        AssertTheToolAccepts(runs.SelectMany(ArchiveCommands).ToList(), "github-actions.yml");

        var check = runs.Single(r => r.Contains("./archive check", StringComparison.Ordinal));
        Assert.That(check, Does.Not.Contain("|| echo"), "a shard's exit code is never swallowed");
        Assert.That(check, Does.Contain("[ \"$code\" -le 1 ]"), "exit 2 or 3 fails the shard");
        Assert.That(((YamlScalarNode)At(jobs, "merge", "permissions", "checks")).Value, Is.EqualTo("write"), "the JUnit reporter needs to write checks");
        var merge = runs.Single(r => r.Contains("./archive merge", StringComparison.Ordinal));
        Assert.That(merge, Does.Contain("cat shards/shard-*/snapshots/history.jsonl"), "the shards' histories are joined, not overwritten");
    }

    [Test]
    public void TheKubernetesRecipeBuildsPerPodAndMergesOnlyAfterEveryShard()
    {
        var documents = Documents(Recipe("kubernetes-indexed-job.yml"));
        var jobs = documents.Where(d => ((YamlScalarNode)At(d, "kind")).Value == "Job").ToDictionary(d => ((YamlScalarNode)At(d, "metadata", "name")).Value!);
        Assert.That(jobs.Keys, Is.EquivalentTo(new[] { "archive-check", "archive-merge" }));
        var commands = jobs.Values.SelectMany(j => ((YamlSequenceNode)At(j, "spec", "template", "spec", "containers")).Children)
            .Select(c => string.Join(' ', Scalars(At(c, "command")).Concat(Has(c, "args") ? Scalars(At(c, "args")) : [])))
            .ToList();
        AssertTheToolAccepts(commands.SelectMany(ArchiveCommands).ToList(), "kubernetes-indexed-job.yml");
        Assert.That(commands.Where(c => c.Contains("./archive", StringComparison.Ordinal)), Is.All.Contains("cd /build"), "each pod builds in its own folder");

        var check = jobs["archive-check"];
        Assert.That(((YamlScalarNode)At(check, "spec", "completionMode")).Value, Is.EqualTo("Indexed"));
        var build = ((YamlSequenceNode)At(check, "spec", "template", "spec", "volumes")).Children.Single(v => ((YamlScalarNode)At(v, "name")).Value == "build");
        Assert.That(Has(build, "emptyDir"), Is.True, "the build folder is the pod's own");

        var wait = ((YamlSequenceNode)At(jobs["archive-merge"], "spec", "template", "spec", "initContainers")).Children.First();
        Assert.That(string.Join(' ', Scalars(At(wait, "command"))), Is.EqualTo("kubectl wait --for=condition=complete job/archive-check --timeout=6h"), "the merge waits for every index");
        Assert.That(documents.Any(d => ((YamlScalarNode)At(d, "kind")).Value == "Role" && Scalars(d).Contains("jobs")), Is.True, "the merge may watch jobs");
    }
}
