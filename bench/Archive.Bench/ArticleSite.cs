using Archive.TestSite;

namespace Archive.Bench;

/// <summary>
/// The benchmarks' live site: N realistic article pages at /news/N (site chrome, 8–12 paragraphs of mixed Chinese
/// and English, 5–10 generated 800×450 JPEGs, a stylesheet, a blocking and an async script), each with its seed.
/// </summary>
internal static class ArticleSite
{
    /// <param name="hung">Pages, spread evenly from the first (or the last ones, with <paramref name="hungLast"/>), whose server accepts the connection and never sends a byte.</param>
    /// <param name="seeds">Where to write one seed per page (pointing at <c>https://news.example/news/N</c>); null for none.</param>
    public static void Serve(LiveSite site, int pages, int hung, string? seeds, bool hungLast = false)
    {
        var images = Enumerable.Range(0, 24).Select(i => GeneratedImages.Jpeg(i)).ToArray();
        site.Route("/media/*", context =>
        {
            var name = Path.GetFileNameWithoutExtension(context.Request.Path.Value!);
            var index = Math.Abs(name.GetHashCode(StringComparison.Ordinal)) % images.Length;
            context.Response.ContentType = "image/jpeg";
            return context.Response.Body.WriteAsync(images[index]).AsTask();
        });
        site.Bytes("/static/site.css", "text/css", "body{font:16px/1.5 serif;max-width:60em;margin:auto} nav a{margin:0 .5em}"u8.ToArray());
        site.Bytes("/static/site.js", "text/javascript", "document.addEventListener('DOMContentLoaded',()=>{document.body.dataset.ready='1'});"u8.ToArray());
        site.Bytes("/static/analytics.js", "text/javascript", "(function(){var t=Date.now();window.addEventListener('load',function(){window.__t=Date.now()-t;});})();"u8.ToArray());

        var every = Math.Max(1, pages / Math.Max(1, hung));
        for (var i = 0; i < pages; i++)
        {
            var count = 5 + (i % 6);
            var pageImages = Enumerable.Range(0, count).Select(k => $"/media/p{i}-{k}.jpg").ToList();
            var paragraphs = Enumerable.Range(0, 8 + (i % 5)).Select(k => $"{Pages.Paragraphs[k % Pages.Paragraphs.Length]} 第{i}篇第{k}段。").ToList();
            var path = $"/news/{i}";
            var title = $"新闻 {i}";
            if (hungLast ? i >= pages - hung : i % every == 0 && i / every < hung)
            {
                // A server that accepts the connection and never sends a byte.
                site.Route(path, context => Task.Delay(Timeout.Infinite, context.RequestAborted));
            }
            else
            {
                site.Html(path, Pages.Article(title, paragraphs, pageImages, extraHead: "<script src=\"/static/analytics.js\" async></script>"));
            }

            if (seeds is not null)
            {
                Pages.Seed(seeds, $"news-{i:D4}", LiveSite.Public(path), Pages.Body(paragraphs, pageImages.Select(p => LiveSite.Public(p).AbsoluteUri)), title);
            }
        }
    }
}
