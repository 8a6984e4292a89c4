namespace Archive.Seeds;

/// <summary>Why a seed file could not be read: the file, the line (when one is to blame) and what is wrong.</summary>
public sealed record SeedError(string Path, int? Line, string Message)
{
    public override string ToString() => Line is { } line ? $"{Path}:{line}: {Message}" : $"{Path}: {Message}";
}

/// <summary>The outcome of reading one seed file: a <see cref="Seed"/> or a <see cref="SeedError"/>, never both.</summary>
public sealed record SeedLoad
{
    private SeedLoad(string path, string id, Seed? seed, SeedError? error)
    {
        Path = path;
        Id = id;
        Seed = seed;
        Error = error;
    }

    public string Path { get; }

    public string Id { get; }

    public Seed? Seed { get; }

    public SeedError? Error { get; }

    public static SeedLoad Loaded(Seed seed) => new(seed.Path, seed.Id, seed, null);

    public static SeedLoad Failed(SeedError error) => new(error.Path, SeedId.FromPath(error.Path), null, error);

    /// <summary>A seed of a file of many that could not be read, under its own id (another seed of the file keeps the file's).</summary>
    internal static SeedLoad Failed(SeedError error, string id) => new(error.Path, id, null, error);
}

/// <summary>
/// A seed's id is its file name without the extension. The id names the seed's snapshot folder and is matched by
/// shards, globs and <c>archive accept</c>, so it must be a plain, single folder name: <see cref="Problem"/> says
/// why one is not, and such a seed is refused as an input error rather than renamed (a renamed id would no
/// longer match what the user types).
/// </summary>
public static class SeedId
{
    /// <summary>Names the snapshot store keeps for itself beside the seeds' folders.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase) { "_media", "history.jsonl", "link-cache.json", "boilerplate.json", "README.md" };

    public static string FromPath(string path) => System.IO.Path.GetFileNameWithoutExtension(path.TrimEnd('/', '\\'));

    /// <returns>Why <paramref name="id"/> cannot name a seed's folder, or null when it can.</returns>
    public static string? Problem(string id) => id switch
    {
        "" => "the file name gives an empty seed id: name the file after the seed, e.g. 'my-article.txt'",
        "." or ".." => $"the file name gives the seed id '{id}', which would name a folder above the snapshots: rename the file",
        _ when id.StartsWith('.') => $"the file name gives the seed id '{id}', which starts with '.' (hidden and kept for unfinished snapshots): rename the file",
        _ when Reserved.Contains(id) => $"the file name gives the seed id '{id}', a name the snapshot folder keeps for itself: rename the file",
        _ when id.Any(c => char.IsControl(c) || c is '/' or '\\') => "the file name gives a seed id with a control character or a path separator: rename the file",
        _ => null,
    };
}
