using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Archive.Seeds;
using Archive.Verdict;
using Spectre.Console;

namespace Archive.Cli.Commands;

/// <summary><c>archive seeds [PATH...]</c>: lists the seeds a run would check, and why any of them cannot be read.</summary>
internal static class SeedsCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static Command Create(CliConsole console)
    {
        var paths = CliArguments.Seeds();
        var json = new Option<bool>("--json") { Description = "Print the list as JSON instead of a table." };
        var command = new Command("seeds", "List the seeds in a directory: id, archive time, source URL and what each body holds.")
        {
            paths,
            json,
        };
        command.SetAction((parse, cancellationToken) =>
            RunAsync(console, parse.GetValue(paths) ?? [], parse.GetValue(json), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string[] paths, bool asJson, CancellationToken cancellationToken)
    {
        var loads = new List<SeedLoad>();
        await foreach (var load in new SeedCollector(new SeedReader()).ReadAsync(paths, cancellationToken).ConfigureAwait(false))
        {
            loads.Add(load);
        }

        if (asJson)
        {
            console.WriteRaw(JsonSerializer.Serialize(new SeedList(loads.Select(SeedRow.From).ToList()), Json) + Environment.NewLine);
        }
        else
        {
            WriteTable(console, loads);
        }

        return loads.Any(l => l.Error is not null) ? (int)ExitCode.InputError : (int)ExitCode.Clean;
    }

    private static void WriteTable(CliConsole console, List<SeedLoad> loads)
    {
        var valid = loads.Where(l => l.Seed is not null).Select(l => l.Seed!).ToList();
        if (valid.Count > 0)
        {
            var table = new Table().Border(TableBorder.Simple);
            table.AddColumn("id");
            table.AddColumn("archived at (UTC)");
            table.AddColumn("source URL");
            table.AddColumn(new TableColumn("blocks").RightAligned());
            table.AddColumn(new TableColumn("images").RightAligned());
            table.AddColumn(new TableColumn("links").RightAligned());
            foreach (var seed in valid)
            {
                table.AddRow(
                    Markup.Escape(seed.Id),
                    seed.ArchivedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + (seed.ArchivedAtSource == ArchivedAtSource.FileModified ? " (file time)" : string.Empty),
                    Markup.Escape(seed.SourceUrl.AbsoluteUri),
                    seed.Document.Blocks.Count.ToString(CultureInfo.InvariantCulture),
                    seed.Document.ImageCount.ToString(CultureInfo.InvariantCulture),
                    seed.Document.Links.Count.ToString(CultureInfo.InvariantCulture));
            }

            console.Out.Write(table);
        }

        foreach (var load in loads.Where(l => l.Error is not null))
        {
            console.Out.MarkupLineInterpolated($"[red]invalid[/] {load.Error!.ToString()}");
        }

        var invalid = loads.Count - valid.Count;
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{loads.Count} seed(s): {valid.Count} valid, {invalid} invalid"));
    }

    private sealed record SeedList(IReadOnlyList<SeedRow> Seeds)
    {
        public int Valid => Seeds.Count(s => s.Error is null);

        public int Invalid => Seeds.Count(s => s.Error is not null);
    }

    private sealed record SeedRow(
        string Id,
        string Path,
        SeedFormat? Format,
        string? Title,
        string? SourceUrl,
        DateTimeOffset? ArchivedAt,
        ArchivedAtSource? ArchivedAtSource,
        int? Blocks,
        int? Images,
        int? Media,
        int? Links,
        SeedErrorRow? Error)
    {
        public static SeedRow From(SeedLoad load) => load.Seed is { } s
            ? new SeedRow(s.Id, s.Path, s.Format, s.Title, s.SourceUrl.AbsoluteUri, s.ArchivedAt, s.ArchivedAtSource, s.Document.Blocks.Count, s.Document.ImageCount, s.Document.Media.Count, s.Document.Links.Count, null)
            : new SeedRow(load.Id, load.Path, null, null, null, null, null, null, null, null, null, new SeedErrorRow(load.Error!.Line, load.Error.Message));
    }

    private sealed record SeedErrorRow(int? Line, string Message);
}
