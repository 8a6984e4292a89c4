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
}

/// <summary>A seed's id is its file name without the extension.</summary>
public static class SeedId
{
    public static string FromPath(string path) => System.IO.Path.GetFileNameWithoutExtension(path.TrimEnd('/', '\\'));
}
