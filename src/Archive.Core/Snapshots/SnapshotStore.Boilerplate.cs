using System.Text.Json;
using Archive.Diff;
using Archive.IO;

namespace Archive.Snapshots;

/// <summary>What the diff stage learned of each site's recurring blocks (<see cref="SiteBoilerplate"/>), kept between runs.</summary>
public sealed partial class SnapshotStore
{
    public const string BoilerplateFile = "boilerplate.json";

    /// <summary>The sites' learned furniture; empty when none was saved.</summary>
    /// <exception cref="InvalidDataException">The file exists but is not a boilerplate file; the message names it.</exception>
    public async Task<SiteBoilerplate> ReadBoilerplateAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(Root, BoilerplateFile);
        if (!File.Exists(path))
        {
            return new SiteBoilerplate();
        }

        try
        {
            var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
            return SiteBoilerplate.Import(JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string[]>>>(text));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a boilerplate file ({e.Message}); delete it and the next run learns the sites' furniture afresh", e);
        }
    }

    public Task WriteBoilerplateAsync(SiteBoilerplate learned, CancellationToken cancellationToken) =>
        AtomicFile.WriteAllTextAsync(Path.Combine(Root, BoilerplateFile), JsonSerializer.Serialize(learned.Export()), cancellationToken);
}
