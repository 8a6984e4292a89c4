using System.Text;
using System.Text.Json.Nodes;

namespace Archive.Notify;

/// <summary>A Slack incoming webhook's message (api.slack.com/messaging/webhooks): text, with mrkdwn links.</summary>
internal sealed class SlackNotifyFormat : INotifyFormat
{
    public string Name => "slack";

    public bool Serves(Uri url) => url.Host.Equals("hooks.slack.com", StringComparison.OrdinalIgnoreCase);

    public byte[] Body(Notification n)
    {
        var text = new StringBuilder(Escape(n.Headline));
        var (listed, more) = n.Listed(20);
        foreach (var seed in listed)
        {
            var name = seed.Report is { } link ? $"<{link.AbsoluteUri}|{Escape(seed.Id)}>" : Escape(seed.Id);
            text.Append("\n• ").Append(name).Append(" — ").Append(seed.Status.ToString().ToLowerInvariant());
            text.Append(": ").Append(Escape(string.Join("; ", seed.New.Count > 0 ? seed.New : seed.Breaches)));
        }

        if (more > 0)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"\n…and {more} more");
        }

        if (n.ReportUrl is { } report)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"\n<{report.AbsoluteUri}|The report>");
        }

        return Encoding.UTF8.GetBytes(new JsonObject { ["text"] = text.ToString() }.ToJsonString());
    }

    /// <summary>Slack's three control characters (api.slack.com/reference/surfaces/formatting#escaping).</summary>
    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
