namespace TraceExplorer.Web.Model.Waterfall;

/// <summary>The waterfall's shared time axis over a window of the run, in milliseconds from the run's start.</summary>
public sealed record TimeAxis(double StartMs, double EndMs)
{
    public double SpanMs => Math.Max(EndMs - StartMs, 1e-6);

    /// <summary>Where an instant falls across the axis, in percent; outside the window it is below 0 or above 100.</summary>
    public double Percent(double ms) => (ms - StartMs) / SpanMs * 100;

    /// <summary>A bar's left edge and width in percent, clipped to the window; a bar never shrinks below a visible sliver.</summary>
    public (double Left, double Width) Bar(double startMs, double durationMs, double minWidthPercent = 0.15)
    {
        var left = Math.Clamp(Percent(startMs), 0, 100);
        var right = Math.Clamp(Percent(startMs + durationMs), 0, 100);
        return (left, Math.Max(right - left, minWidthPercent));
    }

    public bool Overlaps(double startMs, double durationMs) => startMs <= EndMs && startMs + durationMs >= StartMs;

    /// <summary>About <paramref name="target"/> tick positions at a round step (1, 2 or 5 × a power of ten ms).</summary>
    public IReadOnlyList<double> Ticks(int target = 6) => TicksEvery(NiceStep(SpanMs / Math.Max(target, 1)));

    private List<double> TicksEvery(double step)
    {
        var first = Math.Ceiling(StartMs / step) * step;
        var ticks = new List<double>();
        for (var tick = first; tick <= EndMs + (step * 1e-9); tick += step)
        {
            ticks.Add(Math.Round(tick, 9));
        }

        return ticks;
    }

    /// <summary>A narrower window: the part between two fractions (0 to 1) of this one, as chosen by dragging on the axis.</summary>
    public TimeAxis Zoom(double fromFraction, double toFraction)
    {
        var (a, b) = fromFraction <= toFraction ? (fromFraction, toFraction) : (toFraction, fromFraction);
        a = Math.Clamp(a, 0, 1);
        b = Math.Clamp(b, 0, 1);
        if (b - a < 1e-4)
        {
            return this;
        }

        return new TimeAxis(StartMs + (a * SpanMs), StartMs + (b * SpanMs));
    }

    /// <summary>
    /// The axis labels: the round ticks and the end of the window, all in one unit (ms, s or min, chosen by the
    /// window's end) on round steps of that unit, with as many decimals as the step needs. A tick whose label would touch the end's gives way to it.
    /// </summary>
    public IReadOnlyList<AxisLabel> Labels(int target = 6)
    {
        var unit = EndMs < 1000 ? (Ms: 1.0, Name: "ms") : EndMs < 120_000 ? (Ms: 1000.0, Name: "s") : (Ms: 60_000.0, Name: "min");
        var step = NiceStep(SpanMs / unit.Ms / Math.Max(target, 1)) * unit.Ms;
        var decimals = (int)Math.Clamp(Math.Ceiling(-Math.Log10(step / unit.Ms) - 1e-9), 0, 6);
        string Text(double ms) => (ms / unit.Ms).ToString("F" + decimals, System.Globalization.CultureInfo.InvariantCulture) + " " + unit.Name;

        // A tick is centred on its place and the end's label ends at 100 %: between them must fit half the one and all of
        // the other, at about 2.5 % a character on the narrowest waterfall (1,280 px).
        var end = Text(EndMs);
        var labels = TicksEvery(step)
            .Where(t => Percent(t) <= 100 - 2 - (2.5 * ((Text(t).Length / 2.0) + end.Length)))
            .Select(t => new AxisLabel(Percent(t), Text(t), false))
            .ToList();
        labels.Add(new AxisLabel(100, end, true));
        return labels;
    }

    public static double NiceStep(double rough)
    {
        if (rough <= 0 || double.IsNaN(rough))
        {
            return 1;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var fraction = rough / power;
        var nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }
}
