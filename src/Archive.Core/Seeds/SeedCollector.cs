using System.Runtime.CompilerServices;

namespace Archive.Seeds;

/// <summary>
/// Finds seed files under the paths a user names (files or directories, searched recursively; hidden entries
/// skipped) and reads them in a stable order, several at a time, yielding each as soon as it and every seed before it is read.
/// </summary>
public sealed class SeedCollector(SeedReader reader, int parallelism = 0)
{
    private readonly int parallelism = parallelism > 0 ? parallelism : Environment.ProcessorCount;

    /// <summary>The seed files the paths name, sorted by path; paths that do not exist come back as errors.</summary>
    public static IReadOnlyList<(string Path, SeedError? Error)> Discover(IEnumerable<string> paths)
    {
        var found = new List<(string, SeedError?)>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                found.Add((path, null));
            }
            else if (Directory.Exists(path))
            {
                var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System, IgnoreInaccessible = true };
                found.AddRange(Directory.EnumerateFiles(path, "*", options)
                    .Where(f => !RelativeParts(path, f).Any(p => p.StartsWith('.')))
                    .Order(StringComparer.Ordinal)
                    .Select(f => (f, (SeedError?)null)));
            }
            else
            {
                found.Add((path, new SeedError(path, null, "no such file or directory")));
            }
        }

        return found;
    }

    public IAsyncEnumerable<SeedLoad> ReadAsync(IEnumerable<string> paths, CancellationToken cancellationToken = default) =>
        ReadAsync(Discover(paths), cancellationToken);

    /// <summary>Reads seeds <see cref="Discover"/> already found (a caller that needs their count first finds them once); a file's seeds come in id order.</summary>
    public async IAsyncEnumerable<SeedLoad> ReadAsync(IReadOnlyList<(string Path, SeedError? Error)> discovered, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var window = new Queue<(Task<IReadOnlyList<SeedLoad>> Loads, bool Exists)>();
        foreach (var (path, error) in discovered)
        {
            window.Enqueue(error is null
                ? (Task.Run(() => reader.ReadAllAsync(path, cancellationToken), cancellationToken), true)
                : (Task.FromResult<IReadOnlyList<SeedLoad>>([SeedLoad.Failed(error)]), false));
            if (window.Count >= parallelism)
            {
                foreach (var load in await Next(window, ids).ConfigureAwait(false))
                {
                    yield return load;
                }
            }
        }

        while (window.Count > 0)
        {
            foreach (var load in await Next(window, ids).ConfigureAwait(false))
            {
                yield return load;
            }
        }
    }

    private static async Task<IEnumerable<SeedLoad>> Next(Queue<(Task<IReadOnlyList<SeedLoad>> Loads, bool Exists)> window, Dictionary<string, string> ids)
    {
        var (task, exists) = window.Dequeue();
        var loads = await task.ConfigureAwait(false);
        return exists ? loads.Select(load => CheckUnique(load, ids)) : loads;
    }

    // Snapshots and reports are keyed by id, so two seeds with one id would overwrite each other's results.
    private static SeedLoad CheckUnique(SeedLoad load, Dictionary<string, string> ids)
    {
        return ids.TryAdd(load.Id, load.Path)
            ? load
            : SeedLoad.Failed(new SeedError(load.Path, null, $"duplicate seed id '{load.Id}': '{ids[load.Id]}' already holds a seed of that id (a seed's id is its file's name, or for a file of many seeds the one its format gives)"));
    }

    private static string[] RelativeParts(string root, string file) =>
        Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar);
}
