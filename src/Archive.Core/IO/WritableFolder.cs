namespace Archive.IO;

/// <summary>
/// Checks, before any page is fetched, that a run can write where it has been told to: a run that fails at its
/// end over a read-only or misnamed folder has spent its whole time for nothing and leaves old reports looking current.
/// </summary>
public static class WritableFolder
{
    /// <returns>One plain sentence naming the folder and what is wrong, or null when it can be written.</returns>
    public static string? Problem(string folder, string what)
    {
        var full = Path.GetFullPath(folder);
        for (var at = full; !string.IsNullOrEmpty(at); at = Path.GetDirectoryName(at))
        {
            if (File.Exists(at))
            {
                return at == full
                    ? $"the {what} folder '{folder}' is a file, not a folder"
                    : $"the {what} folder '{folder}' cannot be made: '{at}' is a file, not a folder";
            }

            if (Directory.Exists(at))
            {
                break;
            }
        }

        var probe = Path.Combine(full, $".archive-write-test-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(full);
            using (var stream = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
                stream.WriteByte(0);
                stream.Flush(flushToDisk: true);
            }

            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return $"the {what} folder '{folder}' is not writable (permission denied)";
        }
        catch (IOException e) when ((e.HResult & 0xFFFF) == 28 || e.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase))
        {
            return $"the {what} folder '{folder}' cannot be written: the disk is full";
        }
        catch (IOException e) when (e.Message.Contains("Read-only file system", StringComparison.OrdinalIgnoreCase))
        {
            return $"the {what} folder '{folder}' is on a read-only file system";
        }
        catch (IOException e)
        {
            return $"the {what} folder '{folder}' cannot be written: {e.Message}";
        }
    }
}
