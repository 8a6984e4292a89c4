using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Archive.Warc;

/// <summary>What to keep of each record's block.</summary>
/// <param name="MaxBlockBytes">A block is kept whole up to this size; a longer one keeps its first bytes (enough for HTTP headers) and is stepped over.</param>
/// <param name="KeepBlock">Which records' blocks to keep at all; the others keep none, and their digests are not checked.</param>
internal sealed record WarcReadOptions(long MaxBlockBytes = 16 * 1024 * 1024, Func<WarcFields, bool>? KeepBlock = null)
{
    /// <summary>The first bytes kept of a block over the cap: an HTTP message's status line and headers.</summary>
    public const int HeadBytes = 64 * 1024;
}

/// <summary>
/// Reads WARC files (ISO 28500, WARC 1.0 and 1.1) as a forward stream, plain or gzipped, whatever the name says: a
/// file of any size is read in flat memory. A damaged record is a <see cref="WarcProblem"/> and reading goes on
/// at the next record (the next "WARC/" line, or the next gzip member after a damaged one).
/// </summary>
internal static class WarcReader
{
    private static readonly byte[] VersionPrefix = "WARC/"u8.ToArray();

    /// <summary>Whether the bytes start a gzip member (RFC 1952 §2.3.1: ID1, ID2, CM=deflate).</summary>
    public static bool IsGzip(ReadOnlySpan<byte> head) => head.Length >= 3 && head[0] == 0x1f && head[1] == 0x8b && head[2] == 8;

    /// <summary>Whether the bytes start an uncompressed WARC record.</summary>
    public static bool IsPlainWarc(ReadOnlySpan<byte> head) => head.StartsWith(VersionPrefix);

