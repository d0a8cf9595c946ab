using System.ComponentModel.DataAnnotations;

namespace TraceExplorer.Web.Configuration;

/// <summary>The <c>DemoData</c> section: whether and how an empty store is seeded at start-up.</summary>
public sealed class DemoDataSettings
{
    public const string SectionName = "DemoData";

    public bool SeedOnEmptyStore { get; set; } = true;

    [Range(1, 10_000_000)]
    public int RunCount { get; set; } = 3000;

    public int Seed { get; set; } = 20261124;
}
