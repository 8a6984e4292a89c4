using SkiaSharp;

namespace Archive.TestSite;

/// <summary>Photographs stand-ins drawn with SkiaSharp: gradients, shapes and text, different for every seed.</summary>
public static class GeneratedImages
{
    public static byte[] Jpeg(int seed, int width = 800, int height = 450, int quality = 85)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height));
        var canvas = surface.Canvas;
        var random = new Random(seed);
        using (var paint = new SKPaint())
        {
            paint.Shader = SKShader.CreateLinearGradient(
                new SKPoint(0, 0),
                new SKPoint(width, height),
                [RandomColour(random), RandomColour(random)],
                SKShaderTileMode.Clamp);
            canvas.DrawRect(0, 0, width, height, paint);
        }

        using var shape = new SKPaint { IsAntialias = true };
        for (var i = 0; i < 12; i++)
        {
            shape.Color = RandomColour(random).WithAlpha(180);
            canvas.DrawCircle(random.Next(width), random.Next(height), random.Next(10, height / 3), shape);
        }

        using var font = new SKFont(SKTypeface.Default, height / 8f);
        using var ink = new SKPaint { Color = SKColors.White, IsAntialias = true };
        canvas.DrawText($"#{seed}", width / 20f, height * 0.9f, SKTextAlign.Left, font, ink);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, quality);
        return data.ToArray();
    }

    /// <summary>The same picture decoded and encoded again, optionally scaled, in another format or quality: what a CDN serves as a rendition.</summary>
    public static byte[] Reencode(byte[] bytes, int quality, double scale = 1, SKEncodedImageFormat format = SKEncodedImageFormat.Jpeg)
    {
        using var source = SKBitmap.Decode(bytes);
        var width = Math.Max(1, (int)Math.Round(source.Width * scale));
        var height = Math.Max(1, (int)Math.Round(source.Height * scale));
        using var scaled = scale == 1 ? source.Copy() : source.Resize(new SKImageInfo(width, height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        using var image = SKImage.FromBitmap(scaled);
        using var data = image.Encode(format, quality);
        return data.ToArray();
    }

    /// <summary>A centred window of the picture holding <paramref name="keepWidth"/> of its width and <paramref name="keepHeight"/> of its height.</summary>
    public static byte[] Crop(byte[] bytes, double keepWidth, double keepHeight, int quality = 85)
    {
        using var source = SKBitmap.Decode(bytes);
        var width = (int)Math.Round(source.Width * keepWidth);
        var height = (int)Math.Round(source.Height * keepHeight);
        using var surface = SKSurface.Create(new SKImageInfo(width, height));
        using var image = SKImage.FromBitmap(source);
        surface.Canvas.DrawImage(image, -(source.Width - width) / 2f, -(source.Height - height) / 2f, SKSamplingOptions.Default);
        using var snapshot = surface.Snapshot();
        using var data = snapshot.Encode(SKEncodedImageFormat.Jpeg, quality);
        return data.ToArray();
    }

    /// <summary>The picture with a solid patch painted over <paramref name="area"/> of it: a local edit, as when something is painted out.</summary>
    public static byte[] Edit(byte[] bytes, double area = 0.06, int quality = 85)
    {
        using var source = SKBitmap.Decode(bytes);
        using var surface = SKSurface.Create(new SKImageInfo(source.Width, source.Height));
        using var image = SKImage.FromBitmap(source);
        surface.Canvas.DrawImage(image, 0, 0, SKSamplingOptions.Default);
        var side = (float)Math.Sqrt(area * source.Width * source.Height);
        using var paint = new SKPaint { Color = new SKColor(20, 20, 20) };
        surface.Canvas.DrawRect(source.Width * 0.6f, source.Height * 0.2f, side, side, paint);
        using var snapshot = surface.Snapshot();
        using var data = snapshot.Encode(SKEncodedImageFormat.Jpeg, quality);
        return data.ToArray();
    }

    /// <summary>
    /// A PNG whose header claims <paramref name="width"/> × <paramref name="height"/> pixels but whose data is a
    /// few bytes: a decompression bomb, which a decoder must refuse from its header alone.
    /// </summary>
    public static byte[] PngBomb(int width = 50_000, int height = 50_000)
    {
        var png = new List<byte> { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A };
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", [0x78, 0x9C, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01]);
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(List<byte> png, string type, byte[] data)
    {
        var length = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.AddRange(length);
        var typed = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.AddRange(typed);
        var crc = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.AddRange(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    private static SKColor RandomColour(Random random) => new((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
}
