using Archive.Media;
using Archive.TestSite;
using SkiaSharp;

namespace Archive.Tests.Media;

/// <summary>Pixel comparison over generated pictures whose truth is known.</summary>
public sealed class ImageComparerTests
{
    private static readonly byte[] Original = GeneratedImages.Jpeg(7, 1280, 720);

    private static ImageComparison Compare(byte[] archived, byte[] live) =>
        ImageComparer.Compare(ImageDecoder.Decode(archived, ImageLimits.Default), ImageDecoder.Decode(live, ImageLimits.Default), archived, live);

    [Test]
    public void TheSameBytesAreSameWithoutLooking()
    {
        var comparison = Compare(Original, Original.ToArray());
        Assert.That((comparison.Verdict, comparison.Similarity, comparison.Diff), Is.EqualTo((ImageVerdict.Same, 1.0, (PixelDiffResult?)null)));
    }

    [Test]
    public void AResaveAtTheSameQualityIsSame() =>
        Assert.That(Compare(Original, GeneratedImages.Reencode(Original, 85)).Verdict, Is.EqualTo(ImageVerdict.Same));

    [Test]
    public void ALosslessCopyInAnotherFormatIsSame()
    {
        var png = GeneratedImages.Reencode(Original, 100, format: SKEncodedImageFormat.Png);
        Assert.That(Compare(Original, png).Verdict, Is.EqualTo(ImageVerdict.Same));
    }

    [Test]
    public void Quality60AtTheSameSizeIsResized() =>
        Assert.That(Compare(Original, GeneratedImages.Reencode(Original, 60)).Verdict, Is.EqualTo(ImageVerdict.Resized));

    [Test]
    public void HalfSizeAtQuality60IsResized()
    {
        var comparison = Compare(Original, GeneratedImages.Reencode(Original, 60, 0.5));
        Assert.That(comparison.Verdict, Is.EqualTo(ImageVerdict.Resized));
        Assert.That(comparison.Similarity, Is.GreaterThan(0.95));
        Assert.That(comparison.HashDistance, Is.LessThanOrEqualTo(4));
    }

    [Test]
    public void ADifferentPictureIsChanged()
    {
        var comparison = Compare(Original, GeneratedImages.Jpeg(8, 1280, 720));
        Assert.That(comparison.Verdict, Is.EqualTo(ImageVerdict.Changed));
        Assert.That(comparison.HashDistance, Is.GreaterThan(ImageComparer.HashWithin));
        Assert.That(comparison.Diff!.Ratio, Is.GreaterThan(0.2));
    }

    [TestCase(0.75, 1.0)]
    [TestCase(1.0, 0.7)]
    public void ACropIsResizedAndMarkedCropped(double keepWidth, double keepHeight)
    {
        var comparison = Compare(Original, GeneratedImages.Crop(Original, keepWidth, keepHeight));
        Assert.That(comparison.Verdict, Is.EqualTo(ImageVerdict.Resized));
        Assert.That(comparison.Cropped, Is.True);
    }

    [Test]
    public void ACropOfAnotherPictureIsChanged() =>
        Assert.That(Compare(Original, GeneratedImages.Crop(GeneratedImages.Jpeg(9, 1280, 720), 0.75, 1)).Verdict, Is.EqualTo(ImageVerdict.Changed));

    [Test]
    public void ALocalEditIsChangedThoughMostPixelsAgree()
    {
        var comparison = Compare(Original, GeneratedImages.Edit(Original, area: 0.04));
        Assert.That(comparison.Verdict, Is.EqualTo(ImageVerdict.Changed));
        Assert.That(comparison.Damaged, Is.GreaterThan(ImageComparer.DamagedAbove));
    }

    [Test]
    public void ThePixelDiffMarksOnlyWhatDiffers()
    {
        var a = ImageDecoder.Decode(Original, ImageLimits.Default);
        var same = PixelDiff.Compare(a.Rgba, a.Rgba, a.CanvasWidth, a.CanvasHeight);
        Assert.That(same.Different, Is.Zero);

        var edited = ImageDecoder.Decode(GeneratedImages.Edit(Original, area: 0.04), ImageLimits.Default);
        var diff = PixelDiff.Compare(a.Rgba, edited.Rgba, a.CanvasWidth, a.CanvasHeight);
        Assert.That(diff.Ratio, Is.InRange(0.01, 0.08), "about the painted patch, not the whole picture");
        var red = Enumerable.Range(0, diff.Width * diff.Height).Count(i => diff.Image[i * 4] == 255 && diff.Image[(i * 4) + 1] == 0);
        Assert.That(red, Is.EqualTo(diff.Different));
    }

    [Test]
    public void PerceptualHashesOfRenditionsAreCloseAndOfOtherPicturesFar()
    {
        var original = ImageDecoder.Decode(Original, ImageLimits.Default).Hash;
        var small = ImageDecoder.Decode(GeneratedImages.Reencode(Original, 50, 0.25), ImageLimits.Default).Hash;
        var distances = Enumerable.Range(20, 10).Select(i => PerceptualHash.Distance(original, ImageDecoder.Decode(GeneratedImages.Jpeg(i, 1280, 720), ImageLimits.Default).Hash)).ToList();
        Assert.That(PerceptualHash.Distance(original, small), Is.LessThanOrEqualTo(4));
        Assert.That(distances, Has.All.GreaterThan(ImageComparer.HashWithin));
    }

    [Test]
    public void SsimIsOneForIdenticalImagesAndLowForUnrelatedOnes()
    {
        var a = ImageDecoder.Decode(Original, ImageLimits.Default);
        var b = ImageDecoder.Decode(GeneratedImages.Jpeg(8, 1280, 720), ImageLimits.Default);
        Assert.That(Ssim.Compare(a.Grey, a.Grey, a.CanvasWidth, a.CanvasHeight).Mean, Is.EqualTo(1).Within(1e-9));
        Assert.That(Ssim.Compare(a.Grey, b.Grey, a.CanvasWidth, a.CanvasHeight).Mean, Is.LessThan(ImageComparer.SimilarAbove));
    }
}
