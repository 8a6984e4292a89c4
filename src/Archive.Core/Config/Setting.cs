using System.Text.Json;

namespace Archive.Config;

/// <summary>
/// One setting of <c>archive check</c>, defined once: its archive.json key, its command-line option, its help, its
/// default and how a value is read and checked. The command line's options, the archive.json reader, the
/// validation and the settings table in docs/configuration.md are all derived from <see cref="CheckSettings.All"/>.
/// </summary>
public abstract class Setting
{
    private protected Setting(string? key, string? option, string help, string type)
    {
        Key = key;
        Option = option;
        Help = help;
        Type = type;
    }

    /// <summary>The archive.json key, dotted for a nested one (<c>links.cacheTtl</c>); null for a command-line-only setting.</summary>
    public string? Key { get; }

    /// <summary>The command-line option (<c>--cache-ttl</c>); null for an archive.json-only setting.</summary>
    public string? Option { get; }

    public string Help { get; }

    /// <summary>What a value looks like, for the docs ("whole number 1–64", "duration").</summary>
    public string Type { get; }

    /// <summary>The default as the docs show it; null when the setting is off or empty unless given.</summary>
    public abstract string? DefaultText { get; }

    /// <summary>Whether the option is a flag (no value).</summary>
    public abstract bool IsFlag { get; }

    /// <summary>Whether the option may be given several times, each adding a value.</summary>
    public abstract bool IsRepeatable { get; }

    /// <summary>Reads the value from archive.json; a wrong value throws <see cref="ConfigException"/> naming the file and the place.</summary>
    internal abstract object? ReadJson(JsonElement element, ConfigReader reader, string at);

    /// <summary>Why the command line's text is not a value of this setting, phrased after the option's name; null when it is.</summary>
    public abstract string? Problem(IReadOnlyList<string> texts);

    /// <summary>The command line's text as a value (checked by <see cref="Problem"/> first); paths are made full against the working directory.</summary>
    public abstract object? ReadText(IReadOnlyList<string> texts);
}

/// <summary>A setting whose value is a <typeparamref name="T"/>.</summary>
public sealed class Setting<T> : Setting
{
    private readonly Func<IReadOnlyList<string>, (T Value, string? Problem)>? fromText;
    private readonly Func<JsonElement, ConfigReader, string, T>? fromJson;
    private readonly Func<T, string?> show;

    /// <param name="fromText">The option's text(s) as a value or a problem (the words after the option's name: "must be between 1 and 64"); null for a setting the command line does not take.</param>
    /// <param name="fromJson">archive.json's value, read through the <see cref="ConfigReader"/>, which names the file and the JSON path of any mistake; null for a command-line-only setting.</param>
    /// <param name="show">The default as the docs show it.</param>
    internal Setting(
        string? key,
        string? option,
        string help,
        string type,
        T @default,
        Func<IReadOnlyList<string>, (T Value, string? Problem)>? fromText,
        Func<JsonElement, ConfigReader, string, T>? fromJson,
        Func<T, string?>? show = null,
        bool flag = false,
        bool repeatable = false)
        : base(key, option, help, type)
    {
        Default = @default;
        this.fromText = fromText;
        this.fromJson = fromJson;
        this.show = show ?? (value => value is null ? null : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
        IsFlag = flag;
        IsRepeatable = repeatable;
    }

    public T Default { get; }

    public override string? DefaultText => show(Default);

    public override bool IsFlag { get; }

    public override bool IsRepeatable { get; }

    internal override object? ReadJson(JsonElement element, ConfigReader reader, string at) =>
        fromJson is null ? throw new InvalidOperationException($"{Key} has no archive.json form") : fromJson(element, reader, at);

    public override string? Problem(IReadOnlyList<string> texts) =>
        fromText is null ? null : fromText(texts).Problem is { } problem ? $"{Option} {problem}" : null;

    public override object? ReadText(IReadOnlyList<string> texts) => Text(texts);

    /// <summary>The command line's text as a value of this setting.</summary>
    /// <exception cref="FormatException">The text is not one; the message names the option.</exception>
    public T Text(IReadOnlyList<string> texts)
    {
        if (fromText is null)
        {
            throw new InvalidOperationException($"{Key} has no command-line form");
        }

        var (value, problem) = fromText(texts);
        return problem is null ? value : throw new FormatException($"{Option} {problem}");
    }
}
