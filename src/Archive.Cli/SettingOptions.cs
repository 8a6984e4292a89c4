using System.CommandLine;
using Archive.Config;

namespace Archive.Cli;

/// <summary>
/// The command-line options of a set of <see cref="Setting"/>s, made from their definitions: a flag, a repeatable
/// option or a single value, its help with the default, and its validation (the setting's own check, so the
/// command line and archive.json refuse the same values). Reading a value lays the command line over the config
/// file over the default.
/// </summary>
internal sealed class SettingOptions
{
    private readonly Dictionary<Setting, Option> options = [];

    public SettingOptions(IEnumerable<Setting> settings)
    {
        foreach (var setting in settings.Where(s => s.Option is not null))
        {
            var help = setting.DefaultText is { } shown && !setting.IsFlag ? $"{setting.Help} [default: {shown}]" : setting.Help;
            Option option = setting.IsFlag ? new Option<bool>(setting.Option!) { Description = help }
                : setting.IsRepeatable ? new Option<string[]>(setting.Option!) { Description = help, AllowMultipleArgumentsPerToken = false }
                : new Option<string>(setting.Option!) { Description = help };
            if (!setting.IsFlag)
            {
                option.Validators.Add(result =>
                {
                    var texts = result.Tokens.Select(t => t.Value).ToList();
                    if (texts.Count > 0 && setting.Problem(texts) is { } problem)
                    {
                        result.AddError(problem);
                    }
                });
            }

            options[setting] = option;
        }
    }

    public void AddTo(Command command)
    {
        foreach (var option in options.Values)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Whether the user gave the setting on the command line.</summary>
    public bool Given(ParseResult parse, Setting setting) =>
        options.TryGetValue(setting, out var option) && parse.GetResult(option) is { Implicit: false } && (!setting.IsFlag || parse.GetValue((Option<bool>)option));

    /// <summary>The setting's value: the command line's, else the config file's, else the default.</summary>
    public T Get<T>(ParseResult parse, Setting<T> setting, ArchiveConfig? config) =>
        Given(parse, setting) ? setting.Text(Texts(parse, setting)) : config is null ? setting.Default : config.Get(setting);

    private List<string> Texts(ParseResult parse, Setting setting) =>
        parse.GetResult(options[setting])?.Tokens.Select(t => t.Value).ToList() ?? [];
}
