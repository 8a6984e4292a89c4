namespace Archive.Notify;

/// <summary>
/// One shape of message (a documented JSON payload, or a chat service's incoming webhook). A new shape is a class
/// implementing this and one line in <see cref="NotifyFormats.All"/>.
/// </summary>
public interface INotifyFormat
{
    /// <summary>The name archive.json's <c>format</c> gives.</summary>
    string Name { get; }

    /// <summary>Whether a webhook on this host expects this shape, when the target names none.</summary>
    bool Serves(Uri url);

    /// <summary>The request body (JSON, UTF-8).</summary>
    byte[] Body(Notification notification);
}

/// <summary>The message shapes, asked in order for a target that names none; the documented JSON when none serves the host.</summary>
public static class NotifyFormats
{
    public static IReadOnlyList<INotifyFormat> All { get; } = [new JsonNotifyFormat(), new SlackNotifyFormat(), new DiscordNotifyFormat(), new TeamsNotifyFormat()];

    public static IReadOnlyList<string> Names => All.Select(f => f.Name).ToList();

    public static INotifyFormat? Named(string name) => All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    public static INotifyFormat For(NotifyTarget target, Uri url) =>
        target.Format is { } name ? Named(name) ?? throw new FormatException($"'{name}' is not a notify format ({string.Join(", ", Names)})")
            : All.FirstOrDefault(f => f.Serves(url)) ?? All[0];
}
