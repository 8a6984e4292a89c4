using AngleSharp.Dom;
using Archive.Seeds;
using Archive.Web;

namespace Archive.Diff;

/// <summary>
/// The align/diff stage: finds the archived article in the live page, aligns the two texts block by block and
/// token by token, and scores the drift. Live text outside the located article (site chrome, related lists) is
/// not compared; live text the archive never held (the rest of an article whose feed copy was cut short) is
/// coverage, not drift.
/// </summary>
internal static class ContentComparer
{
    /// <summary>A changed seed at or above this similarity is a minor change, below it a major one.</summary>
    public const double MinorSimilarity = 0.9;

    /// <summary>
    /// When less than this share of the archived tokens is found in the live article, the live page is a different
    /// page: a soft-404 or replaced content.
    /// </summary>
    public const double ReplacedBelow = 0.2;

    /// <summary>Shorter paragraphs above the article (a byline in a <c>p</c>) are furniture, not insertions.</summary>
    public const int MinProseTokens = 8;

    /// <summary>
    /// Two blocks paired only by their place are unrelated below this similarity (tokens in order): neighbouring
    /// paragraphs of one real article share 0.10–0.24 of theirs (docs/accuracy.md), an edited sentence leaves far
    /// more. Such a pair is still one rewrite (whatever stands in a paragraph's place is what it became), unless
    /// the archived block's words stand unchanged elsewhere on the page.
    /// </summary>
    public const double UnrelatedBelow = 0.3;

    /// <summary>Live pages nesting deeper than this are refused before parsing (tree building is quadratic in depth).</summary>
    public const int MaxNesting = 512;

    /// <param name="cancellationToken">The seed's time limit (<c>--total-timeout</c>) reaches the comparison too: a huge live page stops here, not minutes later.</param>
    /// <param name="boilerplate">What the run (and earlier runs) learned of the site's recurring blocks; this page's blocks are added to it.</param>
    public static TextComparison Compare(Seed seed, string liveHtml, Uri liveUrl, IgnoreRules rules, SiteBoilerplate? boilerplate = null, CancellationToken cancellationToken = default)
    {
        if (HtmlNestingScanner.FindExcess(liveHtml, MaxNesting) is { } line)
        {
            return TextComparison.Failed($"the live page nests elements more than {MaxNesting} deep (line {line}), too deep to compare");
        }

        var page = LiveHtml.Parse(liveHtml);
        rules.Drop(page);
        var hidden = DropHidden(page);
        cancellationToken.ThrowIfCancellationRequested();
        return Compare(seed.Title, seed.Document.Blocks, page, hidden, liveUrl, rules, boilerplate is null ? null : (boilerplate, seed.Id), cancellationToken);
    }

