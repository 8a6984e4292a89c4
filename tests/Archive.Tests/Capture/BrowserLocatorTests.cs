using Archive.Capture;

namespace Archive.Tests.Capture;

/// <summary>Which browser a check launches: the lighter headless shell wherever it is installed, else the full Chromium.</summary>
public sealed class BrowserLocatorTests
{
    private static string Touch(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "#!/bin/sh\n");
        return path;
    }

    [Test]
    public void OnThePathTheHeadlessShellComesBeforeTheFullChromium()
    {
        using var temp = new TempDirectory();
        var bin = Path.Combine(temp.Path, "bin");
        Touch(Path.Combine(bin, "chromium"));
        var env = new Dictionary<string, string?> { ["PATH"] = bin, ["HOME"] = temp.Path };
        var full = BrowserLocator.Find(null, name => env.GetValueOrDefault(name))!;
        Assert.That(full.ExecutablePath, Is.EqualTo(Path.Combine(bin, "chromium")));
        Assert.That(full.FoundBy, Does.Contain("install chromium-headless-shell"), "it says why a lighter one would be better");

        var shell = Touch(Path.Combine(bin, "chromium-headless-shell"));
        var found = BrowserLocator.Find(null, name => env.GetValueOrDefault(name))!;
        Assert.That(found.ExecutablePath, Is.EqualTo(shell));
        Assert.That(found.FoundBy, Does.Contain("headless shell"));
    }

    [Test]
    public void PlaywrightsHeadlessShellComesBeforeItsFullChromiumAndTheSystems()
    {
        using var temp = new TempDirectory();
        var cache = Path.Combine(temp.Path, "ms-playwright");
        Touch(Path.Combine(cache, "chromium-1200", "chrome-linux64", "chrome"));
        var shell = Touch(Path.Combine(cache, "chromium_headless_shell-1200", "chrome-headless-shell-linux64", "chrome-headless-shell"));
        var bin = Path.Combine(temp.Path, "bin");
        Touch(Path.Combine(bin, "chromium-headless-shell"));
        var env = new Dictionary<string, string?> { ["PATH"] = bin, ["PLAYWRIGHT_BROWSERS_PATH"] = cache };
        var found = BrowserLocator.Find(null, name => env.GetValueOrDefault(name))!;
        Assert.That(found.ExecutablePath, Is.EqualTo(shell));
        Assert.That(found.FoundBy, Does.StartWith("Playwright"));

        env["ARCHIVE_CHROMIUM"] = Path.Combine(bin, "chromium-headless-shell");
        Assert.That(BrowserLocator.Find(null, name => env.GetValueOrDefault(name))!.FoundBy, Is.EqualTo("ARCHIVE_CHROMIUM"), "an explicit choice still wins");
    }
}
