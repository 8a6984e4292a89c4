using Archive.Diff;

namespace Archive.Tests.Diff;

public sealed class TokenizerTests
{
    private static string[] Keys(string text) => Tokenizer.Tokenize(text).Select(t => t.Key).ToArray();

    [Test]
    public void ChineseIsOneTokenPerCharacter() =>
        Assert.That(Keys("王毅见普京。"), Is.EqualTo(new[] { "王", "毅", "见", "普", "京", "." }));

    [Test]
    public void LatinIsOneTokenPerWordWithPunctuationApart() =>
        Assert.That(Keys("The bridge's cables, 4.2 million!"), Is.EqualTo(new[] { "The", "bridge's", "cables", ",", "4.2", "million", "!" }));

    [Test]
    public void MixedScriptsSplitAtTheBoundary() =>
        Assert.That(Keys("贸易额超过1200亿美元 in 2023"), Is.EqualTo(new[] { "贸", "易", "额", "超", "过", "1200", "亿", "美", "元", "in", "2023" }));

    [Test]
    public void CyrillicAndGreekAreWords() =>
        Assert.That(Keys("Путин встретился с Ван И, είπε"), Is.EqualTo(new[] { "Путин", "встретился", "с", "Ван", "И", ",", "είπε" }));

    [Test]
    public void KanaHangulAndThaiAreOneTokenPerCharacter()
    {
        Assert.That(Keys("ニュース"), Has.Length.EqualTo(4));
        Assert.That(Keys("뉴스"), Has.Length.EqualTo(2));
        Assert.That(Keys("ข่าว"), Has.Length.EqualTo(3), "ข่ is one grapheme cluster: a consonant and its tone mark");
    }

    [Test]
    public void SoftHyphensAndZeroWidthSpacesInsideAWordLeaveOneWord()
    {
        Assert.That(Keys("exam\u00ADple"), Is.EqualTo(new[] { "example" }));
        Assert.That(Keys("exam\u200Bple"), Is.EqualTo(new[] { "example" }));
    }

    [Test]
    public void FullWidthFormsAndTypographicQuotesCompareAsTheirPlainForms()
    {
        Assert.That(Keys("ＡＢＣ１２３，“引号”"), Is.EqualTo(Keys("ABC123,\"引号\"")));
        Assert.That(Keys("don’t — stop"), Is.EqualTo(Keys("don't - stop")));
    }

    [Test]
    public void EmojiAndCombiningSequencesStayWhole()
    {
        Assert.That(Keys("👍🏽 ok"), Is.EqualTo(new[] { "👍🏽", "ok" }));
        Assert.That(Keys("cafe\u0301"), Has.Length.EqualTo(1));
    }

    [Test]
    public void TokensPointBackIntoTheOriginalText()
    {
        const string text = "  Hello,\u3000世界 ";
        var tokens = Tokenizer.Tokenize(text);
        Assert.That(tokens.Select(t => text.Substring(t.Start, t.Length)), Is.EqualTo(new[] { "Hello", ",", "世", "界" }));
        Assert.That(Tokenizer.Span(text, tokens, 0, 2), Is.EqualTo("Hello,\u3000"), "a span keeps the white space after it");
    }

    [Test]
    public void TheInternerKeysTokensAsTheTokenizerDoesAndKeepsOneStringPerSpelling()
    {
        // The interner memoises each spelling's key: the keys must be the tokenizer's own, and a repeated spelling
        // (ＡＢＣ twice, Straße twice) must come back as the same string, not be normalised again.
        const string text = "Straße ＡＢＣ café Straße ＡＢＣ 中国 don't ＡＢＣ";
        var interner = new TokenInterner();
        var first = interner.Tokenize(text);
        var again = interner.Tokenize(text);

        Assert.Multiple(() =>
        {
            Assert.That(first.Tokens.Select(t => t.Key), Is.EqualTo(Keys(text)));
            Assert.That(first.Ids, Is.EqualTo(again.Ids));
            Assert.That(ReferenceEquals(first.Tokens[1].Key, first.Tokens[4].Key), Is.True, "the same spelling, one key string");
            Assert.That(ReferenceEquals(first.Tokens[1].Key, again.Tokens[1].Key), Is.True);
        });
    }
}
