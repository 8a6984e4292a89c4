using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Archive.IO;
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
        var json = new Option<bool>("--json") { Description = "Print every check as JSON (an array of history entries, oldest first) instead of a table." };
        var command = new Command("history", "Show how seeds drifted over time; \"new\" marks a check that found drift the seed's check before it had not.") { seed, snapshots, json };
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

            if (parse.GetValue(json))
            {
                console.WriteRaw(JsonSerializer.Serialize(entries, JsonConventions.Indented) + Environment.NewLine);
                return (int)ExitCode.Clean;
            }

            var table = new Table().Border(TableBorder.Simple);
            if (id is not null)
            {
                table.AddColumns("checked", "status", "text similarity", "media drifted", "dead links", "breaches", "new", "snapshot");
                foreach (var e in entries)
                {
                    table.AddRow(
                        e.CheckedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                        e.Status.ToString().ToLowerInvariant(),
                        e.Similarity?.ToString("0.###", CultureInfo.InvariantCulture) ?? "–",
                        e.MediaDrifted.ToString(CultureInfo.InvariantCulture),
                        e.DeadLinks.ToString(CultureInfo.InvariantCulture),
                        e.Breaches.ToString(CultureInfo.InvariantCulture),
                        New(e),
                        Markup.Escape(e.Snapshot ?? "–"));
                }
            }
            else
            {
                table.AddColumns("seed", "checks", "last checked", "last status", "new", "text similarity over time");
                foreach (var group in entries.GroupBy(e => e.Id).OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    var last = group.MaxBy(e => e.CheckedAt)!;
                    table.AddRow(
                        Markup.Escape(group.Key),
                        group.Count().ToString(CultureInfo.InvariantCulture),
                        last.CheckedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                        last.Status.ToString().ToLowerInvariant(),
                        New(last),
                        Spark(group.OrderBy(e => e.CheckedAt).Select(e => e.Similarity)));
                }
            }

            console.Out.Write(table);
            return (int)ExitCode.Clean;
        });
        return command;
    }

    /// <summary>"new (2)" when the check found breaches the check before it had not.</summary>
    private static string New(HistoryEntry entry) => entry.NewBreaches > 0 ? $"[bold]new[/] ({entry.NewBreaches.ToString(CultureInfo.InvariantCulture)})" : string.Empty;

    /// <summary>Similarity per check as a bar from ▁ (0) to █ (1); · where the text was not compared.</summary>
    internal static string Spark(IEnumerable<double?> values) =>
        string.Concat(values.TakeLast(40).Select(v => v is { } x ? Bars[(int)Math.Round(Math.Clamp(x, 0, 1) * (Bars.Length - 1))] : '·'));
}
