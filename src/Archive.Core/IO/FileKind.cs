using System.Runtime.InteropServices;

namespace Archive.IO;

/// <summary>What a path names, following symbolic links: .NET's file attributes cannot tell a device or a FIFO from a regular file.</summary>
internal enum FileKind
{
    Missing,
    Regular,
    Directory,

    /// <summary>A character or block device, a FIFO or a socket: written into, never renamed over.</summary>
    Special,
}

internal static partial class FileKinds
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28; // struct statx: stx_mask, stx_blksize (u32), stx_attributes (u64), stx_nlink, stx_uid, stx_gid (u32), stx_mode (u16)
    private const int TypeMask = 0xF000;
    private const int Regular = 0x8000;
    private const int Folder = 0x4000;

    /// <summary>The kind of what <paramref name="path"/> finally names (links followed).</summary>
    public static FileKind Of(string path)
    {
        if (Directory.Exists(path))
        {
            return FileKind.Directory;
        }

        if (!File.Exists(path))
        {
            return FileKind.Missing;
        }

        // statx has one layout on every Linux architecture (stat's differs between x86-64 and arm64).
        if (OperatingSystem.IsLinux())
        {
            var buffer = new byte[256];
            try
            {
                if (Statx(AtFdCwd, path, 0, StatxType, buffer) == 0)
                {
                    return (BitConverter.ToUInt16(buffer, ModeOffset) & TypeMask) switch
                    {
                        Regular => FileKind.Regular,
                        Folder => FileKind.Directory,
                        _ => FileKind.Special,
                    };
                }
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                // a libc without statx (very old glibc): fall through to what .NET can tell
            }
        }

        // Elsewhere (and on old kernels) a device can still be told apart by where it lives.
        return path.StartsWith("/dev/", StringComparison.Ordinal) || path.StartsWith("/proc/", StringComparison.Ordinal) ? FileKind.Special : FileKind.Regular;
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Statx(int directory, string path, int flags, uint mask, [Out] byte[] buffer);
}
