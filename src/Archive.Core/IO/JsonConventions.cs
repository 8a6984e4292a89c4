using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Archive.IO;

/// <summary>
/// How every JSON file the tool writes looks (report, snapshots, caches, history, journal): one convention, kept
/// here rather than in any stage, so a stage that stores JSON never reaches into the report's code.
/// </summary>
public static class JsonConventions
{
    public static JsonSerializerOptions Indented { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,

        // Files are read by people too: Chinese titles and URLs stay readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <summary>The same conventions on one line, for files of one JSON value per line (the history, the run journal).</summary>
    public static JsonSerializerOptions Line { get; } = new(Indented) { WriteIndented = false };
}
