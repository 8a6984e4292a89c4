using Microsoft.Playwright;

namespace Archive.Capture;

/// <summary>
/// Scrolls the page one viewport at a time so that lazy images (<c>loading=lazy</c>, IntersectionObserver-based
/// loaders reading <c>data-src</c>) load as they would for a reader, then returns to the top for the screenshot.
/// </summary>
internal static class AutoScroll
{
    private const string Script = """
        async ([maxSteps, pause]) => {
          const sleep = ms => new Promise(r => setTimeout(r, ms));
          let steps = 0;
          for (let y = 0; steps < maxSteps; steps++) {
            const height = Math.max(document.body ? document.body.scrollHeight : 0, document.documentElement.scrollHeight);
            if (y >= height - innerHeight && steps > 0) break;
            y += innerHeight;
            scrollTo(0, y);
            await sleep(pause);
          }
          scrollTo(0, 0);
          return steps;
        }
        """;

    public static async Task<int> RunAsync(IPage page, int maxSteps, int pauseMs)
    {
        try
        {
            return await page.EvaluateAsync<int>(Script, new object[] { maxSteps, pauseMs }).ConfigureAwait(false);
        }
        catch (PlaywrightException)
        {
            return 0;
        }
    }
}
