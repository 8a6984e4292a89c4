using System.Text;
using System.Text.Json.Nodes;

namespace Archive.Notify;

/// <summary>
/// A Microsoft Teams incoming webhook's message: an Adaptive Card in a message (learn.microsoft.com, "Create
/// incoming webhooks with Workflows"), which Workflows webhooks and the older Office 365 connectors both accept.
/// </summary>
internal sealed class TeamsNotifyFormat : INotifyFormat
{
    public string Name => "teams";

    public bool Serves(Uri url) =>
        url.Host.EndsWith(".webhook.office.com", StringComparison.OrdinalIgnoreCase)
        || url.Host.EndsWith(".logic.azure.com", StringComparison.OrdinalIgnoreCase)
        || url.Host.EndsWith(".powerplatform.com", StringComparison.OrdinalIgnoreCase);

    public byte[] Body(Notification n)
    {
        var items = new JsonArray { new JsonObject { ["type"] = "TextBlock", ["text"] = n.Headline, ["weight"] = "Bolder", ["wrap"] = true } };
        var (listed, more) = n.Listed(20);
        foreach (var seed in listed)
        {
            var name = seed.Report is { } link ? $"[{seed.Id}]({link.AbsoluteUri})" : seed.Id;
            items.Add(new JsonObject { ["type"] = "TextBlock", ["wrap"] = true, ["text"] = $"{name} — {seed.Status.ToString().ToLowerInvariant()}: {string.Join("; ", seed.New.Count > 0 ? seed.New : seed.Breaches)}" });
        }

        if (more > 0)
        {
            items.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = $"…and {more} more" });
        }

        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["body"] = items,
        };
        if (n.ReportUrl is { } report)
        {
            card["actions"] = new JsonArray { new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Open the report", ["url"] = report.AbsoluteUri } };
        }

        var message = new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray { new JsonObject { ["contentType"] = "application/vnd.microsoft.card.adaptive", ["contentUrl"] = null, ["content"] = card } },
        };
        return Encoding.UTF8.GetBytes(message.ToJsonString());
    }
}
