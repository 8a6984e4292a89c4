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

    private static SKColor RandomColour(Random random) => new((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
}
