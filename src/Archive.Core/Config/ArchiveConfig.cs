using System.Text.Json;
using System.Text.RegularExpressions;
using Archive.Diff;
using Archive.IO;
using Archive.Media;
using Archive.Notify;
using Archive.Report;
using Archive.Verdict;
using Archive.Web;

namespace Archive.Config;

/// <summary>A config file that cannot be used; the message names the file, the property path and what is wrong.</summary>
public sealed class ConfigException(string message) : Exception(message);

/// <summary>
/// <c>archive.json</c>: a value for any setting of <see cref="CheckSettings.All"/> that has a key, so that nightly runs
/// and CI jobs keep their settings in the repository. Every key is optional; the command line wins over the file,
/// the file over the defaults. Read strictly: an unknown key is an error naming its likely fix (a typo must not
/// silently do nothing).
/// </summary>
/// <param name="Values">The settings the file gives, by setting.</param>
public sealed record ArchiveConfig(string Path, IReadOnlyDictionary<Setting, object?> Values)
{
    public const string DefaultFile = "archive.json";

    public ArchiveConfig(string path)
        : this(path, new Dictionary<Setting, object?>())
    {
    }

    /// <summary>Whether the file gives the setting.</summary>
    public bool Gives(Setting setting) => Values.ContainsKey(setting);

    /// <summary>The file's value for the setting, or the setting's default when the file does not give it.</summary>
    public T Get<T>(Setting<T> setting) => Values.TryGetValue(setting, out var value) ? (T)value! : setting.Default;

    /// <exception cref="ConfigException">The file cannot be read or holds something wrong; the message says where.</exception>
    public static ArchiveConfig Load(string path)
    {
        using var json = JsonFile.Parse(path, 4 * 1024 * 1024, "larger than 4 MiB; a config file is a page of settings", message => new ConfigException(message));
        var reader = new ConfigReader(path);
        var values = new Dictionary<Setting, object?>();
        Read(json.RootElement, "$", null, reader, values);
        return new ArchiveConfig(path, values);
    }

    /// <summary>
    /// One object of the file: each key is a setting, or (for a dotted key such as <c>links.cacheTtl</c>) an
    /// object holding the settings under it.
    /// </summary>
    private static void Read(JsonElement element, string at, string? prefix, ConfigReader reader, Dictionary<Setting, object?> values)
    {
        var here = CheckSettings.All.Where(s => s.Key is { } key && (prefix is null || key.StartsWith(prefix + ".", StringComparison.Ordinal))).ToList();
        var names = here.Select(s => s.Key![(prefix is null ? 0 : prefix.Length + 1)..].Split('.')[0]).Distinct().ToArray();
        foreach (var p in reader.Object(element, at))
        {
            var path = $"{at}.{p.Name}";
            var key = prefix is null ? p.Name : $"{prefix}.{p.Name}";
            if (here.FirstOrDefault(s => s.Key == key) is { } setting)
            {
                values[setting] = setting.ReadJson(p.Value, reader, path);
            }
            else if (here.Any(s => s.Key!.StartsWith(key + ".", StringComparison.Ordinal)))
            {
                Read(p.Value, path, key, reader, values);
            }
            else
            {
                throw reader.Error(path, ConfigReader.Unknown(p.Name, names));
            }
        }
    }
}

/// <summary>
/// Reads archive.json's values for the settings (<see cref="Setting"/>): each reader names the file, the JSON path and
/// what is wrong, so every setting's mistakes read alike.
/// </summary>
internal sealed class ConfigReader(string file)
{
    private static readonly string[] TopOnly = ["seeds"];
    private static readonly string[] PerSeedOnly = ["id", "url"];
    private static readonly string[] MediaNames = Enum.GetNames<MediaStatus>().Select(n => n.ToLowerInvariant()).ToArray();

    /// <summary>
    /// A path in the file is relative to the file's folder, not to wherever the run was started from: a
    /// config kept beside the seeds works from any working directory.
    /// </summary>
    internal string Beside(string path) =>
        System.IO.Path.IsPathRooted(path) ? path : System.IO.Path.Combine(System.IO.Path.GetDirectoryName(file) ?? string.Empty, path);

    internal string FilePath(JsonElement element, string at) => String(element, at) switch
    {
        "" => throw Error(at, "expected a path, found an empty string"),
        "-" => "-", // standard output, not a file beside the config
        var path => Beside(path),
    };

    internal ConfigException Error(string at, string problem) => new($"{file}: {at}: {problem}");

