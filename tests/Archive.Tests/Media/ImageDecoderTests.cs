using System.Text;
using Archive.Media;
using Archive.TestSite;
using SkiaSharp;

namespace Archive.Tests.Media;

/// <summary>Decoding untrusted bytes: formats by their magic numbers, hostile files refused with a reason, small canvases.</summary>
public sealed class ImageDecoderTests
{
    private static readonly byte[] Photo = GeneratedImages.Jpeg(3, 1280, 720);

    [Test]
    public void FormatsAreToldByTheirBytesNotTheirNames()
    {
        Assert.That(ImageFormatSniffer.Sniff(Photo), Is.EqualTo(ImageFormat.Jpeg));
        Assert.That(ImageFormatSniffer.Sniff(GeneratedImages.Reencode(Photo, 90, 0.1, SKEncodedImageFormat.Png)), Is.EqualTo(ImageFormat.Png));
        Assert.That(ImageFormatSniffer.Sniff(GeneratedImages.Reencode(Photo, 90, 0.1, SKEncodedImageFormat.Webp)), Is.EqualTo(ImageFormat.WebP));
        Assert.That(ImageFormatSniffer.Sniff("GIF89a\x01\x00"u8), Is.EqualTo(ImageFormat.Gif));
        Assert.That(ImageFormatSniffer.Sniff((byte[])[0, 0, 0, 0x1C, .. "ftypavif"u8, 0, 0, 0, 0]), Is.EqualTo(ImageFormat.Avif));
        Assert.That(ImageFormatSniffer.Sniff(Encoding.UTF8.GetBytes("\uFEFF  <!DOCTYPE html><html><body>404</body></html>")), Is.EqualTo(ImageFormat.Html));
        Assert.That(ImageFormatSniffer.Sniff("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>"u8), Is.EqualTo(ImageFormat.Svg));
        Assert.That(ImageFormatSniffer.Sniff("just text"u8), Is.EqualTo(ImageFormat.Unknown));
    }

    [Test]
    public void AJpegIsDecodedStraightToASmallCanvas()
    {
        var image = ImageDecoder.Decode(Photo, ImageLimits.Default);
        Assert.That((image.Width, image.Height), Is.EqualTo((1280, 720)));
        Assert.That((image.CanvasWidth, image.CanvasHeight), Is.EqualTo((320, 180)));
        Assert.That(image.Rgba, Has.Length.EqualTo(320 * 180 * 4));
    }

    [Test]
    public void TransparencyIsCompositedOnWhite()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(8, 8, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        bitmap.Erase(SKColors.Transparent);
        using var png = SKImage.FromBitmap(bitmap).Encode(SKEncodedImageFormat.Png, 100);
        var image = ImageDecoder.Decode(png.ToArray(), ImageLimits.Default);
        Assert.That(image.Grey, Has.All.EqualTo(255));
    }

    [Test]
    public void ATruncatedJpegIsAnErrorNotAGreyPicture()
    {
        var error = Assert.Throws<ImageDecodeException>(() => ImageDecoder.Decode(Photo[..(Photo.Length / 2)], ImageLimits.Default));
        Assert.That(error!.Message, Does.StartWith("truncated"));
    }

    [Test]
    public void ADecompressionBombIsRefusedFromItsHeader()
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var error = Assert.Throws<ImageDecodeException>(() => ImageDecoder.Decode(GeneratedImages.PngBomb(), ImageLimits.Default));
        Assert.That(error!.Message, Does.Contain("50,000 × 50,000").And.Contain("decompression bomb"));
        Assert.That(GC.GetTotalAllocatedBytes(precise: true) - before, Is.LessThan(1024 * 1024), "nothing the size of the claimed picture was allocated");
    }

    [TestCase("<!DOCTYPE html><html><body>Not found</body></html>", "an HTML page")]
    [TestCase("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>", "SVG")]
    [TestCase("", "an empty file")]
    [TestCase("\u00ff\u00d8\u00ffgarbage", "JPEG")]
    public void WhatIsNotARasterImageSaysWhatItIs(string content, string reason)
    {
        var bytes = content.Select(c => (byte)c).ToArray();
        var error = Assert.Throws<ImageDecodeException>(() => ImageDecoder.Decode(bytes, ImageLimits.Default));
        Assert.That(error!.Message, Does.Contain(reason));
    }

    [Test]
    public void EachFileIsDecodedOncePerRun()
    {
        var cache = new ImageSignatureCache(ImageLimits.Default);
        var first = cache.Decode(Photo);
        var again = cache.Decode(Photo.ToArray());
        Assert.That(again.Signature, Is.SameAs(first.Signature));
        Assert.That(cache.Decode([1, 2, 3]).Error, Is.Not.Null);
    }

    [Test]
    public void TheCacheForgetsTheOldestPastItsBudget()
    {
        var cache = new ImageSignatureCache(ImageLimits.Default, budgetBytes: 400_000);
        var first = cache.Decode(Photo);
        cache.Decode(GeneratedImages.Jpeg(4, 1280, 720));
        Assert.That(cache.Decode(Photo).Signature, Is.Not.SameAs(first.Signature), "decoded again after being forgotten");
    }

    [Test]
    public void JpegQualityIsReadFromTheQuantisationTables()
    {
        var q60 = GeneratedImages.Reencode(Photo, 60);
        Assert.That(JpegQuantization.Tables(GeneratedImages.Reencode(q60, 60)), Is.EqualTo(JpegQuantization.Tables(q60)));
        Assert.That(JpegQuantization.Tables(q60), Is.Not.EqualTo(JpegQuantization.Tables(Photo)));
        Assert.That(JpegQuantization.Tables("\u0089PNG"u8), Is.Null);
    }
}
