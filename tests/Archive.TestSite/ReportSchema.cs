using System.Text.Json;
using Json.Schema;

namespace Archive.TestSite;

/// <summary>
/// docs/report.schema.json as a strict validator reads it (draft 2020-12, formats asserted, every error listed):
/// the schema is published for users' validators, so the tests hold the tool's reports to the same standard.
/// </summary>
public static class ReportSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(Path.Combine(Repository.Root, "docs", "report.schema.json"))));

    private static readonly EvaluationOptions Strict = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    /// <summary>Every place where <paramref name="report"/> breaks the schema, as "location: message"; empty when it is valid.</summary>
    public static IReadOnlyList<string> Errors(JsonElement report)
    {
        var results = Schema.Value.Evaluate(report, Strict);
        if (results.IsValid)
        {
            return [];
        }

        // The list output holds the failed branches of every anyOf, also where another branch passed: a null/object
        // union reports "should be null" for each object. Those are left out, so that what remains is the fault.
        var errors = (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => (Branch: e.Key == "type" && d.EvaluationPath.ToString().Contains("/anyOf/", StringComparison.Ordinal), Text: $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}")))
            .ToList();
        var faults = errors.Where(e => !e.Branch).Select(e => e.Text).ToList();
        return faults.Count > 0 ? faults : errors.Select(e => e.Text).DefaultIfEmpty("invalid, with no detail").ToList();
    }

    public static IReadOnlyList<string> Errors(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Errors(document.RootElement);
    }
}

/// <summary>The checkout the tests run from (the folder holding Archive.sln).</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir.FullName, "Archive.sln")))
        {
            dir = dir.Parent ?? throw new DirectoryNotFoundException("no Archive.sln above " + AppContext.BaseDirectory);
        }

        return dir.FullName;
    }
}
