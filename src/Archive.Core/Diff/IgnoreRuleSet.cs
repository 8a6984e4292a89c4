using System.IO.Enumeration;
using System.Text.Json;
using Archive.IO;
using Archive.Seeds;

namespace Archive.Diff;

/// <summary>Rules for the seeds whose id matches <paramref name="IdPattern"/> (a <c>*</c>/<c>?</c> wildcard) or whose source URL starts with <paramref name="UrlPrefix"/>.</summary>
public sealed record SeedIgnoreRules(string? IdPattern, string? UrlPrefix, IgnoreRules Rules)
{
    public bool AppliesTo(Seed seed) =>
        (IdPattern is null || FileSystemName.MatchesSimpleExpression(IdPattern, seed.Id, ignoreCase: false))
        && (UrlPrefix is null || seed.SourceUrl.AbsoluteUri.StartsWith(UrlPrefix, StringComparison.Ordinal));
}

/// <summary>
/// Every ignore rule of a run: those for all seeds and those for some. Read from the options and from an
/// ignore-rules file (JSON, documented in README.md):
/// <code>{ "all": { "selectors": [...], "masks": [...] }, "seeds": [ { "id": "rfi-*", "url": "https://…", "selectors": [...], "masks": [...] } ] }</code>
/// </summary>
public sealed record IgnoreRuleSet(IgnoreRules All, IReadOnlyList<SeedIgnoreRules> PerSeed)
{
    public static IgnoreRuleSet None { get; } = new(IgnoreRules.None, []);

    public IgnoreRules For(Seed seed) =>
        PerSeed.Where(r => r.AppliesTo(seed)).Aggregate(All, (rules, entry) => rules.With(entry.Rules));

    /// <exception cref="IgnoreRuleException">The file cannot be read, is not JSON of the expected shape, or holds an invalid rule; the message names the file and the place.</exception>
    public static IgnoreRuleSet Load(string path)
    {
        using var json = JsonFile.Parse(path, 1024 * 1024, "larger than 1 MiB; an ignore-rules file is a short list of rules", message => new IgnoreRuleException(message));
        return Read(json.RootElement, path);
    }

    /// <summary>Rules from a JSON object (the ignore-rules file's root, or the <c>ignore</c> of a config file); <paramref name="at"/> names the place in messages.</summary>
    public static IgnoreRuleSet Read(JsonElement root, string at)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new IgnoreRuleException($"{at}: expected an object with \"all\" and/or \"seeds\"");
        }

        var all = IgnoreRules.None;
        var perSeed = new List<SeedIgnoreRules>();
        foreach (var property in root.EnumerateObject())
        {
            switch (property.Name)
            {
                case "all":
                    all = ReadRules(property.Value, $"{at}: all");
                    break;
                case "seeds" when property.Value.ValueKind == JsonValueKind.Array:
                    var index = 0;
                    foreach (var entry in property.Value.EnumerateArray())
                    {
                        var place = $"{at}: seeds[{index++}]";
                        var rules = ReadRules(entry, place);
                        var id = OptionalString(entry, "id", place);
                        var url = OptionalString(entry, "url", place);
                        if (id is null && url is null)
                        {
                            throw new IgnoreRuleException($"{place}: needs \"id\" (a pattern such as \"rfi-*\") or \"url\" (a URL prefix) to say which seeds it is for");
                        }

                        perSeed.Add(new SeedIgnoreRules(id, url, rules));
                    }

                    break;
                default:
                    throw new IgnoreRuleException($"{at}: unknown key \"{property.Name}\" (expected \"all\" or \"seeds\", an array)");
            }
        }

        return new IgnoreRuleSet(all, perSeed);
    }

    private static IgnoreRules ReadRules(JsonElement element, string at)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new IgnoreRuleException($"{at}: expected an object with \"selectors\" and/or \"masks\"");
        }

        foreach (var property in element.EnumerateObject())
        {
            if (property.Name is not ("selectors" or "masks" or "id" or "url"))
            {
                throw new IgnoreRuleException($"{at}: unknown key \"{property.Name}\"");
            }
        }

        return IgnoreRules.Create(Strings(element, "selectors", at), Strings(element, "masks", at), at);
    }

    private static List<string> Strings(JsonElement element, string name, string at)
    {
        if (!element.TryGetProperty(name, out var array))
        {
            return [];
        }

        if (array.ValueKind != JsonValueKind.Array || array.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
        {
            throw new IgnoreRuleException($"{at}.{name}: expected an array of strings");
        }

        return array.EnumerateArray().Select(v => v.GetString()!).ToList();
    }

    private static string? OptionalString(JsonElement element, string name, string at) =>
        !element.TryGetProperty(name, out var value) ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : throw new IgnoreRuleException($"{at}.{name}: expected a string");
}