    /// <param name="hidden">Text the page holds but hides (see <see cref="DropHidden"/>): an archived block found there was not deleted.</param>
    internal static TextComparison Compare(string title, IReadOnlyList<TextBlock> archivedBlocks, IDocument page, IReadOnlyList<string> hidden, Uri liveUrl, IgnoreRules rules, (SiteBoilerplate Learned, string SeedId)? site = null, CancellationToken cancellationToken = default)
    {
        var interner = new TokenInterner();
        TokenizedText Prepare(string text) => interner.Tokenize(rules.Mask(TextNormalizer.DecodeEntities(text)));

        var archivedSource = new List<TextBlock>();
        var archived = new List<TokenizedText>();
        foreach (var block in archivedBlocks)
        {
            var text = Prepare(block.Text);
            if (text.Count > 0)
            {
                archivedSource.Add(block);
                archived.Add(text);
            }
        }

        var archivedShingles = archived.SelectMany(a => a.Shingles).ToHashSet();
        var located = ArticleLocator.Locate(page, archivedShingles, liveUrl, Prepare, cancellationToken);
        site?.Learned.Observe(liveUrl, site.Value.SeedId, located.Blocks.Select(b => b.Text).Concat(located.Elsewhere));
        located = located with { Elsewhere = [.. located.Elsewhere, .. hidden.Select(Prepare)] };
        var liveSource = located.Blocks.ToList();
        var live = liveSource.Select(b => b.Text).ToList();

        var aligned = BlockAligner.Align(archived, live, interner, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var outcome = Classify(aligned, archivedSource, archived, liveSource, live, located, interner, block => site is { } s && s.Learned.Recurs(liveUrl, s.SeedId, block));

        var blocks = new List<BlockDiff>(outcome.Blocks.Count + 1);
        var titleDiff = TitleComparer.Compare(title, page, rules, interner);
        if (titleDiff is not null)
        {
            blocks.Add(titleDiff);
        }

        blocks.AddRange(outcome.Blocks);

        var archivedTokens = archived.Sum(a => a.Count);
        // Every matched token is counted on both sides (a block found elsewhere on the page is live text as well),
        // so Matched ≤ both totals and each score below stays within 0..1.
        var liveTokens = outcome.Compared.Sum(j => live[j].Count) + outcome.LiveElsewhere;
        var similarity = archivedTokens + liveTokens == 0 ? 1 : 2.0 * outcome.Matched / (archivedTokens + liveTokens);
        var retained = archivedTokens == 0 ? 1 : (double)outcome.Matched / archivedTokens;
        var articleTokens = outcome.Paired.Sum(j => live[j].Count) + outcome.Inserted.Sum(j => live[j].Count) + outcome.Beyond.Sum(j => live[j].Count);
        var coverage = articleTokens == 0 ? (archivedTokens == 0 ? 1 : 0) : (double)outcome.Paired.Sum(j => live[j].Count) / articleTokens;

        var liveShingles = outcome.Compared.SelectMany(j => live[j].Shingles).ToList();
        var jaccard = Shingles.Jaccard(archivedShingles, liveShingles.ToHashSet());
        var simHash = SimHash.Distance(SimHash.Of(archived.SelectMany(a => a.Shingles)), SimHash.Of(liveShingles));

        var counts = new BlockCounts(
            outcome.Blocks.Count(b => b.Op == BlockOp.Equal),
            blocks.Count(b => b.Cosmetic),
            outcome.Blocks.Count(b => b.Op == BlockOp.Replace),
            outcome.Blocks.Count(b => b.Op == BlockOp.Insert),
            outcome.Blocks.Count(b => b.Op == BlockOp.Delete),
            outcome.Blocks.Count(b => b.Op == BlockOp.Move),
            outcome.Beyond.Count,
            outcome.Blocks.Count(b => b.Op == BlockOp.Furniture),
            outcome.Blocks.Count(b => b.Op == BlockOp.Resegmented));

        var titleChanged = titleDiff is { Op: BlockOp.Replace };
        var severity =
            archivedTokens > 0 && retained < ReplacedBelow ? Severity.Replaced
            : outcome.Blocks.Any(b => b.IsDrift) || titleChanged ? (similarity >= MinorSimilarity ? Severity.Minor : Severity.Major)
            : counts.Cosmetic > 0 ? Severity.Cosmetic
            : Severity.None;

        return new TextComparison(
            Round(similarity),
            Round(retained),
            Round(coverage),
            Round(jaccard),
            simHash,
            severity,
            new ArticleMatch(located.Method, Round(located.Strength), located.Selector),
            counts,
            blocks);
    }

    /// <param name="LiveElsewhere">Tokens of the live blocks outside the compared article that archived blocks were found in (whole, or edited): live text as well.</param>
    private sealed record Outcome(List<BlockDiff> Blocks, int Matched, int LiveElsewhere, List<int> Paired, List<int> Inserted, List<int> Beyond)
    {
        /// <summary>The live blocks the archive is compared with: those paired with an archived block, and insertions into the article.</summary>
        public IEnumerable<int> Compared => Paired.Concat(Inserted);
    }

    /// <summary>
    /// Decides what each unpaired live block is. The article's body is the deepest element holding every live block
    /// that pairs with an archived one; outside it, before or after those blocks, is page furniture (the headline,
    /// the byline, tags). Inside it, after the last paired block is the rest of an article the archive holds only
    /// the start of (coverage); above the first, a paragraph of prose is an insertion (an editor's note) and
    /// anything else (headline, byline, dateline) furniture; between them, a block is an insertion unless
    /// <see cref="Furniture"/> finds it is not prose of the article (a caption, a "Related" box, an advertising
    /// label, a block the site prints on other pages too). Runs whose words are the same across other block
    /// boundaries are one re-segmentation (<see cref="Resegmentation"/>). An archived block not in the article but
    /// elsewhere in the page (a standfirst the site moved into its header) was not deleted.
    /// </summary>
    private static Outcome Classify(
        List<AlignedBlock> aligned,
        List<TextBlock> archivedSource,
        List<TokenizedText> archived,
        List<LiveBlock> liveSource,
        List<TokenizedText> live,
        LocatedArticle located,
        TokenInterner interner,
        Func<TokenizedText, bool> recurring)
    {
        var pairedLive = aligned.Where(a => a.Live is not null && a.Archived is not null).Select(a => a.Live!.Value).ToList();
        var first = pairedLive.Count > 0 ? pairedLive.Min() : int.MaxValue;
        var last = pairedLive.Count > 0 ? pairedLive.Max() : int.MinValue;
        var body = CommonAncestor(pairedLive.Select(j => liveSource[j].Owner));

        var outside = new HashSet<int>();
        foreach (var j in live.Count > 0 && pairedLive.Count > 0 ? Enumerable.Range(0, live.Count) : [])
        {
            var inBody = body is not null && liveSource[j].Owner is { } owner && (owner == body || body.Contains(owner));
            if ((j < first || j > last) && !inBody)
            {
                outside.Add(j);
            }
            else if (j < first && !IsProse(liveSource[j]))
            {
                // Above the first archived block, inside the body: a headline, a byline, a dateline, a caption is
                // page furniture; a paragraph of prose (an editor's note, an update) is an insertion.
                outside.Add(j);
            }
        }

        // Text found on the page but outside the compared article.
        var elsewhereTexts = located.Elsewhere.Concat(outside.Select(j => live[j])).ToList();
        var elsewhere = elsewhereTexts.Select(interner.SequenceId).ToHashSet();
        var archivedIds = archived.Select(interner.SequenceId).ToArray();
        bool FoundElsewhere(int a) => elsewhere.Contains(archivedIds[a]);

        var blocks = new List<BlockDiff>(aligned.Count);
        var paired = new List<int>();
        var inserted = new List<int>();
        var beyond = new List<int>();
        var matched = 0;
        var liveElsewhere = 0;
        var resegmented = Resegmentation.Find(aligned, archived, live).ToDictionary(r => r.Start, r => r.End);
        for (var step = 0; step < aligned.Count; step++)
        {
            if (resegmented.TryGetValue(step, out var end))
            {
                var run = aligned.Skip(step).Take(end - step).ToList();
                var a = run.Where(s => s.Archived is not null).Select(s => s.Archived!.Value).Order().ToList();
                var b = run.Where(s => s.Live is not null).Select(s => s.Live!.Value).Order().ToList();
                matched += a.Sum(x => archived[x].Count);
                paired.AddRange(b);
                blocks.Add(new BlockDiff(
                    BlockOp.Resegmented,
                    string.Join("\n", a.Select(x => archived[x].Text)),
                    string.Join("\n", b.Select(x => live[x].Text)),
                    archivedSource[a[0]].Kind,
                    archivedSource[a[0]].Index,
                    liveSource[b[0]].Block.Index,
                    Cosmetic: true,
                    Joins: new BlockSpan(a.Count, b.Count)));
                step = end - 1;
                continue;
            }

            Add(aligned[step]);
        }

        void Add(AlignedBlock step)
        {
            var a = step.Archived;
            var j = step.Live;
            switch (step.Op)
            {
                case BlockOp.Insert when outside.Contains(j!.Value):
                    return;
                case BlockOp.Insert when j > last:
                    beyond.Add(j!.Value);
                    return;
                case BlockOp.Insert when Furniture.Reason(liveSource[j!.Value], body, recurring(live[j.Value])) is { } why:
                    blocks.Add(new BlockDiff(BlockOp.Furniture, null, live[j.Value].Text, liveSource[j.Value].Block.Kind, LiveIndex: j, Why: why));
                    return;
                case BlockOp.Insert:
                    inserted.Add(j!.Value);
                    blocks.Add(new BlockDiff(BlockOp.Insert, null, live[j!.Value].Text, liveSource[j.Value].Block.Kind, LiveIndex: j));
                    return;
                case BlockOp.Delete when FoundElsewhere(a!.Value):
                    matched += archived[a.Value].Count;
                    liveElsewhere += archived[a.Value].Count;
                    blocks.Add(new BlockDiff(BlockOp.Equal, archived[a.Value].Text, archived[a.Value].Text, archivedSource[a.Value].Kind, ArchivedIndex: archivedSource[a.Value].Index));
                    return;
                case BlockOp.Delete when EditedCopy(archived[a!.Value]) is { } copy:
                    // Edited where the page shows it outside the compared article (an intro beside the body, a
                    // standfirst moved into the header): a rewrite of that block, not a deletion.
                    var edit = TokenDiff.Compare(archived[a.Value], copy);
                    matched += edit.Matched;
                    liveElsewhere += copy.Count;
                    blocks.Add(new BlockDiff(
                        BlockOp.Replace,
                        archived[a.Value].Text,
                        copy.Text,
                        archivedSource[a.Value].Kind,
                        archivedSource[a.Value].Index,
                        Similarity: Round(2.0 * edit.Matched / (archived[a.Value].Count + copy.Count)),
                        Changes: edit.Changes));
                    return;
                case BlockOp.Delete:
                    blocks.Add(new BlockDiff(BlockOp.Delete, archived[a!.Value].Text, null, archivedSource[a.Value].Kind, ArchivedIndex: archivedSource[a.Value].Index));
                    return;
                case BlockOp.Move when step.Diff is null && FoundElsewhere(a!.Value):
                    // The page shows this text more than once (a venue line in the header and in a fact box): that
                    // one copy stands out of order says nothing about the article's order.
                    Add(step with { Op = BlockOp.Equal });
                    return;
            }

            // An unlike pair made only because the two stood in the same place is not a rewrite: a paragraph deleted
            // where a caption or a "Related" line stands is a deletion beside furniture, and one whose words stand
            // unchanged elsewhere on the page (outside the located article, or hidden) was not rewritten at all.
            var pairSimilarity = step.Op == BlockOp.Replace ? step.Matched(archived) * 2.0 / (archived[a!.Value].Count + live[j!.Value].Count) : 1;
            if ((pairSimilarity < UnrelatedBelow && FoundElsewhere(a!.Value))
                || (pairSimilarity < BlockAligner.PairSimilarity && Furniture.Reason(liveSource[j!.Value], body, recurring(live[j.Value])) is not null))
            {
                Add(new AlignedBlock(BlockOp.Delete, a, null, null));
                Add(new AlignedBlock(BlockOp.Insert, null, j, null));
                return;
            }

            // Equal, Replace, Move: an archived block and the live block it became.
            paired.Add(j!.Value);
            var count = step.Matched(archived);
            matched += count;
            var archivedText = archived[a!.Value].Text;
            var liveText = live[j.Value].Text;
            double? similarity = step.Op == BlockOp.Equal ? null : Round(2.0 * count / (archived[a.Value].Count + live[j.Value].Count));
            blocks.Add(new BlockDiff(
                step.Op,
                archivedText,
                liveText,
                archivedSource[a.Value].Kind,
                archivedSource[a.Value].Index,
                liveSource[j.Value].Block.Index,
                Cosmetic: step.Op == BlockOp.Equal && archivedText != liveText,
                Similarity: similarity,
                Changes: step.Diff?.Changes));
        }

        return new Outcome(blocks, matched, liveElsewhere, paired, inserted, beyond);

        // The one block outside the compared article most like an archived paragraph, when it is like enough to be
        // that paragraph edited (as a moved block must be); short lines are too alike by chance to say.
        TokenizedText? EditedCopy(TokenizedText block) =>
            block.Count < MinProseTokens
                ? null
                : elsewhereTexts
                    .Where(t => t.Count >= MinProseTokens)
                    .Select(t => (Text: t, Similarity: block.BagSimilarity(t)))
                    .Where(c => c.Similarity >= BlockAligner.MoveSimilarity)
                    .OrderByDescending(c => c.Similarity)
                    .Select(c => c.Text)
                    .FirstOrDefault();
    }

    /// <summary>Whether a block reads as prose: a paragraph or quotation of at least <see cref="MinProseTokens"/> tokens.</summary>
    private static bool IsProse(LiveBlock block) =>
        block.Block.Kind is BlockKind.Paragraph or BlockKind.Quote && block.Text.Count >= MinProseTokens;

    /// <summary>The deepest element holding all of <paramref name="elements"/>: the article's body, where its paragraphs flow.</summary>
    private static IElement? CommonAncestor(IEnumerable<IElement?> elements)
    {
        IElement? common = null;
        foreach (var element in elements)
        {
            if (element is null)
            {
                return null;
            }

            common ??= element;
            while (common is not null && common != element && !common.Contains(element))
            {
                common = common.ParentElement;
            }
        }

        return common;
    }

    /// <summary>
    /// Removes what a reader cannot see however the page is styled: elements marked <c>hidden</c> or styled
    /// <c>display: none</c> inline. Their text is returned: the rest of a paginated gallery or a collapsed "read more"
    /// is still the article, so an archived block found there is not reported deleted.
    /// </summary>
    private static List<string> DropHidden(IDocument page)
    {
        var hidden = new List<string>();
        foreach (var element in page.QuerySelectorAll("[hidden], [style]").ToList())
        {
            // Inside an element already removed: its text was read with that element's.
            if (IsAttached(element) && (element.HasAttribute("hidden") || IsDisplayNone(element.GetAttribute("style"))))
            {
                hidden.AddRange(ArchivedDocumentParser.ReadBlocks(element).Select(b => b.Text));
                element.Remove();
            }
        }

        return hidden;
    }

    /// <summary>Whether the element is still in its document: a walk up its ancestors, as long as the page is deep.</summary>
    private static bool IsAttached(IElement element)
    {
        INode node = element;
        while (node.Parent is { } parent)
        {
            node = parent;
        }

        return node is IDocument;
    }

    private static bool IsDisplayNone(string? style) =>
        style is not null && style.Replace(" ", string.Empty, StringComparison.Ordinal).Contains("display:none", StringComparison.OrdinalIgnoreCase);

    private static double Round(double value) => Math.Round(value, 4);
}
