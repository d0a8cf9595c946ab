using PhoneNumbers;
using TraceExplorer.Core.Redaction;

namespace TraceExplorer.Tests.Redaction;

/// <summary>
/// The phone detector's shortcut beside the exact path it stands in for: wherever
/// <see cref="InternationalPhoneShortcut.IsWholeNumber"/> says a stretch is one international number, libphonenumber's
/// matcher finds exactly that number, whole, in every default region; and the remembered verdicts give what a first
/// search gives.
/// </summary>
public sealed class PhoneShortcutTests
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    [Fact]
    public void Where_the_shortcut_says_whole_number_the_matcher_finds_that_number_whole_in_every_region()
    {
        var taken = 0;
        var stretches = Stretches().ToList();
        foreach (var stretch in stretches)
        {
            if (!InternationalPhoneShortcut.IsWholeNumber(stretch))
            {
                continue;
            }

            taken++;
            foreach (var region in new RedactionOptions().PhoneRegions)
            {
                var matches = Util.FindNumbers(stretch, region, PhoneNumberUtil.Leniency.VALID, 1000).ToList();
                Assert.True(matches is [{ Start: 0 } only] && only.Length == stretch.Length,
                    $"'{stretch}' in {region}: the matcher found {string.Join(", ", matches.Select(m => $"'{m.RawString}' at {m.Start}"))}");
            }
        }

        // Not vacuous: the example numbers of every region, written the common ways, are most of what it takes.
        Assert.True(taken > stretches.Count / 3, $"the shortcut took {taken} of {stretches.Count} stretches");
    }

    [Theory]
    [InlineData("+1 415 555 2671", true)]
    [InlineData("+44-20-7946-0958", true)]
    [InlineData("+4915112345678", true)]
    [InlineData("+1 415 555 2671 ", false)]
    [InlineData("+1 415  555 2671", false)]
    [InlineData("+1 (415) 555-2671", false)]
    [InlineData("+1 415 555 2671-", false)]
    [InlineData("1 415 555 2671", false)]
    [InlineData("+1 415 555 26", true)]
    [InlineData("+1.415.555.2671", false)]
    public void The_shortcut_takes_only_a_plus_then_digits_split_by_single_spaces_or_dashes(string stretch, bool simple) =>
        Assert.Equal(simple, InternationalPhoneShortcut.HasSimpleInternationalShape(stretch));

    [Theory]
    [InlineData("+1 415 555 2671 555 2672")]
    [InlineData("+1 415 555 267")]
    [InlineData("+999 1234 5678")]
    public void A_stretch_that_is_not_one_valid_number_is_left_to_the_matcher(string stretch) =>
        Assert.False(InternationalPhoneShortcut.IsWholeNumber(stretch));

    [Theory]
    [InlineData("call me on +1 415 555 2671: order A-1 never arrived.")]
    [InlineData("Numbers: +44 20 7946 0958 / 020 7946 0958 and (415) 555-2671.")]
    [InlineData("phone 4915112345678, fax 030 12345678")]
    [InlineData("ticket 1234567 and 2025-05-17 15:36:18")]
    public void A_remembered_verdict_gives_what_the_first_search_gave(string text)
    {
        var detector = new PhoneDetector(new RedactionOptions().PhoneRegions);

        var first = detector.Find(text).ToList();
        var again = detector.Find(text).ToList();
        var shifted = detector.Find("x " + text).Select(d => d with { Start = d.Start - 2 }).ToList();

        Assert.Equal(first, again);
        Assert.Equal(first, shifted);
    }

    /// <summary>Every region's example numbers in international form, with spaces, dashes and none; then variants with a digit added or dropped.</summary>
    private static IEnumerable<string> Stretches()
    {
        foreach (var region in Util.GetSupportedRegions().Order(StringComparer.Ordinal))
        {
            foreach (var type in new[] { PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE, PhoneNumberType.TOLL_FREE })
            {
                var example = Util.GetExampleNumberForType(region, type);
                if (example is null)
                {
                    continue;
                }

                var international = Util.Format(example, PhoneNumberFormat.INTERNATIONAL);
                yield return international;
                yield return international.Replace(' ', '-');
                yield return Util.Format(example, PhoneNumberFormat.E164);
                yield return international + "1";
                yield return international[..^1];
                yield return international.Replace(" ", "");
            }
        }
    }
}
