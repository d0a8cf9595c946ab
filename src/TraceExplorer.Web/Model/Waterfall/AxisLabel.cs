namespace TraceExplorer.Web.Model.Waterfall;

/// <summary>A label on the waterfall's time axis: where it sits in percent, and whether it hangs left of that point (the end of the axis).</summary>
public sealed record AxisLabel(double Percent, string Text, bool AtEnd);
