using Archive.Links;

namespace Archive.Tests.Links;

/// <summary>Soft-404 signal (b) in every language the issue names, and the pages it must leave alone; signal (a)'s idea of a site root.</summary>
public sealed class Soft404SignalTests
{
    [TestCase("Page Not Found | The Guardian", null, null)]
    [TestCase("404", null, null)]
    [TestCase("Error 404 - Example", null, null)]
    [TestCase("404 | Example", null, null)]
    [TestCase("Example News", "Sorry, the page you were looking for doesn't exist", null)]
    [TestCase("页面不存在 - 新浪网", null, null)]
    [TestCase("中国新闻网", "抱歉，您访问的页面不存在", null)]
    [TestCase("找不到網頁 - 聯合新聞網", null, null)]
    [TestCase("頁面不存在", null, null)]
    [TestCase("Page introuvable - RFI", null, null)]
    [TestCase("Le Monde", "Cette page n’existe plus", null)]
    [TestCase("Seite nicht gefunden - DW", null, null)]
    [TestCase("Página no encontrada | El País", null, null)]
    [TestCase("Страница не найдена — Meduza", null, null)]
    [TestCase("ページが見つかりません | NHK", null, null)]
    [TestCase("お探しのページは見つかりません", null, null)]
    [TestCase("페이지를 찾을 수 없습니다 - 연합뉴스", null, null)]
    [TestCase("Example", "Example", "Error 404. The requested URL was not found on this server.")]
    public void PagesSayingTheyAreMissingAreFound(string title, string? headline, string? text) =>
        Assert.That(NotFoundText.Says(title, headline, text), Is.True);

    [TestCase("Missing climbers still not found after three days of searching on the mountain", null)]
    [TestCase("Флот: обломки самолёта пока не найдены, поиски продолжаются у побережья", null)]
    [TestCase("La paz no existe sin justicia, dice el presidente en su discurso ante la asamblea", null)]
    [TestCase("Story 404", null)]
    [TestCase("Flight 404 lands safely", null)]
    [TestCase("Harbour crossing approved", "The word 404 appears in this article only as a room number, 404, in a long article text that goes on and on well past the short-page limit so it is an article and not an error page at all.")]
    public void NewsThatMentionsNotFindingSomethingIsNot(string title, string? text) =>
        Assert.That(NotFoundText.Says(title, title, text is null ? null : string.Concat(Enumerable.Repeat(text + " ", 20))), Is.False);

    [TestCase("https://example.com/", true)]
    [TestCase("https://example.com/index.html", true)]
    [TestCase("https://example.com/en/", true)]
    [TestCase("https://example.com/zh-hans", true)]
    [TestCase("https://example.com/ok", false)]
    [TestCase("https://example.com/cn-missing", false)]
    [TestCase("https://example.com/en/world", false)]
    public void SiteRootsAreKnown(string url, bool root) => Assert.That(Soft404Detector.IsRoot(new Uri(url)), Is.EqualTo(root));
}
