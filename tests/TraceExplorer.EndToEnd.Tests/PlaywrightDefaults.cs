using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace TraceExplorer.EndToEnd.Tests;

/// <summary>
/// Expectations wait for what the page shows, up to a bound a busy two-core machine still meets: Playwright's
/// default of 5 s failed a sign-in test once while another process kept both cores busy. A passing expectation
/// returns as soon as the page shows it, so the bound costs nothing when the app is quick.
/// </summary>
internal static class PlaywrightDefaults
{
    [ModuleInitializer]
    internal static void Apply() => Assertions.SetDefaultExpectTimeout(30_000);
}
