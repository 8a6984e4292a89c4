using System.Text;
using System.Text.Json.Nodes;

namespace Archive.Notify;

/// <summary>A Discord webhook's message (discord.com/developers/docs/resources/webhook): content of at most 2,000 characters, mentions off.</summary>
internal sealed class DiscordNotifyFormat : INotifyFormat
{
    private const int MaxContent = 2000;

    public string Name => "discord";

    public bool Serves(Uri url) =>
        url.Host is "discord.com" or "discordapp.com" or "canary.discord.com" or "ptb.discord.com" && url.AbsolutePath.StartsWith("/api/webhooks/", StringComparison.Ordinal);

    public byte[] Body(Notification n)
    {
        var text = new StringBuilder(n.Headline);
        var (listed, more) = n.Listed(15);
        for (var i = 0; i < listed.Count; i++)
        {
            var seed = listed[i];
            var line = $"\n- {(seed.Report is { } link ? $"[{seed.Id}](<{link.AbsoluteUri}>)" : seed.Id)} — {seed.Status.ToString().ToLowerInvariant()}: {string.Join("; ", seed.New.Count > 0 ? seed.New : seed.Breaches)}";
            if (text.Length + line.Length > MaxContent - 40)
            {
                more += listed.Count - i;
                break;
            }

            text.Append(line);
        }

        if (more > 0)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"\n…and {more} more");
        }

        var body = new JsonObject
        {
            ["content"] = text.ToString(),
            ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() }, // page text must never ping anyone
        };
        return Encoding.UTF8.GetBytes(body.ToJsonString());
    }
}
