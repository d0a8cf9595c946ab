namespace TraceExplorer.Core.Redaction;

/// <summary>Allocation-free counts the detectors' pre-checks use; they run on every stored string.</summary>
public static class TextStats
{
    public static int Digits(ReadOnlySpan<char> text)
    {
        var count = 0;
        foreach (var c in text)
        {
            count += char.IsAsciiDigit(c) ? 1 : 0;
        }

        return count;
    }

    public static int Count(ReadOnlySpan<char> text, char target)
    {
        var count = 0;
        foreach (var c in text)
        {
            count += c == target ? 1 : 0;
        }

        return count;
    }
}
