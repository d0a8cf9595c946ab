namespace TraceExplorer.Core.Redaction;

/// <summary>
/// What the detectors' pre-checks ask of a text, counted in one pass: most stored strings hold nothing to redact, and
/// eighteen detectors each scanning them again cost more than the redaction itself.
/// </summary>
public readonly struct TextShape
{
    private const int Plain = 0, Space = 1, SpaceDash = 2, DotDash = 3, AnySeparator = 4, Dot = 5;

    private static readonly string[] Separators = ["", " ", " -", ".-", " -./", "."];

    public TextShape(string text)
    {
        Text = text;
        Span<int> longest = stackalloc int[Separators.Length];
        Span<int> run = stackalloc int[Separators.Length];
        Span<bool> afterSeparator = stackalloc bool[Separators.Length];
        char previous = '\0', beforePrevious = '\0';
        foreach (var c in text)
        {
            var digit = char.IsAsciiDigit(c);
            Digits += digit ? 1 : 0;
            Dots += c == '.' ? 1 : 0;
            Colons += c == ':' ? 1 : 0;
            HasAt |= c == '@' || (c == '0' && previous == '4' && beforePrevious == '%');
            HasEquals |= c == '=';
            HasUpper |= char.IsAsciiLetterUpper(c);
            HasDoubleColon |= c == ':' && previous == ':';
            HasSchemeSeparator |= c == '/' && previous == '/' && beforePrevious == ':';
            for (var i = 0; i < Separators.Length; i++)
            {
                if (digit)
                {
                    longest[i] = Math.Max(longest[i], ++run[i]);
                    afterSeparator[i] = false;
                }
                else if (run[i] > 0 && !afterSeparator[i] && Separators[i].Contains(c))
                {
                    afterSeparator[i] = true;
                }
                else
                {
                    run[i] = 0;
                    afterSeparator[i] = false;
                }
            }

            beforePrevious = previous;
            previous = c;
        }

        (DigitRun, DigitRunSpaced, DigitRunSpacedOrDashed) = (longest[Plain], longest[Space], longest[SpaceDash]);
        (DigitRunDottedOrDashed, DigitRunSeparated, DigitRunDotted) = (longest[DotDash], longest[AnySeparator], longest[Dot]);
    }

    public string Text { get; }

    public int Length => Text.Length;

    public int Digits { get; }

    public int Dots { get; }

    public int Colons { get; }

    /// <summary>An '@', or one percent-encoded as %40.</summary>
    public bool HasAt { get; }

    public bool HasEquals { get; }

    public bool HasUpper { get; }

    public bool HasDoubleColon { get; }

    /// <summary>"://", as a URL has.</summary>
    public bool HasSchemeSeparator { get; }

    /// <summary>The most digits in one stretch with no separator between them.</summary>
    public int DigitRun { get; }

    /// <summary>The most digits in one stretch with single spaces allowed between them.</summary>
    public int DigitRunSpaced { get; }

    /// <summary>…with single spaces or dashes between them.</summary>
    public int DigitRunSpacedOrDashed { get; }

    /// <summary>…with single dots or dashes between them.</summary>
    public int DigitRunDottedOrDashed { get; }

    /// <summary>…with single spaces, dashes, dots or slashes between them.</summary>
    public int DigitRunSeparated { get; }

    /// <summary>…with single dots between them.</summary>
    public int DigitRunDotted { get; }
}
