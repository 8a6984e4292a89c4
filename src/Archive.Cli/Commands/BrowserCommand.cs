using System.CommandLine;
using Archive.Capture;
using Spectre.Console;

namespace Archive.Cli.Commands;

/// <summary><c>archive browser</c>: which Chromium a check would use; <c>archive browser install</c>: Playwright's installer.</summary>
internal static class BrowserCommand
{
    public static Command Create(CliConsole console)
    {
        var path = new Option<string?>("--browser-path") { Description = "An explicit Chromium binary to check." };
        var show = new Command("browser", "Show which Chromium 'archive check' would launch.") { path };
        show.SetAction(parse =>
        {
            var location = BrowserLocator.Find(parse.GetValue(path));
            if (location is null)
            {
                console.Error.WriteLine(BrowserLocator.Advice(parse.GetValue(path)));
                return 3;
            }

            console.Out.WriteLine($"{location.ExecutablePath} (found by {location.FoundBy})");
            return 0;
        });

        var install = new Command("install", "Install Chromium with Playwright's own installer (needs internet access to Playwright's download servers).");
        install.SetAction(_ => Microsoft.Playwright.Program.Main(["install", "chromium"]) == 0 ? 0 : 3);
        show.Subcommands.Add(install);
        return show;
    }
}