    /// <summary>Every record of the stream, and every damaged stretch, in file order.</summary>
    /// <param name="stream">The file; read forward only, from its current position (taken as offset 0 unless <paramref name="baseOffset"/> says otherwise).</param>
    public static IEnumerable<WarcEntry> Read(Stream stream, WarcReadOptions? options = null, long baseOffset = 0, CancellationToken cancellationToken = default)
    {
        options ??= new WarcReadOptions();
        var head = new byte[3];
        var peeked = ReadAtLeast(stream, head);
        var source = new PrefixedStream(head.AsMemory(0, peeked), stream);
        var gzip = IsGzip(head.AsSpan(0, peeked));
        var members = gzip ? new GzipMemberStream(source, baseOffset) : null;
        var bytes = new ByteSource(members ?? (Stream)source, gzip ? 0 : baseOffset);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            WarcEntry? entry;
            var more = true;
            try
            {
                entry = Next(bytes, members, options, gzip);
            }
            catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
            {
                // One damaged record costs itself: a gzipped file goes on at the next member, a plain one at the next version line.
                entry = new WarcProblem(bytes.Position, e.Message);
                try
                {
                    more = members is null ? bytes.SeekLineStartingWith(VersionPrefix) : members.Resync();
                    if (more && members is not null)
                    {
                        bytes.Reset(members.Position);
                    }
                }
                catch (Exception again) when (again is InvalidDataException or EndOfStreamException or IOException)
                {
                    // What lies under the file failed too (a damaged zip entry): nothing more can be read from it.
                    more = false;
                }
            }

            if (entry is null)
            {
                yield break;
            }

            yield return entry;
            if (!more)
            {
                yield break;
            }

            members?.ForgetBefore(bytes.Position);
        }
    }

    /// <summary>Reads the one record at <paramref name="location"/>: seeking when the stream can, else reading up to it from the stream's start (a deflated zip entry).</summary>
    public static WarcRecord? ReadAt(Stream file, WarcLocation location, WarcReadOptions? options = null)
    {
        if (file.CanSeek)
        {
            file.Seek(location.FileOffset, SeekOrigin.Begin);
        }
        else
        {
            var buffer = new byte[81920];
            for (var left = location.FileOffset; left > 0;)
            {
                var n = file.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
                if (n == 0)
                {
                    return null;
                }

                left -= n;
            }
        }

        Stream source = location.Gzip ? new GzipMemberStream(file, location.FileOffset) : file;
        var bytes = new ByteSource(source, location.Gzip ? 0 : location.FileOffset);
        bytes.Skip(location.Skip);
        return Next(bytes, source as GzipMemberStream, options ?? new WarcReadOptions(), location.Gzip) as WarcRecord;
    }

    private static WarcEntry? Next(ByteSource bytes, GzipMemberStream? members, WarcReadOptions options, bool gzip)
    {
        // Records are separated by CRLF CRLF (§4); tolerate stray line ends and find the next version line.
        bytes.SkipLineEnds();
        var offset = bytes.Position;
        if (!bytes.StartsWith(VersionPrefix))
        {
            if (bytes.AtEnd)
            {
                return null;
            }

            var found = bytes.SeekLineStartingWith(VersionPrefix);
            return new WarcProblem(offset, found
                ? $"{bytes.Position - offset} bytes at offset {offset} are not a WARC record; reading goes on at the next record"
                : $"the {bytes.Position - offset} bytes from offset {offset} to the end are not a WARC record");
        }

        var location = members is null ? new WarcLocation(offset, 0, false) : ToLocation(members.Locate(offset), gzip);
        var versionLine = bytes.ReadLine(offset) ?? throw new EndOfStreamException($"the file ends in the record at offset {offset}");
        var fields = new List<KeyValuePair<string, string>>();
        while (true)
        {
            var line = bytes.ReadLine(offset) ?? throw new EndOfStreamException($"the file ends in the header of the record at offset {offset}");
            if (line.Length == 0)
            {
                break;
            }

            // §4: a field may continue on lines that start with a space or a tab.
            if ((line[0] == ' ' || line[0] == '\t') && fields.Count > 0)
            {
                fields[^1] = new(fields[^1].Key, fields[^1].Value + " " + line.Trim());
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new InvalidDataException($"the record at offset {offset} has a header line without a field name: '{Shorten(line)}'");
            }

            fields.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }

        var warcFields = new WarcFields(fields);
        if (!long.TryParse(warcFields["Content-Length"], NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            throw new InvalidDataException($"the record at offset {offset} has no valid Content-Length");
        }

        var keep = options.KeepBlock?.Invoke(warcFields) ?? true;
        var cap = keep ? options.MaxBlockBytes : 0;
        var digest = keep ? BlockDigest.Parse(warcFields["WARC-Block-Digest"]) : null;
        var (block, read) = bytes.ReadBlock(length, cap, keep ? WarcReadOptions.HeadBytes : 0, digest?.Hash);
        if (read < length)
        {
            throw new EndOfStreamException($"the file ends {length - read} bytes into the {length}-byte block of the record at offset {offset}");
        }

        var notes = new List<string>();
        // §4: the block is followed by CRLF CRLF. Anything else means Content-Length was off; the next record is searched for.
        if (!bytes.TrySkip("\r\n\r\n"u8))
        {
            var end = bytes.Position;
            bytes.SeekLineStartingWith(VersionPrefix);
            notes.Add(bytes.Position - end > 0
                ? $"Content-Length is off: {bytes.Position - end} bytes lie between the block and the next record"
                : "the record does not end with CRLF CRLF");
        }

        return new WarcRecord(
            offset,
            versionLine.Length > 5 ? versionLine[5..] : "",
            warcFields,
            block,
            length,
            block.LongLength < length,
            digest is null || block.LongLength < length ? null : digest.Matches(),
            location,
            notes);
    }

    private static WarcLocation ToLocation((long MemberOffset, long Skip) at, bool gzip) => new(at.MemberOffset, at.Skip, gzip);

    private static string Shorten(string text) => text.Length > 60 ? text[..60] + "…" : text;

    private static int ReadAtLeast(Stream stream, byte[] buffer)
    {
        var n = 0;
        while (n < buffer.Length)
        {
            var got = stream.Read(buffer, n, buffer.Length - n);
            if (got == 0)
            {
                break;
            }

            n += got;
        }

        return n;
    }

    /// <summary>A labelled digest (WARC 1.1 §5.8: <c>algorithm:value</c>), computed as the block is read.</summary>
    private sealed class BlockDigest(string expected, IncrementalHash hash)
    {
        public IncrementalHash Hash { get; } = hash;

        public static BlockDigest? Parse(string? labelled)
        {
            var colon = labelled?.IndexOf(':', StringComparison.Ordinal) ?? -1;
            if (colon <= 0)
            {
                return null;
            }

            HashAlgorithmName? algorithm = labelled![..colon].Trim().ToLowerInvariant().Replace("-", "", StringComparison.Ordinal) switch
            {
                "sha1" => HashAlgorithmName.SHA1,
                "sha256" => HashAlgorithmName.SHA256,
                "sha512" => HashAlgorithmName.SHA512,
                "md5" => HashAlgorithmName.MD5,
                _ => null,
            };
            return algorithm is { } name ? new BlockDigest(labelled[(colon + 1)..].Trim(), IncrementalHash.CreateHash(name)) : null;
        }

        /// <summary>Whether the digest matches in any encoding tools use: base32 (the custom), hex or base64.</summary>
        public bool Matches()
        {
            var actual = Hash.GetHashAndReset();
            Hash.Dispose();
            return string.Equals(expected.TrimEnd('='), Base32.Encode(actual).TrimEnd('='), StringComparison.OrdinalIgnoreCase)
                || string.Equals(expected, Convert.ToHexString(actual), StringComparison.OrdinalIgnoreCase)
                || string.Equals(expected, Convert.ToBase64String(actual), StringComparison.Ordinal);
        }
    }

    /// <summary>A stream with a few already-read bytes put back in front.</summary>
    private sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream rest) : Stream
    {
        private ReadOnlyMemory<byte> prefix = prefix;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (prefix.IsEmpty)
            {
                return rest.Read(buffer);
            }

            var n = Math.Min(prefix.Length, buffer.Length);
            prefix.Span[..n].CopyTo(buffer);
            prefix = prefix[n..];
            return n;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A forward byte reader with its own buffer and an absolute position.</summary>
    private sealed class ByteSource(Stream stream, long position)
    {
        private const int MaxLine = 64 * 1024;
        private byte[] buffer = new byte[64 * 1024];
        private int start;
        private int end;
        private bool done;

        public long Position { get; private set; } = position;

        public bool AtEnd => !Fill(1);

        /// <summary>Drops what is buffered: the gzip stream under it started again elsewhere, its output now at <paramref name="position"/>.</summary>
        public void Reset(long position)
        {
            start = end = 0;
            done = false;
            Position = position;
        }

        public void SkipLineEnds()
        {
            while (Fill(1) && buffer[start] is (byte)'\r' or (byte)'\n')
            {
                Advance(1);
            }
        }

        public bool StartsWith(ReadOnlySpan<byte> prefix) => Fill(prefix.Length) && buffer.AsSpan(start, prefix.Length).SequenceEqual(prefix);

        public bool TrySkip(ReadOnlySpan<byte> expected)
        {
            if (!StartsWith(expected))
            {
                return false;
            }

            Advance(expected.Length);
            return true;
        }

        /// <summary>Moves to the next line that starts with <paramref name="prefix"/>, or to the end.</summary>
        public bool SeekLineStartingWith(ReadOnlySpan<byte> prefix)
        {
            var atLineStart = false;
            while (Fill(prefix.Length))
            {
                if (atLineStart && StartsWith(prefix))
                {
                    return true;
                }

                atLineStart = buffer[start] == (byte)'\n';
                Advance(1);
            }

            Advance(end - start);
            return false;
        }

        /// <summary>A line without its CRLF (or bare LF), read as UTF-8 (§4 allows UTF-8 in field values); null at the end.</summary>
        public string? ReadLine(long recordOffset)
        {
            while (true)
            {
                var at = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
                if (at >= 0)
                {
                    var length = at > 0 && buffer[start + at - 1] == '\r' ? at - 1 : at;
                    var line = Encoding.UTF8.GetString(buffer, start, length);
                    Advance(at + 1);
                    return line;
                }

                if (end - start >= MaxLine)
                {
                    throw new InvalidDataException($"the record at offset {recordOffset} has a header line over {MaxLine / 1024} KB");
                }

                if (!Fill(end - start + 1))
                {
                    return null;
                }
            }
        }

        /// <summary>Reads <paramref name="length"/> bytes, keeping up to <paramref name="cap"/> (or, over it, the first <paramref name="head"/>).</summary>
        public (byte[] Kept, long Read) ReadBlock(long length, long cap, int head, IncrementalHash? hash)
        {
            var keep = (int)(length <= cap ? length : Math.Min(head, Math.Min(cap, length)));
            var kept = new byte[keep];
            long read = 0;
            while (read < length && Fill(1))
            {
                var n = (int)Math.Min(end - start, length - read);
                var chunk = buffer.AsSpan(start, n);
                hash?.AppendData(chunk);
                if (read < keep)
                {
                    chunk[..(int)Math.Min(n, keep - read)].CopyTo(kept.AsSpan((int)read));
                }

                read += n;
                Advance(n);
            }

            return (kept, read);
        }

        public void Skip(long count)
        {
            while (count > 0 && Fill(1))
            {
                var n = (int)Math.Min(end - start, count);
                Advance(n);
                count -= n;
            }
        }

        private void Advance(int n)
        {
            start += n;
            Position += n;
        }

        private bool Fill(int bytes)
        {
            if (end - start >= bytes)
            {
                return true;
            }

            if (start > 0)
            {
                Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }

            if (bytes > buffer.Length)
            {
                Array.Resize(ref buffer, bytes);
            }

            while (end < bytes && !done)
            {
                var n = stream.Read(buffer, end, buffer.Length - end);
                if (n == 0)
                {
                    done = true;
                }

                end += n;
            }

            return end - start >= bytes;
        }
    }
}
