using Archive.TestSite;

namespace Archive.IntegrationTests.Fixtures;

/// <summary>
/// A live site with one story (paragraphs and a picture) reached through a permanent redirect, and a working
/// directory whose <c>seeds/story.txt</c> archived it from the redirecting URL: the smallest page whose capture
/// has a redirect, a document and a picture.
/// </summary>
internal sealed record StorySite(LiveSite Site, string Work, byte[] Picture)
{
    public static async Task<StorySite> StartAsync(string name, int pictureSeed)
    {
        Harness.RequireBrowser();
        var site = await LiveSite.StartAsync();
        var work = Directory.CreateTempSubdirectory($"archive-{name}-").FullName;
        var picture = GeneratedImages.Jpeg(pictureSeed, 640, 360);
        site.Bytes("/img/lead.jpg", "image/jpeg", picture);
        site.Html("/story", Story(Pages.Paragraphs));
        site.Redirect("/old-story", "/story", 301);
        Pages.Seed(Path.Combine(work, "seeds"), "story", LiveSite.Public("/old-story"), Pages.Body(Pages.Paragraphs, [LiveSite.Public("/img/lead.jpg").AbsoluteUri]), "Story");
        return new StorySite(site, work, picture);
    }

    /// <summary>The story's live page with these paragraphs.</summary>
    public static string Story(IEnumerable<string> paragraphs) => Pages.Article("Story", paragraphs, [LiveSite.Public("/img/lead.jpg").AbsoluteUri]);

    public Task StopAsync() => Harness.CleanUpAsync(Site, Work);
}
