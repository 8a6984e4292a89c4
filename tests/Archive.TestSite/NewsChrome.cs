using System.Net;
using System.Text;

namespace Archive.TestSite;

/// <summary>One block of an article as the live site renders it.</summary>
public enum LiveKind
{
    Paragraph,
    Heading,
    ListItem,
    Caption,
    Quote,
    Text,
}

public sealed record LiveBlockSpec(LiveKind Kind, string Text);

/// <summary>
/// Wraps an article in the heavy chrome of a real news site: navigation with dozens of links, a breaking-news
/// ticker, ads, share buttons, a byline, a related-articles box, most-read lists, comments and a long footer, so
/// that finding the article inside the page is a real test.
/// </summary>
public static class NewsChrome
{
    public static string Page(string title, IEnumerable<LiveBlockSpec> article, string lang = "zh-CN", string siteName = "News Example", string insideArticleEnd = "", string besideArticle = "")
    {
        var html = new StringBuilder();
        html.Append($"<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{Encode(title)} - {Encode(siteName)}</title>");
        html.Append($"<meta property=\"og:title\" content=\"{Encode(title)}\">");
        html.Append("<style>.ad{background:#eee} .hidden-menu{display:none}</style></head><body>");
        html.Append("<div class=\"cookie\">We use cookies to improve your experience. 我们使用 Cookie。 <button>Accept</button></div>");
        html.Append("<header><div class=\"logo\">News Example 新闻网</div><nav><ul>");
        foreach (var section in Sections)
        {
            html.Append($"<li><a href=\"/{section.Slug}/\">{section.Name}</a></li>");
        }

        html.Append("</ul></nav><div class=\"ticker\">突发新闻 Breaking: 股市收盘上涨 Markets close higher · 台风逼近 A typhoon approaches</div></header>");
        html.Append("<div class=\"ad\">广告 Advertisement — 立即订阅，首月免费 Subscribe now, first month free</div>");
        html.Append("<div class=\"layout\"><main><article>");
        html.Append($"<h1>{Encode(title)}</h1>");
        html.Append("<div class=\"meta\"><span class=\"byline\">记者 Staff reporter</span> <time>2023-09-20 17:10</time> <span class=\"share\">分享 Share: 微信 WeChat · 微博 Weibo · Facebook · X</span></div>");
        html.Append("<div class=\"article-body\">");
        AppendBlocks(html, article);
        html.Append(insideArticleEnd);
        html.Append("</div><div class=\"tags\">标签 Tags: <a href=\"/tag/1\">外交</a> <a href=\"/tag/2\">Diplomacy</a></div></article>");
        html.Append(besideArticle);
        html.Append("<div class=\"newsletter\">订阅我们的新闻简报 Sign up for our newsletter <input placeholder=\"email\"><button>Sign up</button></div>");
        html.Append("</main><aside class=\"sidebar\"><h2>最多阅读 Most read</h2><ol>");
        for (var i = 1; i <= 8; i++)
        {
            html.Append($"<li><a href=\"/most-read/{i}\">热门文章第{i}篇：经济、政治与社会的最新动态 Most read story number {i}</a></li>");
        }

        html.Append("</ol><div class=\"ad\">广告 Advertisement</div></aside></div>");
        html.Append("<section class=\"comments\"><h2>评论 Comments (3)</h2>");
        html.Append("<div class=\"comment\"><b>读者A</b><p>这篇报道很有意思。 Interesting report.</p></div>");
        html.Append("<div class=\"comment\"><b>Reader B</b><p>I disagree with the premise of the piece.</p></div>");
        html.Append("<div class=\"comment\"><b>读者C</b><p>希望看到更多后续报道。</p></div></section>");
        html.Append("<footer><ul>");
        foreach (var link in FooterLinks)
        {
            html.Append($"<li><a href=\"/about/{link.Length}\">{link}</a></li>");
        }

        html.Append("</ul><p>© 2026 News Example 新闻网. 版权所有 All rights reserved.</p></footer>");
        html.Append("<div class=\"hidden-menu\" hidden>隐藏菜单 Hidden menu</div></body></html>");
        return html.ToString();
    }

    /// <summary>A related-articles box, for placing beside or inside the article.</summary>
    public static string RelatedArticles(string heading = "相关新闻 Related") =>
        $"<section class=\"related\"><h2>{Encode(heading)}</h2><ul>"
        + string.Concat(Enumerable.Range(1, 6).Select(i => $"<li><a href=\"/related/{i}\">相关报道{i}：各方就局势发表看法 Related story {i}: reactions pour in</a></li>"))
        + "</ul></section>";

    public static void AppendBlocks(StringBuilder html, IEnumerable<LiveBlockSpec> blocks)
    {
        var inList = false;
        foreach (var block in blocks)
        {
            if (inList && block.Kind != LiveKind.ListItem)
            {
                html.Append("</ul>");
                inList = false;
            }

            var text = Encode(block.Text);
            switch (block.Kind)
            {
                case LiveKind.ListItem:
                    if (!inList)
                    {
                        html.Append("<ul>");
                        inList = true;
                    }

                    html.Append($"<li>{text}</li>");
                    break;
                case LiveKind.Heading:
                    html.Append($"<h2>{text}</h2>");
                    break;
                case LiveKind.Caption:
                    html.Append($"<figure><img src=\"/img/{Math.Abs(block.Text.GetHashCode(StringComparison.Ordinal)) % 1000}.jpg\" alt=\"\"><figcaption>{text}</figcaption></figure>");
                    break;
                case LiveKind.Quote:
                    html.Append($"<blockquote>{text}</blockquote>");
                    break;
                case LiveKind.Text:
                    html.Append($"<div>{text}</div>");
                    break;
                default:
                    html.Append($"<p>{text}</p>");
                    break;
            }
        }

        if (inList)
        {
            html.Append("</ul>");
        }
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static readonly (string Slug, string Name)[] Sections =
    [
        ("", "首页 Home"), ("world", "国际 World"), ("china", "中国 China"), ("asia", "亚太 Asia"), ("europe", "欧洲 Europe"),
        ("americas", "美洲 Americas"), ("business", "财经 Business"), ("tech", "科技 Technology"), ("science", "科学 Science"),
        ("culture", "文化 Culture"), ("sport", "体育 Sport"), ("opinion", "评论 Opinion"), ("video", "视频 Video"),
        ("podcasts", "播客 Podcasts"), ("weather", "天气 Weather"),
    ];

    private static readonly string[] FooterLinks =
    [
        "关于我们 About us", "联系我们 Contact", "工作机会 Careers", "广告服务 Advertise", "隐私政策 Privacy policy",
        "使用条款 Terms of use", "Cookie 设置 Cookie settings", "无障碍 Accessibility", "新闻简报 Newsletters", "应用 Apps",
    ];
}
