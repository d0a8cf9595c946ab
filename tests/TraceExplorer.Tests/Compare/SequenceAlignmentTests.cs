using TraceExplorer.Core.Compare;

namespace TraceExplorer.Tests.Compare;

public sealed class SequenceAlignmentTests
{
    [Theory]
    [InlineData("abc", "abc", "a=a b=b c=c")]
    [InlineData("abc", "abxc", "a=a b=b +x c=c")]
    [InlineData("abxc", "abc", "a=a b=b -x c=c")]
    [InlineData("aab", "ab", "a=a -a b=b")]
    [InlineData("abab", "ab", "a=a b=b -a -b")]
    [InlineData("abc", "cab", "+c a=a b=b -c")]
    [InlineData("", "ab", "+a +b")]
    [InlineData("ab", "", "-a -b")]
    public void Insertions_deletions_repeats_and_reordering_align_as_expected(string a, string b, string expected)
    {
        var left = a.Select(c => c.ToString()).ToList();
        var right = b.Select(c => c.ToString()).ToList();

        var pairs = SequenceAlignment.Align(left, right);

        var described = string.Join(" ", pairs.Select(p => p switch
        {
            ({ } i, { } j) => $"{left[i]}={right[j]}",
            ({ } i, null) => $"-{left[i]}",
            (null, { } j) => $"+{right[j]}",
            _ => "?",
        }));
        Assert.Equal(expected, described);
    }

    [Fact]
    public void Every_index_of_both_sides_appears_once_in_order()
    {
        var random = new Random(7);
        var a = Enumerable.Range(0, 300).Select(_ => ((char)('a' + random.Next(4))).ToString()).ToList();
        var b = Enumerable.Range(0, 280).Select(_ => ((char)('a' + random.Next(4))).ToString()).ToList();

        var pairs = SequenceAlignment.Align(a, b);

        Assert.Equal(Enumerable.Range(0, 300), pairs.Where(p => p.A is not null).Select(p => p.A!.Value));
        Assert.Equal(Enumerable.Range(0, 280), pairs.Where(p => p.B is not null).Select(p => p.B!.Value));
        Assert.All(pairs.Where(p => p.A is not null && p.B is not null), p => Assert.Equal(a[p.A!.Value], b[p.B!.Value]));
    }
}