    internal JsonElement.ObjectEnumerator Object(JsonElement element, string at) =>
        element.ValueKind == JsonValueKind.Object ? element.EnumerateObject() : throw Error(at, $"expected an object, found {Kind(element)}");

    internal string String(JsonElement element, string at) =>
        element.ValueKind == JsonValueKind.String ? element.GetString()! : throw Error(at, $"expected a string, found {Kind(element)}");

    internal bool Bool(JsonElement element, string at) =>
        element.ValueKind is JsonValueKind.True or JsonValueKind.False ? element.GetBoolean() : throw Error(at, $"expected true or false, found {Kind(element)}");

    internal int Int(JsonElement element, string at, int min, int max) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var value) && value >= min && value <= max
            ? value
            : throw Error(at, $"expected a whole number from {min} to {max}, found {Kind(element)}");

    internal double Number(JsonElement element, string at, double min, double max) =>
        element.ValueKind == JsonValueKind.Number && element.GetDouble() is var value && value >= min && value <= max
            ? value
            : throw Error(at, $"expected a number from {min} to {max}, found {Kind(element)}");

    internal List<string> Strings(JsonElement element, string at) =>
        element.ValueKind == JsonValueKind.Array
            ? element.EnumerateArray().Select((v, i) => String(v, $"{at}[{i}]")).ToList()
            : throw Error(at, $"expected an array of strings, found {Kind(element)}");

    internal TimeSpan Duration(JsonElement element, string at) =>
        DurationText.TryParse(String(element, at), out var duration) ? duration : throw Error(at, $"'{element.GetString()}' is not a duration such as 90s, 30m, 24h or 7d");

    internal List<UrlMapping> Maps(JsonElement element, string at)
    {
        try
        {
            return element.ValueKind == JsonValueKind.Object
                ? Object(element, at).Select(p => UrlMapping.Parse($"{p.Name}={String(p.Value, $"{at}[\"{p.Name}\"]")}")).ToList()
                : Strings(element, at).Select(UrlMapping.Parse).ToList();
        }
        catch (FormatException e)
        {
            throw Error(at, e.Message);
        }
    }

    /// <summary>A list of webhook URLs, or of <c>{ "url", "format", "on" }</c> objects.</summary>
    internal List<NotifyTarget> Notify(JsonElement element, string at)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw Error(at, $"expected an array of webhook URLs or {{\"url\", \"format\", \"on\"}} objects, found {Kind(element)}");
        }

        return element.EnumerateArray().Select((entry, i) =>
        {
            var here = $"{at}[{i}]";
            if (entry.ValueKind == JsonValueKind.String)
            {
                return new NotifyTarget(entry.GetString()!) is { Problem: { } wrong } ? throw Error(here, wrong) : new NotifyTarget(entry.GetString()!);
            }

            var target = new NotifyTarget("");
            foreach (var p in Object(entry, here))
            {
                var field = $"{here}.{p.Name}";
                target = p.Name switch
                {
                    "url" => target with { Url = String(p.Value, field) },
                    "format" => NotifyFormats.Named(String(p.Value, field)) is { } format
                        ? target with { Format = format.Name }
                        : throw Error(field, $"'{p.Value.GetString()}' is not a notify format ({string.Join(", ", NotifyFormats.Names)})"),
                    "on" => Enum.TryParse<NotifyOn>(String(p.Value, field), ignoreCase: true, out var on) && !int.TryParse(p.Value.GetString(), out _)
                        ? target with { On = on }
                        : throw Error(field, $"'{p.Value.GetString()}' is not one of new, any, always"),
                    var other => throw Error(field, Unknown(other, ["url", "format", "on"])),
                };
            }

            return target.Url.Length == 0 ? throw Error(here, "needs \"url\": the webhook to send to (write ${VARIABLE} to read it from the environment)")
                : target.Problem is { } problem ? throw Error(here, problem)
                : target;
        }).ToList();
    }

    internal IgnoreRuleSet Ignore(JsonElement element, string at)
    {
        try
        {
            return IgnoreRuleSet.Read(element, $"{file}: {at}");
        }
        catch (IgnoreRuleException e)
        {
            throw new ConfigException(e.Message);
        }
    }

    internal PolicySet Policy(JsonElement element, string at)
    {
        var basePolicy = Verdict.Policy.Default;
        var overrides = new List<PolicyOverride>();
        foreach (var p in Object(element, at))
        {
            var here = $"{at}.{p.Name}";
            if (p.Name == "seeds")
            {
                if (p.Value.ValueKind != JsonValueKind.Array)
                {
                    throw Error(here, $"expected an array of per-seed rules, found {Kind(p.Value)}");
                }

                overrides.AddRange(p.Value.EnumerateArray().Select((entry, i) => Override(entry, $"{here}[{i}]")));
                continue;
            }

            basePolicy = basePolicy.With(PolicySetting(new PolicyOverride(), p, here));
        }

        return new PolicySet(basePolicy, overrides);
    }

    private PolicyOverride Override(JsonElement element, string at)
    {
        var rule = new PolicyOverride();
        foreach (var p in Object(element, at))
        {
            var here = $"{at}.{p.Name}";
            rule = p.Name switch
            {
                "id" => rule with { Id = String(p.Value, here) },
                "url" => rule with { Url = String(p.Value, here) },
                _ => PolicySetting(rule, p, here),
            };
        }

        return rule.Id is null && rule.Url is null
            ? throw Error(at, "needs \"id\" (a pattern such as \"rfi-*\") or \"url\" (a URL prefix) to say which seeds it is for")
            : rule;
    }

    private PolicyOverride PolicySetting(PolicyOverride rule, JsonProperty p, string at) => p.Name switch
    {
        "changed" => rule with
        {
            Changed = p.Value.ValueKind is JsonValueKind.False ? ChangeThreshold.Off
                : String(p.Value, at) switch
                {
                    "minor" => ChangeThreshold.Minor,
                    "major" => ChangeThreshold.Major,
                    "off" => ChangeThreshold.Off,
                    var other => throw Error(at, $"'{other}' is not one of minor, major, off"),
                },
        },
        "maxDrift" => rule with { MaxDrift = Number(p.Value, at, 0, 1) },
        "dead" => rule with { Dead = Bool(p.Value, at) },
        "soft404" => rule with { Soft404 = Bool(p.Value, at) },
        "media" => rule with
        {
            Media = Strings(p.Value, at).Select((name, i) => Array.IndexOf(MediaNames, name) is var index and >= 0
                ? (MediaStatus)index
                : throw Error($"{at}[{i}]", $"'{name}' is not a media status ({string.Join(", ", MediaNames)})")).ToHashSet(),
        },
        "deadLinks" => DeadLinks(rule, p.Value, at),
        var other => throw Error(at, Unknown(other, ["changed", "maxDrift", "dead", "soft404", "media", "deadLinks", .. rule.Id is null && rule.Url is null ? TopOnly : PerSeedOnly], "unknown policy setting")),
    };

    private PolicyOverride DeadLinks(PolicyOverride rule, JsonElement element, string at)
    {
        foreach (var p in Object(element, at))
        {
            var here = $"{at}.{p.Name}";
            rule = p.Name switch
            {
                "count" => rule with { MaxDeadLinks = Int(p.Value, here, 0, int.MaxValue) },
                "ratio" => rule with { MaxDeadLinkRatio = Number(p.Value, here, 0, 1) },
                var other => throw Error(here, Unknown(other, ["count", "ratio"])),
            };
        }

        return rule;
    }

    internal Regex Pattern(string pattern, string at)
    {
        try
        {
            return new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            throw Error(at, $"'{pattern}' is not a usable regular expression: {e.Message}");
        }
    }

    internal Uri Http(string text, string at) =>
        WebUrl.TryParseAbsolute(text, out var url, out _) && WebUrl.IsHttp(url) ? url : throw Error(at, $"'{text}' is not an absolute http(s) URL");

    /// <summary>"unknown setting 'pageTimout' (did you mean 'pageTimeout'? expected …)": a typo is named with its likely fix.</summary>
    internal static string Unknown(string name, string[] known, string what = "unknown setting")
    {
        var nearest = known.MinBy(k => Distance(name.ToLowerInvariant(), k.ToLowerInvariant()));
        var guess = nearest is not null && Distance(name.ToLowerInvariant(), nearest.ToLowerInvariant()) <= Math.Max(2, name.Length / 4) ? $"did you mean '{nearest}'? " : string.Empty;
        return $"{what} '{name}' ({guess}expected {string.Join(", ", known.Take(known.Length - 1))} or {known[^1]})";
    }

    /// <summary>Levenshtein distance: edits that turn one key into the other.</summary>
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"\"{element.GetString()}\"",
        JsonValueKind.Number => element.GetRawText(),
        JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        _ => "null",
    };
}
