using Analytics.Etl.Ingest;

namespace Analytics.Etl.Tests.Ingest;

public sealed class IndicatorMemoTests
{
    private static IndicatorRule Rule(short id) =>
        new(id, $"code_{id}", "tên", "name", "người", "stock", "count", "grassroots", new HashSet<string>(), new HashSet<string>(), []);

    [Fact]
    public void ATextIsAnsweredOnlyWithTheRuleRememberedForThatVeryString()
    {
        var memo = new SubmissionValidator.IndicatorMemo();
        // More texts than the memo has slots, so some share a slot and push each other out.
        var texts = Enumerable.Range(0, 300).Select(i => $"indicator {i}").ToList();
        var rules = texts.Select((_, i) => Rule((short)i)).ToList();
        for (var i = 0; i < texts.Count; i++) memo.Add(texts[i], rules[i]);

        var remembered = 0;
        for (var i = 0; i < texts.Count; i++)
        {
            if (!memo.TryGet(texts[i], out var rule)) continue;
            Assert.Same(rules[i], rule);
            remembered++;
        }
        Assert.InRange(remembered, 1, 64);
        // An equal text in another string object is not the string remembered: the caller looks it up.
        Assert.False(memo.TryGet(new string(texts[^1].AsSpan()), out _));
    }
}
