using System.CommandLine;
using System.Text.Json;
using Archive.Report;
using Archive.Verdict;
using Spectre.Console;

namespace Archive.Cli.Commands;

/// <summary>
/// <c>archive merge REPORT...</c>: joins the JSON reports of a run's shards (<c>--shard I/N</c>) into the reports an
/// unsharded run would have written — JSON, HTML, JUnit, Markdown — with the exit code it would have had.
/// </summary>
internal static class MergeCommand
{
    public static Command Create(CliConsole console)
    {
        var inputs = new Argument<string[]>("reports") { Description = "The shards' JSON reports.", Arity = ArgumentArity.OneOrMore };
        var snapshots = new Option<string?>("--snapshots") { Description = "The snapshot store the shards wrote to (gathered in one place), for the HTML report's pictures." };
        var allowPartial = new Option<bool>("--allow-partial") { Description = "Merge even when shards are missing; the gap is recorded in every report." };
        var command = new Command("merge", "Merge shard reports into one set of reports, as one run would have written them.") { inputs, snapshots, allowPartial };
        var reportOptions = new ReportOptions();
        reportOptions.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (reportOptions.Resolve(parse, null, console, out _, out var destinationProblem) is not { } outputs)
            {
                console.Error.WriteLine("archive merge: " + destinationProblem);
                return (int)ExitCode.InputError;
            }

            var terminal = ReportOptions.Terminal(console, outputs);
            var parts = new List<(string Path, RunReport Report)>();
            foreach (var path in parse.GetValue(inputs) ?? [])
            {
                try
                {
                    parts.Add((path, JsonReport.Deserialize(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false))));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
                {
                    terminal.Error.WriteLine($"archive merge: {path}: not a readable report ({e.Message})");
                    return (int)ExitCode.InputError;
                }
            }

            if (parts.Select(p => p.Report.SchemaVersion).Distinct().Count() > 1)
            {
                terminal.Error.WriteLine("archive merge: the reports were written by tools of different schema versions");
                return (int)ExitCode.InputError;
            }

            var (missing, problem) = CheckShards(parts);
            if (problem is not null || (missing.Count > 0 && !parse.GetValue(allowPartial)))
            {
                terminal.Error.WriteLine("archive merge: " + (problem ?? $"shard(s) {string.Join(", ", missing)} of {parts[0].Report.Shard!.Count} missing; give every shard's report, or --allow-partial to merge without them"));
                return (int)ExitCode.InputError;
            }

            var merged = Merge(parts.Select(p => p.Report).ToList()) with { MissingShards = missing.Count > 0 ? missing : null };
            if (merged.Seeds.GroupBy(s => s.Id).FirstOrDefault(g => g.Count() > 1) is { } twice)
            {
                terminal.Error.WriteLine($"archive merge: seed {twice.Key} is in more than one report; were the same shards given twice?");
                return (int)ExitCode.InputError;
            }

            await outputs.WriteAsync(merged, parse.GetValue(snapshots) is { } store ? Path.GetFullPath(store) : null, cancellationToken).ConfigureAwait(false);
            var s = merged.Summary;
            terminal.Out.WriteLine($"merged {parts.Count} report(s): {s.Total} seed(s), {s.Unchanged} unchanged, {s.Changed} changed, {s.Dead} dead, {s.Error} error{(missing.Count > 0 ? $"; shard(s) {string.Join(", ", missing)} missing" : string.Empty)}");
            return (int)Judge.ExitCodeFor(merged.Seeds.Select(x => x.Exit));
        });
        return command;
    }

    /// <summary>
    /// Whether the reports are the shards of one run: the same seed list, the same count, each index once. A report
    /// of a whole run counts as shard 1 of 1.
    /// </summary>
    /// <returns>The missing indexes, or what makes the set no run's shards at all.</returns>
    internal static (List<int> Missing, string? Problem) CheckShards(IReadOnlyList<(string Path, RunReport Report)> parts)
    {
        var first = parts[0];
        var count = first.Report.Shard?.Count ?? 1;
        var seen = new Dictionary<int, string>();
        foreach (var (path, report) in parts)
        {
            var shard = report.Shard ?? new ShardInfo(1, 1);
            if (report.MissingShards is { Count: > 0 })
            {
                return ([], $"{path}: is itself a partial merge; merge the shards' own reports");
            }

            if (shard.Count != count)
            {
                return ([], $"{path}: is shard {shard.Index} of {shard.Count}, but {first.Path} is one of {count}");
            }

            if (report.SeedList != first.Report.SeedList)
            {
                return ([], $"{path}: comes from a run over other seeds than {first.Path} (its seed list differs)");
            }

            if (!seen.TryAdd(shard.Index, path))
            {
                return ([], $"{path}: is shard {shard.Index} of {count} again (so is {seen[shard.Index]})");
            }
        }

        return (Enumerable.Range(1, count).Where(i => !seen.ContainsKey(i)).ToList(), null);
    }

    /// <summary>One run: the seeds in path order (the order a run over one folder checks them), the earliest start and the latest finish.</summary>
    public static RunReport Merge(IReadOnlyList<RunReport> parts)
    {
        var seeds = parts.SelectMany(p => p.Seeds).OrderBy(s => s.Path, StringComparer.Ordinal).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
        return new RunReport(
            parts[0].SchemaVersion,
            parts[0].Tool,
            parts.Min(p => p.StartedAt),
            parts.Max(p => p.FinishedAt),
            RunSummary.Of(seeds),
            seeds)
        {
            SeedList = parts[0].SeedList,
        };
    }
}
