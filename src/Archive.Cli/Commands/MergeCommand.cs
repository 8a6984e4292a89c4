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
        var reports = new Option<string>("--reports") { Description = "The folder for the merged reports.", DefaultValueFactory = _ => ReportPaths.DefaultFolder };
        var snapshots = new Option<string?>("--snapshots") { Description = "The snapshot store the shards wrote to (gathered in one place), for the HTML report's pictures." };
        var command = new Command("merge", "Merge shard reports into one set of reports, as one run would have written them.") { inputs, reports, snapshots };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var parts = new List<RunReport>();
            foreach (var path in parse.GetValue(inputs) ?? [])
            {
                try
                {
                    parts.Add(JsonReport.Deserialize(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false)));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
                {
                    console.Error.WriteLine($"archive merge: {path}: not a readable report ({e.Message})");
                    return (int)ExitCode.InputError;
                }
            }

            if (parts.Select(p => p.SchemaVersion).Distinct().Count() > 1)
            {
                console.Error.WriteLine("archive merge: the reports were written by tools of different schema versions");
                return (int)ExitCode.InputError;
            }

            var merged = Merge(parts);
            if (merged.Seeds.GroupBy(s => s.Id).FirstOrDefault(g => g.Count() > 1) is { } twice)
            {
                console.Error.WriteLine($"archive merge: seed {twice.Key} is in more than one report; were the same shards given twice?");
                return (int)ExitCode.InputError;
            }

            await ReportPaths.In(parse.GetValue(reports)!).WriteAsync(merged, parse.GetValue(snapshots), cancellationToken).ConfigureAwait(false);
            var s = merged.Summary;
            console.Out.WriteLine($"merged {parts.Count} report(s): {s.Total} seed(s), {s.Unchanged} unchanged, {s.Changed} changed, {s.Dead} dead, {s.Error} error");
            return (int)SeedVerdict.ExitCodeFor(merged.Seeds.Select(x => x.Exit));
        });
        return command;
    }

    /// <summary>One run: the seeds in path order (the order a run over one folder checks them), the earliest start and the latest finish.</summary>
    public static RunReport Merge(IReadOnlyList<RunReport> parts)
    {
        var seeds = parts.SelectMany(p => p.Seeds).OrderBy(s => s.Path, StringComparer.Ordinal).ToList();
        return new RunReport(
            parts[0].SchemaVersion,
            parts[0].Tool,
            parts.Min(p => p.StartedAt),
            parts.Max(p => p.FinishedAt),
            RunSummary.Of(seeds),
            seeds);
    }
}
