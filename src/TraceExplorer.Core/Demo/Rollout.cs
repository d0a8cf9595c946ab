namespace TraceExplorer.Core.Demo;

/// <summary>A version change rolled out gradually: from <see cref="StartDay"/> the new value's share ramps to 100% over <see cref="RampHours"/>.</summary>
public sealed record Rollout(string Before, string After, double StartDay, double RampHours)
{
    /// <param name="day">Days since the start of the demo traffic.</param>
    /// <param name="draw">A uniform draw in [0, 1) for the run, so the share is honoured across runs.</param>
    public string ValueAt(double day, double draw)
    {
        var share = Math.Clamp((day - StartDay) * 24 / RampHours, 0, 1);
        return draw < share ? After : Before;
    }
}
