using System.CommandLine;
using System.Text.Json;
using Archive.Pipeline;
using Archive.Seeds;
using Archive.Snapshots;
using Archive.Verdict;
using Spectre.Console;

namespace Archive.Cli.Commands;

/// <summary>
/// <c>archive export --wacz RUN-OR-SEEDS -o out.wacz</c>: the captures' WARCs as one WACZ package that web-archive
/// tools (ReplayWeb.page, pywb) open. A run is a report.json or the folder holding it (its seeds' snapshots); a
/// seed is an id or a seed file (its latest capture); nothing named means every seed's latest capture.
/// </summary>
internal static class ExportCommand
{
    public static Command Create(CliConsole console)
    {
        var sources = new Argument<string[]>("run-or-seeds") { Description = "A run (report.json, or the reports folder holding it), seed ids or seed files (default: every seed's latest capture).", Arity = ArgumentArity.ZeroOrMore };
        var wacz = new Option<bool>("--wacz") { Description = "Write a WACZ 1.1.1 package (the one format so far)." };
        var output = new Option<string>("--output", "-o") { Description = "The package to write.", Required = true };
        var snapshots = new Option<string>("--snapshots") { Description = "The snapshot store the checks wrote to.", DefaultValueFactory = _ => "snapshots" };
        var command = new Command("export", "Package captures as a WACZ file that web-archive tools replay.") { sources, wacz, output, snapshots };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!parse.GetValue(wacz))
            {
                console.Error.WriteLine("archive export: name the format: --wacz");
                return (int)ExitCode.InputError;
            }

            var store = new SnapshotStore(parse.GetValue(snapshots)!);
            var (found, problems) = Resolve(store, parse.GetValue(sources) ?? []);
            foreach (var problem in problems)
            {
                console.Error.WriteLine($"archive export: {problem}");
            }

            if (found.Count == 0)
            {
                console.Error.WriteLine($"archive export: no capture with a WARC to export in {store.Root}; run 'archive check' first");
                return (int)ExitCode.InputError;
            }

            var path = Path.GetFullPath(parse.GetValue(output)!);
            var pages = await WaczExport.WriteAsync(store, found, path, $"{CheckRunner.Tool.Name}/{CheckRunner.Tool.Version}", TimeProvider.System.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            console.Out.WriteLine($"wrote {path}: {found.Count} capture(s), {pages} page(s)");
            return problems.Count == 0 ? (int)ExitCode.Clean : (int)ExitCode.InputError;
        });
        return command;
    }

    /// <summary>The snapshot folders the arguments name, and what could not be found, each a sentence.</summary>
    private static (List<string> Snapshots, List<string> Problems) Resolve(SnapshotStore store, string[] arguments)
    {
        var snapshots = new List<string>();
        var problems = new List<string>();
        var ids = new List<string>();
        foreach (var argument in arguments)
        {
            var report = Directory.Exists(argument) ? Path.Combine(argument, "report.json") : argument;
            if (report.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && File.Exists(report))
            {
                try
                {
                    using var json = JsonDocument.Parse(File.ReadAllBytes(report));
                    foreach (var seed in json.RootElement.GetProperty("seeds").EnumerateArray())
                    {
                        if (seed.TryGetProperty("snapshot", out var snapshot) && snapshot.GetString() is { } folder && File.Exists(Path.Combine(store.Root, folder, SnapshotStore.WarcFile)))
                        {
                            snapshots.Add(folder.Replace('\\', '/'));
                        }
                    }
                }
                catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IOException)
                {
                    problems.Add($"{report} is not a run's report.json: {e.Message}");
                }
            }
            else if (Directory.Exists(argument))
            {
                problems.Add($"{argument} holds no report.json");
            }
            else
            {
                ids.Add(File.Exists(argument) ? SeedId.FromPath(argument) : argument);
            }
        }

        if (arguments.Length == 0)
        {
            ids.AddRange(store.SeedIds().Where(n => SeedId.Problem(n) is null));
        }

        foreach (var id in ids)
        {
            if (SeedId.Problem(id) is not null)
            {
                problems.Add($"'{id}' is not a seed id");
            }
            else if (store.LatestWarc(id) is { } latest)
            {
                snapshots.Add(latest);
            }
            else if (arguments.Length > 0)
            {
                problems.Add($"{id}: no capture with a WARC in {store.Root}");
            }
        }

        return (snapshots.Distinct(StringComparer.Ordinal).ToList(), problems);
    }
}
