using System.CommandLine;
using System.Globalization;
using Archive.Snapshots;
using Archive.Verdict;
using Spectre.Console;

namespace Archive.Cli.Commands;

/// <summary><c>archive history [SEED]</c>: drift over time, from the history every check appends to.</summary>
internal static class HistoryCommand
{
    private const string Bars = "▁▂▃▄▅▆▇█";

    public static Command Create(CliConsole console)
    {
        var seed = new Argument<string?>("seed") { Description = "A seed id (default: one line per seed).", Arity = ArgumentArity.ZeroOrOne };
        var snapshots = new Option<string>("--snapshots") { Description = "The snapshot store the checks wrote to.", DefaultValueFactory = _ => "snapshots" };
        var command = new Command("history", "Show how seeds drifted over time.") { seed, snapshots };
        command.SetAction(parse =>
        {
            var history = new HistoryStore(parse.GetValue(snapshots)!);
            var id = parse.GetValue(seed);
            var entries = history.Read(id).ToList();
            if (entries.Count == 0)
            {
                console.Error.WriteLine(id is null ? $"archive history: no history in {history.Path}" : $"archive history: no history for {id} in {history.Path}");
                return (int)ExitCode.InputError;
            }

            var table = new Table().Border(TableBorder.Simple);
            if (id is not null)
            {
                table.AddColumns("checked", "status", "text similarity", "media drifted", "dead links", "breaches", "snapshot");
                foreach (var e in entries)
                {
                    table.AddRow(
                        e.CheckedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                        e.Status.ToString().ToLowerInvariant(),
                        e.Similarity?.ToString("0.###", CultureInfo.InvariantCulture) ?? "–",
                        e.MediaDrifted.ToString(CultureInfo.InvariantCulture),
                        e.DeadLinks.ToString(CultureInfo.InvariantCulture),
                        e.Breaches.ToString(CultureInfo.InvariantCulture),
                        Markup.Escape(e.Snapshot ?? "–"));
                }
            }
            else
            {
                table.AddColumns("seed", "checks", "last checked", "last status", "text similarity over time");
                foreach (var group in entries.GroupBy(e => e.Id).OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    var last = group.MaxBy(e => e.CheckedAt)!;
                    table.AddRow(
                        Markup.Escape(group.Key),
                        group.Count().ToString(CultureInfo.InvariantCulture),
                        last.CheckedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                        last.Status.ToString().ToLowerInvariant(),
                        Spark(group.OrderBy(e => e.CheckedAt).Select(e => e.Similarity)));
                }
            }

            console.Out.Write(table);
            return (int)ExitCode.Clean;
        });
        return command;
    }

    /// <summary>Similarity per check as a bar from ▁ (0) to █ (1); · where the text was not compared.</summary>
    internal static string Spark(IEnumerable<double?> values) =>
        string.Concat(values.TakeLast(40).Select(v => v is { } x ? Bars[(int)Math.Round(Math.Clamp(x, 0, 1) * (Bars.Length - 1))] : '·'));
}
