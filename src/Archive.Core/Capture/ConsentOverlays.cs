using Microsoft.Playwright;

namespace Archive.Capture;

/// <summary>
/// Best-effort dismissal of cookie and consent overlays, which otherwise cover the article in screenshots and
/// sometimes hide its text. It clicks the "accept" button of a visible element that looks like a consent
/// dialog (by well-known CMP ids, or by id/class/aria words), in the languages the corpus covers. Never fatal.
/// </summary>
internal static class ConsentOverlays
{
    private const string Script = """
        () => {
          const known = ['#onetrust-accept-btn-handler', '#didomi-notice-agree-button', '.fc-cta-consent',
            '#truste-consent-button', '.qc-cmp2-summary-buttons button[mode=primary]', '#sp_message_container button[title*=ccept]',
            'button[data-testid=accept-button]', '#CybotCookiebotDialogBodyLevelButtonLevelOptinAllowAll', '.cc-allow', '.cc-dismiss'];
          const visible = el => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
            return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
          for (const sel of known) { const el = document.querySelector(sel); if (el && visible(el)) { el.click(); return sel; } }
          const words = /^(accept( all)?( cookies)?|allow( all)?|i agree|agree|ok|got it|同意|接受|全部接受|我同意|accepter|tout accepter|j'accepte|akzeptieren|alle akzeptieren|zustimmen|aceptar|aceptar todo|принять|同意する|동의)$/i;
          const containers = [...document.querySelectorAll('[id*=cookie i],[class*=cookie i],[id*=consent i],[class*=consent i],[id*=gdpr i],[class*=gdpr i],[aria-label*=cookie i],[aria-label*=consent i],[role=dialog]')];
          for (const c of containers) {
            if (!visible(c)) continue;
            for (const b of c.querySelectorAll('button, a[role=button], input[type=button], input[type=submit]')) {
              const text = (b.innerText || b.value || '').trim();
              if (words.test(text) && visible(b)) { b.click(); return text; }
            }
          }
          return null;
        }
        """;

    /// <returns>What was clicked, or null when nothing looked like a consent overlay.</returns>
    public static async Task<string?> DismissAsync(IPage page)
    {
        try
        {
            return await page.EvaluateAsync<string?>(Script).ConfigureAwait(false);
        }
        catch (PlaywrightException)
        {
            return null;
        }
    }
}
