namespace TraceExplorer.Web.Components.Layout;

/// <summary>The browser's theme choice as a cookie (written by interop.js's setDarkMode), read on the server.</summary>
public static class ThemeCookie
{
    public const string Name = "traceexplorer-dark";

    /// <summary>True for dark, false for light, null when the browser never chose (or sent something else).</summary>
    public static bool? Read(string? value) => value switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };
}
