using System.Text;
using Archive.Capture;
using Archive.IO;
using Archive.Seeds;
using Archive.Web;

namespace Archive.Media;

/// <summary>Limits of the media stage.</summary>
/// <param name="MaxImageBytes">An archived or live image larger than this is not compared (an error says so).</param>
/// <param name="MaxProbeBytes">Videos, audio and embeds are only probed: this much of the body is read.</param>
/// <param name="MaxMediaPerSeed">References past this many in one seed are not checked (a note says so).</param>
/// <param name="MaxHashCandidates">Live images decoded to look for a picture by its perceptual hash.</param>
/// <param name="Parallelism">Media of one seed fetched and compared at once.</param>
public sealed record MediaOptions(
    long MaxImageBytes = 12 * 1024 * 1024,
    long MaxProbeBytes = 64 * 1024,
    int MaxMediaPerSeed = 100,
    int MaxHashCandidates = 60,
    int Parallelism = 4)
{
    public static MediaOptions Default { get; } = new();
}

/// <summary>The media stage's findings for one seed.</summary>
/// <param name="Notes">Limits hit and baselines that could not be read.</param>
public sealed record MediaComparison(IReadOnlyList<MediaFinding> Findings, IReadOnlyList<string> Notes)
{
    public static MediaComparison None { get; } = new([], []);
}

/// <summary>
/// The media stage: for every image and embed of the archived body, fetches the archived URL itself, finds the
/// live page's copy (by URL, then file name, then perceptual hash), compares the pixels and decides its status.
/// The first bytes seen behind each archived URL are recorded as its baseline, so that a picture swapped behind
/// an unchanged URL, or lost with its URL, is still caught on later runs.
/// </summary>
internal sealed partial class MediaChecker(IFetcher fetcher, ImageSignatureCache images, MediaOptions options, IMediaBaselines? baselines)
{
    public async Task<MediaComparison> CheckAsync(Seed seed, PageCapture capture, CancellationToken cancellationToken)
    {
        var notes = new List<string>();
        var references = seed.Document.Media;
        if (references.Count > options.MaxMediaPerSeed)
        {
            notes.Add($"only the first {options.MaxMediaPerSeed} of {references.Count} media references were checked");
            references = references.Take(options.MaxMediaPerSeed).ToList();
        }

        if (references.Count == 0)
        {
            return MediaComparison.None;
        }

        IReadOnlyDictionary<string, MediaBaselineEntry> recorded = new Dictionary<string, MediaBaselineEntry>();
        if (baselines is not null)
        {
            try
            {
                recorded = await baselines.ReadAsync(seed.Id, cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidDataException e)
            {
                notes.Add(e.Message + "; compared without baselines");
            }
        }

        var run = new SeedRun(fetcher, images, options, baselines, LiveMedia.From(capture, Diff.ContentComparer.MaxNesting), recorded, seed.Resources);
        var findings = new MediaFinding[references.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, references.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken },
            async (i, token) => findings[i] = await run.CheckAsync(references[i], token).ConfigureAwait(false)).ConfigureAwait(false);

        if (baselines is not null && !run.Added.IsEmpty)
        {
            // Bytes were stored as they were seen; the index is written last, so it never names bytes that are not there.
            await baselines.RecordAsync(seed.Id, run.Added.ToList(), cancellationToken).ConfigureAwait(false);
        }

        if (seed.Resources is { } crawl)
        {
            notes.Add($"{run.FromCrawl} of {references.Count} archived media files were read from the crawl {Path.GetFileName(crawl.Source)}; the rest were fetched from their archived URLs");
        }

        return new MediaComparison(findings, notes);
    }

    /// <summary>A fetched file, its bytes only when it is usable.</summary>
    private sealed record Fetched(MediaFile File, byte[]? Bytes, string? Problem, bool TooLarge);

