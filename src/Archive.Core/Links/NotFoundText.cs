using System.Text.RegularExpressions;

namespace Archive.Links;

/// <summary>
/// Soft-404 signal (b): a page whose title, headline or (short) text says it was not found, in English, Chinese
/// (simplified and traditional), French, German, Spanish, Russian, Japanese and Korean. News headlines say "not
/// found" too ("Missing climbers not found"), so phrases about a missing <em>page</em> count anywhere, while
/// bare "not found" counts only in a short title or a near-empty page.
/// </summary>
public static partial class NotFoundText
{
    /// <summary>Pages with more text than this are articles; only their title and headline are read.</summary>
    public const int ShortPageChars = 1500;

    /// <summary>Bare phrases ("Not Found", "不存在") count only in titles, headlines and texts this short.</summary>
    public const int BarePhraseChars = 60;

    public static bool Says(string? title, string? headline, string? text)
    {
        foreach (var part in new[] { title, headline, text is { Length: <= ShortPageChars } ? text : null })
        {
            if (string.IsNullOrWhiteSpace(part))
            {
                continue;
            }

            if (PagePhrases().IsMatch(part) || (part.Trim().Length <= BarePhraseChars && BarePhrases().IsMatch(part)))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(
        """
        page\s+not\s+found|page\s+(?:you\s+(?:requested|are\s+looking\s+for|were\s+looking\s+for)\s+)?(?:does\s*n[o']t\s+exist|cannot\s+be\s+found|could\s+not\s+be\s+found|can't\s+be\s+found|no\s+longer\s+exists|is\s+no\s+longer\s+available)
        |页面不存在|页面未找到|找不到(?:该|此|您要的|您访问的)?(?:页面|网页)|您(?:访问|请求)的(?:页面|网页)不存在|网页不存在
        |頁面不存在|頁面未找到|找不到(?:該|此|您要的|您訪問的)?(?:頁面|網頁)|您(?:訪問|請求)的(?:頁面|網頁)不存在|網頁不存在
        |page\s+introuvable|page\s+non\s+trouv[ée]e|cette\s+page\s+n['’]existe\s+(?:pas|plus)
        |seite\s+(?:wurde\s+)?nicht\s+gefunden|diese\s+seite\s+existiert\s+nicht
        |p[áa]gina\s+no\s+encontrada|p[áa]gina\s+no\s+existe|no\s+se\s+(?:ha\s+)?(?:podido\s+)?encontrar?\s+la\s+p[áa]gina
        |страница\s+не\s+найдена|страница\s+не\s+существует
        |ページが見つかりません|お探しのページ(?:は|が)(?:見つかりません|存在しません)|ページは存在しません
        |페이지를\s*찾을\s*수\s*없|존재하지\s*않는\s*페이지|요청하신\s*페이지
        """,
        RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.NonBacktracking | RegexOptions.CultureInvariant)]
    private static partial Regex PagePhrases();

    [GeneratedRegex(
        """
        ^\s*(?:error\s*)?404\b|\b404\s*(?:error|page|not|[-–:|])|(?:error|page|http)\s*404|not\s+found|no\s+longer\s+(?:exists|available)|does\s*n[o']t\s+exist
        |不存在|找不到|未找到|已被删除|已删除|已被刪除|已刪除
        |introuvable|n['’]existe\s+(?:pas|plus)|nicht\s+gefunden|existiert\s+nicht|no\s+encontrad[oa]|no\s+existe
        |не\s+найден|не\s+существует|見つかりません|存在しません|찾을\s*수\s*없
        """,
        RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.NonBacktracking | RegexOptions.CultureInvariant)]
    private static partial Regex BarePhrases();
}
