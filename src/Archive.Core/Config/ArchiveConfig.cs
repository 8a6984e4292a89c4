using System.Text.Json;
using System.Text.RegularExpressions;
using Archive.Diff;
using Archive.IO;
using Archive.Media;
using Archive.Report;
using Archive.Verdict;
using Archive.Web;

namespace Archive.Config;

/// <summary>A config file that cannot be used; the message names the file, the property path and what is wrong.</summary>
public sealed class ConfigException(string message) : Exception(message);

/// <summary>How links are checked, as a config file says (every field optional).</summary>
public sealed record LinkConfig(
    bool? Enabled = null,
    IReadOnlyList<Regex>? Exclude = null,
    int? Concurrency = null,
    TimeSpan? CacheTtl = null,
    string? Cache = null,
    Uri? MementoTimeGate = null,
    bool? Memento = null);

/// <summary>
/// <c>archive.json</c>: every option of <c>archive check</c> with a twin here, so that nightly runs and CI jobs keep
/// their settings in the repository. Every field is optional; the command line wins over the file, the file over
/// the defaults. Read strictly: an unknown key is an error (a typo must not silently do nothing).
/// </summary>
public sealed record ArchiveConfig(
    string Path,
    IReadOnlyList<string>? Seeds = null,
    IReadOnlyList<UrlMapping>? Maps = null,
    int? Concurrency = null,
    double? PageTimeout = null,
    double? TotalTimeout = null,
    int? SeedsPerTab = null,
    bool? AllowPrivate = null,
    string? Snapshots = null,
    string? Reports = null,
    string? UserAgent = null,
    IgnoreRuleSet? Ignore = null,
    LinkConfig? Links = null,
    PolicySet? Policy = null,
    TimeSpan? StaleAfter = null,
    string? BrowserPath = null,
    string? BrowserEndpoint = null,
    IReadOnlyDictionary<string, string>? Outputs = null)
{
    public const string DefaultFile = "archive.json";

    /// <summary>The settings the file may hold at its top level: its own, and one per report format (<see cref="ReportFormats"/>).</summary>
    private static readonly string[] Keys =
        ["seeds", "maps", "concurrency", "pageTimeout", "totalTimeout", "seedsPerTab", "allowPrivate", "snapshots", "reports", .. ReportFormats.All.Select(w => w.Name), "userAgent", "browserPath", "browserEndpoint", "ignore", "links", "policy", "staleAfter"];

    public string? Json => Outputs?.GetValueOrDefault("json");

    public string? Html => Outputs?.GetValueOrDefault("html");

    public string? JUnit => Outputs?.GetValueOrDefault("junit");

    public string? Markdown => Outputs?.GetValueOrDefault("markdown");

    /// <exception cref="ConfigException">The file cannot be read or holds something wrong; the message says where.</exception>
    public static ArchiveConfig Load(string path)
    {
        using var json = JsonFile.Parse(path, 4 * 1024 * 1024, "larger than 4 MiB; a config file is a page of settings", message => new ConfigException(message));
        return new Reader(path).Read(json.RootElement);
    }

    private sealed class Reader(string file)
    {
        private static readonly string[] TopOnly = ["seeds"];
        private static readonly string[] PerSeedOnly = ["id", "url"];
        private static readonly string[] MediaNames = Enum.GetNames<MediaStatus>().Select(n => n.ToLowerInvariant()).ToArray();

        public ArchiveConfig Read(JsonElement root)
        {
            var config = new ArchiveConfig(file);
            foreach (var p in Object(root, "$"))
            {
                var at = "$." + p.Name;
                config = p.Name switch
                {
                    "seeds" => config with { Seeds = Strings(p.Value, at).Select(Beside).ToList() },
                    "maps" => config with { Maps = Maps(p.Value, at) },
                    "concurrency" => config with { Concurrency = Int(p.Value, at, 1, 64) },
                    "pageTimeout" => config with { PageTimeout = Number(p.Value, at, 0.001, 3600) },
                    "totalTimeout" => config with { TotalTimeout = Number(p.Value, at, 0.001, 3600) },
                    "seedsPerTab" => config with { SeedsPerTab = Int(p.Value, at, 1, 100_000) },
                    "allowPrivate" => config with { AllowPrivate = Bool(p.Value, at) },
                    "snapshots" => config with { Snapshots = FilePath(p.Value, at) },
                    "reports" => config with { Reports = FilePath(p.Value, at) },
                    "userAgent" => config with { UserAgent = String(p.Value, at) },
                    "ignore" => config with { Ignore = Ignore(p.Value, at) },
                    "links" => config with { Links = Links(p.Value, at) },
                    "policy" => config with { Policy = Policy(p.Value, at) },
                    "staleAfter" => config with { StaleAfter = Duration(p.Value, at) },
                    "browserPath" => config with { BrowserPath = String(p.Value, at) is var browser && browser.Contains('/', StringComparison.Ordinal) ? Beside(browser) : browser },
                    "browserEndpoint" => config with { BrowserEndpoint = String(p.Value, at) },
                    var format when ReportFormats.Named(format) is not null => config with { Outputs = new Dictionary<string, string>(config.Outputs ?? new Dictionary<string, string>()) { [format] = FilePath(p.Value, at) } },
                    var other => throw Error(at, Unknown(other, Keys)),
                };
            }

            return config;
        }

        /// <summary>
        /// A path in the file is relative to the file's folder, not to wherever the run was started from: a
        /// config kept beside the seeds works from any working directory.
        /// </summary>
        private string Beside(string path) =>
            System.IO.Path.IsPathRooted(path) ? path : System.IO.Path.Combine(System.IO.Path.GetDirectoryName(file) ?? string.Empty, path);

        private string FilePath(JsonElement element, string at) => String(element, at) switch
        {
            "" => throw Error(at, "expected a path, found an empty string"),
            "-" => "-", // standard output, not a file beside the config
            var path => Beside(path),
        };

        private ConfigException Error(string at, string problem) => new($"{file}: {at}: {problem}");

        private JsonElement.ObjectEnumerator Object(JsonElement element, string at) =>
            element.ValueKind == JsonValueKind.Object ? element.EnumerateObject() : throw Error(at, $"expected an object, found {Kind(element)}");

        private string String(JsonElement element, string at) =>
            element.ValueKind == JsonValueKind.String ? element.GetString()! : throw Error(at, $"expected a string, found {Kind(element)}");

        private bool Bool(JsonElement element, string at) =>
            element.ValueKind is JsonValueKind.True or JsonValueKind.False ? element.GetBoolean() : throw Error(at, $"expected true or false, found {Kind(element)}");

        private int Int(JsonElement element, string at, int min, int max) =>
            element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var value) && value >= min && value <= max
                ? value
                : throw Error(at, $"expected a whole number from {min} to {max}, found {Kind(element)}");

        private double Number(JsonElement element, string at, double min, double max) =>
            element.ValueKind == JsonValueKind.Number && element.GetDouble() is var value && value >= min && value <= max
                ? value
                : throw Error(at, $"expected a number from {min} to {max}, found {Kind(element)}");

        private List<string> Strings(JsonElement element, string at) =>
            element.ValueKind == JsonValueKind.Array
                ? element.EnumerateArray().Select((v, i) => String(v, $"{at}[{i}]")).ToList()
                : throw Error(at, $"expected an array of strings, found {Kind(element)}");

        private TimeSpan Duration(JsonElement element, string at) =>
            DurationText.TryParse(String(element, at), out var duration) ? duration : throw Error(at, $"'{element.GetString()}' is not a duration such as 90s, 30m, 24h or 7d");

        private List<UrlMapping> Maps(JsonElement element, string at)
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

        private IgnoreRuleSet Ignore(JsonElement element, string at)
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

        private LinkConfig Links(JsonElement element, string at)
        {
            var links = new LinkConfig();
            foreach (var p in Object(element, at))
            {
                var here = $"{at}.{p.Name}";
                links = p.Name switch
                {
                    "enabled" => links with { Enabled = Bool(p.Value, here) },
                    "exclude" => links with { Exclude = Strings(p.Value, here).Select((pattern, i) => Pattern(pattern, $"{here}[{i}]")).ToList() },
                    "concurrency" => links with { Concurrency = Int(p.Value, here, 1, 1024) },
                    "cacheTtl" => links with { CacheTtl = Duration(p.Value, here) },
                    "cache" => links with { Cache = FilePath(p.Value, here) },
                    "memento" => links with { Memento = Bool(p.Value, here) },
                    "mementoTimegate" => links with { MementoTimeGate = Http(String(p.Value, here), here) },
                    var other => throw Error(here, Unknown(other, ["enabled", "exclude", "concurrency", "cacheTtl", "cache", "memento", "mementoTimegate"])),
                };
            }

            return links;
        }

        private PolicySet Policy(JsonElement element, string at)
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

                basePolicy = basePolicy.With(Setting(new PolicyOverride(), p, here));
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
                    _ => Setting(rule, p, here),
                };
            }

            return rule.Id is null && rule.Url is null
                ? throw Error(at, "needs \"id\" (a pattern such as \"rfi-*\") or \"url\" (a URL prefix) to say which seeds it is for")
                : rule;
        }

        private PolicyOverride Setting(PolicyOverride rule, JsonProperty p, string at) => p.Name switch
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

        private Regex Pattern(string pattern, string at)
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

        private Uri Http(string text, string at) =>
            WebUrl.TryParseAbsolute(text, out var url, out _) && WebUrl.IsHttp(url) ? url : throw Error(at, $"'{text}' is not an absolute http(s) URL");

        /// <summary>"unknown setting 'pageTimout' (did you mean 'pageTimeout'? expected …)": a typo is named with its likely fix.</summary>
        private static string Unknown(string name, string[] known, string what = "unknown setting")
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
}