    /// <summary>The state of one seed's check, shared by its media references.</summary>
    private sealed class SeedRun(
        IFetcher fetcher,
        ImageSignatureCache images,
        MediaOptions options,
        IMediaBaselines? baselines,
        LiveMedia live,
        IReadOnlyDictionary<string, MediaBaselineEntry> recorded,
        IArchivedResources? crawl)
    {
        private int fromCrawl;

        /// <summary>How many archived files the seed's crawl held.</summary>
        public int FromCrawl => fromCrawl;

        private readonly System.Collections.Concurrent.ConcurrentQueue<(string Url, MediaBaselineEntry Entry)> added = new();

        /// <summary>Baselines to record: pictures seen behind archived URLs that had none.</summary>
        public System.Collections.Concurrent.ConcurrentQueue<(string Url, MediaBaselineEntry Entry)> Added => added;

        public Task<MediaFinding> CheckAsync(MediaReference reference, CancellationToken cancellationToken) =>
            reference.Kind == MediaKind.Image ? CheckImageAsync(reference, cancellationToken) : CheckEmbedAsync(reference, cancellationToken);

        /// <summary>Videos, audio and embeds: does the archived URL still answer, and does the live page still hold it?</summary>
        private async Task<MediaFinding> CheckEmbedAsync(MediaReference reference, CancellationToken cancellationToken)
        {
            var archived = await FetchArchivedAsync(reference.Url, options.MaxProbeBytes, probe: true, cancellationToken).ConfigureAwait(false);
            var finding = Finding(reference, MediaStatus.Same, null) with { Archived = archived.File };
            if (archived.Problem is not null)
            {
                return finding with { Status = MediaStatus.Missing, Reason = $"the archived URL {archived.Problem}" };
            }

            var match = live.ByKey(reference);
            return match is null
                ? finding with { Status = MediaStatus.Removed, Reason = $"the live page no longer holds this {reference.Element}; its URL still answers" }
                : finding with { Live = new MediaFile(match.Url.AbsoluteUri, null, null, null, null, null, null, null), MatchedBy = MatchMethod.Url };
        }

        private async Task<MediaFinding> CheckImageAsync(MediaReference reference, CancellationToken cancellationToken)
        {
            var archived = await FetchArchivedAsync(reference.Url, options.MaxImageBytes, probe: false, cancellationToken).ConfigureAwait(false);
            var finding = Finding(reference, MediaStatus.Same, null) with { Archived = archived.File };

            // The reference picture: the baseline when one was recorded, else what the archived URL serves now.
            var baselineEntry = recorded.GetValueOrDefault(reference.Url.AbsoluteUri);
            var baselineBytes = baselineEntry is null || baselines is null ? null : await baselines.BytesAsync(baselineEntry.Sha256, cancellationToken).ConfigureAwait(false);
            if (baselineEntry is not null && baselineBytes is null)
            {
                baselineEntry = null; // its bytes are gone or damaged: compare as if none had been recorded
            }

            // Usable files carry their hash already: each file is hashed once.
            DecodedImage? archivedImage = archived.Bytes is null ? null : images.Decode(archived.File.Sha256!, archived.Bytes);
            if (archivedImage?.Signature is { } firstSeen && baselineEntry is null && baselines is not null)
            {
                await baselines.StoreAsync(archivedImage.Sha256, archived.Bytes!, cancellationToken).ConfigureAwait(false);
                added.Enqueue((reference.Url.AbsoluteUri, new MediaBaselineEntry(archivedImage.Sha256, fetcher.Time.GetUtcNow(), firstSeen.Format.ToString().ToLowerInvariant(), firstSeen.Width, firstSeen.Height)));
            }

            if (archivedImage is not null)
            {
                finding = finding with { Archived = Describe(archived.File, archivedImage) };
            }

            if (baselineEntry is not null)
            {
                var baseline = images.Decode(baselineEntry.Sha256, baselineBytes!);
                finding = finding with { Baseline = new BaselineUse(baselineEntry.Sha256, baselineEntry.RecordedAt, Used: archivedImage?.Sha256 != baselineEntry.Sha256) };

                // A picture swapped behind the archived URL is a change, whatever the live page shows.
                if (archivedImage?.Signature is { } now && baseline.Signature is { } then && archivedImage.Sha256 != baselineEntry.Sha256)
                {
                    var swap = ImageComparer.Compare(then, now, baselineBytes, archived.Bytes, images.Limits);
                    if (swap.Verdict == ImageVerdict.Changed)
                    {
                        return Scored(finding, swap, MediaStatus.Changed, $"the archived URL now serves a different picture than the one recorded on {baselineEntry.RecordedAt:yyyy-MM-dd}");
                    }
                }

                return await CompareWithLiveAsync(finding, reference, baseline, baselineBytes!, archived, cancellationToken).ConfigureAwait(false);
            }

            if (archivedImage is null)
            {
                return archived.TooLarge
                    ? finding with { Status = MediaStatus.Error, Reason = $"the archived image {archived.Problem}" }
                    : finding with { Status = MediaStatus.Missing, Reason = $"the archived URL {archived.Problem}" };
            }

            return await CompareWithLiveAsync(finding, reference, archivedImage, archived.Bytes!, archived, cancellationToken).ConfigureAwait(false);
        }

        private async Task<MediaFinding> CompareWithLiveAsync(MediaFinding finding, MediaReference reference, DecodedImage original, byte[] originalBytes, Fetched archived, CancellationToken cancellationToken)
        {
            var source = finding.Baseline is { Used: true } ? "the recorded baseline" : "the archived image";
            if (ImageFormatSniffer.Sniff(originalBytes) == ImageFormat.Svg)
            {
                return await CompareSvgAsync(finding, reference, originalBytes, cancellationToken).ConfigureAwait(false);
            }

            if (original.Signature is not { } signature)
            {
                return finding with { Status = MediaStatus.Error, Reason = $"{source} is {original.Error}" };
            }

            var deadNote = archived.Problem is null ? null : $"the archived URL {archived.Problem}; compared with the baseline";
            var match = Match(reference, signature);
            if (match is null)
            {
                return archived.Problem is null
                    ? finding with { Status = MediaStatus.Removed, Reason = "the live page no longer shows this image; its URL still serves it" }
                    : finding with { Status = MediaStatus.Missing, Reason = $"the archived URL {archived.Problem}, and the live page shows no copy" };
            }

            var (liveReference, method, loaded) = match.Value;
            var liveFetched = loaded is not null
                ? new Fetched(FileOf(loaded), loaded.Bytes, null, false)
                : await FetchAsync(liveReference.Url, options.MaxImageBytes, probe: false, cancellationToken).ConfigureAwait(false);
            finding = finding with { Live = liveFetched.File, MatchedBy = method };
            if (liveFetched.Bytes is null)
            {
                return liveFetched.TooLarge
                    ? finding with { Status = MediaStatus.Error, Reason = $"the live copy {liveFetched.Problem}" }
                    : finding with { Status = MediaStatus.Missing, Reason = $"the live page shows it at {liveFetched.File.Url}, which {liveFetched.Problem}" };
            }

            var liveImage = images.Decode(liveFetched.File.Sha256!, liveFetched.Bytes);
            finding = finding with { Live = Describe(liveFetched.File, liveImage) };
            if (liveImage.Signature is not { } liveSignature)
            {
                return finding with { Status = MediaStatus.Error, Reason = $"the live copy is {liveImage.Error}" };
            }

            var comparison = ImageComparer.Compare(signature, liveSignature, originalBytes, liveFetched.Bytes, images.Limits);
            var (status, reason) = comparison.Verdict switch
            {
                ImageVerdict.Same => (MediaStatus.Same, (string?)null),
                ImageVerdict.Resized => (MediaStatus.Resized, comparison.Cropped
                    ? $"the same picture, cropped ({signature.Width}×{signature.Height} → {liveSignature.Width}×{liveSignature.Height})"
                    : $"the same picture at {(signature.Width == liveSignature.Width && signature.Height == liveSignature.Height ? "another quality" : $"another size ({signature.Width}×{signature.Height} → {liveSignature.Width}×{liveSignature.Height})")}"),
                _ when method == MatchMethod.Place => (MediaStatus.Changed, $"in its place in the article (between the same paragraphs) the live page shows a different picture at {liveReference.Url} (similarity {comparison.Similarity:0.##})"),
                _ => (MediaStatus.Changed, $"the live page shows a different picture (similarity {comparison.Similarity:0.##})"),
            };
            return Scored(finding, comparison, status, reason is null || deadNote is null ? reason ?? deadNote : $"{reason}; {deadNote}");
        }

        /// <summary>SVG drawings are never rendered (they can carry scripts); they are compared by their bytes.</summary>
        private async Task<MediaFinding> CompareSvgAsync(MediaFinding finding, MediaReference reference, byte[] svg, CancellationToken cancellationToken)
        {
            var text = Encoding.UTF8.GetString(svg);
            if (text.Contains("<script", StringComparison.OrdinalIgnoreCase) || text.Contains("javascript:", StringComparison.OrdinalIgnoreCase) || SvgEventHandler().IsMatch(text))
            {
                return finding with { Status = MediaStatus.Error, Reason = "an SVG drawing that carries script: not rendered, not compared" };
            }

            var liveReference = live.ByKey(reference);
            if (liveReference is null)
            {
                return finding with { Status = MediaStatus.Removed, Reason = "the live page no longer shows this drawing; its URL still serves it" };
            }

            var loaded = live.Loaded(liveReference);
            var liveBytes = loaded?.Bytes ?? (await FetchAsync(liveReference.Url, options.MaxImageBytes, probe: false, cancellationToken).ConfigureAwait(false)).Bytes;
            finding = finding with { Live = new MediaFile(liveReference.Url.AbsoluteUri, loaded?.Status, loaded?.ContentType, ImageFormat.Svg, liveBytes?.Length, liveBytes is null ? null : ContentHash.Of(liveBytes), null, null), MatchedBy = MatchMethod.Url };
            return liveBytes is not null && liveBytes.AsSpan().SequenceEqual(svg)
                ? finding with { Similarity = 1 }
                : finding with { Status = MediaStatus.Changed, Reason = "the SVG drawing's text differs (drawings are compared by their bytes, never rendered)" };
        }

        /// <summary>The live page's copy: same URL once rendition parameters are dropped, else the only image with the same file name, else the nearest perceptual hash.</summary>
        private (MediaReference Reference, MatchMethod Method, CapturedImage? Loaded)? Match(MediaReference archived, ImageSignature signature)
        {
            if (live.ByKey(archived) is { } byUrl)
            {
                return (byUrl, MatchMethod.Url, live.Loaded(byUrl));
            }

            var byStem = live.ByStem(archived);
            if (byStem.Count == 1)
            {
                return (byStem[0], MatchMethod.Stem, live.Loaded(byStem[0]));
            }

            // Only pictures the browser loaded are looked at: fetching every thumbnail of a page to find one is not worth it.
            var nearest = (byStem.Count > 1 ? byStem : live.OfKind(MediaKind.Image))
                .Select(l => (Reference: l, Loaded: live.Loaded(l)))
                .Where(l => l.Loaded is not null)
                .Take(options.MaxHashCandidates)
                .Select(l => (l.Reference, l.Loaded, Image: images.Decode(l.Loaded!.Sha256!, l.Loaded.Bytes!)))
                .Where(l => l.Image.Signature is not null)
                .Select(l => (l.Reference, l.Loaded, Distance: PerceptualHash.Distance(signature.Hash, l.Image.Signature!.Hash)))
                .Where(l => l.Distance <= ImageComparer.HashWithin)
                .OrderBy(l => l.Distance)
                .FirstOrDefault();
            if (nearest.Reference is not null)
            {
                return (nearest.Reference, MatchMethod.Hash, nearest.Loaded);
            }

            // Nothing shows the same picture: what stands in its place in the text is what the article shows now.
            return live.ByPlace(archived) is { } inPlace ? (inPlace, MatchMethod.Place, live.Loaded(inPlace)) : null;
        }

        private async Task<Fetched> FetchAsync(Uri url, long cap, bool probe, CancellationToken cancellationToken)
        {
            // The page may have loaded this very URL already: never fetch twice what the browser has.
            if (!probe && live.Loaded(url) is { Bytes: not null, Status: >= 200 and < 300 } seen)
            {
                return Usable(FileOf(seen), seen.Bytes!, seen.ContentType);
            }

            return Judge(url, await fetcher.FetchAsync(new FetchRequest(url, MaxBodyBytes: cap), cancellationToken).ConfigureAwait(false), cap, probe);
        }

        /// <summary>An archived file: as the seed's crawl kept it, when the seed came from one that holds it; else from its archived URL today.</summary>
        private async Task<Fetched> FetchArchivedAsync(Uri url, long cap, bool probe, CancellationToken cancellationToken)
        {
            if (crawl is not null && await crawl.FindAsync(url, cap, cancellationToken).ConfigureAwait(false) is { } kept)
            {
                Interlocked.Increment(ref fromCrawl);
                return Judge(url, kept, cap, probe);
            }

            return await FetchAsync(url, cap, probe, cancellationToken).ConfigureAwait(false);
        }

        private static Fetched Judge(Uri url, FetchResponse response, long cap, bool probe)
        {
            var file = new MediaFile(url.AbsoluteUri, response.Status, response.ContentType, null, response.Body.Length, null, null, null);
            if (response.Failure is { } failure)
            {
                return new Fetched(file, null, $"cannot be fetched: {failure.Message}", false);
            }

            if (response.Status is not (>= 200 and < 300))
            {
                return new Fetched(file, null, $"answers {HttpStatusText.Describe(response.Status!.Value)}", false);
            }

            if (probe)
            {
                return new Fetched(file, response.Body, null, false);
            }

            if (response.Truncated)
            {
                return new Fetched(file, null, $"is larger than the {cap / 1024 / 1024} MB cap; not compared", true);
            }

            return Usable(file, response.Body, response.ContentType);
        }

        private static Fetched Usable(MediaFile file, byte[] bytes, string? contentType)
        {
            var format = ImageFormatSniffer.Sniff(bytes);
            file = file with { Format = format, Bytes = bytes.Length, Sha256 = ContentHash.Of(bytes) };
            return format switch
            {
                ImageFormat.Html => new Fetched(file, null, "serves an HTML page, not an image", false),
                ImageFormat.Unknown when bytes.Length == 0 => new Fetched(file, null, "serves an empty body", false),
                ImageFormat.Unknown when contentType is not null && !contentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase)
                    => new Fetched(file, null, $"serves {contentType.Split(';')[0]}, not an image", false),
                _ => new Fetched(file, bytes, null, false),
            };
        }

