using ICSharpCode.SharpZipLib;
using ICSharpCode.SharpZipLib.Zip.Compression;

namespace Archive.Warc;

/// <summary>
/// A file of concatenated gzip members (RFC 1952 §2.2) read as one decompressed stream, knowing where each member
/// starts in the file. WARC files are gzipped one member per record (WARC 1.1 Annex D) so a reader can seek to a
/// record; that needs the member offsets, which <see cref="System.IO.Compression.GZipStream"/> reads past without
/// telling. SharpZipLib's inflater reports the input it did not use, so each member's end is known exactly.
/// </summary>
internal sealed class GzipMemberStream(Stream source, long sourceOffset = 0) : Stream
{
    private const int BufferSize = 64 * 1024;

    private readonly Inflater inflater = new(noHeader: true);
    private readonly List<(long Decompressed, long Compressed)> members = [];
    private byte[] input = new byte[BufferSize];
    private int start;
    private int end;
    private long inputBase = sourceOffset; // the file offset of input[0]
    private long position;
    private bool inMember;
    private bool sourceDone;

    /// <summary>Where the member that produced the decompressed byte at <paramref name="decompressed"/> starts in the file, and how far into its output that byte lies.</summary>
    public (long MemberOffset, long Skip) Locate(long decompressed)
    {
        for (var i = members.Count - 1; i >= 0; i--)
        {
            if (members[i].Decompressed <= decompressed)
            {
                return (members[i].Compressed, decompressed - members[i].Decompressed);
            }
        }

        throw new InvalidOperationException($"decompressed offset {decompressed} is before the members still known");
    }

    /// <summary>Forgets members wholly before <paramref name="decompressed"/>: a long file keeps a flat memory.</summary>
    public void ForgetBefore(long decompressed)
    {
        var keep = members.FindLastIndex(m => m.Decompressed <= decompressed);
        if (keep > 0)
        {
            members.RemoveRange(0, keep);
        }
    }

    /// <summary>
    /// After a damaged member, starts again at the next gzip header after the damaged one's start: one bad member
    /// costs its own records, not the rest of the file.
    /// </summary>
    /// <returns>Whether another member was found.</returns>
    public bool Resync()
    {
        inflater.Reset();
        inMember = false;
        var from = members.Count > 0 ? members[^1].Compressed + 1 : inputBase + start;
        while (true)
        {
            // The buffer may have moved past the damaged member's start; scanning from what is buffered is all a forward reader can do.
            var skip = (int)Math.Clamp(from - inputBase, start, end);
            start = skip;
            var at = input.AsSpan(start, end - start).IndexOf((ReadOnlySpan<byte>)[0x1f, 0x8b, 0x08]);
            if (at >= 0)
            {
                start += at;
                return true;
            }

            // Keep the last two bytes: a header may straddle the buffer's end.
            start = Math.Max(start, end - 2);
            from = inputBase + start;
            if (!Fill(3))
            {
                start = end;
                return false;
            }
        }
    }

    public override int Read(Span<byte> buffer)
    {
        // SharpZipLib inflates into arrays: a span is served through a rented one.
        var rented = System.Buffers.ArrayPool<byte>.Shared.Rent(buffer.Length);
        try
        {
            var n = Read(rented, 0, buffer.Length);
            rented.AsSpan(0, n).CopyTo(buffer);
            return n;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (count == 0)
        {
            return 0;
        }

        while (true)
        {
            if (!inMember)
            {
                if (!StartMember())
                {
                    return 0;
                }
            }

            int produced;
            try
            {
                produced = inflater.Inflate(buffer, offset, count);
            }
            catch (Exception e) when (e is SharpZipBaseException or IndexOutOfRangeException or ArgumentOutOfRangeException)
            {
                // SharpZipLib reports some damaged deflate data as an index out of range rather than as its own error.
                throw new InvalidDataException($"damaged gzip member at offset {members[^1].Compressed}: {e.Message}", e);
            }

            if (produced > 0)
            {
                position += produced;
                return produced;
            }

            if (inflater.IsFinished)
            {
                // What the inflater did not use starts the trailer (CRC-32, ISIZE: RFC 1952 §2.3.1), then the next member.
                start = end - inflater.RemainingInput;
                if (!Fill(8))
                {
                    throw new InvalidDataException($"gzip member at offset {members[^1].Compressed} ends without its trailer");
                }

                start += 8;
                inflater.Reset();
                inMember = false;
                continue;
            }

            if (inflater.IsNeedingInput)
            {
                start = end;
                if (!Fill(1))
                {
                    throw new EndOfStreamException($"the file ends inside the gzip member at offset {members[^1].Compressed}");
                }

                inflater.SetInput(input, start, end - start);
            }
        }
    }

    /// <summary>Reads a member header (RFC 1952 §2.3), FEXTRA, FNAME, FCOMMENT and FHCRC included.</summary>
    /// <returns>False at the clean end of the file.</returns>
    private bool StartMember()
    {
        if (!Fill(10))
        {
            if (end - start == 0)
            {
                return false;
            }

            throw new InvalidDataException($"{end - start} stray bytes at the end of the file (offset {inputBase + start}), not a gzip member");
        }

        var memberStart = inputBase + start;
        if (input[start] != 0x1f || input[start + 1] != 0x8b || input[start + 2] != 8)
        {
            throw new InvalidDataException($"no gzip member at offset {memberStart}");
        }

        var flags = input[start + 3];
        var at = 10;
        if ((flags & 4) != 0)
        {
            Need(at + 2, memberStart);
            at += 2 + (input[start + at] | (input[start + at + 1] << 8));
        }

        foreach (var flag in new[] { 8, 16 })
        {
            if ((flags & flag) != 0)
            {
                while (true)
                {
                    Need(at + 1, memberStart);
                    if (input[start + at++] == 0)
                    {
                        break;
                    }
                }
            }
        }

        if ((flags & 2) != 0)
        {
            at += 2;
        }

        Need(at, memberStart);
        start += at;
        members.Add((position, memberStart));
        inflater.SetInput(input, start, end - start);
        inMember = true;
        return true;
    }

    private void Need(int bytes, long memberStart)
    {
        if (!Fill(bytes))
        {
            throw new InvalidDataException($"the gzip member at offset {memberStart} is cut short in its header");
        }
    }

    /// <summary>Makes at least <paramref name="bytes"/> bytes available from <see cref="start"/>, compacting and growing the buffer.</summary>
    private bool Fill(int bytes)
    {
        if (end - start >= bytes)
        {
            return true;
        }

        if (start > 0)
        {
            Buffer.BlockCopy(input, start, input, 0, end - start);
            inputBase += start;
            end -= start;
            start = 0;
        }

        if (bytes > input.Length)
        {
            Array.Resize(ref input, Math.Max(bytes, input.Length * 2));
        }

        while (end < bytes && !sourceDone)
        {
            var n = source.Read(input, end, input.Length - end);
            if (n == 0)
            {
                sourceDone = true;
            }

            end += n;
        }

        return end - start >= bytes;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => position;
        set => throw new NotSupportedException();
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
