using System.CommandLine;
using Archive.Report;
using Archive.Seeds;
using Archive.Snapshots;
using Archive.Verdict;
using Spectre.Console;

namespace Archive.Cli.Commands;

/// <summary>
/// <c>archive accept [SEED...]</c>: records each seed's latest checked capture as its accepted state, as snapshot
/// testing does: later runs report drift against the archive and against this state, and only what is new fails.
/// </summary>
internal static class AcceptCommand
{
    public static Command Create(CliConsole console)
    {
        var seeds = new Argument<string[]>("seeds") { Description = "Seed ids or seed files (default: every seed with a snapshot).", Arity = ArgumentArity.ZeroOrMore };
        var snapshots = new Option<string>("--snapshots") { Description = "The snapshot store the checks wrote to.", DefaultValueFactory = _ => "snapshots" };
        var command = new Command("accept", "Accept each seed's latest checked capture: its current drift stops failing; new drift still fails.") { seeds, snapshots };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var store = new SnapshotStore(parse.GetValue(snapshots)!);
            var ids = (parse.GetValue(seeds) ?? []).Select(s => File.Exists(s) ? SeedId.FromPath(s) : s).ToList();
            if (ids.Count == 0)
            {
                ids = [.. store.SeedIds()];
            }

            if (ids.Count == 0)
            {
                console.Error.WriteLine($"archive accept: no snapshots in {store.Root}; run 'archive check' first");
                return (int)ExitCode.InputError;
            }

            var missing = 0;
            foreach (var id in ids)
            {
                if (SeedId.Problem(id) is not null)
                {
                    missing++;
                    console.Error.WriteLine($"archive accept: '{id}' is not a seed id (ids are seed file names without the extension)");
                    continue;
                }

                var state = await store.AcceptAsync<SeedReport>(id, SeedProjection.Accepted, cancellationToken).ConfigureAwait(false);
                if (state is null)
                {
                    missing++;
                    console.Error.WriteLine($"archive accept: {id}: no checked capture in {store.Root}; run 'archive check' first");
                    continue;
                }

                var r = state.Report;
                console.Out.MarkupLineInterpolated($"accepted [bold]{id}[/]: {r.Status.ToString().ToLowerInvariant()}{(r.Reason is null ? string.Empty : " — " + r.Reason)} (snapshot {state.Snapshot})");
            }

            return missing == 0 ? (int)ExitCode.Clean : (int)ExitCode.InputError;
        });
        return command;
    }
}