        /// <summary>What the browser received, as a media file of the report.</summary>
        private static MediaFile FileOf(CapturedImage image) => new(image.Url.AbsoluteUri, image.Status, image.ContentType, null, image.Size, image.Sha256, null, null);

        private static MediaFile Describe(MediaFile file, DecodedImage image) => file with
        {
            Sha256 = image.Sha256,
            Format = image.Signature?.Format ?? file.Format,
            Width = image.Signature?.Width,
            Height = image.Signature?.Height,
        };

        private static MediaFinding Finding(MediaReference reference, MediaStatus status, string? reason) =>
            new(reference.Index, reference.Kind, reference.Element, reference.Url, status, reason, null, null, null, null, null, null, null);

        private static MediaFinding Scored(MediaFinding finding, ImageComparison comparison, MediaStatus status, string? reason) => finding with
        {
            Status = status,
            Reason = reason,
            Similarity = comparison.Similarity,
            Scores = new ImageScores(comparison.Similarity, comparison.HashDistance, Math.Round(comparison.Damaged, 4), Math.Round(comparison.DiffRatio, 4), comparison.Cropped),
            DiffPng = comparison.Diff is { } diff && status != MediaStatus.Same ? ImageDecoder.EncodePng(diff.Image, diff.Width, diff.Height) : null,
        };
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\son[a-z]+\s*=", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex SvgEventHandler();
}
