using System.Net;
using System.Text;

namespace Archive.TestSite;

/// <summary>Realistic news pages: the article wrapped in the chrome a live site adds (navigation, ads, related links, scripts).</summary>
public static class Pages
{
    /// <summary>A 1×1 PNG, for pages that need an image to exist.</summary>
    public static byte[] TinyPng { get; } = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    /// <summary>The archived body a seed holds for an article: its paragraphs and images, no chrome.</summary>
    public static string Body(IEnumerable<string> paragraphs, IEnumerable<string>? images = null) =>
        string.Concat((images ?? []).Select(src => $"<img src=\"{src}\">")) + string.Concat(paragraphs.Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>"));

    /// <summary>The same article as the live site serves it today.</summary>
    public static string Article(string title, IEnumerable<string> paragraphs, IEnumerable<string>? images = null, string extraHead = "", string extraBody = "")
    {
        var html = new StringBuilder();
        html.Append($"<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(title)} - News Example</title>");
        html.Append("<link rel=\"stylesheet\" href=\"/static/site.css\"><script src=\"/static/site.js\"></script>").Append(extraHead).Append("</head><body>");
        html.Append("<header><nav><a href=\"/\">首页</a> <a href=\"/world/\">国际</a> <a href=\"/china/\">中国</a> <a href=\"/business/\">财经</a></nav></header>");
        html.Append("<aside class=\"ad\">广告 Advertisement</aside><main><article>");
        html.Append($"<h1>{WebUtility.HtmlEncode(title)}</h1><div class=\"byline\">记者 Reporter · 2023-09-20</div>");
        foreach (var src in images ?? [])
        {
            html.Append($"<figure><img src=\"{src}\" width=\"800\" height=\"450\"><figcaption>图片说明</figcaption></figure>");
        }

        foreach (var p in paragraphs)
        {
            html.Append($"<p>{WebUtility.HtmlEncode(p)}</p>");
        }

        html.Append("</article>").Append(extraBody);
        html.Append("<section class=\"related\"><h2>相关新闻</h2><ul><li><a href=\"/world/1\">其他新闻一</a></li><li><a href=\"/world/2\">其他新闻二</a></li></ul></section>");
        html.Append("</main><footer>© News Example <a href=\"/about\">关于我们</a></footer></body></html>");
        return html.ToString();
    }

    public static string[] Paragraphs { get; } =
    [
        "中国外交部长王毅周三在圣彼得堡会见俄罗斯总统普京。",
        "王毅上周末与美国国家安全顾问在马耳他举行会谈后，于周一抵达俄罗斯，开始为期四天的访问。",
        "The talks covered trade, energy and the situation in Ukraine, officials said.",
        "普京还提到，今年头几个月，贸易额超过1200亿美元。",
    ];

    /// <summary>Writes a seed file in the archive format pointing at <paramref name="url"/>.</summary>
    public static string Seed(string directory, string id, Uri url, string body, string title = "王毅见普京", long archivedAtMs = 1695222902000)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, id + ".txt");
        File.WriteAllText(path, $"<!--{archivedAtMs}-->\n[{title}]({url.AbsoluteUri})\n------\n\n{body}\n");
        return path;
    }
}
